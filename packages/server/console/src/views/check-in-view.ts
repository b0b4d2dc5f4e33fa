/**
 * Check-in at the door, made for a phone: search as you type, one large button per person to check in or undo.
 * Every tap goes through the offline queue (check-in-queue.ts), so a dropped connection loses nothing and the
 * screen says how many check-ins are still waiting to be sent.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { api, type Occurrence, type RegistrationRow } from '../api.js';
import { checkInQueue, type CheckInAnswer } from '../check-in-queue.js';
import { href, timeOfDay, when } from '../format.js';
import { ConsoleView } from './view.js';

export class MkConsoleCheckIn extends ConsoleView {
  static override styles = [
    ...ConsoleView.styles,
    css`
      input[type='search'] {
        width: 100%;
        font-size: 1.125rem;
        min-height: 3rem;
      }
      label.search {
        display: flex;
      }
      .people {
        list-style: none;
        padding: 0;
        margin: var(--_mk-space-3) 0 0;
        display: grid;
        gap: var(--_mk-space-2);
      }
      .person {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--_mk-space-3);
        padding: var(--_mk-space-2) var(--_mk-space-3);
        border: 1px solid var(--_mk-border);
        border-radius: var(--_mk-radius);
      }
      .person.present {
        border-inline-start: 6px solid var(--_mk-success);
      }
      .person .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .person button {
        flex: none;
        min-width: 7.5rem;
        min-height: 3rem;
      }
      .pending {
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    ...ConsoleView.properties,
    workshopId: { attribute: false },
    occurrenceId: { attribute: false },
    occurrence: { state: true },
    rows: { state: true },
    query: { state: true },
    waiting: { state: true },
  };

  declare workshopId: string;
  declare occurrenceId: string;
  declare occurrence: Occurrence | undefined;
  declare rows: RegistrationRow[] | undefined;
  declare query: string;
  declare waiting: number;

  constructor() {
    super();
    this.workshopId = '';
    this.occurrenceId = '';
    this.occurrence = undefined;
    this.rows = undefined;
    this.query = '';
    this.waiting = checkInQueue.items.length;
  }

  #onQueue = () => {
    this.waiting = checkInQueue.items.length;
    const rejected = checkInQueue.rejected.splice(0);
    if (rejected.length > 0) this.error = rejected.map((r) => `${r.item.name ?? 'A check-in'}: ${r.message}`).join(' ');
  };

  #onSent = (e: Event) => {
    const answer = (e as CustomEvent<CheckInAnswer>).detail;
    if (this.rows === undefined) return;
    this.rows = this.rows.map((r) => (r.registrationId === answer.registrationId ? { ...r, checkedInAt: answer.checkedInAt } : r));
  };

  #onOnline = () => void checkInQueue.flush();
  /** Not every reconnection fires `online` (a server that was away, a captive portal): retry now and then. */
  #retry: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    checkInQueue.addEventListener('change', this.#onQueue);
    checkInQueue.addEventListener('sent', this.#onSent);
    addEventListener('online', this.#onOnline);
    this.#retry = setInterval(() => {
      if (checkInQueue.items.length > 0) void checkInQueue.flush();
    }, 5_000);
    void this.load();
  }

  override disconnectedCallback(): void {
    checkInQueue.removeEventListener('change', this.#onQueue);
    checkInQueue.removeEventListener('sent', this.#onSent);
    removeEventListener('online', this.#onOnline);
    clearInterval(this.#retry);
    super.disconnectedCallback();
  }

  async load() {
    await this.run(async () => {
      const [occurrences, registrations] = await Promise.all([
        api<{ occurrences: Occurrence[] }>('/admin/occurrences?when=all').catch(() => ({ occurrences: [] as Occurrence[] })),
        api<{ registrations: RegistrationRow[] }>(`/admin/registrations?workshop=${encodeURIComponent(this.workshopId)}&occurrence=${encodeURIComponent(this.occurrenceId)}`),
      ]);
      this.occurrence = occurrences.occurrences.find((o) => o.workshopId === this.workshopId && o.occurrenceId === this.occurrenceId);
      this.rows = registrations.registrations;
    });
    // Whatever a reload left queued goes out now, if the connection allows.
    void checkInQueue.flush();
  }

  /** Whether the person is present as far as this phone knows: the server's answer, then the queued taps in order. */
  #present(r: RegistrationRow): boolean {
    let present = r.checkedInAt != null;
    for (const item of checkInQueue.items) if (item.registrationId === r.registrationId) present = item.present;
    return present;
  }

  #tap(r: RegistrationRow) {
    const present = !this.#present(r);
    checkInQueue.add(r.registrationId, present, r.name);
    this.notice = `${r.name ?? 'The person'} ${present ? 'checked in' : 'no longer checked in'}.`;
  }

  override render(): TemplateResult {
    const rows = (this.rows ?? []).filter((r) => r.status === 'confirmed' || r.checkedInAt != null);
    const q = this.query.trim().toLocaleLowerCase();
    const shown = q === '' ? rows : rows.filter((r) => `${r.name ?? ''} ${r.email ?? ''}`.toLocaleLowerCase().includes(q));
    const present = rows.filter((r) => this.#present(r)).length;
    return html`
      <p><a href=${href.occurrence(this.workshopId, this.occurrenceId)}>← Roster</a></p>
      <h1 tabindex="-1">Check-in${this.occurrence ? html`: ${this.occurrence.title}` : nothing}</h1>
      ${this.occurrence ? html`<p class="muted">${when(this.occurrence)}</p>` : nothing}
      <p class="pending" role="status" data-pending=${this.waiting}>
        ${this.waiting === 0 ? 'All check-ins sent.' : `${this.waiting} ${this.waiting === 1 ? 'check-in' : 'check-ins'} waiting to be sent`}
      </p>
      ${this.error === undefined ? nothing : html`<p role="alert">${this.error}</p>`}
      <p>${present} of ${rows.length} checked in.</p>
      <label class="search">Find a person <input type="search" name="search" autocomplete="off" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} /></label>
      <p class="visually-hidden" aria-live="polite">${this.notice}</p>
      ${this.rows === undefined && this.busy ? html`<p>Loading…</p>` : nothing}
      <ul class="people" aria-label="Confirmed people">
        ${shown.map((r) => {
          const here = this.#present(r);
          const name = r.name ?? '(erased)';
          return html`<li class=${here ? 'person present' : 'person'} data-registration=${r.registrationId}>
            <span><span class="name">${name}</span><br /><span class="muted">${here ? (r.checkedInAt ? `Checked in at ${timeOfDay(r.checkedInAt)}` : 'Checked in') : 'Not checked in'}</span></span>
            <button type="button" class=${here ? 'button secondary' : 'button'} @click=${() => this.#tap(r)}>
              ${here ? 'Undo' : 'Check in'}<span class="visually-hidden"> ${name}</span>
            </button>
          </li>`;
        })}
      </ul>
      ${shown.length === 0 && this.rows !== undefined ? html`<p>Nobody matches “${this.query}”.</p>` : nothing}
    `;
  }
}

customElements.define('mk-console-check-in', MkConsoleCheckIn);

/**
 * One occurrence: the roster (search, sort), the waiting list in order, and the staff's actions: add a walk-in,
 * move someone to another occurrence of the same workshop, cancel, promote, message the registrants, export CSV.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { api, apiUrl, occurrencePath, type Occurrence, type RegistrationRow } from '../api.js';
import { href, shortTime, statusLabel, when } from '../format.js';
import { capacityBar } from './occurrences-view.js';
import { cardStyles, formStyles } from '../styles.js';
import { ConsoleView } from './view.js';

type SortKey = 'name' | 'status' | 'time';
const STATUS_ORDER = ['confirmed', 'offered', 'waitlisted', 'requested', 'cancelled', 'declined', 'expired'];
const ACTIVE = new Set(['confirmed', 'offered', 'waitlisted', 'requested']);

export function sortRows(rows: readonly RegistrationRow[], key: SortKey, ascending: boolean): RegistrationRow[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const rank = (s: string) => (STATUS_ORDER.indexOf(s) + 1 || STATUS_ORDER.length + 1) * 10_000;
  const compare = (a: RegistrationRow, b: RegistrationRow): number => {
    if (key === 'name') return collator.compare(a.name ?? '', b.name ?? '');
    if (key === 'status') return rank(a.status) + (a.position ?? 0) - (rank(b.status) + (b.position ?? 0)) || a.requestedAt.localeCompare(b.requestedAt);
    return a.requestedAt.localeCompare(b.requestedAt);
  };
  return [...rows].sort((a, b) => (ascending ? 1 : -1) * compare(a, b) || a.registrationId.localeCompare(b.registrationId));
}

/** A form field's text (a file input would give a File: never here). */
const field = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

export class MkConsoleOccurrence extends ConsoleView {
  static override styles = [...ConsoleView.styles, cardStyles, formStyles];
  static override properties = {
    ...ConsoleView.properties,
    workshopId: { attribute: false },
    occurrenceId: { attribute: false },
    occurrence: { state: true },
    siblings: { state: true },
    rows: { state: true },
    query: { state: true },
    sortKey: { state: true },
    ascending: { state: true },
    includeInactive: { state: true },
  };

  declare workshopId: string;
  declare occurrenceId: string;
  declare occurrence: Occurrence | null | undefined;
  declare siblings: Occurrence[];
  declare rows: RegistrationRow[] | undefined;
  declare query: string;
  declare sortKey: SortKey;
  declare ascending: boolean;
  declare includeInactive: boolean;

  constructor() {
    super();
    this.workshopId = '';
    this.occurrenceId = '';
    this.occurrence = undefined;
    this.siblings = [];
    this.rows = undefined;
    this.query = '';
    this.sortKey = 'status';
    this.ascending = true;
    this.includeInactive = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  get #csvHref() {
    return apiUrl(`/admin/registrations?workshop=${encodeURIComponent(this.workshopId)}&occurrence=${encodeURIComponent(this.occurrenceId)}&format=csv`);
  }

  async load() {
    await this.run(async () => {
      const [occurrences, registrations] = await Promise.all([
        api<{ occurrences: Occurrence[] }>('/admin/occurrences?when=all').catch(() => ({ occurrences: [] as Occurrence[] })),
        api<{ registrations: RegistrationRow[] }>(`/admin/registrations?workshop=${encodeURIComponent(this.workshopId)}&occurrence=${encodeURIComponent(this.occurrenceId)}`),
      ]);
      this.occurrence = occurrences.occurrences.find((o) => o.workshopId === this.workshopId && o.occurrenceId === this.occurrenceId) ?? null;
      this.siblings = occurrences.occurrences.filter((o) => o.workshopId === this.workshopId && o.occurrenceId !== this.occurrenceId && o.status !== 'cancelled');
      this.rows = registrations.registrations;
    });
  }

  /** Runs an action, then reloads and says what happened. */
  async #act(work: () => Promise<unknown>, done: string) {
    const result = await this.run(work);
    if (result === undefined) return;
    await this.load();
    this.notice = done;
  }

  #cancel(row: RegistrationRow) {
    if (!confirm(`Cancel ${row.name ?? 'this registration'}? Their seat goes to the waiting list.`)) return;
    void this.#act(() => api(`/admin/registrations/${encodeURIComponent(row.registrationId)}/cancel`, { method: 'POST' }), `${row.name ?? 'The registration'} was cancelled.`);
  }

  #promote(row: RegistrationRow) {
    void this.#act(() => api(`/admin/registrations/${encodeURIComponent(row.registrationId)}/promote`, { method: 'POST' }), `${row.name ?? 'The registration'} now has a seat.`);
  }

  #move(row: RegistrationRow, form: HTMLFormElement) {
    const target = new FormData(form).get('occurrenceId');
    if (typeof target !== 'string' || target === '') return;
    const to = this.siblings.find((o) => o.occurrenceId === target);
    void this.#act(
      () => api<{ registration: RegistrationRow }>(`/admin/registrations/${encodeURIComponent(row.registrationId)}/move`, { method: 'POST', body: { occurrenceId: target } }),
      `${row.name ?? 'The registration'} was moved to ${to ? when(to) : target}.`,
    );
  }

  #walkIn(form: HTMLFormElement) {
    const data = new FormData(form);
    const name = field(data, 'name').trim();
    const email = field(data, 'email').trim();
    if (name === '') {
      this.error = 'Give the walk-in’s name.';
      return;
    }
    void this.#act(
      () => api(`${occurrencePath(this.workshopId, this.occurrenceId)}/walk-ins`, { method: 'POST', body: { name, ...(email ? { email } : {}), checkIn: data.get('checkIn') === 'on' } }),
      `${name} was added as a walk-in.`,
    ).then(() => {
      if (this.error === undefined) form.reset();
    });
  }

  #message(form: HTMLFormElement) {
    const data = new FormData(form);
    const statuses = data.getAll('statuses').map(String);
    const subject = field(data, 'subject').trim();
    const text = field(data, 'text').trim();
    if (subject === '' || text === '' || statuses.length === 0) {
      this.error = 'A message needs a subject, a text and at least one group of registrants.';
      return;
    }
    void this.run(() => api<{ queued: number }>(`${occurrencePath(this.workshopId, this.occurrenceId)}/messages`, { method: 'POST', body: { subject, text, statuses } })).then((answer) => {
      if (answer === undefined) return;
      this.notice = `${answer.queued} ${answer.queued === 1 ? 'message' : 'messages'} queued for sending.`;
      form.reset();
    });
  }

  #sortBy(key: SortKey) {
    if (this.sortKey === key) this.ascending = !this.ascending;
    else {
      this.sortKey = key;
      this.ascending = true;
    }
  }

  override render(): TemplateResult {
    const o = this.occurrence;
    const title = o?.title ?? this.workshopId;
    return html`
      <p><a href=${href.occurrences()}>← All occurrences</a></p>
      <h1 tabindex="-1">${title}</h1>
      ${o
        ? html`<p class="muted">${when(o)}</p>
            <div class="summary">${capacityBar(o)}</div>`
        : nothing}
      <p class="row-actions">
        <a class="button secondary small" href=${href.occurrence(this.workshopId, this.occurrenceId, 'check-in')}>Check-in</a>
        ${o?.drawRecorded ? html`<a class="button secondary small" href=${href.occurrence(this.workshopId, this.occurrenceId, 'draw')}>The draw</a>` : nothing}
        <a class="button secondary small" href=${this.#csvHref} download>Export roster (CSV)</a>
      </p>
      ${this.messages()} ${this.rows === undefined ? (this.busy ? html`<p>Loading…</p>` : nothing) : this.#roster(this.rows)}
      ${this.rows === undefined ? nothing : html`${this.#waitlist(this.rows)} ${this.#walkInForm()} ${this.#messageForm()}`}
    `;
  }

  #roster(all: RegistrationRow[]): TemplateResult {
    const q = this.query.trim().toLocaleLowerCase();
    const shown = sortRows(
      all.filter((r) => (this.includeInactive || ACTIVE.has(r.status)) && (q === '' || `${r.name ?? ''} ${r.email ?? ''}`.toLocaleLowerCase().includes(q))),
      this.sortKey,
      this.ascending,
    );
    const sortHeader = (key: SortKey, label: string) =>
      html`<th scope="col" aria-sort=${this.sortKey === key ? (this.ascending ? 'ascending' : 'descending') : 'none'}>
        <button type="button" class="sort" @click=${() => this.#sortBy(key)}>${label}<span aria-hidden="true">${this.sortKey === key ? (this.ascending ? ' ▲' : ' ▼') : ''}</span></button>
      </th>`;
    return html`<h2 id="roster-heading">Roster</h2>
      <div class="toolbar">
        <label
          >Search by name or e-mail
          <input type="search" name="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        </label>
        <label class="inline"
          ><input type="checkbox" name="inactive" .checked=${this.includeInactive} @change=${(e: Event) => (this.includeInactive = (e.target as HTMLInputElement).checked)} /> Show cancelled</label
        >
      </div>
      <p class="muted" aria-live="polite">${shown.length} of ${all.filter((r) => this.includeInactive || ACTIVE.has(r.status)).length} shown</p>
      <div class="table-scroll" role="region" aria-labelledby="roster-heading" tabindex="0">
        <table class="roster">
          <thead>
            <tr>
              ${sortHeader('name', 'Name')}<th scope="col">E-mail</th>${sortHeader('status', 'Status')}${sortHeader('time', 'Registered')}<th scope="col">Checked in</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map((r) => this.#row(r))}
          </tbody>
        </table>
      </div>`;
  }

  #row(r: RegistrationRow): TemplateResult {
    const who = r.name ?? 'this person';
    const active = ACTIVE.has(r.status);
    return html`<tr data-registration=${r.registrationId}>
      <th scope="row">${r.name ?? html`<span class="muted">(erased)</span>`}</th>
      <td>${r.email ?? ''}</td>
      <td>${statusLabel(r.status)}${r.position !== null ? ` #${r.position}` : ''}${r.code === 'walk-in' ? ' (walk-in)' : ''}</td>
      <td>${shortTime(r.requestedAt)}</td>
      <td>${r.checkedInAt ? shortTime(r.checkedInAt) : html`<span class="muted">—</span>`}</td>
      <td>
        <div class="row-actions">
          ${r.status === 'waitlisted' || r.status === 'offered' ? html`<button type="button" class="button small" @click=${() => this.#promote(r)}>Promote<span class="visually-hidden"> ${who}</span></button>` : nothing}
          ${active ? html`<button type="button" class="button danger small" @click=${() => this.#cancel(r)}>Cancel<span class="visually-hidden"> ${who}</span></button>` : nothing}
          ${active && this.siblings.length > 0
            ? html`<form
                class="inline"
                @submit=${(e: SubmitEvent) => {
                  e.preventDefault();
                  this.#move(r, e.target as HTMLFormElement);
                }}
              >
                <select name="occurrenceId" aria-label=${`Move ${who} to`}>
                  ${this.siblings.map((s) => html`<option value=${s.occurrenceId}>${when(s)}</option>`)}
                </select>
                <button type="submit" class="button secondary small">Move<span class="visually-hidden"> ${who}</span></button>
              </form>`
            : nothing}
        </div>
      </td>
    </tr>`;
  }

  #waitlist(rows: RegistrationRow[]): TemplateResult {
    const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    return html`<h2>Waiting list</h2>
      ${waiting.length === 0
        ? html`<p>Nobody is waiting.</p>`
        : html`<ol class="waitlist">
            ${waiting.map((r) => html`<li value=${r.position ?? nothing}>${r.name ?? '(erased)'} <span class="muted">— number ${r.position}</span></li>`)}
          </ol>`}`;
  }

  #walkInForm(): TemplateResult {
    return html`<h2 id="walk-in-heading">Add a walk-in</h2>
      <form
        class="inline panel"
        aria-labelledby="walk-in-heading"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          this.#walkIn(e.target as HTMLFormElement);
        }}
      >
        <label>Name <input name="name" autocomplete="off" required /></label>
        <label>E-mail (optional) <input name="email" type="email" autocomplete="off" /></label>
        <label class="inline"><input type="checkbox" name="checkIn" checked /> Checked in now</label>
        <button type="submit" class="button" ?disabled=${this.busy}>Add walk-in</button>
      </form>`;
  }

  #messageForm(): TemplateResult {
    return html`<h2 id="message-heading">Message the registrants</h2>
      <form
        class="panel message"
        aria-labelledby="message-heading"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          this.#message(e.target as HTMLFormElement);
        }}
      >
        <fieldset>
          <legend>Send to</legend>
          <label class="inline"><input type="checkbox" name="statuses" value="confirmed" checked /> Confirmed</label>
          <label class="inline"><input type="checkbox" name="statuses" value="waitlisted" /> Waiting list</label>
          <label class="inline"><input type="checkbox" name="statuses" value="offered" /> Offered a seat</label>
        </fieldset>
        <p><label>Subject <input name="subject" size="40" /></label></p>
        <p><label class="block">Message <textarea name="text"></textarea></label></p>
        <p><button type="submit" class="button" ?disabled=${this.busy}>Send message</button></p>
      </form>`;
  }
}

customElements.define('mk-console-occurrence', MkConsoleOccurrence);

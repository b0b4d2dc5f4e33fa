/** Upcoming (or past, or all) occurrences of the caller's programs: seats taken, waiting list, RSVP window. */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { api, type Occurrence } from '../api.js';
import { href, when, windowLabel } from '../format.js';
import { cardStyles } from '../styles.js';
import { ConsoleView } from './view.js';

type When = 'upcoming' | 'past' | 'all';

export function capacityBar(o: Pick<Occurrence, 'capacity' | 'counts'>): TemplateResult {
  const taken = o.counts.confirmed;
  if (o.capacity === null) return html`<span>${taken} confirmed (no seat limit)</span>`;
  const share = o.capacity === 0 ? 1 : Math.min(1, taken / o.capacity);
  const text = `${taken} of ${o.capacity} seats taken`;
  return html`<div class="capacity">
    <div class=${share >= 1 ? 'bar full' : 'bar'} aria-hidden="true"><span style=${styleMap({ width: `${Math.round(share * 100)}%` })}></span></div>
    <span>${text}${taken > o.capacity ? ` (${taken - o.capacity} over)` : share >= 1 ? ' (full)' : ''}</span>
  </div>`;
}

export class MkConsoleOccurrences extends ConsoleView {
  static override styles = [...ConsoleView.styles, cardStyles];
  static override properties = { ...ConsoleView.properties, occurrences: { state: true }, when: { state: true } };

  declare occurrences: Occurrence[] | undefined;
  declare when: When;

  constructor() {
    super();
    this.occurrences = undefined;
    this.when = 'upcoming';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    const answer = await this.run(() => api<{ occurrences: Occurrence[] }>(`/admin/occurrences?when=${this.when}`));
    if (answer !== undefined) this.occurrences = answer.occurrences;
  }

  override render(): TemplateResult {
    const list = this.occurrences;
    return html`
      <h1 tabindex="-1">Occurrences</h1>
      <div class="toolbar">
        <label
          >Show
          <select
            name="when"
            @change=${(e: Event) => {
              this.when = (e.target as HTMLSelectElement).value as When;
              void this.load();
            }}
          >
            <option value="upcoming" ?selected=${this.when === 'upcoming'}>Upcoming</option>
            <option value="past" ?selected=${this.when === 'past'}>Past</option>
            <option value="all" ?selected=${this.when === 'all'}>All</option>
          </select>
        </label>
      </div>
      ${this.messages()}
      ${list === undefined
        ? this.busy
          ? html`<p>Loading…</p>`
          : nothing
        : list.length === 0
          ? html`<p>No ${this.when === 'all' ? '' : this.when} occurrences in your programs.</p>`
          : html`<ul class="plain cards" aria-label="Occurrences">
              ${list.map((o) => this.#card(o))}
            </ul>`}
    `;
  }

  #card(o: Occurrence): TemplateResult {
    return html`<li class="panel occurrence" data-occurrence=${o.occurrenceId}>
      <h2><a href=${href.occurrence(o.workshopId, o.occurrenceId)}>${o.title}</a></h2>
      <p class="muted">${when(o)}${o.status === 'cancelled' ? html` · <strong>Cancelled</strong>` : nothing}</p>
      <dl>
        <div><dt>Seats</dt><dd>${capacityBar(o)}</dd></div>
        <div><dt>Waiting list</dt><dd>${o.counts.waitlisted === 0 ? 'nobody' : `${o.counts.waitlisted} waiting`}${o.counts.offered > 0 ? `, ${o.counts.offered} offered a seat` : ''}${o.counts.requested > 0 ? `, ${o.counts.requested} requests to allocate` : ''}</dd></div>
        <div><dt>RSVP</dt><dd>${windowLabel(o.window.state)}${o.allocation === 'lottery' ? ' · by lottery' : o.allocation === 'at-close' ? ' · allocated at close' : ''}</dd></div>
        <div><dt>Checked in</dt><dd>${o.counts.checkedIn}</dd></div>
      </dl>
      <p class="row-actions">
        <a class="button small" href=${href.occurrence(o.workshopId, o.occurrenceId)}>Roster<span class="visually-hidden">: ${o.title}, ${when(o)}</span></a>
        <a class="button secondary small" href=${href.occurrence(o.workshopId, o.occurrenceId, 'check-in')}>Check-in<span class="visually-hidden">: ${o.title}, ${when(o)}</span></a>
        ${o.drawRecorded ? html`<a class="button secondary small" href=${href.occurrence(o.workshopId, o.occurrenceId, 'draw')}>The draw<span class="visually-hidden">: ${o.title}</span></a>` : nothing}
      </p>
    </li>`;
  }
}

customElements.define('mk-console-occurrences', MkConsoleOccurrences);

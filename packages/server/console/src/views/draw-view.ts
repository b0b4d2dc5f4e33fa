/**
 * The draw of an allocation at close: who got which seat and why (tier, reserved seat, lottery order), with the
 * recorded seed and whether re-running it now gives the same order. The chart is a picture of the table below
 * it, which carries the same facts for screen readers and for copying.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { api, occurrencePath, type Draw, type DrawEntry } from '../api.js';
import { href, shortTime, statusLabel } from '../format.js';
import { cardStyles } from '../styles.js';
import { ConsoleView } from './view.js';

const why = (e: DrawEntry) =>
  [e.tierId ? `tier ${e.tierIndex + 1} (${e.tierId})` : 'no priority tier', e.reserved ? 'reserved seat' : '', e.order !== null ? `drawn ${e.order}` : ''].filter(Boolean).join(', ');

export class MkConsoleDraw extends ConsoleView {
  static override styles = [
    ...ConsoleView.styles,
    cardStyles,
    css`
      .chart {
        display: grid;
        gap: var(--_mk-space-3);
        margin: var(--_mk-space-3) 0;
      }
      .lane h3 {
        font-size: 1em;
        margin-bottom: var(--_mk-space-1);
      }
      .lane ol {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--_mk-space-2);
      }
      .cell {
        display: grid;
        min-width: 7.5em;
        padding: var(--_mk-space-1) var(--_mk-space-2);
        border: 2px solid var(--_mk-border);
        border-radius: var(--_mk-radius-sm);
        background: var(--_mk-surface-alt);
        font-size: var(--_mk-font-size-sm);
      }
      .cell.confirmed {
        border-color: var(--_mk-success);
      }
      .cell.reserved {
        border-style: double;
        border-width: 4px;
      }
      .cell .n {
        font-weight: 700;
      }
      .verdict.ok {
        color: var(--_mk-success);
      }
      .verdict.bad {
        color: var(--_mk-danger);
      }
      code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  static override properties = { ...ConsoleView.properties, workshopId: { attribute: false }, occurrenceId: { attribute: false }, draw: { state: true } };

  declare workshopId: string;
  declare occurrenceId: string;
  declare draw: Draw | null | undefined;

  constructor() {
    super();
    this.workshopId = '';
    this.occurrenceId = '';
    this.draw = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run(() => api<Draw>(`${occurrencePath(this.workshopId, this.occurrenceId)}/draw`)).then((d) => (this.draw = d ?? null));
  }

  override render(): TemplateResult {
    const d = this.draw;
    return html`
      <p><a href=${href.occurrence(this.workshopId, this.occurrenceId)}>← Roster</a></p>
      <h1 tabindex="-1">The draw</h1>
      ${this.messages()} ${d === undefined ? html`<p>Loading…</p>` : d === null ? nothing : this.#draw(d)}
    `;
  }

  #draw(d: Draw): TemplateResult {
    const seated = d.entries.filter((e) => e.outcome === 'confirmed').sort((a, b) => (a.seat ?? 0) - (b.seat ?? 0));
    const waiting = d.entries.filter((e) => e.outcome === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    const others = d.entries.filter((e) => e.outcome !== 'confirmed' && e.outcome !== 'waitlisted');
    const cell = (e: DrawEntry, n: string) =>
      html`<li class="cell ${e.outcome === 'confirmed' ? 'confirmed' : ''} ${e.reserved ? 'reserved' : ''}"><span class="n">${n}</span><span>${e.name ?? '(erased)'}</span><span class="muted">${why(e)}</span></li>`;
    return html`
      <dl class="facts">
        <div><dt>Method</dt><dd>${d.method === 'lottery' ? 'Lottery' : 'Request order'} within priority tiers; ${d.capacity === null ? 'no seat limit' : `${d.capacity} seats`}</dd></div>
        <div><dt>Decided</dt><dd>${shortTime(d.decidedAt)}</dd></div>
        <div><dt>Seed</dt><dd><code data-seed>${d.seed}</code></dd></div>
        <div>
          <dt>Check</dt>
          <dd class=${d.reproduced ? 'verdict ok' : 'verdict bad'} data-reproduced=${String(d.reproduced)}>
            ${d.reproduced ? '✓ Reproduced: re-running the draw with this seed gives the same order.' : '✗ Not reproduced: re-running the draw now gives a different order.'}
          </dd>
        </div>
      </dl>
      <figure>
        <figcaption>Seats and waiting list as drawn (the table below lists the same).</figcaption>
        <div class="chart" aria-hidden="true">
          <div class="lane"><h3>Seats</h3><ol>${seated.map((e) => cell(e, `Seat ${e.seat ?? '?'}`))}</ol></div>
          ${waiting.length > 0 ? html`<div class="lane"><h3>Waiting list</h3><ol>${waiting.map((e) => cell(e, `#${e.position ?? '?'}`))}</ol></div>` : nothing}
          ${others.length > 0 ? html`<div class="lane"><h3>Other outcomes</h3><ol>${others.map((e) => cell(e, statusLabel(e.outcome)))}</ol></div>` : nothing}
        </div>
      </figure>
      <div class="table-scroll" role="region" aria-label="The draw as a table" tabindex="0">
        <table class="draw">
          <caption>
            Every request in draw order
          </caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Name</th>
              <th scope="col">Tier</th>
              <th scope="col">Reserved seat</th>
              <th scope="col">Outcome</th>
              <th scope="col">Seat</th>
              <th scope="col">Waiting list</th>
            </tr>
          </thead>
          <tbody>
            ${[...d.entries]
              .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity))
              .map(
                (e) => html`<tr>
                  <td>${e.order ?? '—'}</td>
                  <th scope="row">${e.name ?? '(erased)'}</th>
                  <td>${e.tierId ?? 'none'}</td>
                  <td>${e.reserved ? 'yes' : 'no'}</td>
                  <td>${statusLabel(e.outcome)}</td>
                  <td>${e.seat ?? '—'}</td>
                  <td>${e.position ?? '—'}</td>
                </tr>`,
              )}
          </tbody>
        </table>
      </div>
    `;
  }
}

customElements.define('mk-console-draw', MkConsoleDraw);

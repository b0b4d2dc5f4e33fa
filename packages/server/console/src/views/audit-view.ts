/** The audit log, newest first, a page at a time, with a CSV export. */
import { html, nothing, type TemplateResult } from 'lit';
import { api, apiUrl, type AuditEntry } from '../api.js';
import { shortTime } from '../format.js';
import { ConsoleView } from './view.js';

const PAGE = 100;

export class MkConsoleAudit extends ConsoleView {
  static override properties = { ...ConsoleView.properties, entries: { state: true }, more: { state: true } };

  declare entries: AuditEntry[] | undefined;
  declare more: boolean;

  constructor() {
    super();
    this.entries = undefined;
    this.more = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(before?: string | number) {
    const answer = await this.run(() => api<{ entries: AuditEntry[] }>(`/admin/audit?limit=${PAGE}${before === undefined ? '' : `&before=${encodeURIComponent(before)}`}`));
    if (answer === undefined) return;
    this.entries = [...(before === undefined ? [] : (this.entries ?? [])), ...answer.entries];
    this.more = answer.entries.length === PAGE;
  }

  override render(): TemplateResult {
    const entries = this.entries;
    return html`
      <h1 tabindex="-1">Audit log</h1>
      <p><a class="button secondary small" href=${apiUrl('/admin/audit?format=csv&limit=1000')} download>Export the latest 1,000 (CSV)</a></p>
      ${this.messages()}
      ${entries === undefined
        ? nothing
        : entries.length === 0
          ? html`<p>Nothing recorded yet.</p>`
          : html`<div class="table-scroll" role="region" aria-label="Audit entries" tabindex="0">
              <table class="audit">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Detail</th>
                  </tr>
                </thead>
                <tbody>
                  ${entries.map(
                    (e) => html`<tr>
                      <td>${shortTime(e.at)}</td>
                      <td>${e.actor}</td>
                      <td>${e.action}</td>
                      <td>${e.subject ?? ''}</td>
                      <td><code>${e.detail === null || e.detail === undefined ? '' : JSON.stringify(e.detail)}</code></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      ${this.more ? html`<p><button type="button" class="button secondary" @click=${() => void this.load(entries?.at(-1)?.id)}>Older entries</button></p>` : nothing}
    `;
  }
}

customElements.define('mk-console-audit', MkConsoleAudit);

/** A program's attendance and completion, with its CSV and a credential to download per person who completed. */
import { html, nothing, type TemplateResult } from 'lit';
import { api, apiUrl, type Completion, type ProgramSummary } from '../api.js';
import { href } from '../format.js';
import { ConsoleView } from './view.js';

export class MkConsoleCompletion extends ConsoleView {
  static override properties = { ...ConsoleView.properties, programId: { attribute: false }, programs: { state: true }, report: { state: true } };

  declare programId: string | undefined;
  /** The programs the signed-in person runs (all, for an admin). */
  declare programs: ProgramSummary[] | undefined;
  declare report: Completion | undefined;

  constructor() {
    super();
    this.programId = undefined;
    this.programs = undefined;
    this.report = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    await this.run(async () => {
      this.programs = (await api<{ programs: ProgramSummary[] }>('/admin/programs')).programs;
      if (this.programId !== undefined) this.report = await api<Completion>(`/admin/programs/${encodeURIComponent(this.programId)}/completion`);
    });
  }

  override render(): TemplateResult {
    const programs = this.programs;
    const title = this.programId === undefined ? undefined : (programs?.find((p) => p.id === this.programId)?.title ?? this.programId);
    return html`
      <h1 tabindex="-1">Attendance and completion${title === undefined ? nothing : html`: ${title}`}</h1>
      ${programs !== undefined && programs.length > 1 || this.programId === undefined
        ? html`<nav aria-label="Programs">
            <ul class="plain row-actions">
              ${(programs ?? []).map((p) => html`<li><a class="button secondary small" href=${href.completion(p.id)} aria-current=${p.id === this.programId ? 'page' : nothing}>${p.title}</a></li>`)}
            </ul>
          </nav>`
        : nothing}
      ${programs !== undefined && programs.length === 0 ? html`<p>You organize no program.</p>` : nothing} ${this.messages()} ${this.report ? this.#report(this.report) : nothing}
    `;
  }

  #report(r: Completion): TemplateResult {
    const base = `/admin/programs/${encodeURIComponent(r.programId)}`;
    return html`
      <p>${r.sessions.length} ${r.sessions.length === 1 ? 'session' : 'sessions'} held. Completing takes attending ${Math.round(r.requiredShare * 100)}% of them.</p>
      <p><a class="button secondary small" href=${apiUrl(`${base}/completion?format=csv`)} download>Export completion (CSV)</a></p>
      <div class="table-scroll" role="region" aria-label="Completion" tabindex="0">
        <table class="completion">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Attended</th>
              <th scope="col">Completed</th>
              <th scope="col">Credential</th>
            </tr>
          </thead>
          <tbody>
            ${r.people.map(
              (p) => html`<tr data-person=${p.personKey}>
                <th scope="row">${p.name ?? '(erased)'}</th>
                <td>${p.email ?? ''}</td>
                <td>${p.attended} of ${p.of} (${Math.round(p.share * 100)}%)</td>
                <td>${p.completed ? 'Yes' : 'No'}</td>
                <td>
                  ${p.completed
                    ? html`<a href=${apiUrl(`${base}/credentials/${encodeURIComponent(p.personKey)}`)} download=${`credential-${p.personKey}.jsonld`}>Download credential<span class="visually-hidden"> for ${p.name ?? p.personKey}</span></a>`
                    : html`<span class="muted">—</span>`}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

customElements.define('mk-console-completion', MkConsoleCompletion);

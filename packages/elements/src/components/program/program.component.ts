import { html, nothing, type TemplateResult } from 'lit';
import type { Feed, FeedCurriculum, FeedProgram } from '@mentorkit/core/browser';
import { toHeadingLevel } from '../../internal/converters.js';
import { MkElement } from '../../internal/mk-element.js';
import { FeedController, describeFeedError } from '../../internal/feed-controller.js';
import { formatMinutes } from '../../internal/duration.js';
import { msg, str } from '../../internal/localize.js';
import { heading, httpHref, joinList, paragraphs } from '../resource-card/render-helpers.js';
import { emptyState, errorState, fallbackOr, loadingState } from '../../internal/feed-view.js';
import { programStyles } from './program.styles.js';

/** An address worth a mailto: link; anything else is shown as text. */
const EMAIL = /^[^\s@<>"'?&]+@[^\s@<>"'?&]+\.[^\s@<>"'?&]+$/;

/**
 * A program's own content, as its page shows it: title (unless `hide-title`), summary, introduction (in
 * paragraphs), hosts, audiences, outcomes, delivery options (from the program's curriculum), questions
 * and answers, and whom to contact. A section the feed does not carry is left out, heading and all.
 *
 * The order and headings follow the no-JS fallback `mentorkit build` writes
 * (`fallback/program-<id>.html`, or `fallback/hide-title/program-<id>.html` with `hide-title`), so the
 * swap from fallback to widget does not move the page.
 *
 * @summary A program's introduction, outcomes, audiences, FAQ and contacts.
 *
 * @slot - The no-JS fallback (or any server-rendered content), shown until the feed is loaded.
 *
 * @csspart base - The `<section>` around everything.
 * @csspart title - The program's heading (left out with `hide-title`).
 * @csspart summary - The one-line summary.
 * @csspart description - The introduction.
 * @csspart hosts - Who hosts the program.
 * @csspart audiences - Whom the program is for.
 * @csspart section-title - The heading of each section (outcomes, ways to take part, questions, contact).
 * @csspart outcomes - The outcomes list.
 * @csspart delivery - The delivery options list.
 * @csspart faq - The questions and answers.
 * @csspart question - One question (`<details>`).
 * @csspart question-summary - The `<summary>` of a question.
 * @csspart answer - An answer.
 * @csspart contacts - The contacts list.
 * @csspart contact - One contact.
 * @csspart empty - The state when the feed has no program.
 * @csspart error - The error state.
 * @csspart loading - The loading state.
 * @csspart fallback - Around the slotted fallback while the feed loads.
 *
 * @cssproperty --mk-program-max-width - Widest the text runs. Default: `52em`.
 * @cssproperty --mk-program-question-border-color - Border between questions. Default: `--mk-color-border`.
 */
export class MkProgram extends MkElement {
  static override styles = [MkElement.styles, programStyles];

  static override properties = {
    src: {},
    catalog: { attribute: false },
    programId: { attribute: 'program-id' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    openAnswers: { type: Boolean, attribute: 'open-answers' },
    hideTitle: { type: Boolean, attribute: 'hide-title' },
  };

  /** URL of the feed JSON (built by `mentorkit build`); widgets with the same `src` share one request. */
  declare src: string | undefined;
  /** A whole feed object; takes precedence over `src`. */
  declare catalog: Feed | undefined;
  /** Which program of the feed to show; may be left out when the feed has exactly one. */
  declare programId: string | undefined;
  /**
   * Level (1–6) of the program's heading; sections are one level below. With `hide-title`, the level of
   * the sections (the page's own heading, one level above them, names the program). Default 2.
   */
  declare headingLevel: number;
  /** Opens every answer of the questions at first render. */
  declare openAnswers: boolean;
  /**
   * Leaves out the program's title, for a page whose own heading already names the program; the
   * program's title still names the widget's region (`aria-label`). Use the `hide-title` fallback
   * (`fallback/hide-title/program-<id>.html`) with it.
   */
  declare hideTitle: boolean;

  readonly #data = new FeedController(this, {
    source: () => ({ src: this.src, catalog: this.catalog }),
    isEmpty: (feed) => feed.programs.length === 0,
  });

  /** A long feed passed as a property is checked in slices: `updateComplete` waits for it. */
  protected override pendingWork(): Promise<unknown> | undefined {
    return this.#data.pending;
  }

  constructor() {
    super();
    this.headingLevel = 2;
    this.openAnswers = false;
    this.hideTitle = false;
  }

  /** Loads the feed again (after a network error). */
  reload(): void {
    this.#data.reload();
  }

  override render(): TemplateResult {
    const state = this.#data.state;
    switch (state.status) {
      case 'idle':
      case 'loading':
        return fallbackOr(this, () => loadingState(msg('Loading the program…', { id: 'program-loading' })));
      case 'error':
        return fallbackOr(this, () => this.#renderError(describeFeedError(state.error), state.error.kind !== 'invalid'));
      case 'empty':
        return emptyState(msg('No program yet', { id: 'program-empty-title' }), msg('This catalog has not published a program.', { id: 'program-empty' }));
      case 'ready': {
        const programs = state.feed.programs;
        const wanted = this.programId?.trim();
        const ids = programs.map((p) => p.id).join(', ');
        if (!wanted && programs.length > 1) {
          return this.#renderError(msg(str`The feed has several programs: set program-id to one of them (${ids}).`, { id: 'program-ambiguous' }), false);
        }
        const program = wanted ? programs.find((p) => p.id === wanted) : programs[0];
        if (!program) {
          return this.#renderError(msg(str`The feed has no program with the id “${wanted}” (it has: ${ids}).`, { id: 'program-not-found' }), false);
        }
        const curriculum = program.curriculum ? state.feed.curricula.find((c) => c.id === program.curriculum) : undefined;
        return this.#renderProgram(program, curriculum);
      }
    }
  }

  #renderError(message: string, retry: boolean): TemplateResult {
    return errorState(msg('The program could not be shown', { id: 'program-error-title' }), message, retry ? () => this.#data.reload() : undefined);
  }

  #renderProgram(p: FeedProgram, curriculum: FeedCurriculum | undefined): TemplateResult {
    const level = toHeadingLevel(this.headingLevel, 2);
    // Without its own title, the program's sections take the level its title would have had.
    const sub = this.hideTitle ? level : Math.min(6, level + 1);
    const href = httpHref(p.url);
    const hosts = [...(p.hosts ?? []), ...(p.partners ?? [])];
    const hostList = joinList(hosts, this.locale);
    const audiences = joinList(
      (p.audiences ?? []).map((a) => a.name),
      this.locale,
    );
    return html`<section part="base" class="program" aria-labelledby=${this.hideTitle ? nothing : 'title'} aria-label=${this.hideTitle ? p.title : nothing}>
      ${this.hideTitle ? nothing : heading(level, 'title', href ? html`<a href=${href}>${p.title}</a>` : p.title, 'title')}
      ${p.summary?.trim() ? html`<p part="summary" class="summary">${p.summary}</p>` : nothing} ${paragraphs(p.description, 'description')}
      ${hosts.length ? html`<p part="hosts" class="hosts">${msg(str`Hosted by ${hostList}.`, { id: 'program-hosts' })}</p>` : nothing}
      ${p.audiences?.length ? html`<p part="audiences" class="audiences">${msg(str`For ${audiences}.`, { id: 'program-audiences' })}</p>` : nothing}
      ${this.#renderOutcomes(p, sub)} ${this.#renderDelivery(curriculum, sub)} ${this.#renderFaq(p, sub)} ${this.#renderContacts(p, sub)}
    </section>`;
  }

  #renderOutcomes(p: FeedProgram, level: number): TemplateResult | typeof nothing {
    if (!p.outcomes?.length) return nothing;
    return html`${heading(level, 'section-title', msg('Outcomes', { id: 'program-outcomes' }))}
      ${p.outcomesIntro?.trim() ? html`<p class="outcomes-intro">${p.outcomesIntro}</p>` : nothing}
      <ul part="outcomes" class="outcomes">
        ${p.outcomes.map((o) => html`<li>${o}</li>`)}
      </ul>`;
  }

  #renderDelivery(c: FeedCurriculum | undefined, level: number): TemplateResult | typeof nothing {
    if (!c?.delivery.length) return nothing;
    return html`${heading(level, 'section-title', msg('Ways to take part', { id: 'program-delivery' }))}
      <ul part="delivery" class="delivery">
        ${c.delivery.map((d) => {
          const details = [d.durationMinutes ? formatMinutes(d.durationMinutes, this.locale) : undefined].filter((x): x is string => Boolean(x));
          return html`<li>${d.description ?? d.kind.replace(/-/g, ' ')}${details.length ? html` <span class="delivery-details">(${details.join(' · ')})</span>` : nothing}</li>`;
        })}
      </ul>`;
  }

  #renderFaq(p: FeedProgram, level: number): TemplateResult | typeof nothing {
    if (!p.faq?.length) return nothing;
    return html`${heading(level, 'section-title', msg('Questions', { id: 'program-faq' }))}
      <div part="faq" class="faq">
        ${p.faq.map((f) =>
          f.question?.trim()
            ? html`<details part="question" class="question" ?open=${this.openAnswers}>
                <summary part="question-summary">${f.question}</summary>
                ${paragraphs(f.answer, 'answer')}
              </details>`
            : paragraphs(f.answer, 'answer'),
        )}
      </div>`;
  }

  #renderContacts(p: FeedProgram, level: number): TemplateResult | typeof nothing {
    if (!p.contacts?.length) return nothing;
    return html`${heading(level, 'section-title', msg('Contact', { id: 'program-contact' }))}
      <ul part="contacts" class="contacts">
        ${p.contacts.map((c) => {
          const link = httpHref(c.url);
          const email = c.email?.trim();
          const mailable = email !== undefined && EMAIL.test(email);
          return html`<li part="contact" class="contact">
            ${c.for ? html`<span class="contact-for">${c.for}:</span> ` : nothing}${c.name ? html`<span class="contact-name">${c.name}</span>` : nothing}
            ${email ? (mailable ? html`<a href=${`mailto:${email}`}>${email}</a>` : html`<span class="contact-email">${email}</span>`) : nothing} ${link ? html`<a href=${link}>${link}</a>` : nothing}
            ${c.phone ? html`<span class="contact-phone">${c.phone}</span>` : nothing} ${c.purpose ? html`<span class="contact-purpose">(${c.purpose})</span>` : nothing}
          </li>`;
        })}
      </ul>`;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Feed, FeedCurriculum, FeedWorkshop } from '@mentorkit/core/browser';
import { dateConverter, toHeadingLevel } from '../../internal/converters.js';
import { MkElement } from '../../internal/mk-element.js';
import { FeedController, describeFeedError } from '../../internal/feed-controller.js';
import { emit } from '../../internal/events.js';
import { dateTimeFormat, formatOccurrenceTimes } from '../../internal/format.js';
import { formatMinutes, formatStatedDuration, formatWorkshopFormat, statedDurationIso } from '../../internal/duration.js';
import { once } from '../../internal/memo.js';
import { sessionStatusLabel } from '../../internal/labels.js';
import { msg, str } from '../../internal/localize.js';
import { heading, httpHref, joinList, paragraphs } from '../resource-card/render-helpers.js';
import { emptyState, errorState, fallbackOr, formatCount, isOne, loadingState } from '../../internal/feed-view.js';
import { curriculumView, type CurriculumVariant, type SessionTiming, type ThemeSession, type ThemeView } from './curriculum-view.js';
import { curriculumStyles } from './curriculum.styles.js';

/** Detail of `mk-variant-change`. */
export interface VariantChangeDetail {
  /** The curriculum's id. */
  curriculum: string;
  /** The chosen variant's id; empty: every variant. */
  variant: string;
}

declare module '../../internal/events.js' {
  interface MkEventMap {
    'mk-variant-change': VariantChangeDetail;
  }
}


/** Sessions shown per theme before "and N more". */
const SESSIONS_SHOWN = 4;

/**
 * A curriculum at a glance: its themes (competencies) as a grid of cards, each with its learning
 * objectives (collapsible), the sessions in the feed that teach it, marked past or upcoming, and —
 * when the curriculum has versions for different audiences — which themes belong to one version only,
 * with a control to show one version. Ordering (any order or a sequence, numbered), provenance and
 * delivery options complete the picture.
 *
 * Sessions are the feed's workshops whose `themes` include the theme; a chosen version leaves out
 * workshops meant for another version's audience.
 *
 * @summary A curriculum's themes, objectives, versions and the sessions that teach them.
 *
 * @csspart base - The `<section>` around everything.
 * @csspart header - Title, description and facts.
 * @csspart title - The curriculum's title.
 * @csspart description - The curriculum's description.
 * @csspart facts - Ordering, number of themes, disciplines, the curricula it builds on, provenance.
 * @csspart objective - The curriculum's overall objective.
 * @csspart builds-on-link - A button naming a curriculum this one builds on that is in the feed; it shows that curriculum.
 * @csspart theme-resources - A theme's links to the resources that hold its learning objectives.
 * @csspart variants - The versions legend and switch.
 * @csspart variant-option - One option (label around a radio button) of the version switch.
 * @csspart variant-status - The sentence saying which version is shown (a polite live region).
 * @csspart themes - The list of themes (`<ol>` when in sequence, else `<ul>`).
 * @csspart theme - One theme card (`<li>`).
 * @csspart theme-number - A theme's number (sequence only).
 * @csspart theme-title - A theme's heading.
 * @csspart variant-badge - The badge of a theme that belongs to one version only.
 * @csspart theme-description - A theme's description.
 * @csspart objectives - A theme's objectives (`<details>`).
 * @csspart objectives-summary - The `<summary>` of the objectives.
 * @csspart sessions - A theme's list of sessions.
 * @csspart session - One session.
 * @csspart session-timing - A session's "Upcoming" / "Past" / "On request" badge.
 * @csspart delivery - The delivery options.
 * @csspart delivery-title - The heading of the delivery options.
 * @csspart delivery-duration - A delivery option's length: the author's label, or "60–90 min", "Half day", "2 days".
 * @csspart empty - The state when the feed has no curriculum.
 * @csspart error - The error state.
 * @csspart loading - The loading state.
 *
 * @cssproperty --mk-curriculum-theme-background - Theme card background. Default: `--mk-color-surface`.
 * @cssproperty --mk-curriculum-theme-border-color - Theme card border colour. Default: `--mk-color-border`.
 * @cssproperty --mk-curriculum-theme-radius - Theme card corner radius. Default: `--mk-radius`.
 * @cssproperty --mk-curriculum-theme-min-width - Narrowest a theme card gets before the grid drops a column. Default: `18em`.
 * @cssproperty --mk-curriculum-gap - Space between theme cards. Default: `--mk-space-4`.
 * @cssproperty --mk-curriculum-number-background - Background of theme numbers. Default: `--mk-color-accent`.
 * @cssproperty --mk-curriculum-number-color - Colour of theme numbers. Default: `--mk-color-accent-contrast`.
 * @cssproperty --mk-curriculum-variant-color - Colour of version-only badges and marks. Default: `--mk-color-accent`.
 *
 * @fires mk-variant-change - When the visitor chooses a version (not when the page sets `variant`). Detail: `{ curriculum, variant }`. Bubbles, composed.
 */
export class MkCurriculum extends MkElement {
  static override styles = [MkElement.styles, curriculumStyles];

  static override properties = {
    src: {},
    catalog: { attribute: false },
    curriculum: { attribute: false },
    workshops: { attribute: false },
    curriculumId: { attribute: 'curriculum-id' },
    variant: { reflect: true },
    now: { converter: dateConverter },
    headingLevel: { type: Number, attribute: 'heading-level' },
    openObjectives: { type: Boolean, attribute: 'open-objectives' },
  };

  /** URL of the feed JSON (built by `mentorkit build`). */
  declare src: string | undefined;
  /** A whole feed object; takes precedence over `src`. */
  declare catalog: Feed | undefined;
  /** One curriculum (`FeedCurriculum`), instead of a feed; pair it with `workshops`. */
  declare curriculum: FeedCurriculum | undefined;
  /** The workshops (`FeedWorkshop[]`) whose sessions teach the curriculum's themes, with `curriculum`. */
  declare workshops: FeedWorkshop[] | undefined;
  /** Which curriculum of the feed to show; default: the first. */
  declare curriculumId: string | undefined;
  /** The version (variant id) to show; empty: every version, with version-only themes marked. */
  declare variant: string;
  /** The clock deciding past and upcoming. Defaults to the time the element is first connected; the attribute takes an ISO date-time. */
  declare now: Date | undefined;
  /** Level (1–6) of the curriculum's heading; themes are one level below. Default 2. */
  declare headingLevel: number;
  /** Opens every theme's objectives at first render. */
  declare openObjectives: boolean;

  #wrapped: { curriculum: FeedCurriculum; list: FeedCurriculum[] } | undefined;

  readonly #data = new FeedController(this, {
    source: () => ({ src: this.src, catalog: this.catalog, curricula: this.#curriculumList(), workshops: this.curriculum ? (this.workshops ?? []) : undefined }),
    isEmpty: (feed) => feed.curricula.length === 0,
  });

  /** A long feed passed as a property is checked in slices: `updateComplete` waits for it. */
  protected override pendingWork(): Promise<unknown> | undefined {
    return this.#data.pending;
  }

  constructor() {
    super();
    this.variant = '';
    this.headingLevel = 2;
    this.openObjectives = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The one place the wall clock is read; everything below takes it as an argument.
    this.now ??= new Date();
  }

  /** Loads the feed again (after a network error). */
  reload(): void {
    this.#data.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('now') && this.now && Number.isNaN(this.now.getTime())) this.now = new Date();
  }

  /** The same one-item array for the same `curriculum` object, so the controller does not reload on every render. */
  #curriculumList(): FeedCurriculum[] | undefined {
    if (!this.curriculum) return undefined;
    if (this.#wrapped?.curriculum !== this.curriculum) this.#wrapped = { curriculum: this.curriculum, list: [this.curriculum] };
    return this.#wrapped.list;
  }

  #chooseVariant(curriculum: FeedCurriculum, variant: string): void {
    if (variant === this.variant) return;
    this.variant = variant;
    emit(this, 'mk-variant-change', { curriculum: curriculum.id, variant });
  }

  override render(): TemplateResult {
    const state = this.#data.state;
    switch (state.status) {
      case 'idle':
      case 'loading':
        return fallbackOr(this, () => loadingState(msg('Loading the curriculum…', { id: 'curriculum-loading' })));
      case 'error':
        return fallbackOr(this, () => this.#renderError(describeFeedError(state.error), state.error.kind !== 'invalid'));
      case 'empty':
        return emptyState(msg('No curriculum yet', { id: 'curriculum-empty-title' }), msg('This catalog has not published a curriculum.', { id: 'curriculum-empty' }));
      case 'ready': {
        const wanted = this.curriculumId?.trim();
        const curriculum = wanted ? state.feed.curricula.find((c) => c.id === wanted) : state.feed.curricula[0];
        if (!curriculum) {
          const ids = state.feed.curricula.map((c) => c.id).join(', ');
          return this.#renderError(msg(str`The feed has no curriculum with the id “${wanted}” (it has: ${ids}).`, { id: 'curriculum-not-found' }), false);
        }
        return this.#renderCurriculum(curriculum, state.feed.workshops, state.feed.curricula);
      }
    }
  }

  #renderError(message: string, retry: boolean): TemplateResult {
    return errorState(msg('The curriculum could not be shown', { id: 'curriculum-error-title' }), message, retry ? () => this.#data.reload() : undefined);
  }

  #renderCurriculum(curriculum: FeedCurriculum, workshops: readonly FeedWorkshop[], all: readonly FeedCurriculum[]): TemplateResult {
    const level = toHeadingLevel(this.headingLevel, 2);
    const known = curriculum.variants.some((v) => v.id === this.variant);
    const view = curriculumView(curriculum, workshops, { now: this.now ?? new Date(0), variant: known ? this.variant : undefined });
    const sequence = curriculum.ordering === 'sequence';
    const items = repeat(
      view.themes,
      (t) => t.theme.id,
      (t, i) => this.#renderTheme(t, i, Math.min(6, level + 1), sequence),
    );
    return html`<section part="base" class="curriculum" aria-labelledby="title">
      <header part="header" class="header">
        <p class="eyebrow">${msg('Curriculum', { id: 'curriculum-eyebrow' })}</p>
        ${heading(level, 'title', curriculum.title, 'title')} ${paragraphs(curriculum.description, 'description')} ${this.#renderObjective(curriculum)}
        ${this.#renderFacts(curriculum, all)}
      </header>
      ${this.#renderVariants(curriculum, view.variant, view.themes.length)}
      ${sequence
        ? html`<ol part="themes" class="themes sequence" role="list">${items}</ol>`
        : html`<ul part="themes" class="themes" role="list">${items}</ul>`}
      ${this.#renderDelivery(curriculum, Math.min(6, level + 1))}
    </section>`;
  }

  #renderObjective(c: FeedCurriculum): TemplateResult | typeof nothing {
    if (!c.objective) return nothing;
    return html`<p part="objective" class="objective"><span class="objective-label">${msg('Objective', { id: 'curriculum-objective' })}</span> ${c.objective}</p>`;
  }

  /** Shows another curriculum of the feed in place of this one, and moves focus to its title. */
  async #showCurriculum(id: string): Promise<void> {
    this.curriculumId = id;
    this.variant = '';
    await this.updateComplete;
    const title = this.renderRoot.querySelector<HTMLElement>('#title');
    if (title) {
      title.tabIndex = -1;
      title.focus();
    }
  }

  #renderBuildsOn(c: FeedCurriculum, all: readonly FeedCurriculum[]): unknown {
    const items = (c.buildsOn ?? []).map((b) =>
      all.some((x) => x.id === b.id && x.id !== c.id)
        ? html`<button type="button" part="builds-on-link" class="link-button" @click=${() => this.#showCurriculum(b.id)}>${b.title}</button>`
        : html`<span>${b.title}</span>`,
    );
    return items.map((item, i) => (i === 0 ? item : html`, ${item}`));
  }

  #renderFacts(c: FeedCurriculum, all: readonly FeedCurriculum[]): TemplateResult {
    const facts: [string, unknown][] = [];
    facts.push([
      msg('Order', { id: 'curriculum-order' }),
      c.ordering === 'sequence' ? msg('Themes in sequence', { id: 'curriculum-order-sequence' }) : msg('Themes in any order', { id: 'curriculum-order-any' }),
    ]);
    facts.push([msg('Themes', { id: 'curriculum-theme-count' }), formatCount(c.themes.length, this.locale)]);
    if (c.disciplines?.length) facts.push([msg('Disciplines', { id: 'curriculum-disciplines' }), joinList(c.disciplines, this.locale)]);
    if (c.buildsOn?.length) facts.push([msg('Builds on', { id: 'curriculum-builds-on' }), this.#renderBuildsOn(c, all)]);
    const p = c.provenance;
    if (p) {
      if (p.authors.length) facts.push([msg('Authors', { id: 'curriculum-authors' }), joinList(p.authors, this.locale)]);
      if (p.organization) facts.push([msg('Organization', { id: 'curriculum-organization' }), p.organization]);
      if (p.license) facts.push([msg('Licence', { id: 'curriculum-license' }), p.license]);
      const href = httpHref(p.url);
      if (href) facts.push([msg('Source', { id: 'curriculum-source' }), html`<a href=${href}>${hostOf(href)}</a>`]);
      if (p.citation) facts.push([msg('Cite as', { id: 'curriculum-citation' }), p.citation]);
    }
    return html`<dl part="facts" class="facts">${facts.map(([t, d]) => html`<div class="fact"><dt>${t}</dt><dd>${d}</dd></div>`)}</dl>`;
  }

  #renderVariants(c: FeedCurriculum, chosen: CurriculumVariant | undefined, shown: number): TemplateResult | typeof nothing {
    if (c.variants.length === 0) return nothing;
    const limited = c.themes.some((t) => t.variants?.length);
    const switchable = c.variants.length > 1 || limited;
    const n = formatCount(shown, this.locale);
    const title = chosen?.title ?? '';
    const status = chosen
      ? msg(str`Showing the ${n} themes of the ${title}.`, { id: 'curriculum-variant-status' })
      : msg(str`Showing all ${n} themes.`, { id: 'curriculum-variant-status-all' });
    return html`<div part="variants" class="variants">
      ${switchable
        ? html`<fieldset class="variant-switch">
            <legend class="variants-label">${msg('Show the version for', { id: 'curriculum-variant-legend' })}</legend>
            <div class="segments">
              ${[undefined, ...c.variants].map((v) => {
                const value = v?.id ?? '';
                const checked = (chosen?.id ?? '') === value;
                return html`<label part="variant-option" class="segment">
                  <input
                    type="radio"
                    name="variant"
                    .value=${value}
                    .checked=${checked}
                    @change=${(e: Event) => (e.target as HTMLInputElement).checked && this.#chooseVariant(c, value)}
                  />
                  <span>${v ? v.title : msg('All versions', { id: 'curriculum-variant-all' })}</span>
                </label>`;
              })}
            </div>
          </fieldset>`
        : nothing}
      <ul class="legend" role="list" aria-label=${msg('Versions', { id: 'curriculum-variants' })}>
        ${c.variants.map((v) => {
          const audiences = joinList(
            v.audiences.map((a) => a.name),
            this.locale,
          );
          return html`<li class="legend-item">
            <span class="legend-title">${v.title}</span>
            ${v.audiences.length ? html`<span class="legend-audience">${msg(str`For ${audiences}`, { id: 'curriculum-variant-audience' })}</span>` : nothing}
            ${v.description ? html`<span class="legend-description">${v.description}</span>` : nothing}
          </li>`;
        })}
      </ul>
      ${switchable ? html`<p part="variant-status" class="status-line" role="status">${status}</p>` : nothing}
    </div>`;
  }

  /**
   * `index`: the theme's place among those shown; in a sequence it is shown as a number (the `<ol>`
   * already tells assistive technology). Element ids use it too, since catalog ids may hold spaces.
   */
  #renderTheme(t: ThemeView, index: number, level: number, sequence: boolean): TemplateResult {
    const versions = joinList(
      t.onlyIn.map((v) => v.title),
      this.locale,
    );
    const only = t.onlyIn.length
      ? html`<p part="variant-badge" class="badge variant-badge">
          ${t.onlyIn.length === 1 ? msg(str`${versions} only`, { id: 'curriculum-variant-only' }) : msg(str`Only in ${versions}`, { id: 'curriculum-variant-only-many' })}
        </p>`
      : nothing;
    return html`<li part="theme" class=${t.onlyIn.length ? 'theme limited' : 'theme'}>
      <div class="theme-head">
        ${sequence ? html`<span part="theme-number" class="number" aria-hidden="true">${formatCount(index + 1, this.locale)}</span>` : nothing}
        ${heading(level, 'theme-title', t.theme.title)}
      </div>
      ${only} ${paragraphs(t.theme.description, 'theme-description')} ${this.#renderObjectives(t)} ${this.#renderThemeResources(t)} ${this.#renderSessions(t, index)}
    </li>`;
  }

  #renderObjectives(t: ThemeView): TemplateResult | typeof nothing {
    const objectives = t.theme.objectives;
    if (!objectives.length) return nothing;
    const n = formatCount(objectives.length, this.locale);
    const summary =
      isOne(objectives.length, this.locale)
        ? msg(str`${n} learning objective`, { id: 'curriculum-objectives-one' })
        : msg(str`${n} learning objectives`, { id: 'curriculum-objectives' });
    return html`<details part="objectives" class="objectives" ?open=${this.openObjectives}>
      <summary part="objectives-summary">${summary}</summary>
      <ul>
        ${objectives.map((o) => html`<li>${o.code ? html`<span class="code">${o.code}</span> ` : nothing}${o.statement}</li>`)}
      </ul>
    </details>`;
  }

  #renderThemeResources(t: ThemeView): TemplateResult | typeof nothing {
    const resources = t.theme.resources ?? [];
    if (!resources.length) return nothing;
    const links = resources.map((r) => {
      const href = httpHref(r.url);
      return href ? html`<a href=${href}>${r.title}</a>` : html`<span>${r.title}</span>`;
    });
    return html`<p part="theme-resources" class="theme-resources">
      <span class="label">${msg('Objectives in', { id: 'curriculum-theme-resources' })}</span> ${links.map((l, i) => (i === 0 ? l : html`, ${l}`))}
    </p>`;
  }

  #renderSessions(t: ThemeView, index: number): TemplateResult {
    if (!t.sessions.length) {
      return html`<p class="no-sessions">${msg('No sessions in this catalog yet.', { id: 'curriculum-no-sessions' })}</p>`;
    }
    const shown = t.sessions.slice(0, SESSIONS_SHOWN);
    const more = t.sessions.length - shown.length;
    const moreText = formatCount(more, this.locale);
    const labelId = `sessions-${index}`;
    return html`<div class="sessions-block">
      <p class="label" id=${labelId}>${msg('Sessions', { id: 'curriculum-sessions' })}</p>
      <ul part="sessions" class="sessions" role="list" aria-labelledby=${labelId}>
        ${shown.map((s) => this.#renderSession(s))}
      </ul>
      ${more > 0 ? html`<p class="more">${msg(str`and ${moreText} more`, { id: 'curriculum-more-sessions' })}</p>` : nothing}
    </div>`;
  }

  #renderSession(s: ThemeSession): TemplateResult {
    const o = s.occurrence;
    const href = httpHref(s.workshop.url);
    const title = o?.title ?? s.workshop.title;
    const cancelled = o && o.status !== 'scheduled' && o.status !== 'moved-online' && o.status !== 'rescheduled';
    const when = o
      ? html`<time datetime=${o.timeUnknown === true ? o.start.slice(0, 10) : o.start}>${o.timeUnknown === true ? formatOccurrenceTimes(o, this.locale, o.timeZone).event : dateTimeFormat(this.locale, SESSION_DATE(o.timeZone)).formatRange(new Date(o.start), new Date(o.end))}</time>`
      : s.timing === 'on-request'
        ? html`<span>${requestFormats(s.workshop, this.locale)}</span>`
        : nothing;
    return html`<li part="session" class="session ${s.timing}">
      <span class="session-title">${href ? html`<a href=${href}>${title}</a>` : title}</span>
      <span class="session-when">${when}</span>
      <span part="session-timing" class="badge timing ${cancelled ? 'cancelled' : s.timing}">${cancelled ? sessionStatusLabel(o.status) : timingLabel(s.timing)}</span>
    </li>`;
  }

  #renderDelivery(c: FeedCurriculum, level: number): TemplateResult | typeof nothing {
    if (!c.delivery.length) return nothing;
    return html`<div part="delivery" class="delivery">
      ${heading(level, 'delivery-title', msg('Ways to deliver it', { id: 'curriculum-delivery' }))}
      <ul role="list">
        ${c.delivery.map((d) => {
          const details = [
            d.sessions ? sessionsText(d.sessions, this.locale) : undefined,
            d.weeks ? weeksText(d.weeks, this.locale) : undefined,
          ].filter((x): x is string => Boolean(x));
          const duration = this.#renderDuration(d);
          return html`<li class="delivery-item">
            <span class="delivery-kind">${deliveryLabel(d.kind)}</span>
            ${duration !== nothing || details.length
              ? html`<span class="delivery-details">${duration}${duration !== nothing && details.length ? ' · ' : ''}${details.join(' · ')}</span>`
              : nothing}
            ${d.description ? html`<span class="delivery-description">${d.description}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  /** The length as stated: the author's label as given, else its value in its own unit; `<time>` only for one exact amount. */
  #renderDuration(d: FeedCurriculum['delivery'][number]): TemplateResult | typeof nothing {
    const stated = d.duration;
    if (!stated && !d.durationMinutes) return nothing;
    // A plain number of minutes reads as the other widgets read one ("1 hr, 30 min").
    const text = stated ? formatStatedDuration(stated, this.locale) : formatMinutes(d.durationMinutes!, this.locale);
    const iso = stated ? statedDurationIso(stated) : `PT${d.durationMinutes}M`;
    return iso
      ? html`<time part="delivery-duration" class="delivery-duration" datetime=${iso}>${text}</time>`
      : html`<span part="delivery-duration" class="delivery-duration">${text}</span>`;
  }
}

const SESSION_DATE = (timeZone: string): Intl.DateTimeFormatOptions => ({
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone,
  timeZoneName: 'short',
});

function hostOf(href: string): string {
  try {
    return new URL(href).host.replace(/^www\./, '');
  } catch {
    return href;
  }
}

function timingLabel(timing: SessionTiming): string {
  switch (timing) {
    case 'upcoming':
      return msg('Upcoming', { id: 'curriculum-upcoming' });
    case 'now':
      return msg('Happening now', { id: 'curriculum-now' });
    case 'past':
      return msg('Past', { id: 'curriculum-past' });
    case 'on-request':
      return msg('On request', { id: 'badge-on-request' });
    case 'undated':
      return msg('No date yet', { id: 'curriculum-undated' });
  }
}

function requestFormats(w: FeedWorkshop, locale: string): string {
  const formats = w.formats.flatMap((f) => formatWorkshopFormat(f, locale) ?? []);
  return formats.length ? joinList(formats, locale, 'disjunction') : '';
}

function sessionsText(n: number, locale: string): string {
  const count = formatCount(n, locale);
  return isOne(n, locale)
    ? msg(str`${count} session`, { id: 'curriculum-delivery-session' })
    : msg(str`${count} sessions`, { id: 'curriculum-delivery-sessions' });
}

function weeksText(n: number, locale: string): string {
  return once(`weeks|${locale}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'week', unitDisplay: 'long' })).format(n);
}

function deliveryLabel(kind: string): string {
  switch (kind) {
    case 'weekly-series':
      return msg('Weekly series', { id: 'curriculum-delivery-weekly-series' });
    case 'standalone-workshops':
      return msg('Stand-alone workshops', { id: 'curriculum-delivery-standalone' });
    case 'half-day':
      return msg('Half-day format', { id: 'curriculum-delivery-half-day' });
    case 'full-day':
      return msg('Full-day format', { id: 'curriculum-delivery-full-day' });
    case 'multi-day':
      return msg('Multi-day format', { id: 'curriculum-delivery-multi-day' });
    case 'self-paced':
      return msg('Self-paced', { id: 'curriculum-delivery-self-paced' });
    case 'other':
      return msg('Other format', { id: 'curriculum-delivery-other' });
    default:
      return kind;
  }
}

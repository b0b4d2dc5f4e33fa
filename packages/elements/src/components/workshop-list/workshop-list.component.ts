import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { googleCalendarUrl, outlookCalendarUrl, sessionUid, type Feed, type FeedOccurrence, type FeedWorkshop } from '@mentorkit/core/browser';
import { dateConverter, toHeadingLevel } from '../../internal/converters.js';
import { MkElement } from '../../internal/mk-element.js';
import { FeedController, SLICE_BUDGET_MS, describeFeedError, inSlices, yieldToPage } from '../../internal/feed-controller.js';
import { emit, type WorkshopFilters, type WorkshopView } from '../../internal/events.js';
import { formatDate, formatDateParts, formatOccurrenceTimes, formatPartialDate, occurrenceEnded, viewerTimeZone } from '../../internal/format.js';
import { formatMinutes, formatWorkshopFormat } from '../../internal/duration.js';
import { sessionStatusLabel } from '../../internal/labels.js';
import { msg, str } from '../../internal/localize.js';
import { errorState, fallbackOr, formatCount, isOne, loadingState } from '../../internal/feed-view.js';
import { allDayDates, allDayGoogleUrl, allDayOutlookUrl, downloadText, icsFileName, icsForEvent, type CalendarEvent } from '../../internal/calendar-links.js';
import { mailtoHref, safeHref } from '../../internal/urls.js';
import { filterMatcher, hasActiveFilters, indexSteps, rsvpPhase, viewEntries, type FilterOptions, type IndexedWorkshop, type ViewEntry, type WorkshopIndex, type WorkshopSections } from './workshop-index.js';
import { styles } from './workshop-list.styles.js';

type FeedLocation = NonNullable<FeedOccurrence['location']>;
type FeedRecording = NonNullable<FeedOccurrence['recording']>;

const VIEWS: readonly WorkshopView[] = ['upcoming', 'past', 'all'];

/** Entries per chunk: the unit a render slice adds, each chunk re-rendered only when it changes. */
const CHUNK = 8;
/**
 * The first slice, rendered at once: one chunk, a screenful and more (an entry with its sessions is a
 * few lines tall even in a wide column). Larger, it was the page's longest task on a slow device.
 */
const FIRST_SLICE = CHUNK;

/** Splits entries into chunks of `CHUNK`, the same arrays for the same entries (for `guard`). */
const chunked = new WeakMap<readonly ViewEntry[], readonly (readonly ViewEntry[])[]>();
function chunksOf(entries: readonly ViewEntry[]): readonly (readonly ViewEntry[])[] {
  let chunks = chunked.get(entries);
  if (!chunks) {
    const list: ViewEntry[][] = [];
    for (let i = 0; i < entries.length; i += CHUNK) list.push(entries.slice(i, i + CHUNK));
    chunked.set(entries, (chunks = list));
  }
  return chunks;
}

/** How many entries slicing counts in a view: the dated ones padded to whole chunks, then the others. */
function sliceSize(sections: Pick<WorkshopSections, 'dated' | 'onRequest'>): number {
  return chunksOf(sections.dated).length * CHUNK + sections.onRequest.length;
}

/** A feed indexed for a clock, with the entries of each view computed so far. */
interface Indexed extends WorkshopIndex {
  feed: Feed;
  now: Date;
  views: Map<WorkshopView, WorkshopSections>;
}

interface RenderContext {
  locale: string;
  viewerZone: string;
  now: Date;
  level: number;
  /** The feed's catalog id: calendar UIDs are named within it. */
  catalogId?: string;
}

/**
 * A list of a program's workshops: upcoming or past sessions with times in the event's and the
 * visitor's zones, objectives, presenters, recordings, add-to-calendar and an RSVP action, with filters
 * and search. Offerings booked on request are listed after dated ones with how to request them.
 *
 * @summary Upcoming and past workshops from a mentorkit feed, filterable, with add-to-calendar and RSVP.
 *
 * @csspart filters - The filter form (search box, view switch, selects).
 * @csspart search - The search box.
 * @csspart count - The "N workshops" line (a polite live region).
 * @csspart list - The list of workshops (`<ul>`).
 * @csspart item - One workshop (`<li>`).
 * @csspart date - The calendar leaf with the first shown session's date.
 * @csspart title - A workshop's title.
 * @csspart badge - Status, access and RSVP badges.
 * @csspart meta - Program, length and modality line.
 * @csspart sessions - The list of a workshop's sessions.
 * @csspart session - One session: times, place, status, actions.
 * @csspart time - A session's time in the event's zone.
 * @csspart local-time - A session's time in the visitor's zone (only when it differs).
 * @csspart objectives - The collapsible learning objectives (`<details>`).
 * @csspart presenters - The list of presenters.
 * @csspart recording - A recording link with its access badge.
 * @csspart actions - A session's actions.
 * @csspart rsvp-button - The RSVP button or link.
 * @csspart calendar - The add-to-calendar disclosure (`<details>`).
 * @csspart request - How to request an on-request offering.
 * @csspart section-title - The "Available on request" heading.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart loading - The loading state.
 *
 * @cssproperty --mk-workshop-list-item-background - Item background (default: `--mk-color-surface`).
 * @cssproperty --mk-workshop-list-item-border - Item border (default: 1px solid `--mk-color-border`).
 * @cssproperty --mk-workshop-list-item-radius - Item corner radius (default: `--mk-radius`).
 * @cssproperty --mk-workshop-list-item-padding - Item padding.
 * @cssproperty --mk-workshop-list-gap - Space between items.
 * @cssproperty --mk-workshop-list-title-size - Title font size.
 * @cssproperty --mk-workshop-list-title-color - Title colour (default: `--mk-color-text`).
 * @cssproperty --mk-workshop-list-date-background - Calendar leaf background.
 * @cssproperty --mk-workshop-list-date-color - Calendar leaf text colour (default: `--mk-color-accent`).
 * @cssproperty --mk-reserve-height - Space held while the feed loads without fallback content, and after until the list is at least that tall or out of view (unset unless the page sets it; mentorkit.css sets `100vh`).
 *
 * @fires mk-filter-change - When the visitor changes a filter, the view or the search. Detail: `WorkshopFilters`. Bubbles, composed (a page may keep the filters in its URL).
 * @fires mk-rsvp-request - When the visitor presses a session's RSVP button (not fired when `rsvp-href` makes it a link). Detail: `{ workshopId, occurrenceId, workshop }`. Bubbles, composed. Cancelable: `preventDefault()` keeps the list from opening the linked `<mk-rsvp-form>` (see `rsvp-form`), for a page that handles RSVP itself.
 */
export class MkWorkshopList extends MkElement {
  static override styles = [MkElement.styles, styles];

  static override properties = {
    src: {},
    catalog: { attribute: false },
    workshops: { attribute: false },
    view: { reflect: true },
    now: { converter: dateConverter },
    audience: { reflect: true },
    topic: { reflect: true },
    program: { reflect: true },
    format: { reflect: true },
    modality: { reflect: true },
    search: { reflect: true },
    rsvpHref: { attribute: 'rsvp-href' },
    rsvpForm: { attribute: 'rsvp-form' },
    hideFilters: { type: Boolean, attribute: 'hide-filters' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    viewerTimeZone: { attribute: 'viewer-time-zone' },
    openCalendars: { state: true },
  };

  /** URL of the feed JSON (built by `mentorkit build`). */
  declare src: string | undefined;
  /** A whole feed object; takes precedence over `src`. Assign a new object to reload. */
  declare catalog: Feed | undefined;
  /** Only workshops (`FeedWorkshop[]`); takes precedence over `src`. */
  declare workshops: FeedWorkshop[] | undefined;
  /** Which sessions to show: `upcoming` (not yet ended), `past`, or `all`. */
  declare view: WorkshopView;
  /**
   * The clock deciding upcoming and past. Defaults to the time the element is first connected; the
   * `now` attribute takes an ISO date-time.
   */
  declare now: Date | undefined;
  /** Audience id filter. */
  declare audience: string;
  /** Curriculum theme id filter (`theme` is the colour scheme). */
  declare topic: string;
  /** Program id filter. */
  declare program: string;
  /** Format filter: a length in minutes, e.g. `90`. */
  declare format: string;
  /** Modality filter: `online`, `in-person` or `hybrid`. */
  declare modality: string;
  /** Text search. */
  declare search: string;
  /**
   * Makes the RSVP action a link to this URL instead of a button firing `mk-rsvp-request`.
   * `{workshop}` and `{occurrence}` are replaced by the ids; without them, the ids are added as
   * query parameters.
   */
  declare rsvpHref: string | undefined;
  /**
   * The `id` of an `<mk-rsvp-form>` on the page: pressing RSVP points that form at the session, shows
   * it if it was `hidden`, and moves focus to it — no script needed on the page. Without `rsvp-form`
   * or `rsvp-href`, RSVP uses the page's only `<mk-rsvp-form>` when there is exactly one.
   */
  declare rsvpForm: string | undefined;
  /** Hides the filter controls (the filter attributes still apply). */
  declare hideFilters: boolean;
  /** Heading level (2–6) of workshop titles, to fit the page's outline; section titles are one level above. Default 3. */
  declare headingLevel: number;
  /** The visitor's IANA zone; defaults to the browser's. */
  declare viewerTimeZone: string | undefined;
  declare private openCalendars: ReadonlySet<string>;

  private readonly data = new FeedController(this, {
    source: () => ({ src: this.src, catalog: this.catalog, workshops: this.workshops }),
    isEmpty: (feed) => feed.workshops.length === 0,
  });

  private indexed: Indexed | undefined;
  /** A long feed being indexed in slices (see `index`); settles once `indexed` is set. */
  #indexing: { feed: Feed; now: Date; done: Promise<void> } | undefined;

  /**
   * Long lists render in slices: the first screenful at once, the rest in tasks that yield to the page
   * in between, so no task blocks it for long. `#sliced` is the view whose entries are being rendered
   * and `#limit` how many of them are; a new view (or data, or clock) starts over and cancels the old
   * slicing. Every entry ends up in the DOM (the browser's find finds them all); `updateComplete`
   * resolves once the last slice is rendered.
   */
  #sliced: WorkshopSections | undefined;
  #limit = 0;
  /** Milliseconds per entry, measured on the slices rendered so far. */
  #costPerEntry = 0;
  #renderedBefore = 0;
  #sliceStart = 0;
  #slicing: Promise<void> | undefined;
  #sliceDone: (() => void) | undefined;

  /** What the last render's filters show, applied to the rendered items by `updated`. */
  #visibility: { sections: WorkshopSections; shown: ReadonlySet<IndexedWorkshop> } | undefined;

  constructor() {
    super();
    this.view = 'upcoming';
    this.audience = '';
    this.topic = '';
    this.program = '';
    this.format = '';
    this.modality = '';
    this.search = '';
    this.hideFilters = false;
    this.headingLevel = 3;
    this.openCalendars = new Set();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The one place the wall clock and the environment's zone are read; everything below takes them.
    this.now ??= new Date();
    this.viewerTimeZone ??= viewerTimeZone();
  }

  /** The current filters, as sent in `mk-filter-change`. */
  get filters(): WorkshopFilters {
    return {
      view: VIEWS.includes(this.view) ? this.view : 'upcoming',
      audience: this.audience ?? '',
      topic: this.topic ?? '',
      program: this.program ?? '',
      format: this.format ?? '',
      modality: this.modality ?? '',
      search: this.search ?? '',
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('now') && this.now && Number.isNaN(this.now.getTime())) this.now = new Date();
  }

  /**
   * The feed indexed for the clock; `undefined` while a long feed is being indexed in slices that yield
   * to the page (the list renders when it is done). A short feed is indexed at once.
   */
  private index(feed: Feed, now: Date): Indexed | undefined {
    if (this.indexed?.feed === feed && this.indexed.now === now) return this.indexed;
    if (this.#indexing?.feed === feed && this.#indexing.now === now) return undefined;
    const use = (index: WorkshopIndex): Indexed => (this.indexed = { feed, now, ...index, views: new Map() });
    const result = inSlices(indexSteps(feed, now));
    this.#indexing = undefined;
    if (!(result instanceof Promise)) return use(result);
    const job = {
      feed,
      now,
      done: result.then((index) => {
        if (this.#indexing !== job) return;
        this.#indexing = undefined;
        use(index);
        this.requestUpdate();
      }),
    };
    this.#indexing = job;
    return undefined;
  }

  private setFilter(patch: Partial<WorkshopFilters>): void {
    Object.assign(this, patch);
    emit(this, 'mk-filter-change', { ...this.filters, ...patch });
  }

  private clearFilters(): void {
    this.setFilter({ audience: '', topic: '', program: '', format: '', modality: '', search: '' });
  }

  override render(): TemplateResult {
    const state = this.data.state;
    const ctx: RenderContext = {
      locale: this.locale,
      viewerZone: this.viewerTimeZone ?? 'UTC',
      now: this.now ?? new Date(0),
      // Section titles (past, on request) sit one level above the workshop titles, hence 2 at least.
      level: toHeadingLevel(this.headingLevel, 3, 2),
    };
    // Only a feed's list is sliced; any other state replaces it.
    if (state.status !== 'ready' && state.status !== 'empty') this.#sliced = undefined;
    switch (state.status) {
      case 'idle':
      case 'loading':
        return fallbackOr(this, () => loadingState(msg('Loading workshops…', { id: 'list-loading' })));
      case 'error':
        return fallbackOr(this, () =>
          errorState(
            msg('Workshops could not be shown', { id: 'list-error-title' }),
            describeFeedError(state.error),
            state.error.kind === 'invalid' ? undefined : () => this.data.reload(),
          ),
        );
      case 'empty':
      case 'ready':
        return this.renderFeed(state.feed, ctx);
    }
  }

  private renderFeed(feed: Feed, base: RenderContext): TemplateResult {
    const ctx = { ...base, catalogId: feed.catalog.id };
    const indexed = this.index(feed, ctx.now);
    if (!indexed) {
      this.#sliced = undefined;
      return fallbackOr(this, () => loadingState(msg('Loading workshops…', { id: 'list-loading' })));
    }
    const filters = this.filters;
    let sections = indexed.views.get(filters.view);
    if (!sections) {
      sections = viewEntries(indexed.items, filters.view);
      indexed.views.set(filters.view, sections);
    }
    // Every entry of the view stays rendered; filters only hide entries, so changing one is cheap.
    const match = filterMatcher(filters);
    const shown = new Set<IndexedWorkshop>();
    for (const e of [...sections.dated, ...sections.onRequest]) if (match(e.item)) shown.add(e.item);
    const datedShown = sections.dated.some((e) => shown.has(e.item));
    const onRequestShown = sections.onRequest.some((e) => shown.has(e.item));
    const total = shown.size;
    this.#visibility = { sections, shown };
    const size = sliceSize(sections);
    if (this.#sliced !== sections) {
      this.#sliced = sections;
      this.#limit = Math.min(size, FIRST_SLICE);
      this.#renderedBefore = 0;
    }
    const limit = this.#limit;
    this.#sliceStart = performance.now();
    const slicing = limit < size;
    // Chunks of entries, each guarded on its own: a slice renders only the chunks it adds.
    const items = (entries: readonly ViewEntry[], level: number, max: number) =>
      chunksOf(entries)
        .slice(0, Math.ceil(Math.max(0, max) / CHUNK))
        .map((chunk) =>
          guard([chunk, ctx.locale, ctx.viewerZone, ctx.now, level, this.rsvpHref, this.openCalendars], () =>
            repeat(chunk, (e) => e.item.workshop.id, (e) => this.renderItem(e, ctx, level)),
          ),
        );
    return html`
      ${this.hideFilters ? nothing : this.renderFilters(indexed.options, filters, ctx)}
      <p class="count" part="count" role="status">${total > 0 ? countText(total, ctx.locale) : ''}</p>
      ${total === 0 || (filters.view === 'upcoming' && !datedShown && !hasActiveFilters(filters))
        ? this.renderEmpty(indexed.items, filters, onRequestShown)
        : nothing}
      <ul class="list" part="list" role="list" ?hidden=${!datedShown} aria-busy=${slicing ? 'true' : nothing}>
        ${items(sections.dated, ctx.level, limit)}
      </ul>
      <p class="section-title" part="section-title" role="heading" aria-level=${ctx.level} ?hidden=${!onRequestShown}>${msg('Available on request', { id: 'list-on-request' })}</p>
      <ul class="list" part="list" role="list" ?hidden=${!onRequestShown} aria-busy=${slicing ? 'true' : nothing}>
        ${items(sections.onRequest, Math.min(6, ctx.level + 1), limit - sliceSize({ dated: sections.dated, onRequest: [] }))}
      </ul>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#applyFilters();
    this.#continueSlicing();
  }

  /** After a render: schedules the next slice while entries are left, sized to the time budget. */
  #continueSlicing(): void {
    const sections = this.#sliced;
    // Not showing a feed (loading, error) or every entry rendered: nothing left to do.
    if (!sections || this.#limit >= sliceSize(sections)) {
      this.#finishSlicing();
      return;
    }
    const size = sliceSize(sections);
    const rendered = this.#limit;
    const added = rendered - this.#renderedBefore;
    this.#renderedBefore = rendered;
    // The cost of an entry, from the last slice (the first may include indexing a short feed: an overestimate,
    // which only makes the next slice smaller). A render that added none (a filter change) tells nothing.
    if (added > 0) this.#costPerEntry = (performance.now() - this.#sliceStart) / added;
    this.#slicing ??= new Promise((resolve) => (this.#sliceDone = resolve));
    void yieldToPage().then(() => {
      // A newer view restarted the slicing meanwhile, or another render already took the next slice.
      if (this.#sliced !== sections || this.#limit !== rendered) return;
      const next = Math.max(CHUNK, Math.floor(SLICE_BUDGET_MS / Math.max(this.#costPerEntry, 0.01)));
      this.#limit = Math.min(size, rendered + next);
      this.requestUpdate();
    });
  }

  #finishSlicing(): void {
    const done = this.#sliceDone;
    this.#slicing = undefined;
    this.#sliceDone = undefined;
    done?.();
  }

  /** A long feed is checked, then indexed, then rendered in slices, each yielding to the page: `updateComplete` waits for all. */
  protected override pendingWork(): Promise<unknown> | undefined {
    return this.data.pending ?? this.#indexing?.done ?? this.#slicing;
  }

  /**
   * Hides the items the filters leave out, after each render. The lists themselves re-render only
   * when the view, its data or the clock change (see `renderFeed`): on a filter change, toggling
   * `hidden` on a thousand items directly costs a fraction of updating a thousand item templates.
   */
  #applyFilters(): void {
    const visibility = this.#visibility;
    this.#visibility = undefined;
    if (!visibility) return;
    // The lists are children of the shadow root; querying the whole tree for them would visit every node.
    const lists = [...this.renderRoot.children].filter((child) => child.classList.contains('list'));
    [visibility.sections.dated, visibility.sections.onRequest].forEach((entries, i) => {
      const children = lists[i]?.children;
      if (!children) return;
      entries.forEach((e, k) => {
        const li = children[k] as HTMLElement | undefined;
        const hide = !visibility.shown.has(e.item);
        if (li && li.hidden !== hide) li.hidden = hide;
      });
    });
  }

  private renderFilters(options: FilterOptions, f: WorkshopFilters, ctx: RenderContext): TemplateResult {
    const select = (key: 'audience' | 'topic' | 'program' | 'format' | 'modality', label: string, choices: { value: string; label: string }[]) =>
      choices.length < 2 && !f[key]
        ? nothing
        : html`<div class="field">
            <label for="filter-${key}">${label}</label>
            <select id="filter-${key}" .value=${live(f[key])} @change=${(e: Event) => this.setFilter({ [key]: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!f[key]}>${msg('Any', { id: 'filter-any' })}</option>
              ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === f[key]}>${c.label}</option>`)}
            </select>
          </div>`;
    const viewLabels: Record<WorkshopView, string> = {
      upcoming: msg('Upcoming', { id: 'view-upcoming' }),
      past: msg('Past', { id: 'view-past' }),
      all: msg('All', { id: 'view-all' }),
    };
    return html`<form class="filters" part="filters" role="search" aria-label=${msg('Filter workshops', { id: 'filters-label' })} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field search">
        <label for="filter-search">${msg('Search workshops', { id: 'filter-search' })}</label>
        <input
          id="filter-search"
          part="search"
          type="search"
          autocomplete="off"
          .value=${live(f.search)}
          @input=${(e: Event) => this.setFilter({ search: (e.target as HTMLInputElement).value })}
        />
      </div>
      <fieldset class="view">
        <legend>${msg('Show', { id: 'filter-view' })}</legend>
        <div class="segmented">
          ${VIEWS.map(
            (v) => html`<label
              >${viewLabels[v]}<input type="radio" name="view" value=${v} .checked=${live(f.view === v)} @change=${() => this.setFilter({ view: v })}
            /></label>`,
          )}
        </div>
      </fieldset>
      ${select('audience', msg('Audience', { id: 'filter-audience' }), options.audiences)}
      ${select('topic', msg('Topic', { id: 'filter-topic' }), options.topics)}
      ${select('program', msg('Program', { id: 'filter-program' }), options.programs)}
      ${select(
        'format',
        msg('Length', { id: 'filter-format' }),
        options.formats.map((m) => ({ value: String(m), label: formatMinutes(m, ctx.locale) })),
      )}
      ${select(
        'modality',
        msg('Format', { id: 'filter-modality' }),
        options.modalities.map((m) => ({ value: m, label: modalityLabel(m) })),
      )}
      ${hasActiveFilters(f)
        ? html`<div class="filter-actions">
            <button type="button" class="button secondary" @click=${() => this.clearFilters()}>${msg('Clear filters', { id: 'filter-clear' })}</button>
          </div>`
        : nothing}
    </form>`;
  }

  /**
   * What the list says when the view has nothing to show, or (`onRequest`) when the upcoming view has no
   * dated session but offerings on request follow: a page must not read as current when nothing is scheduled.
   */
  private renderEmpty(items: readonly IndexedWorkshop[], f: WorkshopFilters, onRequest: boolean): TemplateResult {
    if (hasActiveFilters(f)) {
      return html`<div class="state" part="empty">
        <p class="state-title">${msg('No workshops match these filters', { id: 'empty-filtered' })}</p>
        <button type="button" class="button secondary" @click=${() => this.clearFilters()}>${msg('Clear filters', { id: 'filter-clear' })}</button>
      </div>`;
    }
    if (f.view === 'upcoming') {
      const hasPast = items.some((i) => i.past.length > 0 || i.workshop.lastHeld);
      return html`<div class="state" part="empty">
        <p class="state-title">
          ${onRequest ? msg('No upcoming dates are scheduled', { id: 'empty-upcoming-dates' }) : msg('No upcoming workshops', { id: 'empty-upcoming' })}
        </p>
        <p>${msg('New dates are announced each term. Recordings and materials from earlier sessions stay available.', { id: 'empty-upcoming-hint' })}</p>
        ${hasPast
          ? html`<button type="button" class="button secondary" @click=${() => this.setFilter({ view: 'past' })}>${msg('See past workshops', { id: 'empty-see-past' })}</button>`
          : nothing}
      </div>`;
    }
    return html`<div class="state" part="empty">
      <p class="state-title">${f.view === 'past' ? msg('No past workshops', { id: 'empty-past' }) : msg('No workshops', { id: 'empty-all' })}</p>
    </div>`;
  }

  private renderItem(entry: ViewEntry, ctx: RenderContext, level: number): TemplateResult {
    const w = entry.item.workshop;
    const allCancelled = entry.occurrences.length > 0 && entry.occurrences.every((o) => o.status === 'cancelled');
    const openCalendars = entry.occurrences.filter((o) => this.openCalendars.has(o.id)).map((o) => o.id).join(' ');
    return html`<li
      class="item ${entry.occurrences.length > 0 ? '' : 'undated'} ${allCancelled ? 'cancelled' : ''}"
      part="item"
      data-workshop=${w.id}
    >
      ${guard([entry, ctx.locale, ctx.viewerZone, ctx.now, level, this.rsvpHref, openCalendars], () => this.renderItemContent(entry, ctx, level))}
    </li>`;
  }

  /**
   * An item's content, re-rendered only when its data, clock, locale or open menus change. Optional
   * parts are mostly `hidden` elements in one template rather than nested templates: a thousand items
   * render noticeably faster with fewer template instances.
   */
  private renderItemContent(entry: ViewEntry, ctx: RenderContext, level: number): TemplateResult {
    const w = entry.item.workshop;
    const first = entry.occurrences[0];
    const leaf = first ? formatDateParts(first.start, ctx.locale, first.timeZone) : undefined;
    const meta = [
      ...w.programs.map((p) => p.title),
      ...w.formats.flatMap((f) => formatWorkshopFormat(f, ctx.locale) ?? []),
      ...(w.modality ? [modalityLabel(w.modality)] : []),
    ].join(' · ');
    const summary = w.summary ?? w.description;
    const audience = w.audienceText ?? w.audiences.map((a) => a.name).join(', ');
    const ended = (o: FeedOccurrence) => occurrenceEnded(o, ctx.now);
    return html`<div class="leaf" part="date" aria-hidden="true" ?hidden=${!leaf}>
        <span class="month">${leaf?.month}</span><span class="day">${leaf?.day}</span><span class="weekday">${leaf?.weekday}</span>
      </div>
      <div class="body">
        <div class="head">
          <h3 class="title" part="title" aria-level=${level === 3 ? nothing : level}><a href=${safeHref(w.url) ?? nothing}>${w.title}</a></h3>
          ${w.kind === 'request-only' ? html`<span class="badge accent" part="badge">${msg('On request', { id: 'badge-on-request' })}</span>` : nothing}
        </div>
        <p class="meta" part="meta" ?hidden=${!meta}>${meta}</p>
        <p class="summary" ?hidden=${!summary}>${summary}</p>
        <p class="audience" ?hidden=${!audience}><span class="label">${msg('For:', { id: 'label-for' })}</span> ${audience}</p>
        ${w.kind === 'request-only' ? this.renderRequest(w) : this.renderSessions(w, entry, ctx)}
        ${w.recap && (entry.occurrences.some(ended) || w.occurrences.length === 0)
          ? w.recap
              .split(/\n\s*\n/)
              .filter((paragraph) => paragraph.trim() !== '')
              .map((paragraph) => html`<p class="recap">${paragraph.trim()}</p>`)
          : nothing}
        ${w.objectives.length > 0
          ? html`<details class="objectives" part="objectives">
              <summary>${msg(str`Learning objectives (${w.objectives.length})`, { id: 'objectives-summary' })}</summary>
              <p ?hidden=${!w.objectivesIntro}>${w.objectivesIntro}</p>
              <ol>
                ${w.objectives.map((o) => html`<li>${o.statement}</li>`)}
              </ol>
            </details>`
          : nothing}
        ${w.presenters.length > 0
          ? html`<ul class="presenters" part="presenters" aria-label=${msg('Presenters', { id: 'presenters-label' })}>
              ${w.presenters.map((p) => {
                const details = [p.title, p.affiliation].filter(Boolean).join(', ');
                return html`<li><a class="label" href=${safeHref(p.url) ?? nothing}>${p.name}</a>${details ? `, ${details}` : ''} <span class="role">(${roleLabel(p.role)})</span></li>`;
              })}
            </ul>`
          : nothing}
      </div>`;
  }

  private renderSessions(w: FeedWorkshop, entry: ViewEntry, ctx: RenderContext): TemplateResult {
    if (entry.occurrences.length === 0) {
      const text = w.lastHeld ? msg(str`Last held ${formatPartialDate(w.lastHeld, ctx.locale)}`, { id: 'last-held' }) : w.scheduleText;
      return text ? html`<p class="note">${text}</p>` : html``;
    }
    return html`<ul class="sessions" part="sessions" role="list">
      ${entry.occurrences.map((o) => this.renderSession(w, o, ctx))}
    </ul>`;
  }

  private renderSession(w: FeedWorkshop, o: FeedOccurrence, ctx: RenderContext): TemplateResult {
    const times = formatOccurrenceTimes(o, ctx.locale, ctx.viewerZone);
    const ended = occurrenceEnded(o, ctx.now);
    const where = o.location ? locationText(o.location) : '';
    const whereUrl = safeHref(o.location?.url);
    const subtitle = [o.title !== w.title ? o.title : undefined, o.topic].filter(Boolean).join(' · ');
    return html`<li class="session" part="session">
      <span class="label" ?hidden=${!subtitle}>${subtitle}</span>
      <span class="time" part="time">${times.event}</span>
      <span class="local-time" part="local-time" ?hidden=${!times.viewer}>${times.viewer ? msg(str`Your time: ${times.viewer}`, { id: 'your-time' }) : ''}</span>
      <span class="where" ?hidden=${!where}>${where}${whereUrl ? html` · <a href=${whereUrl}>${msg('Location details', { id: 'location-details' })}</a>` : nothing}</span>
      ${o.location?.instructions ? html`<span class="where">${o.location.instructions}</span>` : nothing}
      ${o.status !== 'scheduled'
        ? html`<span
            ><span class="badge ${o.status === 'cancelled' ? 'danger' : 'warning'}" part="badge">${sessionStatusLabel(o.status)}</span>
            <span class="status-note" ?hidden=${!o.statusNote}>${o.statusNote}</span></span
          >`
        : nothing}
      ${o.recording ? this.renderRecording(o.recording) : nothing}
      ${ended || o.status === 'cancelled' ? nothing : this.renderActions(w, o, ctx)}
    </li>`;
  }

  private renderRecording(r: FeedRecording): TemplateResult {
    const href = safeHref(r.url);
    if (!href) return html``;
    return html`<span class="recording" part="recording">
      <a href=${href}>${r.title ?? msg('Watch the recording', { id: 'recording-watch' })}</a>
      ${accessBadge(r.access.level)}${r.access.platform ? html`<span class="note">${r.access.platform}</span>` : nothing}
    </span>`;
  }

  private renderActions(w: FeedWorkshop, o: FeedOccurrence, ctx: RenderContext): TemplateResult {
    const rsvp = rsvpPhase(o, ctx.now);
    const when = formatDate(o.start, ctx.locale, o.timeZone);
    const calendarOpen = this.openCalendars.has(o.id);
    const note =
      rsvp.phase === 'not-yet-open' && rsvp.opens
        ? msg(str`RSVP opens ${formatDate(rsvp.opens, ctx.locale, o.timeZone)}`, { id: 'rsvp-opens-on' })
        : rsvp.phase === 'open' && o.rsvp
          ? msg(str`RSVP by ${formatDate(o.rsvp.closes, ctx.locale, o.timeZone)}`, { id: 'rsvp-by' })
          : rsvp.phase === 'closed'
            ? msg('RSVP closed', { id: 'rsvp-closed' })
            : '';
    return html`<div class="actions" part="actions">
      ${rsvp.phase === 'open' || rsvp.phase === 'not-yet-open' ? this.renderRsvpAction(w, o, when) : nothing}
      <details class="calendar" part="calendar" .open=${calendarOpen} @toggle=${(e: Event) => this.toggleCalendar(o.id, (e.target as HTMLDetailsElement).open)}>
        <summary>${msg('Add to calendar', { id: 'calendar-add' })}<span class="visually-hidden">: ${w.title}, ${when}</span></summary>
        ${calendarOpen ? this.renderCalendarLinks(w, o, ctx) : nothing}
      </details>
      <span class="rsvp-note" ?hidden=${!note}>${note}</span>
    </div>`;
  }

  private renderRsvpAction(w: FeedWorkshop, o: FeedOccurrence, when: string): TemplateResult {
    const href = this.rsvpHref ? rsvpLink(this.rsvpHref, w.id, o.id) : undefined;
    if (href) {
      return html`<a class="button" part="rsvp-button" href=${href}>${msg('RSVP', { id: 'rsvp-action' })}<span class="visually-hidden">: ${w.title}, ${when}</span></a>`;
    }
    return html`<button type="button" class="button" part="rsvp-button" @click=${() => this.requestRsvp(w, o)}>
      ${msg('RSVP', { id: 'rsvp-action' })}<span class="visually-hidden">: ${w.title}, ${when}</span>
    </button>`;
  }

  /** Tells the page (`mk-rsvp-request`, cancelable), then, unless a listener took over, opens the linked form. */
  private requestRsvp(w: FeedWorkshop, o: FeedOccurrence): void {
    if (!emit(this, 'mk-rsvp-request', { workshopId: w.id, occurrenceId: o.id, workshop: w }, { cancelable: true })) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = this.rsvpForm ? root.getElementById(this.rsvpForm) : onlyForm(root);
    if (target && 'rsvpFor' in target && typeof (target as Partial<RsvpTarget>).rsvpFor === 'function') {
      void (target as unknown as RsvpTarget).rsvpFor(w, o.id, this.data.feed);
    } else if (this.rsvpForm || !target) {
      console.warn(
        this.rsvpForm
          ? `mentorkit: <mk-workshop-list rsvp-form="${this.rsvpForm}"> found no <mk-rsvp-form id="${this.rsvpForm}"> on the page`
          : 'mentorkit: RSVP was pressed but the page has no <mk-rsvp-form>: add one and name its id in rsvp-form, or set rsvp-href to a page that has one',
      );
    }
  }

  private toggleCalendar(id: string, open: boolean): void {
    if (open === this.openCalendars.has(id)) return;
    const next = new Set(this.openCalendars);
    if (open) next.add(id);
    else next.delete(id);
    this.openCalendars = next;
  }

  private renderCalendarLinks(w: FeedWorkshop, o: FeedOccurrence, ctx: RenderContext): TemplateResult {
    const event: CalendarEvent = {
      uid: sessionUid(ctx.catalogId ?? '', o.sessionId),
      recurrenceId: o.recurrenceId,
      title: o.title && o.title !== w.title ? `${w.title}: ${o.title}` : w.title,
      start: o.start,
      end: o.end,
      description: w.summary ?? w.description,
      location: o.location ? locationText(o.location) : undefined,
      url: w.url,
      cancelled: o.status === 'cancelled',
      timeUnknown: o.timeUnknown,
      timeZone: o.timeZone,
    };
    const when = { start: o.start, end: o.end, timeZone: o.timeZone };
    const details = { title: event.title, ...(event.description ? { description: event.description } : {}), ...(event.location ? { location: event.location } : {}), ...(w.url ? { url: w.url } : {}) };
    // A session whose time is unknown is added as an all-day event on its date, never at a placeholder time.
    const days = o.timeUnknown === true ? allDayDates(o) : undefined;
    const google = days ? allDayGoogleUrl(googleCalendarUrl(when, details), days) : googleCalendarUrl(when, details);
    const outlook = days ? allDayOutlookUrl(outlookCalendarUrl(when, details), days) : outlookCalendarUrl(when, details);
    return html`<ul>
      <li>
        <button type="button" @click=${() => downloadText(icsForEvent(event, this.now ?? new Date(0)), icsFileName(w.title, days?.start ?? o.start))}>
          ${msg('Download .ics file', { id: 'calendar-ics' })}
        </button>
      </li>
      <li><a href=${google} target="_blank" rel="noopener noreferrer">${msg('Google Calendar', { id: 'calendar-google' })}</a></li>
      <li><a href=${outlook} target="_blank" rel="noopener noreferrer">${msg('Outlook', { id: 'calendar-outlook' })}</a></li>
    </ul>`;
  }

  private renderRequest(w: FeedWorkshop): TemplateResult {
    const r = w.request;
    if (!r) return html``;
    const email = r.method === 'email' || r.email ? mailtoHref(r.email, w.title) : undefined;
    const url = safeHref(r.url);
    return html`<div class="request" part="request">
      <p class="label">${msg('How to request', { id: 'request-how' })}</p>
      ${r.whoText ? html`<p>${msg(str`Who may request: ${r.whoText}`, { id: 'request-who' })}</p>` : nothing}
      ${r.instructions ? html`<p>${r.instructions}</p>` : nothing}
      ${email ? html`<p><a href=${email}>${msg(str`Email ${r.email ?? ''}`, { id: 'request-email' })}</a></p>` : nothing}
      ${url ? html`<p><a href=${url}>${r.method === 'form' ? msg('Request form', { id: 'request-form' }) : msg('Request this workshop', { id: 'request-url' })}</a></p>` : nothing}
      ${r.leadTime ? html`<p class="note">${msg(str`Please ask at least ${r.leadTime} ahead.`, { id: 'request-lead-time' })}</p>` : nothing}
    </div>`;
  }
}

function countText(n: number, locale: string): string {
  const count = formatCount(n, locale);
  return isOne(n, locale)
    ? msg(str`${count} workshop`, { id: 'count-one' })
    : msg(str`${count} workshops`, { id: 'count-other' });
}

function modalityLabel(m: string): string {
  switch (m) {
    case 'online':
      return msg('Online', { id: 'modality-online' });
    case 'in-person':
      return msg('In person', { id: 'modality-in-person' });
    case 'hybrid':
      return msg('Hybrid', { id: 'modality-hybrid' });
    default:
      return m;
  }
}

function roleLabel(role: string): string {
  switch (role) {
    case 'facilitator':
      return msg('Facilitator', { id: 'role-facilitator' });
    case 'panelist':
      return msg('Panelist', { id: 'role-panelist' });
    case 'speaker':
      return msg('Speaker', { id: 'role-speaker' });
    case 'moderator':
      return msg('Moderator', { id: 'role-moderator' });
    case 'host':
      return msg('Host', { id: 'role-host' });
    default:
      return role.replace(/[-_]/g, ' ').replace(/^./, (c) => c.toUpperCase());
  }
}

function accessBadge(level: FeedRecording['access']['level']): TemplateResult | typeof nothing {
  switch (level) {
    case 'institutional':
      return html`<span class="badge warning" part="badge">${msg('Institution login required', { id: 'access-institutional' })}</span>`;
    case 'registered':
      return html`<span class="badge warning" part="badge">${msg('Registration required', { id: 'access-registered' })}</span>`;
    case 'restricted':
      return html`<span class="badge danger" part="badge">${msg('Restricted access', { id: 'access-restricted' })}</span>`;
    default:
      return nothing;
  }
}

function locationText(l: FeedLocation): string {
  const place = [l.venue, l.room, l.campus ? msg(str`${l.campus} campus`, { id: 'location-campus' }) : undefined, l.address].filter(Boolean).join(', ');
  const kind = modalityLabel(l.kind);
  const parts = [kind];
  if (l.kind !== 'in-person' && l.platform) parts.push(l.platform);
  if (place) parts.push(place);
  return parts.join(' · ');
}

/** What the list needs of `<mk-rsvp-form>` (not imported, so the list's code does not carry the form's). */
interface RsvpTarget {
  rsvpFor(workshop: FeedWorkshop, occurrenceId: string, feed?: Feed): Promise<void>;
}

function onlyForm(root: Document | ShadowRoot): Element | null {
  const forms = root.querySelectorAll('mk-rsvp-form');
  return forms.length === 1 ? forms[0]! : null;
}

function rsvpLink(template: string, workshopId: string, occurrenceId: string): string | undefined {
  if (template.includes('{workshop}') || template.includes('{occurrence}')) {
    return safeHref(template.replaceAll('{workshop}', encodeURIComponent(workshopId)).replaceAll('{occurrence}', encodeURIComponent(occurrenceId)));
  }
  // Into the query, before any fragment: `/rsvp#form` becomes `/rsvp?workshop=…&occurrence=…#form`.
  const href = safeHref(template);
  if (!href) return undefined;
  const url = new URL(href);
  url.searchParams.set('workshop', workshopId);
  url.searchParams.set('occurrence', occurrenceId);
  return url.href;
}

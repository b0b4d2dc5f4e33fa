/**
 * The list's data model, separate from rendering: which workshops and occurrences a view shows for a
 * clock, the filter options a feed offers, and in-memory filtering with search strings computed once
 * per feed (so typing in the search box over 1,000 workshops stays within a frame).
 */
import { exactMinutes, type Feed, type FeedOccurrence, type FeedWorkshop } from '@mentorkit/core/browser';
import type { WorkshopFilters, WorkshopView } from '../../internal/events.js';
import { occurrenceEnded } from '../../internal/format.js';

export interface IndexedWorkshop {
  workshop: FeedWorkshop;
  /** Lowercase, accent-free text searched by the search box. */
  text: string;
  audiences: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  programs: ReadonlySet<string>;
  /** The formats' exact lengths in minutes, as text (see `FilterOptions.formats`). */
  formats: ReadonlySet<string>;
  modalities: ReadonlySet<string>;
  /** Occurrences that have not ended at the clock, earliest first. */
  upcoming: FeedOccurrence[];
  /** Occurrences that have ended, most recent first. */
  past: FeedOccurrence[];
}

export interface ViewEntry {
  item: IndexedWorkshop;
  /** The occurrences this view shows for the workshop. */
  occurrences: FeedOccurrence[];
  /** When the first of them starts (ms since the epoch; NaN without one), parsed once for sorting. */
  start: number;
}

function entry(item: IndexedWorkshop, occurrences: FeedOccurrence[]): ViewEntry {
  return { item, occurrences, start: Date.parse(occurrences[0]?.start ?? '') };
}

export interface WorkshopSections {
  /** Dated workshops (and, in the past view, undated ones last held before). */
  dated: ViewEntry[];
  /** Offerings booked on request (upcoming and all views). */
  onRequest: ViewEntry[];
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterOptions {
  audiences: FilterOption[];
  topics: FilterOption[];
  programs: FilterOption[];
  /**
   * Lengths in minutes to filter by, as core's `filterWorkshops` reads them: exact minutes, or a stated
   * duration of exact minutes or hours. A format of half days, days or a range offers no length here:
   * no minutes are invented for it (it is still shown on its workshop).
   */
  formats: number[];
  modalities: string[];
}

/** Lowercase without diacritics, so "reunion" finds "reunión". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function modalitiesOf(w: FeedWorkshop): Set<string> {
  const out = new Set<string>();
  if (w.modality) out.add(w.modality);
  for (const o of w.occurrences) if (o.location) out.add(o.location.kind);
  return out;
}

/** One workshop indexed for a clock. */
export function indexWorkshop(w: FeedWorkshop, now: Date): IndexedWorkshop {
  const upcoming: FeedOccurrence[] = [];
  const past: FeedOccurrence[] = [];
  // A session whose time is unknown stays upcoming until its date has passed in its own zone (occurrenceEnded).
  for (const o of w.occurrences) (occurrenceEnded(o, now) ? past : upcoming).push(o);
  past.reverse();
  const text = fold(
    [
      w.title,
      w.summary,
      w.description,
      w.audienceText,
      ...w.audiences.map((a) => a.name),
      ...w.presenters.map((p) => `${p.name} ${p.affiliation ?? ''}`),
      ...w.objectives.map((o) => o.statement),
      ...w.themes.map((th) => th.title),
      ...w.programs.map((p) => p.title),
      ...w.occurrences.map((o) => `${o.title ?? ''} ${o.topic ?? ''}`),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return {
    workshop: w,
    text,
    audiences: new Set(w.audiences.map((a) => a.id)),
    topics: new Set(w.themes.map((th) => th.id)),
    programs: new Set(w.programs.map((p) => p.id)),
    formats: new Set(w.formats.flatMap((f) => exactMinutes(f) ?? []).map(String)),
    modalities: modalitiesOf(w),
    upcoming,
    past,
  };
}

/** Indexes a feed's workshops for a clock. */
export function indexWorkshops(feed: Feed, now: Date): IndexedWorkshop[] {
  return feed.workshops.map((w) => indexWorkshop(w, now));
}

/** A feed indexed for a clock: its workshops and the filter choices it offers. */
export interface WorkshopIndex {
  items: IndexedWorkshop[];
  options: FilterOptions;
}

/**
 * `indexWorkshops` and `filterOptions` in one pass that yields after each workshop, for `inSlices`:
 * a long feed is indexed in slices that give the page turns in between.
 */
export function* indexSteps(feed: Feed, now: Date): Generator<void, WorkshopIndex> {
  const items: IndexedWorkshop[] = [];
  const options = new OptionCollector();
  for (const w of feed.workshops) {
    items.push(indexWorkshop(w, now));
    options.add(w);
    yield;
  }
  return { items, options: options.result() };
}

/** Gathers the filter choices of workshops, each once. */
class OptionCollector {
  private readonly audiences = new Map<string, string>();
  private readonly topics = new Map<string, string>();
  private readonly programs = new Map<string, string>();
  private readonly formats = new Set<number>();
  private readonly modalities = new Set<string>();

  add(w: FeedWorkshop): void {
    for (const a of w.audiences) this.audiences.set(a.id, a.name);
    for (const th of w.themes) this.topics.set(th.id, th.title);
    for (const p of w.programs) this.programs.set(p.id, p.title);
    for (const f of w.formats) {
      const minutes = exactMinutes(f);
      if (minutes !== undefined) this.formats.add(minutes);
    }
    for (const m of modalitiesOf(w)) this.modalities.add(m);
  }

  result(): FilterOptions {
    const sorted = (m: Map<string, string>) => [...m].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
    const modalityOrder = ['online', 'in-person', 'hybrid'];
    return {
      audiences: sorted(this.audiences),
      topics: sorted(this.topics),
      programs: sorted(this.programs),
      formats: [...this.formats].sort((a, b) => a - b),
      modalities: [...this.modalities].sort((a, b) => modalityOrder.indexOf(a) - modalityOrder.indexOf(b)),
    };
  }
}

/** The filter choices a feed offers, each listed once, in a stable order. */
export function filterOptions(feed: Feed): FilterOptions {
  const options = new OptionCollector();
  for (const w of feed.workshops) options.add(w);
  return options.result();
}

/** Whether any filter other than the view is set. */
export function hasActiveFilters(f: WorkshopFilters): boolean {
  return Boolean(f.audience || f.topic || f.program || f.format || f.modality || f.search.trim());
}

/**
 * A predicate for the filters other than the view. The list renders every entry of a view once and
 * hides the ones that do not match, so a filter change touches attributes, not DOM trees.
 */
export function filterMatcher(f: WorkshopFilters): (item: IndexedWorkshop) => boolean {
  const terms = fold(f.search).split(/\s+/).filter(Boolean);
  return (item) => {
    if (f.audience && !item.audiences.has(f.audience)) return false;
    if (f.topic && !item.topics.has(f.topic)) return false;
    if (f.program && !item.programs.has(f.program)) return false;
    if (f.format && !item.formats.has(f.format)) return false;
    if (f.modality && !item.modalities.has(f.modality)) return false;
    for (const term of terms) if (!item.text.includes(term)) return false;
    return true;
  };
}

const byNextStart = (a: ViewEntry, b: ViewEntry) => a.start - b.start;
const byLatestStart = (a: ViewEntry, b: ViewEntry) => {
  const x = a.occurrences[0];
  const y = b.occurrences[0];
  if (x && y) return b.start - a.start;
  if (x) return -1;
  if (y) return 1;
  // Undated workshops: most recently held first.
  return (b.item.workshop.lastHeld ?? '').localeCompare(a.item.workshop.lastHeld ?? '');
};

/** Every entry a view shows, in reading order: dated entries, then on-request offerings. */
export function viewEntries(items: readonly IndexedWorkshop[], view: WorkshopView): WorkshopSections {
  const dated: ViewEntry[] = [];
  const later: ViewEntry[] = [];
  const onRequest: ViewEntry[] = [];
  for (const item of items) {
    if (item.workshop.kind === 'request-only') {
      if (view !== 'past') onRequest.push(entry(item, []));
      continue;
    }
    if (view === 'upcoming') {
      if (item.upcoming.length > 0) dated.push(entry(item, item.upcoming));
    } else if (view === 'past') {
      // An undated workshop belongs to the past when the catalog says it was held: a last-held date or a recap.
      if (item.past.length > 0 || (item.workshop.occurrences.length === 0 && (item.workshop.lastHeld || item.workshop.recap))) dated.push(entry(item, item.past));
    } else if (item.upcoming.length > 0) {
      dated.push(entry(item, [...item.upcoming, ...item.past]));
    } else {
      later.push(entry(item, item.past));
    }
  }
  if (view === 'past') dated.sort(byLatestStart);
  else dated.sort(byNextStart);
  later.sort(byLatestStart);
  onRequest.sort((a, b) => a.item.workshop.title.localeCompare(b.item.workshop.title));
  return { dated: view === 'all' ? [...dated, ...later] : dated, onRequest };
}

/** What a view shows for some filters (the entries that match, in order). */
export function selectEntries(items: readonly IndexedWorkshop[], filters: WorkshopFilters): WorkshopSections {
  const match = filterMatcher(filters);
  const all = viewEntries(items, filters.view);
  return { dated: all.dated.filter((e) => match(e.item)), onRequest: all.onRequest.filter((e) => match(e.item)) };
}

export type RsvpPhase = 'none' | 'not-yet-open' | 'open' | 'closed';

/**
 * Where an occurrence's RSVP window stands at the clock, for the list's action (the form explains the
 * details per person with core's rsvpStatus). Opens at the earliest tier's opening.
 */
export function rsvpPhase(o: FeedOccurrence, now: Date): { phase: RsvpPhase; opens?: string } {
  if (!o.rsvp || o.status === 'cancelled' || o.status === 'postponed') return { phase: 'none' };
  const t = now.getTime();
  if (Date.parse(o.rsvp.closes) <= t || Date.parse(o.start) <= t) return { phase: 'closed' };
  const candidates = [o.rsvp.opens, ...Object.values(o.rsvp.tierOpens)].filter((x): x is string => x !== undefined);
  const opens = candidates.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  if (opens !== undefined && Date.parse(opens) > t) return { phase: 'not-yet-open', opens };
  return { phase: 'open' };
}

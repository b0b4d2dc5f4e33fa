// Questions a catalog page asks of the workshops: what is coming up, what already happened, what can be
// requested, and which ones match a visitor's filters. Pure: the clock is an argument.
import type { Catalog } from '../catalog/catalog.schema.js';
import { expandOccurrences, nextOccurrence } from '../recurrence/expand.js';
import { RecurrenceError } from '../recurrence/errors.js';
import { DAY_MS, floatingFromLocal, floatingFromParts, instantMs } from '../recurrence/floating.js';
import type { Occurrence } from '../recurrence/occurrence.js';
import { resolveFloating } from '../recurrence/zone.js';
import type { Session } from '../session/session.schema.js';
import { exactMinutes } from '../time/duration-text.js';
import { localDateOf, occurrenceEnded } from '../time/local-date.js';
import type { Modality, RequestOnlyWorkshop, ScheduledWorkshop, Workshop } from '../workshop/workshop.schema.js';

/** An instant: a Date, or an ISO string with an offset or Z. */
export type InstantLike = string | Date;

export interface UpcomingOptions {
  now: InstantLike;
  /** List occurrences that start before this instant (default: a year after `now`). `next` is found even beyond it. */
  until?: InstantLike;
  /** Keep only workshops that match these filters. */
  filters?: Omit<WorkshopFilters, 'now'>;
}

export interface UpcomingWorkshop {
  workshop: ScheduledWorkshop;
  /** The first occurrence, of any of its sessions, that is not cancelled and has not ended by `now`. */
  next: Occurrence;
  /** Every occurrence (cancelled ones too, marked so) that has not ended by `now` and starts before `until`. */
  occurrences: Occurrence[];
}

export interface PastWorkshop {
  workshop: ScheduledWorkshop;
  /** The most recent occurrence that was not cancelled and had ended by `now`; absent when only `lastHeld` is known. */
  last?: Occurrence;
  /** The workshop's `lastHeld`, when it has no sessions. */
  lastHeld?: string;
}

export interface WorkshopFilters {
  /** Orders the result (upcoming by next start, then past ones most recent first, then the rest). */
  now: InstantLike;
  /** Any of these audience ids. */
  audiences?: readonly string[];
  /** Any of these theme ids: the workshop's, its curriculum basis', its objectives', or a session override's. */
  themes?: readonly string[];
  /** Any of these program ids. */
  programs?: readonly string[];
  /**
   * Any of these lengths in minutes: the workshop's formats, a session's durationMinutes, or a session's
   * length. A format stated as a duration counts only when it is exact minutes or hours (1.5 hours is 90);
   * half days, days and ranges have no minutes, and none are invented for them.
   */
  formats?: readonly number[];
  /** Any of these modalities: the workshop's, or else those of its sessions' locations. */
  modalities?: readonly Modality[];
  /** A non-cancelled occurrence overlaps this range. Request-only workshops never match a date range. */
  dateRange?: { from: InstantLike; to: InstantLike };
  /** Every word appears (case and accents ignored) in the title, summary, description, audience, notes, presenters or session titles and topics. */
  text?: string;
}

const YEAR_MS = 366 * DAY_MS;
// Looked back over in turn for the last occurrence of a series: a month, a year, ten years, a century.
const LOOKBACK_MS = [35 * DAY_MS, YEAR_MS, 3653 * DAY_MS, 36_525 * DAY_MS];

function instant(value: InstantLike, what: string): number {
  const t = instantMs(value);
  if (Number.isNaN(t)) throw new RecurrenceError('invalid-input', `${what} ${JSON.stringify(value)} is not an instant: give a Date or an ISO string with an offset or Z`);
  return t;
}

/** Runs `fn` for a session, naming the workshop and session in any recurrence error. */
function forSession<T>(catalog: Catalog, workshop: ScheduledWorkshop, session: Session, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof RecurrenceError)) throw e;
    const w = catalog.workshops.indexOf(workshop);
    const s = workshop.sessions.indexOf(session);
    throw new RecurrenceError(e.code, `workshop ${workshop.id}, session ${session.id}: ${e.message}`, ['workshops', w, 'sessions', s, ...e.path]);
  }
}

const scheduled = (catalog: Catalog): ScheduledWorkshop[] => catalog.workshops.filter((w): w is ScheduledWorkshop => w.kind === 'scheduled');
const byTitle = (a: Workshop, b: Workshop): number => a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The first occurrence of a workshop, over all its sessions, that is not cancelled and has not ended by
 * `now` (one in progress counts); undefined when there is none (and for request-only workshops).
 */
export function nextWorkshopOccurrence(workshop: Workshop, now: InstantLike): Occurrence | undefined {
  return next(undefined, workshop, instant(now, 'now'));
}

/**
 * Where to start looking for a session's occurrences that have not ended: `now`, or for a session whose
 * time is unknown the start of today in its zone, so that today's placeholder times do not end it early
 * (occurrenceEnded decides the rest).
 */
function searchFrom(session: Session, now: number): number {
  if (session.timeUnknown !== true) return now;
  return resolveFloating(floatingFromLocal(`${localDateOf(now, session.timeZone)}T00:00`), session.timeZone).instant;
}

const notEnded = (session: Session, now: number) => (o: Occurrence) =>
  !occurrenceEnded({ end: o.end, timeZone: session.timeZone, timeUnknown: session.timeUnknown }, new Date(now));

function next(catalog: Catalog | undefined, workshop: Workshop, now: number): Occurrence | undefined {
  if (workshop.kind !== 'scheduled') return undefined;
  let best: Occurrence | undefined;
  for (const session of workshop.sessions) {
    const run = () => {
      const found = nextOccurrence(session, new Date(searchFrom(session, now)), { workshopId: workshop.id });
      return found && notEnded(session, now)(found) ? found : undefined;
    };
    const found = catalog ? forSession(catalog, workshop, session, run) : run();
    if (found && (!best || Date.parse(found.start) < Date.parse(best.start))) best = found;
  }
  return best;
}

/** The most recent occurrence of a session that was not cancelled and ended by `now`. */
function lastEnded(session: Session, now: number, workshop: ScheduledWorkshop): Occurrence | undefined {
  for (const span of LOOKBACK_MS) {
    const ended = expandOccurrences(session, { from: new Date(now - span), to: new Date(now) }, { workshopId: workshop.id }).filter(
      (o) => o.status !== 'cancelled' && Date.parse(o.end) <= now,
    );
    if (ended.length > 0) return ended.reduce((a, b) => (Date.parse(b.end) > Date.parse(a.end) ? b : a));
  }
  return undefined;
}

/**
 * Workshops with an occurrence still to come: one that is not cancelled and ends after `now`. Ordered by
 * that occurrence's start, then title, then id.
 */
export function upcomingWorkshops(catalog: Catalog, options: UpcomingOptions): UpcomingWorkshop[] {
  const now = instant(options.now, 'now');
  const until = options.until === undefined ? now + YEAR_MS : instant(options.until, 'until');
  const candidates = options.filters ? filterWorkshops(catalog, { ...options.filters, now: new Date(now) }) : catalog.workshops;
  const out: UpcomingWorkshop[] = [];
  for (const workshop of candidates) {
    if (workshop.kind !== 'scheduled') continue;
    const first = next(catalog, workshop, now);
    if (!first) continue;
    const occurrences = workshop.sessions
      .flatMap((s) =>
        forSession(catalog, workshop, s, () =>
          expandOccurrences(s, { from: new Date(searchFrom(s, now)), to: new Date(Math.max(until, now + 1)) }, { workshopId: workshop.id }).filter(notEnded(s, now)),
        ),
      )
      .sort(byStart);
    out.push({ workshop, next: first, occurrences });
  }
  return out.sort((a, b) => byStart(a.next, b.next) || byTitle(a.workshop, b.workshop));
}

const byStart = (a: Occurrence, b: Occurrence): number => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Workshops that have happened: not upcoming, with at least one occurrence that was not cancelled and has
 * ended, or with no sessions but a `lastHeld`. Most recent first (a `lastHeld` counts as the end of the
 * year, month or day it names, in the catalog's zone), then title, then id.
 */
export function pastWorkshops(catalog: Catalog, options: { now: InstantLike }): PastWorkshop[] {
  return pastOf(catalog, scheduled(catalog), instant(options.now, 'now'));
}

function pastOf(catalog: Catalog, workshops: readonly ScheduledWorkshop[], now: number): PastWorkshop[] {
  const keyed: { item: PastWorkshop; key: number }[] = [];
  for (const workshop of workshops) {
    if (workshop.sessions.length === 0) {
      if (workshop.lastHeld !== undefined) keyed.push({ item: { workshop, lastHeld: workshop.lastHeld }, key: endOfPeriod(workshop.lastHeld, catalog) });
      continue;
    }
    if (next(catalog, workshop, now)) continue;
    let last: Occurrence | undefined;
    for (const s of workshop.sessions) {
      const found = forSession(catalog, workshop, s, () => lastEnded(s, now, workshop));
      if (found && (!last || Date.parse(found.end) > Date.parse(last.end))) last = found;
    }
    if (last) keyed.push({ item: { workshop, last }, key: Date.parse(last.end) });
  }
  return keyed.sort((a, b) => b.key - a.key || byTitle(a.item.workshop, b.item.workshop)).map((k) => k.item);
}

/** The instant a `lastHeld` period (YYYY, YYYY-MM or YYYY-MM-DD) ends, in the catalog's zone. */
function endOfPeriod(period: string, catalog: Catalog): number {
  const [y, m, d] = period.split('-').map(Number) as [number, number | undefined, number | undefined];
  const next = d !== undefined ? floatingFromParts(y, m!, d + 1) : m !== undefined ? floatingFromParts(y, m + 1, 1) : floatingFromParts(y + 1, 1, 1);
  return resolveFloating(next, catalog.defaultTimeZone).instant;
}

/** Offerings booked on request (no dates), by title then id. They are neither upcoming nor past. */
export function requestOnlyWorkshops(catalog: Catalog): RequestOnlyWorkshop[] {
  return catalog.workshops.filter((w): w is RequestOnlyWorkshop => w.kind === 'request-only').sort(byTitle);
}

const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The workshops that match every given filter (within one filter, any listed value matches). Ordered:
 * upcoming ones by next occurrence start, then past ones most recent first, then the rest (request-only,
 * undated); ties by title, then id.
 */
export function filterWorkshops(catalog: Catalog, filters: WorkshopFilters): Workshop[] {
  const now = instant(filters.now, 'now');
  const range = filters.dateRange ? { from: instant(filters.dateRange.from, 'dateRange.from'), to: instant(filters.dateRange.to, 'dateRange.to') } : undefined;
  const words = filters.text ? fold(filters.text).split(/\s+/).filter(Boolean) : [];
  const people = new Map(catalog.people.map((p) => [p.id, p.name]));
  const organizations = new Map(catalog.organizations.map((o) => [o.id, o.name]));
  const objectiveTheme = new Map(catalog.curricula.flatMap((c) => c.themes.flatMap((t) => t.objectives.map((o) => [o.id, t.id] as const))));
  const any = <T>(wanted: readonly T[] | undefined, have: Iterable<T>): boolean => {
    if (wanted === undefined || wanted.length === 0) return true;
    for (const h of have) if (wanted.includes(h)) return true;
    return false;
  };

  const matches = (w: Workshop): boolean => {
    const sessions = w.kind === 'scheduled' ? w.sessions : [];
    if (!any(filters.audiences, w.audiences)) return false;
    if (!any(filters.programs, w.programs)) return false;
    if (filters.themes?.length) {
      const themes = new Set<string>([...w.themes, ...(w.basedOn?.themes ?? [])]);
      for (const o of w.objectives) if ('ref' in o) themes.add(objectiveTheme.get(o.ref) ?? '');
      for (const s of sessions) for (const o of s.overrides) if (o.theme) themes.add(o.theme);
      if (!any(filters.themes, themes)) return false;
    }
    if (filters.formats?.length) {
      // exactMinutes: a "Half day", "2 days" or "60–90 min" format matches no number of minutes.
      const lengths = new Set<number>(w.formats.flatMap((f) => exactMinutes(f) ?? []));
      for (const s of sessions) {
        if (s.durationMinutes !== undefined) lengths.add(s.durationMinutes);
        lengths.add(Math.round((floatingFromLocal(s.end) - floatingFromLocal(s.start)) / 60_000));
      }
      if (!any(filters.formats, lengths)) return false;
    }
    if (filters.modalities?.length) {
      const modalities = w.modality ? [w.modality] : sessions.flatMap((s) => (s.location ? [s.location.kind] : []));
      if (!any(filters.modalities, modalities)) return false;
    }
    if (words.length > 0) {
      const presenters = w.presenters.map((p) => (p.person ? people.get(p.person) : p.organization ? organizations.get(p.organization) : p.name));
      const haystack = fold(
        [w.title, w.summary, w.description, w.audienceText, ...w.notes, w.kind === 'scheduled' ? w.scheduleText : undefined, ...presenters, ...sessions.flatMap((s) => [s.title, ...s.overrides.flatMap((o) => [o.title, o.topic])])]
          .filter((x): x is string => typeof x === 'string')
          .join('\n'),
      );
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    if (range) {
      if (w.kind !== 'scheduled' || !(range.to > range.from)) return false;
      const window = { from: new Date(range.from), to: new Date(range.to) };
      const hit = w.sessions.some((s) => forSession(catalog, w, s, () => expandOccurrences(s, window)).some((o) => o.status !== 'cancelled'));
      if (!hit) return false;
    }
    return true;
  };

  const found = catalog.workshops.filter(matches);
  const upcoming = new Map(found.map((w) => [w, next(catalog, w, now)] as const));
  const notUpcoming = found.filter((w): w is ScheduledWorkshop => w.kind === 'scheduled' && !upcoming.get(w));
  const pastKey = new Map(pastOf(catalog, notUpcoming, now).map((p, i) => [p.workshop as Workshop, i]));
  const group = (w: Workshop): number => (upcoming.get(w) ? 0 : pastKey.has(w) ? 1 : 2);
  return found.sort((a, b) => {
    const ga = group(a);
    const gb = group(b);
    if (ga !== gb) return ga - gb;
    if (ga === 0) return byStart(upcoming.get(a)!, upcoming.get(b)!) || byTitle(a, b);
    if (ga === 1) return pastKey.get(a)! - pastKey.get(b)!;
    return byTitle(a, b);
  });
}

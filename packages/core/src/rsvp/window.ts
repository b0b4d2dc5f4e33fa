/**
 * Resolves RSVP window boundaries (absolute, session-relative, term-relative) to instants. Uses luxon for
 * zone arithmetic, so it runs where the feed is built and in the service, never in the widgets' bundle:
 * the feed carries the resulting instants and the browser only compares them (status.ts).
 */
import { DateTime, Duration } from 'luxon';
import type { AcademicCalendar } from '../calendar/calendar.schema.js';
import { findTerm } from '../calendar/calendar.js';
import { resolveWallClock } from '../time/zoned.js';
import { isKnownTimeZone } from '../time/time.schema.js';
import type { WindowBoundary } from './policy.schema.js';
import type { ResolvedWindow } from './status.js';

/** The times of one occurrence: instants with offset, and the zone its wall-clock times belong to. */
export interface OccurrenceTimes {
  start: string;
  end: string;
  timeZone: string;
}

export interface WindowContext {
  calendars: readonly AcademicCalendar[];
  /** Used when an occurrence carries no zone. */
  defaultTimeZone: string;
}

export interface BoundaryContext extends WindowContext {
  occurrence: OccurrenceTimes;
}

/** The parts of a policy that decide its window (a parsed RsvpPolicy has them all). */
export interface WindowPolicy {
  id?: string | undefined;
  window?: { opens?: WindowBoundary | undefined; closes?: WindowBoundary | undefined } | undefined;
  priority?: readonly { id: string; opens?: WindowBoundary | undefined }[] | undefined;
}

export const RSVP_WINDOW_ERROR_CODES = [
  'invalid-instant',
  'invalid-boundary',
  'unknown-calendar',
  'no-term',
  'nonexistent-time',
  'invalid-duration',
  'empty-window',
] as const;
export type RsvpWindowErrorCode = (typeof RSVP_WINDOW_ERROR_CODES)[number];

/** A window that cannot be resolved; the message names the policy, the occurrence and the boundary. */
export class RsvpWindowError extends Error {
  override readonly name = 'RsvpWindowError';
  constructor(
    message: string,
    readonly code: RsvpWindowErrorCode,
  ) {
    super(message);
  }
}

/**
 * One boundary as an instant (ISO 8601 with the session zone's offset).
 *
 * - absolute: wall-clock `at` in `timeZone`, default the session's zone.
 * - session: the session's start or end, moved `before`/`after` by an ISO duration.
 * - term: 00:00 on the first day (edge start) or 23:59 on the last day (edge end) of the term, or `time`,
 *   in the calendar's zone, then moved `before`/`after`. Which term: see {@link findTerm}.
 *
 * Durations: calendar units (years, months, weeks, days) move the wall-clock date in the zone, so "P1D
 * before" a 16:00 session is 16:00 the day before even across a DST change; clock units (hours, minutes,
 * seconds) are elapsed time, so "PT24H before" is exactly 24 hours earlier. A computed wall-clock time
 * that falls in a DST gap moves forward by the length of the gap; one that occurs twice takes the first.
 * A wall-clock time the author wrote (absolute `at`, term `time`) that does not exist is an error.
 */
export function resolveBoundary(boundary: WindowBoundary, ctx: BoundaryContext): string {
  const zone = sessionZone(ctx);
  return resolve(boundary, ctx, zone).setZone(zone).toISO()!;
}

/**
 * The window of one occurrence as instants. `closes` defaults to the session's start; `opens` absent
 * means open as soon as published. `tierOpens` lists the tiers with their own opening time.
 *
 * Throws {@link RsvpWindowError} when a boundary cannot be resolved (unknown calendar, no term covering the
 * session, a written time skipped by DST, a bad duration) or when the general window opens at or after it
 * closes. A tier opening at or after the close is kept: that tier never gets to RSVP (rsvpStatus says closed).
 */
export function resolveRsvpWindow(policy: WindowPolicy, occurrence: OccurrenceTimes, ctx: WindowContext): ResolvedWindow {
  // The feed, the lint and the JSON-LD each ask for the window of the same occurrences: remember them per
  // policy and calendars (parsed catalogs are not mutated), keyed by everything else the window depends on.
  let byCalendars = resolvedWindows.get(policy);
  if (byCalendars === undefined) resolvedWindows.set(policy, (byCalendars = new WeakMap()));
  let byOccurrence = byCalendars.get(ctx.calendars);
  if (byOccurrence === undefined) byCalendars.set(ctx.calendars, (byOccurrence = new Map<string, MemoisedWindow>()));
  const key = `${occurrence.start}|${occurrence.end}|${occurrence.timeZone}|${ctx.defaultTimeZone}`;
  let memo = byOccurrence.get(key);
  if (memo === undefined) {
    try {
      memo = { window: computeRsvpWindow(policy, occurrence, ctx) };
    } catch (error) {
      if (!(error instanceof RsvpWindowError)) throw error;
      memo = { error };
    }
    byOccurrence.set(key, memo);
  }
  if ('error' in memo) throw new RsvpWindowError(memo.error.message, memo.error.code);
  // A copy each time, so that a caller changing its result cannot change another's.
  return { ...memo.window, tierOpens: { ...memo.window.tierOpens } };
}

type MemoisedWindow = { window: ResolvedWindow } | { error: RsvpWindowError };

const resolvedWindows = new WeakMap<WindowPolicy, WeakMap<readonly AcademicCalendar[], Map<string, MemoisedWindow>>>();

function computeRsvpWindow(policy: WindowPolicy, occurrence: OccurrenceTimes, ctx: WindowContext): ResolvedWindow {
  const bctx: BoundaryContext = { ...ctx, occurrence };
  const zone = sessionZone(bctx);
  // Most policies read the session's start for several boundaries: parse it once.
  const parsed = new Map<string, DateTime>();
  const where = `RSVP policy ${JSON.stringify(policy.id ?? '(unnamed)')} for the session starting ${occurrence.start}`;
  const at = (boundary: WindowBoundary, what: string): DateTime => {
    try {
      return resolve(boundary, bctx, zone, parsed).setZone(zone);
    } catch (error) {
      if (error instanceof RsvpWindowError) throw new RsvpWindowError(`${where}: ${what}: ${error.message}`, error.code);
      throw error;
    }
  };
  const closesBoundary = policy.window?.closes;
  const closes = closesBoundary !== undefined ? at(closesBoundary, 'window.closes') : instantOf(occurrence.start, 'occurrence.start', zone, parsed);
  const opensBoundary = policy.window?.opens;
  const opens = opensBoundary !== undefined ? at(opensBoundary, 'window.opens') : undefined;
  if (opens !== undefined && opens.toMillis() >= closes.toMillis()) {
    throw new RsvpWindowError(`${where}: the window opens (${opens.toISO()}) at or after it closes (${closes.toISO()})`, 'empty-window');
  }
  const tierOpens: Record<string, string> = {};
  for (const [index, tier] of (policy.priority ?? []).entries()) {
    if (tier.opens !== undefined) tierOpens[tier.id] = at(tier.opens, `priority[${index}] (${tier.id}).opens`).toISO()!;
  }
  return { ...(opens !== undefined ? { opens: opens.toISO()! } : {}), closes: closes.toISO()!, tierOpens };
}

function resolve(boundary: WindowBoundary, ctx: BoundaryContext, zone: string, parsed?: Map<string, DateTime>): DateTime {
  switch (boundary.kind) {
    case 'absolute': {
      const boundaryZone = boundary.timeZone ?? zone;
      return written(boundary.at, boundaryZone, 'absolute boundary');
    }
    case 'session': {
      const edge = boundary.edge ?? 'start';
      const base = instantOf(edge === 'end' ? ctx.occurrence.end : ctx.occurrence.start, `occurrence.${edge}`, zone, parsed);
      return move(base, boundary, zone);
    }
    case 'term': {
      const calendar = ctx.calendars.find((c) => c.id === boundary.calendar);
      if (calendar === undefined) {
        const known = ctx.calendars.map((c) => JSON.stringify(c.id)).join(', ') || 'none';
        throw new RsvpWindowError(`unknown academic calendar ${JSON.stringify(boundary.calendar)} (known: ${known})`, 'unknown-calendar');
      }
      // The session's own date decides its term: a 23:00 session in Los Angeles belongs to its local day.
      const sessionDate = instantOf(ctx.occurrence.start, 'occurrence.start', zone, parsed).toISODate()!;
      const found = findTerm(calendar, sessionDate, boundary.term ?? 'containing');
      if (!found.ok) throw new RsvpWindowError(`session on ${sessionDate}: ${found.message}`, 'no-term');
      const edge = boundary.edge ?? 'start';
      const day = edge === 'end' ? found.term.end : found.term.start;
      const base =
        boundary.time !== undefined
          ? written(`${day}T${boundary.time}`, calendar.timeZone, `time on ${found.term.name}'s ${edge === 'end' ? 'last' : 'first'} day`)
          : edge === 'end'
            ? computed(DateTime.fromISO(`${day}T23:59`, { zone: 'utc' }), calendar.timeZone)
            : DateTime.fromISO(day, { zone: calendar.timeZone }).startOf('day');
      return move(base, boundary, calendar.timeZone);
    }
    default:
      throw new RsvpWindowError(`unknown boundary kind ${JSON.stringify((boundary as { kind: unknown }).kind)}; use absolute, session or term`, 'invalid-boundary');
  }
}

/** Moves `base` by the boundary's `before`/`after` duration, calendar units on the wall clock of `zone`. */
function move(base: DateTime, boundary: { before?: string | undefined; after?: string | undefined }, zone: string): DateTime {
  if (boundary.before !== undefined && boundary.after !== undefined) {
    throw new RsvpWindowError(`give before or after, not both (before ${boundary.before}, after ${boundary.after})`, 'invalid-boundary');
  }
  const text = boundary.before ?? boundary.after;
  if (text === undefined) return base;
  const sign = boundary.before !== undefined ? -1 : 1;
  const { calendarPart, hasCalendarPart, clockMillis } = parseDuration(text);
  let moved: DateTime = base.setZone(zone);
  if (hasCalendarPart) {
    // Date arithmetic on the wall clock (read as if it were UTC, which has no DST), then back into the zone.
    const wall = DateTime.fromObject(moved.toObject(), { zone: 'utc' });
    const shifted = sign < 0 ? wall.minus(calendarPart) : wall.plus(calendarPart);
    moved = computed(shifted, zone);
  }
  return clockMillis === 0 ? moved : moved.plus({ milliseconds: sign * clockMillis });
}

interface ParsedDuration {
  calendarPart: { years: number; quarters: number; months: number; weeks: number; days: number };
  hasCalendarPart: boolean;
  clockMillis: number;
}

/** Parsed durations by their text: a catalog uses a handful of them for thousands of occurrences. */
const durations = new Map<string, ParsedDuration>();

function parseDuration(text: string): ParsedDuration {
  const known = durations.get(text);
  if (known !== undefined) return known;
  const duration = Duration.fromISO(text);
  if (!duration.isValid || !text.startsWith('P')) {
    throw new RsvpWindowError(`${JSON.stringify(text)} is not an ISO 8601 duration such as PT24H or P7D`, 'invalid-duration');
  }
  const d = duration.toObject();
  const calendarPart = { years: d.years ?? 0, quarters: d.quarters ?? 0, months: d.months ?? 0, weeks: d.weeks ?? 0, days: d.days ?? 0 };
  const clockMillis = Duration.fromObject({ hours: d.hours ?? 0, minutes: d.minutes ?? 0, seconds: d.seconds ?? 0, milliseconds: d.milliseconds ?? 0 }).as('milliseconds');
  const parsed = { calendarPart, hasCalendarPart: Object.values(calendarPart).some((v) => v !== 0), clockMillis };
  // Bounded: the texts come from catalogs, and a long-running service may see many.
  if (durations.size >= 1_000) durations.clear();
  durations.set(text, parsed);
  return parsed;
}

/** A wall-clock time computed by the rules: a DST gap moves it forward, a repeated hour takes the first. */
function computed(wall: DateTime, zone: string): DateTime {
  const local = wall.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  const result = resolveWallClock(local, zone);
  let base: DateTime;
  if (result.ok) base = result.instant;
  else if (result.problem.kind === 'nonexistent') base = result.problem.nearest;
  else throw new RsvpWindowError(`${local} in ${zone}: ${result.problem.message}`, 'invalid-instant');
  return base.plus({ milliseconds: wall.millisecond });
}

/** A wall-clock time an author wrote: one that does not exist in the zone is an error. */
function written(local: string, zone: string, what: string): DateTime {
  const result = resolveWallClock(local, zone);
  if (!result.ok) throw new RsvpWindowError(`${what}: ${result.problem.message}`, result.problem.kind === 'nonexistent' ? 'nonexistent-time' : 'invalid-instant');
  return result.instant;
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `value` in `zone`; `parsed` remembers the values already read (DateTime is immutable). */
function instantOf(value: string, what: string, zone: string, parsed?: Map<string, DateTime>): DateTime {
  const known = parsed?.get(value);
  if (known !== undefined) return known;
  const dt = WITH_OFFSET.test(value) ? DateTime.fromISO(value, { setZone: true }) : undefined;
  if (dt === undefined || !dt.isValid) {
    throw new RsvpWindowError(`${what} must be an ISO instant with an offset, e.g. 2026-01-08T15:00:00.000-05:00; got ${JSON.stringify(value)}`, 'invalid-instant');
  }
  const inZone = dt.setZone(zone);
  parsed?.set(value, inZone);
  return inZone;
}

function sessionZone(ctx: BoundaryContext): string {
  const zone = ctx.occurrence.timeZone || ctx.defaultTimeZone;
  if (!isKnownTimeZone(zone)) throw new RsvpWindowError(`unknown time zone ${JSON.stringify(zone)}`, 'invalid-instant');
  return zone;
}

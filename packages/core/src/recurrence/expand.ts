import type { WorkshopId } from '../common/ids.js';
import type { OccurrenceOverride, Session } from '../session/session.schema.js';
import { resolveWallClock } from '../time/zoned.js';
import { ruleStarts } from './engine.js';
import { RecurrenceError, type RecurrenceErrorCode } from './errors.js';
import { DAY_MS, floatingFromLocal, HOUR_MS, instantMs, isoWithOffset, localFromFloating, MINUTE_MS } from './floating.js';
import type { ExpansionWindow, Occurrence } from './occurrence.js';
import { parseRecurrenceRule, type RecurrenceRule } from './rule.js';
import { impossibility } from './satisfiable.js';
import { floatingAt, resolveFloating, type ResolvedTime } from './zone.js';

export const DEFAULT_MAX_ITERATIONS = 10_000;

// Offsets differ from UTC by at most 14 hours and a zone's offset changes by at most a day (Samoa, 2011):
// a floating range this much wider than the window cannot miss an occurrence; exact instants decide after.
const SLACK_MS = 2 * DAY_MS;

export interface ExpandContext {
  workshopId?: WorkshopId;
}

const ruleCache = new Map<string, { rule: RecurrenceRule } | { problems: string[] }>();

/** The session's parsed RRULE (cached per text), undefined when it has none; throws on a bad rule. */
function ruleOf(session: Session): RecurrenceRule | undefined {
  const text = session.recurrence?.rrule;
  if (text === undefined) return undefined;
  let entry = ruleCache.get(text);
  if (!entry) {
    const parsed = parseRecurrenceRule(text);
    entry = parsed.ok ? { rule: parsed.rule } : { problems: parsed.problems };
    if (ruleCache.size > 1000) ruleCache.clear();
    ruleCache.set(text, entry);
  }
  if ('problems' in entry) {
    throw new RecurrenceError('invalid-rule', `rrule ${JSON.stringify(text)}: ${entry.problems.join('; ')}`, ['recurrence', 'rrule']);
  }
  return entry.rule;
}

interface SeriesStarts {
  /** Original floating starts (the recurrence ids), sorted, no duplicates, exdates removed. */
  starts: number[];
  /** Starts produced by the RRULE itself (they alone are bounded by UNTIL). */
  fromRule: Set<number>;
  /** Exdates that removed something. */
  usedExdates: Set<number>;
}

/**
 * The series' floating starts in [lo, hi): DTSTART, the rule's instances and the RDATEs, less the EXDATEs.
 * A wall-clock UNTIL is applied by rrule; a UTC one is applied by the caller on instants.
 */
function seriesStarts(session: Session, lo: number, hi: number, cap: number): SeriesStarts {
  const dtstart = floatingFromLocal(session.start);
  const rule = ruleOf(session);
  const fromRule = new Set<number>();
  const all = new Set<number>();
  if (dtstart >= lo && dtstart < hi) all.add(dtstart);
  for (const r of session.recurrence?.rdates ?? []) {
    const t = floatingFromLocal(r);
    if (t >= lo && t < hi) all.add(t);
  }
  const tooMany = () =>
    new RecurrenceError(
      'too-many-iterations',
      `the series has more than ${cap} candidate times before the end of the window; narrow the window, move the series start closer, or raise maxIterations`,
      ['recurrence', 'rrule'],
    );
  if (rule) {
    const why = impossibility(rule, dtstart, session.recurrence?.rrule ?? '');
    if (why) throw new RecurrenceError('impossible-rule', why, ['recurrence', 'rrule']);
    let until: number | undefined;
    if (rule.until) {
      if (!rule.until.utc) until = rule.until.dateOnly ? rule.until.value + DAY_MS - 1 : rule.until.value;
      // A UTC UNTIL is compared on instants later; here it only bounds the walk (offsets stay within ±1 day).
      else until = rule.until.value + SLACK_MS;
    }
    const ruleCap = cap - all.size + (all.has(dtstart) ? 1 : 0);
    if (ruleCap < 0) throw tooMany();
    let starts: number[];
    try {
      starts = ruleStarts(rule, dtstart, { from: lo, stopAt: hi, cap: ruleCap, includeDtstart: true, ...(until !== undefined ? { until } : {}) });
    } catch (e) {
      throw e instanceof RecurrenceError && e.code === 'too-many-iterations' ? tooMany() : e;
    }
    for (const t of starts) {
      if (t < lo) continue;
      if (t !== dtstart) fromRule.add(t);
      all.add(t);
    }
  }
  if (all.size > cap) throw tooMany();
  const usedExdates = new Set<number>();
  let shown: Map<number, number> | undefined;
  for (const e of session.recurrence?.exdates ?? []) {
    const t = floatingFromLocal(e);
    if (all.delete(t)) usedExdates.add(t);
    else {
      // An occurrence a daylight-saving gap moved is shown at its moved time: an EXDATE may name that.
      shown ??= gapShownStarts([...all], session.timeZone);
      const moved = shown.get(t);
      if (moved !== undefined && all.delete(moved)) usedExdates.add(t);
    }
  }
  return { starts: [...all].sort((a, b) => a - b), fromRule, usedExdates };
}

/**
 * Starts that fall in a daylight-saving gap, by the wall-clock time they are shown at (moved forward by
 * the gap): shown floating → original floating. A real reading at the shown time is never replaced.
 */
function gapShownStarts(starts: readonly number[], zone: string): Map<number, number> {
  const all = new Set(starts);
  const out = new Map<number, number>();
  for (const s of starts) {
    const r = resolveFloating(s, zone);
    if (!r.shifted) continue;
    const at = r.instant + r.offset * MINUTE_MS;
    if (!all.has(at)) out.set(at, s);
  }
  return out;
}

function windowBounds(window: ExpansionWindow): { from: number; to: number } {
  const from = instantMs(window.from);
  const to = instantMs(window.to);
  const bad = Number.isNaN(from) ? ['from', window.from] : Number.isNaN(to) ? ['to', window.to] : undefined;
  if (bad) {
    throw new RecurrenceError(
      'invalid-input',
      `window.${String(bad[0])} ${JSON.stringify(bad[1])} is not an instant: give a Date or an ISO string with an offset or Z, e.g. 2026-01-08T15:00:00Z`,
    );
  }
  return { from, to };
}

function durationOf(session: Session): number {
  const duration = floatingFromLocal(session.end) - floatingFromLocal(session.start);
  if (duration < 0) {
    throw new RecurrenceError('invalid-input', `session ${session.id} ends (${session.end}) before it starts (${session.start})`, ['end']);
  }
  return duration;
}

/**
 * Turns a session into its occurrences that overlap the window (end after `from`, start before `to`),
 * sorted by start instant.
 *
 * Wall-clock time in the session's zone is the truth: the rule is expanded on wall-clock readings and
 * each reading is then resolved in the zone, so a weekly 10:00 session stays at 10:00 across daylight
 * saving changes, and its length on the wall clock (end − start) is the same for every occurrence.
 * Readings that fall in a daylight-saving gap are moved forward by the gap (RFC 5545 §3.3.5); repeated
 * readings mean their first instant. Cancelled sessions and cancelled overrides yield occurrences with
 * status `cancelled`, not gaps. Overrides whose `occurrence` matches nothing are ignored here; use
 * {@link checkRecurrence} or {@link expandOccurrencesChecked} to report them.
 *
 * @throws RecurrenceError for a bad or impossible rule, an unreadable window, or more candidates than
 *   `window.maxIterations` (default 10,000) before the end of the window.
 */
export function expandOccurrences(session: Session, window: ExpansionWindow, context: ExpandContext = {}): Occurrence[] {
  const { from, to } = windowBounds(window);
  if (!(to > from)) return [];
  const cap = window.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const duration = durationOf(session);
  const zone = session.timeZone;
  let lo = floatingAt(from, zone) - duration - SLACK_MS;
  let hi = floatingAt(to, zone) + SLACK_MS;

  const overrides = new Map<number, OccurrenceOverride>();
  for (const o of session.overrides ?? []) {
    const original = floatingFromLocal(o.occurrence);
    if (!overrides.has(original)) overrides.set(original, o);
    // A moved occurrence shows where it was moved to: generate its original start even if that is far away.
    if (o.start !== undefined || o.end !== undefined) {
      const start = o.start !== undefined ? floatingFromLocal(o.start) : original;
      const end = o.end !== undefined ? floatingFromLocal(o.end) : start + duration;
      if (end + SLACK_MS > lo + duration && start - SLACK_MS < hi) {
        lo = Math.min(lo, original);
        hi = Math.max(hi, original + 1);
      }
    }
  }

  const series = seriesStarts(session, lo, hi, cap);
  // An override may name a gap-moved occurrence by the time it is shown at (see gapShownStarts).
  if (overrides.size > 0) {
    const starts = new Set(series.starts);
    const unmatched = [...overrides].filter(([t]) => !starts.has(t));
    if (unmatched.length > 0) {
      const shown = gapShownStarts(series.starts, zone);
      for (const [t, o] of unmatched) {
        const moved = shown.get(t);
        if (moved !== undefined && !overrides.has(moved)) overrides.set(moved, o);
      }
    }
  }
  const until = ruleOf(session)?.until;
  const untilInstant = until?.utc ? until.value : undefined;
  const found: { occurrence: Occurrence; instant: number }[] = [];
  for (const original of series.starts) {
    const override = overrides.get(original);
    const startFloating = override?.start !== undefined ? floatingFromLocal(override.start) : original;
    const start = resolveFloating(startFloating, zone);
    if (untilInstant !== undefined && series.fromRule.has(original)) {
      const originalInstant = override?.start !== undefined ? resolveFloating(original, zone).instant : start.instant;
      if (originalInstant > untilInstant) continue;
    }
    // Lengths are kept on the wall clock, from where the occurrence really starts (after any gap shift).
    const localStartFloating = start.instant + start.offset * MINUTE_MS;
    const endFloating = override?.end !== undefined ? floatingFromLocal(override.end) : localStartFloating + duration;
    const end = resolveFloating(endFloating, zone);
    if (!(end.instant > from && start.instant < to)) continue;
    found.push({ occurrence: occurrence(session, context, original, localStartFloating, endFloating, start, end, override), instant: start.instant });
  }
  found.sort((a, b) => a.instant - b.instant || (a.occurrence.recurrenceId < b.occurrence.recurrenceId ? -1 : a.occurrence.recurrenceId > b.occurrence.recurrenceId ? 1 : 0));
  // A reading moved out of a gap can land on another occurrence's instant (an hourly rule's 02:00 and
  // 03:00 on the spring-forward night): keep the one that was written as it happens.
  const result: Occurrence[] = [];
  for (let i = 0; i < found.length; i++) {
    const { occurrence: o, instant } = found[i]!;
    if (o.dstAdjusted) {
      const clash = (j: number) => found[j] !== undefined && found[j].instant === instant && !found[j].occurrence.dstAdjusted;
      if (clash(i - 1) || clash(i + 1)) continue;
    }
    result.push(o);
  }
  return result;
}

function occurrence(
  session: Session,
  context: ExpandContext,
  original: number,
  localStart: number,
  localEnd: number,
  start: ResolvedTime,
  end: ResolvedTime,
  override: OccurrenceOverride | undefined,
): Occurrence {
  const recurrenceId = localFromFloating(original);
  const o: Occurrence = {
    id: `${session.id}@${recurrenceId}`,
    sessionId: session.id,
    recurrenceId,
    localStart: localStart === original ? recurrenceId : localFromFloating(localStart),
    localEnd: localFromFloating(localEnd),
    timeZone: session.timeZone,
    start: isoWithOffset(start.instant, start.offset),
    end: isoWithOffset(end.instant, end.offset),
    status: session.status === 'cancelled' ? 'cancelled' : (override?.status ?? session.status ?? 'scheduled'),
    overridden: override !== undefined,
  };
  // Optional fields are set only when present, so the objects stay plain JSON without undefined keys.
  if (context.workshopId !== undefined) o.workshopId = context.workshopId;
  const statusNote = override?.statusNote ?? session.statusNote;
  if (statusNote !== undefined) o.statusNote = statusNote;
  const title = override?.title ?? session.title;
  if (title !== undefined) o.title = title;
  const location = override?.location ?? session.location;
  if (location !== undefined) o.location = location;
  const recording = override?.recording ?? session.recording;
  if (recording !== undefined) o.recording = recording;
  if (override) {
    if (override.topic !== undefined) o.topic = override.topic;
    if (override.theme !== undefined) o.theme = override.theme;
    if (override.description !== undefined) o.description = override.description;
  }
  if (start.shifted) o.dstAdjusted = true;
  return o;
}

/** One finding of {@link checkRecurrence}; `path` is relative to the session. */
export interface RecurrenceProblem {
  path: (string | number)[];
  message: string;
  /** Errors make the session unusable or wrong; warnings are most likely typos. */
  severity: 'error' | 'warning';
  code: RecurrenceErrorCode;
}

/**
 * Everything wrong with a session's times and recurrence that the schema cannot see: a malformed or
 * impossible RRULE, an end before the start, wall-clock times the zone skips, overrides that name no
 * occurrence (or one an EXDATE removes), two overrides for one occurrence, and EXDATEs that remove nothing.
 */
export function checkRecurrence(session: Session, options: { maxIterations?: number } = {}): RecurrenceProblem[] {
  const problems: RecurrenceProblem[] = [];
  const error = (path: (string | number)[], message: string, code: RecurrenceErrorCode = 'invalid-input') => problems.push({ path, message, severity: 'error', code });
  const zone = session.timeZone;
  const exists = (value: string | undefined, path: (string | number)[]) => {
    if (value === undefined) return true;
    const r = resolveWallClock(value, zone);
    if (!r.ok) error(path, r.problem.message);
    return r.ok;
  };
  exists(session.start, ['start']);
  exists(session.end, ['end']);
  if (floatingFromLocal(session.end) <= floatingFromLocal(session.start)) {
    error(['end'], `the end ${session.end} is not after the start ${session.start}`);
  }
  const rec = session.recurrence;
  rec?.rdates.forEach((d, i) => exists(d, ['recurrence', 'rdates', i]));
  // exdates name occurrences (a gap-moved one by its written start or its shown time): matched below.

  let rule: RecurrenceRule | undefined;
  if (rec?.rrule !== undefined) {
    const parsed = parseRecurrenceRule(rec.rrule);
    if (!parsed.ok) parsed.problems.forEach((p) => error(['recurrence', 'rrule'], `rrule ${JSON.stringify(rec.rrule)}: ${p}`, 'invalid-rule'));
    else {
      rule = parsed.rule;
      const dtstart = floatingFromLocal(session.start);
      const why = impossibility(rule, dtstart, rec.rrule);
      if (why) error(['recurrence', 'rrule'], why, 'impossible-rule');
      else if (rule.until) {
        const u = rule.until;
        const untilFloating = u.utc ? floatingAt(u.value, zone) : u.value + (u.dateOnly ? DAY_MS - 1 : 0);
        if (untilFloating < dtstart) error(['recurrence', 'rrule'], `UNTIL is before the start ${session.start}: the series would be its first occurrence only`, 'invalid-rule');
      }
    }
  }
  if (problems.some((p) => p.severity === 'error' && p.path[0] === 'recurrence' && p.path[1] === 'rrule')) return problems;

  const seen = new Map<number, number>();
  const targets: number[] = [];
  (session.overrides ?? []).forEach((o, i) => {
    const t = floatingFromLocal(o.occurrence);
    const first = seen.get(t);
    if (first !== undefined) error(['overrides', i, 'occurrence'], `overrides[${first}] already changes the occurrence ${o.occurrence}`);
    else seen.set(t, i);
    targets.push(t);
    const okStart = exists(o.start, ['overrides', i, 'start']);
    const okEnd = exists(o.end, ['overrides', i, 'end']);
    if (okStart && okEnd && o.end !== undefined && floatingFromLocal(o.end) <= floatingFromLocal(o.start ?? o.occurrence)) {
      error(['overrides', i, 'end'], `the end ${o.end} is not after the start ${o.start ?? o.occurrence}`);
    }
  });
  const exdates = (rec?.exdates ?? []).map(floatingFromLocal);
  const probe = [...targets, ...exdates];
  if (probe.length === 0) return problems;

  let series: SeriesStarts;
  try {
    // A week either side, so a near miss can be named.
    series = seriesStarts(session, Math.min(...probe) - 7 * DAY_MS, Math.max(...probe) + 7 * DAY_MS + 1, options.maxIterations ?? DEFAULT_MAX_ITERATIONS);
  } catch (e) {
    if (e instanceof RecurrenceError) {
      error(e.path.length ? [...e.path] : ['recurrence'], e.message, e.code);
      return problems;
    }
    throw e;
  }
  const starts = new Set(series.starts);
  let shown: Map<number, number> | undefined;
  (session.overrides ?? []).forEach((o, i) => {
    const t = targets[i]!;
    if (starts.has(t)) return;
    shown ??= gapShownStarts(series.starts, zone);
    if (shown.has(t)) return;
    const near = nearest(series.starts, t);
    error(
      ['overrides', i, 'occurrence'],
      series.usedExdates.has(t)
        ? `the occurrence ${o.occurrence} is removed by exdates, so this override changes nothing; remove one of them`
        : `no occurrence of the session starts at ${o.occurrence}${near === undefined ? '' : ` (the nearest is ${localFromFloating(near)})`}: an override names the original start of an occurrence`,
    );
  });
  (rec?.exdates ?? []).forEach((e, i) => {
    if (!series.usedExdates.has(exdates[i]!)) {
      problems.push({
        path: ['recurrence', 'exdates', i],
        message: `no occurrence starts at ${e}, so this exdate removes nothing (check the date and time)`,
        severity: 'warning',
        code: 'invalid-input',
      });
    }
  });
  return problems;
}

function nearest(sorted: number[], t: number): number | undefined {
  let best: number | undefined;
  for (const s of sorted) if (best === undefined || Math.abs(s - t) < Math.abs(best - t)) best = s;
  return best !== undefined && Math.abs(best - t) <= 7 * DAY_MS ? best : undefined;
}

/** {@link expandOccurrences}, after {@link checkRecurrence} found no error (else a RecurrenceError listing them). */
export function expandOccurrencesChecked(session: Session, window: ExpansionWindow, context: ExpandContext = {}): Occurrence[] {
  const errors = checkRecurrence(session, window.maxIterations === undefined ? {} : { maxIterations: window.maxIterations }).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new RecurrenceError(first.code, `session ${session.id}: ${errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`, first.path);
  }
  return expandOccurrences(session, window, context);
}

export interface NextOccurrenceOptions extends ExpandContext {
  /** Also return a cancelled occurrence (default false: the next one that happens). */
  includeCancelled?: boolean;
  maxIterations?: number;
}

// Looked at in turn until one holds an occurrence: a month, a year, ten years, a century.
const HORIZONS_MS = [35 * DAY_MS, 366 * DAY_MS, 3653 * DAY_MS, 36_525 * DAY_MS];

/**
 * The first occurrence that has not ended by `now` (one in progress counts), skipping cancelled ones
 * unless asked; undefined when the series has none left within a century.
 */
export function nextOccurrence(session: Session, now: string | Date, options: NextOccurrenceOptions = {}): Occurrence | undefined {
  const from = instantMs(now);
  if (Number.isNaN(from)) {
    throw new RecurrenceError('invalid-input', `now ${JSON.stringify(now)} is not an instant: give a Date or an ISO string with an offset or Z`);
  }
  const context: ExpandContext = options.workshopId !== undefined ? { workshopId: options.workshopId } : {};
  for (const horizon of HORIZONS_MS) {
    const window: ExpansionWindow = { from: new Date(from), to: new Date(from + horizon), ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}) };
    const found = expandOccurrences(session, window, context).find((o) => options.includeCancelled || o.status !== 'cancelled');
    if (found) return found;
    if (!hasMoreAfter(session, from + horizon)) return undefined;
  }
  return undefined;
}

/** Whether a series can still have occurrences after an instant (a rule without COUNT or UNTIL always can). */
function hasMoreAfter(session: Session, instant: number): boolean {
  const floating = floatingAt(instant, session.timeZone) - HOUR_MS * 48;
  const local = [session.start, ...(session.recurrence?.rdates ?? []), ...(session.overrides ?? []).flatMap((o) => (o.start ? [o.start] : []))];
  if (local.some((l) => floatingFromLocal(l) >= floating)) return true;
  const rule = ruleOf(session);
  if (!rule) return false;
  // A COUNT series ends somewhere unknown until expanded; expanding further is bounded by COUNT itself.
  return rule.until === undefined || rule.until.value + DAY_MS >= floating;
}

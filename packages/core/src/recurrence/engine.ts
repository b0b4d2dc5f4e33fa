// The one module that talks to rrule. It sees only floating times (wall-clock readings stored as UTC
// milliseconds), never a zone: rrule's own tzid support converts through the host's zone, so the same
// catalog would expand differently on different machines.
import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import { DAY_MS, floatingFromParts } from './floating.js';
import { RecurrenceError } from './errors.js';
import { FREQUENCIES, type ByDay, type RecurrenceRule } from './rule.js';
import { effectiveParts, weekdayOf } from './satisfiable.js';

// rrule ships CommonJS for Node (whose ESM wrapper exposes it as `default`) and ES modules for bundlers.
type RRuleLib = typeof rruleModule;
const lib: RRuleLib = 'RRule' in rruleModule && rruleModule.RRule ? rruleModule : (rruleModule as unknown as { default: RRuleLib }).default;

export interface RuleStartsOptions {
  /** Floating lower bound of the starts the caller needs; lets rules without COUNT skip whole periods before it. */
  from?: number;
  /** Floating exclusive upper bound: iteration stops at the first candidate at or after it. */
  stopAt: number;
  /** Floating inclusive UNTIL already converted to the session's wall clock. */
  until?: number;
  /** Most candidates to look at; more is a RecurrenceError, never a hang. */
  cap: number;
  /** RFC 5545: DTSTART is always the first occurrence, and COUNT counts it (true); dateutil's reading (false). */
  includeDtstart: boolean;
}

/**
 * Floating starts of a rule's instances from `dtstart` up to `stopAt`, in order. Rules that can never
 * match must be rejected before (see `impossibility`): this function trusts that a candidate comes.
 */
export function ruleStarts(rule: RecurrenceRule, dtstart: number, options: RuleStartsOptions, engine: 'auto' | 'rrule' = 'auto'): number[] {
  const simple = engine === 'auto' ? simpleStarts(rule, dtstart, options) : undefined;
  if (simple !== undefined) return simple;
  const parts = effectiveParts(rule, dtstart);
  const skipTo = rule.count === undefined && options.from !== undefined ? fastForward(rule, dtstart, options.from) : undefined;
  // BYSETPOS is applied here, on whole periods, so the walk starts at the start of a period.
  const anchor = skipTo ?? (rule.bySetPos ? periodStart(rule, dtstart) : dtstart);
  const rrOptions: Partial<Options> = {
    freq: FREQUENCIES.indexOf(rule.freq),
    dtstart: new Date(anchor),
    interval: rule.interval,
    wkst: rule.wkst,
    tzid: null,
    count: rule.bySetPos ? null : (rule.count ?? null),
    until: rule.bySetPos || options.until === undefined ? null : new Date(options.until),
    // Defaults filled from the real start, so a shifted anchor cannot change them.
    bymonth: parts.byMonth ?? null,
    bymonthday: parts.byMonthDay ?? null,
    byyearday: rule.byYearDay ?? null,
    byweekno: rule.byWeekNo ?? null,
    byweekday: weekdays(rule, parts.byDay),
    byhour: parts.byHour ?? null,
    byminute: parts.byMinute ?? null,
    bysecond: parts.bySecond ?? null,
    bysetpos: null,
  };
  const out: number[] = [];
  let seen = 0;
  let overflow = false;
  const rrule = new lib.RRule(rrOptions, true);
  if (!rule.bySetPos) {
    rrule.all((date) => {
      if (++seen > options.cap) {
        overflow = true;
        return false;
      }
      const t = date.getTime();
      if (t >= options.stopAt) return false;
      out.push(t);
      return true;
    });
  } else {
    // rrule picks the first candidate of a period for a negative BYSETPOS larger than the period's set
    // (`slice(pos)[0]`); RFC 5545 selects nothing there. So rrule only lists each period's candidates.
    const positions = rule.bySetPos;
    let group: number[] = [];
    let key = Number.NaN;
    let done = false;
    const flush = (): void => {
      const picked = new Set<number>();
      for (const p of positions) {
        const i = p > 0 ? p - 1 : group.length + p;
        if (i >= 0 && i < group.length) picked.add(group[i]!);
      }
      for (const t of [...picked].sort((a, b) => a - b)) {
        if (t < dtstart) continue;
        if ((options.until !== undefined && t > options.until) || t >= options.stopAt || (rule.count !== undefined && out.length >= rule.count)) {
          done = true;
          return;
        }
        out.push(t);
      }
      group = [];
    };
    rrule.all((date) => {
      if (++seen > options.cap) {
        overflow = true;
        return false;
      }
      const t = date.getTime();
      const k = periodStart(rule, t);
      if (k !== key) {
        if (group.length > 0) flush();
        if (done || k >= options.stopAt || (options.until !== undefined && k > options.until)) return false;
        key = k;
      }
      group.push(t);
      return true;
    });
    if (!done && !overflow && group.length > 0) flush();
  }
  return finishStarts(out, overflow, rule, dtstart, options, skipTo !== undefined);
}

/**
 * The end every walk shares: an error when the cap was passed, and DTSTART first when the caller asks for
 * it (it is an instance even when the rule does not match it), unless the walk skipped ahead of it.
 */
function finishStarts(out: number[], overflow: boolean, rule: RecurrenceRule, dtstart: number, options: RuleStartsOptions, skipped: boolean): number[] {
  if (overflow) {
    throw new RecurrenceError(
      'too-many-iterations',
      `the rule generates more than ${options.cap} candidate times before the end of the window; narrow the window, move the series start closer, or raise maxIterations`,
      ['recurrence', 'rrule'],
    );
  }
  if (!options.includeDtstart || skipped) return out;
  if (out[0] === dtstart) return out;
  const withStart = [dtstart, ...out];
  return rule.count === undefined ? withStart : withStart.slice(0, rule.count);
}

/** Start (floating) of the FREQ period holding `t`, as rrule counts periods (weeks start on WKST). */
function periodStart(rule: RecurrenceRule, t: number): number {
  const d = new Date(t);
  switch (rule.freq) {
    case 'YEARLY':
      return floatingFromParts(d.getUTCFullYear(), 1, 1);
    case 'MONTHLY':
      return floatingFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    case 'WEEKLY':
      return Math.floor(t / DAY_MS) * DAY_MS - ((weekdayOf(t) - rule.wkst + 7) % 7) * DAY_MS;
    case 'DAILY':
      return Math.floor(t / DAY_MS) * DAY_MS;
    case 'HOURLY':
      return Math.floor(t / 3_600_000) * 3_600_000;
    case 'MINUTELY':
      return Math.floor(t / 60_000) * 60_000;
    case 'SECONDLY':
      return Math.floor(t / 1000) * 1000;
  }
}

/**
 * BYDAY for rrule. A list that mixes plain weekdays with ordinal ones (`1MO,FR`) is a union in RFC 5545,
 * but rrule (like dateutil) requires a day to satisfy both kinds at once; writing each plain weekday as
 * all of its ordinals in the period (1st to 5th in a month, 1st to 53rd in a year) restores the union.
 */
function weekdays(rule: RecurrenceRule, byDay: ByDay[] | undefined): Options['byweekday'] {
  if (!byDay) return null;
  const mixed = byDay.some((d) => d.n === undefined) && byDay.some((d) => d.n !== undefined);
  if (!mixed) return byDay.map((d) => (d.n === undefined ? d.weekday : new lib.Weekday(d.weekday, d.n)));
  const most = rule.freq === 'MONTHLY' || rule.byMonth ? 5 : 53;
  return byDay.flatMap((d) => (d.n !== undefined ? [new lib.Weekday(d.weekday, d.n)] : Array.from({ length: most }, (_, i) => new lib.Weekday(d.weekday, i + 1))));
}

/**
 * A later, period-aligned start with exactly the same instances from there on, or undefined. Only for
 * rules without COUNT (which must be counted from the first). Periods are whole, so BYSETPOS positions
 * and INTERVAL phase are unchanged.
 */
function fastForward(rule: RecurrenceRule, dtstart: number, from: number): number | undefined {
  if (from <= dtstart) return undefined;
  const d = new Date(dtstart);
  const f = new Date(from);
  const fixed = (periodStart: number, length: number): number | undefined => {
    const step = length * rule.interval;
    const k = Math.floor((from - periodStart) / step);
    return k >= 1 ? periodStart + k * step : undefined;
  };
  const dayStart = Math.floor(dtstart / DAY_MS) * DAY_MS;
  switch (rule.freq) {
    case 'YEARLY': {
      const k = Math.floor((f.getUTCFullYear() - d.getUTCFullYear()) / rule.interval);
      return k >= 1 ? floatingFromParts(d.getUTCFullYear() + k * rule.interval, 1, 1) : undefined;
    }
    case 'MONTHLY': {
      const m0 = d.getUTCFullYear() * 12 + d.getUTCMonth();
      const k = Math.floor((f.getUTCFullYear() * 12 + f.getUTCMonth() - m0) / rule.interval);
      if (k < 1) return undefined;
      const m = m0 + k * rule.interval;
      return floatingFromParts(Math.floor(m / 12), (m % 12) + 1, 1);
    }
    case 'WEEKLY':
      return fixed(dayStart - ((weekdayOf(dtstart) - rule.wkst + 7) % 7) * DAY_MS, 7 * DAY_MS);
    case 'DAILY':
      return fixed(dayStart, DAY_MS);
    case 'HOURLY':
      return fixed(Math.floor(dtstart / 3_600_000) * 3_600_000, 3_600_000);
    case 'MINUTELY':
      return fixed(Math.floor(dtstart / 60_000) * 60_000, 60_000);
    case 'SECONDLY':
      return fixed(Math.floor(dtstart / 1000) * 1000, 1000);
  }
}

/**
 * The common case without rrule: DAILY or WEEKLY with at most plain weekdays (no ordinals, no other BY
 * parts). Candidates come straight from day arithmetic on floating time, in the same order and with the
 * same COUNT, UNTIL, cap and DTSTART handling as the rrule walk above (the property tests compare both);
 * rrule's per-year masks cost several times more for these rules. Undefined for any other rule.
 */
function simpleStarts(rule: RecurrenceRule, dtstart: number, options: RuleStartsOptions): number[] | undefined {
  if (rule.freq === 'MONTHLY') return monthlyStarts(rule, dtstart, options);
  if (rule.freq !== 'WEEKLY' && rule.freq !== 'DAILY') return undefined;
  if (rule.bySetPos || rule.byMonth || rule.byMonthDay || rule.byYearDay || rule.byWeekNo || rule.byHour || rule.byMinute || rule.bySecond) return undefined;
  if (rule.byDay?.some((d) => d.n !== undefined)) return undefined;
  const timeOfDay = ((dtstart % DAY_MS) + DAY_MS) % DAY_MS;
  const dayStart = dtstart - timeOfDay;
  const weekly = rule.freq === 'WEEKLY';
  const step = (weekly ? 7 : 1) * DAY_MS * rule.interval;
  let periodStart = weekly ? dayStart - ((weekdayOf(dtstart) - rule.wkst + 7) % 7) * DAY_MS : dayStart;
  // Day offsets within a period, in the order the period runs (from WKST for a week).
  const weekdaysWanted = rule.byDay ? [...new Set(rule.byDay.map((d) => d.weekday))] : [weekdayOf(dtstart)];
  const offsets = weekly ? weekdaysWanted.map((w) => (w - rule.wkst + 7) % 7).sort((a, b) => a - b) : [0];
  const dailyDays = !weekly && rule.byDay ? new Set(weekdaysWanted) : undefined;
  let skipped = false;
  if (rule.count === undefined && options.from !== undefined && options.from > dtstart) {
    const k = Math.floor((options.from - periodStart) / step);
    if (k >= 1) {
      periodStart += k * step;
      skipped = true;
    }
  }
  const starts = startCollector(rule, dtstart, options);
  // A DAILY rule whose weekdays never come would loop without emitting: bound the periods as well.
  const maxPeriods = options.cap * 7 + 7;
  walk: for (let period = 0; ; period++, periodStart += step) {
    if (period > maxPeriods) {
      starts.exhaust();
      break;
    }
    for (const offset of offsets) {
      const t = periodStart + offset * DAY_MS + timeOfDay;
      if (dailyDays !== undefined && !dailyDays.has(weekdayOf(t))) continue;
      if (!starts.add(t)) break walk;
    }
  }
  return starts.finish(skipped);
}

/**
 * MONTHLY without rrule when the days of a month come from one kind of part: BYMONTHDAY (or the start's
 * day of the month), or BYDAY with an ordinal on every weekday (`2TU`, `-1FR`). Same contract as
 * {@link simpleStarts}; undefined for any other monthly rule.
 */
function monthlyStarts(rule: RecurrenceRule, dtstart: number, options: RuleStartsOptions): number[] | undefined {
  if (rule.bySetPos || rule.byMonth || rule.byYearDay || rule.byWeekNo || rule.byHour || rule.byMinute || rule.bySecond) return undefined;
  if (rule.byDay && (rule.byMonthDay || rule.byDay.some((d) => d.n === undefined || d.n === 0))) return undefined;
  const timeOfDay = ((dtstart % DAY_MS) + DAY_MS) % DAY_MS;
  const start = new Date(dtstart);
  const monthDays = rule.byDay ? undefined : (rule.byMonthDay ?? [start.getUTCDate()]);
  let month = start.getUTCFullYear() * 12 + start.getUTCMonth();
  let skipped = false;
  if (rule.count === undefined && options.from !== undefined && options.from > dtstart) {
    const f = new Date(options.from);
    const k = Math.floor((f.getUTCFullYear() * 12 + f.getUTCMonth() - month) / rule.interval);
    if (k >= 1) {
      month += k * rule.interval;
      skipped = true;
    }
  }
  const daysOf = (year: number, m: number): number[] => {
    const length = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    const days = new Set<number>();
    if (monthDays) {
      for (const d of monthDays) {
        const day = d > 0 ? d : length + d + 1;
        if (day >= 1 && day <= length) days.add(day);
      }
    } else {
      const firstWeekday = weekdayOf(floatingFromParts(year, m + 1, 1));
      for (const { weekday, n } of rule.byDay!) {
        const first = 1 + ((weekday - firstWeekday + 7) % 7);
        const count = Math.floor((length - first) / 7) + 1;
        const index = n! > 0 ? n! - 1 : count + n!;
        if (index >= 0 && index < count) days.add(first + index * 7);
      }
    }
    return [...days].sort((a, b) => a - b);
  };
  const starts = startCollector(rule, dtstart, options);
  // A rule whose days never come (BYMONTHDAY=31 every second month from February) must still end.
  const maxMonths = options.cap * 12 + 12;
  walk: for (let i = 0; ; i++, month += rule.interval) {
    if (i > maxMonths) {
      starts.exhaust();
      break;
    }
    const year = Math.floor(month / 12);
    const m = month % 12;
    for (const day of daysOf(year, m)) {
      if (!starts.add(floatingFromParts(year, m + 1, day) + timeOfDay)) break walk;
    }
  }
  return starts.finish(skipped);
}

/**
 * The bounds every walk without rrule shares, applied to its candidates in order, as the rrule walk
 * applies them: candidates before DTSTART are passed over; UNTIL ends the walk before a candidate is
 * counted, the window (stopAt) after; the cap counts candidates; COUNT counts starts.
 */
function startCollector(rule: RecurrenceRule, dtstart: number, options: RuleStartsOptions) {
  const out: number[] = [];
  let seen = 0;
  return {
    /** Takes one candidate; false when the walk must stop. */
    add(t: number): boolean {
      if (t < dtstart) return true;
      if (options.until !== undefined && t > options.until) return false;
      if (++seen > options.cap) return false;
      if (t >= options.stopAt) return false;
      out.push(t);
      return rule.count === undefined || out.length < rule.count;
    },
    /** The walk gave up on a rule whose candidates never come: as many as the cap allows were seen. */
    exhaust(): void {
      seen = options.cap + 1;
    },
    finish(skipped: boolean): number[] {
      return finishStarts(out, seen > options.cap, rule, dtstart, options, skipped);
    },
  };
}

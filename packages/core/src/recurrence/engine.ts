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
export function ruleStarts(rule: RecurrenceRule, dtstart: number, options: RuleStartsOptions): number[] {
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
  if (overflow) {
    throw new RecurrenceError(
      'too-many-iterations',
      `the rule generates more than ${options.cap} candidate times before the end of the window; narrow the window, move the series start closer, or raise maxIterations`,
      ['recurrence', 'rrule'],
    );
  }
  if (!options.includeDtstart || skipTo !== undefined) return out;
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

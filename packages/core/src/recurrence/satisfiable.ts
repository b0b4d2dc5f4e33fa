// Decides, before any expansion, whether a rule can ever produce an occurrence after its start.
//
// Why: rrule walks period after period until something matches. A rule that never matches makes it walk
// to the year 9999 (seconds for FREQ=DAILY), and a sub-daily rule whose BYHOUR/BYMINUTE/BYSECOND its
// INTERVAL can never reach makes it loop forever. The Gregorian calendar repeats exactly every 400 years
// (146,097 days = 20,871 weeks = 4,800 months), so checking one cycle, with the periods INTERVAL visits,
// is a complete answer.
import { DAY_MS, floatingFromParts, localFromFloating } from './floating.js';
import type { ByDay, Frequency, RecurrenceRule } from './rule.js';

const CYCLE_DAYS = 146_097;
const CYCLE_WEEKS = 20_871;
const CYCLE_MONTHS = 4_800;
const CYCLE_YEARS = 400;
const EPOCH_DOW = 3; // 1970-01-01 was a Thursday (MO = 0)

const SUB_DAILY: readonly Frequency[] = ['HOURLY', 'MINUTELY', 'SECONDLY'];

/** The BY parts rrule fills in from DTSTART when the rule leaves them out (RFC 5545 §3.3.10). */
export interface EffectiveParts {
  byMonth?: number[];
  byMonthDay?: number[];
  byDay?: ByDay[];
  byHour?: number[];
  byMinute?: number[];
  bySecond?: number[];
}

export function effectiveParts(rule: RecurrenceRule, dtstart: number): EffectiveParts {
  const d = new Date(dtstart);
  const out: EffectiveParts = {
    ...(rule.byMonth ? { byMonth: rule.byMonth } : {}),
    ...(rule.byMonthDay ? { byMonthDay: rule.byMonthDay } : {}),
    ...(rule.byDay ? { byDay: rule.byDay } : {}),
    ...(rule.byHour ? { byHour: rule.byHour } : {}),
    ...(rule.byMinute ? { byMinute: rule.byMinute } : {}),
    ...(rule.bySecond ? { bySecond: rule.bySecond } : {}),
  };
  if (!(rule.byWeekNo || rule.byYearDay || rule.byMonthDay || rule.byDay)) {
    if (rule.freq === 'YEARLY') {
      out.byMonth ??= [d.getUTCMonth() + 1];
      out.byMonthDay = [d.getUTCDate()];
    } else if (rule.freq === 'MONTHLY') out.byMonthDay = [d.getUTCDate()];
    else if (rule.freq === 'WEEKLY') out.byDay = [{ weekday: weekdayOf(dtstart) }];
  }
  const level = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'].indexOf(rule.freq);
  if (level < 4) out.byHour ??= [d.getUTCHours()];
  if (level < 5) out.byMinute ??= [d.getUTCMinutes()];
  if (level < 6) out.bySecond ??= [d.getUTCSeconds()];
  return out;
}

export function weekdayOf(floating: number): number {
  const day = Math.floor(floating / DAY_MS);
  return (((day + EPOCH_DOW) % 7) + 7) % 7;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** Rules whose every period is sure to hold an occurrence; most catalog rules are of this kind. */
function obviouslySatisfiable(rule: RecurrenceRule, parts: EffectiveParts): boolean {
  if (rule.bySetPos || rule.byWeekNo || rule.byYearDay) return false;
  const dayFilter = parts.byMonth || parts.byMonthDay || parts.byDay;
  switch (rule.freq) {
    case 'YEARLY':
    case 'MONTHLY':
      // Only the defaults from a start on day 1–28, which every month has.
      return !rule.byMonth && !rule.byDay && !rule.byMonthDay && (parts.byMonthDay?.[0] ?? 0) <= 28;
    case 'WEEKLY':
      // Every week has every weekday.
      return !parts.byMonth && !parts.byMonthDay && (parts.byDay ?? []).every((d) => d.n === undefined);
    case 'DAILY':
      return !dayFilter;
    default:
      return !dayFilter && (rule.interval === 1 || !(rule.byHour || rule.byMinute || rule.bySecond));
  }
}

const cache = new Map<string, string | null>();

/**
 * Why the rule can never produce an occurrence after `dtstart`, or undefined when it can. `text` is the
 * rule as written, for the message. Results are cached per rule and start.
 */
export function impossibility(rule: RecurrenceRule, dtstart: number, text: string): string | undefined {
  const parts = effectiveParts(rule, dtstart);
  if (obviouslySatisfiable(rule, parts)) return undefined;
  const key = `${text}|${dtstart}`;
  const known = cache.get(key);
  if (known !== undefined) return known ?? undefined;
  const found = search(rule, parts, dtstart, text) ?? null;
  if (cache.size > 2000) cache.clear();
  cache.set(key, found);
  return found ?? undefined;
}

function search(rule: RecurrenceRule, parts: EffectiveParts, dtstart: number, text: string): string | undefined {
  const never = `the rule ${text} can never produce an occurrence`;
  const subDaily = SUB_DAILY.includes(rule.freq);
  const timesPerPeriod = subDaily
    ? rule.freq === 'HOURLY'
      ? (parts.byMinute?.length ?? 1) * (parts.bySecond?.length ?? 1)
      : rule.freq === 'MINUTELY'
        ? (parts.bySecond?.length ?? 1)
        : 1
    : (parts.byHour?.length ?? 1) * (parts.byMinute?.length ?? 1) * (parts.bySecond?.length ?? 1);
  const minPos = rule.bySetPos ? Math.min(...rule.bySetPos.map(Math.abs)) : 1;
  if (subDaily && minPos > timesPerPeriod) {
    return `${never}: BYSETPOS=${rule.bySetPos?.join(',')} asks for a position beyond the ${timesPerPeriod} time(s) each ${periodName(rule.freq)} has`;
  }

  const matchesDay = dayMatcher(rule, parts);
  const start = new Date(dtstart);
  const startDay = Math.floor(dtstart / DAY_MS);

  // Sub-daily: which units of the day (hours, minutes or seconds) the time filters allow, and the
  // residue class INTERVAL keeps the unit counter in.
  const unitsPerDay = rule.freq === 'HOURLY' ? 24 : rule.freq === 'MINUTELY' ? 1440 : 86_400;
  const unitMs = DAY_MS / unitsPerDay;
  let allowedUnit: ((needed: number) => boolean) | undefined;
  let unitStep = 0;
  let unitPhase = 0;
  if (subDaily) {
    unitStep = gcd(rule.interval, CYCLE_DAYS * unitsPerDay);
    unitPhase = mod(Math.floor(dtstart / unitMs), unitStep);
    const hours = new Set(rule.byHour ?? []);
    const minutes = new Set(rule.byMinute ?? []);
    const seconds = new Set(rule.bySecond ?? []);
    const ok = (u: number): boolean => {
      const secondOfDay = u * (unitMs / 1000);
      const h = Math.floor(secondOfDay / 3600);
      const mi = Math.floor(secondOfDay / 60) % 60;
      const s = secondOfDay % 60;
      return (
        (!rule.byHour || hours.has(h)) &&
        (rule.freq === 'HOURLY' || !rule.byMinute || minutes.has(mi)) &&
        (rule.freq !== 'SECONDLY' || !rule.bySecond || seconds.has(s))
      );
    };
    if (unitStep >= unitsPerDay) {
      allowedUnit = (needed) => needed < unitsPerDay && ok(needed);
    } else {
      const residues = new Set<number>();
      for (let u = 0; u < unitsPerDay; u++) if (ok(u)) residues.add(u % unitStep);
      if (residues.size === 0) return `${never}: BYHOUR/BYMINUTE/BYSECOND allow no time of day`;
      allowedUnit = (needed) => residues.has(needed);
    }
  }

  const periodCycle = { YEARLY: CYCLE_YEARS, MONTHLY: CYCLE_MONTHS, WEEKLY: CYCLE_WEEKS, DAILY: CYCLE_DAYS }[rule.freq as 'DAILY'] ?? 1;
  const periodStep = subDaily ? 1 : gcd(rule.interval, periodCycle);
  const weekOrigin = 4 + rule.wkst; // 1970-01-05 was a Monday
  const periodOf = (day: number, year: number, month: number): number => {
    switch (rule.freq) {
      case 'YEARLY':
        return year;
      case 'MONTHLY':
        return year * 12 + month - 1;
      case 'WEEKLY':
        return Math.floor((day - weekOrigin) / 7);
      default:
        return day;
    }
  };
  const startPeriod = periodOf(startDay, start.getUTCFullYear(), start.getUTCMonth() + 1);
  const counts = rule.bySetPos ? new Map<number, number>() : undefined;

  let anyDay = false;
  let best = 0;
  const firstDay = Math.floor(floatingFromParts(2000, 1, 1) / DAY_MS);
  const walk = new CalendarWalk(2000);
  for (let i = 0; i < CYCLE_DAYS; i++, walk.next()) {
    if (!matchesDay(walk)) continue;
    anyDay = true;
    const day = firstDay + i;
    if (subDaily) {
      if (allowedUnit!(mod(unitPhase - day * unitsPerDay, unitStep))) return undefined;
      continue;
    }
    const period = periodOf(day, walk.year, walk.month);
    if (mod(period - startPeriod, periodStep) !== 0) continue;
    if (!counts) return undefined;
    const key = mod(period, periodCycle);
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    best = Math.max(best, n);
    if (n * timesPerPeriod >= minPos) return undefined;
  }
  if (!anyDay) return `${never}: no date in a whole 400-year calendar cycle matches all of its BY parts together`;
  if (counts && best > 0) {
    return `${never}: BYSETPOS=${rule.bySetPos?.join(',')} asks for a position beyond the ${best * timesPerPeriod} candidate(s) any ${periodName(rule.freq)} has`;
  }
  return `${never}: with INTERVAL=${rule.interval} counted from the start ${localFromFloating(dtstart)}, none of the ${periodName(rule.freq)}s it visits has a matching ${subDaily ? 'time' : 'date'}`;
}

function periodName(freq: Frequency): string {
  return { YEARLY: 'year', MONTHLY: 'month', WEEKLY: 'week', DAILY: 'day', HOURLY: 'hour', MINUTELY: 'minute', SECONDLY: 'second' }[freq];
}

/** Steps through days keeping the calendar facts the BY parts look at. */
class CalendarWalk {
  year: number;
  month = 1;
  day = 1;
  /** 1-based day of the year. */
  yearDay = 1;
  /** MO = 0. */
  weekday: number;
  yearLength: number;
  monthLength = 31;

  constructor(year: number) {
    this.year = year;
    this.yearLength = yearLength(year);
    this.weekday = weekdayOf(floatingFromParts(year, 1, 1));
  }

  next(): void {
    this.weekday = (this.weekday + 1) % 7;
    this.yearDay++;
    if (++this.day <= this.monthLength) return;
    this.day = 1;
    if (++this.month <= 12) {
      this.monthLength = monthLength(this.year, this.month);
      return;
    }
    this.month = 1;
    this.monthLength = 31;
    this.year++;
    this.yearDay = 1;
    this.yearLength = yearLength(this.year);
  }
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const yearLength = (y: number): number => (isLeap(y) ? 366 : 365);
const monthLength = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

function dayMatcher(rule: RecurrenceRule, parts: EffectiveParts): (w: CalendarWalk) => boolean {
  const months = parts.byMonth ? new Set(parts.byMonth) : undefined;
  const monthDays = parts.byMonthDay ? new Set(parts.byMonthDay) : undefined;
  const yearDays = rule.byYearDay ? new Set(rule.byYearDay) : undefined;
  const weekNos = rule.byWeekNo ? new Set(rule.byWeekNo) : undefined;
  const days = parts.byDay;
  // RFC 5545: an ordinal BYDAY counts within the month for MONTHLY, or for YEARLY with BYMONTH; else within the year.
  const inMonth = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && rule.byMonth !== undefined);
  const anchorWeekday = (rule.wkst + 3) % 7;

  return (w) => {
    if (months && !months.has(w.month)) return false;
    if (monthDays && !monthDays.has(w.day) && !monthDays.has(w.day - w.monthLength - 1)) return false;
    if (yearDays && !yearDays.has(w.yearDay) && !yearDays.has(w.yearDay - w.yearLength - 1)) return false;
    if (days) {
      const ok = days.some((d) => {
        if (d.weekday !== w.weekday) return false;
        if (d.n === undefined) return true;
        const [pos, len] = inMonth ? [w.day, w.monthLength] : [w.yearDay, w.yearLength];
        return d.n === Math.floor((pos - 1) / 7) + 1 || d.n === -(Math.floor((len - pos) / 7) + 1);
      });
      if (!ok) return false;
    }
    if (weekNos) {
      // A week belongs to the year holding its fourth day (ISO 8601, generalised to WKST).
      const intoWeek = (w.weekday - rule.wkst + 7) % 7;
      let anchorYearDay = w.yearDay + 3 - intoWeek;
      let weekYear = w.year;
      if (anchorYearDay < 1) {
        weekYear--;
        anchorYearDay += yearLength(weekYear);
      } else if (anchorYearDay > w.yearLength) {
        anchorYearDay -= w.yearLength;
        weekYear++;
      }
      const week = Math.floor((anchorYearDay - 1) / 7) + 1;
      const jan1 = weekdayOf(floatingFromParts(weekYear, 1, 1));
      const weeks = jan1 === anchorWeekday || (isLeap(weekYear) && (jan1 + 1) % 7 === anchorWeekday) ? 53 : 52;
      // As rrule (and dateutil) expand a year: its own weeks by number from either end; the days of next year's
      // week 1 only for a literal 1; the days of last year's last week only for that week's number or -1.
      const fromEnd = weekYear === w.year ? week - weeks - 1 : weekYear < w.year ? -1 : undefined;
      const number = weekYear > w.year ? 1 : week;
      if (!weekNos.has(number) && (fromEnd === undefined || !weekNos.has(fromEnd))) return false;
    }
    return true;
  };
}


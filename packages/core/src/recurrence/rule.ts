// A strict reader for RRULE values (RFC 5545 §3.3.10). Anything it accepts, the engine can expand;
// anything it rejects gets a sentence naming the rule part and the value.
import { isCalendarDate } from '../time/time.schema.js';
import { floatingFromParts } from './floating.js';

export const FREQUENCIES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Weekday codes in RFC order of the week starting Monday; the index is the weekday number used here (MO = 0). */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export interface ByDay {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Ordinal (`2MO`, `-1FR`); absent for every such weekday in the period. */
  n?: number;
}

export interface RuleUntil {
  /** `Z` form: an instant in UTC milliseconds. Otherwise a wall-clock reading in the session's zone (floating ms). */
  utc: boolean;
  value: number;
  /** Written as a date (`UNTIL=20260131`): the whole day counts. */
  dateOnly: boolean;
}

/** A parsed RRULE. Lists are sorted and free of duplicates; absent parts are undefined. */
export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  count?: number;
  until?: RuleUntil;
  bySecond?: number[];
  byMinute?: number[];
  byHour?: number[];
  byDay?: ByDay[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  /** Week start, 0 = Monday (the default). */
  wkst: number;
}

export type ParseRuleResult = { ok: true; rule: RecurrenceRule } | { ok: false; problems: string[] };

const KNOWN_PARTS = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
] as const;
type PartName = (typeof KNOWN_PARTS)[number];

const INTEGER = /^[+-]?\d{1,4}$/;
const UNTIL_FORM = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Reads an RRULE value such as `FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260315T170000Z`. Part names and values
 * are case-insensitive. Every problem found is reported, not just the first.
 */
export function parseRecurrenceRule(text: string): ParseRuleResult {
  const problems: string[] = [];
  const raw = new Map<PartName, string>();
  const trimmed = text.trim().replace(/;$/, '');
  if (trimmed === '') return { ok: false, problems: ['the RRULE is empty: it needs at least FREQ, e.g. FREQ=WEEKLY'] };
  if (/^RRULE:/i.test(trimmed)) problems.push('write the RRULE value without the "RRULE:" prefix, e.g. FREQ=WEEKLY;BYDAY=MO');

  for (const segment of trimmed.replace(/^RRULE:/i, '').split(';')) {
    const eq = segment.indexOf('=');
    if (eq <= 0) {
      problems.push(`"${segment}" is not a rule part: parts are written NAME=VALUE and separated by ";"`);
      continue;
    }
    const name = segment.slice(0, eq).trim().toUpperCase();
    const value = segment.slice(eq + 1).trim().toUpperCase();
    if (name === 'DTSTART') {
      problems.push('DTSTART does not belong in the RRULE: the session start is the first occurrence');
      continue;
    }
    if (name === 'RSCALE' || name === 'SKIP') {
      problems.push(`${name} (RFC 7529 non-Gregorian calendars) is not supported`);
      continue;
    }
    if (!(KNOWN_PARTS as readonly string[]).includes(name)) {
      problems.push(`unknown RRULE part "${name}"; the parts are ${KNOWN_PARTS.join(', ')}`);
      continue;
    }
    if (raw.has(name as PartName)) {
      problems.push(`${name} is given more than once`);
      continue;
    }
    if (value === '') {
      problems.push(`${name} has no value`);
      continue;
    }
    raw.set(name as PartName, value);
  }

  const freqText = raw.get('FREQ');
  let freq: Frequency | undefined;
  if (freqText === undefined) problems.push('FREQ is required, e.g. FREQ=WEEKLY (one of ' + FREQUENCIES.join(', ') + ')');
  else if ((FREQUENCIES as readonly string[]).includes(freqText)) freq = freqText as Frequency;
  else problems.push(`FREQ=${freqText} is not a frequency; use one of ${FREQUENCIES.join(', ')}`);

  const positive = (name: PartName): number | undefined => {
    const v = raw.get(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,9}$/.test(v) || Number(v) < 1) {
      problems.push(`${name}=${v} must be a whole number of at least 1`);
      return undefined;
    }
    return Number(v);
  };
  const interval = positive('INTERVAL') ?? 1;
  const count = positive('COUNT');

  const list = (name: PartName, min: number, max: number, allowNegative: boolean, what: string): number[] | undefined => {
    const v = raw.get(name);
    if (v === undefined) return undefined;
    const out = new Set<number>();
    for (const item of v.split(',')) {
      const n = Number(item);
      const ok = INTEGER.test(item) && (allowNegative ? n !== 0 && Math.abs(n) >= min && Math.abs(n) <= max : n >= min && n <= max);
      if (!ok) {
        const range = allowNegative ? `${min} to ${max} or -${max} to -${min}` : `${min} to ${max}`;
        problems.push(`${name}: "${item}" is not ${what} (${range})`);
        continue;
      }
      out.add(n);
    }
    return out.size > 0 ? [...out].sort((a, b) => a - b) : undefined;
  };
  const bySecond = list('BYSECOND', 0, 59, false, 'a second');
  const byMinute = list('BYMINUTE', 0, 59, false, 'a minute');
  const byHour = list('BYHOUR', 0, 23, false, 'an hour');
  const byMonthDay = list('BYMONTHDAY', 1, 31, true, 'a day of the month');
  const byYearDay = list('BYYEARDAY', 1, 366, true, 'a day of the year');
  const byWeekNo = list('BYWEEKNO', 1, 53, true, 'a week number');
  const byMonth = list('BYMONTH', 1, 12, false, 'a month');
  const bySetPos = list('BYSETPOS', 1, 366, true, 'a position in the set');
  if (raw.get('BYSECOND')?.split(',').includes('60')) problems.push('BYSECOND=60 (a leap second) is not supported');

  let byDay: ByDay[] | undefined;
  const byDayText = raw.get('BYDAY');
  if (byDayText !== undefined) {
    const seen = new Map<string, ByDay>();
    for (const item of byDayText.split(',')) {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
      const n = m?.[1] === undefined ? undefined : Number(m[1]);
      if (!m || (n !== undefined && (n === 0 || Math.abs(n) > 53))) {
        problems.push(`BYDAY: "${item}" is not a weekday; use MO, TU, WE, TH, FR, SA or SU, optionally with an ordinal from 1 to 53 or -53 to -1 (2MO, -1FR)`);
        continue;
      }
      const entry: ByDay = { weekday: WEEKDAY_CODES.indexOf(m[2] as WeekdayCode), ...(n === undefined ? {} : { n }) };
      seen.set(`${n ?? ''}${m[2]}`, entry);
    }
    byDay = seen.size > 0 ? [...seen.values()].sort((a, b) => a.weekday - b.weekday || (a.n ?? 0) - (b.n ?? 0)) : undefined;
  }

  let wkst = 0;
  const wkstText = raw.get('WKST');
  if (wkstText !== undefined) {
    const i = WEEKDAY_CODES.indexOf(wkstText as WeekdayCode);
    if (i < 0) problems.push(`WKST=${wkstText} is not a weekday; use MO, TU, WE, TH, FR, SA or SU`);
    else wkst = i;
  }

  let until: RuleUntil | undefined;
  const untilText = raw.get('UNTIL');
  if (untilText !== undefined) {
    const m = UNTIL_FORM.exec(untilText);
    const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    const [h, mi, s] = m?.[4] ? [Number(m[4]), Number(m[5]), Number(m[6])] : [0, 0, 0];
    if (!m || !isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) {
      problems.push(`UNTIL=${untilText} is not a date (20260131) or date-time (20260131T170000Z, or without Z for the session's zone)`);
    } else {
      until = { utc: m[7] === 'Z', value: floatingFromParts(y, mo, d, h, mi, s), dateOnly: m[4] === undefined };
    }
  }

  if (count !== undefined && untilText !== undefined) problems.push('COUNT and UNTIL cannot both be given (RFC 5545): keep one');

  if (freq !== undefined) {
    const monthlyOrYearly = freq === 'MONTHLY' || freq === 'YEARLY';
    if (byDay?.some((d) => d.n !== undefined)) {
      if (!monthlyOrYearly) problems.push(`BYDAY with an ordinal (like 2MO) needs FREQ=MONTHLY or FREQ=YEARLY, not FREQ=${freq}`);
      else if (freq === 'YEARLY' && byWeekNo) problems.push('BYDAY with an ordinal (like 2MO) cannot be combined with BYWEEKNO');
      else if (freq === 'MONTHLY' || byMonth) {
        const bad = byDay.find((d) => d.n !== undefined && Math.abs(d.n) > 5);
        if (bad) problems.push(`BYDAY=${bad.n}${WEEKDAY_CODES[bad.weekday]} can never happen: a month has at most 5 of any weekday`);
      }
    }
    if (byMonthDay && freq === 'WEEKLY') problems.push('BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)');
    if (byYearDay && (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY')) {
      problems.push(`BYYEARDAY cannot be used with FREQ=${freq} (RFC 5545)`);
    }
    if (byWeekNo && freq !== 'YEARLY') problems.push(`BYWEEKNO can only be used with FREQ=YEARLY, not FREQ=${freq}`);
  }
  if (bySetPos && !(bySecond || byMinute || byHour || byDay || byMonthDay || byYearDay || byWeekNo || byMonth)) {
    problems.push('BYSETPOS selects from the set built by other BYxxx parts, but there is none (e.g. add BYDAY)');
  }
  if (byMonth && byMonthDay) {
    // A clear sentence for the common impossible date; other impossible mixes are found by the engine.
    const longest = Math.max(...byMonth.map((m) => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31));
    if (byMonthDay.every((d) => Math.abs(d) > longest)) {
      const months = byMonth.map((m) => MONTH_NAMES[m - 1]).join(', ');
      problems.push(
        `BYMONTHDAY=${byMonthDay.join(',')} never falls in BYMONTH=${byMonth.join(',')}: ${months} ${byMonth.length > 1 ? 'have' : 'has'} at most ${longest} days`,
      );
    }
  }

  if (problems.length > 0 || freq === undefined) return { ok: false, problems };
  const rule: RecurrenceRule = {
    freq,
    interval,
    wkst,
    ...(count !== undefined ? { count } : {}),
    ...(until ? { until } : {}),
    ...(bySecond ? { bySecond } : {}),
    ...(byMinute ? { byMinute } : {}),
    ...(byHour ? { byHour } : {}),
    ...(byDay ? { byDay } : {}),
    ...(byMonthDay ? { byMonthDay } : {}),
    ...(byYearDay ? { byYearDay } : {}),
    ...(byWeekNo ? { byWeekNo } : {}),
    ...(byMonth ? { byMonth } : {}),
    ...(bySetPos ? { bySetPos } : {}),
  };
  return { ok: true, rule };
}

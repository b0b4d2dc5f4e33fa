import { DateTime, IANAZone } from 'luxon';
import { contentLine, escapeText } from './ical-text.js';

/** A change of a zone's UTC offset, found in the tz data. Offsets in minutes east of UTC. */
export interface OffsetTransition {
  /** The instant of the change, in milliseconds since the epoch. */
  at: number;
  from: number;
  to: number;
  /** Whether the offset after the change is daylight saving time. */
  daylight: boolean;
  /** Abbreviation after the change when the tz data has a real one (EST, AEDT); absent for "GMT+10:30". */
  name?: string;
}

const MINUTE = 60_000;
// Two changes less than a scan step apart would be missed; no zone has had that since the 1940s.
const SCAN_STEP = 12 * 60 * MINUTE;

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`unknown time zone ${JSON.stringify(name)}: expected an IANA name such as America/New_York`);
  return zone;
}

/**
 * Every offset change of `zoneName` in [fromMillis, toMillis), from the tz data the runtime carries (via
 * luxon and Intl). Scans in 12-hour steps, then bisects each step that changed down to the minute.
 */
export function zoneTransitions(zoneName: string, fromMillis: number, toMillis: number): OffsetTransition[] {
  const zone = zoneOf(zoneName);
  const transitions: OffsetTransition[] = [];
  let t = Math.floor(fromMillis / MINUTE) * MINUTE;
  let offset = zone.offset(t);
  while (t < toMillis) {
    const next = Math.min(t + SCAN_STEP, Math.ceil(toMillis / MINUTE) * MINUTE);
    const nextOffset = zone.offset(next);
    if (nextOffset !== offset) {
      // Invariant: offset(lo) is the old offset, offset(hi) the new one.
      let lo = t / MINUTE;
      let hi = next / MINUTE;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zone.offset(mid * MINUTE) === offset) lo = mid;
        else hi = mid;
      }
      const at = hi * MINUTE;
      const name = zone.offsetName(at, { format: 'short', locale: 'en-US' }) ?? undefined;
      transitions.push({
        at,
        from: offset,
        to: nextOffset,
        daylight: DateTime.fromMillis(at, { zone }).isInDST,
        ...(name !== undefined && /^[A-Za-z]{2,6}$/.test(name) ? { name } : {}),
      });
      offset = nextOffset;
    }
    t = next;
  }
  return transitions;
}

// The tz data does not change while the program runs: a zone's changes in a UTC year are computed once.
const yearCache = new Map<string, readonly OffsetTransition[]>();

function yearTransitions(zoneName: string, year: number): readonly OffsetTransition[] {
  const key = `${zoneName}|${year}`;
  let found = yearCache.get(key);
  if (found === undefined) {
    found = zoneTransitions(zoneName, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
    if (yearCache.size > 5000) yearCache.clear();
    yearCache.set(key, found);
  }
  return found;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `-0500`, `+1030` (RFC 5545 UTC-OFFSET). */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

/** Wall-clock fields of an instant seen at a fixed offset. */
function localAt(at: number, offsetMinutes: number): Date {
  return new Date(at + offsetMinutes * MINUTE);
}

function formatLocal(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function formatUtc(at: number): string {
  return `${formatLocal(new Date(at))}Z`;
}

/** A transition's onset as local fields in the offset before it (RFC 5545 §3.6.5: onsets use TZOFFSETFROM). */
interface Onset {
  year: number;
  month: number;
  day: number;
  daysInMonth: number;
  weekday: (typeof WEEKDAYS)[number];
  time: string;
}

function onsetOf(t: OffsetTransition): Onset {
  const local = localAt(t.at, t.from);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    daysInMonth: new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate(),
    weekday: WEEKDAYS[(local.getUTCDay() + 6) % 7]!,
    time: formatLocal(local).slice(9),
  };
}

/**
 * The yearly rule that produces every onset of a run, in the forms tz rules take: a fixed day ("Mar 21"),
 * the last weekday of a month ("lastSun"), or the first weekday on or after a day ("Sun>=8", written as
 * the n-th weekday when the day is 1, 8, 15 or 22, else as BYMONTHDAY=8..14 with BYDAY). Undefined when
 * no such rule fits.
 */
function yearlyRule(onsets: readonly Onset[]): string | undefined {
  const first = onsets[0]!;
  if (onsets.some((o) => o.month !== first.month || o.time !== first.time)) return undefined;
  if (onsets.some((o, i) => i > 0 && o.year !== onsets[i - 1]!.year + 1)) return undefined;
  const base = `FREQ=YEARLY;BYMONTH=${first.month}`;
  if (onsets.every((o) => o.weekday === first.weekday)) {
    if (onsets.every((o) => o.day + 7 > o.daysInMonth)) return `${base};BYDAY=-1${first.weekday}`;
    // "on or after day D" fits when every onset lies in [D, D + 6].
    const low = Math.max(1, ...onsets.map((o) => o.day - 6));
    const high = Math.min(...onsets.map((o) => o.day));
    if (low <= high) {
      const nth = [1, 8, 15, 22].find((d) => d >= low && d <= high);
      if (nth !== undefined) return `${base};BYDAY=${(nth + 6) / 7}${first.weekday}`;
      const days = Array.from({ length: 7 }, (_, i) => low + i);
      if (days.at(-1)! <= 28) return `${base};BYMONTHDAY=${days.join(',')};BYDAY=${first.weekday}`;
    }
  }
  if (onsets.every((o) => o.day === first.day)) return `${base};BYMONTHDAY=${first.day}`;
  return undefined;
}

/** Splits one kind of transition (same offsets, same kind) into runs of consecutive years that one rule produces. */
function yearlyRuns(transitions: readonly OffsetTransition[]): OffsetTransition[][] {
  const runs: OffsetTransition[][] = [];
  for (const t of transitions) {
    const last = runs.at(-1);
    if (last && yearlyRule([...last, t].map(onsetOf)) !== undefined) last.push(t);
    else runs.push([t]);
  }
  return runs;
}

/**
 * Years of tz data read past the last year the calendar needs. Enough for every weekday alignment of a
 * date to occur, so a rule inferred from them ("Sun>=2" vs "first Sunday") is the tz rule itself and
 * holds when it is left open-ended; irregular changes in those years are written out one by one.
 */
const LOOKAHEAD_YEARS = 14;

export interface VTimezoneOptions {
  /** First calendar year the calendar's times fall in. */
  fromYear: number;
  /** Last calendar year the calendar's times are known to fall in (open-ended series continue the rules in force). */
  toYear: number;
}

/**
 * A VTIMEZONE for `zoneName` generated from the tz data. Changes from two years before `fromYear` to
 * {@link LOOKAHEAD_YEARS} after `toYear` are grouped by kind and offsets; consecutive years that one yearly
 * rule produces become one STANDARD/DAYLIGHT component with an RRULE, closed by UNTIL unless the rule is
 * still in force at the end of the scan (then it runs on, as the tz data itself extrapolates). Irregular
 * changes get a component each. A zone without changes gets one STANDARD component.
 */
export function vtimezoneLines(zoneName: string, options: VTimezoneOptions): string[] {
  const zone = zoneOf(zoneName);
  if (!Number.isInteger(options.fromYear) || !Number.isInteger(options.toYear) || options.fromYear > options.toYear) {
    throw new RangeError(`invalid VTIMEZONE year span ${options.fromYear}–${options.toYear} for ${zoneName}`);
  }
  const lastYear = options.toYear + LOOKAHEAD_YEARS;
  // Whole UTC years, one more on each side so local years (±14 h) are covered.
  const spanStart = Date.UTC(options.fromYear - 2, 0, 1);
  const transitions: OffsetTransition[] = [];
  for (let year = options.fromYear - 2; year <= lastYear + 1; year++) transitions.push(...yearTransitions(zoneName, year));

  const components: Array<{ first: number; lines: string[] }> = [];
  const component = (t: OffsetTransition, rrule?: string): void => {
    const kind = t.daylight ? 'DAYLIGHT' : 'STANDARD';
    components.push({
      first: t.at,
      lines: [
        `BEGIN:${kind}`,
        contentLine('DTSTART', formatLocal(localAt(t.at, t.from))),
        ...(rrule ? [contentLine('RRULE', rrule)] : []),
        contentLine('TZOFFSETFROM', formatUtcOffset(t.from)),
        contentLine('TZOFFSETTO', formatUtcOffset(t.to)),
        ...(t.name ? [contentLine('TZNAME', escapeText(t.name))] : []),
        `END:${kind}`,
      ],
    });
  };

  // Times before the first change in the span need an observance too (ical.js reads them as UTC otherwise).
  const first = transitions[0];
  if (first === undefined || first.at > Date.UTC(options.fromYear, 0, 1) - 14 * 60 * MINUTE) {
    const offset = zone.offset(spanStart);
    const name = zone.offsetName(spanStart, { format: 'short', locale: 'en-US' }) ?? undefined;
    component({
      at: spanStart,
      from: offset,
      to: offset,
      daylight: DateTime.fromMillis(spanStart, { zone }).isInDST,
      ...(name !== undefined && /^[A-Za-z]{2,6}$/.test(name) ? { name } : {}),
    });
  }

  const groups = new Map<string, OffsetTransition[]>();
  for (const t of transitions) {
    const key = `${t.daylight}|${t.from}|${t.to}|${t.name ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const group of groups.values()) {
    const runs = yearlyRuns(group);
    runs.forEach((run, i) => {
      const firstT = run[0]!;
      if (run.length === 1) return component(firstT);
      const lastT = run.at(-1)!;
      const open = i === runs.length - 1 && onsetOf(lastT).year >= lastYear;
      component(firstT, `${yearlyRule(run.map(onsetOf))!}${open ? '' : `;UNTIL=${formatUtc(lastT.at)}`}`);
    });
  }

  components.sort((a, b) => a.first - b.first);
  return ['BEGIN:VTIMEZONE', contentLine('TZID', zoneName), ...components.flatMap((c) => c.lines), 'END:VTIMEZONE'];
}

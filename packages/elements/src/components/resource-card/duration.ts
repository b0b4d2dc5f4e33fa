/**
 * ISO 8601 durations (`PT90M`, `PT1H30M`, `P2W`) for people. The units are kept as the author wrote
 * them — `PT90M` reads "90 min", `PT1H30M` "1 hr, 30 min" — because a page that says "90 minutes"
 * should not be rewritten as "1 hour 30 minutes".
 */

export interface DurationParts {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
type Unit = (typeof UNITS)[number];

// Years, months, weeks and days before T; hours, minutes and seconds after. Fractions only on the last unit.
const ISO_DURATION = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** The parts of an ISO 8601 duration, or undefined when `value` is not one (`P`, `PT`, `90 minutes`). */
export function parseIsoDuration(value: string): DurationParts | undefined {
  const match = ISO_DURATION.exec(value.trim().toUpperCase());
  if (!match || /T$/.test(value.trim().toUpperCase())) return undefined;
  const parts: DurationParts = {};
  let any = false;
  UNITS.forEach((unit, i) => {
    const raw = match[i + 1];
    if (raw === undefined) return;
    parts[unit] = Number(raw.replace(',', '.'));
    any = true;
  });
  return any ? parts : undefined;
}

/** Total minutes of a duration without calendar units (years, months), else undefined. */
export function durationMinutes(parts: DurationParts): number | undefined {
  if (parts.years || parts.months) return undefined;
  return (parts.weeks ?? 0) * 7 * 24 * 60 + (parts.days ?? 0) * 24 * 60 + (parts.hours ?? 0) * 60 + (parts.minutes ?? 0) + (parts.seconds ?? 0) / 60;
}

/** Minutes as duration parts: whole seconds kept, hours only when the author's parts used them. */
export function minutesToParts(minutes: number, useHours: boolean): DurationParts {
  const totalSeconds = Math.round(minutes * 60);
  let wholeMinutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const parts: DurationParts = {};
  if (useHours && wholeMinutes >= 60) {
    parts.hours = Math.floor(wholeMinutes / 60);
    wholeMinutes %= 60;
  }
  if (wholeMinutes || (!parts.hours && !seconds)) parts.minutes = wholeMinutes;
  if (seconds) parts.seconds = seconds;
  return parts;
}

/** Back to ISO text, for `<time datetime>`. Each unit's designator is its initial (`M` for months and minutes alike). */
export function toIsoDuration(parts: DurationParts): string {
  const part = (u: Unit) => (parts[u] ? `${parts[u]}${u[0]!.toUpperCase()}` : '');
  const date = (['years', 'months', 'weeks', 'days'] as const).map(part).join('');
  const time = (['hours', 'minutes', 'seconds'] as const).map(part).join('');
  return date || time ? `P${date}${time ? `T${time}` : ''}` : 'PT0S';
}

type DurationFormatCtor = new (locale: string, options: { style: 'short' | 'long' | 'narrow' }) => { format(d: DurationParts): string };

// Constructing Intl formatters costs far more than formatting (≈0.25 ms for a DurationFormat), and a
// list of resources formats thousands of durations: one formatter per locale and unit.
const cache = new Map<string, { format(value: never): string }>();
function cached<F extends { format(value: never): string }>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/**
 * A duration in `locale`: `Intl.DurationFormat` where the browser has it, else each unit with
 * `Intl.NumberFormat` joined by `Intl.ListFormat` (both widely available).
 */
export function formatDuration(parts: DurationParts, locale: string): string {
  // DurationFormat.format itself is slow in Chromium (≈0.05 ms a call) and a list repeats the same few
  // durations, so results are remembered too.
  const key = `${locale}|${toIsoDuration(parts)}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 500) formatted.clear();
    text = formatUncached(parts, locale);
    formatted.set(key, text);
  }
  return text;
}

const formatted = new Map<string, string>();

function formatUncached(parts: DurationParts, locale: string): string {
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;
  const whole = UNITS.every((u) => parts[u] === undefined || Number.isInteger(parts[u]));
  // DurationFormat rejects fractional values; the unit fallback handles "1.5 h".
  if (DurationFormat && whole) {
    try {
      return cached(`duration|${locale}`, () => new DurationFormat(locale, { style: 'short' })).format(parts);
    } catch {
      // Fall through to the unit-by-unit format.
    }
  }
  return formatDurationByUnits(parts, locale);
}

/** The fallback of `formatDuration`, exported so it is tested where DurationFormat exists too. */
export function formatDurationByUnits(parts: DurationParts, locale: string): string {
  const unit = (u: Unit) =>
    // Intl's unit names are the singulars: `minutes` → `minute`.
    cached(`unit|${locale}|${u}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: u.slice(0, -1), unitDisplay: 'short', maximumFractionDigits: 2 }));
  const pieces = UNITS.filter((u) => parts[u] !== undefined && parts[u] !== 0).map((u) => unit(u).format(parts[u]! as never));
  if (pieces.length === 0) return unit('minutes').format(0);
  return cached(`list|${locale}`, () => new Intl.ListFormat(locale, { style: 'short', type: 'unit' })).format(pieces as never);
}

/** Sums durations into minutes; undefined when any is missing or has calendar units. */
export function sumMinutes(values: readonly (string | undefined)[]): number | undefined {
  let total = 0;
  for (const value of values) {
    const parts = value === undefined ? undefined : parseIsoDuration(value);
    const minutes = parts && durationMinutes(parts);
    if (minutes === undefined) return undefined;
    total += minutes;
  }
  return values.length ? total : undefined;
}

/**
 * ISO 8601 durations (`PT90M`, `PT1H30M`, `P2W`) for people. The units are kept as the author wrote
 * them — `PT90M` reads "90 min", `PT1H30M` "1 hr, 30 min" — because a page that says "90 minutes"
 * should not be rewritten as "1 hour 30 minutes".
 */
import { formatStatedDuration as coreFormatStatedDuration, type FeedWorkshop, type HalfDayWords, type StatedDuration } from '@mentorkit/core/browser';
import { msg, str } from './localize.js';
import { once } from './memo.js';

export interface DurationParts {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

export const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
type Unit = (typeof UNITS)[number];

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
      return once(`duration|${locale}`, () => new DurationFormat(locale, { style: 'short' })).format(parts);
    } catch {
      // Fall through to the unit-by-unit format.
    }
  }
  return formatDurationByUnits(parts, locale);
}

/** Minutes as a duration in hours and minutes ("45 min", "1 hr, 30 min" — per locale). */
export function formatMinutes(minutes: number, locale: string): string {
  return formatDuration(minutesToParts(minutes, true), locale);
}

/** The fallback of `formatDuration`, exported so it is tested where DurationFormat exists too. */
export function formatDurationByUnits(parts: DurationParts, locale: string): string {
  const unit = (u: Unit) =>
    // Intl's unit names are the singulars: `minutes` → `minute`.
    once(`unit|${locale}|${u}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: u.slice(0, -1), unitDisplay: 'short', maximumFractionDigits: 2 }));
  const pieces = UNITS.filter((u) => parts[u] !== undefined && parts[u] !== 0).map((u) => unit(u).format(parts[u]!));
  if (pieces.length === 0) return unit('minutes').format(0);
  return once(`duration-list|${locale}`, () => new Intl.ListFormat(locale, { style: 'short', type: 'unit' })).format(pieces);
}

/**
 * A stated duration (a curriculum's delivery option, a unit): the author's label as given, else the value
 * in its own unit — "60–90 min", "Half day", "2 days" — in `locale`. Day-based lengths are never turned
 * into minutes.
 */
export function formatStatedDuration(d: StatedDuration, locale: string): string {
  return coreFormatStatedDuration(d, locale, halfDays());
}

/**
 * A workshop format for people: its label as the author wrote it, else its stated duration through
 * {@link formatStatedDuration} ("Half day", "2–3 days" — never turned into minutes), else its minutes
 * ("1 hr, 30 min"). Undefined for a format that states no length (a catalog never writes one).
 */
export function formatWorkshopFormat(f: FeedWorkshop['formats'][number], locale: string): string | undefined {
  if (f.label !== undefined) return f.label;
  if (f.duration) return formatStatedDuration(f.duration, locale);
  return f.durationMinutes !== undefined ? formatMinutes(f.durationMinutes, locale) : undefined;
}

/** `datetime` text for a stated duration that is one exact amount (`PT90M`, `P2D`); undefined for ranges and half days. */
export { statedDurationIso } from '@mentorkit/core/browser';

function halfDays(): HalfDayWords {
  return {
    one: msg('Half day', { id: 'duration-half-day' }),
    many: (count) => msg(str`${count} half days`, { id: 'duration-half-days' }),
    range: (min, max) => msg(str`${min}–${max} half days`, { id: 'duration-half-days-range' }),
  };
}

/**
 * A stated duration — how long a page says something takes — read for people. Browser-safe (plain
 * `Intl`, no zod), so the widgets and the no-JavaScript fallback pages word it alike.
 *
 * The author's `label` is shown as given. Otherwise the value is rendered in its own unit: a half day
 * stays "Half day" and two days stay "2 days", never a number of minutes nobody wrote.
 */

/** Units a stated duration is counted in; `half-days` counts half days ("Half day", "3 half days"). */
export const STATED_DURATION_UNITS = ['minutes', 'hours', 'half-days', 'days'] as const;
export type StatedDurationUnit = (typeof STATED_DURATION_UNITS)[number];

/** A duration as an author states it: an amount, or a range `min`–`max`, in one unit, with their own label. */
export interface StatedDuration {
  unit: StatedDurationUnit;
  amount?: number;
  min?: number;
  max?: number;
  label?: string;
}

/** Words for half days, which `Intl` has no unit for. `count` is the number already formatted for the locale. */
export interface HalfDayWords {
  one: string;
  many: (count: string) => string;
  range: (min: string, max: string) => string;
}

const HALF_DAYS: Record<string, HalfDayWords> = {
  en: { one: 'Half day', many: (n) => `${n} half days`, range: (a, b) => `${a}–${b} half days` },
  es: { one: 'Media jornada', many: (n) => `${n} medias jornadas`, range: (a, b) => `${a}–${b} medias jornadas` },
};

/** The built-in half-day words of `locale`'s language (English when it has none). */
export function halfDayWords(locale: string): HalfDayWords {
  return HALF_DAYS[locale.toLowerCase().split('-')[0] ?? 'en'] ?? HALF_DAYS.en!;
}

const INTL_UNIT: Record<Exclude<StatedDurationUnit, 'half-days'>, { unit: string; display: 'short' | 'long' }> = {
  minutes: { unit: 'minute', display: 'short' },
  hours: { unit: 'hour', display: 'short' },
  days: { unit: 'day', display: 'long' },
};

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, unit?: Exclude<StatedDurationUnit, 'half-days'>): Intl.NumberFormat {
  const key = `${locale}|${unit ?? ''}`;
  let f = formats.get(key);
  if (f === undefined) {
    const options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };
    if (unit !== undefined) Object.assign(options, { style: 'unit', unit: INTL_UNIT[unit].unit, unitDisplay: INTL_UNIT[unit].display });
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat('en', options);
    }
    formats.set(key, f);
  }
  return f;
}

/**
 * The duration for people: its `label` when the author gave one, else "90 min", "60–90 min", "Half day",
 * "2 days" (per `locale`). `halfDays` supplies the words for half days (default: built-in English and Spanish).
 */
export function formatStatedDuration(d: StatedDuration, locale: string, halfDays: HalfDayWords = halfDayWords(locale)): string {
  const label = d.label?.trim();
  if (label) return label;
  return formatStatedValue(d, locale, halfDays);
}

/** The value alone, ignoring any label: what {@link formatStatedDuration} shows when there is none. */
export function formatStatedValue(d: StatedDuration, locale: string, halfDays: HalfDayWords = halfDayWords(locale)): string {
  const range = d.amount === undefined && d.min !== undefined && d.max !== undefined ? ([d.min, d.max] as const) : undefined;
  const amount = d.amount ?? d.min ?? d.max ?? 0;
  if (d.unit === 'half-days') {
    const n = numberFormat(locale);
    if (range) return halfDays.range(n.format(range[0]), n.format(range[1]));
    return amount === 1 ? halfDays.one : halfDays.many(n.format(amount));
  }
  const f = numberFormat(locale, d.unit);
  if (!range) return f.format(amount);
  // formatRange gives "60–90 min" with the unit once; older engines get the two ends joined.
  const withRange = f as Intl.NumberFormat & { formatRange?: (a: number, b: number) => string };
  return typeof withRange.formatRange === 'function' ? withRange.formatRange(range[0], range[1]) : `${f.format(range[0])}–${f.format(range[1])}`;
}

/**
 * An HTML/ISO 8601 duration for `<time datetime>` when the value is one exact amount in whole units
 * (`PT90M`, `PT2H`, `P2D`); undefined for ranges and half days, which no such text states faithfully.
 */
export function statedDurationIso(d: StatedDuration): string | undefined {
  if (d.amount === undefined || !Number.isInteger(d.amount)) return undefined;
  switch (d.unit) {
    case 'minutes':
      return `PT${d.amount}M`;
    case 'hours':
      return `PT${d.amount}H`;
    case 'days':
      return `P${d.amount}D`;
    case 'half-days':
      return undefined;
  }
}

/**
 * A stated duration as a number of minutes, only where it states one: a single amount of minutes, or of
 * hours that comes to whole minutes (1.5 hours → 90). Undefined for ranges, half days and days: a "Half
 * day" or "2 days" is no number of minutes anybody wrote, and a range is not one length.
 */
export function statedDurationMinutes(d: StatedDuration): number | undefined {
  if (d.amount === undefined) return undefined;
  const minutes = d.unit === 'minutes' ? d.amount : d.unit === 'hours' ? d.amount * 60 : undefined;
  if (minutes === undefined) return undefined;
  // 1.1 hours is 66.00000000000001 minutes in floating point: still exactly 66.
  const whole = Math.round(minutes);
  return Math.abs(minutes - whole) < 1e-9 ? whole : undefined;
}

/** A length given either as a plain number of minutes or as a stated duration (a workshop format, a curriculum unit). */
export interface MinutesOrStated {
  durationMinutes?: number | undefined;
  duration?: StatedDuration | undefined;
}

/**
 * The exact minutes of a length: `durationMinutes`, else those of its stated `duration` (see
 * {@link statedDurationMinutes}); undefined when it states none (half days, days, ranges).
 */
export function exactMinutes(length: MinutesOrStated): number | undefined {
  if (length.durationMinutes !== undefined) return length.durationMinutes;
  return length.duration ? statedDurationMinutes(length.duration) : undefined;
}

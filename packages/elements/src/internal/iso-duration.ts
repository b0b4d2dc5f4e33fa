/**
 * Reading ISO 8601 durations (`PT90M`, `PT1H30M`, `P2W`) from catalog data; `duration.ts` writes them
 * for people. Apart, so that a widget that only shows minutes does not load the parser.
 */
import { UNITS, type DurationParts } from './duration.js';

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

import { isCalendarDate, resolveWallClock, startOfLocalDate } from '@mentorkit/core';
import { UsageError } from './io.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const FORMS = 'a date (2026-01-08), a local time (2026-01-08T09:00, in the catalog\'s default zone) or an instant (2026-01-08T14:00:00Z)';

/** Checks a time flag's form before any file is read, so a typo fails fast as a usage error. */
export function checkTimeFlag(flag: string, value: string | undefined): void {
  if (value === undefined) return;
  if (!DATE.test(value) && !LOCAL.test(value) && !INSTANT.test(value)) {
    throw new UsageError(`--${flag} "${value}" is not a date or time; use ${FORMS}`);
  }
}

/**
 * The instant a time flag means. A date is the start of that day and a time without offset is wall-clock
 * time, both in `zone` (the catalog's default zone), so `--from 2026-01-01` means what its author reads.
 */
export function resolveTimeFlag(flag: string, value: string, zone: string): Date {
  checkTimeFlag(flag, value);
  const date = DATE.exec(value);
  if (date) {
    if (!isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))) throw new UsageError(`--${flag} "${value}" is not a real date`);
    return startOfLocalDate(value, zone).toJSDate();
  }
  if (LOCAL.test(value)) {
    const result = resolveWallClock(value, zone);
    if (!result.ok) throw new UsageError(`--${flag} "${value}": ${result.problem.message}`);
    return result.instant.toJSDate();
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`--${flag} "${value}" is not a real time; use ${FORMS}`);
  return new Date(ms);
}

/** The same instant one calendar year earlier or later (UTC fields; 29 February becomes 1 March). */
export function addYears(date: Date, years: number): Date {
  const out = new Date(date.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** `HH:MM:SS` on the host's clock, for the watch log. */
export function clockTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

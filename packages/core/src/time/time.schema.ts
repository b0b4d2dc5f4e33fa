import * as z from 'zod';
import { Duration, IANAZone } from 'luxon';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** A calendar date with no time and no zone: `2026-01-08`. */
export const LocalDateSchema = z
  .string({ error: 'expected a date like 2026-01-08' })
  .refine(
    (value) => {
      const m = LOCAL_DATE.exec(value);
      return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    },
    { error: 'expected a real calendar date written YYYY-MM-DD, e.g. 2026-01-08' },
  )
  .meta({ format: 'date', examples: ['2026-01-08'] });
export type LocalDate = z.infer<typeof LocalDateSchema>;

/**
 * A wall-clock time with no offset: `2026-01-08T15:00`. Which instant it is depends on the zone it is
 * paired with; that pairing is the stored truth (DESIGN: store wall-clock + IANA zone).
 */
export const LocalDateTimeSchema = z
  .string({ error: 'expected a local date and time like 2026-01-08T15:00' })
  .refine(
    (value) => {
      const m = LOCAL_DATE_TIME.exec(value);
      if (m === null) return false;
      const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
      return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) && hour < 24 && minute < 60 && second < 60;
    },
    { error: 'expected a local date and time written YYYY-MM-DDTHH:mm with no offset, e.g. 2026-01-08T15:00' },
  )
  .meta({ pattern: LOCAL_DATE_TIME.source, examples: ['2026-01-08T15:00'] });
export type LocalDateTime = z.infer<typeof LocalDateTimeSchema>;

/** A wall-clock time of day: `09:00`. */
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time of day written HH:mm, e.g. 09:00' })
  .meta({ examples: ['09:00'] });

const zoneValidity = new Map<string, boolean>();

/**
 * Whether `name` is an IANA zone this runtime knows (`America/New_York`, `UTC`; not `EST` or `+05:00`).
 * Cached: luxon answers by constructing an `Intl.DateTimeFormat`, which dominates checking large catalogs.
 */
export function isKnownTimeZone(name: string): boolean {
  let known = zoneValidity.get(name);
  if (known === undefined) {
    known = (name.includes('/') || name === 'UTC') && IANAZone.isValidZone(name);
    zoneValidity.set(name, known);
  }
  return known;
}

/** An IANA time zone name such as `America/New_York`. Offsets and abbreviations (EST) are not zones. */
export const TimeZoneSchema = z
  .string({ error: 'expected an IANA time zone name like America/New_York' })
  .refine(isKnownTimeZone, {
    error: (issue) =>
      `unknown time zone ${JSON.stringify(issue.input)}: use an IANA name such as America/New_York or Europe/Madrid (not an abbreviation like EST)`,
  })
  .meta({ description: 'IANA time zone name', examples: ['America/New_York', 'America/Los_Angeles'] });
export type TimeZone = z.infer<typeof TimeZoneSchema>;

/** An ISO 8601 duration such as `PT24H` or `P7D`. */
export const IsoDurationSchema = z
  .string({ error: 'expected an ISO 8601 duration like PT24H or P7D' })
  .refine((value) => /^P/.test(value) && Duration.fromISO(value).isValid, {
    error: 'expected an ISO 8601 duration like PT24H (24 hours) or P7D (7 days)',
  })
  .meta({ examples: ['PT24H', 'P7D', 'PT30M'] });
export type IsoDuration = z.infer<typeof IsoDurationSchema>;

export function splitLocalDateTime(value: LocalDateTime): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const m = LOCAL_DATE_TIME.exec(value);
  if (m === null) throw new RangeError(`not a local date-time: ${value}`);
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
}

import { DateTime } from 'luxon';
import { DAY_MS, floatingFromParts, MINUTE_MS } from './millis.js';
import { splitLocalDateTime, type LocalDate, type LocalDateTime, type TimeZone } from './time.schema.js';

/** Why a wall-clock time cannot be turned into one instant. */
export type WallClockProblem =
  /** Skipped by a DST gap; `nearest` is the reading taken with the offset in force before the gap (RFC 5545 §3.3.5). */
  | { kind: 'nonexistent'; message: string; nearest: DateTime }
  | { kind: 'invalid'; message: string };

export type ZonedResult =
  | { ok: true; instant: DateTime; ambiguous: boolean }
  | { ok: false; problem: WallClockProblem };

/**
 * Resolves a wall-clock time in a zone to one instant.
 *
 * - A time that does not exist in the zone (skipped by a DST gap, e.g. 02:30 on the spring-forward
 *   night in New York) is an error: luxon would silently shift it forward, which would publish a time
 *   nobody wrote.
 * - A time that exists twice (the repeated hour when clocks fall back) resolves to its **first**
 *   occurrence, the earlier instant, as RFC 5545 §3.3.5 prescribes; `ambiguous` says so.
 *
 * The offsets are checked here rather than taken from `DateTime.fromObject`: luxon starts from the zone's
 * offset *today* and corrects it twice, which is wrong when the reading's offset is two changes away
 * (01:00 in London on 4 May 1941 existed, at +01:00, yet luxon reads it as 02:00+02:00).
 */
export function resolveWallClock(local: LocalDateTime, zone: TimeZone): ZonedResult {
  const parts = splitLocalDateTime(local);
  const probe = DateTime.fromObject(parts, { zone });
  if (!probe.isValid) {
    return { ok: false, problem: { kind: 'invalid', message: probe.invalidExplanation ?? 'invalid date-time' } };
  }
  const tz = probe.zone;
  const reading = floatingFromParts(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
  const before = tz.offset(reading - DAY_MS);
  // Every offset the zone has within a day of the reading; an offset fits if the zone has it at the instant it gives.
  const candidates = new Set([before, tz.offset(reading), tz.offset(reading + DAY_MS), probe.offset]);
  const instants = [...candidates]
    .filter((offset) => tz.offset(reading - offset * MINUTE_MS) === offset)
    .map((offset) => reading - offset * MINUTE_MS)
    .sort((a, b) => a - b);
  const first = instants[0];
  if (first === undefined) {
    const nearest = DateTime.fromMillis(reading - before * MINUTE_MS, { zone: tz });
    return {
      ok: false,
      problem: {
        kind: 'nonexistent',
        message: `${local} does not exist in ${zone}: the clocks skip it for daylight saving time (the nearest valid time is ${nearest.toFormat("yyyy-MM-dd'T'HH:mm")})`,
        nearest,
      },
    };
  }
  return { ok: true, instant: DateTime.fromMillis(first, { zone: tz }), ambiguous: instants.length > 1 };
}

/** Like {@link resolveWallClock} but throws a RangeError; for values already validated at parse time. */
export function toInstant(local: LocalDateTime, zone: TimeZone): DateTime {
  const result = resolveWallClock(local, zone);
  if (!result.ok) throw new RangeError(result.problem.message);
  return result.instant;
}

/** Midnight at the start of a calendar date in a zone (or the first valid time that day). */
export function startOfLocalDate(date: LocalDate, zone: TimeZone): DateTime {
  return DateTime.fromISO(date, { zone }).startOf('day');
}

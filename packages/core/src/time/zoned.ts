import { DateTime } from 'luxon';
import { splitLocalDateTime, type LocalDate, type LocalDateTime, type TimeZone } from './time.schema.js';

/** Why a wall-clock time cannot be turned into one instant. */
export type WallClockProblem =
  | { kind: 'nonexistent'; message: string }
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
 */
export function resolveWallClock(local: LocalDateTime, zone: TimeZone): ZonedResult {
  const parts = splitLocalDateTime(local);
  const dt = DateTime.fromObject(parts, { zone });
  if (!dt.isValid) {
    return { ok: false, problem: { kind: 'invalid', message: dt.invalidExplanation ?? 'invalid date-time' } };
  }
  if (dt.hour !== parts.hour || dt.minute !== parts.minute || dt.day !== parts.day) {
    return {
      ok: false,
      problem: {
        kind: 'nonexistent',
        message: `${local} does not exist in ${zone}: the clocks skip it for daylight saving time (the nearest valid time is ${dt.toFormat("yyyy-MM-dd'T'HH:mm")})`,
      },
    };
  }
  const offsets = dt.getPossibleOffsets();
  const ambiguous = offsets.length > 1;
  if (ambiguous) {
    // getPossibleOffsets lists candidates; the earliest instant has the largest UTC offset.
    const first = offsets.reduce((a, b) => (a.toMillis() <= b.toMillis() ? a : b));
    return { ok: true, instant: first, ambiguous };
  }
  return { ok: true, instant: dt, ambiguous };
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

// Wall-clock readings to instants, with the engine's policy for readings a zone skips or repeats.
//
// luxon answers one reading in ~40 µs (every answer asks Intl for offsets several times); a term of a
// catalog is tens of thousands of readings. Offsets are therefore cached per zone and per UTC day, with
// the exact instant of any transition inside the day found once by bisection. Results are the same as
// `resolveWallClock` (tested property-wise); outside 1900–2200 the engine simply calls it.
import { IANAZone } from 'luxon';
import type { TimeZone } from '../time/time.schema.js';
import { resolveWallClock } from '../time/zoned.js';
import { DAY_MS, HOUR_MS, localFromFloating, MINUTE_MS } from './floating.js';
import { RecurrenceError } from './errors.js';

export interface ResolvedTime {
  /** UTC milliseconds. */
  instant: number;
  /** Offset from UTC in minutes at that instant. */
  offset: number;
  /** The reading did not exist (a daylight-saving gap) and was moved forward by the gap. */
  shifted: boolean;
  /** The reading existed twice (the repeated hour) and the first was taken. */
  ambiguous: boolean;
}

/** One UTC day of a zone: its offset at the start and, if it changes during the day, when and to what. */
interface DayOffsets {
  start: number;
  changeAt: number;
  after: number;
}

const FAST_FROM = Date.UTC(1900, 0, 1);
const FAST_TO = Date.UTC(2200, 0, 1);

class ZoneOffsets {
  readonly #zone: IANAZone;
  readonly #days = new Map<number, DayOffsets>();

  constructor(name: TimeZone) {
    this.#zone = IANAZone.create(name);
    if (!this.#zone.isValid) throw new RecurrenceError('invalid-input', `unknown time zone ${JSON.stringify(name)}`, ['timeZone']);
  }

  /** Offset in minutes at an instant. Assumes a zone changes its offset at most once per UTC day, as every tzdb zone does. */
  at(instant: number): number {
    const day = Math.floor(instant / DAY_MS);
    let entry = this.#days.get(day);
    if (!entry) {
      const start = day * DAY_MS;
      const o0 = this.#zone.offset(start);
      const o1 = this.#zone.offset(start + DAY_MS);
      let changeAt = Number.POSITIVE_INFINITY;
      if (o0 !== o1) {
        // Transitions fall on whole seconds: bisect to the first second with the new offset.
        let lo = start;
        let hi = start + DAY_MS;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.#zone.offset(mid) === o0) lo = mid;
          else hi = mid;
        }
        changeAt = hi;
      }
      entry = { start: o0, changeAt, after: o1 };
      if (this.#days.size > 200_000) this.#days.clear();
      this.#days.set(day, entry);
    }
    return instant < entry.changeAt ? entry.start : entry.after;
  }
}

const zones = new Map<string, ZoneOffsets>();
function offsetsOf(zone: TimeZone): ZoneOffsets {
  let z = zones.get(zone);
  if (!z) zones.set(zone, (z = new ZoneOffsets(zone)));
  return z;
}

/**
 * Resolves a floating wall-clock reading in a zone.
 *
 * - A reading that exists once: its instant. One that exists twice (the repeated hour when clocks fall
 *   back) means its first instant (RFC 5545 §3.3.5), as `resolveWallClock` does.
 * - A reading inside a daylight-saving gap is read with the UTC offset in force before the gap, as
 *   RFC 5545 §3.3.5 says for DATE-TIME values: 02:30 on the night New York springs forward is 03:30 EDT.
 */
export function resolveFloating(floating: number, zone: TimeZone): ResolvedTime {
  if (floating < FAST_FROM || floating >= FAST_TO) return resolveSlow(floating, zone);
  const offsets = offsetsOf(zone);
  // Instants for this reading lie within [reading − 14 h, reading + 12 h]; at most one transition is near.
  const before = offsets.at(floating - 15 * HOUR_MS);
  const after = offsets.at(floating + 13 * HOUR_MS);
  if (before === after) return { instant: floating - before * MINUTE_MS, offset: before, shifted: false, ambiguous: false };
  const early = floating - before * MINUTE_MS;
  const late = floating - after * MINUTE_MS;
  const earlyOk = offsets.at(early) === before;
  const lateOk = offsets.at(late) === after;
  if (earlyOk && lateOk) {
    return early <= late
      ? { instant: early, offset: before, shifted: false, ambiguous: true }
      : { instant: late, offset: after, shifted: false, ambiguous: true };
  }
  if (earlyOk) return { instant: early, offset: before, shifted: false, ambiguous: false };
  if (lateOk) return { instant: late, offset: after, shifted: false, ambiguous: false };
  // In the gap: the offset before it; the instant then reads (gap length) later on the clock.
  return { instant: early, offset: after, shifted: true, ambiguous: false };
}

function resolveSlow(floating: number, zone: TimeZone): ResolvedTime {
  const local = localFromFloating(floating);
  const result = resolveWallClock(local, zone);
  if (result.ok) {
    return { instant: result.instant.toMillis(), offset: result.instant.offset, shifted: false, ambiguous: result.ambiguous };
  }
  if (result.problem.kind !== 'nonexistent') throw new RecurrenceError('invalid-input', `${local} in ${zone}: ${result.problem.message}`);
  const moved = result.problem.nearest;
  return { instant: moved.toMillis(), offset: moved.offset, shifted: true, ambiguous: false };
}

/** Offset in minutes of a zone at an instant. */
export function offsetAt(instant: number, zone: TimeZone): number {
  if (instant < FAST_FROM || instant >= FAST_TO) {
    const z = IANAZone.create(zone);
    if (!z.isValid) throw new RecurrenceError('invalid-input', `unknown time zone ${JSON.stringify(zone)}`, ['timeZone']);
    return z.offset(instant);
  }
  return offsetsOf(zone).at(instant);
}

/** The wall-clock reading of an instant in a zone, as floating milliseconds. */
export function floatingAt(instant: number, zone: TimeZone): number {
  return instant + offsetAt(instant, zone) * MINUTE_MS;
}

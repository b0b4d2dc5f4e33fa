import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SessionSchema, type Session } from '../session/session.schema.js';
import { resolveWallClock } from '../time/zoned.js';
import { expandOccurrences } from './expand.js';
import { RecurrenceError } from './errors.js';
import { floatingFromLocal, localFromFloating } from './floating.js';
import type { Occurrence } from './occurrence.js';
import { resolveFloating } from './zone.js';

const RUNS = { numRuns: 1000 };
const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Sao_Paulo', 'UTC'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

const localArb = (years: [number, number] = [2025, 2027]) =>
  fc
    .record({
      y: fc.integer({ min: years[0], max: years[1] }),
      mo: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.constantFrom(0, 15, 30, 45),
    })
    .map(({ y, mo, d, h, mi }) => `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`);

const ruleArb = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'HOURLY'),
    interval: fc.integer({ min: 1, max: 3 }),
    byDay: fc.option(fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { minLength: 1 }), { nil: undefined }),
    end: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 40 }).map((n) => `COUNT=${n}`), fc.integer({ min: 1, max: 300 }).map((n) => `UNTIL+${n}`)),
  })
  .map((r) => ({ ...r, interval: r.freq === 'HOURLY' ? r.interval * 5 + 2 : r.interval }));

interface Case {
  session: Session;
  from: number;
  to: number;
  exdates: string[];
  rdates: string[];
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    start: localArb(),
    minutes: fc.integer({ min: 15, max: 240 }),
    rule: ruleArb,
    exdayOffsets: fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 6 }),
    rdates: fc.array(localArb(), { maxLength: 4 }),
    fromDays: fc.integer({ min: -20, max: 200 }),
    lengthHours: fc.integer({ min: 1, max: 24 * 120 }),
  })
  .map(({ zone, start, minutes, rule, exdayOffsets, rdates, fromDays, lengthHours }) => {
    const startFloating = floatingFromLocal(start);
    const untilDays = rule.end.startsWith('UNTIL+') ? Number(rule.end.slice(6)) : undefined;
    const end =
      untilDays !== undefined
        ? `UNTIL=${localFromFloating(startFloating + untilDays * 86_400_000).slice(0, 10).replaceAll('-', '')}`
        : rule.end;
    const rrule = [`FREQ=${rule.freq}`, `INTERVAL=${rule.interval}`, rule.byDay ? `BYDAY=${rule.byDay.join(',')}` : '', end].filter(Boolean).join(';');
    const exdates = [...new Set(exdayOffsets.map((k) => localFromFloating(startFloating + k * 86_400_000)))];
    // Written times that do not exist are rejected when a catalog is parsed; keep the generator to real ones.
    const real = [...new Set(rdates)].filter((r) => resolveWallClock(r, zone).ok);
    const session = SessionSchema.parse({
      id: 'p',
      start,
      end: localFromFloating(startFloating + minutes * 60_000),
      timeZone: zone,
      recurrence: { rrule, rdates: real, exdates },
    });
    const from = Date.parse(`${start}:00Z`) + fromDays * 86_400_000;
    return { session, from, to: from + lengthHours * 3_600_000, exdates, rdates: real };
  });

const expand = (c: Case, from = c.from, to = c.to) => expandOccurrences(c.session, { from: new Date(from), to: new Date(to) });

// A thousand expansions per property take a few seconds on a busy two-core machine.
describe('expandOccurrences properties', { timeout: 60_000 }, () => {
  it('every occurrence overlaps the window', () => {
    fc.assert(
      fc.property(caseArb, (c) => expand(c).every((o) => Date.parse(o.end) > c.from && Date.parse(o.start) < c.to)),
      RUNS,
    );
  });

  it('occurrences are sorted by start instant and have no duplicates', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const out = expand(c);
        const starts = out.map((o) => Date.parse(o.start));
        return starts.every((t, i) => i === 0 || starts[i - 1]! <= t) && new Set(out.map((o) => o.id)).size === out.length && new Set(starts).size === out.length;
      }),
      RUNS,
    );
  });

  it('an excluded date never appears', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const excluded = new Set(c.exdates);
        return expand(c).every((o) => !excluded.has(o.recurrenceId));
      }),
      RUNS,
    );
  });

  it('an extra date always appears when it overlaps the window (and is not excluded)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const ids = new Set(expand(c).map((o) => o.recurrenceId));
        const length = floatingFromLocal(c.session.end) - floatingFromLocal(c.session.start);
        return c.rdates.every((r) => {
          if (c.exdates.includes(r)) return !ids.has(r);
          const start = resolveFloating(floatingFromLocal(r), c.session.timeZone);
          const end = resolveFloating(start.instant + start.offset * 60_000 + length, c.session.timeZone);
          return !(end.instant > c.from && start.instant < c.to) || ids.has(r);
        });
      }),
      RUNS,
    );
  });

  it('never returns more than the iteration cap, and says so when the cap is too small', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 60 }), (c, cap) => {
        try {
          return expandOccurrences(c.session, { from: new Date(c.from), to: new Date(c.to), maxIterations: cap }).length <= cap;
        } catch (e) {
          return e instanceof RecurrenceError && e.code === 'too-many-iterations';
        }
      }),
      RUNS,
    );
  });

  it('expanding [a, c) gives exactly the union of [a, b) and [b, c): nothing is lost or invented at a boundary', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 1, noNaN: true }), (c, split) => {
        const b = Math.round(c.from + (c.to - c.from) * split);
        const whole = expand(c);
        const union = new Map<string, Occurrence>();
        for (const o of [...expand(c, c.from, b), ...expand(c, b, c.to)]) union.set(o.id, o);
        expect([...union.values()].sort((x, y) => Date.parse(x.start) - Date.parse(y.start) || x.id.localeCompare(y.id))).toEqual(whole);
      }),
      RUNS,
    );
  });

  it('keeps the session length on the wall clock for every occurrence', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const length = floatingFromLocal(c.session.end) - floatingFromLocal(c.session.start);
        return expand(c).every((o) => floatingFromLocal(o.localEnd) - floatingFromLocal(o.localStart) === length);
      }),
      RUNS,
    );
  });
});

describe('the cached zone resolver', { timeout: 60_000 }, () => {
  // Around the days clocks change, and anywhere else.
  const nearChanges = fc
    .record({
      y: fc.integer({ min: 1970, max: 2037 }),
      mo: fc.constantFrom(3, 4, 9, 10, 11),
      d: fc.integer({ min: 1, max: 30 }),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
    })
    .map(({ y, mo, d, h, mi }) => `${y}-${pad(mo)}-${pad(Math.min(d, mo === 9 || mo === 4 || mo === 11 ? 30 : 31))}T${pad(h)}:${pad(mi)}`);

  it('agrees with resolveWallClock to the millisecond and the offset, and on where a skipped time moves', () => {
    fc.assert(
      fc.property(fc.oneof(nearChanges, localArb([1900, 2199])), fc.constantFrom(...ZONES, 'America/Santiago', 'Asia/Tehran', 'Europe/London', 'Europe/Moscow'), (local, zone) => {
        const ours = resolveFloating(floatingFromLocal(local), zone);
        const reference = resolveWallClock(local, zone);
        if (reference.ok) {
          expect([ours.instant, ours.offset, ours.ambiguous, ours.shifted]).toEqual([reference.instant.toMillis(), reference.instant.offset, reference.ambiguous, false]);
        } else {
          expect(reference.problem.kind).toBe('nonexistent');
          const moved = reference.problem.kind === 'nonexistent' ? reference.problem.nearest : undefined;
          expect([ours.instant, ours.offset, ours.shifted]).toEqual([moved?.toMillis(), moved?.offset, true]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

// Daylight saving time: wall-clock time in the session's zone is the truth. Expected instants are written
// out by hand from the zones' published rules for 2026.
import { describe, expect, it } from 'vitest';
import { SessionSchema } from '../session/session.schema.js';
import { checkRecurrence, expandOccurrences } from './expand.js';

function weekly(zone: string, start: string, end: string, rule = 'FREQ=WEEKLY;COUNT=4') {
  const session = SessionSchema.parse({ id: 'w', start, end, timeZone: zone, recurrence: { rrule: rule } });
  return expandOccurrences(session, { from: '2025-12-01T00:00:00Z', to: '2027-02-01T00:00:00Z' });
}
const pick = (list: ReturnType<typeof weekly>) => list.map((o) => [o.localStart, o.start, o.localEnd, o.end]);

describe('America/New_York (DST from 8 March, 02:00 → 03:00; until 1 November, 02:00 → 01:00)', () => {
  it('a weekly 10:00 session stays at 10:00 local; the UTC instant moves by an hour', () => {
    expect(pick(weekly('America/New_York', '2026-02-23T10:00', '2026-02-23T11:00'))).toEqual([
      ['2026-02-23T10:00', '2026-02-23T10:00:00.000-05:00', '2026-02-23T11:00', '2026-02-23T11:00:00.000-05:00'],
      ['2026-03-02T10:00', '2026-03-02T10:00:00.000-05:00', '2026-03-02T11:00', '2026-03-02T11:00:00.000-05:00'],
      ['2026-03-09T10:00', '2026-03-09T10:00:00.000-04:00', '2026-03-09T11:00', '2026-03-09T11:00:00.000-04:00'],
      ['2026-03-16T10:00', '2026-03-16T10:00:00.000-04:00', '2026-03-16T11:00', '2026-03-16T11:00:00.000-04:00'],
    ]);
  });

  it('a weekly 02:30 on the spring-forward night is moved forward by the gap to 03:30 EDT, keeping its hour', () => {
    const out = weekly('America/New_York', '2026-03-01T02:30', '2026-03-01T03:30', 'FREQ=WEEKLY;COUNT=3');
    expect(pick(out)).toEqual([
      ['2026-03-01T02:30', '2026-03-01T02:30:00.000-05:00', '2026-03-01T03:30', '2026-03-01T03:30:00.000-05:00'],
      ['2026-03-08T03:30', '2026-03-08T03:30:00.000-04:00', '2026-03-08T04:30', '2026-03-08T04:30:00.000-04:00'],
      ['2026-03-15T02:30', '2026-03-15T02:30:00.000-04:00', '2026-03-15T03:30', '2026-03-15T03:30:00.000-04:00'],
    ]);
    expect(out[1]).toMatchObject({ recurrenceId: '2026-03-08T02:30', id: 'w@2026-03-08T02:30', dstAdjusted: true });
    expect(out[0]!.dstAdjusted).toBeUndefined();
    // 02:30 EST would be 07:30Z: the moved occurrence is that very instant.
    expect(Date.parse(out[1]!.start)).toBe(Date.parse('2026-03-08T07:30:00Z'));
  });

  it('the fall-back 01:30 resolves to its first instant (EDT); its end, 02:30, exists once (EST)', () => {
    const out = weekly('America/New_York', '2026-10-25T01:30', '2026-10-25T02:30', 'FREQ=WEEKLY;COUNT=3');
    expect(pick(out)).toEqual([
      ['2026-10-25T01:30', '2026-10-25T01:30:00.000-04:00', '2026-10-25T02:30', '2026-10-25T02:30:00.000-04:00'],
      ['2026-11-01T01:30', '2026-11-01T01:30:00.000-04:00', '2026-11-01T02:30', '2026-11-01T02:30:00.000-05:00'],
      ['2026-11-08T01:30', '2026-11-08T01:30:00.000-05:00', '2026-11-08T02:30', '2026-11-08T02:30:00.000-05:00'],
    ]);
    expect(Date.parse(out[1]!.start)).toBe(Date.parse('2026-11-01T05:30:00Z'));
  });

  it('an hourly rule across the gap does not produce two occurrences at one instant', () => {
    const out = weekly('America/New_York', '2026-03-08T00:00', '2026-03-08T00:30', 'FREQ=HOURLY;COUNT=5');
    // 02:00 does not exist; moved forward it would be 03:00, which the rule produces anyway.
    expect(out.map((o) => o.localStart)).toEqual(['2026-03-08T00:00', '2026-03-08T01:00', '2026-03-08T03:00', '2026-03-08T04:00']);
    expect(new Set(out.map((o) => o.start)).size).toBe(out.length);
  });
});

describe('Europe/Berlin (DST from 29 March, 02:00 → 03:00; until 25 October, 03:00 → 02:00)', () => {
  it('a weekly 10:00 session stays at 10:00 local', () => {
    expect(weekly('Europe/Berlin', '2026-03-19T10:00', '2026-03-19T11:30').map((o) => o.start)).toEqual([
      '2026-03-19T10:00:00.000+01:00',
      '2026-03-26T10:00:00.000+01:00',
      '2026-04-02T10:00:00.000+02:00',
      '2026-04-09T10:00:00.000+02:00',
    ]);
  });

  it('02:30 on 29 March does not exist: it becomes 03:30 CEST', () => {
    const out = weekly('Europe/Berlin', '2026-03-22T02:30', '2026-03-22T03:00', 'FREQ=WEEKLY;COUNT=2');
    expect(pick(out)[1]).toEqual(['2026-03-29T03:30', '2026-03-29T03:30:00.000+02:00', '2026-03-29T04:00', '2026-03-29T04:00:00.000+02:00']);
  });

  it('02:30 on 25 October exists twice: the first (CEST, +02:00) is taken', () => {
    const out = weekly('Europe/Berlin', '2026-10-18T02:30', '2026-10-18T02:45', 'FREQ=WEEKLY;COUNT=3');
    expect(out.map((o) => o.start)).toEqual(['2026-10-18T02:30:00.000+02:00', '2026-10-25T02:30:00.000+02:00', '2026-11-01T02:30:00.000+01:00']);
  });
});

describe('Australia/Lord_Howe (a 30-minute shift: +11:00 until 5 April, 02:00 → 01:30; +10:30 until 4 October, 02:00 → 02:30)', () => {
  it('a weekly 10:00 session stays at 10:00 local across the half-hour change', () => {
    expect(weekly('Australia/Lord_Howe', '2026-03-23T10:00', '2026-03-23T11:00').map((o) => o.start)).toEqual([
      '2026-03-23T10:00:00.000+11:00',
      '2026-03-30T10:00:00.000+11:00',
      '2026-04-06T10:00:00.000+10:30',
      '2026-04-13T10:00:00.000+10:30',
    ]);
  });

  it('02:15 on 4 October is in the 30-minute gap: moved forward 30 minutes to 02:45', () => {
    const out = weekly('Australia/Lord_Howe', '2026-09-27T02:15', '2026-09-27T03:15', 'FREQ=WEEKLY;COUNT=2');
    expect(pick(out)[1]).toEqual(['2026-10-04T02:45', '2026-10-04T02:45:00.000+11:00', '2026-10-04T03:45', '2026-10-04T03:45:00.000+11:00']);
    expect(out[1]).toMatchObject({ recurrenceId: '2026-10-04T02:15', dstAdjusted: true });
  });

  it('01:45 on 5 April exists twice: the first (+11:00) is taken', () => {
    const out = weekly('Australia/Lord_Howe', '2026-03-29T01:45', '2026-03-29T02:15', 'FREQ=WEEKLY;COUNT=3');
    expect(out.map((o) => o.start)).toEqual(['2026-03-29T01:45:00.000+11:00', '2026-04-05T01:45:00.000+11:00', '2026-04-12T01:45:00.000+10:30']);
  });
});

describe('Asia/Kolkata (+05:30, no daylight saving)', () => {
  it('a weekly 10:00 session is 04:30Z every week of the year', () => {
    const out = weekly('Asia/Kolkata', '2026-01-05T10:00', '2026-01-05T11:00', 'FREQ=WEEKLY;UNTIL=20261231');
    expect(out).toHaveLength(52);
    expect(out.every((o) => o.start.endsWith('T10:00:00.000+05:30') && new Date(o.start).toISOString().endsWith('T04:30:00.000Z'))).toBe(true);
  });
});

describe('an occurrence a gap moved, named by the time it is shown at', () => {
  const session = (extra: object) =>
    SessionSchema.parse({ id: 'w', start: '2026-03-01T02:30', end: '2026-03-01T03:30', timeZone: 'America/New_York', recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' }, ...extra });
  const expand = (s: ReturnType<typeof session>) => expandOccurrences(s, { from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });

  it('an EXDATE at the shown 03:30 removes the occurrence written 02:30, and checkRecurrence finds nothing wrong', () => {
    const s = session({ recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3', exdates: ['2026-03-08T03:30'] } });
    expect(expand(s).map((o) => o.localStart)).toEqual(['2026-03-01T02:30', '2026-03-15T02:30']);
    expect(checkRecurrence(s)).toEqual([]);
  });

  it('an override of the shown 03:30 changes that occurrence (here: moves it and names it)', () => {
    const s = session({ overrides: [{ occurrence: '2026-03-08T03:30', start: '2026-03-08T10:00', end: '2026-03-08T11:00', title: 'Moved to the morning' }] });
    const moved = expand(s)[1]!;
    expect(moved).toMatchObject({ recurrenceId: '2026-03-08T02:30', localStart: '2026-03-08T10:00', title: 'Moved to the morning', overridden: true });
    expect(moved.dstAdjusted).toBeUndefined();
    expect(checkRecurrence(s)).toEqual([]);
    const cancelled = session({ overrides: [{ occurrence: '2026-03-08T03:30', status: 'cancelled' }] });
    expect(expand(cancelled)[1]).toMatchObject({ localStart: '2026-03-08T03:30', status: 'cancelled' });
  });

  it('the original 02:30 still names it, and a real 03:30 occurrence is never taken for a moved one', () => {
    const byOriginal = session({ overrides: [{ occurrence: '2026-03-08T02:30', status: 'cancelled' }] });
    expect(checkRecurrence(byOriginal).filter((p) => p.severity === 'error')).toHaveLength(0);
    const hourly = SessionSchema.parse({
      id: 'h',
      start: '2026-03-08T01:30',
      end: '2026-03-08T01:45',
      timeZone: 'America/New_York',
      recurrence: { rrule: 'FREQ=HOURLY;COUNT=3', exdates: ['2026-03-08T03:30'] },
    });
    // 01:30, 02:30 (moved to 03:30, the same instant as the real 03:30, which wins) and 03:30: the EXDATE removes the real one.
    const out = expandOccurrences(hourly, { from: '2026-03-08T00:00:00Z', to: '2026-03-09T00:00:00Z' });
    expect(out.map((o) => o.recurrenceId)).toEqual(['2026-03-08T01:30', '2026-03-08T02:30']);
  });
});

describe('a catalog that names a gap-moved occurrence', () => {
  it('by its written start or by its shown time, in exdates and overrides, parses and expands', async () => {
    const { parseCatalog } = await import('../catalog/parse.js');
    const catalog = (recurrence: object, overrides: object[] = []) =>
      parseCatalog({
        version: 1,
        id: 'gap',
        title: 'Gap',
        defaultTimeZone: 'America/New_York',
        workshops: [{ id: 'w', kind: 'scheduled', title: 'W', sessions: [{ id: 's', start: '2026-03-01T02:30', end: '2026-03-01T03:30', timeZone: 'America/New_York', recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3', ...recurrence }, overrides }] }],
      });
    for (const named of ['2026-03-08T02:30', '2026-03-08T03:30']) {
      const excluded = catalog({ exdates: [named] });
      expect(excluded.ok ? [] : excluded.errors.map((e) => e.message), named).toEqual([]);
      if (excluded.ok) {
        const session = excluded.catalog.workshops[0]!.kind === 'scheduled' ? excluded.catalog.workshops[0]!.sessions[0]! : undefined;
        expect(expandOccurrences(session!, { from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }).map((o) => o.recurrenceId)).toEqual(['2026-03-01T02:30', '2026-03-15T02:30']);
      }
      const overridden = catalog({}, [{ occurrence: named, status: 'cancelled' }]);
      expect(overridden.ok ? [] : overridden.errors.map((e) => e.message), named).toEqual([]);
    }
    // A time that names no occurrence is still reported.
    const wrong = catalog({}, [{ occurrence: '2026-03-09T02:30', status: 'cancelled' }]);
    expect(wrong.ok).toBe(false);
  });
});

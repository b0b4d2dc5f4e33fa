import { describe, expect, it } from 'vitest';
import { AcademicCalendarSchema } from '../calendar/calendar.schema.js';
import { RsvpPolicySchema, WindowBoundarySchema } from './policy.schema.js';
import { rsvpStatus } from './status.js';
import { resolveBoundary, resolveRsvpWindow, RsvpWindowError } from './window.js';

const quarters = AcademicCalendarSchema.parse({
  id: 'quarters',
  name: 'Quarters',
  timeZone: 'America/Los_Angeles',
  terms: [
    { id: 'fall-2022', name: 'Fall 2022', kind: 'quarter', start: '2022-09-26', end: '2022-12-16' },
    { id: 'winter-2023', name: 'Winter 2023', kind: 'quarter', start: '2023-01-03', end: '2023-03-24' },
    { id: 'spring-2023', name: 'Spring 2023', kind: 'quarter', start: '2023-04-03', end: '2023-06-16' },
  ],
});
const semesters = AcademicCalendarSchema.parse({
  id: 'semesters',
  name: 'Semesters',
  timeZone: 'America/New_York',
  terms: [
    { id: 'fall-2026', name: 'Fall 2026', kind: 'semester', start: '2026-09-08', end: '2026-12-22' },
    { id: 'spring-2027', name: 'Spring 2027', kind: 'semester', start: '2027-01-19', end: '2027-05-14' },
  ],
});
const santiago = AcademicCalendarSchema.parse({
  id: 'santiago',
  name: 'Semestres',
  timeZone: 'America/Santiago',
  // Clocks in Santiago jump from 00:00 to 01:00 on 2026-09-06: that day has no midnight.
  terms: [{ id: 's2-2026', name: 'Segundo semestre 2026', kind: 'semester', start: '2026-09-06', end: '2026-12-18' }],
});
const ctx = { calendars: [quarters, semesters, santiago], defaultTimeZone: 'America/Los_Angeles' };

const la = (start: string, end: string) => ({ start, end, timeZone: 'America/Los_Angeles' });
const ny = (start: string, end: string) => ({ start, end, timeZone: 'America/New_York' });
const mentoringUpOct = la('2022-10-19T16:00:00.000-07:00', '2022-10-19T17:30:00.000-07:00');

const boundary = (input: unknown) => WindowBoundarySchema.parse(input);
const at = (input: unknown, occurrence = mentoringUpOct) => resolveBoundary(boundary(input), { ...ctx, occurrence });
const policy = (input: Record<string, unknown>) => RsvpPolicySchema.parse({ id: 'p', ...input });

describe('resolveRsvpWindow: defaults', () => {
  it('closes when the session starts and is open from publication when no opening is given', () => {
    expect(resolveRsvpWindow(policy({}), mentoringUpOct, ctx)).toEqual({ closes: '2022-10-19T16:00:00.000-07:00', tierOpens: {} });
  });

  it('writes instants in the session’s zone whatever offset the occurrence came with', () => {
    const utc = la('2022-10-19T23:00:00Z', '2022-10-20T00:30:00Z');
    expect(resolveRsvpWindow(policy({}), utc, ctx).closes).toBe('2022-10-19T16:00:00.000-07:00');
  });
});

describe('absolute boundaries', () => {
  it('reads wall-clock time in the session’s zone by default, or in the zone given', () => {
    expect(at({ kind: 'absolute', at: '2022-10-01T09:00' })).toBe('2022-10-01T09:00:00.000-07:00');
    expect(at({ kind: 'absolute', at: '2022-10-01T09:00', timeZone: 'America/New_York' })).toBe('2022-10-01T06:00:00.000-07:00');
  });

  it('refuses a written time that daylight saving time skips', () => {
    expect(() => at({ kind: 'absolute', at: '2023-03-12T02:30' })).toThrow(/2023-03-12T02:30 does not exist in America\/Los_Angeles/);
    try {
      at({ kind: 'absolute', at: '2023-03-12T02:30' });
    } catch (error) {
      expect(error).toBeInstanceOf(RsvpWindowError);
      expect((error as RsvpWindowError).code).toBe('nonexistent-time');
    }
  });
});

describe('session-relative boundaries', () => {
  const mar9 = ny('2026-03-09T16:00:00.000-04:00', '2026-03-09T17:30:00.000-04:00');
  const nov2 = ny('2026-11-02T10:00:00.000-05:00', '2026-11-02T11:00:00.000-05:00');

  it('moves calendar days on the wall clock across a DST change, and hours by elapsed time', () => {
    // New York springs forward on 2026-03-08.
    expect(at({ kind: 'session', before: 'P2D' }, mar9)).toBe('2026-03-07T16:00:00.000-05:00');
    expect(at({ kind: 'session', before: 'PT48H' }, mar9)).toBe('2026-03-07T15:00:00.000-05:00');
    // …and falls back on 2026-11-01.
    expect(at({ kind: 'session', before: 'P2D' }, nov2)).toBe('2026-10-31T10:00:00.000-04:00');
    expect(at({ kind: 'session', before: 'PT48H' }, nov2)).toBe('2026-10-31T11:00:00.000-04:00');
    expect(at({ kind: 'session', before: 'P1W' }, nov2)).toBe('2026-10-26T10:00:00.000-04:00');
  });

  it('applies the day part on the wall clock, then the time part as elapsed time', () => {
    expect(at({ kind: 'session', before: 'P1DT2H' }, mar9)).toBe('2026-03-08T14:00:00.000-04:00');
    expect(at({ kind: 'session', before: 'P2DT2H' }, mar9)).toBe('2026-03-07T14:00:00.000-05:00');
  });

  it('uses the end edge and after', () => {
    expect(at({ kind: 'session', edge: 'end', after: 'PT1H' }, mar9)).toBe('2026-03-09T18:30:00.000-04:00');
    expect(at({ kind: 'session', edge: 'end' }, mar9)).toBe('2026-03-09T17:30:00.000-04:00');
  });

  it('moves a computed time that lands in a DST gap forward by the gap, and takes the first of a repeated hour', () => {
    const early = ny('2026-03-09T02:30:00.000-04:00', '2026-03-09T03:30:00.000-04:00');
    expect(at({ kind: 'session', before: 'P1D' }, early)).toBe('2026-03-08T03:30:00.000-04:00');
    const repeated = ny('2026-11-02T01:30:00.000-05:00', '2026-11-02T02:30:00.000-05:00');
    expect(at({ kind: 'session', before: 'P1D' }, repeated)).toBe('2026-11-01T01:30:00.000-04:00');
  });

  it('does not depend on month lengths going wrong: one month before 31 March is 28 February', () => {
    const mar31 = ny('2027-03-31T12:00:00.000-04:00', '2027-03-31T13:00:00.000-04:00');
    expect(at({ kind: 'session', before: 'P1M' }, mar31)).toBe('2027-02-28T12:00:00.000-05:00');
  });
});

describe('term-relative boundaries', () => {
  it('opens at 00:00 on the first day of the term containing the session, in the calendar’s zone', () => {
    expect(at({ kind: 'term', calendar: 'quarters' })).toBe('2022-09-26T00:00:00.000-07:00');
    const feb = la('2023-02-01T16:00:00.000-08:00', '2023-02-01T17:30:00.000-08:00');
    expect(at({ kind: 'term', calendar: 'quarters' }, feb)).toBe('2023-01-03T00:00:00.000-08:00');
  });

  it('uses 23:59 on the last day for the end edge, or the time given, then before/after', () => {
    expect(at({ kind: 'term', calendar: 'quarters', edge: 'end' })).toBe('2022-12-16T23:59:00.000-08:00');
    expect(at({ kind: 'term', calendar: 'quarters', time: '09:00' })).toBe('2022-09-26T09:00:00.000-07:00');
    expect(at({ kind: 'term', calendar: 'quarters', before: 'P7D' })).toBe('2022-09-19T00:00:00.000-07:00');
    expect(at({ kind: 'term', calendar: 'quarters', term: 'previous', edge: 'end' }, la('2023-02-01T16:00:00.000-08:00', '2023-02-01T17:30:00.000-08:00'))).toBe(
      '2022-12-16T23:59:00.000-08:00',
    );
  });

  it('takes the time in the calendar’s zone and writes it in the session’s', () => {
    const session = la('2026-10-07T10:00:00.000-07:00', '2026-10-07T11:00:00.000-07:00');
    expect(at({ kind: 'term', calendar: 'semesters', time: '09:00' }, session)).toBe('2026-09-08T06:00:00.000-07:00');
  });

  it('decides the term by the session’s local date, not the UTC one', () => {
    // 23:00 on 2 January in Los Angeles is already 3 January (Winter's first day) in UTC.
    const lateNight = la('2023-01-02T23:00:00.000-08:00', '2023-01-03T00:00:00.000-08:00');
    expect(at({ kind: 'term', calendar: 'quarters' }, lateNight)).toBe('2022-09-26T00:00:00.000-07:00');
  });

  it('in a break between terms, uses the term before the break', () => {
    const december = la('2022-12-20T16:00:00.000-08:00', '2022-12-20T17:00:00.000-08:00');
    expect(at({ kind: 'term', calendar: 'quarters' }, december)).toBe('2022-09-26T00:00:00.000-07:00');
  });

  it('uses the first valid time when the term’s first day has no midnight', () => {
    const session = { start: '2026-10-01T10:00:00.000-03:00', end: '2026-10-01T11:00:00.000-03:00', timeZone: 'America/Santiago' };
    expect(at({ kind: 'term', calendar: 'santiago' }, session)).toBe('2026-09-06T01:00:00.000-03:00');
    expect(() => at({ kind: 'term', calendar: 'santiago', time: '00:30' }, session)).toThrow(/2026-09-06T00:30 does not exist in America\/Santiago/);
  });

  it('errors clearly when no term fits or the calendar is unknown', () => {
    const later = la('2026-05-01T16:00:00.000-07:00', '2026-05-01T17:00:00.000-07:00');
    const p = policy({ window: { opens: { kind: 'term', calendar: 'quarters' } } });
    expect(() => resolveRsvpWindow(p, later, ctx)).toThrow(
      'RSVP policy "p" for the session starting 2026-05-01T16:00:00.000-07:00: window.opens: session on 2026-05-01: 2026-05-01 is after the last term of academic calendar "quarters" (Spring 2023, ending 2023-06-16); add the terms that cover it',
    );
    expect(() => at({ kind: 'term', calendar: 'trimesters' })).toThrow('unknown academic calendar "trimesters" (known: "quarters", "semesters", "santiago")');
    expect(() => at({ kind: 'term', calendar: 'quarters', term: 'previous' })).toThrow(/no previous term/);
  });
  it('refuses a term boundary with both before and after, at parse time', () => {
    const parsed = WindowBoundarySchema.safeParse({ kind: 'term', calendar: 'quarters', before: 'P1D', after: 'P2D' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('give before or after, not both');
  });
});

describe('resolveRsvpWindow: tiers and consistency', () => {
  const tiered = policy({
    window: { opens: { kind: 'term', calendar: 'quarters' }, closes: { kind: 'session', before: 'PT24H' } },
    priority: [
      { id: 'first', label: 'First', when: { fact: 'field', operator: 'equals', value: 'biosciences' } },
      { id: 'second', label: 'Second', when: { fact: 'role', operator: 'exists' }, opens: { kind: 'term', calendar: 'quarters', after: 'P7D' } },
    ],
  });

  it('resolves each tier’s own opening and leaves the others to the general one', () => {
    expect(resolveRsvpWindow(tiered, mentoringUpOct, ctx)).toEqual({
      opens: '2022-09-26T00:00:00.000-07:00',
      closes: '2022-10-18T16:00:00.000-07:00',
      tierOpens: { second: '2022-10-03T00:00:00.000-07:00' },
    });
  });

  it('rejects a general window that opens at or after it closes', () => {
    const p = policy({ window: { opens: { kind: 'session', before: 'P1D' }, closes: { kind: 'session', before: 'P2D' } } });
    expect(() => resolveRsvpWindow(p, mentoringUpOct, ctx)).toThrow(/opens \(2022-10-18T16:00:00.000-07:00\) at or after it closes \(2022-10-17T16:00:00.000-07:00\)/);
  });

  it('keeps a tier whose opening comes after the close: that tier finds the window closed', () => {
    const earlyInTerm = la('2022-09-28T16:00:00.000-07:00', '2022-09-28T17:00:00.000-07:00');
    const w = resolveRsvpWindow(tiered, earlyInTerm, ctx);
    expect(w.tierOpens['second']).toBe('2022-10-03T00:00:00.000-07:00');
    expect(rsvpStatus(w, { now: '2022-09-26T12:00:00-07:00', tierId: 'second' })).toEqual({ state: 'closed', closedAt: w.closes });
    expect(rsvpStatus(w, { now: '2022-09-26T12:00:00-07:00', tierId: 'first' })).toMatchObject({ state: 'open' });
  });

  it('rejects an occurrence without an offset rather than guessing the host’s zone', () => {
    expect(() => resolveRsvpWindow(policy({}), la('2022-10-19T16:00', '2022-10-19T17:30'), ctx)).toThrow(/occurrence.start must be an ISO instant with an offset/);
  });
});

describe('resolveRsvpWindow, asked again for the same occurrence', () => {
  const tiered = policy({
    window: { opens: { kind: 'term', calendar: 'quarters' }, closes: { kind: 'session', before: 'P1D' } },
    priority: [{ id: 'second', label: 'Second', when: { fact: 'role', operator: 'exists' }, opens: { kind: 'term', calendar: 'quarters', after: 'P7D' } }],
  });

  it('gives an equal window each time, and a caller changing its copy does not change the next one', () => {
    const first = resolveRsvpWindow(tiered, mentoringUpOct, ctx);
    (first.tierOpens as Record<string, string>).second = 'changed';
    const second = resolveRsvpWindow(tiered, mentoringUpOct, ctx);
    expect(second).toEqual({ opens: '2022-09-26T00:00:00.000-07:00', closes: '2022-10-18T16:00:00.000-07:00', tierOpens: { second: '2022-10-03T00:00:00.000-07:00' } });
    expect(second).not.toBe(first);
  });

  it('tells occurrences apart by zone and default zone, not only by start', () => {
    const p = policy({ window: { closes: { kind: 'term', calendar: 'quarters', edge: 'end' } } });
    const floating = { start: '2022-10-19T16:00:00.000-07:00', end: '2022-10-19T17:30:00.000-07:00', timeZone: '' };
    expect(resolveRsvpWindow(p, floating, ctx).closes).toBe('2022-12-16T23:59:00.000-08:00');
    expect(resolveRsvpWindow(p, floating, { ...ctx, defaultTimeZone: 'America/New_York' }).closes).toBe('2022-12-17T02:59:00.000-05:00');
  });

  it('throws the same error each time', () => {
    const p = policy({ window: { opens: { kind: 'session', before: 'P1D' }, closes: { kind: 'session', before: 'P2D' } } });
    for (let i = 0; i < 2; i++) {
      try {
        resolveRsvpWindow(p, mentoringUpOct, ctx);
        expect.unreachable('the window is empty');
      } catch (error) {
        expect(error).toBeInstanceOf(RsvpWindowError);
        expect((error as RsvpWindowError).code).toBe('empty-window');
        expect((error as Error).message).toMatch(/RSVP policy "p" for the session starting 2022-10-19T16:00:00.000-07:00: the window opens/);
      }
    }
  });
});

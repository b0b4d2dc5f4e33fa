import { describe, expect, it } from 'vitest';
import { SessionSchema, type Session } from '../session/session.schema.js';
import { checkRecurrence, expandOccurrences, expandOccurrencesChecked, nextOccurrence } from './expand.js';
import { RecurrenceError } from './errors.js';
import { parseRecurrenceRule } from './rule.js';

const ZONE = 'America/New_York';
const session = (input: Record<string, unknown>): Session =>
  SessionSchema.parse({ id: 'mentoring-101', start: '2026-01-05T10:00', end: '2026-01-05T11:30', timeZone: ZONE, ...input });
const SPRING = { from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
const starts = (s: Session, w = SPRING) => expandOccurrences(s, w).map((o) => o.localStart);

function rejects(fn: () => unknown, code: RecurrenceError['code'], message: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RecurrenceError);
    expect((e as RecurrenceError).code).toBe(code);
    expect((e as RecurrenceError).message).toMatch(message);
    return;
  }
  throw new Error('expected a RecurrenceError');
}

describe('expandOccurrences', () => {
  it('gives a non-recurring session one occurrence, with its details and ISO instants', () => {
    const s = session({ title: 'Kick-off', location: { kind: 'online', platform: 'Zoom' } });
    const out = expandOccurrences(s, SPRING, { workshopId: 'mentoring' });
    expect(out).toEqual([
      {
        id: 'mentoring-101@2026-01-05T10:00',
        sessionId: 'mentoring-101',
        workshopId: 'mentoring',
        recurrenceId: '2026-01-05T10:00',
        localStart: '2026-01-05T10:00',
        localEnd: '2026-01-05T11:30',
        timeZone: ZONE,
        start: '2026-01-05T10:00:00.000-05:00',
        end: '2026-01-05T11:30:00.000-05:00',
        status: 'scheduled',
        title: 'Kick-off',
        location: { kind: 'online', platform: 'Zoom' },
        overridden: false,
      },
    ]);
  });

  it('keeps occurrences that end after `from` and start before `to`, and nothing else', () => {
    const s = session({});
    expect(starts(s, { from: '2026-01-05T16:29:59Z', to: '2026-01-05T16:30:00Z' })).toHaveLength(1); // ends 16:30Z
    expect(starts(s, { from: '2026-01-05T16:30:00Z', to: '2026-01-06T00:00:00Z' })).toHaveLength(0); // ended exactly at from
    expect(starts(s, { from: '2026-01-01T00:00:00Z', to: '2026-01-05T15:00:00Z' })).toHaveLength(0); // starts exactly at to
    expect(starts(s, { from: '2026-01-05T15:00:00Z', to: '2026-01-05T15:00:00.001Z' })).toHaveLength(1);
    expect(starts(s, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual([]);
  });

  it('expands RRULE, adds RDATEs once, removes EXDATEs', () => {
    const s = session({
      recurrence: {
        rrule: 'FREQ=WEEKLY;COUNT=4',
        rdates: ['2026-01-14T15:00', '2026-01-19T10:00'],
        exdates: ['2026-01-12T10:00'],
      },
    });
    expect(starts(s)).toEqual(['2026-01-05T10:00', '2026-01-14T15:00', '2026-01-19T10:00', '2026-01-26T10:00']);
  });

  it('reads a BYDAY list that mixes ordinal and plain weekdays as a union (first Monday and every Friday)', () => {
    const s = session({ start: '2026-01-02T10:00', end: '2026-01-02T11:00', recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=1MO,FR;COUNT=7' } });
    expect(starts(s)).toEqual(['2026-01-02T10:00', '2026-01-05T10:00', '2026-01-09T10:00', '2026-01-16T10:00', '2026-01-23T10:00', '2026-01-30T10:00', '2026-02-02T10:00']);
    const yearly = session({ start: '2026-01-01T10:00', end: '2026-01-01T11:00', recurrence: { rrule: 'FREQ=YEARLY;BYDAY=-1MO,TH;BYYEARDAY=1,-1;COUNT=3' } });
    // 2026-01-01 is a Thursday; 2029-12-31 is the year's last Monday.
    expect(starts(yearly, { from: '2026-01-01T00:00:00Z', to: '2031-01-01T00:00:00Z' })).toEqual(['2026-01-01T10:00', '2026-12-31T10:00', '2029-12-31T10:00']);
  });

  it('selects nothing for a negative BYSETPOS beyond a period\'s set (rrule alone would pick the first)', () => {
    // The fifth-from-last Monday exists only in months with five Mondays: March, June, August 2026.
    const s = session({ start: '2026-03-02T10:00', end: '2026-03-02T11:00', recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-5;COUNT=3' } });
    expect(starts(s, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })).toEqual(['2026-03-02T10:00', '2026-06-01T10:00', '2026-08-03T10:00']);
  });

  it('counts the start as the first occurrence even when the rule would not produce it (RFC 5545 COUNT)', () => {
    const wednesday = session({ start: '2026-01-07T10:00', end: '2026-01-07T11:00', recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' } });
    expect(starts(wednesday)).toEqual(['2026-01-07T10:00', '2026-01-12T10:00', '2026-01-19T10:00']);
  });

  it('counts excluded occurrences towards COUNT, wherever the window begins', () => {
    const s = session({ recurrence: { rrule: 'FREQ=DAILY;COUNT=5', exdates: ['2026-01-07T10:00'] } });
    expect(starts(s)).toEqual(['2026-01-05T10:00', '2026-01-06T10:00', '2026-01-08T10:00', '2026-01-09T10:00']);
    expect(starts(s, { from: '2026-01-08T00:00:00Z', to: '2026-02-01T00:00:00Z' })).toEqual(['2026-01-08T10:00', '2026-01-09T10:00']);
  });

  it.each([
    ['a date takes in the whole day', 'FREQ=DAILY;UNTIL=20260108', '2026-01-08T10:00'],
    ['a wall-clock time equal to an occurrence includes it', 'FREQ=DAILY;UNTIL=20260108T100000', '2026-01-08T10:00'],
    ['a wall-clock time a second earlier excludes it', 'FREQ=DAILY;UNTIL=20260108T095959', '2026-01-07T10:00'],
    ['a UTC time is an instant: 15:00Z is 10:00 EST', 'FREQ=DAILY;UNTIL=20260108T150000Z', '2026-01-08T10:00'],
    ['a UTC time a second earlier excludes it', 'FREQ=DAILY;UNTIL=20260108T145959Z', '2026-01-07T10:00'],
  ])('UNTIL: %s', (_what, rrule, last) => {
    expect(starts(session({ recurrence: { rrule } })).at(-1)).toBe(last);
  });

  it('marks every occurrence of a cancelled session cancelled instead of dropping it', () => {
    const s = session({ status: 'cancelled', statusNote: 'Funding ended', recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' } });
    const out = expandOccurrences(s, SPRING);
    expect(out.map((o) => [o.status, o.statusNote])).toEqual(Array(3).fill(['cancelled', 'Funding ended']));
  });

  it('applies overrides by original start: cancelled, themed, moved (keeping the wall-clock length)', () => {
    const s = session({
      title: 'Mentoring',
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4' },
      overrides: [
        { occurrence: '2026-01-12T10:00', status: 'cancelled', statusNote: 'Snow day' },
        { occurrence: '2026-01-19T10:00', topic: 'Aligning expectations', theme: 'expectations', title: 'Mentoring: expectations' },
        { occurrence: '2026-01-26T10:00', start: '2026-01-27T14:00', location: { kind: 'in-person', venue: 'Library' } },
      ],
    });
    const out = expandOccurrences(s, SPRING);
    expect(out.map((o) => [o.recurrenceId, o.localStart, o.localEnd, o.status, o.overridden])).toEqual([
      ['2026-01-05T10:00', '2026-01-05T10:00', '2026-01-05T11:30', 'scheduled', false],
      ['2026-01-12T10:00', '2026-01-12T10:00', '2026-01-12T11:30', 'cancelled', true],
      ['2026-01-19T10:00', '2026-01-19T10:00', '2026-01-19T11:30', 'scheduled', true],
      ['2026-01-26T10:00', '2026-01-27T14:00', '2026-01-27T15:30', 'scheduled', true],
    ]);
    expect(out[1]).toMatchObject({ statusNote: 'Snow day', title: 'Mentoring' });
    expect(out[2]).toMatchObject({ topic: 'Aligning expectations', theme: 'expectations', title: 'Mentoring: expectations' });
    expect(out[3]).toMatchObject({ id: 'mentoring-101@2026-01-26T10:00', location: { kind: 'in-person', venue: 'Library' } });
  });

  it('shows a moved occurrence where it was moved to, even if its original date is outside the window', () => {
    const s = session({ recurrence: { rrule: 'FREQ=WEEKLY;COUNT=10' }, overrides: [{ occurrence: '2026-01-12T10:00', start: '2026-03-30T09:00', end: '2026-03-30T10:00' }] });
    const march30 = { from: '2026-03-30T00:00:00-04:00', to: '2026-03-31T00:00:00-04:00' };
    expect(expandOccurrences(s, march30).map((o) => [o.recurrenceId, o.localStart, o.localEnd])).toEqual([['2026-01-12T10:00', '2026-03-30T09:00', '2026-03-30T10:00']]);
    const january12 = { from: '2026-01-12T00:00:00-05:00', to: '2026-01-13T00:00:00-05:00' };
    expect(expandOccurrences(s, january12)).toEqual([]);
  });

  it('ignores an override that names no occurrence (checkRecurrence reports it)', () => {
    const s = session({ recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' }, overrides: [{ occurrence: '2026-01-13T10:00', status: 'cancelled' }] });
    expect(expandOccurrences(s, SPRING).map((o) => o.status)).toEqual(['scheduled', 'scheduled']);
    rejects(() => expandOccurrencesChecked(s, SPRING), 'invalid-input', /no occurrence of the session starts at 2026-01-13T10:00 \(the nearest is 2026-01-12T10:00\)/);
  });

  it('handles a long-running series without COUNT by skipping whole periods, not by walking from the start', () => {
    const daily = session({ start: '1990-01-01T10:00', end: '1990-01-01T10:30', recurrence: { rrule: 'FREQ=DAILY;INTERVAL=3' } });
    const out = expandOccurrences(daily, { from: '2026-01-01T00:00:00Z', to: '2026-01-10T00:00:00Z' });
    // 2026-01-01 is 13,149 = 3 × 4,383 days after 1990-01-01, so the series falls on 2026-01-01, -04, -07.
    expect((Date.UTC(2026, 0, 1) - Date.UTC(1990, 0, 1)) / 86_400_000).toBe(13_149);
    expect(out.map((o) => o.localStart)).toEqual(['2026-01-01T10:00', '2026-01-04T10:00', '2026-01-07T10:00']);
  });

  it('stops at the iteration cap with a clear error instead of running on', () => {
    const counted = session({ start: '1990-01-01T10:00', end: '1990-01-01T10:30', recurrence: { rrule: 'FREQ=DAILY;COUNT=50000' } });
    rejects(() => expandOccurrences(counted, SPRING), 'too-many-iterations', /more than 10000 candidate times/);
    const weekly = session({ recurrence: { rrule: 'FREQ=WEEKLY' } });
    rejects(() => expandOccurrences(weekly, { ...SPRING, maxIterations: 5 }), 'too-many-iterations', /more than 5 candidate/);
    expect(expandOccurrences(weekly, { ...SPRING, maxIterations: 40 })).toHaveLength(21);
  });

  it('rejects a window that does not say its offset (it would depend on the host zone)', () => {
    rejects(() => expandOccurrences(session({}), { from: '2026-01-01T00:00', to: '2026-02-01T00:00:00Z' }), 'invalid-input', /window.from .* not an instant/);
  });
});

describe('rules that can never match end at once with a RecurrenceError', () => {
  it.each([
    ['30 February', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '2026-01-05T10:00', 'invalid-rule', /BYMONTHDAY=30 never falls in BYMONTH=2: February has at most 29 days/],
    ['31 April or June', 'FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31', '2026-01-05T10:00', 'invalid-rule', /April, June have at most 30 days/],
    ['INTERVAL=0', 'FREQ=WEEKLY;INTERVAL=0', '2026-01-05T10:00', 'invalid-rule', /INTERVAL=0 must be a whole number of at least 1/],
    ['no FREQ', 'BYDAY=MO;COUNT=3', '2026-01-05T10:00', 'invalid-rule', /FREQ is required/],
    ['day 1 that is day 2', 'FREQ=YEARLY;BYYEARDAY=1;BYMONTHDAY=2', '2026-01-05T10:00', 'impossible-rule', /no date in a whole 400-year calendar cycle/],
    ['a fifth Monday in the first week', 'FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1,2,3,4,5,6,7', '2026-01-05T10:00', 'impossible-rule', /no date in a whole 400-year/],
    ['week 1 in June', 'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6', '2026-01-05T10:00', 'impossible-rule', /no date in a whole 400-year/],
    ['every 7th day, on Mondays, from a Tuesday', 'FREQ=DAILY;INTERVAL=7;BYDAY=MO', '2026-01-06T10:00', 'impossible-rule', /INTERVAL=7 counted from the start 2026-01-06T10:00, none of the days it visits/],
    ['every 12th month, in March, from January', 'FREQ=MONTHLY;INTERVAL=12;BYMONTH=3', '2026-01-05T10:00', 'impossible-rule', /none of the months it visits/],
    ['every other hour at 01:00, from midnight', 'FREQ=HOURLY;INTERVAL=2;BYHOUR=1', '2026-01-05T00:00', 'impossible-rule', /none of the hours it visits has a matching time/],
    ['every other second at :01, from :00', 'FREQ=SECONDLY;INTERVAL=2;BYSECOND=1', '2026-01-05T00:00', 'impossible-rule', /none of the seconds it visits/],
    ['the second Monday of a week', 'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2', '2026-01-05T10:00', 'impossible-rule', /BYSETPOS=2 asks for a position beyond the 1 candidate/],
    ['a third minute-second pair in an hour of two', 'FREQ=HOURLY;BYMINUTE=0,30;BYSETPOS=3', '2026-01-05T10:00', 'impossible-rule', /beyond the 2 time\(s\) each hour has/],
  ])('%s: %s', (_what, rrule, start, code, message) => {
    const s = session({ start, end: start.replace(/T(\d\d)/, (_m, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`), recurrence: { rrule } });
    rejects(() => expandOccurrences(s, SPRING), code as RecurrenceError['code'], message);
    expect(checkRecurrence(s).some((p) => p.severity === 'error' && p.path.join('.') === 'recurrence.rrule')).toBe(true);
  });

  it('still expands rules that match rarely', () => {
    const leap = session({ start: '2024-02-29T10:00', end: '2024-02-29T11:00', recurrence: { rrule: 'FREQ=YEARLY' } });
    expect(starts(leap, { from: '2024-03-01T00:00:00Z', to: '2033-01-01T00:00:00Z' })).toEqual(['2028-02-29T10:00', '2032-02-29T10:00']);
    const fiveMondays = session({ start: '2017-01-02T10:00', end: '2017-01-02T11:00', recurrence: { rrule: 'FREQ=YEARLY;BYMONTH=2;BYDAY=5MO' } });
    expect(nextOccurrence(fiveMondays, '2017-01-03T00:00:00Z')?.localStart).toBe('2044-02-29T10:00');
  });
});

describe('parseRecurrenceRule', () => {
  it('reads every part, case-insensitively, into sorted lists', () => {
    const parsed = parseRecurrenceRule('freq=monthly;interval=2;bymonthday=15,-1,1;byday=-1fr,mo;byhour=9;wkst=su;until=20261231T235959Z');
    expect(parsed).toEqual({
      ok: true,
      rule: {
        freq: 'MONTHLY',
        interval: 2,
        wkst: 6,
        until: { utc: true, value: Date.UTC(2026, 11, 31, 23, 59, 59), dateOnly: false },
        byMonthDay: [-1, 1, 15],
        byDay: [{ weekday: 0 }, { weekday: 4, n: -1 }],
        byHour: [9],
      },
    });
  });

  it.each([
    ['FREQ=WEEKLY;FOO=1', /unknown RRULE part "FOO"/],
    ['FREQ=WEEKLY;FREQ=DAILY', /FREQ is given more than once/],
    ['FREQ=FORTNIGHTLY', /FREQ=FORTNIGHTLY is not a frequency/],
    ['FREQ=WEEKLY;BYDAY=XX', /BYDAY: "XX" is not a weekday/],
    ['FREQ=MONTHLY;BYDAY=6MO', /6MO can never happen: a month has at most 5/],
    ['FREQ=WEEKLY;BYHOUR=24', /BYHOUR: "24" is not an hour \(0 to 23\)/],
    ['FREQ=MONTHLY;BYMONTHDAY=0', /BYMONTHDAY: "0" is not a day of the month/],
    ['FREQ=YEARLY;BYMONTH=13', /BYMONTH: "13" is not a month/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20260101', /COUNT and UNTIL cannot both be given/],
    ['FREQ=DAILY;UNTIL=20260230', /UNTIL=20260230 is not a date/],
    ['FREQ=DAILY;BYSETPOS=1', /BYSETPOS selects from the set built by other BYxxx parts/],
    ['FREQ=DAILY;BYSECOND=60', /BYSECOND=60 \(a leap second\) is not supported/],
    ['FREQ=YEARLY;RSCALE=HEBREW', /RSCALE .* is not supported/],
    ['FREQ=DAILY;COUNT=0', /COUNT=0 must be a whole number of at least 1/],
    ['RRULE:FREQ=DAILY', /without the "RRULE:" prefix/],
    ['FREQ=DAILY;;COUNT=2', /"" is not a rule part/],
  ])('%s is rejected', (text, message) => {
    const parsed = parseRecurrenceRule(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toMatch(message);
  });
});

describe('checkRecurrence', () => {
  it('finds nothing wrong with a sound session', () => {
    const s = session({ recurrence: { rrule: 'FREQ=WEEKLY;COUNT=5', exdates: ['2026-01-12T10:00'] }, overrides: [{ occurrence: '2026-01-19T10:00', status: 'cancelled' }] });
    expect(checkRecurrence(s)).toEqual([]);
  });

  it('reports each problem with its path', () => {
    const s = session({
      start: '2026-03-08T02:30',
      end: '2026-03-08T01:00',
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=5', exdates: ['2026-03-15T02:30', '2026-03-16T02:30'] },
      overrides: [
        { occurrence: '2026-03-22T02:30', topic: 'a' },
        { occurrence: '2026-03-22T02:30', topic: 'b' },
        { occurrence: '2026-03-15T02:30', status: 'cancelled' },
        { occurrence: '2026-03-23T02:30', status: 'cancelled' },
        { occurrence: '2026-03-29T02:30', start: '2026-03-29T05:00', end: '2026-03-29T04:00' },
      ],
    });
    expect(checkRecurrence(s).map((p) => [p.path.join('.'), p.severity, p.message])).toEqual([
      ['start', 'error', expect.stringMatching(/2026-03-08T02:30 does not exist in America\/New_York/)],
      ['end', 'error', 'the end 2026-03-08T01:00 is not after the start 2026-03-08T02:30'],
      ['overrides.1.occurrence', 'error', 'overrides[0] already changes the occurrence 2026-03-22T02:30'],
      ['overrides.4.end', 'error', 'the end 2026-03-29T04:00 is not after the start 2026-03-29T05:00'],
      ['overrides.2.occurrence', 'error', 'the occurrence 2026-03-15T02:30 is removed by exdates, so this override changes nothing; remove one of them'],
      ['overrides.3.occurrence', 'error', 'no occurrence of the session starts at 2026-03-23T02:30 (the nearest is 2026-03-22T02:30): an override names the original start of an occurrence'],
      ['recurrence.exdates.1', 'warning', 'no occurrence starts at 2026-03-16T02:30, so this exdate removes nothing (check the date and time)'],
    ]);
  });

  it('reports a malformed rule part by part, and an UNTIL before the start', () => {
    expect(checkRecurrence(session({ recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO,XX;INTERVAL=-1' } })).map((p) => p.message)).toEqual([
      'rrule "FREQ=WEEKLY;BYDAY=MO,XX;INTERVAL=-1": INTERVAL=-1 must be a whole number of at least 1',
      'rrule "FREQ=WEEKLY;BYDAY=MO,XX;INTERVAL=-1": BYDAY: "XX" is not a weekday; use MO, TU, WE, TH, FR, SA or SU, optionally with an ordinal from 1 to 53 or -53 to -1 (2MO, -1FR)',
    ]);
    expect(checkRecurrence(session({ recurrence: { rrule: 'FREQ=WEEKLY;UNTIL=20251231' } })).map((p) => p.message)).toEqual([
      'UNTIL is before the start 2026-01-05T10:00: the series would be its first occurrence only',
    ]);
  });
});

describe('nextOccurrence', () => {
  const s = session({
    recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4' },
    overrides: [{ occurrence: '2026-01-12T10:00', status: 'cancelled' }],
  });

  it('returns the occurrence in progress, then the next one that is not cancelled', () => {
    expect(nextOccurrence(s, '2026-01-05T16:00:00Z')?.localStart).toBe('2026-01-05T10:00');
    expect(nextOccurrence(s, '2026-01-05T16:30:00Z')?.localStart).toBe('2026-01-19T10:00');
    expect(nextOccurrence(s, '2026-01-05T16:30:00Z', { includeCancelled: true })?.localStart).toBe('2026-01-12T10:00');
  });

  it('returns undefined once the series is over, and finds far-off occurrences of an endless one', () => {
    expect(nextOccurrence(s, '2026-02-01T00:00:00Z')).toBeUndefined();
    const yearly = session({ recurrence: { rrule: 'FREQ=YEARLY;INTERVAL=5' } });
    expect(nextOccurrence(yearly, new Date('2026-02-01T00:00:00Z'), { workshopId: 'w' })).toMatchObject({ localStart: '2031-01-05T10:00', workshopId: 'w' });
  });
});

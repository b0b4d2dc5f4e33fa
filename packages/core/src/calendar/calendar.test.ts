import { describe, expect, it } from 'vitest';
import { findTerm, sortedTerms } from './calendar.js';
import { AcademicCalendarSchema } from './calendar.schema.js';

const quarters = AcademicCalendarSchema.parse({
  id: 'quarters',
  name: 'Quarters',
  timeZone: 'America/Los_Angeles',
  // Deliberately out of order: the calendar's order must not matter.
  terms: [
    { id: 'winter-2023', name: 'Winter 2023', kind: 'quarter', start: '2023-01-03', end: '2023-03-24' },
    { id: 'fall-2022', name: 'Fall 2022', kind: 'quarter', start: '2022-09-26', end: '2022-12-16' },
    { id: 'spring-2023', name: 'Spring 2023', kind: 'quarter', start: '2023-04-03', end: '2023-06-16' },
    { id: 'summer-2023', name: 'Summer 2023', kind: 'summer', start: '2023-06-20', end: '2023-09-01' },
    { id: 'summer-1-2023', name: 'Summer Session I', kind: 'session', start: '2023-06-26', end: '2023-07-28' },
  ],
});

const term = (date: string, choice?: 'containing' | 'previous') => {
  const found = findTerm(quarters, date, choice);
  return found.ok ? found.term.id : found.message;
};

describe('findTerm', () => {
  it('sorts terms by start', () => {
    expect(sortedTerms(quarters).map((t) => t.id)).toEqual(['fall-2022', 'winter-2023', 'spring-2023', 'summer-2023', 'summer-1-2023']);
  });

  it('finds the term whose first..last day contains the date, both ends inclusive', () => {
    expect(term('2022-09-26')).toBe('fall-2022');
    expect(term('2022-10-19')).toBe('fall-2022');
    expect(term('2022-12-16')).toBe('fall-2022');
    expect(term('2023-02-01')).toBe('winter-2023');
  });

  it('in a break, takes the term before the break (its window has already opened)', () => {
    const found = findTerm(quarters, '2022-12-20');
    expect(found).toMatchObject({ ok: true, between: true, term: { id: 'fall-2022' } });
    expect(term('2023-03-30')).toBe('winter-2023');
  });

  it('prefers the most specific of overlapping terms', () => {
    expect(term('2023-07-03')).toBe('summer-1-2023');
    expect(term('2023-08-15')).toBe('summer-2023');
    expect(term('2023-06-22')).toBe('summer-2023');
  });

  it('previous is the term before the chosen one', () => {
    expect(term('2023-02-01', 'previous')).toBe('fall-2022');
    expect(term('2022-12-20', 'previous')).toMatch(/Fall 2022 is the first term of academic calendar "quarters": there is no previous term/);
    expect(term('2023-04-10', 'previous')).toBe('winter-2023');
  });

  it('says clearly when the calendar does not cover the date', () => {
    expect(term('2022-08-01')).toBe('2022-08-01 is before the first term of academic calendar "quarters" (Fall 2022, starting 2022-09-26); add the term that contains it');
    expect(term('2026-05-01')).toBe('2026-05-01 is after the last term of academic calendar "quarters" (Summer 2023, ending 2023-09-01); add the terms that cover it');
  });

  it('rejects a term that ends before it starts, and a malformed date', () => {
    const broken = AcademicCalendarSchema.parse({ ...quarters, terms: [{ id: 't', name: 'T', kind: 'quarter', start: '2023-03-01', end: '2023-01-01' }] });
    expect(findTerm(broken, '2023-02-01')).toEqual({ ok: false, message: 'term "t" of academic calendar "quarters" ends (2023-01-01) before it starts (2023-03-01)' });
    expect(() => findTerm(quarters, '2023-2-1')).toThrow(/YYYY-MM-DD/);
  });
});

describe('findTerm, asked again', () => {
  it('gives equal answers for the same date and choice, and a caller changing one does not change the next', () => {
    const first = findTerm(quarters, '2023-01-15');
    (first as { between: boolean }).between = !(first as { between: boolean }).between;
    expect(findTerm(quarters, '2023-01-15')).toEqual(findTerm(quarters, '2023-01-15'));
    expect(findTerm(quarters, '2023-01-15')).not.toEqual(first);
    expect(findTerm(quarters, '2023-01-15', 'previous')).not.toEqual(findTerm(quarters, '2023-01-15'));
  });
});

/**
 * Finding terms in an academic calendar. Dates are `YYYY-MM-DD` strings, which order correctly as text,
 * so this module needs no date library and is browser-safe (type-only imports).
 */
import type { AcademicCalendar, Term } from './calendar.schema.js';

export type TermChoice = 'containing' | 'previous';

export type TermLookup = { ok: true; term: Term; between: boolean } | { ok: false; message: string };

/** Terms by first day, then last day; the calendar's order breaks ties. */
export function sortedTerms(calendar: AcademicCalendar): Term[] {
  return calendar.terms
    .map((term, index) => ({ term, index }))
    .sort((a, b) => compare(a.term.start, b.term.start) || compare(a.term.end, b.term.end) || a.index - b.index)
    .map((x) => x.term);
}

/**
 * The term a date belongs to.
 *
 * - `containing`: the term whose first..last day includes `date`. When several overlap (a summer session
 *   inside a summer term), the one that started last, i.e. the most specific. When `date` falls in a break
 *   between two terms, the term **before** the break: it is the one whose window has already opened, so
 *   "opens at the start of each quarter" still gives a window that opens before a session held in the
 *   break (the next term's start would be after the session, a window that could never be used).
 * - `previous`: the term just before that one in calendar order.
 *
 * A date before the first term or after the last one is an error: the calendar does not cover it (most
 * often, next year's terms have not been added yet).
 */
export function findTerm(calendar: AcademicCalendar, date: string, choice: TermChoice = 'containing'): TermLookup {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`expected a date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  // RSVP windows look up the same few dates for thousands of occurrences; calendars are not mutated once parsed.
  let cache = lookups.get(calendar);
  if (cache === undefined) lookups.set(calendar, (cache = new Map<string, TermLookup>()));
  const key = `${choice}|${date}`;
  let found = cache.get(key);
  if (found === undefined) cache.set(key, (found = lookUpTerm(calendar, date, choice)));
  return { ...found };
}

const lookups = new WeakMap<AcademicCalendar, Map<string, TermLookup>>();

function lookUpTerm(calendar: AcademicCalendar, date: string, choice: TermChoice): TermLookup {
  const terms = sortedTerms(calendar);
  const name = `academic calendar ${JSON.stringify(calendar.id)}`;
  for (const term of terms) {
    if (compare(term.end, term.start) < 0) {
      return { ok: false, message: `term ${JSON.stringify(term.id)} of ${name} ends (${term.end}) before it starts (${term.start})` };
    }
  }
  const first = terms[0];
  const last = terms.reduce<Term | undefined>((a, t) => (a === undefined || compare(t.end, a.end) > 0 ? t : a), undefined);
  if (first === undefined || last === undefined) return { ok: false, message: `${name} has no terms` };
  if (compare(date, first.start) < 0) {
    return { ok: false, message: `${date} is before the first term of ${name} (${first.name}, starting ${first.start}); add the term that contains it` };
  }
  if (compare(date, last.end) > 0) {
    return { ok: false, message: `${date} is after the last term of ${name} (${last.name}, ending ${last.end}); add the terms that cover it` };
  }
  const started = terms.filter((t) => compare(t.start, date) <= 0);
  const inside = started.filter((t) => compare(date, t.end) <= 0);
  const between = inside.length === 0;
  // Inside a term: the latest start, then the earliest end (the most specific). In a break: the last to end.
  const chosen = between
    ? started.reduce((a, t) => (compare(t.end, a.end) > 0 || (compare(t.end, a.end) === 0 && compare(t.start, a.start) > 0) ? t : a))
    : inside.reduce((a, t) => (compare(t.start, a.start) > 0 || (compare(t.start, a.start) === 0 && compare(t.end, a.end) < 0) ? t : a));
  if (choice === 'containing') return { ok: true, term: chosen, between };
  const previous = terms[terms.indexOf(chosen) - 1];
  if (previous === undefined) {
    return { ok: false, message: `${chosen.name} is the first term of ${name}: there is no previous term; add the term before it` };
  }
  return { ok: true, term: previous, between };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

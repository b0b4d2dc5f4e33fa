/**
 * The rules of the "Mentoring Up" seed page, as a table of people and dates:
 *   "You must be a graduate student or postdoc."
 *   "First priority: graduate students and postdocs in the biosciences; second: any discipline."
 *   "RSVP opens at the start of each quarter."
 * The table runs against a policy built here from the schemas and, when the demo catalog is present,
 * against the policy parsed from apps/demo/catalog/mentoring-up.yaml.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { VocabulariesSchema } from '../audience/audience.schema.js';
import { AcademicCalendarSchema, type AcademicCalendar } from '../calendar/calendar.schema.js';
import { parseCatalog } from '../catalog/parse.js';
import { allocate, type RsvpRequest } from '../rsvp/allocate.js';
import { RsvpPolicySchema, type RsvpPolicy } from '../rsvp/policy.schema.js';
import { rsvpStatus, type RsvpStatus } from '../rsvp/status.js';
import { resolveRsvpWindow } from '../rsvp/window.js';
import { evaluateEligibility, priorityTier } from './evaluate.js';
import type { PersonFacts } from './reasons.js';

const trainee = ['graduate-student', 'postdoc'];

const policy: RsvpPolicy = RsvpPolicySchema.parse({
  id: 'mentoring-up-rsvp',
  eligibility: { fact: 'role', operator: 'in', value: trainee, label: 'You must be a graduate student or postdoc.' },
  eligibilityText: 'You must be a graduate student or postdoc.',
  priority: [
    {
      id: 'biosciences',
      label: 'Graduate students and postdocs in the biosciences',
      when: { all: [{ fact: 'role', operator: 'in', value: trainee }, { fact: 'field', operator: 'equals', value: 'biosciences' }] },
    },
    { id: 'any-discipline', label: 'Graduate students and postdocs of any discipline', when: { fact: 'role', operator: 'in', value: trainee } },
  ],
  window: { opens: { kind: 'term', calendar: 'academic-quarters' } },
  allocation: { mode: 'at-close', order: 'time' },
  capacity: 3,
  waitlist: { enabled: true },
});

const calendar: AcademicCalendar = AcademicCalendarSchema.parse({
  id: 'academic-quarters',
  name: 'Quarters 2022–23',
  timeZone: 'America/Los_Angeles',
  terms: [
    { id: 'fall-2022', name: 'Fall 2022', kind: 'quarter', start: '2022-09-21', end: '2022-12-16' },
    { id: 'winter-2023', name: 'Winter 2023', kind: 'quarter', start: '2023-01-04', end: '2023-03-24' },
    { id: 'spring-2023', name: 'Spring 2023', kind: 'quarter', start: '2023-03-29', end: '2023-06-16' },
  ],
});
/** The page names no sub-disciplines; this vocabulary puts neuroscience under the biosciences. */
const vocabularies = VocabulariesSchema.parse({
  fields: [
    { id: 'biosciences', label: 'Biosciences' },
    { id: 'neuroscience', label: 'Neuroscience', broader: ['biosciences'] },
  ],
});

/** The page's three dated sessions, and one placed in the winter break to pin down the break rule. */
const sessions = {
  oct: { start: '2022-10-19T16:00:00.000-07:00', end: '2022-10-19T17:30:00.000-07:00', timeZone: 'America/Los_Angeles' },
  feb: { start: '2023-02-01T16:00:00.000-08:00', end: '2023-02-01T17:30:00.000-08:00', timeZone: 'America/Los_Angeles' },
  apr: { start: '2023-04-11T09:00:00.000-07:00', end: '2023-04-11T10:30:00.000-07:00', timeZone: 'America/Los_Angeles' },
  break: { start: '2022-12-20T12:00:00.000-08:00', end: '2022-12-20T13:00:00.000-08:00', timeZone: 'America/Los_Angeles' },
};

interface Row {
  who: string;
  person: PersonFacts;
  session: keyof typeof sessions;
  now: string;
  eligible: boolean | 'unknown';
  reasons: string[];
  missing: string[];
  /** Tier id, or null for the general group. */
  tier: string | null;
  tierReasons: string[];
  tierMissing: string[];
  /** The term whose first day opens RSVP for the session. */
  opensIn: 'fall-2022' | 'winter-2023' | 'spring-2023';
  state: RsvpStatus['state'];
}

const table: Row[] = [
  { who: 'biosciences graduate student, before the quarter', person: { role: 'graduate-student', field: 'biosciences' }, session: 'oct', now: '2022-09-01T09:00:00-07:00', eligible: true, reasons: ['fact-matched'], missing: [], tier: 'biosciences', tierReasons: ['tier-matched', 'fact-matched', 'fact-matched'], tierMissing: [], opensIn: 'fall-2022', state: 'not-yet-open' },
  { who: 'biosciences postdoc, during the quarter', person: { role: 'postdoc', field: 'biosciences' }, session: 'feb', now: '2023-01-10T09:00:00-08:00', eligible: true, reasons: ['fact-matched'], missing: [], tier: 'biosciences', tierReasons: ['tier-matched', 'fact-matched', 'fact-matched'], tierMissing: [], opensIn: 'winter-2023', state: 'open' },
  { who: 'neuroscience postdoc (under the biosciences)', person: { role: 'postdoc', field: 'neuroscience' }, session: 'apr', now: '2023-04-01T09:00:00-07:00', eligible: true, reasons: ['fact-matched'], missing: [], tier: 'biosciences', tierReasons: ['tier-matched', 'fact-matched', 'fact-matched'], tierMissing: [], opensIn: 'spring-2023', state: 'open' },
  { who: 'humanities graduate student', person: { role: 'graduate-student', field: 'humanities' }, session: 'oct', now: '2022-10-01T09:00:00-07:00', eligible: true, reasons: ['fact-matched'], missing: [], tier: 'any-discipline', tierReasons: ['tier-matched', 'fact-matched'], tierMissing: [], opensIn: 'fall-2022', state: 'open' },
  { who: 'graduate student who has not given a field', person: { role: 'graduate-student' }, session: 'feb', now: '2022-12-20T09:00:00-08:00', eligible: true, reasons: ['fact-matched'], missing: [], tier: 'any-discipline', tierReasons: ['tier-undecided', 'tier-matched', 'fact-matched'], tierMissing: ['field'], opensIn: 'winter-2023', state: 'not-yet-open' },
  { who: 'biosciences faculty member', person: { role: 'faculty', field: 'biosciences' }, session: 'oct', now: '2022-10-01T09:00:00-07:00', eligible: false, reasons: ['fact-not-matched'], missing: [], tier: null, tierReasons: ['no-tier'], tierMissing: [], opensIn: 'fall-2022', state: 'open' },
  { who: 'biologist who has not given a role', person: { field: 'biosciences' }, session: 'feb', now: '2023-01-10T09:00:00-08:00', eligible: 'unknown', reasons: ['fact-missing'], missing: ['role'], tier: null, tierReasons: ['tier-undecided', 'tier-undecided', 'no-tier'], tierMissing: ['role'], opensIn: 'winter-2023', state: 'open' },
  { who: 'someone who has given nothing', person: {}, session: 'apr', now: '2023-04-01T09:00:00-07:00', eligible: 'unknown', reasons: ['fact-missing'], missing: ['role'], tier: null, tierReasons: ['tier-undecided', 'tier-undecided', 'no-tier'], tierMissing: ['role', 'field'], opensIn: 'spring-2023', state: 'open' },
  { who: 'staff member who is also a postdoc', person: { role: ['staff', 'postdoc'], field: 'biosciences' }, session: 'apr', now: '2023-03-01T09:00:00-08:00', eligible: true, reasons: ['fact-matched'], missing: [], tier: 'biosciences', tierReasons: ['tier-matched', 'fact-matched', 'fact-matched'], tierMissing: [], opensIn: 'spring-2023', state: 'not-yet-open' },
  { who: 'biosciences undergraduate', person: { role: 'undergraduate', field: 'biosciences' }, session: 'feb', now: '2023-01-10T09:00:00-08:00', eligible: false, reasons: ['fact-not-matched'], missing: [], tier: null, tierReasons: ['no-tier'], tierMissing: [], opensIn: 'winter-2023', state: 'open' },
  { who: 'graduate student typing in capitals', person: { role: ' Graduate-Student ', field: 'Biosciences' }, session: 'oct', now: '2022-10-19T15:59:00-07:00', eligible: true, reasons: ['fact-matched'], missing: [], tier: 'biosciences', tierReasons: ['tier-matched', 'fact-matched', 'fact-matched'], tierMissing: [], opensIn: 'fall-2022', state: 'open' },
  { who: 'chemistry graduate student after the session began', person: { role: 'graduate-student', field: 'chemistry' }, session: 'apr', now: '2023-04-11T09:00:00-07:00', eligible: true, reasons: ['fact-matched'], missing: [], tier: 'any-discipline', tierReasons: ['tier-matched', 'fact-matched'], tierMissing: [], opensIn: 'spring-2023', state: 'closed' },
  { who: 'postdoc, session in the winter break (opens with the quarter before)', person: { role: 'postdoc', field: 'biosciences' }, session: 'break', now: '2022-12-19T09:00:00-08:00', eligible: true, reasons: ['fact-matched'], missing: [], tier: 'biosciences', tierReasons: ['tier-matched', 'fact-matched', 'fact-matched'], tierMissing: [], opensIn: 'fall-2022', state: 'open' },
];

/** Midnight at the start of a term's first day, in the calendar's zone, written with the session's offset. */
const termStart = (cal: AcademicCalendar, termId: string, zone: string): string => {
  const term = cal.terms.find((t) => t.id === termId);
  if (term === undefined) throw new Error(`calendar ${cal.id} has no term ${termId}`);
  return DateTime.fromISO(term.start, { zone: cal.timeZone }).setZone(zone).toISO()!;
};

function runTable(p: RsvpPolicy, cal: AcademicCalendar) {
  it.each(table)('$who', (row) => {
    const options = { vocabularies };
    const verdict = evaluateEligibility(p.eligibility, row.person, options);
    expect({ eligible: verdict.eligible, codes: verdict.reasons.map((r) => r.code), missing: verdict.missingFacts }).toEqual({
      eligible: row.eligible,
      codes: row.reasons,
      missing: row.missing,
    });
    const tier = priorityTier(p.priority, row.person, options);
    expect({ tier: tier.tier?.id ?? null, index: tier.index, codes: tier.reasons.map((r) => r.code), missing: tier.missingFacts }).toEqual({
      tier: row.tier,
      index: row.tier === null ? p.priority.length : p.priority.findIndex((t) => t.id === row.tier),
      codes: row.tierReasons,
      missing: row.tierMissing,
    });
    const occurrence = sessions[row.session];
    const window = resolveRsvpWindow(p, occurrence, { calendars: [cal], defaultTimeZone: 'America/Los_Angeles' });
    expect(window).toEqual({ opens: termStart(cal, row.opensIn, occurrence.timeZone), closes: occurrence.start, tierOpens: {} });
    const status = rsvpStatus(window, { now: row.now, tierId: tier.tier?.id });
    expect(status.state).toBe(row.state);
    if (status.state === 'not-yet-open') expect(status.opensAt).toBe(window.opens);
  });
}

describe('Mentoring Up rules (policy built from the schemas)', () => {
  runTable(policy, calendar);

  it('opens at midnight Pacific time on the first day of each quarter', () => {
    const opens = (s: keyof typeof sessions) => resolveRsvpWindow(policy, sessions[s], { calendars: [calendar], defaultTimeZone: 'America/Los_Angeles' }).opens;
    expect([opens('oct'), opens('break'), opens('feb'), opens('apr')]).toEqual([
      '2022-09-21T00:00:00.000-07:00',
      '2022-09-21T00:00:00.000-07:00',
      '2023-01-04T00:00:00.000-08:00',
      '2023-03-29T00:00:00.000-07:00',
    ]);
  });

  it('explains itself in the page’s words and says which fact is missing', () => {
    expect(evaluateEligibility(policy.eligibility, { role: 'faculty' }).reasons[0]!.message).toBe('You must be a graduate student or postdoc.');
    const labels = { role: 'role', field: 'field', biosciences: 'the biosciences', neuroscience: 'neuroscience' };
    const tier = priorityTier(policy.priority, { role: 'graduate-student' }, { vocabularies, labels });
    expect(tier.reasons.map((r) => r.message)).toEqual([
      'Tell us your field to check whether Graduate students and postdocs in the biosciences applies to you.',
      'You are in priority group 2: Graduate students and postdocs of any discipline.',
      'Your role is graduate-student, one of: graduate-student, postdoc.',
    ]);
  });

  it('at the close, gives seats to biosciences trainees first, then other trainees by time', () => {
    const people = table.filter((row) => row.session === 'oct' || row.session === 'feb');
    const requests: RsvpRequest[] = people.map((row, i) => {
      const verdict = evaluateEligibility(policy.eligibility, row.person, { vocabularies });
      return {
        id: `rsvp-${i}`,
        personKey: row.who,
        tierIndex: priorityTier(policy.priority, row.person, { vocabularies }).index,
        // Later rows asked earlier, so time alone would give a different order.
        requestedAt: new Date(Date.parse('2023-01-05T17:00:00Z') - i * 3_600_000).toISOString(),
        eligible: verdict.eligible === true,
      };
    });
    const result = allocate({ capacity: policy.capacity, policy, requests, now: '2023-02-01T16:00:00-08:00' });
    const who = (ds: readonly { request: RsvpRequest }[]) => ds.map((d) => d.request.personKey);
    expect(who(result.confirmed)).toEqual(['graduate student typing in capitals', 'biosciences postdoc, during the quarter', 'biosciences graduate student, before the quarter']);
    expect(who(result.waitlisted)).toEqual(['graduate student who has not given a field', 'humanities graduate student']);
    expect(result.declined.map((d) => [d.request.personKey, d.code])).toEqual([
      ['biosciences undergraduate', 'declined-ineligible'],
      ['biologist who has not given a role', 'declined-ineligible'],
      ['biosciences faculty member', 'declined-ineligible'],
    ]);
  });
});

const demoCatalog = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../apps/demo/catalog/mentoring-up.yaml');

describe.runIf(existsSync(demoCatalog))('Mentoring Up rules (policy parsed from the demo catalog)', () => {
  const parsed = parseCatalog(readFileSync(demoCatalog, 'utf8'));
  it('parses', () => {
    expect(parsed.ok ? [] : parsed.errors.map((e) => `${e.pathText}: ${e.message}`)).toEqual([]);
  });
  if (!parsed.ok) return;
  const p = parsed.catalog.policies.find((x) => x.id === 'mentoring-up-rsvp');
  const cal = parsed.catalog.calendars.find((c) => c.id === 'academic-quarters');
  it('has the Mentoring Up policy and its quarter calendar', () => {
    expect([p?.id, cal?.id]).toEqual(['mentoring-up-rsvp', 'academic-quarters']);
  });
  if (p === undefined || cal === undefined) return;
  runTable(p, cal);
});

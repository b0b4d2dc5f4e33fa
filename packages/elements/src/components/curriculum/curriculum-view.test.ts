import { describe, expect, it } from 'vitest';
import { CURRICULUM_NOW, curriculumWorkshops, enteringMentoring, mentorTrainingCore } from './curriculum.fixtures.js';
import { curriculumView, themeInVariant, timingOf, workshopForOtherVariant } from './curriculum-view.js';

const sessionIds = (view: ReturnType<typeof curriculumView>, themeId: string) =>
  view.themes.find((t) => t.theme.id === themeId)!.sessions.map((s) => `${s.workshop.id}:${s.occurrence?.id ?? '-'}:${s.timing}`);

describe('timingOf', () => {
  const o = { start: '2026-01-08T15:00:00.000-05:00', end: '2026-01-08T16:00:00.000-05:00' } as Parameters<typeof timingOf>[0];

  it('is upcoming before the start, now during, past from the end', () => {
    expect(timingOf(o, new Date('2026-01-08T19:59:59Z'))).toBe('upcoming');
    expect(timingOf(o, new Date('2026-01-08T20:00:00Z'))).toBe('now');
    expect(timingOf(o, new Date('2026-01-08T20:59:59Z'))).toBe('now');
    expect(timingOf(o, new Date('2026-01-08T21:00:00Z'))).toBe('past');
  });
});

describe('curriculumView', () => {
  it('lists every theme with the sessions that teach it, upcoming first and past last', () => {
    const view = curriculumView(enteringMentoring, curriculumWorkshops, { now: CURRICULUM_NOW });
    expect(view.themes.map((t) => t.theme.id)).toEqual(enteringMentoring.themes.map((t) => t.id));
    expect(view.hidden).toBe(0);
    expect(sessionIds(view, 'aligning-expectations')).toEqual([
      'mu-aligning-expectations:mu-ae-2026:upcoming',
      'em-aligning-expectations-wtg:-:on-request',
      'mu-aligning-expectations:mu-ae-2025:past',
    ]);
    expect(sessionIds(view, 'promoting-professional-development')).toEqual([]);
  });

  it('only takes workshops tagged with this curriculum’s theme', () => {
    const view = curriculumView(mentorTrainingCore, curriculumWorkshops, { now: CURRICULUM_NOW });
    expect(sessionIds(view, 'core-expectations')).toEqual(['core-series:core-1:upcoming', 'core-series:core-2:upcoming']);
    // Same title as an Entering Mentoring theme, other curriculum: not taught by its workshops.
    expect(view.themes.find((t) => t.theme.id === 'core-understanding')!.sessions).toEqual([]);
  });

  it('marks themes limited to some versions', () => {
    const view = curriculumView(enteringMentoring, curriculumWorkshops, { now: CURRICULUM_NOW });
    const only = Object.fromEntries(view.themes.map((t) => [t.theme.id, t.onlyIn.map((v) => v.id)]));
    expect(only).toEqual({
      'aligning-expectations': [],
      'maintaining-effective-communication': [],
      'research-self-efficacy': ['mentee'],
      'fostering-independence': [],
      'promoting-professional-development': ['mentee'],
      'assessing-understanding': ['mentor'],
    });
  });

  it('shows one version: its themes, without workshops meant for another version’s audience', () => {
    const mentee = curriculumView(enteringMentoring, curriculumWorkshops, { now: CURRICULUM_NOW, variant: 'mentee' });
    expect(mentee.variant?.id).toBe('mentee');
    expect(mentee.hidden).toBe(1);
    expect(mentee.themes.map((t) => t.theme.id)).not.toContain('assessing-understanding');
    expect(sessionIds(mentee, 'aligning-expectations')).toEqual(['mu-aligning-expectations:mu-ae-2026:upcoming', 'mu-aligning-expectations:mu-ae-2025:past']);

    const mentor = curriculumView(enteringMentoring, curriculumWorkshops, { now: CURRICULUM_NOW, variant: 'mentor' });
    expect(mentor.hidden).toBe(2);
    expect(sessionIds(mentor, 'aligning-expectations')).toEqual(['em-aligning-expectations-wtg:-:on-request']);
    // An audience no version names (mentors in the health sciences) is kept.
    expect(sessionIds(mentor, 'fostering-independence')).toEqual(['em-fostering-independence:em-fi-2026:upcoming']);
  });

  it('ignores an unknown version', () => {
    const view = curriculumView(enteringMentoring, curriculumWorkshops, { now: CURRICULUM_NOW, variant: 'nobody' });
    expect(view.variant).toBeUndefined();
    expect(view.themes).toHaveLength(6);
  });

  it('answers the version questions directly', () => {
    const [aligning, , efficacy] = enteringMentoring.themes;
    expect(themeInVariant(aligning!, 'mentor')).toBe(true);
    expect(themeInVariant(efficacy!, 'mentor')).toBe(false);
    const [mentor, mentee] = enteringMentoring.variants;
    const forTrainees = curriculumWorkshops[0]!;
    expect(workshopForOtherVariant(forTrainees, mentor!, enteringMentoring.variants)).toBe(true);
    expect(workshopForOtherVariant(forTrainees, mentee!, enteringMentoring.variants)).toBe(false);
    expect(workshopForOtherVariant({ ...forTrainees, audiences: [] }, mentor!, enteringMentoring.variants)).toBe(false);
  });

  it('does not depend on the order of the workshops', () => {
    const a = curriculumView(enteringMentoring, curriculumWorkshops, { now: CURRICULUM_NOW });
    const b = curriculumView(enteringMentoring, [...curriculumWorkshops].reverse(), { now: CURRICULUM_NOW });
    expect(b.themes.map((t) => t.sessions.map((s) => s.occurrence?.id ?? s.workshop.id))).toEqual(a.themes.map((t) => t.sessions.map((s) => s.occurrence?.id ?? s.workshop.id)));
  });
});

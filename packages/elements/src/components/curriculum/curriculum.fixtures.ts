/**
 * Curricula and workshops for tests and stories, modelled on the seed pages: the Entering Mentoring
 * curriculum with a mentor and a mentee version (Mentoring Up), and a curriculum taught in sequence.
 * Dates are relative to CURRICULUM_NOW. Not part of the published package.
 */
import type { Feed, FeedCurriculum, FeedWorkshop } from '@mentorkit/core/browser';

export const CURRICULUM_NOW = new Date('2026-01-05T12:00:00Z');

const mentors = { id: 'research-mentors', name: 'Research mentors of graduate students and postdocs' };
const trainees = { id: 'grad-students-postdocs', name: 'Graduate students and postdoctoral scholars' };
const seHs = { id: 'research-mentors-se-hs', name: 'Research mentors in Science and Engineering and the Health Sciences' };

export const enteringMentoring: FeedCurriculum = {
  id: 'entering-mentoring',
  title: 'Entering Mentoring',
  description: 'The content of each session in this curriculum is designed to address some of the challenges and concerns that mentees might encounter throughout their career.',
  ordering: 'any',
  provenance: {
    authors: [],
    organization: 'Center for the Improvement of Mentored Experiences in Research',
    url: 'https://cimerproject.org',
  },
  variants: [
    { id: 'mentor', title: 'Mentor version', audiences: [mentors] },
    {
      id: 'mentee',
      title: 'Mentee version',
      audiences: [trainees],
      description: 'Mentees develop the knowledge and skills to navigate their mentoring relationships and career progression.',
    },
  ],
  themes: [
    {
      id: 'aligning-expectations',
      title: 'Aligning Expectations',
      objectives: [
        { id: 'mu-ae-1', statement: 'Effectively establish mutually beneficial expectations for the mentoring relationship.' },
        { id: 'mu-ae-2', statement: 'Clearly communicate expectations for the mentoring relationship.' },
        { id: 'mu-ae-3', statement: 'Align mentee and mentor expectations.' },
      ],
    },
    {
      id: 'maintaining-effective-communication',
      title: 'Maintaining Effective Communication',
      objectives: [
        { id: 'mu-mec-1', statement: 'Communicate effectively across diverse dimensions including varied backgrounds, disciplines, ethnicities, positions of power, etc.' },
        { id: 'mu-mec-2', statement: 'Accept and use constructive feedback.' },
      ],
    },
    {
      id: 'research-self-efficacy',
      title: 'Research Self-Efficacy',
      variants: ['mentee'],
      objectives: [
        { id: 'mu-rse-1', statement: 'Define self-efficacy and its four sources.' },
        { id: 'mu-rse-2', statement: 'Articulate their role in building their own research self-efficacy.' },
      ],
    },
    {
      id: 'fostering-independence',
      title: 'Fostering Independence',
      objectives: [{ id: 'mu-fi-1', statement: 'Define independence, its core elements, and how those elements change over the course of a mentoring relationship.' }],
    },
    {
      id: 'promoting-professional-development',
      title: 'Promoting Professional Development',
      variants: ['mentee'],
      objectives: [{ id: 'mu-ppd-1', statement: 'Develop or revise their individual development plan (IDP).' }],
    },
    { id: 'assessing-understanding', title: 'Assessing Understanding', variants: ['mentor'], objectives: [] },
  ],
  delivery: [{ kind: 'standalone-workshops', description: 'Online sessions of 90 minutes, which can be completed in any order.', durationMinutes: 90 }],
};

export const mentorTrainingCore: FeedCurriculum = {
  id: 'mentor-training-core',
  title: 'Mentor Training Core',
  description: 'A research mentor training curriculum taught as a series: each session builds on the one before.',
  ordering: 'sequence',
  provenance: {
    authors: ['Jo Handelsman', 'Christine Pfund', 'Sarah Miller Lauffer', 'Christine Maidl Pribbenow'],
    organization: 'Center for the Improvement of Mentored Experiences in Research',
    license: 'CC BY-NC-SA 4.0',
    url: 'https://cimerproject.org/entering-mentoring',
  },
  variants: [],
  themes: [
    { id: 'core-expectations', title: 'Aligning Expectations', objectives: [{ id: 'c1', code: 'AE.1', statement: 'Establish mutual expectations with mentees.' }] },
    { id: 'core-communication', title: 'Maintaining Effective Communication', objectives: [{ id: 'c2', code: 'EC.1', statement: 'Identify characteristics of effective communication.' }] },
    { id: 'core-understanding', title: 'Assessing Understanding', objectives: [] },
    { id: 'core-independence', title: 'Fostering Independence', description: 'What an independent mentee knows and can do at each stage.', objectives: [] },
  ],
  delivery: [
    { kind: 'weekly-series', description: 'One session a week.', sessions: 8, weeks: 8, durationMinutes: 60 },
    { kind: 'half-day', durationMinutes: 240 },
  ],
};

/** A curriculum that builds on Entering Mentoring, with disciplines, an objective, theme resources and stated lengths. */
export const mentoringUpAdaptation: FeedCurriculum = {
  id: 'mentoring-up-adaptation',
  title: 'Mentoring Up',
  description: 'The mentee adaptation of Entering Mentoring.',
  objective: 'Mentees develop the knowledge and skills to navigate their mentoring relationships and career progression.',
  disciplines: ['Biosciences', 'Any discipline'],
  buildsOn: [{ id: 'entering-mentoring', title: 'Entering Mentoring' }],
  ordering: 'any',
  variants: [],
  themes: [
    {
      id: 'mu-expectations',
      title: 'Aligning Expectations',
      objectives: [{ id: 'mu-e1', statement: 'Align mentee and mentor expectations.' }],
      resources: [
        { id: 'mu-guide', title: 'Mentoring Up facilitator guide', url: 'https://example.edu/mentoring-up/guide.pdf' },
        { id: 'mu-handout', title: 'Expectations handout' },
      ],
    },
    { id: 'mu-communication', title: 'Maintaining Effective Communication', objectives: [] },
  ],
  delivery: [
    { kind: 'half-day', duration: { unit: 'half-days', amount: 1, label: 'Half day' } },
    { kind: 'full-day', duration: { unit: 'days', amount: 1, label: 'Full day' } },
    { kind: 'multi-day', duration: { unit: 'days', amount: 2, label: 'Two days' } },
    { kind: 'standalone-workshops', description: 'Workshops To Go, on request.', duration: { unit: 'minutes', min: 60, max: 90 } },
    { kind: 'multi-day', duration: { unit: 'days', min: 2, max: 3 } },
    { kind: 'half-day', sessions: 2, duration: { unit: 'half-days', amount: 2 } },
  ],
};

const workshop = (w: Partial<FeedWorkshop> & Pick<FeedWorkshop, 'id' | 'title'>): FeedWorkshop => ({
  kind: 'scheduled',
  programs: [],
  audiences: [],
  objectives: [],
  themes: [],
  presenters: [],
  hosts: [],
  formats: [{ durationMinutes: 90 }],
  notes: [],
  occurrences: [],
  ...w,
});

const theme = (id: string, title: string, curriculum = 'entering-mentoring') => ({ id, title, curriculum });

const occurrence = (id: string, start: string, end: string, timeZone: string, status: FeedWorkshop['occurrences'][number]['status'] = 'scheduled') => ({
  id,
  sessionId: id,
  start,
  end,
  timeZone,
  localStart: start.slice(0, 16),
  localEnd: end.slice(0, 16),
  status,
});

export const curriculumWorkshops: FeedWorkshop[] = [
  workshop({
    id: 'mu-aligning-expectations',
    title: 'Mentoring Up: Aligning Expectations',
    url: 'https://postdoc.example.edu/mentoring-up/expectations',
    audiences: [trainees],
    themes: [theme('aligning-expectations', 'Aligning Expectations')],
    occurrences: [
      occurrence('mu-ae-2025', '2025-10-15T16:00:00.000-07:00', '2025-10-15T17:30:00.000-07:00', 'America/Los_Angeles'),
      occurrence('mu-ae-2026', '2026-02-11T16:00:00.000-08:00', '2026-02-11T17:30:00.000-08:00', 'America/Los_Angeles'),
    ],
  }),
  workshop({
    id: 'em-aligning-expectations-wtg',
    kind: 'request-only',
    title: 'Entering Mentoring: Aligning Expectations (Workshops To Go)',
    audiences: [mentors],
    themes: [theme('aligning-expectations', 'Aligning Expectations')],
    formats: [{ durationMinutes: 60 }, { durationMinutes: 90 }],
  }),
  workshop({
    id: 'mu-communication',
    title: 'Mentoring Up: Effective Communication',
    audiences: [trainees],
    themes: [theme('maintaining-effective-communication', 'Maintaining Effective Communication')],
    occurrences: [occurrence('mu-ec-2026', '2026-03-04T16:00:00.000-08:00', '2026-03-04T17:30:00.000-08:00', 'America/Los_Angeles', 'cancelled')],
  }),
  workshop({
    id: 'mu-self-efficacy',
    title: 'Mentoring Up: Research Self-Efficacy',
    audiences: [trainees],
    themes: [theme('research-self-efficacy', 'Research Self-Efficacy')],
    occurrences: [occurrence('mu-rse-2025', '2025-04-11T09:00:00.000-07:00', '2025-04-11T10:30:00.000-07:00', 'America/Los_Angeles')],
  }),
  workshop({
    id: 'em-fostering-independence',
    title: 'Entering Mentoring: Fostering Independence',
    audiences: [seHs],
    themes: [theme('fostering-independence', 'Fostering Independence')],
    occurrences: [occurrence('em-fi-2026', '2026-03-06T13:30:00.000-05:00', '2026-03-06T14:30:00.000-05:00', 'America/New_York')],
  }),
  workshop({
    id: 'em-assessing-understanding',
    title: 'Entering Mentoring: Assessing Understanding',
    audiences: [mentors],
    themes: [theme('assessing-understanding', 'Assessing Understanding')],
    occurrences: [occurrence('em-au-2026', '2026-04-07T15:00:00.000-04:00', '2026-04-07T16:00:00.000-04:00', 'America/New_York')],
  }),
  workshop({
    id: 'core-series',
    title: 'Mentor Training Core, spring cohort',
    audiences: [mentors],
    themes: [theme('core-expectations', 'Aligning Expectations', 'mentor-training-core'), theme('core-communication', 'Maintaining Effective Communication', 'mentor-training-core')],
    occurrences: [
      occurrence('core-1', '2026-01-13T12:00:00.000-06:00', '2026-01-13T13:00:00.000-06:00', 'America/Chicago'),
      occurrence('core-2', '2026-01-20T12:00:00.000-06:00', '2026-01-20T13:00:00.000-06:00', 'America/Chicago'),
    ],
  }),
];

/** A feed holding both curricula and their workshops; a fresh copy each call. */
export function curriculumFeed(): Feed {
  return structuredClone({
    version: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    window: { from: '2025-01-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' },
    catalog: { id: 'mentoring-up', title: 'Mentoring-Up Training Series', language: 'en', defaultTimeZone: 'America/Los_Angeles' },
    vocabularies: { roles: [], fields: [] },
    programs: [],
    audiences: [mentors, trainees, seHs],
    workshops: curriculumWorkshops,
    resources: [],
    curricula: [enteringMentoring, mentorTrainingCore],
  });
}

/** A program with every section the feed can carry, for the tests and stories of `<mk-program>`. */
import type { Feed, FeedProgram } from '@mentorkit/core/browser';
import { sampleFeed } from '../../../test/sample-feed.js';

export const fullProgram: FeedProgram = {
  id: 'mentoring-up',
  title: 'Mentoring-Up Training Series',
  summary: 'Mentoring Up Training for Postdoctoral Scholars and Graduate Students',
  url: 'https://example.edu/mentoring-up',
  description: 'Mentoring is collaborative.\n\nEach session addresses challenges mentees meet throughout their career.',
  outcomesIntro: 'Mentee success is defined as mentees having gained…',
  outcomes: ['Personal and professional competencies.', 'Experience for that career.'],
  audiences: [{ id: 'trainees', name: 'Graduate students and postdocs' }],
  hosts: ['Office of Postdoctoral Affairs'],
  partners: ['Graduate Division'],
  faq: [
    { question: 'Who can take part?', answer: 'You must be a graduate student or postdoc.' },
    { question: 'Who is given priority?', answer: 'First, the biosciences.\n\nSecond, any discipline.' },
  ],
  contacts: [
    { for: 'Postdocs', name: 'Dr. Lynn Talton', email: 'lynn@example.edu' },
    { for: 'Graduate students', name: 'Dr. Diana Azurdia', url: 'https://example.edu/contact', purpose: 'questions about RSVP' },
  ],
};

/** The sample feed with `programs` in place of its own. */
export function programFeed(programs: FeedProgram[] = [fullProgram]): Feed {
  return { ...sampleFeed(), programs };
}

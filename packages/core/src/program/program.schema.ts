import * as z from 'zod';
import { AssumptionsSchema, ImageSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import { AudienceIdSchema, CurriculumIdSchema, OrganizationIdSchema, PolicyIdSchema, ProgramIdSchema } from '../common/ids.js';
import { ContactSchema } from '../people/people.schema.js';

/**
 * What finishing the program takes, for completion reports and credentials: `attendance` is the share of
 * the program's held sessions (started and not cancelled) a person must have attended, e.g. 0.75.
 */
export const CompletionSchema = z
  .strictObject({
    attendance: z
      .number()
      .gt(0, { error: 'attendance is a share of the held sessions above 0 (e.g. 0.75 for three in four)' })
      .max(1, { error: 'attendance is a share of the held sessions, at most 1 (every session)' })
      .meta({ description: 'Share of the held sessions a person must attend, above 0 and at most 1.', examples: [0.75, 1] }),
  })
  .meta({ title: 'Completion' });
export type Completion = z.infer<typeof CompletionSchema>;

export const FaqEntrySchema = z
  .strictObject({
    question: TextSchema.optional().meta({ description: 'The question; absent where the page gives only the answer.', examples: ['Who can take part?', 'When does RSVP open?'] }),
    answer: TextSchema.meta({ description: 'The answer; separate paragraphs with a blank line.', examples: ['You must be a graduate student or postdoc.', 'RSVP opens at the start of each quarter.'] }),
  })
  .meta({ title: 'FaqEntry' });

/** An initiative or series: "Advancing Mentorship Practices", "Mentoring Up". */
export const ProgramSchema = z
  .strictObject({
    id: ProgramIdSchema,
    title: TextSchema.meta({ description: 'Name of the program.', examples: ['Mentoring-Up Training Series', 'Advancing Mentorship Practices'] }),
    summary: TextSchema.optional().meta({
      description: 'One sentence for lists and cards.',
      examples: ['Mentoring Up Training for Postdoctoral Scholars and Graduate Students'],
    }),
    description: TextSchema.optional().meta({
      description: 'The introduction; separate paragraphs with a blank line.',
      examples: [
        'Mentoring is collaborative. Ideally, mentees and mentors engage as partners through reciprocal activities such as planning, acting, reflecting, questioning, and problem-solving.',
      ],
    }),
    url: UrlSchema.optional().meta({
      description: 'The program’s own page.',
      examples: ['https://www.biomedpostdoc.ucla.edu/mentoring-up-training-series/'],
    }),
    image: ImageSchema.optional(),
    hosts: z.array(OrganizationIdSchema).default([]).meta({ description: 'Ids of the organizations that run it.', examples: [['provost'], ['ctl']] }),
    partners: z.array(OrganizationIdSchema).default([]).meta({ description: 'Ids of the organizations it is run in partnership with.', examples: [['ctl']] }),
    audiences: z
      .array(AudienceIdSchema)
      .default([])
      .meta({ description: 'Ids of the audiences it is for.', examples: [['grad-students-postdocs'], ['faculty-mentors', 'research-mentors']] }),
    curriculum: CurriculumIdSchema.optional().meta({ description: 'Id of the curriculum it follows.' }),
    /** Default RSVP policy for the program's workshops. */
    rsvpPolicy: PolicyIdSchema.optional().meta({ description: 'Id of the RSVP policy of its workshops, unless a workshop names its own.' }),
    /** any: sessions can be taken in any order; sequence: in order. */
    ordering: z
      .enum(['any', 'sequence'])
      .optional()
      .meta({ description: 'any: the sessions can be taken in any order; sequence: in order.' }),
    /** Lead-in the outcomes complete, e.g. "Mentee success is defined as mentees having gained…". */
    outcomesIntro: TextSchema.optional().meta({
      description: 'Lead-in the outcomes complete.',
      examples: ['Mentee success is defined as mentees having gained…'],
    }),
    /** Goals, outcomes, as listed ("Mentee success is defined as …"). */
    outcomes: z
      .array(TextSchema)
      .default([])
      .meta({
        description: 'Goals or outcomes, as listed.',
        examples: [['Personal and professional competencies necessary to define their research goals.', 'Experience for that career.']],
      }),
    /** What completing the program takes (attendance share); absent: no completion reports or credentials. */
    completion: CompletionSchema.optional().meta({ description: 'What completing the program takes; absent: no completion reports or credentials.' }),
    contacts: z.array(ContactSchema).default([]).meta({ description: 'Whom to contact, and for whom each contact is.' }),
    faq: z.array(FaqEntrySchema).default([]).meta({ description: 'Frequently asked questions and their answers.' }),
    assumptions: AssumptionsSchema,
  })
  .meta({ title: 'Program' });
export type Program = z.infer<typeof ProgramSchema>;

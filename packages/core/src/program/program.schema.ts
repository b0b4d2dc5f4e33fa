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
      .meta({ examples: [0.75, 1] }),
  })
  .meta({ title: 'Completion' });
export type Completion = z.infer<typeof CompletionSchema>;

export const FaqEntrySchema = z.strictObject({ question: TextSchema.optional(), answer: TextSchema }).meta({ title: 'FaqEntry' });

/** An initiative or series: "Advancing Mentorship Practices", "Mentoring Up". */
export const ProgramSchema = z
  .strictObject({
    id: ProgramIdSchema,
    title: TextSchema,
    summary: TextSchema.optional(),
    description: TextSchema.optional(),
    url: UrlSchema.optional(),
    image: ImageSchema.optional(),
    hosts: z.array(OrganizationIdSchema).default([]),
    partners: z.array(OrganizationIdSchema).default([]),
    audiences: z.array(AudienceIdSchema).default([]),
    curriculum: CurriculumIdSchema.optional(),
    /** Default RSVP policy for the program's workshops. */
    rsvpPolicy: PolicyIdSchema.optional(),
    /** any: sessions can be taken in any order; sequence: in order. */
    ordering: z.enum(['any', 'sequence']).optional(),
    /** Lead-in the outcomes complete, e.g. "Mentee success is defined as mentees having gained…". */
    outcomesIntro: TextSchema.optional(),
    /** Goals, outcomes, as listed ("Mentee success is defined as …"). */
    outcomes: z.array(TextSchema).default([]),
    /** What completing the program takes (attendance share); absent: no completion reports or credentials. */
    completion: CompletionSchema.optional(),
    contacts: z.array(ContactSchema).default([]),
    faq: z.array(FaqEntrySchema).default([]),
    assumptions: AssumptionsSchema,
  })
  .meta({ title: 'Program' });
export type Program = z.infer<typeof ProgramSchema>;

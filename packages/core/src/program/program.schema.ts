import * as z from 'zod';
import { AssumptionsSchema, ImageSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import { AudienceIdSchema, CurriculumIdSchema, OrganizationIdSchema, PolicyIdSchema, ProgramIdSchema } from '../common/ids.js';
import { ContactSchema } from '../people/people.schema.js';

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
    contacts: z.array(ContactSchema).default([]),
    faq: z.array(FaqEntrySchema).default([]),
    assumptions: AssumptionsSchema,
  })
  .meta({ title: 'Program' });
export type Program = z.infer<typeof ProgramSchema>;

import * as z from 'zod';
import { TextSchema } from '../common/common.schema.js';
import { AudienceIdSchema, FieldIdSchema, RoleIdSchema } from '../common/ids.js';

/**
 * Roles every catalog knows. An institution adds its own under `vocabularies.roles`; these are data, not
 * a closed enum, so "research officer" or "clinical fellow" need no code change.
 */
export const DEFAULT_ROLES = [
  { id: 'faculty', label: 'Faculty' },
  { id: 'junior-faculty', label: 'Junior faculty' },
  { id: 'research-officer', label: 'Research officer' },
  { id: 'postdoc', label: 'Postdoctoral scholar' },
  { id: 'graduate-student', label: 'Graduate student' },
  { id: 'undergraduate', label: 'Undergraduate student' },
  { id: 'department-chair', label: 'Department chair' },
  { id: 'program-director', label: 'Program director' },
  { id: 'staff', label: 'Staff' },
] as const;

/** Fields and disciplines every catalog knows; extend under `vocabularies.fields`. */
export const DEFAULT_FIELDS = [
  { id: 'biosciences', label: 'Biosciences' },
  { id: 'science-engineering', label: 'Science and engineering' },
  { id: 'health-sciences', label: 'Health sciences' },
  { id: 'stem', label: 'STEM' },
  { id: 'humanities', label: 'Humanities' },
  { id: 'social-sciences', label: 'Social sciences' },
  { id: 'arts', label: 'Arts' },
  { id: 'professional-schools', label: 'Professional schools' },
] as const;

export const VocabularyTermSchema = z.strictObject({
  id: z.union([RoleIdSchema, FieldIdSchema]).meta({ description: 'Id of the role or field.', examples: ['clinical-fellow', 'biosciences'] }),
  label: TextSchema.meta({ description: 'Its name, as people read it.', examples: ['Clinical fellow', 'Biosciences'] }),
  /** A broader term this one falls under, e.g. `biosciences` under `stem`. */
  broader: z.array(z.string()).optional().meta({ description: 'Broader terms this one falls under.', examples: [['stem']] }),
  description: TextSchema.optional().meta({ description: 'What the term covers.', examples: ['Physicians in clinical training after residency.'] }),
});

export const VocabulariesSchema = z
  .strictObject({
    roles: z
      .array(
        z.strictObject({
          id: RoleIdSchema.meta({ description: 'Id of the role, used in audiences and rules.', examples: ['clinical-fellow', 'research-officer'] }),
          label: TextSchema.meta({ description: 'Its name, as people read it.', examples: ['Clinical fellow', 'Research officer'] }),
          description: TextSchema.optional().meta({ description: 'Who has this role.', examples: ['Physicians in clinical training after residency.'] }),
        }),
      )
      .default([])
      .meta({ description: 'Roles beyond the built-in ones (faculty, postdoc, graduate-student …).' }),
    fields: z
      .array(
        z.strictObject({
          id: FieldIdSchema.meta({ description: 'Id of the field, used in audiences and rules.', examples: ['neuroscience', 'public-health'] }),
          label: TextSchema.meta({ description: 'Its name, as people read it.', examples: ['Neuroscience', 'Public health'] }),
          description: TextSchema.optional().meta({ description: 'What the field covers.', examples: ['Departments of the Zuckerman Institute and the medical school.'] }),
          /** Broader fields this one falls under (e.g. biosciences → stem): a rule on `stem` matches it. */
          broader: z
            .array(FieldIdSchema)
            .optional()
            .meta({ description: 'Broader fields this one falls under; a rule on a broader field matches it.', examples: [['biosciences', 'stem']] }),
        }),
      )
      .default([])
      .meta({ description: 'Fields and disciplines beyond the built-in ones (biosciences, humanities …).' }),
  })
  .meta({ title: 'Vocabularies', description: 'Roles and fields this institution adds to the built-in lists.' });
export type Vocabularies = z.infer<typeof VocabulariesSchema>;

/** A named group of people a workshop or resource is for. */
export const AudienceSchema = z
  .strictObject({
    id: AudienceIdSchema,
    name: TextSchema.meta({
      description: 'Name of the group, as people read it.',
      examples: ['Graduate students and postdoctoral scholars', 'Faculty and research officers mentoring graduate students and postdocs'],
    }),
    description: TextSchema.optional().meta({
      description: 'Who belongs to it, in more words.',
      examples: ['Faculty and research officers mentoring graduate student and postdoc researchers in Science and Engineering and the Health Sciences.'],
    }),
    roles: z
      .array(RoleIdSchema)
      .default([])
      .meta({ description: 'Roles of the people in the audience; empty: any role.', examples: [['graduate-student', 'postdoc'], ['faculty', 'research-officer']] }),
    fields: z
      .array(FieldIdSchema)
      .default([])
      .meta({ description: 'Fields of the people in the audience; empty: any field.', examples: [['science-engineering', 'health-sciences']] }),
    /** Who the audience works with, e.g. mentors *of* graduate students and postdocs. */
    mentoring: z
      .array(RoleIdSchema)
      .optional()
      .meta({ description: 'Roles of the people this audience mentors.', examples: [['graduate-student', 'postdoc']] }),
  })
  .meta({ title: 'Audience' });
export type Audience = z.infer<typeof AudienceSchema>;

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
  id: z.union([RoleIdSchema, FieldIdSchema]),
  label: TextSchema,
  /** A broader term this one falls under, e.g. `biosciences` under `stem`. */
  broader: z.array(z.string()).optional(),
  description: TextSchema.optional(),
});

export const VocabulariesSchema = z
  .strictObject({
    roles: z
      .array(z.strictObject({ id: RoleIdSchema, label: TextSchema, description: TextSchema.optional() }))
      .default([]),
    fields: z
      .array(
        z.strictObject({
          id: FieldIdSchema,
          label: TextSchema,
          description: TextSchema.optional(),
          /** Broader fields this one falls under (e.g. biosciences → stem): a rule on `stem` matches it. */
          broader: z.array(FieldIdSchema).optional(),
        }),
      )
      .default([]),
  })
  .meta({ title: 'Vocabularies', description: 'Roles and fields this institution adds to the built-in lists.' });
export type Vocabularies = z.infer<typeof VocabulariesSchema>;

/** A named group of people a workshop or resource is for. */
export const AudienceSchema = z
  .strictObject({
    id: AudienceIdSchema,
    name: TextSchema,
    description: TextSchema.optional(),
    roles: z.array(RoleIdSchema).default([]),
    fields: z.array(FieldIdSchema).default([]),
    /** Who the audience works with, e.g. mentors *of* graduate students and postdocs. */
    mentoring: z.array(RoleIdSchema).optional().meta({ description: 'Roles of the people this audience mentors.' }),
  })
  .meta({ title: 'Audience' });
export type Audience = z.infer<typeof AudienceSchema>;

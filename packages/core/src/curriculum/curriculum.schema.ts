import * as z from 'zod';
import { AssumptionsSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import {
  AudienceIdSchema,
  CurriculumIdSchema,
  ObjectiveIdSchema,
  OrganizationIdSchema,
  PersonIdSchema,
  ThemeIdSchema,
  UnitIdSchema,
  VariantIdSchema,
} from '../common/ids.js';

/** A statement of what a participant will be able to do. `caseItemUri` links a 1EdTech CASE CFItem. */
export const LearningObjectiveSchema = z
  .strictObject({
    id: ObjectiveIdSchema,
    statement: TextSchema,
    code: TextSchema.optional().meta({ examples: ['EM.AE.1'] }),
    caseItemUri: UrlSchema.optional(),
  })
  .meta({ title: 'LearningObjective' });
export type LearningObjective = z.infer<typeof LearningObjectiveSchema>;

/** A theme (competency) of a curriculum with its objectives. */
export const ThemeSchema = z
  .strictObject({
    id: ThemeIdSchema,
    title: TextSchema,
    description: TextSchema.optional(),
    objectives: z.array(LearningObjectiveSchema).default([]),
    /** Offered only in these variants; absent: in every variant. */
    variants: z.array(VariantIdSchema).optional(),
  })
  .meta({ title: 'Theme' });
export type Theme = z.infer<typeof ThemeSchema>;

/** One audience's version of a curriculum (mentors vs mentees; STEM vs humanities). */
export const VariantSchema = z
  .strictObject({
    id: VariantIdSchema,
    title: TextSchema,
    audiences: z.array(AudienceIdSchema).min(1, { error: 'a variant is for at least one audience' }),
    description: TextSchema.optional(),
  })
  .meta({ title: 'CurriculumVariant' });
export type Variant = z.infer<typeof VariantSchema>;

/** A teachable unit (a session plan) covering one or more themes. */
export const UnitSchema = z
  .strictObject({
    id: UnitIdSchema,
    title: TextSchema,
    description: TextSchema.optional(),
    themes: z.array(ThemeIdSchema).min(1, { error: 'a unit covers at least one theme' }),
    objectives: z.array(ObjectiveIdSchema).default([]),
    durationMinutes: z.int().positive().optional(),
  })
  .meta({ title: 'CurriculumUnit' });
export type Unit = z.infer<typeof UnitSchema>;

export const DELIVERY_KINDS = ['weekly-series', 'standalone-workshops', 'half-day', 'full-day', 'multi-day', 'self-paced', 'other'] as const;
export const DeliveryOptionSchema = z
  .strictObject({
    kind: z.enum(DELIVERY_KINDS),
    description: TextSchema.optional(),
    sessions: z.int().positive().optional(),
    weeks: z.int().positive().optional(),
    durationMinutes: z.int().positive().optional(),
  })
  .meta({ title: 'DeliveryOption' });
export type DeliveryOption = z.infer<typeof DeliveryOptionSchema>;

export const ProvenanceSchema = z
  .strictObject({
    /** Free-text author names, or people in the catalog. */
    authors: z.array(TextSchema).default([]),
    people: z.array(PersonIdSchema).optional(),
    organization: OrganizationIdSchema.optional(),
    license: TextSchema.optional().meta({ examples: ['CC BY-NC-SA 4.0', 'All rights reserved'] }),
    url: UrlSchema.optional(),
    citation: TextSchema.optional(),
    version: TextSchema.optional(),
  })
  .meta({ title: 'Provenance' });
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const CurriculumSchema = z
  .strictObject({
    id: CurriculumIdSchema,
    title: TextSchema,
    description: TextSchema.optional(),
    provenance: ProvenanceSchema.optional(),
    /** any: themes can be taken in any order; sequence: in the listed order. */
    ordering: z.enum(['any', 'sequence']).default('any'),
    themes: z.array(ThemeSchema).min(1, { error: 'a curriculum has at least one theme' }),
    variants: z.array(VariantSchema).default([]),
    units: z.array(UnitSchema).default([]),
    delivery: z.array(DeliveryOptionSchema).default([]),
    assumptions: AssumptionsSchema,
  })
  .meta({ title: 'Curriculum' });
export type Curriculum = z.infer<typeof CurriculumSchema>;

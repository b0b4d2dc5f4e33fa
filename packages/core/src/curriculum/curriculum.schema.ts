import * as z from 'zod';
import { AssumptionsSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import {
  AudienceIdSchema,
  CurriculumIdSchema,
  ObjectiveIdSchema,
  OrganizationIdSchema,
  PersonIdSchema,
  ResourceIdSchema,
  ThemeIdSchema,
  UnitIdSchema,
  VariantIdSchema,
} from '../common/ids.js';
import { StatedDurationSchema } from '../time/duration.schema.js';

/** A statement of what a participant will be able to do. `caseItemUri` links a 1EdTech CASE CFItem. */
export const LearningObjectiveSchema = z
  .strictObject({
    id: ObjectiveIdSchema.meta({ description: 'Id of the objective, unique in the catalog.', examples: ['em-au-1', 'mu-ae-2'] }),
    statement: TextSchema.meta({
      description: 'What a participant will be able to do, worded as the page words it.',
      examples: ['Use multiple strategies to enhance mentee understanding.'],
    }),
    code: TextSchema.optional().meta({ description: 'The objective’s code in its framework, if it has one.', examples: ['EM.AE.1'] }),
    caseItemUri: UrlSchema.optional().meta({
      description: 'The 1EdTech CASE item this objective is, where a framework publishes it.',
      examples: ['https://case.example.org/ims/case/v1p0/CFItems/6b1f7c1e-2f0a-4d8e-9c55-3a2d2f8b1c10'],
    }),
  })
  .meta({ title: 'LearningObjective', description: 'A statement of what a participant will be able to do.' });
export type LearningObjective = z.infer<typeof LearningObjectiveSchema>;

/** A theme (competency) of a curriculum with its objectives. */
export const ThemeSchema = z
  .strictObject({
    id: ThemeIdSchema.meta({ description: 'Id of the theme, unique in the catalog.', examples: ['aligning-expectations'] }),
    title: TextSchema.meta({ description: 'The theme’s name.', examples: ['Aligning Expectations', 'Fostering Independence'] }),
    description: TextSchema.optional().meta({
      description: 'What the theme is about.',
      examples: ['Having a shared understanding of expectations is critical to establishing effective mentor-mentee relationships.'],
    }),
    objectives: z
      .array(LearningObjectiveSchema)
      .default([])
      .meta({ description: 'The theme’s learning objectives.', examples: [[{ id: 'em-au-2', statement: 'Use multiple strategies to enhance mentee understanding.' }]] }),
    /** Offered only in these variants; absent: in every variant. */
    variants: z
      .array(VariantIdSchema)
      .optional()
      .meta({ description: 'Ids of the curriculum variants that offer this theme; absent: every variant.', examples: [['mentee']] }),
    objectiveResources: z.array(ResourceIdSchema).optional().meta({
      description: 'Resources in this catalog that hold the theme’s learning objectives (a facilitator guide, a handout), by id.',
      examples: [['entering-mentoring-facilitator-guide']],
    }),
  })
  .meta({ title: 'Theme', description: 'A theme (competency) of a curriculum, with its learning objectives.' });
export type Theme = z.infer<typeof ThemeSchema>;

/** One audience's version of a curriculum (mentors vs mentees; STEM vs humanities). */
export const VariantSchema = z
  .strictObject({
    id: VariantIdSchema.meta({ description: 'Id of the variant, unique in its curriculum.', examples: ['mentor', 'mentee', 'stem'] }),
    title: TextSchema.meta({ description: 'The variant’s name.', examples: ['Mentee version (Mentoring Up)', 'STEM disciplines'] }),
    audiences: z
      .array(AudienceIdSchema)
      .min(1, { error: 'a variant is for at least one audience' })
      .meta({ description: 'Ids of the audiences this version is for.', examples: [['grad-students-postdocs']] }),
    description: TextSchema.optional().meta({
      description: 'How this version differs, in the page’s words.',
      examples: ['In this mentoring up series, mentees will develop the knowledge and skills to navigate their mentoring relationships.'],
    }),
  })
  .meta({ title: 'CurriculumVariant', description: 'One audience’s version of a curriculum (mentors or mentees; STEM or humanities).' });
export type Variant = z.infer<typeof VariantSchema>;

const durationMinutes = z.int().positive().optional().meta({
  description: 'Length in minutes, where the page gives one exact number of minutes; for ranges or days use `duration`.',
  examples: [60, 90],
});
const duration = StatedDurationSchema.optional().meta({
  description: 'Length as the page states it: minutes, a range, half days or days, with the author’s label.',
  examples: [{ unit: 'minutes', min: 60, max: 90 }, { unit: 'half-days', amount: 1, label: 'Half day' }],
});
const oneLength = (value: { durationMinutes?: number | undefined; duration?: unknown }): boolean =>
  value.durationMinutes === undefined || value.duration === undefined;
const ONE_LENGTH = { error: 'give the length once: durationMinutes or duration (which also states ranges, days and labels), not both', path: ['durationMinutes'] };

/** A teachable unit (a session plan) covering one or more themes. */
export const UnitSchema = z
  .strictObject({
    id: UnitIdSchema.meta({ description: 'Id of the unit, unique in its curriculum.', examples: ['module-1'] }),
    title: TextSchema.meta({ description: 'The unit’s title.', examples: ['Module 1: Preparing to Mentor'] }),
    description: TextSchema.optional().meta({ description: 'What the unit covers.', examples: ['Reflect on your mentoring practice and plan a first conversation.'] }),
    themes: z
      .array(ThemeIdSchema)
      .min(1, { error: 'a unit covers at least one theme' })
      .meta({ description: 'Ids of the themes the unit covers.', examples: [['aligning-expectations']] }),
    objectives: z.array(ObjectiveIdSchema).default([]).meta({ description: 'Ids of the objectives the unit addresses.', examples: [['em-au-1']] }),
    durationMinutes,
    duration,
  })
  .refine(oneLength, ONE_LENGTH)
  .meta({ title: 'CurriculumUnit', description: 'A teachable unit (a session plan) covering one or more themes.' });
export type Unit = z.infer<typeof UnitSchema>;

export const DELIVERY_KINDS = ['weekly-series', 'standalone-workshops', 'half-day', 'full-day', 'multi-day', 'self-paced', 'other'] as const;
export const DeliveryOptionSchema = z
  .strictObject({
    kind: z.enum(DELIVERY_KINDS).meta({ description: 'The shape of the delivery.', examples: ['standalone-workshops', 'half-day', 'multi-day'] }),
    description: TextSchema.optional().meta({ description: 'The option in the page’s words.', examples: ['Workshops To Go, on request, in 60- or 90-minute formats.'] }),
    sessions: z.int().positive().optional().meta({ description: 'How many sessions it takes.', examples: [6] }),
    weeks: z.int().positive().optional().meta({ description: 'Over how many weeks.', examples: [8] }),
    durationMinutes,
    duration,
  })
  .refine(oneLength, ONE_LENGTH)
  .meta({ title: 'DeliveryOption', description: 'One way the curriculum is delivered (a weekly series, a half day, self-paced…).' });
export type DeliveryOption = z.infer<typeof DeliveryOptionSchema>;

export const ProvenanceSchema = z
  .strictObject({
    /** Free-text author names, or people in the catalog. */
    authors: z.array(TextSchema).default([]).meta({ description: 'Author names as published.', examples: [['Fain, L.', 'Zachary, L. J.']] }),
    people: z.array(PersonIdSchema).optional().meta({ description: 'Authors who are people in this catalog, by id.', examples: [['lisa-fain']] }),
    organization: OrganizationIdSchema.optional().meta({ description: 'Id of the organization that developed it.', examples: ['cimer'] }),
    license: TextSchema.optional().meta({ description: 'The licence it is published under.', examples: ['CC BY-NC-SA 4.0', 'All rights reserved'] }),
    url: UrlSchema.optional().meta({ description: 'Where the curriculum is published.', examples: ['https://cimerproject.org'] }),
    citation: TextSchema.optional().meta({
      description: 'How to cite it, or what it is based on.',
      examples: ['Based on the Provost’s Mentoring Council’s recommendations for best practices in mentoring.'],
    }),
    version: TextSchema.optional().meta({ description: 'The edition or version followed.', examples: ['2nd edition', '2024'] }),
  })
  .meta({ title: 'Provenance', description: 'Who developed a curriculum, under which licence, and where it is published.' });
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const CurriculumSchema = z
  .strictObject({
    id: CurriculumIdSchema.meta({ description: 'Id of the curriculum, unique in the catalog.', examples: ['entering-mentoring'] }),
    title: TextSchema.meta({ description: 'The curriculum’s title.', examples: ['Entering Mentoring', 'Foundational Principles of Mentoring for Faculty'] }),
    description: TextSchema.optional().meta({
      description: 'What the curriculum is, in the page’s words.',
      examples: ['The Entering Mentoring curriculum developed by the Center for the Improvement of Mentored Research Experiences (CIMER).'],
    }),
    objective: TextSchema.optional().meta({
      description: 'The curriculum’s overall goal, as one statement (its themes’ objectives are listed per theme).',
      examples: ['To help faculty cultivate their mentoring skills in an open and empathetic environment.'],
    }),
    disciplines: z.array(TextSchema).optional().meta({
      description: 'The disciplines or fields the curriculum serves, in the page’s words.',
      examples: [['STEM', 'Humanities and Social Sciences'], ['Science and Engineering', 'Health Sciences']],
    }),
    buildsOn: z.array(CurriculumIdSchema).optional().meta({
      description: 'Ids of curricula in this catalog that this one builds on (adapts or extends); they may not build on it in turn.',
      examples: [['entering-mentoring']],
    }),
    provenance: ProvenanceSchema.optional().meta({
      description: 'Who developed it and where it is published.',
      examples: [{ organization: 'cimer', url: 'https://cimerproject.org' }],
    }),
    /** any: themes can be taken in any order; sequence: in the listed order. */
    ordering: z
      .enum(['any', 'sequence'])
      .default('any')
      .meta({ description: 'any: themes can be taken in any order; sequence: in the listed order.', examples: ['any', 'sequence'] }),
    themes: z
      .array(ThemeSchema)
      .min(1, { error: 'a curriculum has at least one theme' })
      .meta({ description: 'Its themes (competencies), in order.', examples: [[{ id: 'aligning-expectations', title: 'Aligning Expectations' }]] }),
    variants: z
      .array(VariantSchema)
      .default([])
      .meta({ description: 'Versions for different audiences.', examples: [[{ id: 'mentee', title: 'Mentee version', audiences: ['grad-students-postdocs'] }]] }),
    units: z
      .array(UnitSchema)
      .default([])
      .meta({ description: 'Teachable units (session plans or modules).', examples: [[{ id: 'module-1', title: 'Module 1: Preparing to Mentor', themes: ['aligning-expectations'] }]] }),
    delivery: z.array(DeliveryOptionSchema).default([]).meta({
      description: 'The ways it is delivered.',
      examples: [
        [
          { kind: 'half-day', duration: { unit: 'half-days', amount: 1, label: 'Half day' } },
          { kind: 'multi-day', duration: { unit: 'days', amount: 2, label: 'Two days' } },
        ],
      ],
    }),
    assumptions: AssumptionsSchema.meta({
      description: 'Assumptions made where the source was vague (a missing year, time or zone).',
      examples: [['The page names no source curriculum; it is read as the mentee adaptation of Entering Mentoring.']],
    }),
  })
  .meta({ title: 'Curriculum', description: 'A curriculum: themes with learning objectives, versions for audiences, units and ways to deliver it.' });
export type Curriculum = z.infer<typeof CurriculumSchema>;

import * as z from 'zod';
import { AccessSchema, AssumptionsSchema, ImageSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import {
  AudienceIdSchema,
  OrganizationIdSchema,
  PersonIdSchema,
  ProgramIdSchema,
  ResourceIdSchema,
  ThemeIdSchema,
  WorkshopIdSchema,
} from '../common/ids.js';
import { IsoDurationSchema, LocalDateSchema } from '../time/time.schema.js';

export const RESOURCE_KINDS = [
  'video',
  'video-series',
  'article',
  'report',
  'book',
  'guide',
  'worksheet',
  'course',
  'website',
  'recording',
  'template',
  'checklist',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const ResourceBase = {
  id: ResourceIdSchema,
  title: TextSchema,
  description: TextSchema.optional(),
  url: UrlSchema.optional(),
  /** Who offers it (the organization whose site hosts it). */
  provider: OrganizationIdSchema.optional(),
  /** Free-text authors as credited. */
  authors: z.array(TextSchema).default([]),
  people: z.array(PersonIdSchema).default([]),
  publisher: TextSchema.optional(),
  published: z.union([z.string().regex(/^\d{4}(-\d{2})?$/), LocalDateSchema]).optional(),
  image: ImageSchema.optional(),
  access: AccessSchema.default({ level: 'public' }),
  topics: z.array(TextSchema).default([]),
  themes: z.array(ThemeIdSchema).default([]),
  audiences: z.array(AudienceIdSchema).default([]),
  programs: z.array(ProgramIdSchema).default([]),
  /** Workshops this resource came from or accompanies, e.g. the recording of a past event. */
  workshops: z.array(WorkshopIdSchema).optional(),
  /** Key points or contents, as listed on the page. */
  highlights: z.array(TextSchema).default([]),
  assumptions: AssumptionsSchema,
};

export const CourseModuleSchema = z
  .strictObject({
    title: TextSchema,
    description: TextSchema.optional(),
    duration: IsoDurationSchema.optional(),
  })
  .meta({ title: 'CourseModule' });
export type CourseModule = z.infer<typeof CourseModuleSchema>;

const withKind = <K extends ResourceKind>(kind: K) => ({ ...ResourceBase, kind: z.literal(kind) });

export const ResourceSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...withKind('video'), duration: IsoDurationSchema.optional() }),
    z.strictObject({
      ...withKind('video-series'),
      episodes: z.array(z.strictObject({ title: TextSchema, url: UrlSchema.optional(), duration: IsoDurationSchema.optional() })).default([]),
    }),
    z.strictObject(withKind('article')),
    z.strictObject(withKind('report')),
    z.strictObject({ ...withKind('book'), isbn: TextSchema.optional(), year: z.int().optional() }),
    z.strictObject(withKind('guide')),
    z.strictObject(withKind('worksheet')),
    z.strictObject({
      ...withKind('course'),
      selfPaced: z.boolean().default(true),
      platform: TextSchema.optional().meta({ examples: ['CourseWorks', 'Canvas'] }),
      modules: z.array(CourseModuleSchema).default([]),
      /** Total time to complete; e.g. PT90M. */
      totalDuration: IsoDurationSchema.optional(),
    }),
    z.strictObject(withKind('website')),
    z.strictObject({ ...withKind('recording'), duration: IsoDurationSchema.optional() }),
    z.strictObject({ ...withKind('template'), templateFor: z.enum(['compact', 'contract', 'plan', 'agreement', 'other']).default('other') }),
    z.strictObject(withKind('checklist')),
  ])
  .meta({ title: 'Resource' });
export type Resource = z.infer<typeof ResourceSchema>;

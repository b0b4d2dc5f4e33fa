import * as z from 'zod';
import { AccessSchema, AssumptionsSchema, ImageSchema, ProseSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
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
  'document',
  'slides',
  'handout',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * Someone who appears in a resource: the presenter of a video, the moderator of a recorded panel. The
 * role is the author's own label, shown as written, so a page's "Moderator" or "Interviewer" stays so.
 */
export const ResourcePresenterSchema = z
  .strictObject({
    role: TextSchema.meta({
      description: 'The role as the page names it; shown as written.',
      examples: ['Presenter', 'Moderator', 'Panelist', 'Keynote speaker', 'Performer'],
    }),
    person: PersonIdSchema.optional().meta({ description: 'A person of the catalog (`people`).', examples: ['lisa-fain'] }),
    organization: OrganizationIdSchema.optional().meta({ description: 'An organization of the catalog, e.g. a theatre troupe.', examples: ['crlt-players'] }),
    name: TextSchema.optional().meta({
      description: 'A name as credited, for someone who is not in the catalog.',
      examples: ['Lisa Fain', 'Selected mentees accompanying these mentors'],
    }),
    note: TextSchema.optional().meta({ description: 'What the page adds about them.', examples: ['CEO of Center for Mentoring Excellence'] }),
  })
  .refine((p) => [p.person, p.organization, p.name].filter((x) => x !== undefined).length === 1, {
    error: 'a presenter is exactly one of person, organization or name',
  })
  .meta({
    title: 'ResourcePresenter',
    description: 'Someone who presents, moderates or performs in the resource, with the role the page gives them.',
    examples: [{ role: 'Keynote speaker', name: 'Lisa Fain', note: 'CEO of Center for Mentoring Excellence' }],
  });
export type ResourcePresenter = z.infer<typeof ResourcePresenterSchema>;

export const RESOURCE_RELATIONS = ['recording-of', 'based-on', 'accompanies', 'part-of', 'has-part', 'version-of'] as const;
export type ResourceRelation = (typeof RESOURCE_RELATIONS)[number];

/**
 * Another work this one is tied to, under its own title: the talk a recording is of, the book a guide
 * accompanies. Either a resource of the catalog (`resource`) or a work elsewhere (`title`, `url`).
 */
export const RelatedWorkSchema = z
  .strictObject({
    relation: z.enum(RESOURCE_RELATIONS).meta({
      description:
        'How this resource relates to the other work: a recording of it, based on it, accompanying it, part of it, including it (has-part), or a version of it.',
      examples: ['recording-of', 'accompanies'],
    }),
    resource: ResourceIdSchema.optional().meta({ description: 'The other work, when it is a resource of this catalog.', examples: ['mentors-guide'] }),
    title: TextSchema.optional().meta({
      description: 'The title of the other work, when it is not in the catalog.',
      examples: ['Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage'],
    }),
    url: UrlSchema.optional().meta({ description: 'Where the other work is, when it is not in the catalog.', examples: ['https://cimerproject.org'] }),
    citation: TextSchema.optional().meta({ description: 'How the page credits the other work.', examples: ['Fain and Zachary, 2020'] }),
  })
  .superRefine((r, ctx) => {
    if (r.resource === undefined && r.title === undefined) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'a related work needs resource (a resource of this catalog) or title (a work elsewhere)' });
    }
    if (r.resource !== undefined && (r.title !== undefined || r.url !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['resource'],
        message: 'a related work is either resource (its title and url come from the catalog) or title and url, not both',
      });
    }
  })
  .meta({
    title: 'RelatedWork',
    description: 'Another work this resource is tied to, under its own title.',
    examples: [
      { relation: 'accompanies', title: 'Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage', citation: 'Fain and Zachary, 2020' },
      { relation: 'recording-of', resource: 'bridging-differences-keynote' },
    ],
  });
export type RelatedWork = z.infer<typeof RelatedWorkSchema>;

const ResourceBase = {
  id: ResourceIdSchema,
  title: TextSchema.meta({ description: 'Title of the resource, as the page gives it.', examples: ['Mentoring Matters Video Series', 'Entering Mentoring: A Seminar to Train a New Generation of Scientists'] }),
  description: ProseSchema.optional().meta({
    description: 'What the page says about it; separate paragraphs with a blank line.',
    examples: ['This video series from the CTL showcases the relationship between Columbia mentors and mentees.\n\nTopics covered include setting expectations and building trust.'],
  }),
  url: UrlSchema.optional(),
  /** Who offers it (the organization whose site hosts it). */
  provider: OrganizationIdSchema.optional(),
  /** Free-text authors as credited. */
  authors: z.array(TextSchema).default([]).meta({ description: 'Authors as the page credits them, in free text.', examples: [['Christine Pfund', 'Janet Branchaw', 'Jo Handelsman']] }),
  people: z.array(PersonIdSchema).default([]).meta({ description: 'Ids of catalog people credited with it (authors or editors).', examples: [['jane-roe']] }),
  publisher: TextSchema.optional().meta({ description: 'Who published it.', examples: ['W. H. Freeman', 'Center for Teaching and Learning'] }),
  published: z
    .union([z.string().regex(/^\d{4}(-\d{2})?$/), LocalDateSchema])
    .optional()
    .meta({ description: 'When it was published: a year, a year and month, or a date.', examples: ['2015', '2021-09', '2022-03-14'] }),
  image: ImageSchema.optional(),
  access: AccessSchema.default({ level: 'public' }),
  topics: z.array(TextSchema).default([]).meta({ description: 'Topics it covers, as free-text tags for filtering.', examples: [['Setting expectations', 'Communication', 'Equity and inclusion']] }),
  themes: z.array(ThemeIdSchema).default([]).meta({ description: 'Ids of the curriculum themes it supports.', examples: [['aligning-expectations']] }),
  audiences: z.array(AudienceIdSchema).default([]).meta({ description: 'Ids of the audiences it is for.', examples: [['research-mentors-se-hs']] }),
  programs: z.array(ProgramIdSchema).default([]).meta({ description: 'Ids of the programs it belongs to.', examples: [['advancing-mentorship']] }),
  /** Workshops this resource came from or accompanies, e.g. the recording of a past event. */
  workshops: z.array(WorkshopIdSchema).optional().meta({ description: 'Ids of the workshops it came from or accompanies, e.g. the recording of a past event.', examples: [['making-the-most-of-mentorship']] }),
  /** Key points or contents, as listed on the page. */
  highlights: z.array(TextSchema).default([]).meta({ description: 'Key points or contents, as the page lists them.', examples: [['Aligning expectations', 'Fostering independence', 'Promoting professional development']] }),
  presenters: z.array(ResourcePresenterSchema).optional().meta({
    description: 'Who presents, moderates or performs in it, each with a role (authors stay in `authors`).',
    examples: [
      [
        { role: 'Presenter', person: 'jane-roe' },
        { role: 'Moderator', name: 'Ruben Gonzalez', note: 'Professor of Chemistry' },
      ],
    ],
  }),
  related: z.array(RelatedWorkSchema).optional().meta({
    description: 'Other works, under their own titles, that this one is a recording of, based on, accompanies, is part of or includes.',
    examples: [[{ relation: 'based-on', title: 'The Mentor’s Guide: Facilitating Effective Learning Relationships', citation: 'Fain and Zachary, 2022' }]],
  }),
  format: TextSchema.optional().meta({
    description: 'The file format of what the link opens: a short name (PDF, DOCX, PPTX) or a media type (application/pdf).',
    examples: ['PDF', 'DOCX', 'PPTX', 'application/pdf'],
  }),
  assumptions: AssumptionsSchema,
};

export const CourseModuleSchema = z
  .strictObject({
    title: TextSchema.meta({ description: 'Title of the module.', examples: ['Module 1: Aligning Expectations'] }),
    description: TextSchema.optional().meta({ description: 'What the module covers.', examples: ['Tools for discussing goals and expectations with a mentee.'] }),
    duration: IsoDurationSchema.optional().meta({ description: 'Time to complete the module, as an ISO 8601 duration.', examples: ['PT20M'] }),
  })
  .meta({ title: 'CourseModule' });
export type CourseModule = z.infer<typeof CourseModuleSchema>;

const withKind = <K extends ResourceKind>(kind: K) => ({ ...ResourceBase, kind: z.literal(kind).meta({ description: 'What sort of resource it is; decides which other fields apply.', examples: [kind] }) });
const runningTime = () => IsoDurationSchema.optional().meta({ description: 'Running time, as an ISO 8601 duration.', examples: ['PT12M', 'PT1H30M'] });

export const ResourceSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...withKind('video'), duration: runningTime() }),
    z.strictObject({
      ...withKind('video-series'),
      episodes: z
        .array(
          z.strictObject({
            title: TextSchema.meta({ description: 'Title of the episode.', examples: ['Aligning Expectations', 'Fostering Independence'] }),
            url: UrlSchema.optional(),
            duration: runningTime(),
          }),
        )
        .default([])
        .meta({ description: 'The episodes of the series, in order.' }),
    }),
    z.strictObject(withKind('article')),
    z.strictObject(withKind('report')),
    z.strictObject({
      ...withKind('book'),
      isbn: TextSchema.optional().meta({ description: 'The book’s ISBN.', examples: ['978-1-4641-8494-0'] }),
      year: z.int().optional().meta({ description: 'Year of the edition.', examples: [2015] }),
    }),
    z.strictObject(withKind('guide')),
    z.strictObject(withKind('worksheet')),
    z.strictObject({
      ...withKind('course'),
      selfPaced: z.boolean().default(true).meta({ description: 'Whether people take it at their own pace (false: it runs on a schedule).' }),
      platform: TextSchema.optional().meta({ description: 'Where the course runs.', examples: ['CourseWorks', 'Canvas'] }),
      modules: z.array(CourseModuleSchema).default([]).meta({ description: 'The course’s modules, in order.' }),
      /** Total time to complete; e.g. PT90M. */
      totalDuration: IsoDurationSchema.optional().meta({ description: 'Total time to complete it, as an ISO 8601 duration.', examples: ['PT90M'] }),
    }),
    z.strictObject(withKind('website')),
    z.strictObject({ ...withKind('recording'), duration: runningTime() }),
    z.strictObject({ ...withKind('template'), templateFor: z.enum(['compact', 'contract', 'plan', 'agreement', 'other']).default('other').meta({ description: 'What the template is for.' }) }),
    z.strictObject(withKind('checklist')),
    z.strictObject(withKind('document')),
    z.strictObject(withKind('slides')),
    z.strictObject(withKind('handout')),
  ])
  .meta({ title: 'Resource' });
export type Resource = z.infer<typeof ResourceSchema>;

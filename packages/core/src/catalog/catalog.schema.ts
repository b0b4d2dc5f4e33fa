import * as z from 'zod';
import { AudienceSchema, VocabulariesSchema } from '../audience/audience.schema.js';
import { AcademicCalendarSchema } from '../calendar/calendar.schema.js';
import { CurriculumSchema } from '../curriculum/curriculum.schema.js';
import { OrganizationSchema, PersonSchema } from '../people/people.schema.js';
import { ProgramSchema } from '../program/program.schema.js';
import { ResourceSchema } from '../resource/resource.schema.js';
import { RsvpPolicySchema } from '../rsvp/policy.schema.js';
import { TimeZoneSchema } from '../time/time.schema.js';
import { WorkshopSchema } from '../workshop/workshop.schema.js';
import { AssumptionsSchema, TextSchema, UrlSchema } from '../common/common.schema.js';

export const CATALOG_VERSION = 1;

/** Where the catalog's content was taken from (a page it was transcribed from). */
export const SourceSchema = z.strictObject({
  title: TextSchema.meta({
    description: 'Title of the source page.',
    examples: ['Advancing Mentorship Practices (Columbia University Center for Teaching and Learning)', 'Mentoring-Up Training Series'],
  }),
  url: UrlSchema.optional().meta({
    description: 'Where the source page is published.',
    examples: ['https://ctl.columbia.edu/advancing-mentorship', 'https://www.biomedpostdoc.ucla.edu/mentoring-up-training-series/'],
  }),
  retrieved: z.string().optional().meta({ description: 'When the source was read, as a date.', examples: ['2026-01-05'] }),
  note: TextSchema.optional().meta({
    description: 'How the content was taken from the source and what was missing.',
    examples: ['Transcribed from a copy of the page that lost its session headings, its FAQ questions and the end of its contact lines.'],
  }),
});

/**
 * The one input: everything an institution publishes about its mentoring programs. Entities refer to
 * each other by id; `parseCatalog` checks every reference.
 */
export const CatalogSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .meta({ description: 'Path or URL of catalog.schema.json, for editors.', examples: ['./catalog.schema.json', '../../../packages/core/schema/catalog.schema.json'] }),
    version: z.literal(CATALOG_VERSION, { error: `version must be ${CATALOG_VERSION}` }).meta({ description: 'Version of the catalog format.' }),
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
      .meta({ description: 'Id of this catalog, e.g. the institution.', examples: ['columbia-advancing-mentorship', 'mentoring-up'] }),
    title: TextSchema.meta({ description: 'Title of the catalog, as its page is titled.', examples: ['Advancing Mentorship Practices', 'Mentoring-Up Training Series'] }),
    description: TextSchema.optional().meta({
      description: 'One or two sentences on what the catalog offers.',
      examples: ['Supporting Mentors of Graduate Students and Postdocs at Columbia.'],
    }),
    publisher: z
      .string()
      .optional()
      .meta({ description: 'Id of the organization that publishes the catalog.', examples: ['ctl'] }),
    url: UrlSchema.optional().meta({ description: 'The page the catalog publishes.', examples: ['https://ctl.columbia.edu/advancing-mentorship'] }),
    /** Zone used where an entity gives none (calendars, absolute windows). */
    defaultTimeZone: TimeZoneSchema.meta({ description: 'IANA time zone used where an entity gives none (calendars, absolute RSVP windows).' }),
    /** Default language of the text, BCP 47. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .default('en')
      .meta({ description: 'Language of the text, as a BCP 47 tag.', examples: ['en', 'es', 'en-US'] }),
    sources: z.array(SourceSchema).default([]).meta({ description: 'Pages the content was taken from.' }),
    assumptions: AssumptionsSchema,
    vocabularies: VocabulariesSchema.default({ roles: [], fields: [] }),
    organizations: z.array(OrganizationSchema).default([]).meta({ description: 'Universities, offices, centers and outside organizations the catalog names.' }),
    people: z.array(PersonSchema).default([]).meta({ description: 'Presenters, contacts and authors.' }),
    audiences: z.array(AudienceSchema).default([]).meta({ description: 'Named groups of people that workshops, programs and resources are for.' }),
    calendars: z.array(AcademicCalendarSchema).default([]).meta({ description: 'Academic calendars whose terms RSVP windows may follow.' }),
    curricula: z.array(CurriculumSchema).default([]).meta({ description: 'Curricula that workshops are based on.' }),
    policies: z.array(RsvpPolicySchema).default([]).meta({ description: 'RSVP policies: who may RSVP, when, and who gets a seat.' }),
    programs: z.array(ProgramSchema).default([]).meta({ description: 'Initiatives and series that group workshops.' }),
    workshops: z.array(WorkshopSchema).default([]).meta({ description: 'Workshops, scheduled or offered on request.' }),
    resources: z.array(ResourceSchema).default([]).meta({ description: 'Videos, articles, guides, courses and recordings.' }),
  })
  .meta({
    title: 'mentorkit catalog',
    description: 'Workshops, sessions, curricula, audiences, rules and resources of university mentoring programs.',
  });

export type Catalog = z.infer<typeof CatalogSchema>;
/** What an author writes (defaults not yet applied). */
export type CatalogInput = z.input<typeof CatalogSchema>;

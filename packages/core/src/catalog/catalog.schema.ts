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
  title: TextSchema,
  url: UrlSchema.optional(),
  retrieved: z.string().optional(),
  note: TextSchema.optional(),
});

/**
 * The one input: everything an institution publishes about its mentoring programs. Entities refer to
 * each other by id; `parseCatalog` checks every reference.
 */
export const CatalogSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of catalog.schema.json, for editors.' }),
    version: z.literal(CATALOG_VERSION, { error: `version must be ${CATALOG_VERSION}` }),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/).meta({ description: 'Id of this catalog, e.g. the institution.' }),
    title: TextSchema,
    description: TextSchema.optional(),
    publisher: z.string().optional().meta({ description: 'Id of the organization that publishes the catalog.' }),
    url: UrlSchema.optional(),
    /** Zone used where an entity gives none (calendars, absolute windows). */
    defaultTimeZone: TimeZoneSchema,
    /** Default language of the text, BCP 47. */
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).default('en'),
    sources: z.array(SourceSchema).default([]),
    assumptions: AssumptionsSchema,
    vocabularies: VocabulariesSchema.default({ roles: [], fields: [] }),
    organizations: z.array(OrganizationSchema).default([]),
    people: z.array(PersonSchema).default([]),
    audiences: z.array(AudienceSchema).default([]),
    calendars: z.array(AcademicCalendarSchema).default([]),
    curricula: z.array(CurriculumSchema).default([]),
    policies: z.array(RsvpPolicySchema).default([]),
    programs: z.array(ProgramSchema).default([]),
    workshops: z.array(WorkshopSchema).default([]),
    resources: z.array(ResourceSchema).default([]),
  })
  .meta({
    title: 'mentorkit catalog',
    description: 'Workshops, sessions, curricula, audiences, rules and resources of university mentoring programs.',
  });

export type Catalog = z.infer<typeof CatalogSchema>;
/** What an author writes (defaults not yet applied). */
export type CatalogInput = z.input<typeof CatalogSchema>;

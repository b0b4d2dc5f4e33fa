import * as z from 'zod';
import { AssumptionsSchema, EmailSchema, ImageSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import {
  AudienceIdSchema,
  CurriculumIdSchema,
  ObjectiveIdSchema,
  OrganizationIdSchema,
  PersonIdSchema,
  PolicyIdSchema,
  ProgramIdSchema,
  ThemeIdSchema,
  UnitIdSchema,
  VariantIdSchema,
  WorkshopIdSchema,
} from '../common/ids.js';
import { RuleSchema } from '../rules/rules.schema.js';
import { SessionSchema } from '../session/session.schema.js';
import { LocalDateSchema } from '../time/time.schema.js';

export const MODALITIES = ['online', 'in-person', 'hybrid'] as const;
export const ModalitySchema = z.enum(MODALITIES);
export type Modality = z.infer<typeof ModalitySchema>;

export const PRESENTER_ROLES = ['facilitator', 'panelist', 'speaker', 'keynote', 'moderator', 'performer', 'host'] as const;
export const PresenterRoleSchema = z.enum(PRESENTER_ROLES);
export type PresenterRole = z.infer<typeof PresenterRoleSchema>;

/** Someone who leads or speaks: a person, an organization (a troupe, a center's facilitators), or a description. */
export const PresenterSchema = z
  .strictObject({
    role: PresenterRoleSchema,
    person: PersonIdSchema.optional(),
    organization: OrganizationIdSchema.optional(),
    /** For presenters that are not catalog entities: "selected mentees accompanying these mentors". */
    name: TextSchema.optional(),
    note: TextSchema.optional(),
  })
  .refine((p) => [p.person, p.organization, p.name].filter((x) => x !== undefined).length === 1, {
    error: 'a presenter is exactly one of person, organization or name',
  })
  .meta({ title: 'Presenter' });
export type Presenter = z.infer<typeof PresenterSchema>;

/** An objective written on the workshop, or a reference to one in a curriculum theme. */
export const WorkshopObjectiveSchema = z
  .union([
    z.strictObject({ statement: TextSchema, code: TextSchema.optional() }),
    z.strictObject({ ref: ObjectiveIdSchema }),
  ])
  .meta({ title: 'WorkshopObjective' });
export type WorkshopObjective = z.infer<typeof WorkshopObjectiveSchema>;

export const FormatSchema = z
  .strictObject({
    durationMinutes: z.int().positive(),
    label: TextSchema.optional().meta({ examples: ['60-minute workshop'] }),
  })
  .meta({ title: 'Format' });
export type Format = z.infer<typeof FormatSchema>;

export const BasedOnSchema = z
  .strictObject({
    curriculum: CurriculumIdSchema,
    themes: z.array(ThemeIdSchema).optional(),
    unit: UnitIdSchema.optional(),
    variant: VariantIdSchema.optional(),
  })
  .meta({ title: 'BasedOn' });
export type BasedOn = z.infer<typeof BasedOnSchema>;

const WorkshopBase = {
  id: WorkshopIdSchema,
  title: TextSchema,
  /** One sentence for lists and cards. */
  summary: TextSchema.optional(),
  description: TextSchema.optional(),
  /** What happened, written after the event (for past workshops). */
  recap: TextSchema.optional(),
  image: ImageSchema.optional(),
  url: UrlSchema.optional(),
  programs: z.array(ProgramIdSchema).default([]),
  audiences: z.array(AudienceIdSchema).default([]),
  /** Free-text audience as published, kept alongside the structured audiences. */
  audienceText: TextSchema.optional(),
  objectives: z.array(WorkshopObjectiveSchema).default([]),
  /** Lead-in for the objectives, e.g. "In this workshop, mentors will explore how to:". */
  objectivesIntro: TextSchema.optional(),
  themes: z.array(ThemeIdSchema).default([]),
  basedOn: BasedOnSchema.optional(),
  presenters: z.array(PresenterSchema).default([]),
  hosts: z.array(OrganizationIdSchema).default([]),
  formats: z.array(FormatSchema).default([]),
  modality: ModalitySchema.optional(),
  notes: z.array(TextSchema).default([]).meta({ description: 'Short practical notes, e.g. "Breakfast provided".' }),
  assumptions: AssumptionsSchema,
};

export const ScheduledWorkshopSchema = z
  .strictObject({
    ...WorkshopBase,
    kind: z.literal('scheduled'),
    /** Overrides the program's policy. */
    rsvpPolicy: PolicyIdSchema.optional(),
    capacity: z.int().positive().optional(),
    sessions: z.array(SessionSchema).default([]),
    /** When dates were never published: roughly when it was last held (YYYY, YYYY-MM or a date). */
    lastHeld: z
      .union([z.string().regex(/^\d{4}(-\d{2})?$/, { error: 'expected YYYY, YYYY-MM or YYYY-MM-DD' }), LocalDateSchema])
      .optional(),
    /** Prose schedule where no dates are published: "Offered twice a year". */
    scheduleText: TextSchema.optional(),
  })
  .meta({ title: 'ScheduledWorkshop' });
export type ScheduledWorkshop = z.infer<typeof ScheduledWorkshopSchema>;

export const REQUEST_METHODS = ['email', 'form', 'url', 'contact'] as const;
export const RequestSchema = z
  .strictObject({
    /** Who may request it, as a rule over facts (e.g. role in [department-chair, program-director]). */
    eligibility: RuleSchema.optional(),
    /** Who may request it, in the page's words. */
    whoText: TextSchema.optional(),
    method: z.enum(REQUEST_METHODS),
    email: EmailSchema.optional(),
    url: UrlSchema.optional(),
    instructions: TextSchema.optional(),
    /** Typical lead time, e.g. "Request at least four weeks ahead". */
    leadTime: TextSchema.optional(),
  })
  .refine((r) => r.method !== 'email' || r.email !== undefined, { error: 'method email needs an email', path: ['email'] })
  .refine((r) => !(r.method === 'form' || r.method === 'url') || r.url !== undefined, {
    error: 'method form or url needs a url',
    path: ['url'],
  })
  .meta({ title: 'Request' });
export type Request = z.infer<typeof RequestSchema>;

/** An offering with no dates: booked on request (workshops to go, consultations). */
export const RequestOnlyWorkshopSchema = z
  .strictObject({
    ...WorkshopBase,
    kind: z.literal('request-only'),
    request: RequestSchema,
  })
  .meta({ title: 'RequestOnlyWorkshop' });
export type RequestOnlyWorkshop = z.infer<typeof RequestOnlyWorkshopSchema>;

export const WorkshopSchema = z
  .discriminatedUnion('kind', [ScheduledWorkshopSchema, RequestOnlyWorkshopSchema])
  .meta({ title: 'Workshop' });
export type Workshop = z.infer<typeof WorkshopSchema>;

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
import { StatedDurationSchema } from '../time/duration.schema.js';
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
    role: PresenterRoleSchema.meta({ description: 'What the presenter does in the workshop.' }),
    person: PersonIdSchema.optional().meta({ description: 'Id of the person presenting.', examples: ['ruben-gonzalez', 'lisa-fain'] }),
    organization: OrganizationIdSchema.optional().meta({ description: 'Id of the organization presenting (a troupe, a center’s facilitators).', examples: ['ctl', 'crlt-players'] }),
    /** For presenters that are not catalog entities: "selected mentees accompanying these mentors". */
    name: TextSchema.optional().meta({ description: 'Who presents, when they are not in the catalog.', examples: ['selected mentees accompanying these mentors'] }),
    note: TextSchema.optional().meta({ description: 'More about the presenter.', examples: ['CTL facilitators trained by CIMER'] }),
  })
  .refine((p) => [p.person, p.organization, p.name].filter((x) => x !== undefined).length === 1, {
    error: 'a presenter is exactly one of person, organization or name',
  })
  .meta({ title: 'Presenter' });
export type Presenter = z.infer<typeof PresenterSchema>;

/** An objective written on the workshop, or a reference to one in a curriculum theme. */
export const WorkshopObjectiveSchema = z
  .union([
    z.strictObject({
      statement: TextSchema.meta({
        description: 'What participants will be able to do.',
        examples: ['Get to know their mentees as whole individuals', 'Co-construct an action plan for the upcoming semester.'],
      }),
      code: TextSchema.optional().meta({ description: 'A code for the objective in an outcomes framework.', examples: ['AE-1'] }),
    }),
    z.strictObject({ ref: ObjectiveIdSchema.meta({ description: 'Id of a learning objective of a curriculum theme.' }) }),
  ])
  .meta({ title: 'WorkshopObjective' });
export type WorkshopObjective = z.infer<typeof WorkshopObjectiveSchema>;

/**
 * A length the workshop is offered in: an exact number of minutes, or a stated duration for what minutes
 * cannot say without inventing them ("Half day", "Full day", "2–3 days"). Exactly one of the two, as a
 * curriculum's delivery option states its length.
 */
export const FormatSchema = z
  .strictObject({
    durationMinutes: z.int().positive().optional().meta({
      description: 'Length in minutes, where the page gives one exact number of minutes; for half days, days or ranges use `duration`.',
      examples: [60, 90],
    }),
    duration: StatedDurationSchema.optional().meta({
      description: 'Length as the page states it: minutes, hours, a range, half days or days, with the author’s label; instead of `durationMinutes`.',
      examples: [{ unit: 'half-days', amount: 1, label: 'Half day' }, { unit: 'days', amount: 1, label: 'Full day' }, { unit: 'days', min: 2, max: 3 }],
    }),
    label: TextSchema.optional().meta({ description: 'The format in the page’s words.', examples: ['60-minute workshop', '90-minute workshop', 'Half day'] }),
  })
  .superRefine((f, ctx) => {
    if (f.durationMinutes !== undefined && f.duration !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'give the length once: durationMinutes or duration (which also states ranges, days and labels), not both' });
    } else if (f.durationMinutes === undefined && f.duration === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['durationMinutes'],
        message: 'a format needs its length: durationMinutes (one exact number of minutes) or duration (minutes, hours, half days or days, e.g. { unit: "half-days", amount: 1, label: "Half day" })',
      });
    }
  })
  .meta({ title: 'Format' });
export type Format = z.infer<typeof FormatSchema>;

export const BasedOnSchema = z
  .strictObject({
    curriculum: CurriculumIdSchema.meta({ description: 'Id of the curriculum.' }),
    themes: z.array(ThemeIdSchema).optional().meta({ description: 'Ids of the curriculum’s themes it teaches.', examples: [['addressing-equity-and-inclusion']] }),
    unit: UnitIdSchema.optional().meta({ description: 'Id of the curriculum unit (session plan) it follows.' }),
    variant: VariantIdSchema.optional().meta({ description: 'Id of the curriculum variant (version) it follows.' }),
  })
  .meta({ title: 'BasedOn' });
export type BasedOn = z.infer<typeof BasedOnSchema>;

const WorkshopBase = {
  id: WorkshopIdSchema,
  title: TextSchema.meta({
    description: 'Title of the workshop.',
    examples: ['Preparing for a New Semester of Mentoring', 'Entering Mentoring: Addressing Equity and Inclusion'],
  }),
  /** One sentence for lists and cards. */
  summary: TextSchema.optional().meta({
    description: 'One sentence for lists and cards.',
    examples: ['A 60-minute workshop for faculty and research officers mentoring graduate student and postdoc researchers.'],
  }),
  description: TextSchema.optional().meta({
    description: 'The full description; separate paragraphs with a blank line.',
    examples: [
      'Self-efficacy is the perceived confidence people have in their ability to perform a specific task or skill. Participants will gain strategies for bolstering their research confidence and minimizing self-doubt.',
    ],
  }),
  /** What happened, written after the event (for past workshops). */
  recap: TextSchema.optional().meta({
    description: 'What happened, written after the event.',
    examples: [
      'The CTL invited research mentors of graduate students and postdocs to join this workshop, which explored three strategies for creating meaningful and productive relationships with mentees.',
    ],
  }),
  image: ImageSchema.optional(),
  url: UrlSchema.optional().meta({ description: 'The workshop’s own page.', examples: ['https://ctl.columbia.edu/advancing-mentorship'] }),
  programs: z
    .array(ProgramIdSchema)
    .default([])
    .meta({ description: 'Ids of the programs it belongs to.', examples: [['advancing-mentorship-practices', 'entering-mentoring-series']] }),
  audiences: z.array(AudienceIdSchema).default([]).meta({ description: 'Ids of the audiences it is for.', examples: [['research-mentors-se-hs']] }),
  /** Free-text audience as published, kept alongside the structured audiences. */
  audienceText: TextSchema.optional().meta({
    description: 'Who it is for, as published; kept beside the structured audiences.',
    examples: ['faculty and research officers mentoring graduate student and postdoc researchers'],
  }),
  objectives: z.array(WorkshopObjectiveSchema).default([]).meta({ description: 'Learning objectives, written here or referring to a curriculum theme’s.' }),
  /** Lead-in for the objectives, e.g. "In this workshop, mentors will explore how to:". */
  objectivesIntro: TextSchema.optional().meta({
    description: 'Lead-in the objectives complete.',
    examples: ['In this workshop, mentors will explore how to:', 'Mentees will have the knowledge and skills to:'],
  }),
  themes: z.array(ThemeIdSchema).default([]).meta({ description: 'Ids of the curriculum themes it teaches.', examples: [['fostering-independence']] }),
  basedOn: BasedOnSchema.optional().meta({ description: 'The curriculum, themes and variant it follows.' }),
  presenters: z.array(PresenterSchema).default([]).meta({ description: 'Who leads, speaks or performs.' }),
  hosts: z.array(OrganizationIdSchema).default([]).meta({ description: 'Ids of the organizations that host it.', examples: [['ctl']] }),
  formats: z.array(FormatSchema).default([]).meta({ description: 'The lengths it is offered in.' }),
  modality: ModalitySchema.optional().meta({ description: 'Online, in person or both; absent: not published.' }),
  notes: z
    .array(TextSchema)
    .default([])
    .meta({
      description: 'Short practical notes, e.g. "Breakfast provided".',
      examples: [['Breakfast was provided to registered participants.', 'Discussion guides were included to prompt active discussion and encourage community.']],
    }),
  assumptions: AssumptionsSchema,
};

export const ScheduledWorkshopSchema = z
  .strictObject({
    ...WorkshopBase,
    kind: z.literal('scheduled').meta({ description: 'Held on dates (which may be unpublished or past).' }),
    /** Overrides the program's policy. */
    rsvpPolicy: PolicyIdSchema.optional().meta({ description: 'Id of its RSVP policy; overrides the program’s.' }),
    capacity: z.int().positive().optional().meta({ description: 'Seats per session; overrides the policy’s capacity.', examples: [30] }),
    sessions: z.array(SessionSchema).default([]).meta({ description: 'When and where it is held; empty when no dates are published.' }),
    /** When dates were never published: roughly when it was last held (YYYY, YYYY-MM or a date). */
    lastHeld: z
      .union([z.string().regex(/^\d{4}(-\d{2})?$/, { error: 'expected YYYY, YYYY-MM or YYYY-MM-DD' }), LocalDateSchema])
      .optional()
      .meta({ description: 'When no dates are published: roughly when it was last held (YYYY, YYYY-MM or a date).', examples: ['2022', '2023-04', '2023-04-11'] }),
    /** Prose schedule where no dates are published: "Offered twice a year". */
    scheduleText: TextSchema.optional().meta({
      description: 'The schedule in words, where no dates are published.',
      examples: ['Offered twice a year', 'Past event; the date was not published.'],
    }),
  })
  .meta({ title: 'ScheduledWorkshop' });
export type ScheduledWorkshop = z.infer<typeof ScheduledWorkshopSchema>;

export const REQUEST_METHODS = ['email', 'form', 'url', 'contact'] as const;
export const RequestSchema = z
  .strictObject({
    /** Who may request it, as a rule over facts (e.g. role in [department-chair, program-director]). */
    eligibility: RuleSchema.optional().meta({ description: 'Who may request it, as a rule; absent: anyone.' }),
    /** Who may request it, in the page's words. */
    whoText: TextSchema.optional().meta({ description: 'Who may request it, in the page’s words.', examples: ['Department chairs and program directors'] }),
    method: z.enum(REQUEST_METHODS).meta({ description: 'How to request it: by email, a form, a page, or through the contacts.' }),
    email: EmailSchema.optional().meta({ description: 'Where to write; needed with method email.', examples: ['ctl@columbia.edu'] }),
    url: UrlSchema.optional().meta({ description: 'The form or page; needed with method form or url.', examples: ['https://ctl.columbia.edu/advancing-mentorship'] }),
    instructions: TextSchema.optional().meta({ description: 'What to do, in the page’s words.', examples: ['Reach out today to get started!'] }),
    /** Typical lead time, e.g. "Request at least four weeks ahead". */
    leadTime: TextSchema.optional().meta({ description: 'How far ahead to ask.', examples: ['Request at least four weeks ahead'] }),
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
    kind: z.literal('request-only').meta({ description: 'No dates: offered on request.' }),
    request: RequestSchema.meta({ description: 'Who may request it and how.' }),
  })
  .meta({ title: 'RequestOnlyWorkshop' });
export type RequestOnlyWorkshop = z.infer<typeof RequestOnlyWorkshopSchema>;

export const WorkshopSchema = z
  .discriminatedUnion('kind', [ScheduledWorkshopSchema, RequestOnlyWorkshopSchema])
  .meta({ title: 'Workshop' });
export type Workshop = z.infer<typeof WorkshopSchema>;

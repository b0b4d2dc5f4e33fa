import * as z from 'zod';
import { TextSchema } from '../common/common.schema.js';
import { CalendarIdSchema, PolicyIdSchema, QuestionIdSchema, TierIdSchema } from '../common/ids.js';
import { RuleSchema } from '../rules/rules.schema.js';
import { IsoDurationSchema, LocalDateTimeSchema, LocalTimeSchema, TimeZoneSchema } from '../time/time.schema.js';

const edge = (of: string) =>
  z
    .enum(['start', 'end'])
    .default('start')
    .meta({ description: `Which edge of the ${of} the boundary is counted from.` });
const before = (of: string) =>
  IsoDurationSchema.optional().meta({ description: `How long before that edge of the ${of} (ISO 8601 duration).`, examples: ['PT24H', 'P7D'] });
const after = (of: string) =>
  IsoDurationSchema.optional().meta({ description: `How long after that edge of the ${of} (ISO 8601 duration).`, examples: ['PT1H', 'P1D'] });

/**
 * When an RSVP window opens or closes. Absolute, relative to the session, or relative to the academic
 * term ("RSVP opens at the start of each quarter").
 */
export const WindowBoundarySchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('absolute').meta({ description: 'A fixed date and time.' }),
        at: LocalDateTimeSchema.meta({ description: 'The wall-clock date and time.', examples: ['2022-09-19T09:00', '2026-01-05T00:00'] }),
        /** Defaults to the session's zone. */
        timeZone: TimeZoneSchema.optional().meta({ description: 'IANA time zone of `at`; absent: the session’s zone.' }),
      })
      .meta({ title: 'AbsoluteBoundary' }),
    z
      .strictObject({
        kind: z.literal('session').meta({ description: 'Counted from each session’s start or end.' }),
        edge: edge('session'),
        /** How long before the edge; e.g. PT24H for "closes 24 hours before". */
        before: before('session'),
        after: after('session'),
      })
      .refine((b) => !(b.before !== undefined && b.after !== undefined), { error: 'give before or after, not both' })
      .meta({ title: 'SessionRelativeBoundary' }),
    z
      .strictObject({
        kind: z.literal('term').meta({ description: 'Counted from the academic term a session falls in.' }),
        calendar: CalendarIdSchema.meta({ description: 'Id of the academic calendar whose terms count.' }),
        edge: edge('term'),
        /** Which term: the one containing the session (default) or the one before it. */
        term: z
          .enum(['containing', 'previous'])
          .default('containing')
          .meta({ description: 'Which term: the one containing the session, or the one before it.' }),
        /** Wall-clock time on the term's first/last day; default 00:00 for start, 23:59 for end. */
        time: LocalTimeSchema.optional().meta({
          description: 'Wall-clock time on the term’s first or last day; absent: 00:00 for start, 23:59 for end.',
          examples: ['09:00', '17:00'],
        }),
        before: before('term'),
        after: after('term'),
      })
      .refine((b) => !(b.before !== undefined && b.after !== undefined), { error: 'give before or after, not both' })
      .meta({ title: 'TermRelativeBoundary' }),
  ])
  .meta({ title: 'WindowBoundary' });
export type WindowBoundary = z.infer<typeof WindowBoundarySchema>;

export const RsvpWindowSchema = z
  .strictObject({
    opens: WindowBoundarySchema.optional().meta({ description: 'Absent: open as soon as published.' }),
    closes: WindowBoundarySchema.optional().meta({ description: 'Absent: closes when the session starts.' }),
  })
  .meta({ title: 'RsvpWindow' });
export type RsvpWindow = z.infer<typeof RsvpWindowSchema>;

/** An ordered priority tier: the first tier whose condition matches is the person's tier. */
export const PriorityTierSchema = z
  .strictObject({
    id: TierIdSchema,
    label: TextSchema.meta({
      description: 'The tier in the page’s words.',
      examples: [
        'First priority will be given to graduate students and postdocs who are in the biosciences.',
        'Second priority will be given to graduate students and postdocs of any discipline.',
      ],
    }),
    when: z.lazy(() => RuleSchema).meta({ description: 'Who is in this tier; the first tier whose rule holds is the person’s.' }),
    /** This tier's own opening (e.g. tier 2 opens a week later). */
    opens: WindowBoundarySchema.optional().meta({ description: 'When RSVP opens for this tier, if not with the window.' }),
    /** Seats held for this tier until allocation. */
    reservedSeats: z.int().nonnegative().optional().meta({ description: 'Seats held for this tier until allocation.', examples: [5, 10] }),
  })
  .meta({ title: 'PriorityTier' });
export type PriorityTier = z.infer<typeof PriorityTierSchema>;

export const ALLOCATION_MODES = ['first-come', 'at-close'] as const;
export const AllocationSchema = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('first-come').meta({ description: 'Seats go to people as they RSVP.' }) }),
    z.strictObject({
      mode: z.literal('at-close').meta({ description: 'Seats are given when RSVP closes, tier by tier.' }),
      /** Within a tier: by request time, or by a lottery seeded so the draw can be re-run and audited. */
      order: z
        .enum(['time', 'lottery'])
        .default('time')
        .meta({ description: 'Within a tier: by time of request, or by a lottery that can be re-run and audited.' }),
      seed: z.string().optional().meta({ description: 'Seed of the lottery, so that the draw can be repeated.', examples: ['fall-2022', 'mentoring-up-2023-02-01'] }),
    }),
  ])
  .meta({ title: 'Allocation' });
export type Allocation = z.infer<typeof AllocationSchema>;

export const PROMOTION_POLICIES = ['strict-order', 'fill-capacity'] as const;
export const WaitlistSchema = z
  .strictObject({
    enabled: z.boolean().default(true).meta({ description: 'Whether people may join a waitlist when the seats are taken.' }),
    limit: z.int().positive().optional().meta({ description: 'Most people on the waitlist; absent: no limit.', examples: [10, 20] }),
    /** strict-order: only the head of the list moves up; fill-capacity: skip people who cannot take the seat. */
    promotion: z
      .enum(PROMOTION_POLICIES)
      .default('strict-order')
      .meta({ description: 'strict-order: only the head of the list moves up; fill-capacity: people who cannot take the seat are skipped.' }),
    /**
     * How a freed seat reaches the next person: absent, they are confirmed at once; with an offer, they are
     * offered the seat for this long (ISO 8601 duration, e.g. PT24H) and it passes on if they do not accept.
     */
    offer: z
      .strictObject({
        expiresAfter: IsoDurationSchema.meta({ description: 'How long the offer stands (ISO 8601 duration).', examples: ['PT24H', 'PT2H'] }),
      })
      .optional()
      .meta({ description: 'A time-limited offer instead of automatic confirmation when a seat frees up.' }),
  })
  .meta({ title: 'Waitlist' });
export type Waitlist = z.infer<typeof WaitlistSchema>;

const QuestionBase = {
  id: QuestionIdSchema,
  label: TextSchema.meta({ description: 'The question as the form asks it.', examples: ['Dietary needs', 'What would you like to discuss?'] }),
  help: TextSchema.optional().meta({ description: 'A hint shown under the question.', examples: ['Breakfast is provided to registered participants.'] }),
  required: z.boolean().default(false).meta({ description: 'Whether an answer is needed to RSVP.' }),
};
const questionType = <const T extends string>(type: T, what: string) => z.literal(type).meta({ description: what });
const maxLength = z.int().positive().optional().meta({ description: 'Most characters an answer may have.', examples: [200, 2000] });
const options = z
  .array(TextSchema)
  .min(1)
  .meta({ description: 'The answers to choose from.', examples: [['None', 'Vegetarian', 'Vegan', 'Gluten-free']] });
export const QuestionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ ...QuestionBase, type: questionType('text', 'A one-line answer.'), maxLength }),
    z.strictObject({ ...QuestionBase, type: questionType('textarea', 'An answer of several lines.'), maxLength }),
    z.strictObject({ ...QuestionBase, type: questionType('select', 'One answer from a list.'), options }),
    z.strictObject({ ...QuestionBase, type: questionType('multi-select', 'Any answers from a list.'), options }),
    z.strictObject({ ...QuestionBase, type: questionType('checkbox', 'A yes or no answer.') }),
  ])
  .meta({ title: 'Question' });
export type Question = z.infer<typeof QuestionSchema>;

export const STANDARD_FIELDS = ['name', 'email', 'role', 'field', 'department', 'institution'] as const;
export const StandardFieldSchema = z.enum(STANDARD_FIELDS);
export type StandardField = z.infer<typeof StandardFieldSchema>;

/** required: only people signed in at the campus provider may RSVP; optional: signing in fills in who they are. */
export const SIGN_IN_MODES = ['required', 'optional'] as const;
export const SignInModeSchema = z.enum(SIGN_IN_MODES);
export type SignInMode = z.infer<typeof SignInModeSchema>;

/** Everything that decides who may RSVP, when, and who gets a seat. */
export const RsvpPolicySchema = z
  .strictObject({
    id: PolicyIdSchema,
    name: TextSchema.optional().meta({ description: 'A name for authors and the console.', examples: ['Mentoring Up RSVP'] }),
    /** Who may RSVP at all. Absent: everyone. */
    eligibility: RuleSchema.optional().meta({ description: 'Who may RSVP at all; absent: everyone.' }),
    /** Why the rule exists, in the institution's words ("You must be a graduate student or postdoc."). */
    eligibilityText: TextSchema.optional().meta({
      description: 'Who may RSVP, in the institution’s words.',
      examples: ['You must be a graduate student or postdoc.'],
    }),
    priority: z.array(PriorityTierSchema).default([]).meta({ description: 'Priority tiers, first tier first.' }),
    window: RsvpWindowSchema.default({}).meta({ description: 'When RSVP opens and closes.' }),
    /** Seats per session; absent means unlimited. A workshop or session may override it. */
    capacity: z
      .int()
      .positive()
      .optional()
      .meta({ description: 'Seats per session; absent: unlimited. A workshop or session may set its own.', examples: [30, 40] }),
    waitlist: WaitlistSchema.optional().meta({ description: 'A waitlist for when the seats are taken; absent: none.' }),
    allocation: AllocationSchema.default({ mode: 'first-come' }).meta({ description: 'How seats are given: as people RSVP, or when RSVP closes.' }),
    fields: z
      .array(StandardFieldSchema)
      .default(['name', 'email'])
      .meta({ description: 'What the RSVP form asks of everyone.', examples: [['name', 'email', 'role', 'field']] }),
    /**
     * Sign-in at the campus provider (see the server's docs/sign-in.md). With it, the facts the rules read
     * come from the provider's claims, not from what the person types, except those in `selfReported`.
     * Absent: no sign-in; people type who they are.
     */
    signIn: SignInModeSchema.optional().meta({ description: 'required: only signed-in people may RSVP; optional: signing in is offered. Absent: no sign-in.' }),
    /** Facts a signed-in person may still type (e.g. `field`, which no provider releases). Only with `signIn`. */
    selfReported: z.array(StandardFieldSchema).optional().meta({ description: 'Fields a signed-in person may still fill in themselves; every other fact comes from their sign-in.', examples: [['field']] }),
    questions: z.array(QuestionSchema).default([]).meta({ description: 'Questions of the RSVP form beyond the standard fields.' }),
    /** One RSVP covers every session of a series; a person may opt out of single sessions. */
    seriesRegistration: z
      .boolean()
      .default(false)
      .meta({ description: 'One RSVP covers every session of a series; a person may opt out of single sessions.' }),
    /**
     * Reminder emails to everyone holding a place, this long before each session starts, counted in the
     * session's time zone (P1D is the same local time the day before, across a clock change).
     */
    reminders: z
      .array(IsoDurationSchema)
      .max(4)
      .optional()
      .meta({ description: 'Reminders this long before each session (ISO 8601 durations).', examples: [['P1D', 'PT1H']] }),
  })
  .refine((p) => p.selfReported === undefined || p.signIn !== undefined, { error: 'selfReported lists what a signed-in person may type: set signIn too', path: ['selfReported'] })
  .meta({ title: 'RsvpPolicy' });
export type RsvpPolicy = z.infer<typeof RsvpPolicySchema>;

import * as z from 'zod';
import { TextSchema } from '../common/common.schema.js';
import { CalendarIdSchema, PolicyIdSchema, QuestionIdSchema, TierIdSchema } from '../common/ids.js';
import { RuleSchema } from '../rules/rules.schema.js';
import { IsoDurationSchema, LocalDateTimeSchema, LocalTimeSchema, TimeZoneSchema } from '../time/time.schema.js';

/**
 * When an RSVP window opens or closes. Absolute, relative to the session, or relative to the academic
 * term ("RSVP opens at the start of each quarter").
 */
export const WindowBoundarySchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('absolute'),
        at: LocalDateTimeSchema,
        /** Defaults to the session's zone. */
        timeZone: TimeZoneSchema.optional(),
      })
      .meta({ title: 'AbsoluteBoundary' }),
    z
      .strictObject({
        kind: z.literal('session'),
        edge: z.enum(['start', 'end']).default('start'),
        /** How long before the edge; e.g. PT24H for "closes 24 hours before". */
        before: IsoDurationSchema.optional(),
        after: IsoDurationSchema.optional(),
      })
      .refine((b) => !(b.before !== undefined && b.after !== undefined), { error: 'give before or after, not both' })
      .meta({ title: 'SessionRelativeBoundary' }),
    z
      .strictObject({
        kind: z.literal('term'),
        calendar: CalendarIdSchema,
        edge: z.enum(['start', 'end']).default('start'),
        /** Which term: the one containing the session (default) or the one before it. */
        term: z.enum(['containing', 'previous']).default('containing'),
        /** Wall-clock time on the term's first/last day; default 00:00 for start, 23:59 for end. */
        time: LocalTimeSchema.optional(),
        before: IsoDurationSchema.optional(),
        after: IsoDurationSchema.optional(),
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
    label: TextSchema,
    when: RuleSchema,
    /** This tier's own opening (e.g. tier 2 opens a week later). */
    opens: WindowBoundarySchema.optional(),
    /** Seats held for this tier until allocation. */
    reservedSeats: z.int().nonnegative().optional(),
  })
  .meta({ title: 'PriorityTier' });
export type PriorityTier = z.infer<typeof PriorityTierSchema>;

export const ALLOCATION_MODES = ['first-come', 'at-close'] as const;
export const AllocationSchema = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('first-come') }),
    z.strictObject({
      mode: z.literal('at-close'),
      /** Within a tier: by request time, or by a lottery seeded so the draw can be re-run and audited. */
      order: z.enum(['time', 'lottery']).default('time'),
      seed: z.string().optional(),
    }),
  ])
  .meta({ title: 'Allocation' });
export type Allocation = z.infer<typeof AllocationSchema>;

export const PROMOTION_POLICIES = ['strict-order', 'fill-capacity'] as const;
export const WaitlistSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    limit: z.int().positive().optional(),
    /** strict-order: only the head of the list moves up; fill-capacity: skip people who cannot take the seat. */
    promotion: z.enum(PROMOTION_POLICIES).default('strict-order'),
    /**
     * How a freed seat reaches the next person: absent, they are confirmed at once; with an offer, they are
     * offered the seat for this long (ISO 8601 duration, e.g. PT24H) and it passes on if they do not accept.
     */
    offer: z
      .strictObject({ expiresAfter: IsoDurationSchema.meta({ examples: ['PT24H', 'PT2H'] }) })
      .optional()
      .meta({ description: 'A time-limited offer instead of automatic confirmation when a seat frees up.' }),
  })
  .meta({ title: 'Waitlist' });
export type Waitlist = z.infer<typeof WaitlistSchema>;

const QuestionBase = {
  id: QuestionIdSchema,
  label: TextSchema,
  help: TextSchema.optional(),
  required: z.boolean().default(false),
};
export const QuestionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ ...QuestionBase, type: z.literal('text'), maxLength: z.int().positive().optional() }),
    z.strictObject({ ...QuestionBase, type: z.literal('textarea'), maxLength: z.int().positive().optional() }),
    z.strictObject({ ...QuestionBase, type: z.literal('select'), options: z.array(TextSchema).min(1) }),
    z.strictObject({ ...QuestionBase, type: z.literal('multi-select'), options: z.array(TextSchema).min(1) }),
    z.strictObject({ ...QuestionBase, type: z.literal('checkbox') }),
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
    name: TextSchema.optional(),
    /** Who may RSVP at all. Absent: everyone. */
    eligibility: RuleSchema.optional(),
    /** Why the rule exists, in the institution's words ("You must be a graduate student or postdoc."). */
    eligibilityText: TextSchema.optional(),
    priority: z.array(PriorityTierSchema).default([]),
    window: RsvpWindowSchema.default({}),
    /** Seats per session; absent means unlimited. A workshop or session may override it. */
    capacity: z.int().positive().optional(),
    waitlist: WaitlistSchema.optional(),
    allocation: AllocationSchema.default({ mode: 'first-come' }),
    fields: z.array(StandardFieldSchema).default(['name', 'email']),
    /**
     * Sign-in at the campus provider (see the server's docs/sign-in.md). With it, the facts the rules read
     * come from the provider's claims, not from what the person types, except those in `selfReported`.
     * Absent: no sign-in; people type who they are.
     */
    signIn: SignInModeSchema.optional().meta({ description: 'required: only signed-in people may RSVP; optional: signing in is offered. Absent: no sign-in.' }),
    /** Facts a signed-in person may still type (e.g. `field`, which no provider releases). Only with `signIn`. */
    selfReported: z.array(StandardFieldSchema).optional().meta({ description: 'Fields a signed-in person may still fill in themselves; every other fact comes from their sign-in.', examples: [['field']] }),
    questions: z.array(QuestionSchema).default([]),
    /** One RSVP covers every session of a series; a person may opt out of single sessions. */
    seriesRegistration: z.boolean().default(false),
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

import * as z from 'zod';
import { AccessSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import { SessionIdSchema, ThemeIdSchema } from '../common/ids.js';
import { LocalDateTimeSchema, TimeZoneSchema } from '../time/time.schema.js';

export const SESSION_STATUSES = ['scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online'] as const;
export const SessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const LocationSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('online'),
        /** Zoom, Teams, Panopto live … */
        platform: TextSchema.optional(),
        /** Join link; often sent only to registered people, so optional. */
        url: UrlSchema.optional(),
        instructions: TextSchema.optional(),
      })
      .meta({ title: 'OnlineLocation' }),
    z
      .strictObject({
        kind: z.literal('in-person'),
        venue: TextSchema,
        room: TextSchema.optional(),
        address: TextSchema.optional(),
        campus: TextSchema.optional(),
        url: UrlSchema.optional(),
      })
      .meta({ title: 'PlaceLocation' }),
    z
      .strictObject({
        kind: z.literal('hybrid'),
        venue: TextSchema,
        room: TextSchema.optional(),
        address: TextSchema.optional(),
        platform: TextSchema.optional(),
        url: UrlSchema.optional(),
      })
      .meta({ title: 'HybridLocation' }),
  ])
  .meta({ title: 'Location' });
export type Location = z.infer<typeof LocationSchema>;

export const RecordingSchema = z
  .strictObject({
    url: UrlSchema,
    access: AccessSchema,
    title: TextSchema.optional(),
  })
  .meta({ title: 'Recording' });
export type Recording = z.infer<typeof RecordingSchema>;

/** RRULE / RDATE / EXDATE, all in the session's zone (RFC 5545 §3.8.5). */
export const RecurrenceSchema = z
  .strictObject({
    /** RRULE value without the `RRULE:` prefix, e.g. `FREQ=WEEKLY;BYDAY=MO;COUNT=10`. No DTSTART: the session's start is it. */
    rrule: z
      .string()
      .regex(/^(?!RRULE:)(?!.*DTSTART)[A-Z]+=[^;]+(;[A-Z]+=[^;]+)*$/i, {
        error: 'expected an RRULE value such as FREQ=WEEKLY;BYDAY=MO;COUNT=10 (no RRULE: prefix, no DTSTART)',
      })
      .optional(),
    rdates: z.array(LocalDateTimeSchema).default([]).meta({ description: 'Extra occurrence starts.' }),
    exdates: z.array(LocalDateTimeSchema).default([]).meta({ description: 'Occurrence starts that do not happen.' }),
  })
  .refine((r) => r.rrule !== undefined || r.rdates.length > 0, { error: 'a recurrence needs an rrule or rdates' })
  .meta({ title: 'Recurrence' });
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/** Changes to one occurrence of a recurring session, found by its original start (RECURRENCE-ID). */
export const OccurrenceOverrideSchema = z
  .strictObject({
    occurrence: LocalDateTimeSchema.meta({ description: 'Original start of the occurrence being changed.' }),
    title: TextSchema.optional(),
    /** The theme discussed on that date, free text or a curriculum theme. */
    topic: TextSchema.optional(),
    theme: ThemeIdSchema.optional(),
    description: TextSchema.optional(),
    status: SessionStatusSchema.optional(),
    statusNote: TextSchema.optional(),
    start: LocalDateTimeSchema.optional(),
    end: LocalDateTimeSchema.optional(),
    location: LocationSchema.optional(),
    recording: RecordingSchema.optional(),
  })
  .meta({ title: 'OccurrenceOverride' });
export type OccurrenceOverride = z.infer<typeof OccurrenceOverrideSchema>;

export const SessionSchema = z
  .strictObject({
    id: SessionIdSchema,
    title: TextSchema.optional(),
    /** Wall-clock start in `timeZone`; with a recurrence, the first occurrence (DTSTART). */
    start: LocalDateTimeSchema,
    end: LocalDateTimeSchema,
    timeZone: TimeZoneSchema,
    recurrence: RecurrenceSchema.optional(),
    overrides: z.array(OccurrenceOverrideSchema).default([]),
    status: SessionStatusSchema.default('scheduled'),
    statusNote: TextSchema.optional().meta({ description: 'e.g. "Moved to March 12", "Rescheduled due to weather".' }),
    location: LocationSchema.optional(),
    recording: RecordingSchema.optional(),
    /** Seats for this session; overrides the workshop's and the policy's capacity. */
    capacity: z.int().positive().optional(),
    /** Minutes, when the workshop offers several formats. */
    durationMinutes: z.int().positive().optional(),
    /**
     * Only the dates were published: `start` and `end` carry placeholder times of day, which lists,
     * calendars and RSVP windows must not present as real.
     */
    timeUnknown: z.boolean().optional().meta({
      description: 'True when only the dates are known; the times of day in start and end are placeholders.',
    }),
  })
  .meta({ title: 'Session' });
export type Session = z.infer<typeof SessionSchema>;

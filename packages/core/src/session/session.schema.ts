import * as z from 'zod';
import { AccessSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import { SessionIdSchema, ThemeIdSchema } from '../common/ids.js';
import { LocalDateTimeSchema, TimeZoneSchema } from '../time/time.schema.js';

export const SESSION_STATUSES = ['scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online'] as const;
export const SessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

const platform = TextSchema.optional().meta({ description: 'The video platform.', examples: ['Zoom', 'Microsoft Teams'] });
const venue = TextSchema.meta({ description: 'The building or place.', examples: ['Butler Library', 'Life Sciences 2100'] });
const room = TextSchema.optional().meta({ description: 'The room within the venue.', examples: ['Room 212'] });
const address = TextSchema.optional().meta({ description: 'The street address.', examples: ['535 West 114th Street, New York, NY 10027'] });
const placeUrl = UrlSchema.optional().meta({ description: 'A page about the place (a map, directions).', examples: ['https://ctl.columbia.edu/advancing-mentorship'] });

export const LocationSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('online').meta({ description: 'Held online.' }),
        /** Zoom, Teams, Panopto live … */
        platform,
        /** Join link; often sent only to registered people, so optional. */
        url: UrlSchema.optional().meta({
          description: 'Join link; leave it out when it is sent only to registered people.',
          examples: ['https://columbiauniversity.zoom.us/j/98765432100'],
        }),
        instructions: TextSchema.optional().meta({
          description: 'How to join.',
          examples: ['The Zoom link is sent to registered participants the day before.'],
        }),
      })
      .meta({ title: 'OnlineLocation' }),
    z
      .strictObject({
        kind: z.literal('in-person').meta({ description: 'Held at a place.' }),
        venue,
        room,
        address,
        campus: TextSchema.optional().meta({ description: 'The campus, where the institution has several.', examples: ['Morningside', 'Irving Medical Center'] }),
        url: placeUrl,
      })
      .meta({ title: 'PlaceLocation' }),
    z
      .strictObject({
        kind: z.literal('hybrid').meta({ description: 'Held at a place and online at once.' }),
        venue,
        room,
        address,
        platform,
        url: UrlSchema.optional().meta({
          description: 'Join link for those online; leave it out when it is sent only to registered people.',
          examples: ['https://columbiauniversity.zoom.us/j/98765432100'],
        }),
      })
      .meta({ title: 'HybridLocation' }),
  ])
  .meta({ title: 'Location' });
export type Location = z.infer<typeof LocationSchema>;

export const RecordingSchema = z
  .strictObject({
    url: UrlSchema.meta({ description: 'Where the recording is watched.', examples: ['https://columbia.hosted.panopto.com/Panopto/Pages/Viewer.aspx?id=1c2d3e4f'] }),
    access: AccessSchema.meta({ description: 'Who can watch it and how they sign in.' }),
    title: TextSchema.optional().meta({
      description: 'Its title, if not the session’s.',
      examples: ['Recording: Bridging Differences for Better Mentoring: Inclusive Mentoring Skills'],
    }),
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
      .optional()
      .meta({
        description: 'RRULE value (RFC 5545) without the RRULE: prefix and without DTSTART: the session’s start is the first occurrence.',
        examples: ['FREQ=WEEKLY;BYDAY=MO;COUNT=10', 'FREQ=MONTHLY;BYDAY=1TH;COUNT=4'],
      }),
    rdates: z
      .array(LocalDateTimeSchema)
      .default([])
      .meta({ description: 'Extra occurrence starts.', examples: [['2025-03-06T12:00', '2025-04-10T12:00', '2025-05-01T12:00']] }),
    exdates: z.array(LocalDateTimeSchema).default([]).meta({ description: 'Occurrence starts that do not happen.', examples: [['2026-11-26T12:00']] }),
  })
  .refine((r) => r.rrule !== undefined || r.rdates.length > 0, { error: 'a recurrence needs an rrule or rdates' })
  .meta({ title: 'Recurrence' });
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/** Changes to one occurrence of a recurring session, found by its original start (RECURRENCE-ID). */
export const OccurrenceOverrideSchema = z
  .strictObject({
    occurrence: LocalDateTimeSchema.meta({ description: 'Original start of the occurrence being changed.', examples: ['2025-03-06T12:00'] }),
    title: TextSchema.optional().meta({ description: 'Title of this occurrence, if not the session’s.', examples: ['Mentoring Monday: Mentoring and Mental Health'] }),
    /** The theme discussed on that date, free text or a curriculum theme. */
    topic: TextSchema.optional().meta({ description: 'What is discussed on that date.', examples: ['Mentoring and Mental Health', 'Assumptions and Expectations'] }),
    theme: ThemeIdSchema.optional().meta({ description: 'Id of the curriculum theme taught on that date.' }),
    description: TextSchema.optional().meta({
      description: 'Description of this occurrence, if not the workshop’s.',
      examples: ['A conversation on supporting mentees’ mental health, with a discussion guide.'],
    }),
    status: SessionStatusSchema.optional().meta({ description: 'Status of this occurrence, if not the session’s.' }),
    statusNote: TextSchema.optional().meta({ description: 'Why the status changed.', examples: ['Moved to March 12', 'Rescheduled due to weather'] }),
    start: LocalDateTimeSchema.optional().meta({ description: 'New wall-clock start, if it moved.', examples: ['2025-03-12T12:00'] }),
    end: LocalDateTimeSchema.optional().meta({ description: 'New wall-clock end, if it moved.', examples: ['2025-03-12T13:00'] }),
    location: LocationSchema.optional().meta({ description: 'Where this occurrence is held, if not where the session is.' }),
    recording: RecordingSchema.optional().meta({ description: 'The recording of this occurrence.' }),
  })
  .meta({ title: 'OccurrenceOverride' });
export type OccurrenceOverride = z.infer<typeof OccurrenceOverrideSchema>;

export const SessionSchema = z
  .strictObject({
    id: SessionIdSchema,
    title: TextSchema.optional().meta({ description: 'Title of the session, if not the workshop’s.', examples: ['Mentoring Monday Conversations, spring 2025'] }),
    /** Wall-clock start in `timeZone`; with a recurrence, the first occurrence (DTSTART). */
    start: LocalDateTimeSchema.meta({
      description: 'Wall-clock start in timeZone; with a recurrence, the first occurrence.',
      examples: ['2026-01-08T15:00', '2022-10-19T16:00'],
    }),
    end: LocalDateTimeSchema.meta({ description: 'Wall-clock end in timeZone, of the first occurrence.', examples: ['2026-01-08T16:00', '2022-10-19T17:30'] }),
    timeZone: TimeZoneSchema.meta({ description: 'IANA time zone of start and end.' }),
    recurrence: RecurrenceSchema.optional().meta({ description: 'How the session repeats; absent: it happens once.' }),
    overrides: z.array(OccurrenceOverrideSchema).default([]).meta({ description: 'Changes to single occurrences of a repeating session.' }),
    status: SessionStatusSchema.default('scheduled').meta({ description: 'Whether it takes place as announced.' }),
    statusNote: TextSchema.optional().meta({
      description: 'Why the status changed, e.g. "Moved to March 12".',
      examples: ['Moved to March 12', 'Rescheduled due to weather'],
    }),
    location: LocationSchema.optional().meta({ description: 'Where it is held.' }),
    recording: RecordingSchema.optional().meta({ description: 'The recording, once there is one.' }),
    /** Seats for this session; overrides the workshop's and the policy's capacity. */
    capacity: z
      .int()
      .positive()
      .optional()
      .meta({ description: 'Seats for this session; overrides the workshop’s and the policy’s capacity.', examples: [25] }),
    /** Minutes, when the workshop offers several formats. */
    durationMinutes: z.int().positive().optional().meta({ description: 'Length in minutes, when the workshop offers several formats.', examples: [60, 90] }),
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

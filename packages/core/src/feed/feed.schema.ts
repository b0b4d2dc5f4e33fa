/**
 * The feed: what the widgets read. Built from a catalog (occurrences expanded, RSVP windows resolved to
 * instants, references resolved to names) so that a browser needs no time-zone database, no recurrence
 * engine and no catalog schema — only this small zod/mini schema, plain `Intl` and comparisons.
 *
 * This module imports zod/mini only: it is the browser entry's data boundary (`@mentorkit/core/feed`).
 */
import * as z from 'zod/mini';
import type { Rule } from '../rules/rules.schema.js';

const text = z.string();
const opt = <T extends z.core.SomeType>(schema: T) => z.optional(schema);
/** An instant with offset, as produced by the feed builder: 2026-01-08T15:00:00.000-05:00. */
const instant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'expected an ISO instant with offset'));
const localDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'expected a local date-time'));
const url = z.string().check(z.refine((v) => /^https?:\/\/[^\s]+$/i.test(v), 'expected an http(s) URL'));
const ref = z.object({ id: text, name: text });

function isRule(value: unknown, depth = 0): boolean {
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  if (Array.isArray(r.all)) return r.all.every((x) => isRule(x, depth + 1));
  if (Array.isArray(r.any)) return r.any.every((x) => isRule(x, depth + 1));
  if ('not' in r) return isRule(r.not, depth + 1);
  return typeof r.fact === 'string' && typeof r.operator === 'string';
}
const rule = z.custom<Rule>((v) => isRule(v), { error: 'expected a rule ({fact, operator, value} or all/any/not)' });

export const FeedAccessSchema = z.object({
  level: z.enum(['public', 'institutional', 'registered', 'restricted']),
  note: opt(text),
  platform: opt(text),
});

export const FeedLocationSchema = z.object({
  kind: z.enum(['online', 'in-person', 'hybrid']),
  platform: opt(text),
  venue: opt(text),
  room: opt(text),
  address: opt(text),
  campus: opt(text),
  url: opt(url),
  instructions: opt(text),
});

export const FeedRecordingSchema = z.object({ url, access: FeedAccessSchema, title: opt(text) });

export const FeedRsvpWindowSchema = z.object({
  opens: opt(instant),
  closes: instant,
  /** Per priority tier: when RSVP opens for people in that tier. */
  tierOpens: z.record(z.string(), instant),
});
export type FeedRsvpWindow = z.infer<typeof FeedRsvpWindowSchema>;

export const FeedOccurrenceSchema = z.object({
  id: text,
  sessionId: text,
  start: instant,
  end: instant,
  timeZone: text,
  localStart: localDateTime,
  localEnd: localDateTime,
  status: z.enum(['scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online']),
  statusNote: opt(text),
  title: opt(text),
  topic: opt(text),
  location: opt(FeedLocationSchema),
  recording: opt(FeedRecordingSchema),
  rsvp: opt(FeedRsvpWindowSchema),
  capacity: opt(z.number()),
  /** The source gave the date but no time: show the date only (the times are placeholders). */
  timeUnknown: opt(z.boolean()),
});
export type FeedOccurrence = z.infer<typeof FeedOccurrenceSchema>;

export const FeedQuestionSchema = z.object({
  id: text,
  type: z.enum(['text', 'textarea', 'select', 'multi-select', 'checkbox']),
  label: text,
  help: opt(text),
  required: z.boolean(),
  options: opt(z.array(text)),
  maxLength: opt(z.number()),
});
export type FeedQuestion = z.infer<typeof FeedQuestionSchema>;

export const FeedTierSchema = z.object({ id: text, label: text, when: rule, reservedSeats: opt(z.number()) });

export const FeedRsvpPolicySchema = z.object({
  id: text,
  eligibility: opt(rule),
  eligibilityText: opt(text),
  tiers: z.array(FeedTierSchema),
  fields: z.array(z.enum(['name', 'email', 'role', 'field', 'department', 'institution'])),
  questions: z.array(FeedQuestionSchema),
  capacity: opt(z.number()),
  waitlist: opt(z.object({ enabled: z.boolean(), limit: opt(z.number()) })),
  allocation: z.enum(['first-come', 'at-close']),
  seriesRegistration: z.boolean(),
});
export type FeedRsvpPolicy = z.infer<typeof FeedRsvpPolicySchema>;

export const FeedPresenterSchema = z.object({
  role: text,
  name: text,
  title: opt(text),
  affiliation: opt(text),
  url: opt(url),
  note: opt(text),
});
export type FeedPresenter = z.infer<typeof FeedPresenterSchema>;

export const FeedImageSchema = z.object({ url, alt: opt(z.string()), decorative: opt(z.boolean()) });

export const FeedWorkshopSchema = z.object({
  id: text,
  kind: z.enum(['scheduled', 'request-only']),
  title: text,
  summary: opt(text),
  description: opt(text),
  recap: opt(text),
  url: opt(url),
  image: opt(FeedImageSchema),
  programs: z.array(z.object({ id: text, title: text })),
  audiences: z.array(ref),
  audienceText: opt(text),
  objectives: z.array(z.object({ statement: text, code: opt(text) })),
  objectivesIntro: opt(text),
  /** Themes taught; `variant` is the curriculum version the workshop follows (from `basedOn.variant`). */
  themes: z.array(z.object({ id: text, title: text, curriculum: text, variant: opt(text) })),
  presenters: z.array(FeedPresenterSchema),
  hosts: z.array(z.object({ id: text, name: text, url: opt(url) })),
  formats: z.array(z.object({ durationMinutes: z.number(), label: opt(text) })),
  modality: opt(z.enum(['online', 'in-person', 'hybrid'])),
  notes: z.array(text),
  lastHeld: opt(text),
  scheduleText: opt(text),
  request: opt(
    z.object({
      whoText: opt(text),
      eligibility: opt(rule),
      method: z.enum(['email', 'form', 'url', 'contact']),
      email: opt(text),
      url: opt(url),
      instructions: opt(text),
      leadTime: opt(text),
    }),
  ),
  /** Expanded occurrences within the feed's window, sorted by start. */
  occurrences: z.array(FeedOccurrenceSchema),
  rsvp: opt(FeedRsvpPolicySchema),
});
export type FeedWorkshop = z.infer<typeof FeedWorkshopSchema>;

export const FeedResourceSchema = z.object({
  id: text,
  kind: z.enum(['video', 'video-series', 'article', 'report', 'book', 'guide', 'worksheet', 'course', 'website', 'recording', 'template', 'checklist']),
  title: text,
  description: opt(text),
  url: opt(url),
  provider: opt(z.object({ id: text, name: text, url: opt(url) })),
  authors: z.array(text),
  publisher: opt(text),
  published: opt(text),
  image: opt(FeedImageSchema),
  access: FeedAccessSchema,
  topics: z.array(text),
  themes: z.array(z.object({ id: text, title: text })),
  audiences: z.array(ref),
  highlights: z.array(text),
  /** ISO 8601 duration of a video/recording, or a course's total. */
  duration: opt(text),
  modules: opt(z.array(z.object({ title: text, description: opt(text), duration: opt(text) }))),
  episodes: opt(z.array(z.object({ title: text, url: opt(url), duration: opt(text) }))),
  platform: opt(text),
  selfPaced: opt(z.boolean()),
});
export type FeedResource = z.infer<typeof FeedResourceSchema>;

export const FeedCurriculumSchema = z.object({
  id: text,
  title: text,
  description: opt(text),
  ordering: z.enum(['any', 'sequence']),
  provenance: opt(
    z.object({ authors: z.array(text), organization: opt(text), license: opt(text), url: opt(url), citation: opt(text) }),
  ),
  variants: z.array(z.object({ id: text, title: text, audiences: z.array(ref), description: opt(text) })),
  themes: z.array(
    z.object({
      id: text,
      title: text,
      description: opt(text),
      objectives: z.array(z.object({ id: text, statement: text, code: opt(text) })),
      /** Variant ids this theme is limited to; absent: every variant. */
      variants: opt(z.array(text)),
    }),
  ),
  delivery: z.array(z.object({ kind: text, description: opt(text), sessions: opt(z.number()), weeks: opt(z.number()), durationMinutes: opt(z.number()) })),
});
export type FeedCurriculum = z.infer<typeof FeedCurriculumSchema>;

export const FEED_VERSION = 1;

export const FeedSchema = z.object({
  version: z.literal(FEED_VERSION),
  generatedAt: instant,
  window: z.object({ from: instant, to: instant }),
  catalog: z.object({ id: text, title: text, language: text, defaultTimeZone: text, url: opt(url) }),
  vocabularies: z.object({
    roles: z.array(z.object({ id: text, label: text })),
    fields: z.array(z.object({ id: text, label: text, broader: opt(z.array(text)) })),
  }),
  programs: z.array(z.object({ id: text, title: text, summary: opt(text), url: opt(url) })),
  audiences: z.array(ref),
  workshops: z.array(FeedWorkshopSchema),
  resources: z.array(FeedResourceSchema),
  curricula: z.array(FeedCurriculumSchema),
});
export type Feed = z.infer<typeof FeedSchema>;

export interface FeedIssue {
  path: string;
  message: string;
}

/** Validates untrusted feed JSON at the widget boundary; errors carry the path (`workshops[3].occurrences[0].start`). */
export function parseFeed(input: unknown): { ok: true; feed: Feed } | { ok: false; errors: FeedIssue[] } {
  const result = FeedSchema.safeParse(input);
  if (result.success) return { ok: true, feed: result.data };
  return {
    ok: false,
    errors: result.error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)',
      message: issue.message,
    })),
  };
}

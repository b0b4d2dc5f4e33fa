/**
 * The feed: what the widgets read. Built from a catalog (occurrences expanded, RSVP windows resolved to
 * instants, references resolved to names) so that a browser needs no time-zone database, no recurrence
 * engine and no catalog schema — only this schema, plain `Intl` and comparisons.
 *
 * Written with the small checker in check.ts rather than zod: it is the browser entry's data boundary
 * and ships in the widgets' bundle (docs/adr/0006-feed-check.md). The types below are inferred from it.
 */
import * as c from './check.js';
import type { Rule } from '../rules/rules.schema.js';

const text = c.string();
const opt = c.optional;
/** An instant with offset, as produced by the feed builder: 2026-01-08T15:00:00.000-05:00. */
const instant = c.string(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO instant with offset');
const localDateTime = c.string(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'a local date-time');
const url = c.string(/^https?:\/\/[^\s]+$/i, 'an http(s) URL');
const ref = c.object({ id: text, name: text });

function isRule(value: unknown, depth = 0): boolean {
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  if (Array.isArray(r.all)) return r.all.every((x) => isRule(x, depth + 1));
  if (Array.isArray(r.any)) return r.any.every((x) => isRule(x, depth + 1));
  if ('not' in r) return isRule(r.not, depth + 1);
  return typeof r.fact === 'string' && typeof r.operator === 'string';
}
const rule = c.custom<Rule>((v) => isRule(v), 'a rule ({fact, operator, value} or all/any/not)');

export const FeedAccessSchema = c.object({
  level: c.oneOf(['public', 'institutional', 'registered', 'restricted']),
  note: opt(text),
  platform: opt(text),
});

export const FeedLocationSchema = c.object({
  kind: c.oneOf(['online', 'in-person', 'hybrid']),
  platform: opt(text),
  venue: opt(text),
  room: opt(text),
  address: opt(text),
  campus: opt(text),
  url: opt(url),
  instructions: opt(text),
});

export const FeedRecordingSchema = c.object({ url, access: FeedAccessSchema, title: opt(text) });

export const FeedRsvpWindowSchema = c.object({
  opens: opt(instant),
  closes: instant,
  /** Per priority tier: when RSVP opens for people in that tier. */
  tierOpens: c.record(instant),
});
export type FeedRsvpWindow = c.Infer<typeof FeedRsvpWindowSchema>;

export const FeedOccurrenceSchema = c.object({
  id: text,
  sessionId: text,
  start: instant,
  end: instant,
  timeZone: text,
  localStart: localDateTime,
  localEnd: localDateTime,
  status: c.oneOf(['scheduled', 'cancelled', 'postponed', 'rescheduled', 'moved-online']),
  statusNote: opt(text),
  title: opt(text),
  topic: opt(text),
  location: opt(FeedLocationSchema),
  recording: opt(FeedRecordingSchema),
  rsvp: opt(FeedRsvpWindowSchema),
  capacity: opt(c.number()),
  /** The source gave the date but no time: show the date only (the times are placeholders). */
  timeUnknown: opt(c.boolean()),
  /**
   * For an occurrence of a repeating session: its original start as an instant (RFC 5545 RECURRENCE-ID),
   * which names it within the session's calendar UID (`sessionUid`) even after an override moves it.
   */
  recurrenceId: opt(instant),
});
export type FeedOccurrence = c.Infer<typeof FeedOccurrenceSchema>;

export const FeedQuestionSchema = c.object({
  id: text,
  type: c.oneOf(['text', 'textarea', 'select', 'multi-select', 'checkbox']),
  label: text,
  help: opt(text),
  required: c.boolean(),
  options: opt(c.array(text)),
  maxLength: opt(c.number()),
});
export type FeedQuestion = c.Infer<typeof FeedQuestionSchema>;

export const FeedTierSchema = c.object({ id: text, label: text, when: rule, reservedSeats: opt(c.number()) });

export const FeedRsvpPolicySchema = c.object({
  id: text,
  eligibility: opt(rule),
  eligibilityText: opt(text),
  tiers: c.array(FeedTierSchema),
  fields: c.array(c.oneOf(['name', 'email', 'role', 'field', 'department', 'institution'])),
  questions: c.array(FeedQuestionSchema),
  capacity: opt(c.number()),
  waitlist: opt(c.object({ enabled: c.boolean(), limit: opt(c.number()) })),
  allocation: c.oneOf(['first-come', 'at-close']),
  seriesRegistration: c.boolean(),
});
export type FeedRsvpPolicy = c.Infer<typeof FeedRsvpPolicySchema>;

export const FeedPresenterSchema = c.object({
  role: text,
  name: text,
  title: opt(text),
  affiliation: opt(text),
  url: opt(url),
  note: opt(text),
});
export type FeedPresenter = c.Infer<typeof FeedPresenterSchema>;

/** An image; without `url` it is only described by `alt`, which is shown in its place. */
export const FeedImageSchema = c.object({ url: opt(url), alt: opt(c.string()), decorative: opt(c.boolean()) });

/** A length as the author states it (see `formatStatedDuration`): an amount or a min–max range, and their label. */
export const FeedStatedDurationSchema = c.object({
  unit: c.oneOf(['minutes', 'hours', 'half-days', 'days']),
  amount: opt(c.number()),
  min: opt(c.number()),
  max: opt(c.number()),
  label: opt(text),
});
export type FeedStatedDuration = c.Infer<typeof FeedStatedDurationSchema>;

export const FeedWorkshopSchema = c.object({
  id: text,
  kind: c.oneOf(['scheduled', 'request-only']),
  title: text,
  summary: opt(text),
  description: opt(text),
  recap: opt(text),
  url: opt(url),
  image: opt(FeedImageSchema),
  programs: c.array(c.object({ id: text, title: text })),
  audiences: c.array(ref),
  audienceText: opt(text),
  objectives: c.array(c.object({ statement: text, code: opt(text) })),
  objectivesIntro: opt(text),
  /** Themes taught; `variant` is the curriculum version the workshop follows (from `basedOn.variant`). */
  themes: c.array(c.object({ id: text, title: text, curriculum: text, variant: opt(text) })),
  presenters: c.array(FeedPresenterSchema),
  hosts: c.array(c.object({ id: text, name: text, url: opt(url) })),
  /**
   * The lengths it is offered in: exact minutes, or a length as stated ("Half day", "2–3 days"; see
   * `formatStatedDuration`), with the format's own `label`. A catalog gives each format one of the two.
   */
  formats: c.array(c.object({ durationMinutes: opt(c.number()), duration: opt(FeedStatedDurationSchema), label: opt(text) })),
  modality: opt(c.oneOf(['online', 'in-person', 'hybrid'])),
  notes: c.array(text),
  lastHeld: opt(text),
  scheduleText: opt(text),
  request: opt(
    c.object({
      whoText: opt(text),
      eligibility: opt(rule),
      method: c.oneOf(['email', 'form', 'url', 'contact']),
      email: opt(text),
      url: opt(url),
      instructions: opt(text),
      leadTime: opt(text),
    }),
  ),
  /** Expanded occurrences within the feed's window, sorted by start. */
  occurrences: c.array(FeedOccurrenceSchema),
  rsvp: opt(FeedRsvpPolicySchema),
});
export type FeedWorkshop = c.Infer<typeof FeedWorkshopSchema>;

export const FeedResourceSchema = c.object({
  id: text,
  kind: c.oneOf(['video', 'video-series', 'article', 'report', 'book', 'guide', 'worksheet', 'course', 'website', 'recording', 'template', 'checklist', 'document', 'slides', 'handout']),
  title: text,
  description: opt(text),
  url: opt(url),
  provider: opt(c.object({ id: text, name: text, url: opt(url) })),
  authors: c.array(text),
  publisher: opt(text),
  published: opt(text),
  image: opt(FeedImageSchema),
  access: FeedAccessSchema,
  topics: c.array(text),
  themes: c.array(c.object({ id: text, title: text })),
  audiences: c.array(ref),
  highlights: c.array(text),
  /** ISO 8601 duration of a video/recording, or a course's total. */
  duration: opt(text),
  modules: opt(c.array(c.object({ title: text, description: opt(text), duration: opt(text) }))),
  episodes: opt(c.array(c.object({ title: text, url: opt(url), duration: opt(text) }))),
  platform: opt(text),
  selfPaced: opt(c.boolean()),
  /** Who presents, moderates or performs in it; `role` is the catalog's own label. */
  presenters: opt(c.array(FeedPresenterSchema)),
  /** Other works under their own titles; `resourceId` when the other work is a resource of the feed. */
  related: opt(
    c.array(
      c.object({
        relation: c.oneOf(['recording-of', 'based-on', 'accompanies', 'part-of', 'has-part', 'version-of']),
        title: text,
        url: opt(url),
        resourceId: opt(text),
        citation: opt(text),
      }),
    ),
  ),
  /** The file format as a card shows it ("PDF"), and its media type when known. */
  format: opt(text),
  mediaType: opt(text),
});
export type FeedResource = c.Infer<typeof FeedResourceSchema>;

export const FeedCurriculumSchema = c.object({
  id: text,
  title: text,
  description: opt(text),
  ordering: c.oneOf(['any', 'sequence']),
  provenance: opt(
    c.object({ authors: c.array(text), organization: opt(text), license: opt(text), url: opt(url), citation: opt(text) }),
  ),
  variants: c.array(c.object({ id: text, title: text, audiences: c.array(ref), description: opt(text) })),
  themes: c.array(
    c.object({
      id: text,
      title: text,
      description: opt(text),
      objectives: c.array(c.object({ id: text, statement: text, code: opt(text) })),
      /** Variant ids this theme is limited to; absent: every variant. */
      variants: opt(c.array(text)),
      /** The resources that hold this theme's learning objectives. */
      resources: opt(c.array(c.object({ id: text, title: text, url: opt(url) }))),
    }),
  ),
  delivery: c.array(
    c.object({ kind: text, description: opt(text), sessions: opt(c.number()), weeks: opt(c.number()), durationMinutes: opt(c.number()), duration: opt(FeedStatedDurationSchema) }),
  ),
  /** The overall goal, one statement. */
  objective: opt(text),
  /** Disciplines or fields served, in the author's words. */
  disciplines: opt(c.array(text)),
  /** Curricula this one builds on, with their titles (each is also in `curricula`). */
  buildsOn: opt(c.array(c.object({ id: text, title: text }))),
});
export type FeedCurriculum = c.Infer<typeof FeedCurriculumSchema>;

/**
 * A program's own content, as its page shows it: introduction, outcomes, audiences, FAQ, contacts and
 * (through its curriculum) delivery options. Every field beyond id and title is optional, so feeds written
 * before these fields existed still validate.
 */
export const FeedProgramSchema = c.object({
  id: text,
  title: text,
  summary: opt(text),
  url: opt(url),
  /** The introduction; paragraphs are separated by a blank line. */
  description: opt(text),
  outcomesIntro: opt(text),
  outcomes: opt(c.array(text)),
  /** Names of the audiences it is for. */
  audiences: opt(c.array(ref)),
  hosts: opt(c.array(text)),
  partners: opt(c.array(text)),
  faq: opt(c.array(c.object({ question: opt(text), answer: text }))),
  contacts: opt(c.array(c.object({ name: opt(text), for: opt(text), purpose: opt(text), email: opt(text), url: opt(url), phone: opt(text) }))),
  curriculum: opt(text),
});
export type FeedProgram = c.Infer<typeof FeedProgramSchema>;

export const FEED_VERSION = 1;

export const FeedSchema = c.object({
  version: c.literal(FEED_VERSION),
  generatedAt: instant,
  window: c.object({ from: instant, to: instant }),
  catalog: c.object({ id: text, title: text, language: text, defaultTimeZone: text, url: opt(url) }),
  vocabularies: c.object({
    roles: c.array(c.object({ id: text, label: text })),
    fields: c.array(c.object({ id: text, label: text, broader: opt(c.array(text)) })),
  }),
  programs: c.array(FeedProgramSchema),
  audiences: c.array(ref),
  workshops: c.array(FeedWorkshopSchema),
  resources: c.array(FeedResourceSchema),
  curricula: c.array(FeedCurriculumSchema),
});
export type Feed = c.Infer<typeof FeedSchema>;

export interface FeedIssue {
  path: string;
  message: string;
}

/**
 * Validates untrusted feed JSON at the widget boundary; errors carry the path
 * (`workshops[3].occurrences[0].start`), at most 20 of them. The feed returned is the input itself.
 */
export function parseFeed(input: unknown): { ok: true; feed: Feed } | { ok: false; errors: FeedIssue[] } {
  const result = c.validate(FeedSchema, input);
  return result.ok ? { ok: true, feed: result.value } : { ok: false, errors: result.issues };
}

/** Validates one resource on its own (a `<mk-resource-card>` given a `resource` object); paths start at its keys. */
export function parseFeedResource(input: unknown): { ok: true; resource: FeedResource } | { ok: false; errors: FeedIssue[] } {
  const result = c.validate(FeedResourceSchema, input);
  return result.ok ? { ok: true, resource: result.value } : { ok: false, errors: result.issues };
}

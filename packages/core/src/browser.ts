/**
 * `@mentorkit/core/browser`: what a web page needs, and nothing heavy — the feed schema (zod/mini), the
 * eligibility and priority evaluator, and RSVP window status over resolved instants. No luxon, no rrule,
 * no classic zod: the widgets' one-file bundle is built from this entry.
 */
export * from './feed/feed.schema.js';
export type { Rule, Condition, FactValue, Operator } from './rules/rules.schema.js';

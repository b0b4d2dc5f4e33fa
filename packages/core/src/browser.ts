/**
 * `@mentorkit/core/browser`: what a web page needs, and nothing heavy — the feed schema (a small
 * hand-written checker, feed/check.ts), the eligibility and priority evaluator, RSVP window status over
 * resolved instants, and add-to-calendar links. No luxon, no rrule, no zod of any kind: the widgets'
 * one-file bundle is built from this entry.
 */
export * from './feed/feed.schema.js';
export * from './feed/display.js';
export { STATED_DURATION_UNITS, exactMinutes, formatStatedDuration, statedDurationIso, statedDurationMinutes, type HalfDayWords, type MinutesOrStated, type StatedDuration, type StatedDurationUnit } from './time/duration-text.js';
export type { Rule, Condition, FactValue, Operator } from './rules/rules.schema.js';
export * from './rules/reasons.js';
export * from './rules/evaluate.js';
export * from './rules/reason-languages.js';
export * from './rsvp/status.js';
export * from './rsvp/instant.js';
export * from './export/calendar-links.js';
export { jsonLdScriptText, jsonLdScriptElement } from './export/json-ld-script.js';
export { dayAfter, localDateOf, occurrenceEnded } from './time/local-date.js';

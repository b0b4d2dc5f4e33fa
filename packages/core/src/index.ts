/**
 * @mentorkit/core — the catalog model of university mentoring programs and the logic over it.
 * No DOM and no Node-only APIs: this entry runs in browsers, Node and workers alike.
 */
export * from './catalog/index.js';
export * from './time/time.schema.js';
export * from './time/zoned.js';
export { dayAfter, localDateOf, occurrenceEnded } from './time/local-date.js';
export { StatedDurationSchema, type StatedDurationInput, type StatedDurationValue } from './time/duration.schema.js';
export { STATED_DURATION_UNITS, exactMinutes, formatStatedDuration, statedDurationIso, statedDurationMinutes, type HalfDayWords, type MinutesOrStated, type StatedDuration, type StatedDurationUnit } from './time/duration-text.js';
export * from './people/people.schema.js';
export * from './audience/audience.schema.js';
export * from './calendar/calendar.schema.js';
export * from './rules/rules.schema.js';
export * from './rsvp/policy.schema.js';
export * from './session/session.schema.js';
export * from './curriculum/curriculum.schema.js';
export * from './workshop/workshop.schema.js';
export { effectivePolicy } from './workshop/workshop.js';
export { eligibilityFor, type WorkshopEligibility } from './workshop/eligibility.js';
export * from './resource/resource.schema.js';
export * from './program/program.schema.js';
export * from './recurrence/index.js';
export * from './rules/index.js';
export * from './rsvp/index.js';
export * from './query/index.js';
export * from './export/index.js';
export * from './feed/index.js';

// Public surface of the recurrence context. rrule is imported only inside this folder (engine.ts).
export type { Occurrence, ExpansionWindow } from './occurrence.js';
export { RecurrenceError, type RecurrenceErrorCode } from './errors.js';
export {
  parseRecurrenceRule,
  FREQUENCIES,
  WEEKDAY_CODES,
  type Frequency,
  type WeekdayCode,
  type ByDay,
  type RuleUntil,
  type RecurrenceRule,
  type ParseRuleResult,
} from './rule.js';
export {
  expandOccurrences,
  expandOccurrencesChecked,
  checkRecurrence,
  nextOccurrence,
  DEFAULT_MAX_ITERATIONS,
  type ExpandContext,
  type RecurrenceProblem,
  type NextOccurrenceOptions,
} from './expand.js';

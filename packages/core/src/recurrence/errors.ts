/** What went wrong while reading or expanding a recurrence. */
export type RecurrenceErrorCode =
  /** The RRULE text is malformed or breaks a rule of RFC 5545 §3.3.10. */
  | 'invalid-rule'
  /** The rule is well formed but no date can ever match it (e.g. 30 February). */
  | 'impossible-rule'
  /** More candidates than the iteration cap before the end of the window. */
  | 'too-many-iterations'
  /** The window or a session time cannot be read. */
  | 'invalid-input';

/**
 * Thrown by the recurrence engine for input it cannot expand. The message names the rule part or the
 * value at fault, so it can be shown to a catalog author as it is.
 */
export class RecurrenceError extends Error {
  override readonly name = 'RecurrenceError';
  readonly code: RecurrenceErrorCode;
  /** Path of the offending value inside the session, e.g. `['recurrence', 'rrule']`. */
  readonly path: readonly (string | number)[];

  constructor(code: RecurrenceErrorCode, message: string, path: readonly (string | number)[] = []) {
    super(message);
    this.code = code;
    this.path = path;
  }
}

/**
 * One error type with stable codes. The code is for programs (the RSVP form reads it), the message for
 * people; the status follows from the code, so a handler never picks an HTTP status by hand.
 */
export const ERROR_STATUS = {
  'bad-request': 400,
  'sign-in-failed': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'not-acceptable': 406,
  closed: 409,
  'not-open': 409,
  full: 409,
  'waitlist-full': 409,
  'not-cancellable': 409,
  'not-completed': 409,
  /** The registration is not in a state that allows this (e.g. checking in a cancelled place). */
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  invalid: 422,
  ineligible: 422,
  duplicate: 422,
  'idempotency-mismatch': 422,
  'idempotency-key-required': 400,
  'too-fast': 422,
  'rate-limited': 429,
  internal: 500,
  busy: 503,
  'catalog-unavailable': 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export interface ErrorIssue {
  /** Where in the request, e.g. `body.person.email` or `query.workshop`. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] | undefined; retryAfterSeconds?: number | undefined };
  /** Core's reason, when a rule decided (e.g. eligibility): the form shows it beside the field. */
  reason?: { code: string; message: string } | undefined;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { issues?: ErrorIssue[]; reason?: { code: string; message: string }; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  get status(): ErrorStatus {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    const { issues, reason, retryAfterSeconds } = this.extra;
    return {
      error: { code: this.code, message: this.message, ...(issues ? { issues } : {}), ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
      ...(reason ? { reason } : {}),
    };
  }
}

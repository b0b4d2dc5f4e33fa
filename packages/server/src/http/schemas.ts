/** The error answer every route shares, as a zod schema for the OpenAPI document. */
import { z } from '@hono/zod-openapi';
import { ERROR_STATUS, type ErrorCode } from '../errors.js';

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]).openapi({ description: 'Stable, for programs.' }),
      message: z.string().openapi({ description: 'For people.' }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional().openapi({ description: 'Where the request was wrong, e.g. body.person.email.' }),
      retryAfterSeconds: z.number().optional(),
    }),
    reason: z.object({ code: z.string(), message: z.string() }).optional().openapi({ description: 'The rule that decided, when one did (e.g. eligibility).' }),
  })
  .openapi('Error', { example: { error: { code: 'ineligible', message: 'You must be a graduate student or postdoc.' }, reason: { code: 'ineligible', message: 'You must be a graduate student or postdoc.' } } });

const errorResponse = (description: string) => ({ content: { 'application/json': { schema: ErrorBodySchema } }, description });

/** The error answers a route may give, by status. */
export const errorResponses = {
  400: errorResponse('The request is malformed (not JSON, a missing header).'),
  401: errorResponse('Credentials are missing or not valid.'),
  403: errorResponse('The credentials do not allow this.'),
  404: errorResponse('No such thing.'),
  409: errorResponse('RSVP is closed, not yet open, or full.'),
  413: errorResponse('The body is too large.'),
  415: errorResponse('The body is not application/json.'),
  422: errorResponse('The request was understood but not accepted: invalid answers, ineligible, a duplicate, a reused key.'),
  429: errorResponse('Too many requests from this address; see Retry-After.'),
  503: errorResponse('Busy (try again), or no catalog loaded.'),
} as const;

export function pickErrors<K extends keyof typeof errorResponses>(...statuses: K[]): Pick<typeof errorResponses, K> {
  const out = {} as Pick<typeof errorResponses, K>;
  for (const s of statuses) out[s] = errorResponses[s];
  return out;
}

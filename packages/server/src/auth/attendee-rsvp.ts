/**
 * An RSVP under a policy with sign-in: the person's facts come from their attendee token, not from what
 * they typed, except the facts the policy lets them report themselves.
 */
import type { RsvpPolicy } from '@mentorkit/core';
import { ApiError } from '../errors.js';
import type { RsvpBody } from '../rsvp/payload.js';
import type { AttendeeToken } from './attendee.js';

const FACT_FIELDS = ['role', 'field', 'department', 'institution'] as const;

/** The body the service decides on: unchanged without sign-in in the policy; else the person from the token. */
export function withAttendee(body: RsvpBody, policy: RsvpPolicy | undefined, attendee: AttendeeToken | undefined): RsvpBody {
  if (policy?.signIn === undefined) return body;
  if (attendee === undefined) {
    if (policy.signIn === 'required') {
      throw new ApiError('unauthorized', 'Sign in with your university account to RSVP to this workshop: it is open only to people who sign in.', { issues: [{ path: 'header.authorization', message: 'sign-in required' }] });
    }
    return body;
  }
  const typed = body.person;
  const self = new Set<string>(policy.selfReported ?? []);
  const person: RsvpBody['person'] = {
    name: attendee.name ?? typed.name,
    // A provider that releases no e-mail: the person gives one (their confirmations go there).
    email: attendee.email ?? typed.email,
  };
  for (const field of FACT_FIELDS) {
    if (!policy.fields.includes(field)) continue;
    const value = self.has(field) && typed[field] !== undefined && typed[field].trim() !== '' ? typed[field] : attendee.facts[field];
    if (value !== undefined) person[field] = value;
  }
  return { ...body, person };
}

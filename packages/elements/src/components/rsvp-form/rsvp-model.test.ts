import { describe, expect, it } from 'vitest';
import { issueKey, outcomeOf, retryAfterSeconds } from './rsvp-model.js';

describe('outcomeOf', () => {
  it('reads a registration with everything the endpoint says about it', () => {
    expect(
      outcomeOf(201, { status: 'requested', registrationId: 'r9', manageUrl: 'https://x.edu/m/1', message: 'Noted.', notification: 'none' }),
    ).toEqual({ status: 'requested', httpStatus: 201, registrationId: 'r9', manageUrl: 'https://x.edu/m/1', message: 'Noted.', notification: 'none' });
    // Only http(s) manage links; an unknown notification value is left out rather than guessed.
    expect(outcomeOf(201, { status: 'confirmed', manageUrl: 'javascript:alert(1)', notification: 'sent' })).toEqual({ status: 'confirmed', httpStatus: 201 });
  });

  it('reads error.code first, then reason.code, then the HTTP status', () => {
    expect(outcomeOf(409, { error: { code: 'waitlist-full', message: 'm' } })).toMatchObject({ status: 'full', reason: { code: 'waitlist-full' } });
    expect(outcomeOf(422, { reason: { code: 'ineligible', message: 'No.' } })).toMatchObject({ status: 'ineligible', reason: { message: 'No.' } });
    // For ineligible the reason (core's) is what a person reads.
    expect(outcomeOf(422, { error: { code: 'ineligible', message: 'Refused.' }, reason: { code: 'role', message: 'Only postdocs.' } }).reason).toEqual({ code: 'role', message: 'Only postdocs.' });
    expect(outcomeOf(409, { error: { code: 'something-new', message: 'm' } }).status).toBe('closed');
    expect(outcomeOf(404, {}).status).toBe('declined');
    expect(outcomeOf(502, undefined).status).toBe('server-error');
    expect(outcomeOf(200, {}).status).toBe('server-error');
  });

  it('keeps the issues of a refused answer and the wait of a rate limit', () => {
    expect(outcomeOf(422, { error: { code: 'invalid', message: 'm', issues: [{ path: 'person.email', message: 'Bad.' }, { nope: 1 }] } }).issues).toEqual([
      { path: 'person.email', message: 'Bad.' },
    ]);
    expect(outcomeOf(429, {}, '120')).toMatchObject({ status: 'rate-limited', retryAfter: 120 });
  });
});

describe('retryAfterSeconds and issueKey', () => {
  it('reads seconds or an HTTP date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:01:00 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(60);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });

  it('names the control of an issue path', () => {
    expect(issueKey('person.email')).toBe('email');
    expect(issueKey('answers.topics')).toBe('q:topics');
    expect(issueKey('/answers/topics')).toBe('q:topics');
    expect(issueKey('occurrenceId')).toBe('occurrence');
    expect(issueKey('website')).toBeUndefined();
  });
});

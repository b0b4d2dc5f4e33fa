/**
 * The RSVP form's request body, as a zod schema (the OpenAPI document is generated from it), and the checks
 * that depend on the policy: required fields, e-mail, question answers. Rules (eligibility, tiers) are
 * core's; this file only makes sure the facts they read are well formed.
 */
import { z } from '@hono/zod-openapi';
import { STANDARD_FIELDS, type RsvpPolicy } from '@mentorkit/core';
import type { ErrorIssue } from '../errors.js';

const short = (max: number) => z.string().max(max);

export const PersonSchema = z
  .strictObject({
    name: short(200).optional(),
    email: short(254).optional(),
    role: short(100).optional(),
    field: short(100).optional(),
    department: short(200).optional(),
    institution: short(200).optional(),
  })
  .openapi('RsvpPerson', { description: 'Facts the person gives; only the fields the RSVP policy asks for are read.', example: { name: 'Ada Lovelace', email: 'ada@example.edu', role: 'postdoc', field: 'biosciences' } });

export const AnswerSchema = z.union([short(5_000), z.array(short(500)).max(50), z.boolean()]);

export const RsvpBodySchema = z
  .strictObject({
    workshopId: short(200).min(1).openapi({ description: 'The workshop id from the feed.', example: 'mu-aligning-expectations' }),
    occurrenceId: short(300).min(1).openapi({ description: 'The occurrence id from the feed (`sessionId@localStart`).', example: 'mu-aligning-expectations-s1@2022-10-12T12:00' }),
    person: PersonSchema,
    answers: z.record(short(100), AnswerSchema).default({}).openapi({ description: 'Answers to the policy’s questions, by question id.' }),
    website: short(500).optional().openapi({ description: 'Honeypot: a field people never see. Anything in it marks the request as automated.' }),
    elapsedMs: z.number().int().nonnegative().max(86_400_000 * 30).optional().openapi({ description: 'Milliseconds between the form being shown and sent; too fast marks the request as automated.', example: 42_000 }),
    locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).max(35).optional().openapi({ description: 'The form’s language, for messages to the person.', example: 'en' }),
    sessionIds: z.array(short(300)).max(500).optional().openapi({ description: 'Series only: the occurrences kept when the person opts out of some; absent means every open session.' }),
  })
  .openapi('RsvpRequest');
export type RsvpBody = z.infer<typeof RsvpBodySchema>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The e-mail as a key: trimmed and lower-cased (mail servers treat the local part case-insensitively in practice). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Facts for core's evaluator: the person's fields and the domain of their e-mail. */
export function personFacts(person: RsvpBody['person']): Record<string, string | undefined> {
  const get = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);
  const email = get(person.email);
  const at = email?.lastIndexOf('@') ?? -1;
  return {
    role: get(person.role),
    field: get(person.field),
    department: get(person.department),
    institution: get(person.institution),
    emailDomain: email !== undefined && at > 0 ? email.slice(at + 1).toLowerCase() : undefined,
  };
}

/** Facts a rule reads, so that a field a rule depends on is required. */
function factsOf(rule: unknown, into: Set<string>): Set<string> {
  if (rule && typeof rule === 'object') {
    const r = rule as Record<string, unknown>;
    if (Array.isArray(r.all)) r.all.forEach((x) => factsOf(x, into));
    else if (Array.isArray(r.any)) r.any.forEach((x) => factsOf(x, into));
    else if (r.not !== undefined) factsOf(r.not, into);
    else if (typeof r.fact === 'string') into.add(r.fact);
  }
  return into;
}

/**
 * What the form checks before sending, checked again here: name and e-mail always, fields the rules read,
 * e-mail shape, fields the policy does not ask for, and each question's answer.
 */
export function checkAgainstPolicy(body: RsvpBody, policy: RsvpPolicy): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const asked = new Set<string>(policy.fields);
  const read = factsOf(policy.eligibility, new Set());
  for (const tier of policy.priority) factsOf(tier.when, read);
  for (const field of STANDARD_FIELDS) {
    const value = body.person[field]?.trim() ?? '';
    const required = field === 'name' || field === 'email' || (asked.has(field) && read.has(field));
    if (!asked.has(field) && value !== '' && field !== 'name' && field !== 'email') {
      issues.push({ path: `body.person.${field}`, message: `this RSVP does not ask for ${field}` });
    } else if (required && value === '') issues.push({ path: `body.person.${field}`, message: `${field} is required` });
    else if (field === 'email' && value !== '' && !EMAIL.test(value)) issues.push({ path: 'body.person.email', message: 'enter an e-mail address such as name@example.edu' });
  }
  const questions = new Map(policy.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(body.answers)) {
    if (!questions.has(id)) issues.push({ path: `body.answers.${id}`, message: `this RSVP has no question ${JSON.stringify(id)}` });
  }
  for (const q of policy.questions) {
    const answer = body.answers[q.id];
    const path = `body.answers.${q.id}`;
    const empty = answer === undefined || answer === false || (typeof answer === 'string' && answer.trim() === '') || (Array.isArray(answer) && answer.length === 0);
    if (empty) {
      if (q.required) issues.push({ path, message: `${q.label} is required` });
      continue;
    }
    switch (q.type) {
      case 'text':
      case 'textarea':
        if (typeof answer !== 'string') issues.push({ path, message: 'give a text answer' });
        else if (q.maxLength !== undefined && answer.length > q.maxLength) issues.push({ path, message: `at most ${q.maxLength} characters` });
        break;
      case 'select':
        if (typeof answer !== 'string' || !q.options.includes(answer)) issues.push({ path, message: `choose one of: ${q.options.join(', ')}` });
        break;
      case 'multi-select':
        if (!Array.isArray(answer) || answer.some((a) => !q.options.includes(a))) issues.push({ path, message: `choose from: ${q.options.join(', ')}` });
        break;
      case 'checkbox':
        if (typeof answer !== 'boolean') issues.push({ path, message: 'answer true or false' });
        break;
    }
  }
  return issues;
}

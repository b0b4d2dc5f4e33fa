/**
 * The RSVP form's logic without rendering: which controls a policy asks for, validation, the payload,
 * and how an endpoint's answer becomes an outcome.
 */
import type { Condition, Feed, FeedOccurrence, FeedQuestion, FeedRsvpPolicy, FeedWorkshop, Rule } from '@mentorkit/core/browser';
import type { RsvpAnswer, RsvpOutcome, RsvpPayload, RsvpPerson } from '../../internal/events.js';

export type StandardField = FeedRsvpPolicy['fields'][number];
export type FormValue = string | string[] | boolean;
export type FormValues = Record<string, FormValue>;

export interface Choice {
  value: string;
  label: string;
}

/** A problem with one control, shown in the summary and next to the control. */
export interface FieldProblem {
  /** The control's key: a standard field name, `q:<question id>` or `occurrence`. */
  key: string;
  kind: 'required' | 'email' | 'too-long' | 'ineligible';
  /** For too-long: the limit. */
  limit?: number;
}

export const questionKey = (q: FeedQuestion) => `q:${q.id}`;

/** Calls `visit` with each condition of a rule, through its all/any/not groups. */
function eachCondition(rule: Rule | undefined, visit: (condition: Condition) => void): void {
  if (!rule || typeof rule !== 'object') return;
  if ('all' in rule) rule.all.forEach((r) => eachCondition(r, visit));
  else if ('any' in rule) rule.any.forEach((r) => eachCondition(r, visit));
  else if ('not' in rule) eachCondition(rule.not, visit);
  else visit(rule);
}

/** Facts a rule asks about, so that the form can require the fields that decide eligibility. */
export function factsOf(rule: Rule | undefined, into = new Set<string>()): Set<string> {
  eachCondition(rule, (c) => into.add(c.fact));
  return into;
}

/** Ids a rule compares a fact with: the fallback choices when no vocabulary is at hand. */
function valuesFor(rule: Rule | undefined, fact: string, into = new Set<string>()): Set<string> {
  eachCondition(rule, (c) => {
    if (c.fact === fact && c.value !== undefined) for (const v of [c.value].flat()) into.add(String(v));
  });
  return into;
}

const humanize = (id: string) => id.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Options for the role or field select: the feed's vocabulary, else the ids the policy's rules mention. */
export function choicesFor(fact: 'role' | 'field', policy: FeedRsvpPolicy, vocabularies: Feed['vocabularies'] | undefined): Choice[] {
  const terms = fact === 'role' ? vocabularies?.roles : vocabularies?.fields;
  if (terms && terms.length > 0) return terms.map((t) => ({ value: t.id, label: t.label }));
  const ids = valuesFor(policy.eligibility, fact);
  for (const tier of policy.tiers) valuesFor(tier.when, fact, ids);
  return [...ids].map((id) => ({ value: id, label: humanize(id) }));
}

/** Name and e-mail are always required; other fields when the eligibility rule or a tier depends on them. */
export function requiredFields(policy: FeedRsvpPolicy): Set<StandardField> {
  const facts = factsOf(policy.eligibility);
  for (const tier of policy.tiers) factsOf(tier.when, facts);
  return new Set(policy.fields.filter((f) => f === 'name' || f === 'email' || facts.has(f)));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmpty(value: FormValue | undefined): boolean {
  return value === undefined || value === false || (typeof value === 'string' ? value.trim() === '' : Array.isArray(value) && value.length === 0);
}

/** Problems in the order the controls appear. */
export function validate(policy: FeedRsvpPolicy, values: FormValues, options: { needsOccurrence: boolean }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (options.needsOccurrence && isEmpty(values.occurrence)) problems.push({ key: 'occurrence', kind: 'required' });
  const required = requiredFields(policy);
  for (const field of policy.fields) {
    const value = values[field];
    if (required.has(field) && isEmpty(value)) problems.push({ key: field, kind: 'required' });
    else if (field === 'email' && typeof value === 'string' && value.trim() && !EMAIL.test(value.trim())) problems.push({ key: field, kind: 'email' });
  }
  for (const q of policy.questions) {
    const key = questionKey(q);
    const value = values[key];
    if (q.required && isEmpty(value)) problems.push({ key, kind: 'required' });
    else if (q.maxLength !== undefined && typeof value === 'string' && value.length > q.maxLength) problems.push({ key, kind: 'too-long', limit: q.maxLength });
  }
  return problems;
}

/** The person's facts for the evaluator (a missing field is simply absent). */
export function personFacts(values: FormValues): Record<string, string | undefined> {
  const get = (k: string) => {
    const v = values[k];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const email = get('email');
  const at = email?.lastIndexOf('@') ?? -1;
  return {
    role: get('role'),
    field: get('field'),
    department: get('department'),
    institution: get('institution'),
    emailDomain: email && at > 0 ? email.slice(at + 1).toLowerCase() : undefined,
  };
}

export function buildPayload(workshop: FeedWorkshop, occurrenceId: string, policy: FeedRsvpPolicy, values: FormValues): RsvpPayload {
  const person: RsvpPerson = {};
  for (const field of policy.fields) {
    const v = values[field];
    if (typeof v === 'string' && v.trim()) person[field] = v.trim();
  }
  const answers: Record<string, RsvpAnswer> = {};
  for (const q of policy.questions) {
    const v = values[questionKey(q)];
    if (q.type === 'checkbox') answers[q.id] = v === true;
    else if (q.type === 'multi-select') answers[q.id] = Array.isArray(v) ? v : [];
    else if (typeof v === 'string' && v.trim()) answers[q.id] = v.trim();
  }
  return { workshopId: workshop.id, occurrenceId, person, answers };
}

/** Occurrences a person can still RSVP for at the clock: not ended, not cancelled or postponed, with a window. */
export function rsvpOccurrences(workshop: FeedWorkshop, now: Date): FeedOccurrence[] {
  const t = now.getTime();
  return workshop.occurrences.filter((o) => o.rsvp && Date.parse(o.end) > t && o.status !== 'cancelled' && o.status !== 'postponed');
}

interface ResponseBody {
  status?: unknown;
  reason?: { code?: unknown; message?: unknown };
}

function reasonOf(body: ResponseBody | undefined): RsvpOutcome['reason'] {
  const r = body?.reason;
  if (!r || typeof r.code !== 'string') return undefined;
  return { code: r.code, message: typeof r.message === 'string' ? r.message : '' };
}

/**
 * Maps an endpoint's answer to an outcome: the body's `status` when it has one; otherwise by HTTP
 * status — 409 closed (the window or the seats ran out), 422 invalid (or ineligible by its reason),
 * 429 rate limited, 5xx server error.
 */
export function outcomeOf(httpStatus: number, body: unknown): RsvpOutcome {
  const b = body && typeof body === 'object' ? (body as ResponseBody) : undefined;
  const reason = reasonOf(b);
  const base = { httpStatus, ...(reason ? { reason } : {}) };
  const code = reason?.code ?? '';
  if (httpStatus >= 200 && httpStatus < 300 && (b?.status === 'confirmed' || b?.status === 'waitlisted')) return { status: b.status, ...base };
  if (b?.status === 'declined' || (httpStatus >= 400 && httpStatus < 500 && httpStatus !== 429)) {
    if (/inelig/.test(code)) return { status: 'ineligible', ...base };
    if (/clos|not-open|full|capacity/.test(code) || httpStatus === 409) return { status: 'closed', ...base };
    if (httpStatus === 422 || httpStatus === 400) return { status: 'invalid', ...base };
    return { status: 'declined', ...base };
  }
  if (httpStatus === 429) return { status: 'rate-limited', ...base };
  return { status: 'server-error', ...base };
}

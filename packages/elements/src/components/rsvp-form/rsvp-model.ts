/**
 * The RSVP form's logic without rendering: which controls a policy asks for, validation, the payload,
 * and how an endpoint's answer becomes an outcome.
 */
import type { Condition, Feed, FeedOccurrence, FeedQuestion, FeedRsvpPolicy, FeedWorkshop, Rule } from '@mentorkit/core/browser';
import type { RsvpAnswer, RsvpIssue, RsvpOutcome, RsvpOutcomeStatus, RsvpPayload, RsvpPerson } from '../../internal/events.js';

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
  kind: 'required' | 'email' | 'too-long' | 'ineligible' | 'server';
  /** For too-long: the limit. */
  limit?: number;
  /** For server: the endpoint's words. */
  message?: string;
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

/** What the payload carries besides the person's answers. */
export interface PayloadContext {
  elapsedMs: number;
  locale: string;
  /** Series only: the sessions kept; omitted when every session is kept. */
  sessionIds?: string[] | undefined;
}

export function buildPayload(workshop: FeedWorkshop, occurrenceId: string, policy: FeedRsvpPolicy, values: FormValues, context: PayloadContext): RsvpPayload {
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
  const payload: RsvpPayload = { workshopId: workshop.id, occurrenceId, person, answers, elapsedMs: Math.max(0, Math.round(context.elapsedMs)), locale: context.locale };
  if (context.sessionIds) payload.sessionIds = context.sessionIds;
  return payload;
}

/** Two payloads with the same answers (the time taken aside): a resend of one fill, under one idempotency key. */
export function sameAnswers(a: RsvpPayload, b: RsvpPayload): boolean {
  return JSON.stringify({ ...a, elapsedMs: 0 }) === JSON.stringify({ ...b, elapsedMs: 0 });
}

/** The control an endpoint's issue path names: `person.email` → `email`, `answers.topics` → `q:topics`. */
export function issueKey(path: string): string | undefined {
  const [head, name] = path.split(/[./]/).filter(Boolean);
  if (head === 'person' && name) return name;
  if (head === 'answers' && name) return `q:${name}`;
  if (head === 'occurrenceId' || head === 'sessionIds') return 'occurrence';
  return undefined;
}

/** Occurrences a person can still RSVP for at the clock: not ended, not cancelled or postponed, with a window. */
export function rsvpOccurrences(workshop: FeedWorkshop, now: Date): FeedOccurrence[] {
  const t = now.getTime();
  return workshop.occurrences.filter((o) => o.rsvp && Date.parse(o.end) > t && o.status !== 'cancelled' && o.status !== 'postponed');
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  issues?: unknown;
}

interface ResponseBody {
  status?: unknown;
  registrationId?: unknown;
  position?: unknown;
  manageUrl?: unknown;
  message?: unknown;
  notification?: unknown;
  error?: ErrorBody | string;
  reason?: { code?: unknown; message?: unknown };
}

function codeAndMessage(r: { code?: unknown; message?: unknown } | string | undefined): RsvpOutcome['reason'] {
  if (!r || typeof r !== 'object' || typeof r.code !== 'string') return undefined;
  return { code: r.code, message: typeof r.message === 'string' ? r.message : '' };
}

function issuesOf(error: ErrorBody | string | undefined): RsvpIssue[] | undefined {
  if (!error || typeof error !== 'object' || !Array.isArray(error.issues)) return undefined;
  const issues = (error.issues as unknown[]).flatMap((i) => {
    if (!i || typeof i !== 'object') return [];
    const { path, message } = i as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
  return issues.length > 0 ? issues : undefined;
}

/** Seconds from a `Retry-After` header: a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The endpoint's error codes, and the outcome each one is. */
const CODES: Record<string, RsvpOutcomeStatus> = {
  closed: 'closed',
  'not-open': 'not-open',
  full: 'full',
  'waitlist-full': 'full',
  ineligible: 'ineligible',
  invalid: 'invalid',
  duplicate: 'duplicate',
  'too-fast': 'too-fast',
  'idempotency-mismatch': 'conflict',
  'rate-limited': 'rate-limited',
  'bad-request': 'rejected',
  'unsupported-media-type': 'rejected',
};

const SUCCESS = new Set(['confirmed', 'waitlisted', 'requested']);

/**
 * Maps an endpoint's answer to an outcome. A 2xx with `status` confirmed, waitlisted or requested is a
 * registration (with its id, waitlist place, manage link, message and whether a confirmation e-mail is
 * queued). Errors are read by their code — `error.code`, else `reason.code` — and, for codes this form
 * does not know, by HTTP status: 409 closed, 422/400 invalid, 429 rate limited, other 4xx declined, 5xx
 * server error. For a 422 `ineligible`, `reason` is the eligibility reason; otherwise the error itself.
 */
export function outcomeOf(httpStatus: number, body: unknown, retryAfter?: string | null): RsvpOutcome {
  const b = body && typeof body === 'object' ? (body as ResponseBody) : undefined;
  const error = codeAndMessage(b?.error);
  const reason = codeAndMessage(b?.reason);
  if (httpStatus >= 200 && httpStatus < 300 && typeof b?.status === 'string' && SUCCESS.has(b.status)) {
    const outcome: RsvpOutcome = { status: b.status as RsvpOutcomeStatus, httpStatus };
    if (typeof b.registrationId === 'string') outcome.registrationId = b.registrationId;
    if (typeof b.position === 'number' && Number.isFinite(b.position)) outcome.position = b.position;
    if (typeof b.manageUrl === 'string' && /^https?:\/\//i.test(b.manageUrl)) outcome.manageUrl = b.manageUrl;
    if (typeof b.message === 'string' && b.message.trim()) outcome.message = b.message.trim();
    if (b.notification === 'queued' || b.notification === 'none') outcome.notification = b.notification;
    if (reason) outcome.reason = reason;
    return outcome;
  }
  const code = error?.code ?? reason?.code ?? '';
  const shown = code === 'ineligible' || !error ? (reason ?? error) : error;
  const base: RsvpOutcome = { status: 'server-error', httpStatus, ...(shown ? { reason: shown } : {}) };
  const issues = issuesOf(b?.error);
  if (issues) base.issues = issues;
  const wait = retryAfterSeconds(retryAfter);
  if (wait !== undefined && (httpStatus === 429 || code === 'rate-limited')) base.retryAfter = wait;
  const known = CODES[code];
  if (known) return { ...base, status: known };
  if (httpStatus === 429) return { ...base, status: 'rate-limited' };
  if (b?.status === 'declined' || (httpStatus >= 400 && httpStatus < 500)) {
    if (/inelig/.test(code)) return { ...base, status: 'ineligible' };
    if (/clos|not-open|full|capacity/.test(code) || httpStatus === 409) return { ...base, status: 'closed' };
    if (httpStatus === 422 || httpStatus === 400) return { ...base, status: 'invalid' };
    return { ...base, status: 'declined' };
  }
  return base;
}

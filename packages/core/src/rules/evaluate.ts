/**
 * The one evaluator of eligibility and priority rules, shared by the RSVP form (to explain before a person
 * submits) and the service (to decide). Browser-safe: it imports only types and other browser-safe modules.
 *
 * Logic is three-valued (Kleene): a condition on a fact the person has not given is `unknown`, and
 * all/any/not combine true/false/unknown so that a missing fact only makes the verdict unknown when the
 * outcome really depends on it.
 */
import type { Condition, FactValue, Rule } from './rules.schema.js';
import { formatReason, type PersonFacts, type PersonFactValue, type Reason, type ReasonMessages } from './reasons.js';

export type Truth = boolean | 'unknown';

export interface EligibilityVerdict {
  eligible: Truth;
  /** Why: the conditions that decided the outcome (or, when unknown, the ones waiting for a fact). */
  reasons: Reason[];
  /** Facts the person has not given and on which the outcome depends; empty unless `eligible` is unknown. */
  missingFacts: string[];
}

/** A vocabulary term as the evaluator needs it: an id, optionally its label and broader terms. */
export interface VocabularyTermLike {
  id: string;
  label?: string | undefined;
  broader?: readonly string[] | undefined;
}

export interface EvaluateOptions {
  /** Hierarchies and labels: a person in `biosciences` matches a rule on `stem` when biosciences' broader includes stem. */
  vocabularies?: {
    fields?: readonly VocabularyTermLike[] | undefined;
    roles?: readonly VocabularyTermLike[] | undefined;
  };
  /** Message templates (e.g. a translation); missing keys fall back to English. */
  messages?: ReasonMessages;
  /** Words for fact names and value ids in messages; vocabulary labels are used when this has none. */
  labels?: Readonly<Record<string, string>>;
}

/** Anything with a condition: the catalog's PriorityTier as well as the feed's plainer tiers. */
export interface TierLike {
  id: string;
  label?: string | undefined;
  when: Rule;
}

export interface TierVerdict<T extends TierLike = TierLike> {
  /** The first tier whose condition is true; undefined for the general group. */
  tier: T | undefined;
  /** Index of that tier; `tiers.length` for the general group. */
  index: number;
  reasons: Reason[];
  /** Facts that would decide a tier before the one given (tell us your field to check for first priority). */
  missingFacts: string[];
}

const MAX_DEPTH = 64;

/** Decides whether a person may take part. No rule means everyone may. */
export function evaluateEligibility(rule: Rule | undefined, person: PersonFacts, options: EvaluateOptions = {}): EligibilityVerdict {
  const context = contextFor(options);
  if (rule === undefined) {
    return { eligible: true, reasons: [reason(context, { code: 'no-rule' })], missingFacts: [] };
  }
  const result = evaluate(rule, person, context, '', 0);
  return { eligible: result.value, reasons: result.reasons, missingFacts: result.value === 'unknown' ? result.missing : [] };
}

/**
 * The person's priority tier: the first tier whose condition is true. A tier that cannot be decided for
 * want of a fact is passed over (no priority is granted on facts not given) and its missing facts are
 * reported, so the form can say "tell us your field to check for first priority".
 */
export function priorityTier<T extends TierLike>(tiers: readonly T[], person: PersonFacts, options: EvaluateOptions = {}): TierVerdict<T> {
  const context = contextFor(options);
  const reasons: Reason[] = [];
  const missing: string[] = [];
  for (const [index, tier] of tiers.entries()) {
    const result = evaluate(tier.when, person, context, `tiers[${index}]`, 0);
    const name = tier.label ?? tier.id;
    if (result.value === true) {
      reasons.push(reason(context, { code: 'tier-matched', tier: name, rank: index + 1 }), ...result.reasons);
      return { tier, index, reasons, missingFacts: missing };
    }
    if (result.value === 'unknown') {
      addAll(missing, result.missing);
      reasons.push(reason(context, { code: 'tier-undecided', tier: name, rank: index + 1, missing: result.missing }));
    }
  }
  reasons.push(reason(context, { code: 'no-tier' }));
  return { tier: undefined, index: tiers.length, reasons, missingFacts: missing };
}

interface Context {
  hierarchies: Map<string, Map<string, readonly string[]>>;
  messages: ReasonMessages | undefined;
  labels: Readonly<Record<string, string>>;
}

interface Outcome {
  value: Truth;
  reasons: Reason[];
  missing: string[];
}

function contextFor(options: EvaluateOptions): Context {
  const hierarchies = new Map<string, Map<string, readonly string[]>>();
  const labels: Record<string, string> = {};
  for (const [fact, terms] of [
    ['field', options.vocabularies?.fields],
    ['role', options.vocabularies?.roles],
  ] as const) {
    if (terms === undefined) continue;
    const broader = new Map<string, readonly string[]>();
    for (const term of terms) {
      if (term.broader !== undefined && term.broader.length > 0) broader.set(canonical(term.id), term.broader.map(canonical));
      if (term.label !== undefined) labels[term.id] = term.label;
    }
    if (broader.size > 0) hierarchies.set(fact, broader);
  }
  return { hierarchies, messages: options.messages, labels: { ...labels, ...options.labels } };
}

function reason(context: Context, fields: Omit<Reason, 'message'>): Reason {
  return { ...fields, message: formatReason(fields, context.messages, context.labels) };
}

function evaluate(rule: Rule, person: PersonFacts, context: Context, path: string, depth: number): Outcome {
  if (depth > MAX_DEPTH) throw new RangeError(`${at(path)} is nested more than ${MAX_DEPTH} levels deep (is it circular?)`);
  if (rule === null || typeof rule !== 'object') throw new TypeError(`${at(path)} is not a rule object: ${JSON.stringify(rule)}`);
  if ('all' in rule) return group('all', rule.all, rule.label, person, context, path, depth);
  if ('any' in rule) return group('any', rule.any, rule.label, person, context, path, depth);
  if ('not' in rule) {
    const here = join(path, 'not');
    const inner = evaluate(rule.not, person, context, here, depth + 1);
    const value: Truth = inner.value === 'unknown' ? 'unknown' : !inner.value;
    if (rule.label !== undefined) {
      const code = value === 'unknown' ? 'not-unknown' : value ? 'not-matched' : 'not-failed';
      return { value, reasons: [reason(context, { code, label: rule.label, path })], missing: inner.missing };
    }
    // A negated match is the only case whose leaf reason reads the wrong way round, so say so first.
    const reasons = value === false ? [reason(context, { code: 'not-failed', path }), ...inner.reasons] : inner.reasons;
    return { value, reasons, missing: inner.missing };
  }
  return condition(rule, person, context, path);
}

function group(kind: 'all' | 'any', rules: readonly Rule[], label: string | undefined, person: PersonFacts, context: Context, path: string, depth: number): Outcome {
  if (!Array.isArray(rules) || rules.length === 0) throw new TypeError(`${at(path)}: ${kind} needs a non-empty list of rules`);
  const parts = rules.map((r: Rule, i) => evaluate(r, person, context, join(path, `${kind}[${i}]`), depth + 1));
  // `all` is decided by a false part, `any` by a true part; otherwise an unknown part leaves it unknown.
  const decisive = kind === 'all' ? false : true;
  const value: Truth = parts.some((p) => p.value === decisive)
    ? decisive
    : parts.some((p) => p.value === 'unknown')
      ? 'unknown'
      : !decisive;
  const relevant = parts.filter((p) => p.value === value);
  const missing: string[] = [];
  if (value === 'unknown') for (const p of relevant) addAll(missing, p.missing);
  if (label !== undefined) {
    const code = value === 'unknown' ? (`${kind}-unknown` as const) : value ? (`${kind}-matched` as const) : (`${kind}-failed` as const);
    return { value, reasons: [reason(context, { code, label, path, count: relevant.length, total: parts.length })], missing };
  }
  const reasons = relevant.flatMap((p) => p.reasons);
  if (value === false) reasons.unshift(reason(context, { code: `${kind}-failed`, path, count: relevant.length, total: parts.length }));
  return { value, reasons, missing };
}

function condition(c: Condition, person: PersonFacts, context: Context, path: string): Outcome {
  if (typeof c.fact !== 'string') throw new TypeError(`${at(path)} has no fact, all, any or not: ${JSON.stringify(c)}`);
  const given = person[c.fact];
  const present = isPresent(given);
  const base = { fact: c.fact, operator: c.operator, path, ...(c.label !== undefined ? { label: c.label } : {}), ...(c.value !== undefined ? { expected: c.value } : {}) };
  const outcome = (value: Truth, extra: Partial<Reason> = {}): Outcome => {
    const code = value === 'unknown' ? (extra.code ?? 'fact-missing') : value ? 'fact-matched' : 'fact-not-matched';
    const r = reason(context, { ...base, ...extra, code });
    return { value, reasons: [r], missing: value === 'unknown' ? [c.fact] : [] };
  };
  switch (c.operator) {
    case 'exists':
      return outcome(present, present ? { actual: given } : {});
    case 'not-exists':
      return outcome(!present, present ? { actual: given } : {});
    default:
      break;
  }
  if (!present) return outcome('unknown');
  switch (c.operator) {
    case 'equals':
    case 'not-equals':
    case 'in':
    case 'not-in': {
      const expected = c.operator === 'in' || c.operator === 'not-in' ? listOf(c, path) : [scalarOf(c, path)];
      const match = findMatch(c.fact, valuesOf(given), expected, context);
      const positive = c.operator === 'equals' || c.operator === 'in';
      const extra: Partial<Reason> = match ? { actual: match.value, ...(match.via !== undefined ? { via: match.via } : {}) } : { actual: given };
      return outcome(positive ? match !== undefined : match === undefined, extra);
    }
    case 'at-least':
    case 'at-most': {
      const limit = c.value;
      if (typeof limit !== 'number') throw new TypeError(`${at(path)}: ${c.operator} needs a number, got ${JSON.stringify(limit)}`);
      const n = numberOf(given);
      if (n === undefined) return outcome('unknown', { code: 'fact-invalid', actual: given });
      return outcome(c.operator === 'at-least' ? n >= limit : n <= limit, { actual: n });
    }
    default:
      throw new TypeError(`${at(path)}: unknown operator ${JSON.stringify((c as { operator: unknown }).operator)}`);
  }
}

function findMatch(fact: string, actual: readonly string[], expected: readonly FactValue[], context: Context): { value: string; via?: string } | undefined {
  const wanted = new Set(expected.map(canonical));
  for (const value of actual) if (wanted.has(canonical(value))) return { value };
  const broader = context.hierarchies.get(fact);
  if (broader === undefined) return undefined;
  for (const value of actual) {
    const via = ancestors(canonical(value), broader).find((a) => wanted.has(a));
    if (via !== undefined) return { value, via: expected.map(String).find((e) => canonical(e) === via) ?? via };
  }
  return undefined;
}

/** Every broader term of `id`, nearest first; cycles in an author's vocabulary end the walk. */
function ancestors(id: string, broader: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set([id]);
  const order: string[] = [];
  const queue = [id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const parent of broader.get(next) ?? []) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      order.push(parent);
      queue.push(parent);
    }
  }
  return order;
}

/** Ids compare without regard to case or surrounding space; numbers and booleans by their text. */
function canonical(value: FactValue): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : String(value);
}

function isPresent(value: PersonFactValue): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return !Number.isNaN(value);
  if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && v.trim() !== '');
  return true;
}

function valuesOf(value: PersonFactValue): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return [String(value)];
}

function numberOf(value: PersonFactValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function listOf(c: Condition, path: string): readonly FactValue[] {
  if (!Array.isArray(c.value)) throw new TypeError(`${at(path)}: ${c.operator} needs a list of values`);
  return c.value;
}

function scalarOf(c: Condition, path: string): FactValue {
  if (c.value === undefined || Array.isArray(c.value)) throw new TypeError(`${at(path)}: ${c.operator} needs a single value`);
  return c.value;
}

/** Where a malformed rule is, for error messages. */
function at(path: string): string {
  return `rule at ${path || 'the root'}`;
}

function join(path: string, step: string): string {
  return path === '' ? step : `${path}.${step}`;
}

function addAll(into: string[], items: readonly string[]): void {
  for (const item of items) if (!into.includes(item)) into.push(item);
}


/**
 * Reasons and their wording. Browser-safe: this module imports types only, so the RSVP form can bundle it
 * without luxon or zod (see browser-safe.test.ts).
 */
import type { FactValue, Operator } from './rules.schema.js';

/** A fact as a person's record gives it: one value, several (a person may hold several roles), or none. */
export type PersonFactValue = string | number | boolean | readonly string[] | null | undefined;
export type PersonFacts = Readonly<Record<string, PersonFactValue>>;

export const REASON_CODES = [
  'no-rule',
  'fact-matched',
  'fact-not-matched',
  'fact-missing',
  'fact-invalid',
  'all-matched',
  'all-failed',
  'all-unknown',
  'any-matched',
  'any-failed',
  'any-unknown',
  'not-matched',
  'not-failed',
  'not-unknown',
  'tier-matched',
  'tier-undecided',
  'no-tier',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** One step of an explanation, as data (for code) and as a sentence (for people). */
export interface Reason {
  code: ReasonCode;
  fact?: string;
  operator?: Operator;
  expected?: FactValue | readonly FactValue[];
  /** The person's value; for a match on one of several values, the value that matched. */
  actual?: PersonFactValue;
  /** The broader vocabulary term through which the value matched (biosciences matched `stem`). */
  via?: string;
  /** The author's wording from the rule; when present it is the message. */
  label?: string;
  /** Where in the rule this reason comes from, e.g. `any[1].all[0]`; empty for the root. */
  path?: string;
  /** Group reasons: how many parts failed, out of how many. */
  count?: number;
  total?: number;
  /** Tier reasons: the tier's label and its 1-based rank. */
  tier?: string;
  rank?: number;
  /** Tier reasons: the facts that would decide an earlier tier. */
  missing?: readonly string[];
  message: string;
}

/**
 * Message templates keyed by reason code. A key may be refined by operator (`fact-matched:in`) or by a
 * match through a broader term (`fact-matched:broader`); lookups fall back from the most specific key to
 * the code. Placeholders: {fact} {operator} {expected} {actual} {via} {count} {total} {tier} {rank} {missing}.
 */
export type ReasonMessages = Readonly<Partial<Record<string, string>>>;

export const DEFAULT_REASON_MESSAGES: ReasonMessages = {
  'no-rule': 'Open to everyone.',
  'fact-matched': 'Your {fact} is {actual}, as required.',
  'fact-matched:broader': 'Your {fact}, {actual}, falls under {via}.',
  'fact-matched:equals': 'Your {fact} is {expected}.',
  'fact-matched:not-equals': 'Your {fact} is {actual}, not {expected}.',
  'fact-matched:in': 'Your {fact} is {actual}, one of: {expected}.',
  'fact-matched:not-in': 'Your {fact} is {actual}, not one of: {expected}.',
  'fact-matched:exists': 'You gave your {fact}.',
  'fact-matched:not-exists': 'No {fact} is given.',
  'fact-matched:at-least': 'Your {fact} is {actual}, at least {expected}.',
  'fact-matched:at-most': 'Your {fact} is {actual}, at most {expected}.',
  // Not matched: what the rule asks for, then what the person told us, so the sentence is true for them.
  'fact-not-matched': 'You told us your {fact} is {actual}, which does not meet the requirement.',
  'fact-not-matched:broader': 'You told us your {fact} is {actual}, which falls under {via}; this is not open to {via}.',
  'fact-not-matched:equals': 'This is for people whose {fact} is {expected}; you told us your {fact} is {actual}.',
  'fact-not-matched:not-equals': 'You told us your {fact} is {actual}; this is not open to people whose {fact} is {expected}.',
  'fact-not-matched:in': 'This is for people whose {fact} is one of: {expected}; you told us your {fact} is {actual}.',
  'fact-not-matched:not-in': 'You told us your {fact} is {actual}; this is not open to people whose {fact} is one of: {expected}.',
  'fact-not-matched:exists': 'This asks for your {fact}, which you have not given.',
  'fact-not-matched:not-exists': 'This is for people with no {fact}; you told us your {fact} is {actual}.',
  'fact-not-matched:at-least': 'This is for people whose {fact} is at least {expected}; you told us your {fact} is {actual}.',
  'fact-not-matched:at-most': 'This is for people whose {fact} is at most {expected}; you told us your {fact} is {actual}.',
  'fact-missing': 'Tell us your {fact} so we can check.',
  'fact-invalid': 'You told us your {fact} is {actual}, which is not a number.',
  'all-matched': 'All requirements are met.',
  'all-failed': '{count} of {total} requirements are not met.',
  'all-unknown': 'We need more information to decide.',
  'any-matched': 'At least one of the alternatives applies.',
  'any-failed': 'None of the {total} alternatives applies.',
  'any-unknown': 'We need more information to decide.',
  'not-matched': 'No excluded condition applies.',
  'not-failed': 'An excluded condition applies.',
  'not-unknown': 'We need more information to decide.',
  'tier-matched': 'You are in priority group {rank}: {tier}.',
  'tier-undecided': 'Tell us your {missing} to check whether {tier} applies to you.',
  'no-tier': 'No priority group applies to you; you are in the general group.',
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** Words for the facts mentorkit knows, where `labels` gives none (`yearsInRole` → "years in role"). */
export const DEFAULT_FACT_LABELS: Readonly<Record<string, string>> = {
  emailDomain: 'email domain',
  careerStage: 'career stage',
  yearsInRole: 'years in role',
};

/**
 * One sentence, whatever was put into it: a value or label that ends with its own full stop does not
 * double the template's ("group 1: Biosciences trainees.."); a sentence without an end gets a full stop.
 * (Space before `:` or `;` stays: French writes it.)
 */
export function tidySentence(text: string): string {
  const tidy = text
    .replace(/\s+/g, ' ')
    .replace(/([.!?…])[.;,:]+(?=\s|$)/g, '$1')
    .replace(/([;,:])[.;,:]+(?=\s|$)/g, '$1')
    .trim()
    .replace(/\s*[;,:]+$/, '');
  if (tidy === '') return tidy;
  return /[.!?…)"”’]$/.test(tidy) ? tidy : `${tidy}.`;
}

/** The placeholders a template may use; `true` for ids (and lists of ids), which `labels` turns into words. */
const PLACEHOLDERS = new Map([
  ['fact', true],
  ['expected', true],
  ['actual', true],
  ['via', true],
  ['missing', true],
  ['operator', false],
  ['count', false],
  ['total', false],
  ['tier', false],
  ['rank', false],
]);

/**
 * The sentence for a reason: the rule's own label when it has one, else the template for its code from
 * `messages`, then from the English defaults, tidied into one sentence ({@link tidySentence}). `labels` turns ids into words (`graduate-student` →
 * `graduate student`); ids without a label are shown as they are. A placeholder the reason has no value
 * for, or that is not one of the above, stays as it is.
 */
export function formatReason(reason: Omit<Reason, 'message'> & { message?: string }, messages?: ReasonMessages, labels?: Readonly<Record<string, string>>): string {
  if (reason.label !== undefined) return tidySentence(reason.label);
  const keys: string[] = [];
  if (reason.via !== undefined) keys.push(`${reason.code}:broader`);
  if (reason.operator !== undefined) keys.push(`${reason.code}:${reason.operator}`);
  keys.push(reason.code);
  const template = pick(messages, keys) ?? pick(DEFAULT_REASON_MESSAGES, keys) ?? reason.code;
  const word = (value: unknown, fact = false): string => {
    if (Array.isArray(value)) return value.map((v) => word(v, fact)).join(', ');
    const text = String(value);
    return labels?.[text] ?? (fact ? DEFAULT_FACT_LABELS[text] : undefined) ?? text;
  };
  return tidySentence(
    template.replace(PLACEHOLDER, (whole, name: string) => {
      const isId = PLACEHOLDERS.get(name);
      const value = reason[name as keyof typeof reason];
      if (isId === undefined || value === undefined || value === null) return whole;
      return isId ? word(value, name === 'fact' || name === 'missing') : String(value);
    }),
  );
}

function pick(table: ReasonMessages | undefined, keys: readonly string[]): string | undefined {
  if (table === undefined) return undefined;
  for (const key of keys) {
    const value = table[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

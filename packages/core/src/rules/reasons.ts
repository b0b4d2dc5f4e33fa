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
  'fact-not-matched': 'Your {fact} is {actual}, which does not meet the requirement.',
  'fact-not-matched:broader': 'Your {fact}, {actual}, falls under {via}, which is excluded.',
  'fact-not-matched:equals': 'Your {fact} is {actual}, not {expected}.',
  'fact-not-matched:not-equals': 'Your {fact} must not be {expected}.',
  'fact-not-matched:in': 'Your {fact} is {actual}, not one of: {expected}.',
  'fact-not-matched:not-in': 'Your {fact} is {actual}, which is excluded.',
  'fact-not-matched:exists': 'No {fact} is given.',
  'fact-not-matched:not-exists': 'Your {fact} must not be given.',
  'fact-not-matched:at-least': 'Your {fact} is {actual}, less than {expected}.',
  'fact-not-matched:at-most': 'Your {fact} is {actual}, more than {expected}.',
  'fact-missing': 'Tell us your {fact} so we can check.',
  'fact-invalid': 'Your {fact}, {actual}, is not a number.',
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
 * `messages`, then from the English defaults. `labels` turns ids into words (`graduate-student` →
 * `graduate student`); ids without a label are shown as they are. A placeholder the reason has no value
 * for, or that is not one of the above, stays as it is.
 */
export function formatReason(reason: Omit<Reason, 'message'> & { message?: string }, messages?: ReasonMessages, labels?: Readonly<Record<string, string>>): string {
  if (reason.label !== undefined) return reason.label;
  const keys: string[] = [];
  if (reason.via !== undefined) keys.push(`${reason.code}:broader`);
  if (reason.operator !== undefined) keys.push(`${reason.code}:${reason.operator}`);
  keys.push(reason.code);
  const template = pick(messages, keys) ?? pick(DEFAULT_REASON_MESSAGES, keys) ?? reason.code;
  const word = (value: unknown): string => {
    if (Array.isArray(value)) return value.map(word).join(', ');
    const text = String(value);
    return labels?.[text] ?? text;
  };
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const isId = PLACEHOLDERS.get(name);
    const value = reason[name as keyof typeof reason];
    if (isId === undefined || value === undefined || value === null) return whole;
    return isId ? word(value) : String(value);
  });
}

function pick(table: ReasonMessages | undefined, keys: readonly string[]): string | undefined {
  if (table === undefined) return undefined;
  for (const key of keys) {
    const value = table[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

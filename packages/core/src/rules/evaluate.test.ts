import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, priorityTier, type Truth } from './evaluate.js';
import { formatReason } from './reasons.js';
import { RuleSchema, type Rule } from './rules.schema.js';

const rule = (input: unknown): Rule => RuleSchema.parse(input);
const codes = (reasons: readonly { code: string }[]) => reasons.map((r) => r.code);

const gradOrPostdoc = rule({ fact: 'role', operator: 'in', value: ['graduate-student', 'postdoc'] });
const vocabularies = {
  fields: [
    { id: 'biosciences', label: 'Biosciences', broader: ['stem'] },
    { id: 'neuroscience', label: 'Neuroscience', broader: ['biosciences'] },
    { id: 'stem', label: 'STEM' },
  ],
};

describe('evaluateEligibility: conditions', () => {
  it('matches one of a list and explains with the value that matched', () => {
    const v = evaluateEligibility(gradOrPostdoc, { role: 'postdoc' });
    expect(v).toMatchObject({ eligible: true, missingFacts: [] });
    expect(v.reasons).toEqual([
      expect.objectContaining({ code: 'fact-matched', fact: 'role', operator: 'in', actual: 'postdoc', message: 'Your role is postdoc, one of: graduate-student, postdoc.' }),
    ]);
  });

  it('declines a role outside the list', () => {
    const v = evaluateEligibility(gradOrPostdoc, { role: 'faculty' });
    expect(v.eligible).toBe(false);
    expect(v.reasons[0]).toMatchObject({ code: 'fact-not-matched', actual: 'faculty', expected: ['graduate-student', 'postdoc'] });
    expect(v.reasons[0]!.message).toBe('This is for people whose role is one of: graduate-student, postdoc; you told us your role is faculty.');
  });

  it('accepts several roles: any one of them may match', () => {
    expect(evaluateEligibility(gradOrPostdoc, { role: ['staff', 'graduate-student'] })).toMatchObject({
      eligible: true,
      reasons: [expect.objectContaining({ actual: 'graduate-student' })],
    });
    expect(evaluateEligibility(gradOrPostdoc, { role: ['staff', 'faculty'] }).eligible).toBe(false);
  });

  it('compares ids without regard to case or surrounding space', () => {
    expect(evaluateEligibility(gradOrPostdoc, { role: '  Postdoc ' }).eligible).toBe(true);
  });

  it.each([undefined, null, '', '   ', [] as string[], ['']])('treats %j as a missing fact: unknown, not false', (role) => {
    const v = evaluateEligibility(gradOrPostdoc, { role });
    expect(v).toMatchObject({ eligible: 'unknown', missingFacts: ['role'] });
    expect(v.reasons).toEqual([expect.objectContaining({ code: 'fact-missing', fact: 'role', message: 'Tell us your role so we can check.' })]);
  });

  it('equals and not-equals are each other’s negation, including over several values', () => {
    const eq = rule({ fact: 'institution', operator: 'equals', value: 'example-u' });
    const ne = rule({ fact: 'institution', operator: 'not-equals', value: 'example-u' });
    for (const institution of ['example-u', 'other', ['other', 'example-u']]) {
      const a = evaluateEligibility(eq, { institution }).eligible;
      const b = evaluateEligibility(ne, { institution }).eligible;
      expect(b).toBe(!a);
    }
    expect(evaluateEligibility(ne, {}).eligible).toBe('unknown');
  });

  it('exists and not-exists decide on presence, so they are never unknown', () => {
    const exists = rule({ fact: 'department', operator: 'exists' });
    const notExists = rule({ fact: 'department', operator: 'not-exists' });
    expect(evaluateEligibility(exists, {}).eligible).toBe(false);
    expect(evaluateEligibility(exists, { department: 'biology' }).eligible).toBe(true);
    expect(evaluateEligibility(notExists, {}).eligible).toBe(true);
    expect(evaluateEligibility(notExists, { department: 'biology' })).toMatchObject({ eligible: false, reasons: [{ code: 'fact-not-matched' }] });
  });

  it('compares numbers, accepting numeric text from forms and flagging text that is not a number', () => {
    const atLeast = rule({ fact: 'yearsInRole', operator: 'at-least', value: 2 });
    const atMost = rule({ fact: 'yearsInRole', operator: 'at-most', value: 5 });
    expect(evaluateEligibility(atLeast, { yearsInRole: 2 }).eligible).toBe(true);
    expect(evaluateEligibility(atLeast, { yearsInRole: '1.5' })).toMatchObject({ eligible: false, reasons: [{ message: 'This is for people whose years in role is at least 2; you told us your years in role is 1.5.' }] });
    expect(evaluateEligibility(atMost, { yearsInRole: 6 }).reasons[0]!.message).toBe('This is for people whose years in role is at most 5; you told us your years in role is 6.');
    expect(evaluateEligibility(atLeast, { yearsInRole: 'three' })).toMatchObject({
      eligible: 'unknown',
      missingFacts: ['yearsInRole'],
      reasons: [{ code: 'fact-invalid', message: 'You told us your years in role is three, which is not a number.' }],
    });
  });

  it('reads facts other than the known ones the same way', () => {
    const campus = rule({ fact: 'campus', operator: 'equals', value: 'north' });
    expect(evaluateEligibility(campus, { campus: 'north' }).eligible).toBe(true);
  });

  it('lets everyone in when there is no rule', () => {
    expect(evaluateEligibility(undefined, {})).toEqual({ eligible: true, reasons: [{ code: 'no-rule', message: 'Open to everyone.' }], missingFacts: [] });
  });
});

describe('evaluateEligibility: field hierarchy', () => {
  const stem = rule({ fact: 'field', operator: 'equals', value: 'stem' });

  it('matches a rule on a broader field through the vocabulary, transitively', () => {
    for (const field of ['biosciences', 'neuroscience']) {
      const v = evaluateEligibility(stem, { field }, { vocabularies });
      expect(v.eligible).toBe(true);
      expect(v.reasons[0]).toMatchObject({ code: 'fact-matched', actual: field, via: 'stem' });
    }
    expect(evaluateEligibility(stem, { field: 'neuroscience' }, { vocabularies }).reasons[0]!.message).toBe('Your field, Neuroscience, falls under STEM.');
  });

  it('does not match without the vocabulary, nor downwards', () => {
    expect(evaluateEligibility(stem, { field: 'biosciences' }).eligible).toBe(false);
    const bio = rule({ fact: 'field', operator: 'equals', value: 'biosciences' });
    expect(evaluateEligibility(bio, { field: 'stem' }, { vocabularies }).eligible).toBe(false);
  });

  it('applies the hierarchy to exclusions too', () => {
    const notStem = rule({ fact: 'field', operator: 'not-in', value: ['stem'] });
    const v = evaluateEligibility(notStem, { field: 'neuroscience' }, { vocabularies });
    expect(v).toMatchObject({ eligible: false, reasons: [{ code: 'fact-not-matched', via: 'stem', message: 'You told us your field is Neuroscience, which falls under STEM; this is not open to STEM.' }] });
  });

  it('survives a cycle in an author’s vocabulary', () => {
    const cyclic = { fields: [{ id: 'a', broader: ['b'] }, { id: 'b', broader: ['a'] }] };
    expect(evaluateEligibility(stem, { field: 'a' }, { vocabularies: cyclic }).eligible).toBe(false);
    expect(evaluateEligibility(rule({ fact: 'field', operator: 'equals', value: 'b' }), { field: 'a' }, { vocabularies: cyclic }).eligible).toBe(true);
  });
});

describe('evaluateEligibility: all / any / not', () => {
  const bioTrainee = rule({ all: [gradOrPostdoc, { fact: 'field', operator: 'equals', value: 'biosciences' }] });

  it('all: false as soon as one part is false, even when another is unknown', () => {
    const v = evaluateEligibility(bioTrainee, { role: 'faculty' });
    expect(v).toMatchObject({ eligible: false, missingFacts: [] });
    expect(codes(v.reasons)).toEqual(['all-failed', 'fact-not-matched']);
    expect(v.reasons[0]!.message).toBe('1 of 2 requirements are not met.');
  });

  it('all: unknown when the known parts hold and a fact is missing', () => {
    const v = evaluateEligibility(bioTrainee, { role: 'postdoc' });
    expect(v).toMatchObject({ eligible: 'unknown', missingFacts: ['field'] });
    expect(codes(v.reasons)).toEqual(['fact-missing']);
  });

  it('any: true as soon as one part is true, even when another is unknown', () => {
    const r = rule({ any: [{ fact: 'field', operator: 'equals', value: 'biosciences' }, gradOrPostdoc] });
    expect(evaluateEligibility(r, { role: 'postdoc' })).toMatchObject({ eligible: true, missingFacts: [], reasons: [{ code: 'fact-matched', path: 'any[1]' }] });
    const none = evaluateEligibility(r, { role: 'staff', field: 'humanities' });
    expect(none.eligible).toBe(false);
    expect(codes(none.reasons)).toEqual(['any-failed', 'fact-not-matched', 'fact-not-matched']);
    expect(none.reasons[0]!.message).toBe('None of the 2 alternatives applies.');
    expect(evaluateEligibility(r, { role: 'staff' })).toMatchObject({ eligible: 'unknown', missingFacts: ['field'] });
  });

  it('not: swaps true and false and keeps unknown', () => {
    const r = rule({ not: { fact: 'role', operator: 'equals', value: 'undergraduate' } });
    expect(evaluateEligibility(r, { role: 'postdoc' }).eligible).toBe(true);
    const v = evaluateEligibility(r, { role: 'undergraduate' });
    expect(v.eligible).toBe(false);
    expect(codes(v.reasons)).toEqual(['not-failed', 'fact-matched']);
    expect(evaluateEligibility(r, {})).toMatchObject({ eligible: 'unknown', missingFacts: ['role'] });
  });

  it('lists each missing fact once, in rule order', () => {
    const r = rule({ all: [{ fact: 'role', operator: 'exists' }, { any: [{ fact: 'field', operator: 'equals', value: 'x' }, { fact: 'campus', operator: 'equals', value: 'y' }] }, { fact: 'field', operator: 'not-equals', value: 'z' }] });
    expect(evaluateEligibility(r, { role: 'postdoc' }).missingFacts).toEqual(['field', 'campus']);
  });

  it('uses a label instead of the generated sentence, for conditions and groups', () => {
    const labelled = rule({ any: [gradOrPostdoc], label: 'You must be a graduate student or postdoc.' });
    expect(evaluateEligibility(labelled, { role: 'faculty' }).reasons).toEqual([
      { code: 'any-failed', label: 'You must be a graduate student or postdoc.', path: '', count: 1, total: 1, message: 'You must be a graduate student or postdoc.' },
    ]);
    expect(evaluateEligibility(labelled, {})).toMatchObject({ eligible: 'unknown', missingFacts: ['role'], reasons: [{ code: 'any-unknown' }] });
    const cond = rule({ fact: 'role', operator: 'equals', value: 'postdoc', label: 'Postdocs only.' });
    expect(evaluateEligibility(cond, { role: 'faculty' }).reasons[0]).toMatchObject({ code: 'fact-not-matched', message: 'Postdocs only.' });
  });

  it('rejects malformed rules with the path of the problem', () => {
    const bad = { all: [gradOrPostdoc, { fact: 'role', operator: 'contains', value: 'x' }] } as unknown as Rule;
    expect(() => evaluateEligibility(bad, { role: 'postdoc' })).toThrow(/rule at all\[1\]: unknown operator "contains"/);
    expect(() => evaluateEligibility({ any: [] }, {})).toThrow(/any needs a non-empty list/);
  });
});

describe('formatReason', () => {
  it('takes templates from a message table, refined by operator, falling back to English', () => {
    const v = evaluateEligibility(gradOrPostdoc, { role: 'faculty' });
    const fr = { 'fact-not-matched:in': 'Votre {fact} est {actual}, pas : {expected}.' };
    const labels = { role: 'statut', faculty: 'enseignant', 'graduate-student': 'doctorant', postdoc: 'postdoctorant' };
    expect(formatReason(v.reasons[0]!, fr, labels)).toBe('Votre statut est enseignant, pas : doctorant, postdoctorant.');
    expect(formatReason(v.reasons[0]!, { 'fact-missing': 'x' })).toBe('This is for people whose role is one of: graduate-student, postdoc; you told us your role is faculty.');
  });

  it('is used by the evaluator with the given messages and labels', () => {
    const v = evaluateEligibility(gradOrPostdoc, {}, { messages: { 'fact-missing': 'Indiquez votre {fact}.' }, labels: { role: 'statut' } });
    expect(v.reasons[0]!.message).toBe('Indiquez votre statut.');
  });
});

describe('priorityTier', () => {
  const tiers = [
    { id: 'bio', label: 'Biosciences trainees', when: rule({ all: [gradOrPostdoc, { fact: 'field', operator: 'equals', value: 'biosciences' }] }) },
    { id: 'any', label: 'Trainees of any discipline', when: gradOrPostdoc },
  ];

  it('gives the first matching tier with its reasons', () => {
    const t = priorityTier(tiers, { role: 'postdoc', field: 'neuroscience' }, { vocabularies });
    expect(t).toMatchObject({ index: 0, tier: { id: 'bio' }, missingFacts: [] });
    expect(codes(t.reasons)).toEqual(['tier-matched', 'fact-matched', 'fact-matched']);
    expect(t.reasons[0]!.message).toBe('You are in priority group 1: Biosciences trainees.');
  });

  it('passes over a tier it cannot decide and says which fact would decide it', () => {
    const t = priorityTier(tiers, { role: 'graduate-student' });
    expect(t).toMatchObject({ index: 1, tier: { id: 'any' }, missingFacts: ['field'] });
    expect(codes(t.reasons)).toEqual(['tier-undecided', 'tier-matched', 'fact-matched']);
    expect(t.reasons[0]!.message).toBe('Tell us your field to check whether Biosciences trainees applies to you.');
  });

  it('puts people matching no tier in the general group at index tiers.length', () => {
    expect(priorityTier(tiers, { role: 'faculty' })).toMatchObject({ tier: undefined, index: 2, reasons: [{ code: 'no-tier' }] });
    expect(priorityTier([], { role: 'faculty' })).toMatchObject({ tier: undefined, index: 0 });
  });
});

// Kleene's three-valued logic, as a reference to check the evaluator against on random rules and people.
const and = (a: Truth, b: Truth): Truth => (a === false || b === false ? false : a === 'unknown' || b === 'unknown' ? 'unknown' : true);
const or = (a: Truth, b: Truth): Truth => (a === true || b === true ? true : a === 'unknown' || b === 'unknown' ? 'unknown' : false);
const neg = (a: Truth): Truth => (a === 'unknown' ? 'unknown' : !a);

describe('three-valued logic (property)', () => {
  const facts = ['a', 'b', 'c'] as const;
  const leaf = fc.record({ fact: fc.constantFrom(...facts), operator: fc.constant('equals' as const), value: fc.constantFrom('x', 'y') });
  const ruleArb = fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ all: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('rule') }),
    ),
  })).rule;
  const person = fc.record({ a: fc.constantFrom('x', 'y', undefined), b: fc.constantFrom('x', 'y', undefined), c: fc.constantFrom('x', 'y', undefined) });

  const reference = (r: Rule, p: Record<string, string | undefined>): Truth => {
    if ('all' in r) return r.all.map((x) => reference(x, p)).reduce(and, true);
    if ('any' in r) return r.any.map((x) => reference(x, p)).reduce(or, false);
    if ('not' in r) return neg(reference(r.not, p));
    const v = p[r.fact];
    return v === undefined ? 'unknown' : v === r.value;
  };

  it('agrees with Kleene logic, and is unknown only when filling the missing facts could change it', () => {
    fc.assert(
      fc.property(ruleArb, person, (r, p) => {
        const verdict = evaluateEligibility(r, p);
        expect(verdict.eligible).toBe(reference(r, p));
        if (verdict.eligible !== 'unknown') expect(verdict.missingFacts).toEqual([]);
        else {
          expect(verdict.missingFacts.length).toBeGreaterThan(0);
          for (const f of verdict.missingFacts) expect((p as Record<string, string | undefined>)[f]).toBeUndefined();
        }
        // Giving a missing fact never flips a decided verdict.
        if (verdict.eligible !== 'unknown') {
          const filled = { a: p.a ?? 'x', b: p.b ?? 'x', c: p.c ?? 'x' };
          expect(evaluateEligibility(r, filled).eligible).toBe(verdict.eligible);
        }
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});

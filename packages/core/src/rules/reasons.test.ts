import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../audience/audience.schema.js';
import { evaluateEligibility, priorityTier } from './evaluate.js';
import { DEFAULT_REASON_MESSAGES, formatReason, REASON_CODES, tidySentence } from './reasons.js';
import type { Rule } from './rules.schema.js';

const roles = DEFAULT_ROLES.map((r) => ({ id: r.id, label: r.label.toLowerCase() }));

describe('explanations are true sentences for the person', () => {
  it('says what the workshop is for and what the person told us', () => {
    const rule: Rule = { fact: 'role', operator: 'in', value: ['graduate-student', 'postdoc'] };
    const v = evaluateEligibility(rule, { role: 'undergraduate' }, { vocabularies: { roles } });
    expect(v.reasons.map((r) => r.message)).toEqual([
      'This is for people whose role is one of: graduate student, postdoctoral scholar; you told us your role is undergraduate student.',
    ]);
  });

  it('never doubles punctuation, whatever labels, tiers and values end with', () => {
    const sentenceEnd = fc.constantFrom('', '.', '!', '?', ';', ':', '…', '..');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), sentenceEnd, fc.constantFrom(...REASON_CODES), (text, end, code) => {
        const value = `${text.replace(/[.!?;:…]/g, 'x')}${end}`;
        const message = formatReason({ code, fact: value, expected: [value, value], actual: value, via: value, tier: value, rank: 1, count: 1, total: 2, missing: [value] });
        expect(message).not.toMatch(/[.!?…;:][.;:,]+(\s|$)/);
        expect(message).toMatch(/[.!?…)"”’]$/);
        expect(formatReason({ code, label: value })).not.toMatch(/[.!?…;:][.;:,]+(\s|$)/);
      }),
    );
  });

  it('ends a tier label that has its own full stop once', () => {
    const t = priorityTier([{ id: 'a', label: 'Biosciences trainees.', when: { fact: 'field', operator: 'equals', value: 'biosciences' } }], { field: 'biosciences' });
    expect(t.reasons[0]!.message).toBe('You are in priority group 1: Biosciences trainees.');
  });

  it('gives a rule label without an ending a full stop, and keeps a French space before a colon', () => {
    expect(formatReason({ code: 'fact-not-matched', label: 'Postdocs only' })).toBe('Postdocs only.');
    expect(tidySentence('Votre statut est enseignant, pas : doctorant.')).toBe('Votre statut est enseignant, pas : doctorant.');
  });

  it('has an English template for every reason code', () => {
    for (const code of REASON_CODES) expect(DEFAULT_REASON_MESSAGES[code], code).toBeDefined();
  });
});

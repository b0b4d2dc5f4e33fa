import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './evaluate.js';
import { ENGLISH_REASONS, reasonsIn, SPANISH_REASONS } from './reason-languages.js';
import { DEFAULT_REASON_MESSAGES, formatReason, REASON_CODES } from './reasons.js';
import type { Rule } from './rules.schema.js';

/** Spanish role labels, as a Spanish catalog gives them. */
const roles = [
  { id: 'graduate-student', label: 'estudiante de posgrado' },
  { id: 'postdoc', label: 'investigador posdoctoral' },
  { id: 'undergraduate', label: 'estudiante de grado' },
];

/** English words that would show a template was not translated. */
const ENGLISH = /(?<!\p{L})(you|your|this|is|for|people|whose|told|us|one|of|not|open|the|which|requirement|at|least|most)(?!\p{L})/iu;

describe('explanations in Spanish', () => {
  it('says what the rule asks for and what the person told us, in Spanish', () => {
    const rule: Rule = { fact: 'role', operator: 'in', value: ['graduate-student', 'postdoc'] };
    const v = evaluateEligibility(rule, { role: 'undergraduate' }, { ...reasonsIn('es-MX'), vocabularies: { roles } });
    expect(v.reasons.map((r) => r.message)).toEqual([
      'Esto requiere que tu puesto sea una de estas opciones: estudiante de posgrado, investigador posdoctoral; nos indicaste que es estudiante de grado.',
    ]);
  });

  it('has a template for every key the English has, none of it English', () => {
    expect(Object.keys(SPANISH_REASONS.messages).sort()).toEqual(Object.keys(DEFAULT_REASON_MESSAGES).sort());
    for (const [key, template] of Object.entries(SPANISH_REASONS.messages)) expect(template, key).not.toMatch(ENGLISH);
    // The check can fail: the English templates are caught by it.
    expect(Object.values(DEFAULT_REASON_MESSAGES).filter((t) => ENGLISH.test(t!)).length).toBeGreaterThan(20);
  });

  it('names every fact English names, in Spanish', () => {
    expect(Object.keys(SPANISH_REASONS.factLabels).sort()).toEqual(Object.keys(ENGLISH_REASONS.factLabels).sort());
    const reason = { code: 'fact-missing' as const, fact: 'yearsInRole' };
    expect(formatReason(reason, reasonsIn('es').messages, reasonsIn('es').labels)).toBe('Indica tu antigüedad en el puesto para poder comprobarlo.');
  });

  it('gives English for a language without templates, and for English', () => {
    expect(reasonsIn('fr')).toEqual({ messages: DEFAULT_REASON_MESSAGES, labels: ENGLISH_REASONS.factLabels });
    expect(reasonsIn('en-GB').messages).toBe(DEFAULT_REASON_MESSAGES);
  });

  it('fills every placeholder of every code in both languages', () => {
    for (const language of ['en', 'es']) {
      const { messages, labels } = reasonsIn(language);
      for (const code of REASON_CODES) {
        for (const operator of [undefined, 'equals', 'in', 'at-least'] as const) {
          const message = formatReason({ code, fact: 'role', operator, expected: ['postdoc'], actual: 'undergraduate', tier: 'A', rank: 1, count: 1, total: 2, missing: ['role'] }, messages, labels);
          expect(message, `${language} ${code} ${operator}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});

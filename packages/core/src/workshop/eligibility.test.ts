import { describe, expect, it } from 'vitest';
import { loadDemoCatalog } from '../../test/seed-helpers.js';
import { eligibilityFor } from './eligibility.js';

describe('eligibilityFor', () => {
  const catalog = loadDemoCatalog('mentoring-up.yaml');

  it('finds the policy through the workshop’s program and explains the verdict in the vocabulary’s words', () => {
    const no = eligibilityFor(catalog, 'mu-aligning-expectations', { role: 'undergraduate' });
    expect(no.eligible).toBe(false);
    expect(no.policy?.id).toBeDefined();
    expect(no.text).toBe('You must be a graduate student or postdoc.');
    expect(no.tier).toBeUndefined();

    const yes = eligibilityFor(catalog, 'mu-aligning-expectations', { role: 'postdoc', field: 'biosciences' });
    expect(yes.eligible).toBe(true);
    expect(yes.tier?.index).toBe(0);
  });

  it('asks for what it needs, and says a request-only offering is open to whom it is', () => {
    const unknown = eligibilityFor(catalog, 'mu-aligning-expectations', {});
    expect(unknown).toMatchObject({ eligible: 'unknown', missingFacts: ['role'] });
    const columbia = loadDemoCatalog('advancing-mentorship.yaml');
    const requestOnly = columbia.workshops.find((w) => w.kind === 'request-only' && w.request.eligibility !== undefined);
    if (requestOnly) {
      const verdict = eligibilityFor(columbia, requestOnly.id, { role: 'postdoc' });
      expect(verdict.policy).toBeUndefined();
      expect(verdict.eligible).toBe(false);
      // Reasons name roles by their labels, not their ids.
      expect(verdict.reasons.map((r) => r.message).join(' ')).not.toMatch(/department-chair|program-director/);
    }
  });

  it('names the known workshops for an unknown id', () => {
    expect(() => eligibilityFor(catalog, 'nope', {})).toThrow(/unknown workshop id "nope"; the catalog has "mu-/);
  });
});

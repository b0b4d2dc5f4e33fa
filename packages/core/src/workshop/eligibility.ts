import type { Catalog } from '../catalog/catalog.schema.js';
import { DEFAULT_FIELDS, DEFAULT_ROLES } from '../audience/audience.schema.js';
import { evaluateEligibility, priorityTier, type EligibilityVerdict, type EvaluateOptions, type TierVerdict } from '../rules/evaluate.js';
import type { PersonFacts } from '../rules/reasons.js';
import type { PriorityTier, RsvpPolicy } from '../rsvp/policy.schema.js';
import { effectivePolicy } from './workshop.js';

/** Who may take part in one workshop, and in which priority group, decided from the catalog alone. */
export interface WorkshopEligibility extends EligibilityVerdict {
  workshopId: string;
  /** The RSVP policy that governs it (its own, else its program's); undefined for a request-only offering or a workshop without one. */
  policy: RsvpPolicy | undefined;
  /** For a scheduled workshop with priority tiers: the person's tier. */
  tier?: TierVerdict<PriorityTier>;
  /** The page's own sentence for the rule (`eligibilityText`, or a request-only offering's `whoText`). */
  text?: string;
}

/**
 * Whether `person` may take part in the workshop `workshopId`: the rule of the policy that governs it
 * (its own `rsvpPolicy`, else the first of its programs'), or, for a request-only offering, who may request
 * it; with the person's priority tier, and reasons worded with the catalog's vocabulary labels (built-in
 * roles and fields included), so `graduate-student` reads "Graduate student". Throws a RangeError naming
 * the known ids for an unknown workshop.
 */
export function eligibilityFor(catalog: Catalog, workshopId: string, person: PersonFacts, options: EvaluateOptions = {}): WorkshopEligibility {
  const workshop = catalog.workshops.find((w) => w.id === workshopId);
  if (workshop === undefined) {
    const known = catalog.workshops.map((w) => `"${w.id}"`);
    throw new RangeError(`eligibilityFor: unknown workshop id "${workshopId}"; the catalog has ${known.slice(0, 20).join(', ') || 'none'}${known.length > 20 ? ', …' : ''}`);
  }
  const byId = <T extends { id: string }>(own: readonly T[], builtIn: readonly T[]): T[] => [...builtIn.filter((b) => !own.some((o) => o.id === b.id)), ...own];
  const evaluate: EvaluateOptions = {
    vocabularies: {
      roles: byId<{ id: string; label: string }>(catalog.vocabularies.roles, DEFAULT_ROLES),
      fields: byId<{ id: string; label: string; broader?: string[] | undefined }>(catalog.vocabularies.fields, DEFAULT_FIELDS),
      ...options.vocabularies,
    },
    ...(options.messages !== undefined ? { messages: options.messages } : {}),
    ...(options.labels !== undefined ? { labels: options.labels } : {}),
  };
  if (workshop.kind === 'request-only') {
    const verdict = evaluateEligibility(workshop.request.eligibility, person, evaluate);
    return { workshopId, policy: undefined, ...verdict, ...(workshop.request.whoText !== undefined ? { text: workshop.request.whoText } : {}) };
  }
  const policy = effectivePolicy(catalog, workshop);
  const verdict = evaluateEligibility(policy?.eligibility, person, evaluate);
  const tier = policy !== undefined && policy.priority.length > 0 && verdict.eligible !== false ? priorityTier(policy.priority, person, evaluate) : undefined;
  return {
    workshopId,
    policy,
    ...verdict,
    ...(tier !== undefined ? { tier } : {}),
    ...(policy?.eligibilityText !== undefined ? { text: policy.eligibilityText } : {}),
  };
}

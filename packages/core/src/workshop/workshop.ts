import type { Catalog } from '../catalog/catalog.schema.js';
import type { RsvpPolicy } from '../rsvp/policy.schema.js';
import type { Workshop } from '../workshop/workshop.schema.js';

/** The RSVP policy that governs a workshop: its own, else the first of its programs' that has one. */
export function effectivePolicy(catalog: Catalog, workshop: Workshop): RsvpPolicy | undefined {
  if (workshop.kind !== 'scheduled') return undefined;
  const id =
    workshop.rsvpPolicy ?? workshop.programs.map((p) => catalog.programs.find((program) => program.id === p)?.rsvpPolicy).find((x) => x !== undefined);
  return id === undefined ? undefined : catalog.policies.find((policy) => policy.id === id);
}

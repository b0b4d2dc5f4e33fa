/**
 * The attendee fact map: how a signed-in person's claims become the facts RSVP rules read (role,
 * department, field, institution), so that eligibility and tiers follow the provider, not what was typed.
 */
import { z } from 'zod';

const FACTS = ['role', 'department', 'field', 'institution'] as const;

const FactRuleSchema = z
  .strictObject({
    /** The claim to read, e.g. `eduPersonAffiliation`, `employeeType`, `department`. */
    claim: z.string().min(1),
    fact: z.enum(FACTS),
    /** Matches when the claim is this value, or a list that contains it; then the fact is `value`. */
    equals: z.string().min(1).optional(),
    /** The fact's value when the rule matches; absent: the claim's own value (a text claim). */
    value: z.string().min(1).optional(),
  })
  .refine((r) => r.equals !== undefined || r.value === undefined, { error: 'value needs equals (without equals the fact is the claim itself)', path: ['value'] });

export const AttendeeFactMapSchema = z.strictObject({
  /** Rules in order; for each fact the first rule that matches gives it. */
  facts: z.array(FactRuleSchema),
});
export type AttendeeFactMap = z.infer<typeof AttendeeFactMapSchema>;

/**
 * Without a map of its own, a server reads the common campus claims: `employeeType` / `studentLevel` and
 * `eduPersonAffiliation` for the role, `department` for the department.
 */
export const DEFAULT_ATTENDEE_FACTS: AttendeeFactMap = {
  facts: [
    { claim: 'employeeType', equals: 'postdoc', fact: 'role', value: 'postdoc' },
    { claim: 'studentLevel', equals: 'graduate', fact: 'role', value: 'graduate-student' },
    { claim: 'studentLevel', equals: 'undergraduate', fact: 'role', value: 'undergraduate' },
    { claim: 'eduPersonAffiliation', equals: 'faculty', fact: 'role', value: 'faculty' },
    { claim: 'eduPersonAffiliation', equals: 'staff', fact: 'role', value: 'staff' },
    { claim: 'department', fact: 'department' },
  ],
};

/** The verified person: name and e-mail from the standard claims, the facts from the map. */
export interface AttendeeIdentity {
  subject: string;
  name: string | null;
  email: string | null;
  facts: Partial<Record<(typeof FACTS)[number], string>>;
}

export function identityFromClaims(map: AttendeeFactMap, claims: Record<string, unknown>): AttendeeIdentity {
  const facts: AttendeeIdentity['facts'] = {};
  for (const rule of map.facts) {
    if (facts[rule.fact] !== undefined) continue;
    const claim = claims[rule.claim];
    if (rule.equals === undefined) {
      if (typeof claim === 'string' && claim.trim() !== '') facts[rule.fact] = claim.trim().slice(0, 200);
    } else if ((Array.isArray(claim) ? claim : [claim]).includes(rule.equals)) facts[rule.fact] = rule.value ?? rule.equals;
  }
  return {
    subject: String(claims.sub),
    name: typeof claims.name === 'string' ? claims.name.slice(0, 200) : null,
    email: typeof claims.email === 'string' && claims.email_verified !== false ? claims.email.toLowerCase().slice(0, 254) : null,
    facts,
  };
}

import { describe, expect, it } from 'vitest';
import { RsvpPolicySchema } from './policy.schema.js';

describe('RSVP policy sign-in', () => {
  it('takes signIn and the fields a signed-in person still types', () => {
    const policy = RsvpPolicySchema.parse({ id: 'p', fields: ['name', 'email', 'role', 'field'], signIn: 'required', selfReported: ['field'] });
    expect(policy).toMatchObject({ signIn: 'required', selfReported: ['field'] });
    expect(RsvpPolicySchema.parse({ id: 'p' }).signIn).toBeUndefined();
  });

  it('refuses selfReported without signIn, and an unknown mode or field, with the path', () => {
    const without = RsvpPolicySchema.safeParse({ id: 'p', selfReported: ['field'] });
    expect(without.success).toBe(false);
    expect(without.error?.issues[0]).toMatchObject({ path: ['selfReported'], message: 'selfReported lists what a signed-in person may type: set signIn too' });
    expect(RsvpPolicySchema.safeParse({ id: 'p', signIn: 'always' }).error?.issues[0]?.path).toEqual(['signIn']);
    expect(RsvpPolicySchema.safeParse({ id: 'p', signIn: 'optional', selfReported: ['shoe-size'] }).error?.issues[0]?.path).toEqual(['selfReported', 0]);
  });
});

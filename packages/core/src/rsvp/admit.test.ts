import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admit, freeSeats, heldSeats, type SeatState } from './admit.js';
import { allocate, type AllocationPolicy, type RsvpRequest } from './allocate.js';

const policyArb = fc
  .record({
    reserved: fc.array(fc.nat({ max: 3 }), { maxLength: 3 }),
    waitlist: fc.option(fc.record({ enabled: fc.boolean(), limit: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }), { nil: undefined }),
  })
  .map(({ reserved, waitlist }): AllocationPolicy => ({
    allocation: { mode: 'first-come' },
    priority: reserved.map((reservedSeats, i) => ({ id: `t${i}`, reservedSeats })),
    waitlist,
  }));

describe('admit', () => {
  it('decides each arrival as allocate decides the same arrivals all at once', () => {
    fc.assert(
      fc.property(
        policyArb.chain((policy) =>
          fc.record({
            policy: fc.constant(policy),
            extra: fc.option(fc.nat({ max: 6 }), { nil: undefined }),
            tiers: fc.array(fc.nat({ max: policy.priority!.length }), { maxLength: 25 }),
          }),
        ),
        ({ policy, extra, tiers }) => {
          const totalReserved = policy.priority!.reduce((a, t) => a + (t.reservedSeats ?? 0), 0);
          const capacity = extra === undefined ? undefined : totalReserved + extra;
          const requests: RsvpRequest[] = tiers.map((tierIndex, i) => ({
            id: `r${String(i).padStart(3, '0')}`,
            personKey: `p${i}`,
            tierIndex,
            requestedAt: new Date(Date.UTC(2026, 0, 1, 9, 0, i)).toISOString(),
            eligible: true,
          }));
          const batch = allocate({ capacity, policy, requests, now: '2026-01-02T00:00:00Z' });
          const byId = new Map([...batch.confirmed, ...batch.waitlisted, ...batch.declined].map((d) => [d.request.id, d]));
          const state: { capacity: number | undefined; seated: { tierIndex: number; reserved: boolean }[]; waitlisted: number } = { capacity, seated: [], waitlisted: 0 };
          for (const request of requests) {
            const decision = admit(state, request, policy);
            const expected = byId.get(request.id)!;
            expect(decision.status).toBe(expected.status);
            expect(decision.code).toBe(expected.code);
            if (decision.status === 'waitlisted') expect(decision.position).toBe(expected.position);
            if (decision.status === 'confirmed') state.seated.push({ tierIndex: request.tierIndex, reserved: decision.code === 'confirmed-reserved' });
            if (decision.status === 'waitlisted') state.waitlisted++;
          }
          if (capacity !== undefined) expect(state.seated.length).toBeLessThanOrEqual(capacity);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never lets a newcomer pass people waiting for a free seat', () => {
    const policy: AllocationPolicy = { allocation: { mode: 'first-come' }, waitlist: { enabled: true } };
    const state: SeatState = { capacity: 2, seated: [{ tierIndex: 0, reserved: false }], waitlisted: 1 };
    expect(admit(state, { tierIndex: 0 }, policy)).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('counts seats a tier still holds, and none once they are released', () => {
    const policy: AllocationPolicy = { allocation: { mode: 'first-come' }, priority: [{ id: 'a', reservedSeats: 2 }] };
    const state: SeatState = { capacity: 5, seated: [{ tierIndex: 0, reserved: true }], waitlisted: 0 };
    expect(heldSeats(state, policy)).toEqual([1]);
    expect(freeSeats(state, policy)).toBe(3);
    expect(freeSeats({ ...state, reservedReleased: true }, policy)).toBe(4);
    expect(freeSeats({ ...state, capacity: 1, seated: [...state.seated, { tierIndex: 1, reserved: false }] }, policy)).toBe(0);
  });

  it('refuses a tier index outside the policy', () => {
    expect(() => admit({ capacity: 1, seated: [], waitlisted: 0 }, { tierIndex: 2 }, { allocation: { mode: 'first-come' } })).toThrow(RangeError);
  });
});

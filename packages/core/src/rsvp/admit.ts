/**
 * First-come admission one request at a time: what the service asks when a person RSVPs to an occurrence
 * that already holds registrations. It decides exactly as {@link allocate} would for the same arrivals
 * (property-tested in admit.test.ts), without re-reading every earlier request. Browser-safe (no imports
 * but types and allocate's messages).
 */
import { DEFAULT_DECISION_MESSAGES, formatDecision, type AllocationPolicy, type DecisionCode } from './allocate.js';

/** Who holds the seats of one occurrence now. */
export interface SeatState {
  /** Seats; undefined means unlimited. */
  capacity: number | undefined;
  /** People holding a seat (confirmed, or offered one and not yet answered), by priority tier index. */
  seated: readonly { tierIndex: number; reserved: boolean }[];
  /** People on the waiting list. */
  waitlisted: number;
  /** True once the window has closed and unused reserved seats went to everyone. */
  reservedReleased?: boolean | undefined;
}

export type Admission =
  | { status: 'confirmed'; code: Extract<DecisionCode, 'confirmed' | 'confirmed-reserved'>; message: string }
  | { status: 'waitlisted'; code: 'waitlisted'; position: number; message: string }
  | { status: 'declined'; code: Extract<DecisionCode, 'declined-full' | 'declined-waitlist-full'>; message: string };

/** Seats each tier still holds for its own people: its reserved seats less those its people took. */
export function heldSeats(state: SeatState, policy: AllocationPolicy): number[] {
  const tiers = policy.priority ?? [];
  if (state.reservedReleased) return tiers.map(() => 0);
  return tiers.map((tier, index) => Math.max(0, (tier.reservedSeats ?? 0) - state.seated.filter((s) => s.reserved && s.tierIndex === index).length));
}

/**
 * Seats free for anyone: capacity less the seats taken and the seats tiers still hold. Undefined when
 * capacity is unlimited. Never negative (a catalog may have lowered capacity below the seats taken).
 */
export function freeSeats(state: SeatState, policy: AllocationPolicy): number | undefined {
  if (state.capacity === undefined) return undefined;
  const held = heldSeats(state, policy).reduce((a, b) => a + b, 0);
  return Math.max(0, state.capacity - state.seated.length - held);
}

/**
 * The decision for one more first-come request from a person in tier `tierIndex` (`tiers.length` for the
 * general group): a seat the tier holds for its people first, then a free seat, then the waiting list (up
 * to its limit), else declined. A newcomer never passes people already waiting for a free seat.
 */
export function admit(state: SeatState, request: { tierIndex: number }, policy: AllocationPolicy): Admission {
  const tiers = policy.priority ?? [];
  if (!Number.isInteger(request.tierIndex) || request.tierIndex < 0 || request.tierIndex > tiers.length) {
    throw new RangeError(`tierIndex must be a whole number from 0 to ${tiers.length} (the general group), got ${request.tierIndex}`);
  }
  if (state.capacity === undefined) return { status: 'confirmed', code: 'confirmed', message: DEFAULT_DECISION_MESSAGES.confirmed };
  if ((heldSeats(state, policy)[request.tierIndex] ?? 0) > 0) {
    return { status: 'confirmed', code: 'confirmed-reserved', message: DEFAULT_DECISION_MESSAGES['confirmed-reserved'] };
  }
  if ((freeSeats(state, policy) ?? 0) > 0 && state.waitlisted === 0) return { status: 'confirmed', code: 'confirmed', message: DEFAULT_DECISION_MESSAGES.confirmed };
  const limit = policy.waitlist?.enabled ? (policy.waitlist.limit ?? Number.POSITIVE_INFINITY) : 0;
  if (state.waitlisted < limit) {
    const position = state.waitlisted + 1;
    return { status: 'waitlisted', code: 'waitlisted', position, message: formatDecision({ code: 'waitlisted', position }) };
  }
  const code = limit > 0 ? 'declined-waitlist-full' : 'declined-full';
  return { status: 'declined', code, message: DEFAULT_DECISION_MESSAGES[code] };
}

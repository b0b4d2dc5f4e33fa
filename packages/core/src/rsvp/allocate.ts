/**
 * Seat allocation and waitlist promotion: pure functions from (capacity, policy, requests, clock) to
 * decisions with reasons. The service runs them inside its capacity transaction; they import only types and
 * the seeded lottery, so they can run anywhere.
 */
import type { Allocation } from './policy.schema.js';
import { requireInstant } from './instant.js';
import { compareText, lotteryOrder, lotteryShuffle } from './prng.js';

export interface RsvpRequest {
  id: string;
  /** Who asked (e.g. a hash of the email): one person gets at most one place. */
  personKey: string;
  /** Index of the person's priority tier; `tiers.length` for the general group. */
  tierIndex: number;
  /** When the request arrived: an ISO instant with offset. */
  requestedAt: string;
  eligible: boolean;
  /** Series registration: the sessions this request covers; absent means all of them. */
  sessionIds?: readonly string[] | undefined;
}

export interface AllocationPolicy {
  allocation: Allocation | { mode: 'at-close'; order?: 'time' | 'lottery' | undefined; seed?: string | undefined };
  /** Priority tiers in order; only `reservedSeats` matters here. */
  priority?: readonly { id?: string | undefined; reservedSeats?: number | undefined }[] | undefined;
  waitlist?: { enabled: boolean; limit?: number | undefined } | undefined;
}

export interface AllocateInput {
  /** Seats; undefined means unlimited. */
  capacity: number | undefined;
  policy: AllocationPolicy;
  requests: readonly RsvpRequest[];
  /** When the allocation is made; recorded as `decidedAt`. */
  now: string | Date;
}

export const DECISION_CODES = [
  'confirmed',
  'confirmed-reserved',
  'promoted',
  'waitlisted',
  'declined-ineligible',
  'declined-duplicate',
  'declined-full',
  'declined-waitlist-full',
  'declined-no-sessions',
] as const;
export type DecisionCode = (typeof DECISION_CODES)[number];
export type DecisionStatus = 'confirmed' | 'waitlisted' | 'declined';

export interface Decision {
  request: RsvpRequest;
  status: DecisionStatus;
  code: DecisionCode;
  message: string;
  /** 1-based place in the allocation order (tier, then time or lottery); absent for duplicates and the ineligible. */
  rank?: number;
  /** 1-based place on the waiting list. */
  position?: number;
}

export interface AllocationState {
  confirmed: readonly Decision[];
  /** In promotion order. */
  waitlisted: readonly Decision[];
  declined: readonly Decision[];
}

export interface AllocationResult extends AllocationState {
  confirmed: Decision[];
  waitlisted: Decision[];
  declined: Decision[];
  /** Ids of eligible, first-of-their-person requests in allocation order: the draw, for audit. */
  order: string[];
  /**
   * Reserved seats no one from their tier took. First-come holds them while the window is open; release
   * them at the close with promoteFromWaitlist({ freedSeats: unusedReservedSeats }). At-close allocation
   * has already released them (always 0).
   */
  unusedReservedSeats: number;
  decidedAt: string;
}

export const DEFAULT_DECISION_MESSAGES: Readonly<Record<DecisionCode, string>> = {
  confirmed: 'Your place is confirmed.',
  'confirmed-reserved': 'Your place is confirmed from the seats held for your priority group.',
  promoted: 'A place became free: your place is confirmed.',
  waitlisted: 'The session is full: you are number {position} on the waiting list.',
  'declined-ineligible': 'You are not eligible for this session.',
  'declined-duplicate': 'You have already asked for a place; only your first request counts.',
  'declined-full': 'The session is full.',
  'declined-waitlist-full': 'The session and its waiting list are full.',
  'declined-no-sessions': 'This request opts out of every session of the series.',
};

/** The sentence for a decision, from `messages` (e.g. a translation) or the English defaults. */
export function formatDecision(decision: Pick<Decision, 'code' | 'position'>, messages?: Readonly<Partial<Record<DecisionCode, string>>>): string {
  const template = messages?.[decision.code] ?? DEFAULT_DECISION_MESSAGES[decision.code];
  return template.replace(/\{position\}/g, String(decision.position ?? ''));
}

/**
 * Decides who gets a seat.
 *
 * - Only a person's first request (by time, then id) counts; later ones are declined as duplicates, so
 *   asking twice cannot buy a second lottery ticket. Ineligible requests are declined.
 * - first-come: in request-time order. Each tier's reserved seats are held for it while the window is open
 *   (see `unusedReservedSeats`).
 * - at-close: by tier, then within a tier by time or by the seeded lottery ({@link lotteryOrder}). Each
 *   tier first fills its reserved seats; unused reserved seats then go to everyone in order.
 * - Whoever finds no seat joins the waiting list (when enabled, up to its limit) in the same order, or is
 *   declined.
 */
export function allocate(input: AllocateInput): AllocationResult {
  return allocateWith(input, undefined);
}

export interface PromotionOptions {
  freedSeats: number;
  /** strict-order: only the head moves, and a head who cannot take the seat stops promotion; fill-capacity: skip such people. */
  policy: 'strict-order' | 'fill-capacity';
  /** Whether this person can take a seat now (e.g. has not cancelled, still eligible); default yes. */
  canAccept?: ((decision: Decision) => boolean) | undefined;
}

export type PromotionResult<S extends AllocationState> = Omit<S, 'confirmed' | 'waitlisted'> & {
  confirmed: Decision[];
  waitlisted: Decision[];
  promoted: Decision[];
  /** Freed seats no one on the list could take. */
  unfilledSeats: number;
};

/** Moves people from the waiting list into freed seats, in waiting-list order. */
export function promoteFromWaitlist<S extends AllocationState>(state: S, options: PromotionOptions): PromotionResult<S> {
  const { freedSeats, policy } = options;
  if (!Number.isInteger(freedSeats) || freedSeats < 0) throw new RangeError(`freedSeats must be a whole number of seats (0 or more), got ${freedSeats}`);
  if (policy !== 'strict-order' && policy !== 'fill-capacity') throw new RangeError(`unknown promotion policy ${JSON.stringify(policy)}; use strict-order or fill-capacity`);
  const canAccept = options.canAccept ?? (() => true);
  const promoted: Decision[] = [];
  const staying: Decision[] = [];
  let seats = freedSeats;
  let stopped = false;
  for (const waiting of state.waitlisted) {
    if (seats > 0 && !stopped && canAccept(waiting)) {
      promoted.push(decide(waiting.request, 'confirmed', 'promoted', waiting.rank));
      seats--;
    } else {
      if (seats > 0 && policy === 'strict-order') stopped = true;
      staying.push(waiting);
    }
  }
  const waitlisted = staying.map((d, i) => (d.position === i + 1 ? d : renumber(d, i + 1)));
  return { ...state, confirmed: [...state.confirmed, ...promoted], waitlisted, promoted, unfilledSeats: seats };
}

export interface SeriesSession {
  id: string;
  /** Seats for this session; default the series' capacity. */
  capacity?: number | undefined;
}

export interface AllocateSeriesInput {
  sessions: readonly SeriesSession[];
  /** Seats per session when a session gives none; undefined means unlimited. */
  capacity?: number | undefined;
  policy: AllocationPolicy;
  requests: readonly RsvpRequest[];
  now: string | Date;
}

export interface SeriesAllocation {
  /** One allocation per session, over the requests that cover it. */
  sessions: Record<string, AllocationResult>;
  /** Requests no session saw: later duplicates of a person, and requests that opt out of every session. */
  declined: Decision[];
}

/**
 * Series registration: one request covers every session of a series except those the person opted out
 * of (`sessionIds` lists the sessions kept). Each session is allocated with its own capacity over the
 * requests that cover it; an opted-out person is not counted there. The lottery is drawn once for the
 * series, so a person's luck is the same in every session.
 */
export function allocateSeries(input: AllocateSeriesInput): SeriesAllocation {
  const known = new Set(input.sessions.map((s) => s.id));
  if (known.size !== input.sessions.length) throw new RangeError('allocateSeries: session ids must be unique');
  const prepared = prepare(input.requests, undefined);
  const declined: Decision[] = [...prepared.duplicates];
  const kept: Prepared[] = [];
  for (const p of prepared.firsts) {
    const ids = p.request.sessionIds;
    if (ids !== undefined) {
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) throw new RangeError(`request ${JSON.stringify(p.request.id)} names session ${JSON.stringify(unknown)}, which is not in this series`);
      if (ids.length === 0) {
        declined.push(decide(p.request, 'declined', 'declined-no-sessions'));
        continue;
      }
    }
    kept.push(p);
  }
  const allocation = input.policy.allocation;
  const lottery = allocation.mode === 'at-close' && allocation.order === 'lottery';
  const ranks = lottery ? lotteryRanks(kept.filter((p) => p.request.eligible), input.policy) : undefined;
  const sessions: Record<string, AllocationResult> = {};
  for (const session of input.sessions) {
    const requests = kept.filter((p) => p.request.sessionIds === undefined || p.request.sessionIds.includes(session.id)).map((p) => p.request);
    sessions[session.id] = allocateWith({ capacity: session.capacity ?? input.capacity, policy: input.policy, requests, now: input.now }, ranks);
  }
  return { sessions, declined };
}

interface Prepared {
  request: RsvpRequest;
  time: number;
}

function allocateWith(input: AllocateInput, ranks: Map<string, number> | undefined): AllocationResult {
  const { capacity, policy } = input;
  const decidedAt = instantText(input.now);
  const tiers = policy.priority ?? [];
  if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 0)) throw new RangeError(`capacity must be a whole number of seats (0 or more), got ${capacity}`);
  const reserved = tiers.map((t, i) => {
    const r = t.reservedSeats ?? 0;
    if (!Number.isInteger(r) || r < 0) throw new RangeError(`priority[${i}].reservedSeats must be a whole number (0 or more), got ${r}`);
    return r;
  });
  const totalReserved = reserved.reduce((a, b) => a + b, 0);
  if (capacity !== undefined && totalReserved > capacity) throw new RangeError(`the tiers reserve ${totalReserved} seats but capacity is ${capacity}`);
  const waitlistLimit = policy.waitlist?.enabled ? (policy.waitlist.limit ?? Number.POSITIVE_INFINITY) : 0;

  const { firsts, duplicates } = prepare(input.requests, tiers.length);
  const declined: Decision[] = [...duplicates];
  const candidates: Prepared[] = [];
  for (const p of firsts) {
    if (p.request.eligible) candidates.push(p);
    else declined.push(decide(p.request, 'declined', 'declined-ineligible'));
  }

  const ordered = orderCandidates(candidates, policy, tiers.length, ranks);
  const confirmed: Decision[] = [];
  const waitlisted: Decision[] = [];
  const seat = (request: RsvpRequest, rank: number, code: 'confirmed' | 'confirmed-reserved') => confirmed.push(decide(request, 'confirmed', code, rank));
  const noSeat = (request: RsvpRequest, rank: number) => {
    if (waitlisted.length < waitlistLimit) waitlisted.push(decide(request, 'waitlisted', 'waitlisted', rank, waitlisted.length + 1));
    else declined.push(decide(request, 'declined', waitlistLimit > 0 ? 'declined-waitlist-full' : 'declined-full', rank));
  };

  let unusedReservedSeats = 0;
  if (capacity === undefined) {
    ordered.forEach((request, i) => seat(request, i + 1, 'confirmed'));
  } else if (policy.allocation.mode === 'first-come') {
    const held = [...reserved];
    let general = capacity - totalReserved;
    ordered.forEach((request, i) => {
      const k = request.tierIndex;
      if ((held[k] ?? 0) > 0) {
        held[k]!--;
        seat(request, i + 1, 'confirmed-reserved');
      } else if (general > 0) {
        general--;
        seat(request, i + 1, 'confirmed');
      } else noSeat(request, i + 1);
    });
    unusedReservedSeats = held.reduce((a, b) => a + b, 0);
  } else {
    // Reserved seats first, each to the first people of its tier; what is left, in order, to everyone else.
    const held = [...reserved];
    const onReserved = new Set<RsvpRequest>();
    for (const request of ordered) {
      const k = request.tierIndex;
      if ((held[k] ?? 0) > 0) {
        held[k]!--;
        onReserved.add(request);
      }
    }
    let free = capacity - onReserved.size;
    ordered.forEach((request, i) => {
      if (onReserved.has(request)) seat(request, i + 1, 'confirmed-reserved');
      else if (free > 0) {
        free--;
        seat(request, i + 1, 'confirmed');
      } else noSeat(request, i + 1);
    });
  }
  return { confirmed, waitlisted, declined, order: ordered.map((r) => r.id), unusedReservedSeats, decidedAt };
}

/** Validates requests, sorts them by time then id, and separates each person's first request from the rest. */
function prepare(requests: readonly RsvpRequest[], tierCount: number | undefined): { firsts: Prepared[]; duplicates: Decision[] } {
  const ids = new Set<string>();
  const prepared: Prepared[] = requests.map((request, i) => {
    if (typeof request.id !== 'string' || request.id === '') throw new RangeError(`requests[${i}] has no id`);
    if (ids.has(request.id)) throw new RangeError(`request id ${JSON.stringify(request.id)} appears more than once`);
    ids.add(request.id);
    if (tierCount !== undefined && (!Number.isInteger(request.tierIndex) || request.tierIndex < 0 || request.tierIndex > tierCount)) {
      throw new RangeError(`request ${JSON.stringify(request.id)}: tierIndex must be a whole number from 0 to ${tierCount} (the general group), got ${request.tierIndex}`);
    }
    return { request, time: requireInstant(request.requestedAt, () => `request ${JSON.stringify(request.id)}: requestedAt`) };
  });
  prepared.sort(byTime);
  const people = new Set<string>();
  const firsts: Prepared[] = [];
  const duplicates: Decision[] = [];
  for (const p of prepared) {
    if (people.has(p.request.personKey)) duplicates.push(decide(p.request, 'declined', 'declined-duplicate'));
    else {
      people.add(p.request.personKey);
      firsts.push(p);
    }
  }
  return { firsts, duplicates };
}

function orderCandidates(candidates: readonly Prepared[], policy: AllocationPolicy, tierCount: number, ranks: Map<string, number> | undefined): RsvpRequest[] {
  const allocation = policy.allocation;
  if (allocation.mode === 'first-come') return candidates.map((p) => p.request);
  // Buckets by tier keep the time order `candidates` arrive in.
  const buckets: RsvpRequest[][] = Array.from({ length: tierCount + 1 }, () => []);
  for (const p of candidates) buckets[p.request.tierIndex]!.push(p.request);
  if ((allocation.order ?? 'time') === 'lottery') {
    const seed = lotterySeed(policy);
    for (const [tier, bucket] of buckets.entries()) {
      if (ranks !== undefined) bucket.sort((a, b) => ranks.get(a.id)! - ranks.get(b.id)!);
      else buckets[tier] = lotteryShuffle(bucket, (r) => r.id, `${seed}\u0000tier ${tier}`);
    }
  }
  return buckets.flat();
}

/** Lottery rank of every request, drawn per tier from the policy's seed (a series draws once for all sessions). */
function lotteryRanks(candidates: readonly Prepared[], policy: AllocationPolicy): Map<string, number> {
  const seed = lotterySeed(policy);
  const byTier = new Map<number, string[]>();
  for (const p of candidates) {
    const list = byTier.get(p.request.tierIndex);
    if (list === undefined) byTier.set(p.request.tierIndex, [p.request.id]);
    else list.push(p.request.id);
  }
  const ranks = new Map<string, number>();
  for (const [tier, ids] of byTier) lotteryOrder(ids, `${seed}\u0000tier ${tier}`).forEach((id, i) => ranks.set(id, i));
  return ranks;
}

function lotterySeed(policy: AllocationPolicy): string {
  const allocation = policy.allocation;
  return allocation.mode === 'at-close' ? (allocation.seed ?? '') : '';
}

function byTime(a: Prepared, b: Prepared): number {
  return a.time - b.time || compareText(a.request.id, b.request.id);
}

function decide(request: RsvpRequest, status: DecisionStatus, code: DecisionCode, rank?: number, position?: number): Decision {
  // Built field by field: allocation makes one of these per request, and spreads of optional fields cost.
  const decision: Decision = { request, status, code, message: position === undefined ? DEFAULT_DECISION_MESSAGES[code] : formatDecision({ code, position }) };
  if (rank !== undefined) decision.rank = rank;
  if (position !== undefined) decision.position = position;
  return decision;
}

function renumber(decision: Decision, position: number): Decision {
  return { ...decision, position, message: formatDecision({ code: decision.code, position }) };
}

function instantText(value: string | Date): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('now is an invalid Date');
    return value.toISOString();
  }
  return new Date(requireInstant(value, () => 'now')).toISOString();
}

/** What a service records when it allocates at close: the exact input (seed included) and the order it decided. */
export interface RecordedAllocation {
  input: AllocateInput;
  /** `AllocationResult.order` as recorded. */
  order: readonly string[];
}

export interface ReproducedAllocation {
  /** The allocation run again from the recorded input. */
  result: AllocationResult;
  /** True when it gives the recorded order. */
  reproduced: boolean;
  /** Where the orders part, when they do: the position and the request id at it in each. */
  firstDifference?: { index: number; recorded: string | undefined; reproduced: string | undefined };
}

/**
 * Re-runs a recorded allocation (the seeded lottery included) so anyone can check a draw: the same input
 * always gives the same order, on every engine. `reproduced` says whether it matches the recorded order.
 */
export function reproduceAllocation(recorded: RecordedAllocation): ReproducedAllocation {
  const result = allocate(recorded.input);
  const length = Math.max(result.order.length, recorded.order.length);
  for (let index = 0; index < length; index++) {
    if (result.order[index] !== recorded.order[index]) {
      return { result, reproduced: false, firstDifference: { index, recorded: recorded.order[index], reproduced: result.order[index] } };
    }
  }
  return { result, reproduced: true };
}

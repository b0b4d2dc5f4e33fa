/**
 * The write lane of one occurrence: how the usual RSVP (one session) is stored in one round trip.
 *
 * Each instance keeps, per occurrence, the seats as the database last told it. RSVPs for the occurrence queue
 * in its lane; the lane takes the waiting ones as a batch, decides each in turn on that state (core's `admit`,
 * through the caller's `prepare`, each seeing the seats the ones before it took), and sends the batch in one
 * statement: `mk_rsvp_batch` (migration 0004) takes the occurrence's advisory lock — the same one the
 * transactional path takes — checks that the seats are still exactly the state the batch was decided on, and
 * only then writes. When they are not (another instance, a cancellation, a staff action), nothing is
 * written and the batch is decided again on the state the database returns. So every decision is made on the
 * seats as they are under the lock, as in one transaction, with one round trip per batch instead of five per
 * RSVP; while a batch is in flight the next one gathers, so a busy occurrence writes many RSVPs per trip.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { busyError, occurrenceLock, whenBusy } from '../db/tx.js';
import { ApiError } from '../errors.js';

/** One session's seats as an RSVP decision reads them. */
export interface SessionSeats {
  seated: { tierIndex: number; reserved: boolean }[];
  waitlisted: number;
  /** The latest request time (ms) among the active registrations. */
  latest: number;
}

/** Seats of the sessions an RSVP covers, and which sessions have a snapshot (with its SEQUENCE). */
export interface Seats {
  bySession: Map<string, SessionSeats>;
  snapshotted: Map<string, number>;
}

/** One group of active registrations of a session, as the database aggregates them. */
export interface SeatGroup {
  /** Status. */
  s: string;
  /** Tier index. */
  t: number;
  /** Holds a reserved seat. */
  r: boolean;
  /** How many. */
  n: number;
  /** Latest request time (ms). */
  latest: number;
}

/** Adds one aggregated group to a session's seats. */
export function addSeatGroup(here: SessionSeats, g: SeatGroup): void {
  here.latest = Math.max(here.latest, g.latest);
  if (g.s === 'confirmed' || g.s === 'offered') for (let i = 0; i < g.n; i++) here.seated.push({ tierIndex: g.t, reserved: g.r });
  else if (g.s === 'waitlisted') here.waitlisted += g.n;
}

export const emptySessionSeats = (): SessionSeats => ({ seated: [], waitlisted: 0, latest: 0 });

/** Everything one RSVP writes (column names as in the tables). */
export interface RsvpRows {
  submission: Record<string, unknown>;
  registrations: Record<string, unknown>[];
  snapshots: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  idempotency: { key: string; request_hash: string; response: unknown; created_at: string };
}

/** What an RSVP becomes once decided on some seats: rows to write and the answer, or a refusal (thrown by `prepare`). */
export interface Prepared<A> {
  rows: RsvpRows;
  answer: A;
}

export interface LaneItem<A> {
  /** The person's key: a person already holding a place is refused as a duplicate. */
  person: string;
  /** Decides on `seats` (may throw an ApiError, a refusal that stands only if the seats are confirmed under the lock). */
  prepare(seats: Seats): Prepared<A>;
}

/** The message for a second RSVP of one person to one session. */
export const DUPLICATE_MESSAGE = 'You already have an RSVP for this session. Use the link in your confirmation to see or change it.';

/** At most this many RSVPs per statement. */
const MAX_BATCH = 64;
/** A batch decided again this many times (the seats kept changing under it) is answered "busy". */
const MAX_ROUNDS = 50;

interface Waiting {
  item: LaneItem<unknown>;
  resolve(answer: unknown): void;
  reject(error: unknown): void;
}

interface Lane {
  workshopId: string;
  occurrenceId: string;
  /** The seats as the database last described them (its own text, compared as is); undefined: not known. */
  state: string | undefined;
  waiting: Waiting[];
  running: boolean;
}

interface BatchReply {
  state: string;
  held?: string[];
  written?: number;
  constraint?: string;
}

export class WriteLanes {
  readonly #db: Db;
  readonly #lockTimeoutMs: number;
  readonly #lanes = new Map<string, Lane>();

  constructor(db: Db, lockTimeoutMs = 5_000) {
    this.#db = db;
    this.#lockTimeoutMs = Math.max(1, Math.round(lockTimeoutMs));
  }

  /** Queues an RSVP for one occurrence; resolves with its answer once written, or rejects with its refusal. */
  submit<A>(workshopId: string, occurrenceId: string, item: LaneItem<A>): Promise<A> {
    const key = occurrenceLock(workshopId, occurrenceId);
    let lane = this.#lanes.get(key);
    if (lane === undefined) {
      lane = { workshopId, occurrenceId, state: undefined, waiting: [], running: false };
      this.#lanes.set(key, lane);
    }
    const queued = new Promise<A>((resolve, reject) => lane.waiting.push({ item, resolve, reject }));
    if (!lane.running) void this.#run(lane);
    return queued;
  }

  async #run(lane: Lane): Promise<void> {
    lane.running = true;
    try {
      while (lane.waiting.length > 0) {
        const batch = lane.waiting.splice(0, MAX_BATCH);
        try {
          await this.#write(lane, batch);
        } catch (error) {
          // The statement failed (a lock not granted in time, the connection lost): nothing of it was written.
          lane.state = undefined;
          const answer = whenBusy(error);
          for (const w of batch) w.reject(answer);
        }
      }
    } finally {
      lane.running = false;
    }
  }

  /** Settles every RSVP of `batch` (removing them from it as they are answered). */
  async #write(lane: Lane, batch: Waiting[]): Promise<void> {
    for (let round = 0; batch.length > 0; round++) {
      if (round === MAX_ROUNDS) throw busyError();
      const seats = lane.state === undefined ? undefined : parseSeats(lane.occurrenceId, lane.state);
      const decided = seats === undefined ? [] : batch.map((w) => decide(w.item, seats));
      const reply = await this.#send(lane, decided.map((d, i) => ({ person: batch[i]!.item.person, ...(d.prepared ? d.prepared.rows : {}) })));
      lane.state = reply.state;
      if (reply.written === undefined) {
        // Not written: the seats had changed (decide again on the state returned), or some people already hold a place.
        const held = new Set(reply.held ?? []);
        for (let i = batch.length - 1; i >= 0; i--) {
          if (held.has(batch[i]!.item.person)) batch.splice(i, 1)[0]!.reject(new ApiError('duplicate', DUPLICATE_MESSAGE));
        }
        continue;
      }
      const settled = batch.splice(0, reply.written);
      settled.forEach((w, i) => {
        const { prepared, refusal } = decided[i]!;
        if (prepared) w.resolve(prepared.answer);
        else w.reject(refusal);
      });
      if (reply.constraint !== undefined) {
        // This RSVP broke a unique constraint (its Idempotency-Key, or the same person twice in one batch); the
        // ones after it were decided on seats it would have taken, so they are decided again.
        batch.shift()!.reject(Object.assign(new Error(`unique constraint ${reply.constraint}`), { code: '23505', constraint: reply.constraint }));
      }
    }
  }

  async #send(lane: Lane, items: unknown[]): Promise<BatchReply> {
    const result: unknown = await this.#db.execute(
      sql`select mk_rsvp_batch(${`${this.#lockTimeoutMs}ms`}, ${occurrenceLock(lane.workshopId, lane.occurrenceId)}, ${lane.workshopId}, ${lane.occurrenceId}, ${lane.state ?? null}, ${JSON.stringify(items)}::jsonb) as reply`,
    );
    const reply = (result as { rows: { reply: unknown }[] }).rows[0]!.reply;
    return (typeof reply === 'string' ? JSON.parse(reply) : reply) as BatchReply;
  }
}

function decide(item: LaneItem<unknown>, seats: Seats): { prepared?: Prepared<unknown>; refusal?: unknown } {
  try {
    const prepared = item.prepare(seats);
    applyRows(seats, prepared.rows);
    return { prepared };
  } catch (refusal) {
    return { refusal };
  }
}

/** The seats after `rows` are written, so the next RSVP of a batch is decided on them. */
function applyRows(seats: Seats, rows: RsvpRows): void {
  for (const r of rows.registrations) {
    const session = r.occurrence_id as string;
    const here = seats.bySession.get(session) ?? emptySessionSeats();
    seats.bySession.set(session, here);
    addSeatGroup(here, { s: r.status as string, t: r.tier_index as number, r: r.code === 'confirmed-reserved', n: 1, latest: Date.parse(r.requested_at as string) });
  }
  for (const s of rows.snapshots) if (!seats.snapshotted.has(s.occurrence_id as string)) seats.snapshotted.set(s.occurrence_id as string, 0);
}

/** `mk_seat_state`'s text as the seats of one occurrence. */
function parseSeats(occurrenceId: string, state: string): Seats {
  const { seats: groups, sequence } = JSON.parse(state) as { seats: SeatGroup[]; sequence: number | null };
  const here = emptySessionSeats();
  for (const g of groups) addSeatGroup(here, g);
  return { bySession: new Map([[occurrenceId, here]]), snapshotted: new Map<string, number>(sequence === null ? [] : [[occurrenceId, sequence]]) };
}

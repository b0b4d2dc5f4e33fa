/**
 * The write lanes: how the usual RSVP (one session) is stored, many at a time, in one round trip.
 *
 * Each instance keeps, per occurrence, the seats as the database last told it. RSVPs for the occurrence queue
 * in its lane; a statement takes the waiting ones as a batch, decides each in turn on that state (core's
 * `admit`, through the caller's `prepare`, each seeing the seats the ones before it took), and writes the batch
 * with `mk_rsvp_lanes` (migrations 0005, 0006). It takes the occurrence's advisory lock — the same one the
 * transactional path takes — checks that the seats are still exactly the state the batch was decided on, and
 * only then writes. When they are not (another instance, a cancellation, a staff action), nothing of that
 * occurrence is written and its batch is decided again on the state the database returns. So every decision is
 * made on the seats as they are under the lock, as in one transaction.
 *
 * One statement carries the batches of every occurrence that has RSVPs waiting (locks taken in sorted order),
 * and a few statements are in flight at once while the next RSVPs gather: under load a statement settles many
 * RSVPs, whether they go to one occurrence or are spread over a hundred. A statement that fails (a lock not
 * granted in time, a lost connection) writes nothing, and each of its RSVPs is answered "busy".
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { busyError, lockOrder, occurrenceLock, whenBusy } from '../db/tx.js';
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

/** At most this many RSVPs of one occurrence per statement. */
const MAX_BATCH = 64;
/** At most this many RSVPs in one statement, over all its occurrences. */
const MAX_STATEMENT = 256;
/** An RSVP decided again this many times (the seats kept changing under it) is answered "busy". */
const MAX_ROUNDS = 50;

interface Waiting {
  item: LaneItem<unknown>;
  resolve(answer: unknown): void;
  reject(error: unknown): void;
  /** How many times it was decided and not settled. */
  rounds: number;
}

interface Lane {
  /** The occurrence's advisory lock key. */
  key: string;
  workshopId: string;
  occurrenceId: string;
  /** The seats as the database last described them (its own text, compared as is); undefined: not known. */
  state: string | undefined;
  waiting: Waiting[];
  /** Its batch is in a statement now (each occurrence has at most one statement in flight). */
  flying: boolean;
}

/** One occurrence's part of a statement: its batch and what was decided for it. */
interface Group {
  lane: Lane;
  batch: Waiting[];
  decided: Decided[];
}

interface Decided {
  prepared?: Prepared<unknown>;
  refusal?: unknown;
}

interface BatchReply {
  state: string;
  held?: string[];
  written?: number;
  constraint?: string;
}

/**
 * The write lanes of every occurrence, and the statements that carry them: at most `flights` statements at
 * once, each taking the waiting RSVPs of every occurrence not already in flight. While statements are out,
 * RSVPs gather, so under load one statement settles many occurrences' batches (one commit, one round trip),
 * however the load is spread.
 */
export class WriteLanes {
  readonly #db: Db;
  readonly #lockTimeoutMs: number;
  readonly #flightsAllowed: number;
  readonly #lanes = new Map<string, Lane>();
  /** Lanes with RSVPs waiting and no statement in flight, oldest first. */
  readonly #ready = new Set<Lane>();
  #flights = 0;
  #scheduled = false;

  constructor(db: Db, options: { lockTimeoutMs?: number | undefined; flights?: number | undefined } = {}) {
    this.#db = db;
    this.#lockTimeoutMs = Math.max(1, Math.round(options.lockTimeoutMs ?? 5_000));
    this.#flightsAllowed = Math.max(1, Math.floor(options.flights ?? 4));
  }

  /** Queues an RSVP for one occurrence; resolves with its answer once written, or rejects with its refusal. */
  submit<A>(workshopId: string, occurrenceId: string, item: LaneItem<A>): Promise<A> {
    const key = occurrenceLock(workshopId, occurrenceId);
    let lane = this.#lanes.get(key);
    if (lane === undefined) {
      lane = { key, workshopId, occurrenceId, state: undefined, waiting: [], flying: false };
      this.#lanes.set(key, lane);
    }
    const queued = new Promise<A>((resolve, reject) => lane.waiting.push({ item, resolve, reject, rounds: 0 }));
    if (!lane.flying) this.#ready.add(lane);
    this.#schedule();
    return queued;
  }

  /**
   * Starts statements once the requests already received have been read (after this turn's I/O), so the RSVPs
   * that arrived together go together.
   */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#launch();
    });
  }

  #launch(): void {
    while (this.#flights < this.#flightsAllowed && this.#ready.size > 0) void this.#fly(this.#take());
  }

  /** The next statement's groups: ready lanes, oldest first, up to MAX_STATEMENT RSVPs; marked in flight. */
  #take(): Group[] {
    const groups: Group[] = [];
    let room = MAX_STATEMENT;
    for (const lane of this.#ready) {
      if (room === 0) break;
      this.#ready.delete(lane);
      lane.flying = true;
      const batch = lane.waiting.splice(0, Math.min(MAX_BATCH, room));
      room -= batch.length;
      const seats = lane.state === undefined ? undefined : parseSeats(lane.occurrenceId, lane.state);
      // Seats not known yet: the statement only reads them, and the batch is decided on what it returns.
      groups.push({ lane, batch, decided: seats === undefined ? [] : batch.map((w) => decide(w.item, seats)) });
    }
    return groups.sort((a, b) => lockOrder(a.lane.key, b.lane.key));
  }

  async #fly(groups: Group[]): Promise<void> {
    this.#flights++;
    try {
      const replies = await this.#send(groups);
      groups.forEach((group, i) => settle(group, replies[i]!));
    } catch (error) {
      // The statement failed (a lock not granted in time, the connection lost): nothing of it was written.
      const answer = whenBusy(error);
      for (const { lane, batch } of groups) {
        lane.state = undefined;
        for (const w of batch) w.reject(answer);
        batch.length = 0;
      }
    } finally {
      for (const { lane, batch } of groups) {
        // What was not settled goes first in the lane, to be decided again on the state the statement returned.
        const again = batch.filter((w) => {
          if (++w.rounds < MAX_ROUNDS) return true;
          w.reject(busyError());
          return false;
        });
        lane.waiting.unshift(...again);
        lane.flying = false;
        if (lane.waiting.length > 0) this.#ready.add(lane);
      }
      this.#flights--;
      this.#schedule();
    }
  }

  async #send(groups: Group[]): Promise<BatchReply[]> {
    const payload = groups.map(({ lane, batch, decided }) => ({
      lock: lane.key,
      workshop: lane.workshopId,
      occurrence: lane.occurrenceId,
      expected: lane.state ?? null,
      items: decided.map((d, i) => ({ person: batch[i]!.item.person, ...(d.prepared ? d.prepared.rows : {}) })),
    }));
    const result: unknown = await this.#db.execute(sql`select mk_rsvp_lanes(${`${this.#lockTimeoutMs}ms`}, ${JSON.stringify(payload)}::jsonb) as reply`);
    const reply = (result as { rows: { reply: unknown }[] }).rows[0]!.reply;
    return (typeof reply === 'string' ? JSON.parse(reply) : reply) as BatchReply[];
  }
}

/** Settles what `reply` settles of one group, removing those RSVPs from its batch. */
function settle({ lane, batch, decided }: Group, reply: BatchReply): void {
  lane.state = reply.state;
  if (reply.written === undefined) {
    // Not written: the seats had changed (decided again on the state returned), or some people already hold a place.
    const held = new Set(reply.held ?? []);
    for (let i = batch.length - 1; i >= 0; i--) {
      if (held.has(batch[i]!.item.person)) batch.splice(i, 1)[0]!.reject(new ApiError('duplicate', DUPLICATE_MESSAGE));
    }
    return;
  }
  batch.splice(0, reply.written).forEach((w, i) => {
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

function decide(item: LaneItem<unknown>, seats: Seats): Decided {
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

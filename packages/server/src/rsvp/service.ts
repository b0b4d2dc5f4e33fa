/**
 * The RSVP service: gathers the facts (catalog, database, clock), asks core, writes the result in one
 * transaction under the occurrence's lock. No rule lives here: eligibility and tiers are core's
 * `evaluateEligibility` and `priorityTier`, windows `rsvpStatus`, seats `admit`, `allocate`,
 * `allocateSeries` and `promoteFromWaitlist`.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import {
  admit,
  allocate,
  allocateSeries,
  evaluateEligibility,
  freeSeats,
  priorityTier,
  promoteFromWaitlist,
  reasonsIn,
  rsvpStatus,
  type AllocationPolicy,
  type Decision,
  type FeedOccurrence,
  type RsvpPolicy,
  type RsvpRequest,
  type RsvpStatus,
  type SeatState,
} from '@mentorkit/core';
import type { Clock } from '../clock.js';
import type { CatalogSnapshot, CatalogStore, WorkshopEntry } from '../catalog/store.js';
import type { Db, Tx } from '../db/database.js';
import { allocations, auditLog, idempotencyKeys, occurrenceSnapshots, registrations, settings, submissions, ACTIVE_STATUSES, type RegistrationStatus } from '../db/schema.js';
import { lockAll, occurrenceLock, pgCode, transaction } from '../db/tx.js';
import { ApiError } from '../errors.js';
import { checkAgainstPolicy, normaliseEmail, personFacts, type RsvpBody } from './payload.js';
import { durationMs } from './duration.js';
import { waitlistPosition } from './position.js';
import type { Notifier, OutboxRow, QueueEvent } from '../mail/outbox.js';
import { sha256Hex } from '../hash.js';
import { openAnswer, replayKey, sealAnswer } from './replay.js';
import { addSeatGroup, DUPLICATE_MESSAGE, emptySessionSeats, WriteLanes, type Prepared, type RsvpRows, type SeatGroup, type Seats, type SessionSeats } from './write-lane.js';

export interface RsvpServiceOptions {
  db: Db;
  catalogs: CatalogStore;
  clock: Clock;
  /** A form sent faster than this is taken as automated (default 2,000 ms; 0 turns the check off). */
  minFillMs?: number | undefined;
  lockTimeoutMs?: number | undefined;
  /** How many RSVP statements may be in flight at once (see write-lane.ts); default 4 (the server passes its database's `statementsInFlight`). */
  writeFlights?: number | undefined;
  /** Personal data is erased this many days after a person's last session ended (default 180). */
  retentionDays?: number | undefined;
  /** Writes the messages a change owes into the outbox, in the change's transaction. */
  notifier?: Notifier | undefined;
}

export type PublicStatus = 'confirmed' | 'waitlisted' | 'requested' | 'offered';

/** What a staff action gets inside {@link RsvpService.staffTransaction}, bound to its transaction and clock. */
export interface StaffKit {
  now: Date;
  /** An occurrence's seats as core's `admit` sees them, and its latest request time (ms). */
  seats(workshopId: string, occurrence: FeedOccurrence): Promise<{ state: SeatState; latest: number }>;
  /** Gives freed seats to the waiting list (core's `promoteFromWaitlist`); how many were promoted. */
  promote(workshopId: string, occurrenceId: string, actor: string): Promise<number>;
  /** Writes the messages a change owes into the outbox; how many. */
  notify(event: Omit<QueueEvent, 'now'>): Promise<number>;
  audit(actor: string, action: string, subject: string | undefined, detail: Record<string, unknown>): Promise<void>;
  /** Records what registrants of an occurrence are told of it, the first time anyone holds a place there. */
  snapshot(workshopId: string, occurrence: FeedOccurrence): Promise<void>;
}

export interface SessionOutcome {
  occurrenceId: string;
  status: PublicStatus | 'declined';
  position?: number | undefined;
  message: string;
}

export interface RsvpCreated {
  status: PublicStatus;
  registrationId: string;
  position?: number | undefined;
  manageUrl: string;
  message: string;
  notification: 'queued' | 'none';
  sessions?: SessionOutcome[] | undefined;
}

export interface OccurrenceStatus {
  workshopId: string;
  occurrenceId: string;
  capacity?: number | undefined;
  confirmed: number;
  offered: number;
  waitlisted: number;
  requested: number;
  seatsKnown: true;
  window: RsvpStatus;
  opensAt?: string | undefined;
  closesAt: string;
  tierOpens: Record<string, string>;
  allocation: 'first-come' | 'at-close';
}

interface ActiveRow {
  id: string;
  submissionId: string;
  status: RegistrationStatus;
  code: string;
  tierIndex: number;
  queueOrder: number;
  requestedAt: Date;
  personKey: string;
}

const ACTIVE = [...ACTIVE_STATUSES];
/** How long the answer to an Idempotency-Key is kept for replays. */
const REPLAY_DAYS = 30;

/** Everything known of an RSVP before its seats are read: what {@link RsvpService.prototype.register} decides it on. */
interface RsvpDecision {
  body: RsvpBody;
  entry: WorkshopEntry;
  occurrence: FeedOccurrence;
  policy: RsvpPolicy;
  tier: ReturnType<typeof priorityTier>;
  sessions: FeedOccurrence[];
  personKey: string;
  token: string;
  submissionId: string;
  now: Date;
  requestHash: string;
  idempotencyKey: string;
  /** The manage page's address as the request gave it (the answer's link). */
  manageUrlBase: string;
  /** The manage page's address for e-mails; undefined when no message is owed. */
  mailManageBase: string | undefined;
}

/** Seats of one occurrence as core sees them. */
function seatStateOf(rows: readonly ActiveRow[], capacity: number | undefined, reservedReleased: boolean): SeatState {
  return {
    capacity,
    seated: rows.filter((r) => r.status === 'confirmed' || r.status === 'offered').map((r) => ({ tierIndex: r.tierIndex, reserved: r.code === 'confirmed-reserved' })),
    waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
    reservedReleased,
  };
}

export function allocationPolicy(policy: RsvpPolicy): AllocationPolicy {
  return { allocation: policy.allocation, priority: policy.priority, waitlist: policy.waitlist };
}

function byQueue(a: ActiveRow, b: ActiveRow): number {
  return a.queueOrder - b.queueOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class RsvpService {
  readonly #db: Db;
  readonly #catalogs: CatalogStore;
  readonly #clock: Clock;
  readonly #minFillMs: number;
  readonly #lockTimeoutMs: number | undefined;
  readonly #retentionDays: number;
  readonly #notifier: Notifier | undefined;
  readonly #lanes: WriteLanes;
  #secret: Promise<string> | undefined;

  constructor(options: RsvpServiceOptions) {
    this.#db = options.db;
    this.#catalogs = options.catalogs;
    this.#clock = options.clock;
    this.#minFillMs = options.minFillMs ?? 2_000;
    this.#lockTimeoutMs = options.lockTimeoutMs;
    this.#retentionDays = options.retentionDays ?? 180;
    this.#notifier = options.notifier;
    this.#lanes = new WriteLanes(options.db, { lockTimeoutMs: options.lockTimeoutMs, flights: options.writeFlights });
  }

  /** Queues the messages a change owes (see mail/outbox.ts); nothing when no notifier is configured. */
  async #notify(tx: Tx, event: QueueEvent): Promise<number> {
    return this.#notifier === undefined ? 0 : this.#notifier.queue(tx, event);
  }

  #tx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return transaction(this.#db, work, { lockTimeoutMs: this.#lockTimeoutMs });
  }

  /** The key that turns e-mails into person keys: made on first start, shared by every instance. */
  #personSecret(): Promise<string> {
    this.#secret ??= (async () => {
      await this.#db.insert(settings).values({ key: 'person-key-secret', value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
      const [row] = await this.#db.select().from(settings).where(eq(settings.key, 'person-key-secret'));
      return row!.value;
    })();
    return this.#secret;
  }

  async personKey(email: string): Promise<string> {
    return createHmac('sha256', await this.#personSecret()).update(normaliseEmail(email)).digest('base64url');
  }

  #entry(workshopId: string): WorkshopEntry | undefined {
    return this.#catalogs.current.workshops.get(workshopId);
  }

  // ---------------------------------------------------------------------------------------------------
  // RSVP

  async register(body: RsvpBody, request: { idempotencyKey: string; manageBase: string }): Promise<RsvpCreated> {
    const now = this.#clock();
    const requestHash = sha256Hex(canonicalJson(body));
    try {
      return await this.#register(body, request, requestHash, now);
    } catch (error) {
      // A replayed key gets the first answer whatever changed since (the clock, the catalog, the seats, or
      // the person's own registration, which makes the fresh attempt a duplicate). Looked up only when the
      // fresh attempt is refused, so the usual RSVP reads nothing twice.
      const conflict = pgCode(error) === '23505';
      if (conflict || error instanceof ApiError) {
        const replay = await this.#replay(request.idempotencyKey, requestHash);
        if (replay !== undefined) return replay;
      }
      // Two requests of one person racing past the lock on different sessions: the unique index decides.
      if (conflict) throw new ApiError('duplicate', DUPLICATE_MESSAGE);
      throw error;
    }
  }

  async #register(body: RsvpBody, request: { idempotencyKey: string; manageBase: string }, requestHash: string, now: Date): Promise<RsvpCreated> {
    if (body.website !== undefined && body.website.trim() !== '') {
      throw new ApiError('invalid', 'This RSVP looks automated and was not recorded. If you are a person, reload the page and try again.', { issues: [{ path: 'body.website', message: 'leave this field empty' }] });
    }
    if (this.#minFillMs > 0 && (body.elapsedMs === undefined || body.elapsedMs < this.#minFillMs)) {
      throw new ApiError('too-fast', 'The form was sent faster than a person can fill it in, so it was not recorded. Please check your answers and send it again.', {
        issues: [{ path: 'body.elapsedMs', message: `at least ${this.#minFillMs} ms` }],
      });
    }
    const entry = this.#entry(body.workshopId);
    if (entry === undefined) throw new ApiError('invalid', `There is no workshop ${JSON.stringify(body.workshopId)}.`, { issues: [{ path: 'body.workshopId', message: 'unknown workshop' }] });
    const occurrence = entry.occurrences.get(body.occurrenceId);
    if (occurrence === undefined) {
      throw new ApiError('invalid', `Workshop ${JSON.stringify(body.workshopId)} has no session ${JSON.stringify(body.occurrenceId)}.`, { issues: [{ path: 'body.occurrenceId', message: 'unknown session' }] });
    }
    const policy = entry.policy;
    if (policy === undefined || occurrence.rsvp === undefined) throw new ApiError('closed', 'This workshop does not take RSVPs here.');
    const issues = checkAgainstPolicy(body, policy);
    if (issues.length > 0) throw new ApiError('invalid', 'Some answers were not accepted.', { issues });

    const facts = personFacts(body.person);
    const loaded = this.#catalogs.current.catalogs.find((c) => c.catalog.id === entry.catalogId)!;
    // Explained in the form's language (else the catalog's), as the form explains it.
    const explain = { ...reasonsIn(body.locale ?? loaded.catalog.language), vocabularies: loaded.feed.vocabularies };
    const verdict = evaluateEligibility(policy.eligibility, facts, explain);
    if (verdict.eligible !== true) {
      const reason = verdict.reasons.find((r) => r.code !== 'no-rule') ?? verdict.reasons[0];
      const message = policy.eligibilityText ?? reason?.message ?? 'You are not eligible for this workshop.';
      if (verdict.eligible === 'unknown') {
        throw new ApiError('invalid', message, { issues: verdict.missingFacts.map((f) => ({ path: `body.person.${f}`, message: `${f} is needed to check eligibility` })) });
      }
      throw new ApiError('ineligible', message, { ...(reason ? { reason: { code: 'ineligible', message: reason.message } } : {}) });
    }
    const tier = priorityTier(policy.priority, facts, explain);

    const sessions = this.#sessionsFor(entry, occurrence, policy, body.sessionIds, tier.tier?.id, now);
    const personKey = await this.personKey(body.person.email!);
    const email = body.person.email?.trim();
    const manageBase = this.#notifier !== undefined && email ? await this.#notifier.manageBase(this.#db, request.manageBase) : undefined;
    const decision: RsvpDecision = { body, entry, occurrence, policy, tier, sessions, personKey, token: randomBytes(24).toString('base64url'), submissionId: randomUUID(), now, requestHash, idempotencyKey: request.idempotencyKey, manageUrlBase: request.manageBase, mailManageBase: manageBase };

    // The usual RSVP, one session: through the occurrence's write lane, one round trip (see write-lane.ts).
    if (!policy.seriesRegistration && sessions.length === 1) {
      return this.#lanes.submit(entry.workshop.id, sessions[0]!.id, { person: personKey, prepare: (seats) => this.#prepare(decision, seats) });
    }
    // A series: every chosen session's lock, in one transaction.
    return this.#tx(async (tx) => {
      await lockAll(tx, sessions.map((o) => occurrenceLock(entry.workshop.id, o.id)));
      const seats = await this.#seats(tx, entry.workshop.id, sessions.map((o) => o.id), personKey);
      if (seats.held) throw new ApiError('duplicate', DUPLICATE_MESSAGE);
      const { rows, answer } = this.#prepare(decision, seats);
      await this.#insertRsvp(tx, rows);
      return answer;
    });
  }

  /**
   * Decides an RSVP on the seats of its sessions (core's `admit` for each, or a request when places are
   * allocated at close) and returns what to write and answer; throws the refusal when no session takes it.
   * Reads and writes nothing, so the same decision serves the write lane and the series transaction.
   */
  #prepare(d: RsvpDecision, seats: Seats): Prepared<RsvpCreated> {
    const { body, entry, occurrence, policy, tier, sessions, personKey, token, submissionId, now } = d;
    const atClose = policy.allocation.mode === 'at-close';
    const outcomes: { occurrence: FeedOccurrence; status: PublicStatus | 'declined'; code: string; position?: number; message: string; queueOrder: number; requestedAt: Date }[] = [];
    for (const o of sessions) {
      const here = seats.bySession.get(o.id) ?? emptySessionSeats();
      // Request time never goes back: a newcomer sorts after everyone already there, whatever the clocks of several instances say.
      const requestedAt = new Date(Math.max(now.getTime(), here.latest + 1));
      if (atClose) {
        outcomes.push({ occurrence: o, status: 'requested', code: 'requested', message: 'Your request is recorded; places are allocated when RSVP closes.', queueOrder: requestedAt.getTime(), requestedAt });
        continue;
      }
      const decision = admit({ capacity: o.capacity, seated: here.seated, waitlisted: here.waitlisted, reservedReleased: now.getTime() >= Date.parse(o.rsvp!.closes) }, { tierIndex: tier.index }, allocationPolicy(policy));
      outcomes.push({
        occurrence: o,
        status: decision.status,
        code: decision.code,
        ...(decision.status === 'waitlisted' ? { position: decision.position } : {}),
        message: decision.message,
        queueOrder: requestedAt.getTime(),
        requestedAt,
      });
    }
    const kept = outcomes.filter((x) => x.status !== 'declined');
    const main = outcomes.find((x) => x.occurrence.id === occurrence.id) ?? outcomes[0]!;
    if (kept.length === 0) {
      const full = main.code === 'declined-waitlist-full' ? 'waitlist-full' : 'full';
      throw new ApiError(full, main.message);
    }
    const ids = kept.map(() => randomUUID());
    // The messages this RSVP owes, from what is known here: nothing to read back.
    const messages: OutboxRow[] = [];
    const email = body.person.email?.trim();
    if (this.#notifier !== undefined && email && d.mailManageBase !== undefined) {
      for (const kind of ['confirmed', 'waitlisted', 'requested', 'offered'] as const) {
        const these = kept.flatMap((x, i) =>
          x.status !== kind
            ? []
            : [{ id: ids[i]!, submissionId, workshopId: entry.workshop.id, occurrenceId: x.occurrence.id, status: x.status, offerExpiresAt: null, email, name: body.person.name?.trim() ?? null, locale: body.locale ?? 'en', occurrence: x.occurrence, sequence: seats.snapshotted.get(x.occurrence.id) ?? 0, position: x.position, invitation: undefined }],
        );
        if (these.length > 0) messages.push(...this.#notifier.compose({ kind, registrationIds: these.map((r) => r.id), now, token }, d.mailManageBase, these));
      }
    }
    const answer: RsvpCreated = {
      status: (main.status === 'declined' ? kept[0]!.status : main.status) as PublicStatus,
      registrationId: submissionId,
      ...(main.position !== undefined ? { position: main.position } : {}),
      manageUrl: `${d.manageUrlBase}#${token}`,
      message: main.message,
      notification: messages.length > 0 && this.#notifier?.delivers === true ? 'queued' : 'none',
      ...(policy.seriesRegistration ? { sessions: outcomes.map((x) => ({ occurrenceId: x.occurrence.id, status: x.status, ...(x.position !== undefined ? { position: x.position } : {}), message: x.message })) } : {}),
    };
    const rows: RsvpRows = {
      submission: {
        id: submissionId,
        workshop_id: entry.workshop.id,
        person_key: personKey,
        manage_token_hash: sha256Hex(token),
        locale: body.locale ?? 'en',
        name: body.person.name?.trim() ?? null,
        email: email ?? null,
        person: compactStrings(body.person),
        answers: body.answers,
        created_at: now.toISOString(),
      },
      registrations: kept.map((x, i) => ({
        id: ids[i]!,
        submission_id: submissionId,
        workshop_id: entry.workshop.id,
        occurrence_id: x.occurrence.id,
        person_key: personKey,
        status: x.status,
        code: x.code,
        tier_index: tier.index,
        tier_id: tier.tier?.id ?? null,
        requested_at: x.requestedAt.toISOString(),
        queue_order: x.queueOrder,
        decided_at: x.status === 'requested' ? null : now.toISOString(),
        ended_at: x.occurrence.end,
        updated_at: now.toISOString(),
      })),
      // What registrants of each session were told, recorded by its first registration.
      snapshots: kept
        .filter((x) => !seats.snapshotted.has(x.occurrence.id))
        .map((x) => ({ workshop_id: entry.workshop.id, occurrence_id: x.occurrence.id, start: x.occurrence.start, end: x.occurrence.end, status: x.occurrence.status, capacity: x.occurrence.capacity ?? null, place: placeOf(x.occurrence), updated_at: now.toISOString() })),
      messages: messages.map((m) => ({
        message_id: m.messageId,
        kind: m.kind,
        submission_id: m.submissionId,
        registration_id: m.registrationId,
        workshop_id: m.workshopId,
        occurrence_id: m.occurrenceId,
        dedupe_key: m.dedupeKey,
        recipient: m.recipient,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ics: m.ics,
        ics_method: m.icsMethod,
        due_at: m.dueAt.toISOString(),
        created_at: m.createdAt.toISOString(),
      })),
      // A key used twice at once: the primary key lets one in; the other is answered as a replay.
      idempotency: { key: replayKey(d.idempotencyKey), request_hash: d.requestHash, response: sealAnswer(answer, d.idempotencyKey), created_at: now.toISOString() },
    };
    return { rows, answer };
  }

  /**
   * In one read, under the sessions' locks: whether the person already holds any of them, each session's
   * seats as core's `admit` needs them, the latest request time, and which sessions have a snapshot (with its
   * SEQUENCE).
   */
  async #seats(tx: Tx, workshopId: string, occurrenceIds: readonly string[], personKey: string) {
    const list = sql.join(occurrenceIds.map((id) => sql`${id}`), sql`, `);
    // Both drivers answer raw queries with `{ rows }`.
    const result: unknown = await tx.execute(sql`
      select
        (select coalesce(json_agg(g), '[]'::json) from (
          select occurrence_id as o, status as s, tier_index as t, code = 'confirmed-reserved' as r, count(*)::int as n,
                 (extract(epoch from max(requested_at)) * 1000)::float8 as latest, bool_or(person_key = ${personKey}) as mine
          from registrations
          where workshop_id = ${workshopId} and occurrence_id in (${list}) and status in ('requested', 'confirmed', 'waitlisted', 'offered')
          group by 1, 2, 3, 4) g) as seats,
        (select coalesce(json_object_agg(occurrence_id, sequence), '{}'::json) from occurrence_snapshots where workshop_id = ${workshopId} and occurrence_id in (${list})) as snapshotted
    `);
    const row = (result as { rows: { seats: unknown; snapshotted: unknown }[] }).rows[0]!;
    const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
    const groups = parse<(SeatGroup & { o: string; mine: boolean })[]>(row.seats);
    const bySession = new Map<string, SessionSeats>();
    let held = false;
    for (const g of groups) {
      const here = bySession.get(g.o) ?? emptySessionSeats();
      bySession.set(g.o, here);
      held ||= g.mine;
      addSeatGroup(here, g);
    }
    // Sessions with a snapshot, and its SEQUENCE (what an invitation to it must carry).
    const snapshotted = new Map(Object.entries(parse<Record<string, number>>(row.snapshotted)));
    return { held, bySession, snapshotted };
  }

  /** Everything one RSVP writes, in one statement (`mk_rsvp_insert`, the same as the write lane's). */
  async #insertRsvp(tx: Tx, rows: RsvpRows): Promise<void> {
    await tx.execute(sql`select mk_rsvp_insert(${JSON.stringify(rows)}::jsonb)`);
  }

  async #replay(key: string, requestHash: string, tx: Db | Tx = this.#db): Promise<RsvpCreated | undefined> {
    const [stored] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, replayKey(key)));
    if (stored === undefined) return undefined;
    if (stored.requestHash !== requestHash) {
      throw new ApiError('idempotency-mismatch', 'This Idempotency-Key was already used for a different RSVP. Send a new key with a new RSVP.', { issues: [{ path: 'header.idempotency-key', message: 'reused with another body' }] });
    }
    return openAnswer(stored.response, key) as RsvpCreated;
  }

  /** The occurrences one RSVP covers: the one asked for, or for a series every session still open to the person. */
  #sessionsFor(entry: WorkshopEntry, occurrence: FeedOccurrence, policy: RsvpPolicy, sessionIds: readonly string[] | undefined, tierId: string | undefined, now: Date): FeedOccurrence[] {
    const windowState = (o: FeedOccurrence): RsvpStatus | undefined => {
      if (o.rsvp === undefined || o.status === 'cancelled' || o.status === 'postponed') return undefined;
      return rsvpStatus(o.rsvp, { now, tierId });
    };
    const refuse = (o: FeedOccurrence, state: RsvpStatus | undefined): never => {
      if (state?.state === 'not-yet-open') throw new ApiError('not-open', `RSVP for this session opens for you on ${state.opensAt}.`);
      if (o.status === 'cancelled' || o.status === 'postponed') throw new ApiError('closed', `This session is ${o.status}.`);
      throw new ApiError('closed', 'RSVP is closed for this session.');
    };
    if (!policy.seriesRegistration) {
      const state = windowState(occurrence);
      if (state === undefined || state.state === 'closed' || state.state === 'not-yet-open') refuse(occurrence, state);
      if (sessionIds !== undefined) throw new ApiError('invalid', 'This workshop is not a series: RSVP for one session at a time.', { issues: [{ path: 'body.sessionIds', message: 'only for series registration' }] });
      return [occurrence];
    }
    const open = [...entry.occurrences.values()].filter((o) => {
      const state = windowState(o);
      return state !== undefined && (state.state === 'open' || state.state === 'full');
    });
    if (!open.some((o) => o.id === occurrence.id)) refuse(occurrence, windowState(occurrence));
    if (sessionIds === undefined) return open;
    const openIds = new Set(open.map((o) => o.id));
    const unknown = sessionIds.filter((id) => !openIds.has(id));
    if (unknown.length > 0) throw new ApiError('invalid', 'Some of the chosen sessions are not open for RSVP.', { issues: unknown.map((id) => ({ path: 'body.sessionIds', message: `${id} is not an open session of this series` })) });
    if (sessionIds.length === 0) throw new ApiError('invalid', 'Choose at least one session of the series.', { issues: [{ path: 'body.sessionIds', message: 'empty' }] });
    return open.filter((o) => sessionIds.includes(o.id));
  }

  async #activeRows(tx: Db | Tx, workshopId: string, occurrenceId: string): Promise<ActiveRow[]> {
    const rows = await tx
      .select({
        id: registrations.id,
        submissionId: registrations.submissionId,
        status: registrations.status,
        code: registrations.code,
        tierIndex: registrations.tierIndex,
        queueOrder: registrations.queueOrder,
        requestedAt: registrations.requestedAt,
        personKey: registrations.personKey,
      })
      .from(registrations)
      .where(and(eq(registrations.workshopId, workshopId), eq(registrations.occurrenceId, occurrenceId), inArray(registrations.status, ACTIVE)));
    return rows.sort(byQueue);
  }

  /** Records what registrants of an occurrence were told of it, the first time anyone registers. */
  async #snapshot(tx: Tx, workshopId: string, o: FeedOccurrence, now: Date): Promise<void> {
    await tx
      .insert(occurrenceSnapshots)
      .values({ workshopId, occurrenceId: o.id, start: o.start, end: o.end, status: o.status, capacity: o.capacity ?? null, place: placeOf(o), updatedAt: now })
      .onConflictDoNothing();
  }

  // ---------------------------------------------------------------------------------------------------
  // Status

  async status(workshopId: string, occurrenceId: string): Promise<OccurrenceStatus> {
    const entry = this.#entry(workshopId);
    const occurrence = entry?.occurrences.get(occurrenceId);
    if (entry === undefined || occurrence === undefined) throw new ApiError('not-found', 'There is no such workshop session.');
    if (entry.policy === undefined || occurrence.rsvp === undefined) throw new ApiError('not-found', 'This session takes no RSVPs here.');
    const counts = await this.#db
      .select({ status: registrations.status, n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.workshopId, workshopId), eq(registrations.occurrenceId, occurrenceId), inArray(registrations.status, ACTIVE)))
      .groupBy(registrations.status);
    const count = (s: RegistrationStatus) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    const capacity = occurrence.capacity;
    const window = rsvpStatus(occurrence.rsvp, {
      now: this.#clock(),
      capacity,
      confirmed: count('confirmed') + count('offered'),
      waitlist: entry.policy.waitlist ? { enabled: entry.policy.waitlist.enabled, limit: entry.policy.waitlist.limit, count: count('waitlisted') } : undefined,
    });
    return {
      workshopId,
      occurrenceId,
      ...(capacity !== undefined ? { capacity } : {}),
      confirmed: count('confirmed'),
      offered: count('offered'),
      waitlisted: count('waitlisted'),
      requested: count('requested'),
      seatsKnown: true,
      window,
      ...(occurrence.rsvp.opens !== undefined ? { opensAt: occurrence.rsvp.opens } : {}),
      closesAt: occurrence.rsvp.closes,
      tierOpens: { ...occurrence.rsvp.tierOpens },
      allocation: entry.policy.allocation.mode,
    };
  }

  // ---------------------------------------------------------------------------------------------------
  // The person's own registration, through the manage token

  async #submissionByToken(token: string) {
    if (!/^[A-Za-z0-9_-]{16,100}$/.test(token)) throw new ApiError('unauthorized', 'This manage link is not valid.');
    const [submission] = await this.#db.select().from(submissions).where(eq(submissions.manageTokenHash, sha256Hex(token)));
    if (submission === undefined || submission.purgedAt !== null) throw new ApiError('unauthorized', 'This manage link is not valid (or its RSVP was erased).');
    return submission;
  }

  async manageView(token: string) {
    const submission = await this.#submissionByToken(token);
    const rows = await this.#db.select().from(registrations).where(eq(registrations.submissionId, submission.id)).orderBy(asc(registrations.endedAt));
    const entry = this.#catalogs.current.workshops.get(submission.workshopId);
    const sessions = [];
    for (const r of rows) {
      const o = entry?.occurrences.get(r.occurrenceId);
      sessions.push({
        registrationId: r.id,
        occurrenceId: r.occurrenceId,
        status: r.status,
        code: r.code,
        ...(r.status === 'waitlisted' ? { position: await waitlistPosition(this.#db, r) } : {}),
        ...(r.offerExpiresAt ? { offerExpiresAt: r.offerExpiresAt.toISOString() } : {}),
        ...(o ? { start: o.start, end: o.end, timeZone: o.timeZone, title: o.title ?? entry!.workshop.title, occurrenceStatus: o.status, timeUnknown: o.timeUnknown === true } : {}),
      });
    }
    return {
      registrationId: submission.id,
      workshop: { id: submission.workshopId, title: entry?.workshop.title ?? submission.workshopId, program: entry?.programTitle },
      name: submission.name ?? '',
      email: submission.email ?? '',
      sessions,
    };
  }

  /** Cancels the person's whole RSVP, or one session of a series; freed seats go to the waiting list. */
  async cancelByToken(token: string, registrationId?: string): Promise<{ cancelled: number }> {
    const submission = await this.#submissionByToken(token);
    return this.#cancel({ submissionId: submission.id, ...(registrationId !== undefined ? { registrationId } : {}) }, 'person', 'cancelled-by-person');
  }

  /** Accepts a seat offered from the waiting list before the offer expires. */
  async acceptOffer(token: string, registrationId: string): Promise<{ status: 'confirmed' }> {
    const submission = await this.#submissionByToken(token);
    const [row] = await this.#db.select().from(registrations).where(and(eq(registrations.id, registrationId), eq(registrations.submissionId, submission.id)));
    if (row === undefined) throw new ApiError('not-found', 'There is no such session in this RSVP.');
    return this.#tx(async (tx) => {
      await lockAll(tx, [occurrenceLock(row.workshopId, row.occurrenceId)]);
      const [current] = await tx.select().from(registrations).where(eq(registrations.id, row.id));
      const now = this.#clock();
      if (current?.status === 'confirmed') return { status: 'confirmed' as const };
      if (current?.status !== 'offered' || (current.offerExpiresAt !== null && current.offerExpiresAt <= now)) {
        throw new ApiError('not-cancellable', 'This offer is no longer open.');
      }
      await tx.update(registrations).set({ status: 'confirmed', code: 'promoted', decidedAt: now, offerExpiresAt: null, updatedAt: now }).where(eq(registrations.id, row.id));
      await this.#notify(tx, { kind: 'confirmed', registrationIds: [row.id], now });
      return { status: 'confirmed' as const };
    });
  }

  async #cancel(which: { submissionId?: string; registrationId?: string }, actor: string, code: string): Promise<{ cancelled: number }> {
    const conditions = [inArray(registrations.status, ACTIVE)];
    if (which.submissionId !== undefined) conditions.push(eq(registrations.submissionId, which.submissionId));
    if (which.registrationId !== undefined) conditions.push(eq(registrations.id, which.registrationId));
    const targets = await this.#db.select({ id: registrations.id, workshopId: registrations.workshopId, occurrenceId: registrations.occurrenceId }).from(registrations).where(and(...conditions));
    if (targets.length === 0) {
      if (which.registrationId !== undefined) throw new ApiError('not-cancellable', 'This session is not (or no longer) registered.');
      return { cancelled: 0 };
    }
    return this.#tx(async (tx) => {
      await lockAll(tx, targets.map((t) => occurrenceLock(t.workshopId, t.occurrenceId)));
      const now = this.#clock();
      const done = await tx
        .update(registrations)
        .set({ status: 'cancelled', code, offerExpiresAt: null, updatedAt: now })
        .where(and(inArray(registrations.id, targets.map((t) => t.id)), inArray(registrations.status, ACTIVE)))
        .returning({ id: registrations.id });
      if (code !== 'erased') await this.#notify(tx, { kind: 'cancelled', registrationIds: done.map((d) => d.id), now, by: actor === 'person' ? 'person' : 'staff' });
      for (const t of uniqueOccurrences(targets)) await this.#promote(tx, t.workshopId, t.occurrenceId, now, actor);
      if (actor !== 'person') await this.#audit(tx, actor, 'registration.cancel', which.registrationId ?? which.submissionId, { cancelled: done.length });
      return { cancelled: done.length };
    });
  }

  /**
   * Gives free seats to the waiting list, in its order, with core's `promoteFromWaitlist`: confirmed at once,
   * or offered for the policy's time. Runs under the occurrence's lock, after anything that frees seats.
   */
  async #promote(tx: Tx, workshopId: string, occurrenceId: string, now: Date, actor: string): Promise<number> {
    const entry = this.#entry(workshopId);
    const o = entry?.occurrences.get(occurrenceId);
    if (entry?.policy === undefined || o?.rsvp === undefined || o.status === 'cancelled' || o.status === 'postponed') return 0;
    if (Date.parse(o.start) <= now.getTime()) return 0;
    const policy = entry.policy;
    const rows = await this.#activeRows(tx, workshopId, occurrenceId);
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    if (waiting.length === 0) return 0;
    const state = seatStateOf(rows, o.capacity, now.getTime() >= Date.parse(o.rsvp.closes));
    const free = freeSeats(state, allocationPolicy(policy)) ?? waiting.length;
    if (free === 0) return 0;
    const asDecision = (r: ActiveRow, i: number): Decision => ({
      request: { id: r.id, personKey: r.personKey, tierIndex: r.tierIndex, requestedAt: r.requestedAt.toISOString(), eligible: true },
      status: 'waitlisted',
      code: 'waitlisted',
      message: '',
      position: i + 1,
    });
    const result = promoteFromWaitlist({ confirmed: [], waitlisted: waiting.map(asDecision), declined: [] }, { freedSeats: free, policy: policy.waitlist?.promotion ?? 'strict-order' });
    const ids = result.promoted.map((d) => d.request.id);
    if (ids.length === 0) return 0;
    const offer = policy.waitlist?.offer;
    if (offer !== undefined) {
      await tx.update(registrations).set({ status: 'offered', code: 'offered', offerExpiresAt: new Date(now.getTime() + durationMs(offer.expiresAfter)), decidedAt: now, updatedAt: now }).where(inArray(registrations.id, ids));
    } else {
      await tx.update(registrations).set({ status: 'confirmed', code: 'promoted', decidedAt: now, updatedAt: now }).where(inArray(registrations.id, ids));
    }
    await this.#notify(tx, { kind: offer ? 'offered' : 'confirmed', registrationIds: ids, now });
    await this.#audit(tx, actor, offer ? 'waitlist.offer' : 'waitlist.promote', `${workshopId} ${occurrenceId}`, { registrations: ids.length });
    return ids.length;
  }

  async #audit(tx: Tx, actor: string, action: string, subject: string | undefined, detail: Record<string, unknown>): Promise<void> {
    await tx.insert(auditLog).values({ at: this.#clock(), actor, action, subject: subject ?? null, detail });
  }

  // ---------------------------------------------------------------------------------------------------
  // Timed work. Each step takes the occurrence's lock and checks its own precondition again, so any number of
  // instances may run it at once: the first does the work, the others find nothing left to do.

  async runDueWork(): Promise<{ allocated: number; released: number; expired: number; purged: number }> {
    const allocated = await this.allocateDue();
    const released = await this.releaseReservedSeats();
    const expired = await this.expireOffers();
    const purged = await this.purgeExpired();
    return { allocated, released, expired, purged };
  }

  /** At-close policies: when the window closes, allocate everyone who asked, once, and record the draw. */
  async allocateDue(): Promise<number> {
    const now = this.#clock();
    const pending = await this.#db.selectDistinct({ workshopId: registrations.workshopId, occurrenceId: registrations.occurrenceId }).from(registrations).where(eq(registrations.status, 'requested'));
    let done = 0;
    const seriesDone = new Set<string>();
    for (const p of pending) {
      const entry = this.#entry(p.workshopId);
      const o = entry?.occurrences.get(p.occurrenceId);
      if (entry?.policy === undefined || o?.rsvp === undefined || entry.policy.allocation.mode !== 'at-close') continue;
      if (entry.policy.seriesRegistration) {
        // A series is drawn once, when the first of its sessions closes.
        if (seriesDone.has(p.workshopId)) continue;
        const closes = Math.min(...[...entry.occurrences.values()].filter((x) => x.rsvp).map((x) => Date.parse(x.rsvp!.closes)));
        if (now.getTime() < closes) continue;
        seriesDone.add(p.workshopId);
        done += await this.#allocateSeries(entry, now);
      } else if (now.getTime() >= Date.parse(o.rsvp.closes)) {
        done += await this.#allocateOccurrence(entry, o, now);
      }
    }
    return done;
  }

  async #allocateOccurrence(entry: WorkshopEntry, o: FeedOccurrence, now: Date): Promise<number> {
    const policy = entry.policy!;
    return this.#tx(async (tx) => {
      await lockAll(tx, [occurrenceLock(entry.workshop.id, o.id)]);
      const [already] = await tx.select({ seed: allocations.seed }).from(allocations).where(and(eq(allocations.workshopId, entry.workshop.id), eq(allocations.occurrenceId, o.id)));
      const rows = (await this.#activeRows(tx, entry.workshop.id, o.id)).filter((r) => r.status === 'requested');
      if (already !== undefined || rows.length === 0) return 0;
      const seed = seedOf(policy);
      const input = {
        capacity: o.capacity,
        policy: { ...allocationPolicy(policy), allocation: { ...policy.allocation, seed } } as AllocationPolicy,
        requests: rows.map(toRequest),
        now: now.toISOString(),
      };
      const result = allocate(input);
      await this.#applyDecisions(tx, [...result.confirmed, ...result.waitlisted, ...result.declined], now);
      await tx.insert(allocations).values({ workshopId: entry.workshop.id, occurrenceId: o.id, seed, input, result: { order: result.order, decisions: summarise(result) }, decidedAt: now });
      await this.#audit(tx, 'system', 'allocation.run', `${entry.workshop.id} ${o.id}`, { seed, requests: rows.length, confirmed: result.confirmed.length, waitlisted: result.waitlisted.length });
      return rows.length;
    });
  }

  async #allocateSeries(entry: WorkshopEntry, now: Date): Promise<number> {
    const policy = entry.policy!;
    const occurrences = [...entry.occurrences.values()].filter((o) => o.rsvp !== undefined);
    return this.#tx(async (tx) => {
      await lockAll(tx, occurrences.map((o) => occurrenceLock(entry.workshop.id, o.id)));
      const [already] = await tx.select({ seed: allocations.seed }).from(allocations).where(and(eq(allocations.workshopId, entry.workshop.id), eq(allocations.occurrenceId, 'series')));
      if (already !== undefined) return 0;
      const rows = await tx.select().from(registrations).where(and(eq(registrations.workshopId, entry.workshop.id), eq(registrations.status, 'requested')));
      if (rows.length === 0) return 0;
      // One request per submission, covering the sessions it kept; each session's decision goes to its row.
      const bySubmission = new Map<string, typeof rows>();
      for (const r of rows) bySubmission.set(r.submissionId, [...(bySubmission.get(r.submissionId) ?? []), r]);
      const seed = seedOf(policy);
      const input = {
        sessions: occurrences.map((o) => ({ id: o.id, capacity: o.capacity })),
        capacity: undefined,
        policy: { ...allocationPolicy(policy), allocation: { ...policy.allocation, seed } } as AllocationPolicy,
        requests: [...bySubmission.entries()].map(([submissionId, rs]): RsvpRequest => ({
          id: submissionId,
          personKey: rs[0]!.personKey,
          tierIndex: rs[0]!.tierIndex,
          requestedAt: rs[0]!.requestedAt.toISOString(),
          eligible: true,
          sessionIds: rs.map((r) => r.occurrenceId),
        })),
        now: now.toISOString(),
      };
      const result = allocateSeries(input);
      for (const [occurrenceId, session] of Object.entries(result.sessions)) {
        const rowOf = (d: Decision) => rows.find((r) => r.submissionId === d.request.id && r.occurrenceId === occurrenceId)!;
        const decisions = [...session.confirmed, ...session.waitlisted, ...session.declined].map((d) => ({ ...d, request: { ...d.request, id: rowOf(d).id } }));
        await this.#applyDecisions(tx, decisions, now);
      }
      await tx.insert(allocations).values({
        workshopId: entry.workshop.id,
        occurrenceId: 'series',
        seed,
        input,
        result: Object.fromEntries(Object.entries(result.sessions).map(([id, s]) => [id, { order: s.order, decisions: summarise(s) }])),
        decidedAt: now,
      });
      await this.#audit(tx, 'system', 'allocation.run', `${entry.workshop.id} series`, { seed, requests: input.requests.length });
      return rows.length;
    });
  }

  async #applyDecisions(tx: Tx, decisions: readonly Decision[], now: Date): Promise<void> {
    for (const d of decisions) {
      await tx
        .update(registrations)
        .set({ status: d.status, code: d.code, queueOrder: d.rank ?? 0, decidedAt: now, updatedAt: now })
        .where(and(eq(registrations.id, d.request.id), eq(registrations.status, 'requested')));
    }
    for (const kind of ['confirmed', 'waitlisted', 'declined'] as const) {
      await this.#notify(tx, { kind, registrationIds: decisions.filter((d) => d.status === kind).map((d) => d.request.id), now, allocated: true });
    }
  }

  /**
   * First-come policies with reserved seats: at the close, seats no one from their tier took go to the
   * waiting list. Done once per session (its snapshot records when), so a past session is not looked at again.
   */
  async releaseReservedSeats(): Promise<number> {
    const now = this.#clock();
    const waiting = await this.#db
      .selectDistinct({ workshopId: registrations.workshopId, occurrenceId: registrations.occurrenceId })
      .from(registrations)
      .innerJoin(occurrenceSnapshots, and(eq(occurrenceSnapshots.workshopId, registrations.workshopId), eq(occurrenceSnapshots.occurrenceId, registrations.occurrenceId)))
      .where(and(eq(registrations.status, 'waitlisted'), isNull(occurrenceSnapshots.closedAt)));
    let promoted = 0;
    for (const w of waiting) {
      const entry = this.#entry(w.workshopId);
      const o = entry?.occurrences.get(w.occurrenceId);
      if (entry?.policy === undefined || o?.rsvp === undefined || now.getTime() < Date.parse(o.rsvp.closes)) continue;
      const reserves = entry.policy.priority.some((t) => (t.reservedSeats ?? 0) > 0);
      promoted += await this.#tx(async (tx) => {
        await lockAll(tx, [occurrenceLock(w.workshopId, w.occurrenceId)]);
        const closed = await tx
          .update(occurrenceSnapshots)
          .set({ closedAt: now })
          .where(and(eq(occurrenceSnapshots.workshopId, w.workshopId), eq(occurrenceSnapshots.occurrenceId, w.occurrenceId), isNull(occurrenceSnapshots.closedAt)))
          .returning({ at: occurrenceSnapshots.closedAt });
        // Another instance closed it first: nothing left to do.
        if (closed.length === 0 || !reserves) return 0;
        return this.#promote(tx, w.workshopId, w.occurrenceId, now, 'system');
      });
    }
    return promoted;
  }

  /** Offers not accepted in time pass to the next person on the waiting list. */
  async expireOffers(): Promise<number> {
    const now = this.#clock();
    const due = await this.#db
      .select({ id: registrations.id, workshopId: registrations.workshopId, occurrenceId: registrations.occurrenceId })
      .from(registrations)
      .where(and(eq(registrations.status, 'offered'), lte(registrations.offerExpiresAt, now)));
    let expired = 0;
    for (const t of uniqueOccurrences(due)) {
      expired += await this.#tx(async (tx) => {
        await lockAll(tx, [occurrenceLock(t.workshopId, t.occurrenceId)]);
        const done = await tx
          .update(registrations)
          .set({ status: 'expired', code: 'offer-expired', updatedAt: now })
          .where(and(eq(registrations.workshopId, t.workshopId), eq(registrations.occurrenceId, t.occurrenceId), eq(registrations.status, 'offered'), lte(registrations.offerExpiresAt, now)))
          .returning({ id: registrations.id });
        if (done.length > 0) await this.#promote(tx, t.workshopId, t.occurrenceId, now, 'system');
        return done.length;
      });
    }
    return expired;
  }

  /** Erases personal data of RSVPs whose last session ended more than the retention period ago, and answers kept for replays past REPLAY_DAYS. */
  async purgeExpired(actor = 'system'): Promise<number> {
    const now = this.#clock();
    // Answers kept for replays are for a client's retries, not for ever.
    await this.#db.delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, new Date(now.getTime() - REPLAY_DAYS * 86_400_000)));
    const cutoff = new Date(now.getTime() - this.#retentionDays * 86_400_000);
    const due = await this.#db
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(isNull(submissions.purgedAt), sql`not exists (select 1 from ${registrations} r where r.submission_id = ${submissions.id} and (r.ended_at is null or r.ended_at > ${cutoff}))`));
    if (due.length === 0) return 0;
    return this.#tx(async (tx) => {
      const n = await this.#erase(tx, due.map((d) => d.id), now);
      await this.#audit(tx, actor, 'retention.purge', undefined, { submissions: n, cutoff: cutoff.toISOString() });
      return n;
    });
  }

  async #erase(tx: Tx, submissionIds: readonly string[], now: Date): Promise<number> {
    if (submissionIds.length === 0) return 0;
    const erased = await tx
      .update(submissions)
      .set({ name: null, email: null, person: null, answers: null, personKey: sql`'erased:' || ${submissions.id}`, manageTokenHash: sql`'erased:' || ${submissions.id}`, purgedAt: now })
      .where(and(inArray(submissions.id, [...submissionIds]), isNull(submissions.purgedAt)))
      .returning({ id: submissions.id });
    await tx.update(registrations).set({ personKey: sql`'erased:' || ${registrations.id}`, updatedAt: now }).where(inArray(registrations.submissionId, [...submissionIds]));
    return erased.length;
  }

  // ---------------------------------------------------------------------------------------------------
  // Admin

  async listRegistrations(filter: { workshopId?: string | undefined; occurrenceId?: string | undefined }) {
    const conditions = [];
    if (filter.workshopId !== undefined) conditions.push(eq(registrations.workshopId, filter.workshopId));
    if (filter.occurrenceId !== undefined) conditions.push(eq(registrations.occurrenceId, filter.occurrenceId));
    const rows = await this.#db
      .select({
        registrationId: registrations.id,
        submissionId: registrations.submissionId,
        workshopId: registrations.workshopId,
        occurrenceId: registrations.occurrenceId,
        status: registrations.status,
        code: registrations.code,
        tierId: registrations.tierId,
        requestedAt: registrations.requestedAt,
        decidedAt: registrations.decidedAt,
        offerExpiresAt: registrations.offerExpiresAt,
        checkedInAt: registrations.checkedInAt,
        name: submissions.name,
        email: submissions.email,
        person: submissions.person,
        answers: submissions.answers,
        locale: submissions.locale,
      })
      .from(registrations)
      .innerJoin(submissions, eq(submissions.id, registrations.submissionId))
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(asc(registrations.workshopId), asc(registrations.occurrenceId), asc(registrations.queueOrder), asc(registrations.id));
    // Waiting-list positions in order, per occurrence.
    const positions = new Map<string, number>();
    return rows.map((r) => {
      let position: number | undefined;
      if (r.status === 'waitlisted') {
        const key = `${r.workshopId}\u001f${r.occurrenceId}`;
        position = (positions.get(key) ?? 0) + 1;
        positions.set(key, position);
      }
      return { ...r, requestedAt: r.requestedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null, offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null, checkedInAt: r.checkedInAt?.toISOString() ?? null, position: position ?? null };
    });
  }

  async adminCancel(registrationId: string, actor: string): Promise<{ cancelled: number }> {
    return this.#cancel({ registrationId }, actor, 'cancelled-by-staff');
  }

  /**
   * Staff actions (rsvp/staff-actions.ts) decide with the pieces the RSVP path uses: one transaction under the
   * occurrences' locks (sorted), core's seat state, the waiting-list promotion, the outbox and the audit log.
   */
  staffTransaction<T>(occurrences: readonly { workshopId: string; occurrenceId: string }[], work: (tx: Tx, kit: StaffKit) => Promise<T>): Promise<T> {
    return this.#tx(async (tx) => {
      await lockAll(tx, occurrences.map((o) => occurrenceLock(o.workshopId, o.occurrenceId)));
      const now = this.#clock();
      return work(tx, {
        now,
        seats: async (workshopId, o) => {
          const rows = await this.#activeRows(tx, workshopId, o.id);
          const reservedReleased = o.rsvp !== undefined && now.getTime() >= Date.parse(o.rsvp.closes);
          return { state: seatStateOf(rows, o.capacity, reservedReleased), latest: Math.max(0, ...rows.map((r) => r.requestedAt.getTime())) };
        },
        promote: (workshopId, occurrenceId, actor) => this.#promote(tx, workshopId, occurrenceId, now, actor),
        notify: (event) => this.#notify(tx, { ...event, now }),
        audit: (actor, action, subject, detail) => this.#audit(tx, actor, action, subject, detail),
        snapshot: (workshopId, o) => this.#snapshot(tx, workshopId, o, now),
      });
    });
  }

  /** Everything stored about one person, for a data-subject request. */
  async exportPerson(email: string) {
    const key = await this.personKey(email);
    const subs = await this.#db.select().from(submissions).where(eq(submissions.personKey, key));
    const regs = subs.length === 0 ? [] : await this.#db.select().from(registrations).where(inArray(registrations.submissionId, subs.map((s) => s.id)));
    return {
      email: normaliseEmail(email),
      submissions: subs.map((s) => ({
        id: s.id,
        workshopId: s.workshopId,
        name: s.name,
        email: s.email,
        person: s.person,
        answers: s.answers,
        locale: s.locale,
        createdAt: s.createdAt.toISOString(),
        registrations: regs.filter((r) => r.submissionId === s.id).map((r) => ({ id: r.id, occurrenceId: r.occurrenceId, status: r.status, code: r.code, requestedAt: r.requestedAt.toISOString() })),
      })),
    };
  }

  /** Erases one person: their places are cancelled (freeing seats for the waiting list) and their data removed. */
  async erasePerson(email: string, actor: string): Promise<{ submissions: number; cancelled: number }> {
    const key = await this.personKey(email);
    const subs = await this.#db.select({ id: submissions.id }).from(submissions).where(eq(submissions.personKey, key));
    let cancelled = 0;
    for (const s of subs) cancelled += (await this.#cancel({ submissionId: s.id }, actor, 'erased')).cancelled;
    const erased = await this.#tx(async (tx) => {
      const n = await this.#erase(tx, subs.map((s) => s.id), this.#clock());
      await this.#audit(tx, actor, 'person.erase', undefined, { submissions: n, cancelled });
      return n;
    });
    return { submissions: erased, cancelled };
  }

  // ---------------------------------------------------------------------------------------------------
  // Catalog changes

  /**
   * After a catalog reload: occurrences that registrants hold and that were removed or cancelled cancel
   * their registrations; moves raise the occurrence's sequence (what people were told is out of date);
   * capacity changes promote from the waiting list when seats appeared. Idempotent per occurrence.
   */
  async reconcile(snapshot: CatalogSnapshot = this.#catalogs.current): Promise<{ cancelled: number; moved: number; promoted: number }> {
    const held = await this.#db.selectDistinct({ workshopId: registrations.workshopId, occurrenceId: registrations.occurrenceId }).from(registrations).where(inArray(registrations.status, ACTIVE));
    const result = { cancelled: 0, moved: 0, promoted: 0 };
    const heldIds = new Set(held.map((h) => `${h.workshopId}\u001f${h.occurrenceId}`));
    // What registrants were told, read once: a session the catalog left as it was needs no transaction,
    // so a start or a reload costs one read plus work for the sessions that changed.
    const told = new Map((await this.#db.select().from(occurrenceSnapshots)).map((t) => [`${t.workshopId}\u001f${t.occurrenceId}`, t]));
    for (let h of held) {
      const entry = snapshot.workshops.get(h.workshopId);
      let o = entry?.occurrences.get(h.occurrenceId);
      const last = told.get(`${h.workshopId}\u001f${h.occurrenceId}`);
      if (o !== undefined && last !== undefined && o.status !== 'cancelled' && !snapshotDiffers(last, o)) continue;
      const movedTo = o === undefined && entry !== undefined ? movedOccurrence(entry, h.occurrenceId, (id) => heldIds.has(`${h.workshopId}\u001f${id}`)) : undefined;
      await this.#tx(async (tx) => {
        await lockAll(tx, [occurrenceLock(h.workshopId, h.occurrenceId), ...(movedTo ? [occurrenceLock(h.workshopId, movedTo.id)] : [])]);
        const now = this.#clock();
        if (movedTo !== undefined) {
          // The author changed the start of a one-off session (its id names the start): the same meeting, moved.
          await tx.update(registrations).set({ occurrenceId: movedTo.id, updatedAt: now }).where(and(eq(registrations.workshopId, h.workshopId), eq(registrations.occurrenceId, h.occurrenceId)));
          await tx.update(occurrenceSnapshots).set({ occurrenceId: movedTo.id }).where(and(eq(occurrenceSnapshots.workshopId, h.workshopId), eq(occurrenceSnapshots.occurrenceId, h.occurrenceId)));
          await this.#audit(tx, 'catalog', 'occurrence.renamed', `${h.workshopId} ${h.occurrenceId}`, { to: movedTo.id });
          h = { ...h, occurrenceId: movedTo.id };
          o = movedTo;
        }
        const [before] = await tx.select().from(occurrenceSnapshots).where(and(eq(occurrenceSnapshots.workshopId, h.workshopId), eq(occurrenceSnapshots.occurrenceId, h.occurrenceId)));
        if (o === undefined || o.status === 'cancelled') {
          const code = o === undefined ? 'occurrence-removed' : 'occurrence-cancelled';
          const done = await tx
            .update(registrations)
            .set({ status: 'cancelled', code, offerExpiresAt: null, updatedAt: now })
            .where(and(eq(registrations.workshopId, h.workshopId), eq(registrations.occurrenceId, h.occurrenceId), inArray(registrations.status, ACTIVE)))
            .returning({ id: registrations.id });
          result.cancelled += done.length;
          if (before !== undefined) {
            // The snapshot first: the message carries the raised SEQUENCE.
            await tx
              .update(occurrenceSnapshots)
              .set({ status: o?.status ?? before.status, removed: o === undefined ? 1 : 0, sequence: before.sequence + 1, updatedAt: now })
              .where(and(eq(occurrenceSnapshots.workshopId, h.workshopId), eq(occurrenceSnapshots.occurrenceId, h.occurrenceId)));
          }
          await this.#notify(tx, { kind: 'occurrence-cancelled', registrationIds: done.map((d) => d.id), now, dedupe: `occurrence-cancelled:${(before?.sequence ?? 0) + 1}` });
          if (done.length > 0) await this.#audit(tx, 'catalog', `occurrence.${o === undefined ? 'removed' : 'cancelled'}`, `${h.workshopId} ${h.occurrenceId}`, { registrations: done.length });
          return;
        }
        if (before === undefined) await this.#snapshot(tx, h.workshopId, o, now);
        else if (snapshotDiffers(before, o)) {
          const moved = before.start !== o.start || before.end !== o.end || before.place !== placeOf(o) || before.status !== o.status;
          await tx
            .update(occurrenceSnapshots)
            .set({ start: o.start, end: o.end, status: o.status, place: placeOf(o), capacity: o.capacity ?? null, sequence: moved ? before.sequence + 1 : before.sequence, ...(moved ? { closedAt: null } : {}), updatedAt: now })
            .where(and(eq(occurrenceSnapshots.workshopId, h.workshopId), eq(occurrenceSnapshots.occurrenceId, h.occurrenceId)));
          if (moved) {
            result.moved++;
            await tx.update(registrations).set({ endedAt: new Date(o.end), updatedAt: now }).where(and(eq(registrations.workshopId, h.workshopId), eq(registrations.occurrenceId, h.occurrenceId)));
            const told = await this.#activeRows(tx, h.workshopId, h.occurrenceId);
            await this.#notify(tx, { kind: 'changed', registrationIds: told.map((r) => r.id), now, dedupe: `changed:${before.sequence + 1}` });
          }
        }
        result.promoted += await this.#promote(tx, h.workshopId, h.occurrenceId, now, 'catalog');
      });
    }
    return result;
  }
}

/**
 * The occurrence a vanished one became: occurrence ids name the original start (`session@2026-03-12T15:00`),
 * so editing a one-off session's start gives it a new id. The same session's only occurrence, or its only
 * occurrence on the same local day that holds no registrations yet, is taken as the same meeting, moved.
 */
export function movedOccurrence(entry: WorkshopEntry, occurrenceId: string, isHeld: (id: string) => boolean): FeedOccurrence | undefined {
  const at = occurrenceId.lastIndexOf('@');
  if (at < 0) return undefined;
  const sessionId = occurrenceId.slice(0, at);
  const day = occurrenceId.slice(at + 1, at + 11);
  const siblings = [...entry.occurrences.values()].filter((o) => o.sessionId === sessionId && !isHeld(o.id));
  const all = [...entry.occurrences.values()].filter((o) => o.sessionId === sessionId);
  if (all.length === 1 && siblings.length === 1) return siblings[0];
  const sameDay = siblings.filter((o) => o.id.slice(o.id.lastIndexOf('@') + 1, o.id.lastIndexOf('@') + 11) === day);
  return sameDay.length === 1 ? sameDay[0] : undefined;
}

function toRequest(r: ActiveRow): RsvpRequest {
  return { id: r.id, personKey: r.personKey, tierIndex: r.tierIndex, requestedAt: r.requestedAt.toISOString(), eligible: true };
}

function summarise(result: { confirmed: readonly Decision[]; waitlisted: readonly Decision[]; declined: readonly Decision[] }) {
  return [...result.confirmed, ...result.waitlisted, ...result.declined].map((d) => ({ id: d.request.id, status: d.status, code: d.code, rank: d.rank, position: d.position }));
}

/** The catalog's seed when it gives one (anyone can re-run the draw), else a fresh one, recorded with the draw. */
function seedOf(policy: RsvpPolicy): string {
  return policy.allocation.mode === 'at-close' && policy.allocation.seed !== undefined ? policy.allocation.seed : randomBytes(16).toString('hex');
}

function uniqueOccurrences<T extends { workshopId: string; occurrenceId: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) seen.set(`${item.workshopId}\u001f${item.occurrenceId}`, item);
  return [...seen.values()];
}

/** Whether the catalog's occurrence is no longer what its snapshot recorded (time, place, status, seats). */
function snapshotDiffers(told: { start: string; end: string; place: string; status: string; capacity: number | null }, o: FeedOccurrence): boolean {
  return told.start !== o.start || told.end !== o.end || told.place !== placeOf(o) || told.status !== o.status || told.capacity !== (o.capacity ?? null);
}

export function placeOf(o: FeedOccurrence): string {
  return JSON.stringify(o.location ?? null);
}

function compactStrings(person: RsvpBody['person']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(person)) if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  return out;
}

/** JSON with sorted keys, so that the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

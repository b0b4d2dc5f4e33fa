/**
 * What organizers do to registrations from the console: the occurrences overview, walk-ins, moving a person
 * to another session, promoting from the waiting list, check-in at the door, a message to a session's people,
 * the draw of an allocation at close, and the audit log. Each change runs in one transaction under the
 * occurrences' locks (`RsvpService.staffTransaction`), decides seats with core (`admit`, the waiting-list
 * promotion), writes the messages it owes through the outbox and an audit entry naming the actor.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { admit, allocateSeries, reproduceAllocation, rsvpStatus, type AllocateInput, type AllocateSeriesInput, type FeedOccurrence } from '@mentorkit/core';
import type { CatalogStore, WorkshopEntry } from '../catalog/store.js';
import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/database.js';
import { allocations, auditLog, checkIns, registrations, submissions, ACTIVE_STATUSES, type RegistrationStatus } from '../db/schema.js';
import { pgCode } from '../db/tx.js';
import { ApiError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { allocationPolicy, type RsvpService } from './service.js';

export interface StaffActionsOptions {
  db: Db;
  catalogs: CatalogStore;
  clock: Clock;
  rsvps: RsvpService;
}

export type OccurrenceWhen = 'upcoming' | 'past' | 'all';
export type MessageStatus = 'confirmed' | 'waitlisted' | 'offered';

export interface OccurrenceOverview {
  workshopId: string;
  occurrenceId: string;
  title: string;
  programs: string[];
  start: string;
  end: string;
  timeZone: string;
  /** The catalog gives the date only: `start` is a placeholder, not a time to show. */
  timeUnknown: boolean;
  status: string;
  capacity: number | null;
  counts: { confirmed: number; offered: number; waitlisted: number; requested: number; checkedIn: number };
  window: { state: string; opensAt: string | null; closesAt: string | null };
  allocation: string;
  drawRecorded: boolean;
}

export interface DrawEntry {
  registrationId: string;
  name: string | null;
  tierId: string | null;
  tierIndex: number;
  /** 1-based place in the draw's order; null for a request the draw did not rank (a person's second request). */
  order: number | null;
  outcome: string;
  code: string;
  reserved: boolean;
  /** 1-based seat among those confirmed by the draw, in draw order. */
  seat: number | null;
  /** 1-based place on the waiting list the draw made. */
  position: number | null;
}

export interface DrawView {
  workshopId: string;
  occurrenceId: string;
  seed: string;
  decidedAt: string;
  capacity: number | null;
  method: string;
  reproduced: boolean;
  entries: DrawEntry[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: Record<string, unknown> | null;
}

/** A registration and where it is. */
export interface Placed {
  registrationId: string;
  workshopId: string;
  occurrenceId: string;
}

interface RecordedDecision {
  id: string;
  status: string;
  code: string;
  rank?: number | undefined;
  position?: number | undefined;
}

interface RecordedResult {
  order: string[];
  decisions: RecordedDecision[];
}

/** How far ahead of the server's clock a phone's check-in time may be (clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

export class StaffActions {
  readonly #db: Db;
  readonly #catalogs: CatalogStore;
  readonly #clock: Clock;
  readonly #rsvps: RsvpService;

  constructor(options: StaffActionsOptions) {
    this.#db = options.db;
    this.#catalogs = options.catalogs;
    this.#clock = options.clock;
    this.#rsvps = options.rsvps;
  }

  // ---------------------------------------------------------------------------------------------------
  // Reading

  /** Sessions of the given workshops, with their seats, check-ins, window and whether a draw is recorded. */
  async occurrences(workshopIds: readonly string[], when: OccurrenceWhen): Promise<{ now: string; occurrences: OccurrenceOverview[] }> {
    const now = this.#clock();
    if (workshopIds.length === 0) return { now: now.toISOString(), occurrences: [] };
    const counts = await this.#db
      .select({
        workshopId: registrations.workshopId,
        occurrenceId: registrations.occurrenceId,
        status: registrations.status,
        n: sql<number>`count(*)::int`,
        checkedIn: sql<number>`(count(*) filter (where ${registrations.checkedInAt} is not null))::int`,
      })
      .from(registrations)
      .where(and(inArray(registrations.workshopId, [...workshopIds]), inArray(registrations.status, [...ACTIVE_STATUSES])))
      .groupBy(registrations.workshopId, registrations.occurrenceId, registrations.status);
    const drawn = await this.#db.select({ workshopId: allocations.workshopId, occurrenceId: allocations.occurrenceId }).from(allocations).where(inArray(allocations.workshopId, [...workshopIds]));
    const key = (w: string, o: string) => `${w}\u001f${o}`;
    const drawnKeys = new Set(drawn.map((d) => key(d.workshopId, d.occurrenceId)));
    const byOccurrence = new Map<string, Record<string, number>>();
    for (const c of counts) {
      const k = key(c.workshopId, c.occurrenceId);
      const here = byOccurrence.get(k) ?? {};
      here[c.status] = Number(c.n);
      here.checkedIn = (here.checkedIn ?? 0) + Number(c.checkedIn);
      byOccurrence.set(k, here);
    }
    const list: OccurrenceOverview[] = [];
    for (const workshopId of workshopIds) {
      const entry = this.#catalogs.current.workshops.get(workshopId);
      if (entry === undefined) continue;
      for (const o of entry.occurrences.values()) {
        const past = Date.parse(o.end) <= now.getTime();
        if ((when === 'upcoming' && past) || (when === 'past' && !past)) continue;
        const n = byOccurrence.get(key(workshopId, o.id)) ?? {};
        const count = (s: string) => n[s] ?? 0;
        list.push({
          workshopId,
          occurrenceId: o.id,
          title: o.title && o.title !== entry.workshop.title ? `${entry.workshop.title}: ${o.title}` : entry.workshop.title,
          programs: entry.workshop.programs.map((p) => p.id),
          start: o.start,
          end: o.end,
          timeZone: o.timeZone,
          timeUnknown: o.timeUnknown === true,
          status: o.status,
          capacity: o.capacity ?? null,
          counts: { confirmed: count('confirmed'), offered: count('offered'), waitlisted: count('waitlisted'), requested: count('requested'), checkedIn: count('checkedIn') },
          window: windowOf(entry, o, now, { confirmed: count('confirmed') + count('offered'), waitlisted: count('waitlisted') }),
          allocation: allocationOf(entry),
          drawRecorded: drawnKeys.has(key(workshopId, o.id)) || (entry.policy?.seriesRegistration === true && drawnKeys.has(key(workshopId, 'series'))),
        });
      }
    }
    // Upcoming soonest first; past most recent first.
    list.sort((a, b) => (when === 'past' ? Date.parse(b.start) - Date.parse(a.start) : Date.parse(a.start) - Date.parse(b.start)) || a.workshopId.localeCompare(b.workshopId) || a.occurrenceId.localeCompare(b.occurrenceId));
    return { now: now.toISOString(), occurrences: list };
  }

  /**
   * The draw of an allocation at close, re-run now with core from its recorded input (seed included): whether
   * it gives the recorded order, and each request's place in it with the person's name (null once purged).
   * Reading it is recorded in the audit log (it lists people).
   */
  async draw(workshopId: string, occurrenceId: string, actor: string): Promise<DrawView> {
    const [own] = await this.#db.select().from(allocations).where(and(eq(allocations.workshopId, workshopId), eq(allocations.occurrenceId, occurrenceId)));
    const [series] = own === undefined ? await this.#db.select().from(allocations).where(and(eq(allocations.workshopId, workshopId), eq(allocations.occurrenceId, 'series'))) : [];
    const row = own ?? series;
    const recordedSeries = own === undefined && series !== undefined ? (series.result as Record<string, RecordedResult | undefined>)[occurrenceId] : undefined;
    if (row === undefined || (own === undefined && recordedSeries === undefined)) throw new ApiError('not-found', `No draw is recorded for session ${occurrenceId} of ${workshopId}: it takes places first come, or its RSVP has not closed yet.`);

    let recorded: RecordedResult;
    let reproduced: boolean;
    let requests: AllocateInput['requests'];
    let policy: AllocateInput['policy'];
    let capacity: number | undefined;
    // Requests of a series draw are submissions; this session's rows are found through them.
    let registrationOf: (requestId: string) => string | undefined = (id) => id;
    if (own !== undefined) {
      const input = own.input as AllocateInput;
      recorded = own.result as RecordedResult;
      reproduced = reproduceAllocation({ input, order: recorded.order }).reproduced;
      ({ requests, policy, capacity } = input);
    } else {
      const input = series!.input as AllocateSeriesInput;
      recorded = recordedSeries!;
      const rerun = allocateSeries(input).sessions[occurrenceId];
      reproduced = rerun !== undefined && sameOrder(rerun.order, recorded.order);
      ({ requests, policy } = input);
      capacity = input.sessions.find((s) => s.id === occurrenceId)?.capacity;
      const rows = await this.#db
        .select({ id: registrations.id, submissionId: registrations.submissionId })
        .from(registrations)
        .where(and(eq(registrations.workshopId, workshopId), eq(registrations.occurrenceId, occurrenceId), inArray(registrations.submissionId, recorded.decisions.map((d) => d.id))));
      const bySubmission = new Map(rows.map((r) => [r.submissionId, r.id]));
      registrationOf = (id) => bySubmission.get(id);
    }

    const ids = recorded.decisions.map((d) => registrationOf(d.id)).filter((x): x is string => x !== undefined);
    const names = new Map(
      ids.length === 0
        ? []
        : (
            await this.#db
              .select({ id: registrations.id, name: submissions.name })
              .from(registrations)
              .innerJoin(submissions, eq(submissions.id, registrations.submissionId))
              .where(inArray(registrations.id, ids))
          ).map((r) => [r.id, r.name]),
    );
    const tierOf = new Map(requests.map((r) => [r.id, r.tierIndex]));
    const orderOf = new Map(recorded.order.map((id, i) => [id, i + 1]));
    const decisions = [...recorded.decisions].sort((a, b) => (orderOf.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (orderOf.get(b.id) ?? Number.MAX_SAFE_INTEGER));
    let seat = 0;
    const entries: DrawEntry[] = decisions.map((d) => {
      const tierIndex = tierOf.get(d.id) ?? 0;
      const registrationId = registrationOf(d.id) ?? d.id;
      return {
        registrationId,
        name: names.get(registrationId) ?? null,
        tierId: policy.priority?.[tierIndex]?.id ?? null,
        tierIndex,
        order: orderOf.get(d.id) ?? null,
        outcome: d.status,
        code: d.code,
        reserved: d.code === 'confirmed-reserved',
        seat: d.status === 'confirmed' ? ++seat : null,
        position: d.status === 'waitlisted' ? (d.position ?? null) : null,
      };
    });
    const allocation = policy.allocation;
    await this.#db.insert(auditLog).values({ at: this.#clock(), actor, action: 'allocation.view', subject: `${workshopId} ${occurrenceId}`, detail: { entries: entries.length, reproduced } });
    return {
      workshopId,
      occurrenceId,
      seed: row.seed,
      decidedAt: row.decidedAt.toISOString(),
      capacity: capacity ?? null,
      method: allocation.mode === 'at-close' ? (allocation.order ?? 'time') : allocation.mode,
      reproduced,
      entries,
    };
  }

  /** Audit entries, newest first; organizers see those about their programs' workshops (not null: everything). */
  async audit(workshopIds: readonly string[] | null, page: { limit: number; before?: number | undefined }): Promise<AuditEntry[]> {
    if (workshopIds !== null && workshopIds.length === 0) return [];
    // Subjects are a registration, a submission, or `<workshop> <occurrence>`.
    const workshopOf = sql`coalesce(${registrations.workshopId}, ${submissions.workshopId}, split_part(${auditLog.subject}, ' ', 1))`;
    const conditions = [];
    if (workshopIds !== null) conditions.push(sql`${workshopOf} in (${sql.join(workshopIds.map((w) => sql`${w}`), sql`, `)})`);
    if (page.before !== undefined) conditions.push(lt(auditLog.id, page.before));
    const rows = await this.#db
      .select({ id: auditLog.id, at: auditLog.at, actor: auditLog.actor, action: auditLog.action, subject: auditLog.subject, detail: auditLog.detail })
      .from(auditLog)
      .leftJoin(registrations, eq(registrations.id, auditLog.subject))
      .leftJoin(submissions, eq(submissions.id, auditLog.subject))
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(page.limit);
    return rows.map((r) => ({ id: Number(r.id), at: r.at.toISOString(), actor: r.actor, action: r.action, subject: r.subject, detail: r.detail ?? null }));
  }

  /** Records a bulk read of personal data (an export). */
  async recordRead(actor: string, action: string, subject: string | undefined, detail: Record<string, unknown>): Promise<void> {
    await this.#db.insert(auditLog).values({ at: this.#clock(), actor, action, subject: subject ?? null, detail });
  }

  // ---------------------------------------------------------------------------------------------------
  // Changes

  /**
   * A person who came without a place: confirmed at once with code `walk-in` (even over capacity: staff let
   * them in), and checked in unless told otherwise. No message is sent: they are in the room.
   */
  async walkIn(workshopId: string, occurrenceId: string, person: { name: string; email?: string | undefined; checkIn: boolean }, actor: string): Promise<{ registrationId: string }> {
    const { entry, occurrence } = this.#occurrence(workshopId, occurrenceId);
    if (occurrence.status === 'cancelled' || occurrence.status === 'postponed') throw new ApiError('closed', `This session is ${occurrence.status}: no one can be let in.`);
    const email = person.email?.trim() || undefined;
    const personKey = email !== undefined ? await this.#rsvps.personKey(email) : `walk-in:${randomUUID()}`;
    const submissionId = randomUUID();
    const registrationId = randomUUID();
    try {
      return await this.#rsvps.staffTransaction([{ workshopId, occurrenceId }], async (tx, kit) => {
        const now = kit.now;
        if (email !== undefined) {
          const [held] = await tx
            .select({ id: registrations.id, status: registrations.status })
            .from(registrations)
            .where(and(eq(registrations.workshopId, workshopId), eq(registrations.occurrenceId, occurrenceId), eq(registrations.personKey, personKey), inArray(registrations.status, [...ACTIVE_STATUSES])));
          if (held !== undefined) throw duplicateWalkIn(held.status);
        }
        const { latest } = await kit.seats(workshopId, occurrence);
        const requestedAt = new Date(Math.max(now.getTime(), latest + 1));
        await tx.insert(submissions).values({
          id: submissionId,
          workshopId,
          personKey,
          // No one holds a manage link for a walk-in: the token is made and forgotten.
          manageTokenHash: sha256Hex(randomBytes(24).toString('base64url')),
          locale: 'en',
          name: person.name.trim(),
          email: email ?? null,
          person: { name: person.name.trim(), ...(email !== undefined ? { email } : {}) },
          answers: {},
          createdAt: now,
        });
        await tx.insert(registrations).values({
          id: registrationId,
          submissionId,
          workshopId,
          occurrenceId,
          personKey,
          status: 'confirmed',
          code: 'walk-in',
          tierIndex: entry.policy?.priority.length ?? 0,
          tierId: null,
          requestedAt,
          queueOrder: requestedAt.getTime(),
          decidedAt: now,
          endedAt: new Date(occurrence.end),
          checkedInAt: person.checkIn ? now : null,
          updatedAt: now,
        });
        if (person.checkIn) await tx.insert(checkIns).values({ clientId: randomUUID(), registrationId, present: true, at: now, actor, receivedAt: now });
        await kit.snapshot(workshopId, occurrence);
        await kit.audit(actor, 'registration.walk-in', registrationId, { workshopId, occurrenceId, checkedIn: person.checkIn });
        return { registrationId };
      });
    } catch (error) {
      // The same person let in twice at once: the one-active-place index decides.
      if (pgCode(error) === '23505') throw duplicateWalkIn('confirmed');
      throw error;
    }
  }

  /**
   * Moves a person to another session of the same workshop: their place there is what core's `admit` gives
   * (confirmed if a seat is free, else the waiting list; refused when that is full too), the old place is
   * cancelled and its seat goes to the waiting list. The person is sent the cancellation of the old session
   * and the confirmation (with its invitation) or waiting-list message of the new one.
   */
  async move(registrationId: string, toOccurrenceId: string, actor: string): Promise<Placed> {
    const row = await this.#registration(registrationId);
    if (row.occurrenceId === toOccurrenceId) throw new ApiError('invalid', 'The registration is already for this session.', { issues: [{ path: 'body.occurrenceId', message: 'the session it is already in' }] });
    const entry = this.#catalogs.current.workshops.get(row.workshopId);
    const target = entry?.occurrences.get(toOccurrenceId);
    if (entry === undefined || target === undefined) {
      throw new ApiError('invalid', `Workshop ${JSON.stringify(row.workshopId)} has no session ${JSON.stringify(toOccurrenceId)}.`, { issues: [{ path: 'body.occurrenceId', message: 'not a session of the same workshop' }] });
    }
    const policy = entry.policy;
    if (policy === undefined || target.rsvp === undefined) throw new ApiError('closed', 'This workshop takes no registrations here, so no one can be moved.');
    if (target.status === 'cancelled' || target.status === 'postponed') throw new ApiError('closed', `The session to move to is ${target.status}.`);
    const now0 = this.#clock();
    if (Date.parse(target.start) <= now0.getTime()) throw new ApiError('closed', 'The session to move to has already started.');
    const newId = randomUUID();
    try {
      return await this.#rsvps.staffTransaction(
        [
          { workshopId: row.workshopId, occurrenceId: row.occurrenceId },
          { workshopId: row.workshopId, occurrenceId: toOccurrenceId },
        ],
        async (tx, kit) => {
          const now = kit.now;
          const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
          if (current === undefined || !isActive(current.status)) throw notActive(current?.status ?? 'gone', 'moved');
          const [held] = await tx
            .select({ id: registrations.id })
            .from(registrations)
            .where(and(eq(registrations.workshopId, row.workshopId), eq(registrations.occurrenceId, toOccurrenceId), eq(registrations.personKey, current.personKey), inArray(registrations.status, [...ACTIVE_STATUSES])));
          if (held !== undefined) throw new ApiError('duplicate', 'This person already has a place (or a request) in the session to move to.');
          const seats = await kit.seats(row.workshopId, target);
          const [drawn] = await tx.select({ seed: allocations.seed }).from(allocations).where(and(eq(allocations.workshopId, row.workshopId), or(eq(allocations.occurrenceId, toOccurrenceId), eq(allocations.occurrenceId, 'series'))));
          // A request waiting for a draw that has not happened yet stays a request, now for the other session.
          const waitsForDraw = current.status === 'requested' && policy.allocation.mode === 'at-close' && drawn === undefined && now.getTime() < Date.parse(target.rsvp!.closes);
          const decision = waitsForDraw ? { status: 'requested' as const, code: 'requested' } : admit(seats.state, { tierIndex: current.tierIndex }, allocationPolicy(policy));
          if (decision.status === 'declined') throw new ApiError(decision.code === 'declined-waitlist-full' ? 'waitlist-full' : 'full', `Not moved: ${decision.message}`);
          const requestedAt = new Date(Math.max(now.getTime(), seats.latest + 1));
          await tx.update(registrations).set({ status: 'cancelled', code: 'moved', offerExpiresAt: null, updatedAt: now }).where(eq(registrations.id, registrationId));
          await tx.insert(registrations).values({
            id: newId,
            submissionId: current.submissionId,
            workshopId: row.workshopId,
            occurrenceId: toOccurrenceId,
            personKey: current.personKey,
            status: decision.status,
            code: decision.code,
            tierIndex: current.tierIndex,
            tierId: current.tierId,
            requestedAt,
            queueOrder: requestedAt.getTime(),
            decidedAt: decision.status === 'requested' ? null : now,
            endedAt: new Date(target.end),
            updatedAt: now,
          });
          await kit.snapshot(row.workshopId, target);
          await kit.notify({ kind: 'cancelled', registrationIds: [registrationId], by: 'staff' });
          await kit.notify({ kind: decision.status, registrationIds: [newId] });
          const promoted = await kit.promote(row.workshopId, row.occurrenceId, actor);
          await kit.audit(actor, 'registration.move', registrationId, { to: newId, from: row.occurrenceId, occurrenceId: toOccurrenceId, status: decision.status, promoted });
          return { registrationId: newId, workshopId: row.workshopId, occurrenceId: toOccurrenceId };
        },
      );
    } catch (error) {
      if (pgCode(error) === '23505') throw new ApiError('duplicate', 'This person already has a place (or a request) in the session to move to.');
      throw error;
    }
  }

  /** Confirms a person from the waiting list (or with a seat offered) now, even over capacity, and tells them. */
  async promote(registrationId: string, actor: string): Promise<Placed> {
    const row = await this.#registration(registrationId);
    return this.#rsvps.staffTransaction([row], async (tx, kit) => {
      const [current] = await tx.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, registrationId));
      const from = current?.status;
      if (from !== 'waitlisted' && from !== 'offered') {
        throw new ApiError('conflict', from === 'confirmed' ? 'This person is already confirmed.' : `Only a person on the waiting list or offered a seat can be promoted; this registration is ${from ?? 'gone'}.`);
      }
      const now = kit.now;
      await tx.update(registrations).set({ status: 'confirmed', code: 'promoted-by-staff', offerExpiresAt: null, decidedAt: now, updatedAt: now }).where(eq(registrations.id, registrationId));
      await kit.notify({ kind: 'confirmed', registrationIds: [registrationId] });
      await kit.audit(actor, 'registration.promote', registrationId, { from });
      return { registrationId, ...row };
    });
  }

  /**
   * Marks a confirmed person present (or not) at the session. Idempotent by the phone's `clientId`: the same
   * id again changes nothing and answers `replay: true`. The registration's state follows the mark with the
   * latest `at`, so a queue replayed late does not undo a later correction.
   */
  async checkIn(registrationId: string, mark: { present: boolean; clientId: string; at?: string | undefined; ageMs?: number | undefined }, actor: string): Promise<{ registrationId: string; checkedInAt: string | null; replay: boolean }> {
    const row = await this.#registration(registrationId);
    const received = this.#clock();
    // An age needs no agreement between the phone's clock and the server's; an instant does.
    const at = mark.ageMs !== undefined ? new Date(received.getTime() - mark.ageMs) : mark.at === undefined ? received : new Date(mark.at);
    if (at.getTime() > received.getTime() + CLOCK_SKEW_MS) {
      throw new ApiError('invalid', 'The check-in time is in the future; check the phone’s clock.', { issues: [{ path: 'body.at', message: 'later than now' }] });
    }
    return this.#rsvps.staffTransaction([row], async (tx, kit) => {
      const replay = await this.#replayCheckIn(tx, mark.clientId, registrationId);
      if (replay !== undefined) return replay;
      const [current] = await tx.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, registrationId));
      if (current?.status !== 'confirmed') {
        throw new ApiError('conflict', `Only a confirmed person can be checked in; this registration is ${current?.status ?? 'gone'}${current?.status === 'waitlisted' || current?.status === 'offered' ? ' (promote them first)' : ''}.`);
      }
      const inserted = await tx.insert(checkIns).values({ clientId: mark.clientId, registrationId, present: mark.present, at, actor, receivedAt: kit.now }).onConflictDoNothing().returning({ clientId: checkIns.clientId });
      if (inserted.length === 0) return (await this.#replayCheckIn(tx, mark.clientId, registrationId))!;
      const [latest] = await tx
        .select({ present: checkIns.present, at: checkIns.at })
        .from(checkIns)
        .where(eq(checkIns.registrationId, registrationId))
        .orderBy(desc(checkIns.at), desc(checkIns.receivedAt), desc(checkIns.clientId))
        .limit(1);
      const checkedInAt = latest!.present ? latest!.at : null;
      await tx.update(registrations).set({ checkedInAt, updatedAt: kit.now }).where(eq(registrations.id, registrationId));
      await kit.audit(actor, 'registration.check-in', registrationId, { present: mark.present, at: at.toISOString(), clientId: mark.clientId, checkedIn: checkedInAt !== null });
      return { registrationId, checkedInAt: checkedInAt?.toISOString() ?? null, replay: false };
    });
  }

  async #replayCheckIn(tx: Tx, clientId: string, registrationId: string): Promise<{ registrationId: string; checkedInAt: string | null; replay: true } | undefined> {
    const [seen] = await tx.select({ registrationId: checkIns.registrationId }).from(checkIns).where(eq(checkIns.clientId, clientId));
    if (seen === undefined) return undefined;
    if (seen.registrationId !== registrationId) {
      throw new ApiError('idempotency-mismatch', 'This clientId was already used for another registration. Send a new clientId for each check-in.', { issues: [{ path: 'body.clientId', message: 'used for another registration' }] });
    }
    const [current] = await tx.select({ checkedInAt: registrations.checkedInAt }).from(registrations).where(eq(registrations.id, registrationId));
    return { registrationId, checkedInAt: current?.checkedInAt?.toISOString() ?? null, replay: true };
  }

  /** A message from staff to the people of one session with the given statuses, through the outbox. */
  async message(workshopId: string, occurrenceId: string, message: { subject: string; text: string; statuses: readonly MessageStatus[] }, actor: string): Promise<{ queued: number }> {
    this.#occurrence(workshopId, occurrenceId);
    return this.#rsvps.staffTransaction([{ workshopId, occurrenceId }], async (tx, kit) => {
      const to = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(and(eq(registrations.workshopId, workshopId), eq(registrations.occurrenceId, occurrenceId), inArray(registrations.status, [...message.statuses])));
      const queued = await kit.notify({ kind: 'staff-message', registrationIds: to.map((r) => r.id), staffMessage: { subject: message.subject, text: message.text } });
      await kit.audit(actor, 'occurrence.message', `${workshopId} ${occurrenceId}`, { statuses: [...message.statuses], registrations: to.length, queued, subject: message.subject });
      return { queued };
    });
  }

  // ---------------------------------------------------------------------------------------------------

  #occurrence(workshopId: string, occurrenceId: string): { entry: WorkshopEntry; occurrence: FeedOccurrence } {
    const entry = this.#catalogs.current.workshops.get(workshopId);
    const occurrence = entry?.occurrences.get(occurrenceId);
    if (entry === undefined || occurrence === undefined) throw new ApiError('not-found', `There is no session ${JSON.stringify(occurrenceId)} of workshop ${JSON.stringify(workshopId)} in the catalog.`);
    return { entry, occurrence };
  }

  async #registration(id: string): Promise<{ workshopId: string; occurrenceId: string }> {
    const [row] = await this.#db.select({ workshopId: registrations.workshopId, occurrenceId: registrations.occurrenceId }).from(registrations).where(eq(registrations.id, id));
    if (row === undefined) throw new ApiError('not-found', `There is no registration ${JSON.stringify(id)}.`);
    return row;
  }
}

function isActive(status: RegistrationStatus): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

function notActive(status: string, verb: string): ApiError {
  return new ApiError('conflict', `This registration is ${status}, so it cannot be ${verb}.`);
}

function duplicateWalkIn(status: string): ApiError {
  return new ApiError('duplicate', `This person already has a registration for this session (${status}): check them in from the list instead.`, { issues: [{ path: 'body.email', message: 'already registered for this session' }] });
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** How an occurrence takes places: first come, at close in request order, or at close by lottery. */
function allocationOf(entry: WorkshopEntry): string {
  const allocation = entry.policy?.allocation;
  if (allocation === undefined) return 'none';
  if (allocation.mode === 'at-close') return allocation.order === 'lottery' ? 'lottery' : 'at-close';
  return allocation.mode;
}

function windowOf(entry: WorkshopEntry, o: FeedOccurrence, now: Date, seats: { confirmed: number; waitlisted: number }): OccurrenceOverview['window'] {
  if (entry.policy === undefined || o.rsvp === undefined) return { state: 'none', opensAt: null, closesAt: null };
  const waitlist = entry.policy.waitlist;
  const state = rsvpStatus(o.rsvp, { now, capacity: o.capacity, confirmed: seats.confirmed, waitlist: waitlist ? { enabled: waitlist.enabled, limit: waitlist.limit, count: seats.waitlisted } : undefined });
  return { state: state.state, opensAt: o.rsvp.opens ?? null, closesAt: o.rsvp.closes };
}

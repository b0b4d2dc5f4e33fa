/**
 * The transactional outbox. `Notifier.queue` is called inside the transaction that changes a registration
 * and writes the message that change owes (rendered then, with its Message-ID fixed then): if the change
 * rolls back, so does the message; if it commits, the message is owed for good. `MailDelivery` sends due rows
 * over SMTP: any number of instances may run it, each claiming rows with `FOR UPDATE SKIP LOCKED` and a lease;
 * a sent row keeps no bodies.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { toInstant, type FeedOccurrence, type Session } from '@mentorkit/core';
import type { CatalogStore } from '../catalog/store.js';
import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/database.js';
import { occurrenceSnapshots, outbox, registrations, settings, submissions } from '../db/schema.js';
import { render, type MessageKind } from './messages.js';
import { waitlistPosition } from '../rsvp/position.js';

export interface MailOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; absent: messages are written to the outbox and stay queued. */
  smtpUrl?: string | undefined;
  /** A nodemailer transport to use instead of `smtpUrl` (tests, the demo's catcher). */
  transport?: Transporter | undefined;
  /** The sender, e.g. `Mentoring Program <mentoring@example.edu>` (default `mentorkit@localhost`). */
  from?: string | undefined;
  /** Rows claimed per round (default 50). */
  batchSize?: number | undefined;
  /** A claimed row is the worker's for this long; past it another worker may send it again (default 2 min). */
  leaseMs?: number | undefined;
  /** Attempts before a message is marked failed (default 12; backoff 30 s doubling to 1 h). */
  maxAttempts?: number | undefined;
}

export interface QueueEvent {
  kind: MessageKind;
  registrationIds: readonly string[];
  now: Date;
  /** The manage token and base, known only in the registration's own transaction. */
  token?: string | undefined;
  manageBase?: string | undefined;
  by?: 'person' | 'staff' | undefined;
  allocated?: boolean | undefined;
  /** Makes the message owed once per registration: `${dedupe}:${registrationId}`. */
  dedupe?: string | undefined;
  /** The occurrence as it was, for messages about one the catalog removed. */
  removed?: boolean | undefined;
  /** A staff message's subject and text (kind `staff-message`). */
  staffMessage?: { subject: string; text: string } | undefined;
}

const MANAGE_BASE_KEY = 'mail.manage-base';

/** One message's addressee and what it says of their place. */
export interface Recipient {
  id: string;
  submissionId: string;
  workshopId: string;
  occurrenceId: string;
  status: string;
  offerExpiresAt: Date | null;
  email: string;
  name: string | null;
  locale: string;
  occurrence: FeedOccurrence;
  /** The occurrence's iCalendar SEQUENCE (its snapshot's). */
  sequence: number;
  position: number | undefined;
  invitation: boolean | undefined;
}

export type OutboxRow = typeof outbox.$inferInsert & { messageId: string; subject: string; text: string; html: string; dueAt: Date; createdAt: Date };

/** Address part of a From header: `Name <a@b>` → `a@b`. */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

export class Notifier {
  readonly #catalogs: CatalogStore;
  readonly #from: string;
  readonly #publicUrl: string | undefined;
  #manageBase: string | undefined;
  /** Whether a worker will send what is queued (SMTP configured): only then is the person told a message is coming. */
  readonly delivers: boolean;

  constructor(options: { catalogs: CatalogStore; from?: string | undefined; publicUrl?: string | undefined; delivers?: boolean | undefined }) {
    this.#catalogs = options.catalogs;
    this.delivers = options.delivers ?? false;
    this.#from = options.from ?? 'mentorkit@localhost';
    this.#publicUrl = options.publicUrl?.replace(/\/+$/, '');
  }

  /** Writes the messages an event owes, one per registration with an address; returns how many. */
  async queue(tx: Tx, event: QueueEvent): Promise<number> {
    if (event.registrationIds.length === 0) return 0;
    const rows = await tx
      .select({
        id: registrations.id,
        submissionId: registrations.submissionId,
        workshopId: registrations.workshopId,
        occurrenceId: registrations.occurrenceId,
        offerExpiresAt: registrations.offerExpiresAt,
        queueOrder: registrations.queueOrder,
        status: registrations.status,
        email: submissions.email,
        name: submissions.name,
        locale: submissions.locale,
      })
      .from(registrations)
      .innerJoin(submissions, eq(submissions.id, registrations.submissionId))
      .where(and(inArray(registrations.id, [...event.registrationIds]), isNotNull(submissions.email)));
    if (rows.length === 0) return 0;
    const manageBase = await this.manageBase(tx, event.manageBase);
    // Read once for every message of the event (an allocation or a moved session may owe hundreds).
    const key = (workshopId: string, occurrenceId: string) => `${workshopId}\u001f${occurrenceId}`;
    const sessions = new Map(rows.map((r) => [key(r.workshopId, r.occurrenceId), r]));
    const snaps = new Map(
      (
        await tx
          .select()
          .from(occurrenceSnapshots)
          .where(or(...[...sessions.values()].map((r) => and(eq(occurrenceSnapshots.workshopId, r.workshopId), eq(occurrenceSnapshots.occurrenceId, r.occurrenceId)))))
      ).map((snap) => [key(snap.workshopId, snap.occurrenceId), snap]),
    );
    const cancelling = event.kind === 'cancelled' || event.kind === 'occurrence-cancelled';
    const invited = cancelling
      ? new Set((await tx.select({ id: outbox.registrationId }).from(outbox).where(and(inArray(outbox.registrationId, rows.map((r) => r.id)), eq(outbox.icsMethod, 'REQUEST')))).map((x) => x.id))
      : undefined;
    const recipients: Recipient[] = [];
    for (const r of rows) {
      const snap = snaps.get(key(r.workshopId, r.occurrenceId));
      const occurrence = this.#catalogs.current.workshops.get(r.workshopId)?.occurrences.get(r.occurrenceId) ?? (snap ? fromSnapshot(snap) : undefined);
      if (occurrence === undefined) continue;
      recipients.push({
        ...r,
        email: r.email!,
        occurrence,
        sequence: snap?.sequence ?? 0,
        position: r.status === 'waitlisted' ? await waitlistPosition(tx, r) : undefined,
        // An invitation goes to whoever holds the place; a cancellation to whoever was sent an invitation.
        invitation: invited !== undefined ? invited.has(r.id) : event.kind === 'changed' ? r.status === 'confirmed' : undefined,
      });
    }
    const values = this.compose(event, manageBase, recipients);
    if (values.length === 0) return 0;
    // A message already written for the same change (its dedupe key) is not written twice.
    return (await tx.insert(outbox).values(values).onConflictDoNothing().returning({ id: outbox.id })).length;
  }

  /**
   * The outbox rows an event owes its recipients, rendered now with their Message-IDs fixed; reads and writes
   * nothing, so a caller that already knows everything (a new RSVP) writes them in its own statement.
   */
  compose(event: QueueEvent, manageBase: string, recipients: readonly Recipient[]): OutboxRow[] {
    const domain = addressOf(this.#from).split('@')[1] ?? 'localhost';
    return recipients.map((r) => {
      const entry = this.#catalogs.current.workshops.get(r.workshopId);
      const loaded = this.#catalogs.current.catalogs.find((c) => c.catalog.id === entry?.catalogId);
      const source = loaded?.catalog.workshops.find((w) => w.id === r.workshopId);
      const session = source?.kind === 'scheduled' ? source.sessions.find((s) => s.id === r.occurrence.sessionId) : undefined;
      const programId = entry?.workshop.programs[0]?.id;
      const program = loaded?.catalog.programs.find((p) => p.id === programId);
      const contact = program?.contacts.map((c) => c.email ?? loaded?.catalog.people.find((p) => p.id === c.person)?.email).find((x) => x !== undefined);
      const message = render({
        kind: event.kind,
        locale: r.locale,
        name: r.name ?? undefined,
        email: r.email,
        programTitle: entry?.programTitle ?? '',
        contactEmail: contact,
        workshopTitle: entry?.workshop.title ?? r.workshopId,
        catalogId: entry?.catalogId ?? '',
        occurrence: withRecurrenceId(r.occurrence, session),
        sequence: r.sequence,
        manageUrl: event.token !== undefined ? `${manageBase}#${event.token}` : manageBase,
        manageHasToken: event.token !== undefined,
        position: r.position,
        offerExpiresAt: r.offerExpiresAt ?? undefined,
        allocated: event.allocated,
        by: event.by,
        invitation: r.invitation,
        staffMessage: event.staffMessage,
        from: addressOf(this.#from),
        now: event.now,
      });
      return {
        messageId: `<${randomUUID()}@${domain}>`,
        kind: event.kind,
        submissionId: r.submissionId,
        registrationId: r.id,
        workshopId: r.workshopId,
        occurrenceId: r.occurrenceId,
        dedupeKey: event.dedupe !== undefined ? `${event.dedupe}:${r.id}` : null,
        recipient: r.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ics: message.ics?.content ?? null,
        icsMethod: message.ics?.method ?? null,
        dueAt: event.now,
        createdAt: event.now,
      };
    });
  }

  /** The manage page's address: PUBLIC_URL's, else the one the last registration came through (kept in settings). */
  async manageBase(tx: Db | Tx, seen: string | undefined): Promise<string> {
    if (this.#publicUrl !== undefined) return `${this.#publicUrl}/manage`;
    if (seen !== undefined) {
      if (seen !== this.#manageBase) {
        await tx.insert(settings).values({ key: MANAGE_BASE_KEY, value: seen }).onConflictDoUpdate({ target: settings.key, set: { value: seen } });
        this.#manageBase = seen;
      }
      return seen;
    }
    if (this.#manageBase !== undefined) return this.#manageBase;
    const [row] = await tx.select().from(settings).where(eq(settings.key, MANAGE_BASE_KEY));
    return (this.#manageBase = row?.value ?? 'http://localhost:8787/manage');
  }
}

function fromSnapshot(s: typeof occurrenceSnapshots.$inferSelect): FeedOccurrence {
  const at = s.occurrenceId.lastIndexOf('@');
  const location = JSON.parse(s.place) as FeedOccurrence['location'] | null;
  return {
    id: s.occurrenceId,
    sessionId: at >= 0 ? s.occurrenceId.slice(0, at) : s.occurrenceId,
    start: s.start,
    end: s.end,
    timeZone: 'UTC',
    localStart: new Date(s.start).toISOString().slice(0, 16),
    localEnd: new Date(s.end).toISOString().slice(0, 16),
    status: 'cancelled',
    ...(location ? { location } : {}),
  };
}

/**
 * An occurrence the catalog no longer has (rebuilt from its snapshot) of a repeating session it still has:
 * its RECURRENCE-ID as the feed gave it, the original wall-clock start in its id (core's
 * `<session>@<original start>`) read in the session's zone.
 */
function withRecurrenceId(o: FeedOccurrence, session: Session | undefined): FeedOccurrence {
  if (o.recurrenceId !== undefined || session?.recurrence === undefined) return o;
  return { ...o, recurrenceId: toInstant(o.id.slice(o.id.lastIndexOf('@') + 1), session.timeZone).toISO()! };
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

/** Builds a pooled nodemailer transport from an SMTP URL. */
export function smtpTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** Sends due outbox rows. Safe to run in any number of instances at once. */
export class MailDelivery {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #transport: Transporter | undefined;
  readonly #from: string;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  readonly #maxAttempts: number;

  constructor(options: MailOptions & { db: Db; clock: Clock }) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#transport = options.transport ?? (options.smtpUrl ? smtpTransport(options.smtpUrl) : undefined);
    this.#from = options.from ?? 'mentorkit@localhost';
    this.#batchSize = options.batchSize ?? 50;
    this.#leaseMs = options.leaseMs ?? 120_000;
    this.#maxAttempts = options.maxAttempts ?? 12;
  }

  get enabled(): boolean {
    return this.#transport !== undefined;
  }

  /** Claims a batch of due rows (queued and due, or sending with a lapsed lease) for this worker. */
  async claim(limit = this.#batchSize): Promise<(typeof outbox.$inferSelect)[]> {
    const now = this.#clock();
    return this.#db.transaction(async (tx) => {
      const due = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(or(and(eq(outbox.status, 'queued'), lte(outbox.dueAt, now)), and(eq(outbox.status, 'sending'), lte(outbox.leaseUntil, now))))
        .orderBy(asc(outbox.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(outbox)
        .set({ status: 'sending', leaseUntil: new Date(now.getTime() + this.#leaseMs), attempts: sql`${outbox.attempts} + 1` })
        .where(inArray(outbox.id, due.map((d) => d.id)))
        .returning();
    });
  }

  /** Sends one claimed row with its stored Message-ID. */
  async send(row: typeof outbox.$inferSelect): Promise<void> {
    await this.#transport!.sendMail({
      from: this.#from,
      to: row.recipient!,
      subject: row.subject,
      text: row.text,
      html: row.html,
      messageId: row.messageId,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Mentorkit-Kind': row.kind },
      ...(row.ics !== null && row.icsMethod !== null ? { icalEvent: { method: row.icsMethod, filename: 'invite.ics', content: row.ics } } : {}),
    });
  }

  /**
   * Removes what no longer needs keeping: messages sent or failed more than 30 days ago, and every message
   * (queued or not) of an RSVP whose personal data was erased or purged.
   */
  async purge(): Promise<number> {
    const cutoff = new Date(this.#clock().getTime() - 30 * 86_400_000);
    const gone = await this.#db
      .delete(outbox)
      .where(
        or(
          and(inArray(outbox.status, ['sent', 'failed']), lte(outbox.createdAt, cutoff)),
          sql`${outbox.submissionId} in (select ${submissions.id} from ${submissions} where ${submissions.purgedAt} is not null)`,
        ),
      )
      .returning({ id: outbox.id });
    return gone.length;
  }

  /** Delivers every due message, batch after batch, until none is left or a whole batch failed. */
  async deliverDue(): Promise<DeliveryResult> {
    const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
    await this.purge();
    if (this.#transport === undefined) return result;
    for (;;) {
      const batch = await this.claim();
      if (batch.length === 0) break;
      // Marked sent together after the batch: a crash before the mark re-sends them (same Message-ID) after the lease.
      const sentIds: number[] = [];
      const outcomes = await Promise.all(
        batch.map(async (row) => {
          try {
            if (row.recipient === null) throw new Error('no recipient (erased)');
            await this.send(row);
            sentIds.push(row.id);
            return 'sent' as const;
          } catch (error) {
            const final = row.attempts >= this.#maxAttempts || row.recipient === null;
            const backoff = Math.min(30_000 * 2 ** Math.max(0, row.attempts - 1), 3_600_000);
            await this.#db
              .update(outbox)
              .set({ status: final ? 'failed' : 'queued', dueAt: new Date(this.#clock().getTime() + backoff), leaseUntil: null, lastError: String((error as Error).message ?? error).slice(0, 500) })
              .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending')));
            return final ? ('failed' as const) : ('retried' as const);
          }
        }),
      );
      if (sentIds.length > 0) {
        // A sent message's bodies are not needed again, and hold the person's name and, in a confirmation, the
        // manage link with its token: the row keeps who was written to, what kind, when and the Message-ID.
        await this.#db
          .update(outbox)
          .set({ status: 'sent', sentAt: this.#clock(), leaseUntil: null, lastError: null, text: '', html: '', ics: null })
          .where(and(inArray(outbox.id, sentIds), eq(outbox.status, 'sending')));
      }
      for (const o of outcomes) result[o]++;
      if (outcomes.every((o) => o !== 'sent')) break;
    }
    return result;
  }

  close(): void {
    this.#transport?.close();
  }
}

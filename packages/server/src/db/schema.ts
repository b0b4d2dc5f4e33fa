/**
 * The server's tables. The catalog decides what exists; these hold only what people did (submissions,
 * registrations, allocations, audit entries) and what the server must remember to answer the same way twice
 * (idempotency) or to notice a change (occurrence snapshots). Migrations are generated from this file with
 * `pnpm --filter @mentorkit/server db:generate` and are never edited once released.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One RSVP as a person sent it: who they are, what they answered, and the private manage token. */
export const submissions = pgTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    workshopId: text('workshop_id').notNull(),
    /** A keyed hash of the normalised email: the same person always has the same key, and it reveals nothing. */
    personKey: text('person_key').notNull(),
    /** SHA-256 of the manage token; the token itself is only ever in the link the person holds. */
    manageTokenHash: text('manage_token_hash').notNull(),
    locale: text('locale').notNull().default('en'),
    /** Personal data: null once purged or erased. */
    name: text('name'),
    email: text('email'),
    person: jsonb('person').$type<Record<string, string>>(),
    answers: jsonb('answers').$type<Record<string, string | string[] | boolean>>(),
    createdAt: at('created_at').notNull(),
    purgedAt: at('purged_at'),
  },
  (t) => [uniqueIndex('submissions_manage_token_hash').on(t.manageTokenHash), index('submissions_person_key').on(t.personKey)],
);

export const REGISTRATION_STATUSES = ['requested', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'declined', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Statuses that hold (or wait for) a seat: a person has at most one such row per occurrence. */
export const ACTIVE_STATUSES = ['requested', 'confirmed', 'waitlisted', 'offered'] as const satisfies readonly RegistrationStatus[];

/** A person's place (or request for one) in one occurrence; a series submission has one row per session. */
export const registrations = pgTable(
  'registrations',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    workshopId: text('workshop_id').notNull(),
    occurrenceId: text('occurrence_id').notNull(),
    personKey: text('person_key').notNull(),
    status: text('status').$type<RegistrationStatus>().notNull(),
    /** Core's decision code (confirmed, confirmed-reserved, promoted, waitlisted, …) or the server's reason. */
    code: text('code').notNull(),
    tierIndex: integer('tier_index').notNull(),
    tierId: text('tier_id'),
    requestedAt: at('requested_at').notNull(),
    /** Waiting-list order: the request time in ms for first-come, the allocation rank for at-close. */
    queueOrder: bigint('queue_order', { mode: 'number' }).notNull(),
    decidedAt: at('decided_at'),
    offerExpiresAt: at('offer_expires_at'),
    endedAt: at('ended_at'),
    checkedInAt: at('checked_in_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('registrations_one_active_per_person')
      .on(t.workshopId, t.occurrenceId, t.personKey)
      .where(sql`${t.status} in ('requested', 'confirmed', 'waitlisted', 'offered')`),
    index('registrations_occurrence').on(t.workshopId, t.occurrenceId, t.status),
    index('registrations_submission').on(t.submissionId),
    index('registrations_offer_expiry').on(t.offerExpiresAt).where(sql`${t.status} = 'offered'`),
  ],
);

/** Answers already given, by Idempotency-Key: a replay gets the same answer, another body a 422. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  status: integer('status').notNull(),
  response: jsonb('response').$type<unknown>().notNull(),
  createdAt: at('created_at').notNull(),
});

/** An allocation at close, with everything needed to re-run it with core's `allocate`. */
export const allocations = pgTable(
  'allocations',
  {
    workshopId: text('workshop_id').notNull(),
    /** The occurrence, or `series` for a whole-series allocation. */
    occurrenceId: text('occurrence_id').notNull(),
    seed: text('seed').notNull(),
    /** The exact input given to core (capacity or sessions, policy, requests, now). */
    input: jsonb('input').$type<unknown>().notNull(),
    /** Request ids in allocation order, and per-request decisions. */
    result: jsonb('result').$type<unknown>().notNull(),
    decidedAt: at('decided_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.occurrenceId] })],
);

/** What the server last saw of each occurrence in the catalog, to tell a move, a cancellation or a removal. */
export const occurrenceSnapshots = pgTable(
  'occurrence_snapshots',
  {
    workshopId: text('workshop_id').notNull(),
    occurrenceId: text('occurrence_id').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    status: text('status').notNull(),
    capacity: integer('capacity'),
    /** Location and online link as JSON text, compared as a whole. */
    place: text('place').notNull(),
    /** Raised on every change people must be told of (the iCalendar SEQUENCE). */
    sequence: integer('sequence').notNull().default(0),
    removed: integer('removed').notNull().default(0),
    /** Reserved seats released to the waiting list at the close (first-come policies). */
    closedAt: at('closed_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.occurrenceId] })],
);

/** Server-wide values made once, on first start (e.g. the key that turns emails into person keys). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Bearer tokens for the admin API, stored hashed. */
export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  role: text('role').notNull(),
  label: text('label'),
  createdAt: at('created_at').notNull(),
  revokedAt: at('revoked_at'),
});

/**
 * Check-ins as staff phones sent them, by the phone's own id for each (`clientId`): a phone that replays its
 * offline queue sends the same ids again, and an id already here changes nothing. A registration's current
 * state (`registrations.checked_in_at`) follows the check-in with the latest `at`, whatever order they arrive in.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    clientId: text('client_id').primaryKey(),
    registrationId: text('registration_id')
      .notNull()
      .references(() => registrations.id),
    present: boolean('present').notNull(),
    /** When staff marked it (the phone's time, for a queued check-in), not when it arrived. */
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [index('check_ins_registration').on(t.registrationId, t.at)],
);

/** Every staff action and every automatic decision that changed a registration. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Messages owed to people, written in the same transaction as the change that owes them (the transactional
 * outbox). A worker claims due rows with `FOR UPDATE SKIP LOCKED`, leases them, sends them over SMTP with
 * their stored Message-ID, and marks them sent; a lease that runs out (a crashed worker) makes the row due
 * again, and the retry carries the same Message-ID.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** `<uuid@host>`: fixed when the row is written, reused by every attempt. */
    messageId: text('message_id').notNull(),
    /** What the message is about (confirmed, waitlisted, offered, cancelled, changed, reminder, …). */
    kind: text('kind').notNull(),
    submissionId: text('submission_id'),
    registrationId: text('registration_id'),
    workshopId: text('workshop_id'),
    occurrenceId: text('occurrence_id'),
    /** Makes a message owed once (e.g. `reminder:P1D:<registration>`) unique; null for messages owed on each change. */
    dedupeKey: text('dedupe_key'),
    /** Personal data: null once sent and purged. */
    recipient: text('recipient'),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** The invitation (`text/calendar`) with its METHOD, when the message carries one. */
    ics: text('ics'),
    icsMethod: text('ics_method'),
    status: text('status').$type<OutboxStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** When the row is due (again): now when written, later after a failed attempt (backoff). */
    dueAt: at('due_at').notNull(),
    /** A claimed row belongs to its worker until then; past it, the row is due again. */
    leaseUntil: at('lease_until'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    sentAt: at('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_message_id').on(t.messageId),
    uniqueIndex('outbox_dedupe_key').on(t.dedupeKey),
    index('outbox_due').on(t.dueAt).where(sql`${t.status} in ('queued', 'sending')`),
    index('outbox_submission').on(t.submissionId),
  ],
);

/**
 * Staff sessions after OpenID Connect sign-in. The cookie holds a random id; only its SHA-256 is stored, so
 * a copy of this table opens no session. The roles are fixed at sign-in from the claim map.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    subject: text('subject').notNull(),
    issuer: text('issuer').notNull(),
    email: text('email'),
    name: text('name'),
    /** `{ admin: boolean, programs: string[] }`. */
    roles: jsonb('roles').$type<{ admin: boolean; programs: string[] }>().notNull(),
    /** Sent back in the X-CSRF-Token header on every mutation made with this session's cookie. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('staff_sessions_expires').on(t.expiresAt)],
);

/** Sign-ins under way: the state, nonce and PKCE verifier of one authorization request, used once. */
export const loginRequests = pgTable('login_requests', {
  stateHash: text('state_hash').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
});

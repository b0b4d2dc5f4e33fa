/**
 * Transactions with locks. Every decision about an occurrence's seats is made inside one transaction that
 * holds that occurrence's advisory lock; a series takes several, always in sorted order, so two requests
 * can never wait on each other. A lock not granted within the timeout becomes a clear "try again" (503),
 * never a hang.
 */
import { sql } from 'drizzle-orm';
import { ApiError } from '../errors.js';
import type { Db, Tx } from './database.js';

export interface TxOptions {
  /** How long to wait for a lock before answering "busy" (default 5 s). */
  lockTimeoutMs?: number | undefined;
}

export async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>, options: TxOptions = {}): Promise<T> {
  const timeout = Math.max(1, Math.round(options.lockTimeoutMs ?? 5_000));
  try {
    return await db.transaction((tx) => work(Object.assign(tx, { [LOCK_TIMEOUT]: timeout })));
  } catch (error) {
    throw whenBusy(error);
  }
}

/** A lock not granted in time (or a deadlock, or a serialization failure) as the "try again" answer; any other error as is. */
export function whenBusy(error: unknown): unknown {
  const code = pgCode(error);
  return code === '55P03' || code === '40P01' || code === '40001' ? busyError() : error;
}

export const busyError = () => new ApiError('busy', 'The RSVP service is busy with this session right now. Please try again in a moment.', { retryAfterSeconds: 1 });

const LOCK_TIMEOUT = Symbol('lock timeout');

/**
 * The one order in which every taker of several advisory locks takes them (by key), so two never deadlock.
 */
export const lockOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Takes the transaction-scoped advisory locks of `keys`, in sorted order, once each, in one statement that
 * also sets the transaction's lock timeout (every wait of ours is for one of these locks).
 */
export async function lockAll(tx: Tx, keys: Iterable<string>): Promise<void> {
  const sorted = [...new Set(keys)].sort(lockOrder);
  const timeout = (tx as Tx & { [LOCK_TIMEOUT]?: number })[LOCK_TIMEOUT] ?? 5_000;
  // Select-list expressions run left to right: the timeout first, then the locks in order.
  await tx.execute(sql`select set_config('lock_timeout', ${`${timeout}ms`}, true)${sql.join(sorted.map((key) => sql`, pg_advisory_xact_lock(hashtextextended(${key}, 0))`), sql``)}`);
}

export const occurrenceLock = (workshopId: string, occurrenceId: string) => `occurrence\u001f${workshopId}\u001f${occurrenceId}`;

/** The SQLSTATE of a database error from either driver (drizzle may wrap it as `cause`). */
export function pgCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Timed messages: reminders at the offsets the RSVP policy sets (`reminders: [P1D, PT1H]`), and a follow-up
 * after a session whose recording the catalog links. Each is owed once per registration (a unique dedupe
 * key in the outbox), only to people holding a place at that moment, written under the occurrence's lock so
 * a cancellation and a reminder never cross.
 */
import { and, eq, sql } from 'drizzle-orm';
import { toInstant } from '@mentorkit/core';
import type { CatalogStore } from '../catalog/store.js';
import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/database.js';
import { outbox, registrations } from '../db/schema.js';
import { lockAll, occurrenceLock, transaction } from '../db/tx.js';
import type { Notifier } from './outbox.js';

/** A follow-up is sent from the end of the session until this long after it (a late start sends none older). */
const FOLLOW_UP_WINDOW_MS = 3 * 86_400_000;

/** ISO 8601 duration (P1D, PT1H, P1DT12H, P1W) as calendar units, for wall-clock arithmetic in a zone. */
export function durationUnits(text: string): { weeks: number; days: number; hours: number; minutes: number; seconds: number } {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (m === null || text === 'P' || text.endsWith('T')) throw new RangeError(`not a duration this service supports: ${text}`);
  const n = (i: number) => Number(m[i] ?? 0);
  return { weeks: n(1), days: n(2), hours: n(3), minutes: n(4), seconds: n(5) };
}

/**
 * When a reminder `offset` before an occurrence is due: the session's local start minus the offset, in the
 * session's zone (so P1D is the same wall-clock time the day before, even across a DST change).
 */
export function reminderAt(o: { localStart: string; timeZone: string }, offset: string): Date {
  return new Date(toInstant(o.localStart, o.timeZone).minus(durationUnits(offset)).toMillis());
}

export async function queueTimedMessages(options: { db: Db; catalogs: CatalogStore; clock: Clock; notifier: Notifier; lockTimeoutMs?: number | undefined }): Promise<number> {
  const { db, catalogs, clock, notifier } = options;
  const now = clock();
  let queued = 0;
  for (const entry of catalogs.current.workshops.values()) {
    const offsets = entry.policy?.reminders ?? [];
    for (const o of entry.occurrences.values()) {
      if (o.status === 'cancelled' || o.status === 'postponed' || o.timeUnknown) continue;
      const start = Date.parse(o.start);
      const end = Date.parse(o.end);
      const jobs: { kind: 'reminder' | 'follow-up'; dedupe: string }[] = [];
      if (now.getTime() < start && offsets.length > 0) {
        // Only the latest offset whose time has come: after a pause, one reminder, not a burst of stale ones.
        const due = offsets.map((offset) => ({ offset, at: reminderAt(o, offset).getTime() })).filter((x) => x.at <= now.getTime());
        const latest = due.sort((a, b) => b.at - a.at)[0];
        if (latest !== undefined) jobs.push({ kind: 'reminder', dedupe: `reminder:${latest.offset}` });
      }
      if (o.recording !== undefined && now.getTime() >= end && now.getTime() < end + FOLLOW_UP_WINDOW_MS) jobs.push({ kind: 'follow-up', dedupe: 'follow-up' });
      for (const job of jobs) {
        // Cheap check first: anyone holding a place here who has not had this message?
        if ((await owed(db, entry.workshop.id, o.id, job.dedupe, 1)).length === 0) continue;
        queued += await transaction(
          db,
          async (tx) => {
            await lockAll(tx, [occurrenceLock(entry.workshop.id, o.id)]);
            const holders = await owed(tx, entry.workshop.id, o.id, job.dedupe);
            return notifier.queue(tx, { kind: job.kind, registrationIds: holders.map((h) => h.id), now, dedupe: job.dedupe });
          },
          { lockTimeoutMs: options.lockTimeoutMs },
        );
      }
    }
  }
  return queued;
}

/** People holding a place in the session who have not yet been sent the message with this dedupe key. */
async function owed(db: Db | Tx, workshopId: string, occurrenceId: string, dedupe: string, limit?: number): Promise<{ id: string }[]> {
  const query = db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.workshopId, workshopId),
        eq(registrations.occurrenceId, occurrenceId),
        eq(registrations.status, 'confirmed'),
        sql`not exists (select 1 from ${outbox} where ${outbox.dedupeKey} = ${`${dedupe}:`} || ${registrations.id})`,
      ),
    );
  return limit === undefined ? query : query.limit(limit);
}

/** A waiting registration's place on its session's list: the registrations waiting ahead of it, plus one. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.js';
import { registrations } from '../db/schema.js';

export async function waitlistPosition(tx: Db | Tx, r: { workshopId: string; occurrenceId: string; queueOrder: number; id: string }): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.workshopId, r.workshopId),
        eq(registrations.occurrenceId, r.occurrenceId),
        eq(registrations.status, 'waitlisted'),
        sql`(${registrations.queueOrder}, ${registrations.id}) < (${r.queueOrder}, ${r.id})`,
      ),
    );
  return Number(row?.n ?? 0) + 1;
}

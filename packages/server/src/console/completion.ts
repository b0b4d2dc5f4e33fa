/**
 * Series completion by attendance. A program's held sessions are its workshops' occurrences that have
 * started (by the server's clock) and are not cancelled or postponed; a person attended a session when
 * their registration for it was checked in. A person completed when attended / held reaches the share the
 * catalog sets in the program's `completion.attendance`. The catalog decides what exists, the database
 * who came; nothing here is stored.
 */
import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Catalog, Organization, Program } from '@mentorkit/core';
import type { CatalogSnapshot } from '../catalog/store.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { ACTIVE_STATUSES, registrations, submissions } from '../db/schema.js';
import { ApiError } from '../errors.js';

/** The person key purge and erasure leave on a row (service.ts `#erase`). */
const ERASED_PREFIX = 'erased:';

/** Occurrence statuses of sessions that did not take place at their time. */
const NOT_HELD = new Set(['cancelled', 'postponed']);

export interface HeldSession {
  workshopId: string;
  occurrenceId: string;
  /** ISO instant. */
  start: string;
}

export interface PersonCompletion {
  personKey: string;
  /** Null once the person's data was purged or erased. */
  name: string | null;
  email: string | null;
  /** Held sessions the person was checked in at. */
  attended: number;
  /** Held sessions of the program. */
  of: number;
  /** attended / of (0 when nothing was held yet). */
  share: number;
  completed: boolean;
  /** When the person's last attended session started (ISO), null when they attended none. */
  lastAttendedAt: string | null;
}

export interface CompletionReport {
  programId: string;
  requiredShare: number;
  sessions: HeldSession[];
  people: PersonCompletion[];
}

/** The program and the catalog it is in, or a 404. */
export function findProgram(snapshot: CatalogSnapshot, programId: string): { program: Program; catalog: Catalog } {
  for (const loaded of snapshot.catalogs) {
    const program = loaded.catalog.programs.find((p) => p.id === programId);
    if (program !== undefined) return { program, catalog: loaded.catalog };
  }
  throw new ApiError('not-found', `There is no program "${programId}" in the catalog.`);
}

/** The program's required share, or a 422 telling the catalog's author which field to set. */
export function requiredShare(program: Program): number {
  const share = program.completion?.attendance;
  if (share === undefined) {
    throw new ApiError('invalid', `Program "${program.id}" does not say what completing it takes. Set programs[id=${program.id}].completion.attendance in the catalog (e.g. completion: { attendance: 0.75 }).`);
  }
  return share;
}

/** The program's held sessions at `now`, in start order. */
export function heldSessions(snapshot: CatalogSnapshot, programId: string, now: Date): HeldSession[] {
  const held: HeldSession[] = [];
  for (const entry of snapshot.workshops.values()) {
    if (!entry.workshop.programs.some((p) => p.id === programId)) continue;
    for (const occurrence of entry.occurrences.values()) {
      if (NOT_HELD.has(occurrence.status) || Date.parse(occurrence.start) > now.getTime()) continue;
      held.push({ workshopId: entry.workshop.id, occurrenceId: occurrence.id, start: occurrence.start });
    }
  }
  return held.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.workshopId.localeCompare(b.workshopId) || a.occurrenceId.localeCompare(b.occurrenceId));
}

/**
 * Everyone with a place (or a check-in) in any of the program's sessions, held or not, with what they
 * attended. People are told apart by their person key, so a person with several submissions counts once.
 * A person whose data was purged or erased is no longer linked to their rows and is left out; the
 * sessions held (and so everyone else's share) do not change.
 */
export async function completionReport(db: Db, snapshot: CatalogSnapshot, programId: string, clock: Clock): Promise<CompletionReport> {
  const { program } = findProgram(snapshot, programId);
  const required = requiredShare(program);
  const sessions = heldSessions(snapshot, programId, clock());
  const workshopIds = [...snapshot.workshops.values()].filter((e) => e.workshop.programs.some((p) => p.id === programId)).map((e) => e.workshop.id);
  if (workshopIds.length === 0) return { programId, requiredShare: required, sessions, people: [] };

  const rows = await db
    .select({
      personKey: registrations.personKey,
      workshopId: registrations.workshopId,
      occurrenceId: registrations.occurrenceId,
      checkedInAt: registrations.checkedInAt,
      name: submissions.name,
      email: submissions.email,
      createdAt: submissions.createdAt,
    })
    .from(registrations)
    .innerJoin(submissions, eq(submissions.id, registrations.submissionId))
    .where(and(inArray(registrations.workshopId, workshopIds), or(inArray(registrations.status, [...ACTIVE_STATUSES]), isNotNull(registrations.checkedInAt))))
    .orderBy(desc(submissions.createdAt));

  const heldStart = new Map(sessions.map((s) => [`${s.workshopId}\n${s.occurrenceId}`, s.start]));
  const people = new Map<string, { name: string | null; email: string | null; attended: Set<string>; last: string | null }>();
  for (const row of rows) {
    // Purge and erasure unlink a person's rows (`erased:<row id>`): what is left attributes nothing to anyone.
    if (row.personKey.startsWith(ERASED_PREFIX)) continue;
    let person = people.get(row.personKey);
    if (person === undefined) {
      person = { name: null, email: null, attended: new Set(), last: null };
      people.set(row.personKey, person);
    }
    // Rows come newest submission first: the latest name and e-mail a person gave win.
    person.name ??= row.name;
    person.email ??= row.email;
    const key = `${row.workshopId}\n${row.occurrenceId}`;
    const start = heldStart.get(key);
    if (row.checkedInAt !== null && start !== undefined) {
      person.attended.add(key);
      if (person.last === null || start > person.last) person.last = start;
    }
  }

  const of = sessions.length;
  return {
    programId,
    requiredShare: required,
    sessions,
    people: [...people.entries()]
      .map(([personKey, p]) => {
        const attended = p.attended.size;
        return { personKey, name: p.name, email: p.email, attended, of, share: of === 0 ? 0 : attended / of, completed: completed(attended, of, required), lastAttendedAt: p.last };
      })
      .sort((a, b) => b.attended - a.attended || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.personKey.localeCompare(b.personKey)),
  };
}

/** attended / held ≥ required, without a float's rounding turning 3 of 4 into less than 0.75. */
export function completed(attended: number, held: number, required: number): boolean {
  return held > 0 && attended >= required * held - 1e-9;
}

/** One person's line of the report, or a 404 when they have no place in the program. */
export async function personCompletion(db: Db, snapshot: CatalogSnapshot, programId: string, personKey: string, clock: Clock): Promise<PersonCompletion & { sessions: HeldSession[]; requiredShare: number }> {
  const report = await completionReport(db, snapshot, programId, clock);
  const person = report.people.find((p) => p.personKey === personKey);
  if (person === undefined) throw new ApiError('not-found', `Person ${personKey} has no place in any session of program "${programId}".`);
  return { ...person, sessions: report.sessions, requiredShare: report.requiredShare };
}

/** The program's host organizations as the catalog names them (first is the credential's issuer). */
export function hostsOf(catalog: Catalog, program: Program): Organization[] {
  return program.hosts.flatMap((id) => catalog.organizations.filter((o) => o.id === id));
}


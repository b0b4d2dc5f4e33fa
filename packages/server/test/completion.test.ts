/**
 * Series completion by attendance and Open Badges 3.0 credentials, end to end over a real PGlite database
 * and a clock the test moves: who counts as having completed, the CSV export and its audit entry, the
 * credential against 1EdTech's JSON Schema, its eddsa-jcs-2022 proof against the published key, and who
 * may ask. Attendance is written the way a check-in records it: `registrations.checked_in_at`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBaseUri, OBJECTIVE_ITEM_TYPE, toCase } from '@mentorkit/core';
import { createServer, type MentorkitServer } from '../src/app.js';
import { base58btc, canonicalJson, fromBase58btc, publicKeyFromMultibase, verifyDocument } from '../src/console/credentials.js';
import { auditLog, registrations, submissions } from '../src/db/schema.js';
import { silentLogger } from '../src/http/logger.js';
import { createToken } from '../src/tokens.js';
import { postJson, steppedClock, T0 } from './fixtures.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2019) => Ajv2019;

/** 1EdTech's JSON Schema for AchievementCredential, as published in 1EdTech/openbadges-specification. */
const OB_SCHEMA = JSON.parse(readFileSync(new URL('./fixtures/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const catalogText = (cancelExtra: boolean) => `version: 1
id: completion-test
title: Completion test
url: https://mentoring.example.edu/
defaultTimeZone: America/New_York
language: en
organizations:
  - id: grad-school
    name: The Graduate School
    url: https://grad.example.edu/
curricula:
  - id: basics
    title: Mentoring Basics
    themes:
      - id: expectations
        title: Aligning Expectations
        objectives:
          - { id: exp-1, statement: Establish mutually beneficial expectations., code: EM.AE.1 }
          - { id: exp-2, statement: Revisit expectations as they change over time. }
      - id: communication
        title: Communication
        objectives:
          - { id: com-1, statement: Listen actively to your mentor. }
programs:
  - id: series
    title: Mentoring Up
    summary: Four weekly sessions for graduate students on managing their mentoring relationships.
    hosts: [grad-school]
    curriculum: basics
    image: { url: https://mentoring.example.edu/badge.png, alt: The Mentoring Up badge }
    completion: { attendance: 0.75 }
  - id: other
    title: Another program
    hosts: [grad-school]
policies:
  - id: open
    fields: [name, email]
    capacity: 20
    waitlist: { enabled: true }
workshops:
  - id: weekly
    kind: scheduled
    title: Weekly meeting
    programs: [series]
    rsvpPolicy: open
    sessions:
      - id: weekly-s
        start: 2026-03-10T12:00
        end: 2026-03-10T13:00
        timeZone: America/New_York
        recurrence: { rrule: "FREQ=WEEKLY;COUNT=4" }
      - id: extra
        start: 2026-03-12T12:00
        end: 2026-03-12T13:00
        timeZone: America/New_York${cancelExtra ? '\n        status: cancelled' : ''}
  - id: elsewhere
    kind: scheduled
    title: Another program's session
    programs: [other]
    rsvpPolicy: open
    sessions:
      - id: elsewhere-s
        start: 2026-03-11T12:00
        end: 2026-03-11T13:00
        timeZone: America/New_York
`;

const WEEKLY = ['2026-03-10T12:00', '2026-03-17T12:00', '2026-03-24T12:00', '2026-03-31T12:00'].map((d) => `weekly-s@${d}`);
const EXTRA = 'extra@2026-03-12T12:00';

let server: MentorkitServer;
let clock: ReturnType<typeof steppedClock>;
let catalogFile: string;
let admin: string;
const email = (name: string) => `${name}-${process.pid}@example.edu`;

async function call(path: string, headers: Record<string, string> = {}) {
  const res = await server.request(path, { headers });
  const text = await res.text();
  let body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are checked field by field
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, headers: res.headers };
}
const asAdmin = (path: string) => call(path, { Authorization: `Bearer ${admin}` });

async function rsvp(name: string, occurrenceId: string): Promise<void> {
  const res = await server.request('/rsvps', postJson({ workshopId: 'weekly', occurrenceId, person: { name, email: email(name) }, answers: {}, website: '', elapsedMs: 30_000, locale: 'en' }));
  expect(res.status, await res.clone().text()).toBe(201);
}

/** Records that the person was at these sessions, as the door's check-in does. */
async function checkIn(name: string, occurrenceIds: readonly string[], at: Date): Promise<void> {
  const db = server.services.database.db;
  const subs = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.email, email(name)));
  await db
    .update(registrations)
    .set({ checkedInAt: at })
    .where(and(inArray(registrations.submissionId, subs.map((s) => s.id)), inArray(registrations.occurrenceId, [...occurrenceIds])));
}

async function completion() {
  const res = await asAdmin('/admin/programs/series/completion');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { programId: string; requiredShare: number; sessions: { occurrenceId: string }[]; people: { personKey: string; name: string | null; email: string | null; attended: number; of: number; share: number; completed: boolean }[] };
}
const byEmail = <T extends { email: string | null }>(people: T[], name: string): T | undefined => people.find((p) => p.email === email(name));

beforeAll(async () => {
  clock = steppedClock(T0);
  catalogFile = join(mkdtempSync(join(tmpdir(), 'mk-completion-')), 'catalog.yaml');
  writeFileSync(catalogFile, catalogText(false));
  server = await createServer({
    catalogs: [catalogFile],
    clock,
    logger: silentLogger,
    rateLimit: false,
    mail: false,
    publicUrl: 'https://rsvp.example.edu',
    // Sign-in is configured so organizer sessions exist; no test here talks to the provider.
    auth: { issuer: 'http://127.0.0.1:9/', clientId: 'console', claimMap: { roles: [] }, secureCookies: false, allowInsecureProvider: true },
  });
  admin = (await createToken(server.services.database.db, 'admin', 'tests')).token;
  for (const name of ['alice', 'bob', 'carol', 'dave', 'eve']) for (const o of [...WEEKLY, EXTRA]) await rsvp(name, o);
});

afterAll(async () => {
  await server?.close();
});

describe('completion by attendance', () => {
  it('counts only sessions that have started, as the clock moves', async () => {
    const before = await completion();
    expect(before).toMatchObject({ programId: 'series', requiredShare: 0.75, sessions: [] });
    expect(before.people).toHaveLength(5);
    for (const p of before.people) expect(p).toMatchObject({ attended: 0, of: 0, share: 0, completed: false });

    // The first two weekly sessions and the extra one have started.
    clock.set(new Date('2026-03-17T17:30:00Z'));
    await checkIn('alice', [WEEKLY[0]!, WEEKLY[1]!], clock());
    const mid = await completion();
    expect(mid.sessions.map((s) => s.occurrenceId)).toEqual([WEEKLY[0], EXTRA, WEEKLY[1]]);
    expect(byEmail(mid.people, 'alice')).toMatchObject({ attended: 2, of: 3, completed: false });
  });

  it('a cancelled session is not held: it counts for no one and the share is of the rest', async () => {
    writeFileSync(catalogFile, catalogText(true));
    expect(await server.reload()).toBe(true);
    clock.set(new Date('2026-04-01T12:00:00Z'));
    await checkIn('alice', WEEKLY, clock());
    await checkIn('bob', [WEEKLY[0]!, WEEKLY[2]!, WEEKLY[3]!], clock());
    await checkIn('carol', [WEEKLY[0]!, WEEKLY[1]!, EXTRA], clock()); // the cancelled one does not count
    await checkIn('dave', WEEKLY.slice(1), clock());

    const done = await completion();
    expect(done.sessions.map((s) => s.occurrenceId)).toEqual(WEEKLY);
    expect(byEmail(done.people, 'alice')).toMatchObject({ name: 'alice', attended: 4, of: 4, share: 1, completed: true });
    expect(byEmail(done.people, 'bob')).toMatchObject({ attended: 3, of: 4, share: 0.75, completed: true });
    expect(byEmail(done.people, 'carol')).toMatchObject({ attended: 2, of: 4, share: 0.5, completed: false });
    expect(byEmail(done.people, 'eve')).toMatchObject({ attended: 0, of: 4, completed: false });
  });

  it('a purged person is no longer a person of the report; everyone else’s share is unchanged', async () => {
    const before = await completion();
    const dave = byEmail(before.people, 'dave')!;
    expect(dave).toMatchObject({ attended: 3, of: 4, completed: true });
    const erased = await server.request('/admin/people/erase', { ...postJson({ email: email('dave') }), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` } });
    expect(erased.status).toBe(200);
    const after = await completion();
    // Erasure unlinks the person's rows: nothing left attributes their attendance to anyone.
    expect(after.people.map((p) => p.personKey)).not.toContain(dave.personKey);
    expect(after.people.filter((p) => p.personKey.startsWith('erased:'))).toEqual([]);
    expect(after.people).toHaveLength(4);
    expect(after.sessions).toEqual(before.sessions);
    expect(byEmail(after.people, 'bob')).toMatchObject({ attended: 3, of: 4, completed: true });
    // And no credential can be issued to them any more.
    expect((await asAdmin(`/admin/programs/series/credentials/${dave.personKey}`)).status).toBe(404);
  });

  it('exports CSV through the shared writer, and the export is audited', async () => {
    const res = await server.request('/admin/programs/series/completion?format=csv', { headers: { Authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('personKey,name,email,attended,of,share,completed,lastAttendedAt');
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes(email('bob')))).toMatch(/,3,4,0\.75,true,/);
    const audit = await server.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'completion.export'));
    expect(audit.at(-1)).toMatchObject({ subject: 'series', detail: { format: 'csv', people: 4, sessions: 4 } });
    expect(audit.at(-1)!.actor).toMatch(/^token:/);
  });

  it('a program without a completion rule is a 422 naming the catalog field to set', async () => {
    const res = await asAdmin('/admin/programs/other/completion');
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('programs[id=other].completion.attendance');
    expect((await asAdmin('/admin/programs/nope/completion')).status).toBe(404);
  });
});

describe('Open Badges 3.0 credentials', () => {
  const ajv = addFormats(new Ajv2019({ strict: false, allErrors: true }));
  const validate = ajv.compile(OB_SCHEMA);

  async function credentialOf(name: string) {
    const person = byEmail((await completion()).people, name)!;
    return asAdmin(`/admin/programs/series/credentials/${person.personKey}`);
  }

  it('every credential issued validates against 1EdTech’s JSON Schema', async () => {
    for (const name of ['alice', 'bob']) {
      const res = await credentialOf(name);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
      expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
      expect(res.body['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
      expect(res.body.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(res.body.issuer).toMatchObject({ type: ['Profile'], name: 'The Graduate School', url: 'https://grad.example.edu/' });
      const achievement = res.body.credentialSubject.achievement;
      expect(achievement).toMatchObject({ name: 'Mentoring Up', image: { id: 'https://mentoring.example.edu/badge.png', type: 'Image' } });
      expect(achievement.criteria.narrative).toContain('75%');
      // The recipient is named by a salted hash of their e-mail, never the address itself.
      const id = res.body.credentialSubject.identifier[0];
      expect(id.identityHash).toBe(`sha256$${createHash('sha256').update(email(name) + id.salt).digest('hex')}`);
      expect(JSON.stringify(res.body)).not.toContain(email(name));
    }
    // The schema check is not vacuous: a credential without its achievement fails it.
    const res = await credentialOf('alice');
    delete res.body.credentialSubject.achievement;
    expect(validate(res.body)).toBe(false);
  });

  it('aligns the achievement to the curriculum objectives with the CASE export’s item URIs', async () => {
    const res = await credentialOf('alice');
    const catalog = server.services.catalogs.current.catalogs[0]!.catalog;
    const curriculum = catalog.curricula[0]!;
    const items = toCase(curriculum, catalog, { now: new Date(), baseUri: caseBaseUri(catalog) }).CFItems.filter((i) => i.CFItemType === OBJECTIVE_ITEM_TYPE);
    const alignment = res.body.credentialSubject.achievement.alignment as { targetName: string; targetUrl: string; targetCode: string; targetType: string }[];
    expect(alignment.map((a) => [a.targetName, a.targetUrl])).toEqual(items.map((i) => [i.fullStatement, i.uri]));
    expect(alignment[0]).toMatchObject({ targetCode: 'EM.AE.1', targetType: 'CFItem', targetFramework: 'Mentoring Basics' });
    expect(alignment[0]!.targetUrl).toMatch(/^https:\/\/mentoring\.example\.edu\/case\/CFItems\/[0-9a-f-]{36}$/);
  });

  it('the proof verifies with the published key, and fails after a one-character change', async () => {
    const res = await credentialOf('bob');
    const proof = res.body.proof;
    expect(proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod' });
    const method = new URL(proof.verificationMethod);
    expect(method.origin).toBe('https://rsvp.example.edu');
    const key = await call(method.pathname);
    expect(key.status).toBe(200);
    expect(key.body).toMatchObject({ id: proof.verificationMethod, type: 'Multikey' });
    expect(key.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(key.body.publicKeyMultibase).toMatch(/^z6Mk/); // the multicodec prefix of an Ed25519 key
    const publicKey = publicKeyFromMultibase(key.body.publicKeyMultibase);
    expect(verifyDocument(res.body, publicKey)).toBe(true);

    const tampered = JSON.parse(JSON.stringify(res.body));
    tampered.credentialSubject.achievement.name = 'Mentoring Uq';
    expect(verifyDocument(tampered, publicKey)).toBe(false);
    const otherProof = JSON.parse(JSON.stringify(res.body));
    otherProof.proof.created = otherProof.proof.created.replace(/.$/, 'X');
    expect(verifyDocument(otherProof, publicKey)).toBe(false);

    // The same key signs every credential (it is kept in the database), and another key id is unknown.
    expect((await credentialOf('alice')).body.proof.verificationMethod).toBe(proof.verificationMethod);
    expect((await call('/credentials/keys/not-a-key')).status).toBe(404);
  });

  it('a person who did not complete gets 409; someone with no place in the program 404', async () => {
    const carol = await credentialOf('carol');
    expect(carol.status).toBe(409);
    expect(carol.body.error).toMatchObject({ code: 'not-completed' });
    expect(carol.body.error.message).toContain('2 of 4');
    expect((await credentialOf('eve')).status).toBe(409);
    expect((await asAdmin('/admin/programs/series/credentials/unknown-person')).status).toBe(404);
  });
});

describe('who may ask', () => {
  async function session(programs: string[]): Promise<Record<string, string>> {
    const id = await server.services.auth!.open({ subject: `s-${programs.join('-')}`, issuer: 'http://127.0.0.1:9/', email: `organizer-${programs.join('-')}@example.edu`, name: 'Organizer', roles: { admin: false, programs } });
    return { Cookie: `mk_session=${id}` };
  }

  it('an organizer of another program gets 403 for completion and credentials; the program’s own organizer is let in', async () => {
    const other = await session(['other']);
    expect((await call('/admin/programs/series/completion', other)).status).toBe(403);
    expect((await call('/admin/programs/series/completion?format=csv', other)).status).toBe(403);
    const alice = byEmail((await completion()).people, 'alice')!;
    expect((await call(`/admin/programs/series/credentials/${alice.personKey}`, other)).status).toBe(403);

    const own = await session(['series']);
    const report = await call('/admin/programs/series/completion', own);
    expect(report.status).toBe(200);
    expect((await call(`/admin/programs/series/credentials/${alice.personKey}`, own)).status).toBe(200);
    const audit = await server.services.database.db.select().from(auditLog).where(eq(auditLog.action, 'credential.issue'));
    expect(audit.at(-1)).toMatchObject({ actor: 'organizer-series@example.edu', subject: 'series', detail: { personKey: alice.personKey } });
  });

  it('the list of programs names only the caller’s own, with titles; an admin sees all', async () => {
    expect((await call('/admin/programs', await session(['other']))).body).toEqual({ programs: [{ id: 'other', title: 'Another program', catalogId: 'completion-test', completion: null }] });
    expect((await call('/admin/programs', await session(['nothing-here']))).body).toEqual({ programs: [] });
    expect((await asAdmin('/admin/programs')).body.programs.map((p: { id: string; title: string; completion: number | null }) => [p.id, p.title, p.completion])).toEqual([
      ['other', 'Another program', null],
      ['series', 'Mentoring Up', 0.75],
    ]);
  });

  it('without credentials: 401', async () => {
    expect((await call('/admin/programs/series/completion')).status).toBe(401);
    expect((await call('/admin/programs')).status).toBe(401);
  });
});

describe('canonical JSON and base58', () => {
  it('canonicalizes RFC 8785’s own example', () => {
    const input = JSON.parse('{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}');
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
    // Members sort by UTF-16 code units: "\u20ac" (€) before "\ud83d\ude00" (😀) before "\ufb33".
    expect(canonicalJson({ '\ufb33': 1, '😀': 2, '€': 3, a: 4 })).toBe('{"a":4,"€":3,"😀":2,"\ufb33":1}');
  });

  it('base58btc round-trips and matches the known encoding', () => {
    expect(base58btc(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(base58btc(Uint8Array.of(0, 0, 1))).toBe('112');
    for (const bytes of [Uint8Array.of(), Uint8Array.of(0), Uint8Array.of(0, 255, 3), new TextEncoder().encode('mentorkit')]) expect(fromBase58btc(base58btc(bytes))).toEqual(bytes);
  });
});

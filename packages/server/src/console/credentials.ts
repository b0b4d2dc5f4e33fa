/**
 * Open Badges 3.0 credentials for people who completed a program: an OpenBadgeCredential (a W3C Verifiable
 * Credential 2.0) whose achievement is the program, aligned to its curriculum's learning objectives by the
 * same CASE item URIs core's `toCase` exports, issued by the program's host organization and signed with a
 * DataIntegrityProof (cryptosuite eddsa-jcs-2022: Ed25519 over RFC 8785 canonical JSON). The signing key is
 * made once, kept in the `settings` table, and its public half is served at the proof's verification method.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { caseBaseUri, OBJECTIVE_ITEM_TYPE, toCase, type Catalog, type Program } from '@mentorkit/core';
import type { CatalogSnapshot } from '../catalog/store.js';
import type { Db } from '../db/database.js';
import { settings } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { findProgram, hostsOf, type HeldSession, type PersonCompletion } from './completion.js';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
export const CID_CONTEXT = 'https://www.w3.org/ns/cid/v1';
const KEY_SETTING = 'credential-signing-key';

// ---------------------------------------------------------------------------------------------------------
// RFC 8785 JSON Canonicalization Scheme

/**
 * RFC 8785 (JCS): object members sorted by their names' UTF-16 code units, no whitespace, strings and
 * numbers as ECMAScript's JSON.stringify writes them (which is what RFC 8785 specifies).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // Array.prototype.sort without a comparator compares UTF-16 code units, as RFC 8785 §3.2.3 asks.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}

// ---------------------------------------------------------------------------------------------------------
// Multibase (base58btc) and Multikey

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** The multicodec prefix of an Ed25519 public key (0xed, varint-encoded). */
const ED25519_PUB = Uint8Array.of(0xed, 0x01);

export function base58btc(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! << 8;
      digits[i] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  return '1'.repeat(zeros) + digits.reverse().map((d) => BASE58[d]).join('');
}

export function fromBase58btc(text: string): Uint8Array {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  // Least significant byte first while decoding; leading '1's are leading zero bytes.
  const bytes: number[] = [];
  for (const char of text.slice(zeros)) {
    let carry = BASE58.indexOf(char);
    if (carry < 0) throw new RangeError(`not base58btc: ${JSON.stringify(char)}`);
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

/** `z` + base58btc(0xed01 ‖ raw key): the Multikey form of an Ed25519 public key. */
export function ed25519Multibase(publicKey: KeyObject): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return `z${base58btc(Uint8Array.from([...ED25519_PUB, ...raw]))}`;
}

/** The public key a Multikey's `publicKeyMultibase` names (Ed25519 only). */
export function publicKeyFromMultibase(multibase: string): KeyObject {
  if (!multibase.startsWith('z')) throw new RangeError('publicKeyMultibase must be base58btc (start with z)');
  const bytes = fromBase58btc(multibase.slice(1));
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) throw new RangeError('publicKeyMultibase is not an Ed25519 public key');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.slice(2)).toString('base64url') }, format: 'jwk' });
}

// ---------------------------------------------------------------------------------------------------------
// The issuer's key

interface StoredKey {
  id: string;
  /** PKCS#8 DER, base64url. */
  privateKey: string;
}

export interface SigningKey {
  id: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** The server's credential-signing key: made on first use, shared by every instance through the database. */
export async function signingKey(db: Db): Promise<SigningKey> {
  let [row] = await db.select().from(settings).where(eq(settings.key, KEY_SETTING));
  if (row === undefined) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const stored: StoredKey = { id: `ed25519-${randomBytes(6).toString('base64url')}`, privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url') };
    // Two instances racing: the first insert wins and both read it back.
    await db.insert(settings).values({ key: KEY_SETTING, value: JSON.stringify(stored) }).onConflictDoNothing();
    [row] = await db.select().from(settings).where(eq(settings.key, KEY_SETTING));
  }
  const stored = JSON.parse(row!.value) as StoredKey;
  const privateKey = createPrivateKey({ key: Buffer.from(stored.privateKey, 'base64url'), format: 'der', type: 'pkcs8' });
  return { id: stored.id, privateKey, publicKey: createPublicKey(privateKey) };
}

export function keyUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/credentials/keys/${encodeURIComponent(id)}`;
}

/** The Multikey document served at the verification method URL; 404 for any other id. */
export async function verificationKey(db: Db, id: string, baseUrl: string): Promise<Record<string, unknown>> {
  const key = await signingKey(db);
  if (id !== key.id) throw new ApiError('not-found', `There is no credential key "${id}" here.`);
  const url = keyUrl(baseUrl, key.id);
  return { '@context': [CID_CONTEXT], id: url, type: 'Multikey', controller: url, publicKeyMultibase: ed25519Multibase(key.publicKey) };
}

// ---------------------------------------------------------------------------------------------------------
// eddsa-jcs-2022

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-jcs-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
}

/** SHA-256(JCS(proof options with the document's @context)) ‖ SHA-256(JCS(document without proof)). */
export function proofHashData(document: Record<string, unknown>, proof: Omit<DataIntegrityProof, 'proofValue'>): Buffer {
  const unsecured = { ...document };
  delete unsecured.proof;
  const config = { ...proof, '@context': document['@context'] };
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return Buffer.concat([sha(canonicalJson(config)), sha(canonicalJson(unsecured))]);
}

/** The document with a DataIntegrityProof (eddsa-jcs-2022) appended. */
export function signDocument<T extends Record<string, unknown>>(document: T, key: SigningKey, verificationMethod: string, created: Date): T & { proof: DataIntegrityProof } {
  const options = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'), verificationMethod, proofPurpose: 'assertionMethod' } as const;
  const signature = sign(null, proofHashData(document, options), key.privateKey);
  return { ...document, proof: { ...options, proofValue: `z${base58btc(signature)}` } };
}

/** Whether the document's eddsa-jcs-2022 proof verifies with the public key. */
export function verifyDocument(document: Record<string, unknown> & { proof?: DataIntegrityProof }, publicKey: KeyObject): boolean {
  const proof = document.proof;
  if (proof?.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022' || !proof.proofValue.startsWith('z')) return false;
  const { proofValue, ...options } = proof;
  return verify(null, proofHashData(document, options), publicKey, fromBase58btc(proofValue.slice(1)));
}

// ---------------------------------------------------------------------------------------------------------
// The credential

export interface CredentialInput {
  db: Db;
  snapshot: CatalogSnapshot;
  programId: string;
  person: PersonCompletion & { sessions: HeldSession[]; requiredShare: number };
  now: Date;
  /** Absolute base URL of the server (for the verification method). */
  baseUrl: string;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const iso = (d: Date | string) => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The criteria as a sentence people can read in a wallet. */
export function criteriaNarrative(program: Program, required: number): string {
  return `Attended at least ${percent(required)} of the held sessions of ${program.title} (sessions that took place; cancelled ones do not count), as recorded by check-in at each session.`;
}

/** Alignments to the curriculum's learning objectives, with the CASE item URIs of core's `toCase` export. */
export function objectiveAlignments(catalog: Catalog, program: Program, now: Date): Record<string, unknown>[] {
  const curriculum = program.curriculum === undefined ? undefined : catalog.curricula.find((c) => c.id === program.curriculum);
  if (curriculum === undefined) return [];
  const framework = toCase(curriculum, catalog, { now, baseUri: caseBaseUri(catalog) });
  // toCase writes the objective items in the curriculum's order (theme by theme), so the n-th item is the n-th objective.
  const items = framework.CFItems.filter((i) => i.CFItemType === OBJECTIVE_ITEM_TYPE);
  const objectives = curriculum.themes.flatMap((t) => t.objectives);
  return objectives.map((objective, n) => {
    const item = items[n];
    if (item?.fullStatement !== objective.statement) throw new Error(`CASE export and curriculum "${curriculum.id}" disagree at objective ${objective.id}`);
    return prune({
      type: ['Alignment'],
      targetName: objective.statement,
      targetUrl: item.uri,
      targetCode: objective.code ?? objective.id,
      targetFramework: curriculum.title,
      targetType: 'CFItem',
    });
  });
}

function prune<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** A credential for one person who completed the program, signed; 409 when they did not complete it. */
export async function credentialFor(input: CredentialInput): Promise<Record<string, unknown> & { id: string; proof: DataIntegrityProof }> {
  const { snapshot, programId, person, now, baseUrl } = input;
  const { program, catalog } = findProgram(snapshot, programId);
  if (!person.completed) {
    throw new ApiError('not-completed', `This person attended ${person.attended} of ${person.of} held sessions (${percent(person.share)}); completing ${program.title} takes ${percent(person.requiredShare)}. No credential was issued.`);
  }
  if (person.email === null) throw new ApiError('not-completed', 'This person’s data was erased, so a credential cannot name them. No credential was issued.');
  const host = hostsOf(catalog, program)[0];
  if (host === undefined) throw new ApiError('invalid', `Program "${program.id}" has no host organization to issue credentials. Set programs[id=${program.id}].hosts in the catalog.`);

  const key = await signingKey(input.db);
  const verificationMethod = keyUrl(baseUrl, key.id);
  const issuedAt = iso(now);
  const salt = randomBytes(12).toString('base64url');
  const identityHash = `sha256$${createHash('sha256').update(person.email.trim().toLowerCase() + salt, 'utf8').digest('hex')}`;
  const sessions = person.sessions;
  const achievementId = program.url ?? `urn:mentorkit:${catalog.id}:program:${program.id}:completion`;

  const document = {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${program.title}: completed`,
    description: `Completed ${program.title} by attending ${person.attended} of its ${person.of} held sessions.`,
    issuer: prune({ id: host.url ?? `urn:mentorkit:${catalog.id}:organization:${host.id}`, type: ['Profile'], name: host.name, url: host.url }),
    validFrom: issuedAt,
    // The 1EdTech JSON Schema of OB 3.0 as vendored still requires the VC 1.1 name of validFrom (ADR 0017).
    issuanceDate: issuedAt,
    credentialSubject: prune({
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', hashed: true, identityHash, identityType: 'emailAddress', salt }],
      activityStartDate: sessions[0] === undefined ? undefined : iso(sessions[0].start),
      activityEndDate: person.lastAttendedAt === null ? undefined : iso(person.lastAttendedAt),
      achievement: prune({
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'CertificateOfCompletion',
        name: program.title,
        description: program.summary ?? program.description ?? program.title,
        criteria: { narrative: criteriaNarrative(program, person.requiredShare) },
        image: program.image === undefined ? undefined : prune({ id: program.image.url, type: 'Image', caption: program.image.alt }),
        alignment: (() => {
          const a = objectiveAlignments(catalog, program, now);
          return a.length > 0 ? a : undefined;
        })(),
      }),
    }),
    credentialSchema: [{ id: OB_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
  };
  return signDocument(document, key, verificationMethod, now);
}

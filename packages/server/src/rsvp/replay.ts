/**
 * The answers kept for Idempotency-Keys, so that a replayed RSVP gets its first answer again. That answer holds
 * the person's manage link, whose token the database otherwise keeps only as a hash; so the row is keyed by the
 * key's SHA-256 and the answer is sealed (AES-256-GCM) with a key derived from the Idempotency-Key itself. Only
 * a client that sent the key can open it again: someone reading the database (a leaked backup) finds neither the
 * keys nor the links.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { sha256Hex } from '../hash.js';

/** How the row of an Idempotency-Key is found. */
export const replayKey = (idempotencyKey: string): string => sha256Hex(idempotencyKey);

const sealKey = (idempotencyKey: string): Buffer => createHash('sha256').update(`mentorkit replay seal\u0000${idempotencyKey}`).digest();

/** The answer as stored: `{ sealed }`, base64url of IV (12 bytes), tag (16) and ciphertext. */
export function sealAnswer(answer: unknown, idempotencyKey: string): { sealed: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(idempotencyKey), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url') };
}

/**
 * The stored answer, opened with the key the replay came with. A row written before answers were sealed is
 * returned as it is (its manage link without the token, which the upgrade removed).
 */
export function openAnswer(stored: unknown, idempotencyKey: string): unknown {
  if (stored === null || typeof stored !== 'object' || typeof (stored as { sealed?: unknown }).sealed !== 'string') return stored;
  const bytes = Buffer.from((stored as { sealed: string }).sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(idempotencyKey), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as unknown;
}

/** Admin API tokens: random, shown once, stored as SHA-256 hashes, revocable. */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './db/database.js';
import { apiTokens } from './db/schema.js';
import { sha256Hex } from './hash.js';

export const TOKEN_ROLES = ['admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export async function createToken(db: Db, role: TokenRole, label?: string, now = new Date()): Promise<{ id: string; token: string }> {
  const token = `mk_${randomBytes(30).toString('base64url')}`;
  const id = randomUUID();
  await db.insert(apiTokens).values({ id, tokenHash: sha256Hex(token), role, label: label ?? null, createdAt: now });
  return { id, token };
}

export async function revokeToken(db: Db, id: string, now = new Date()): Promise<boolean> {
  const done = await db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id)).returning({ id: apiTokens.id });
  return done.length > 0;
}

export async function listTokens(db: Db) {
  return db.select({ id: apiTokens.id, role: apiTokens.role, label: apiTokens.label, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt }).from(apiTokens);
}

/** The token's id and role when it is one of ours and not revoked. */
export async function activeToken(db: Db, token: string): Promise<{ id: string; role: string } | undefined> {
  const [found] = await db
    .select({ id: apiTokens.id, role: apiTokens.role })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt)));
  return found;
}

/**
 * Staff sign-in configuration: the university's OpenID Connect provider, and the claim map that turns a
 * signed-in person's claims into roles (admin: everything; organizer of named programs: only those).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AttendeeFactMap } from './attendee-facts.js';

const RoleRuleSchema = z
  .object({
    /** The claim to read, e.g. `groups`, `roles`, `email`, `hd`, `eduPersonEntitlement`. */
    claim: z.string().min(1),
    /** Matches when the claim is this value, or an array that contains it. */
    equals: z.string().min(1).optional(),
    /** Matches when the claim (or an entry of it) ends with this text, case-insensitively, e.g. `@example.edu`. */
    endsWith: z.string().min(1).optional(),
    role: z.enum(['admin', 'organizer']),
    /** The catalog program ids an organizer runs (organizer rules only). */
    programs: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if ((rule.equals === undefined) === (rule.endsWith === undefined)) ctx.addIssue({ code: 'custom', message: 'give exactly one of equals or endsWith' });
    if (rule.role === 'organizer' && rule.programs === undefined) ctx.addIssue({ code: 'custom', path: ['programs'], message: 'an organizer rule names the programs it gives' });
    if (rule.role === 'admin' && rule.programs !== undefined) ctx.addIssue({ code: 'custom', path: ['programs'], message: 'an admin rule gives every program: leave programs out' });
  });

export const ClaimMapSchema = z.strictObject({
  /** Which claim names the person in the audit log (default `email`, then `sub`). */
  actorClaim: z.string().min(1).optional(),
  /** Rules in order; a person gets the union of every rule that matches. No match: no staff role, no session. */
  roles: z.array(RoleRuleSchema),
});

export type ClaimMap = z.infer<typeof ClaimMapSchema>;
export type RoleRule = z.infer<typeof RoleRuleSchema>;

/** What a signed-in person may do. */
export interface StaffRoles {
  admin: boolean;
  /** Programs (catalog program ids) the person organizes. */
  programs: string[];
}

export interface AuthOptions {
  /** The provider's issuer URL; its `/.well-known/openid-configuration` is read on the first sign-in. */
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  /** Where the provider sends people back; default `<publicUrl>/auth/callback` (or the request's origin). */
  redirectUrl?: string | undefined;
  /** Scopes asked for; default `openid email profile`. */
  scope?: string | undefined;
  claimMap: ClaimMap;
  /** Session lifetime in ms (default 8 hours). */
  sessionTtlMs?: number | undefined;
  /** Mark cookies Secure (default true); turn off only for http://localhost. */
  secureCookies?: boolean | undefined;
  /** Allow http:// provider URLs (tests and local development only). */
  allowInsecureProvider?: boolean | undefined;
  /** How attendees' claims become RSVP facts (default: DEFAULT_ATTENDEE_FACTS, see docs/sign-in.md). */
  attendeeFacts?: AttendeeFactMap | undefined;
}

/** Parses a claim map (JSON text), with the path of each problem. */
export function parseClaimMap(text: string, source = 'claim map'): ClaimMap {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = ClaimMapSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${source} is not a valid claim map: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Roles from claims: the union of every matching rule. */
export function rolesFromClaims(map: ClaimMap, claims: Record<string, unknown>): StaffRoles {
  const roles: StaffRoles = { admin: false, programs: [] };
  for (const rule of map.roles) {
    if (!matches(rule, claims[rule.claim])) continue;
    if (rule.role === 'admin') roles.admin = true;
    else for (const p of rule.programs ?? []) if (!roles.programs.includes(p)) roles.programs.push(p);
  }
  roles.programs.sort();
  return roles;
}

function matches(rule: { equals?: string | undefined; endsWith?: string | undefined }, value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && (rule.equals !== undefined ? v === rule.equals : v.toLowerCase().endsWith(rule.endsWith!.toLowerCase())));
}

/**
 * Sign-in from the environment: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL (default
 * from PUBLIC_URL), OIDC_CLAIM_MAP (a JSON file's path, or the JSON itself), OIDC_SCOPE, SESSION_TTL_HOURS,
 * COOKIE_SECURE=0 (http://localhost only). Undefined when OIDC_ISSUER is unset: no staff sign-in.
 */
export function authOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthOptions | undefined {
  const issuer = env.OIDC_ISSUER;
  if (!issuer) return undefined;
  const clientId = env.OIDC_CLIENT_ID;
  if (!clientId) throw new Error('OIDC_ISSUER is set but OIDC_CLIENT_ID is not');
  const mapSource = env.OIDC_CLAIM_MAP;
  if (!mapSource) throw new Error('OIDC_ISSUER is set but OIDC_CLAIM_MAP is not: without it nobody gets a staff role (see docs/sign-in.md)');
  const claimMap = mapSource.trimStart().startsWith('{') ? parseClaimMap(mapSource, 'OIDC_CLAIM_MAP') : parseClaimMap(readFileSync(mapSource, 'utf8'), mapSource);
  const hours = env.SESSION_TTL_HOURS ? Number(env.SESSION_TTL_HOURS) : undefined;
  if (hours !== undefined && !(hours > 0)) throw new Error(`SESSION_TTL_HOURS must be a positive number, got ${JSON.stringify(env.SESSION_TTL_HOURS)}`);
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    redirectUrl: env.OIDC_REDIRECT_URL || undefined,
    scope: env.OIDC_SCOPE || undefined,
    claimMap,
    sessionTtlMs: hours === undefined ? undefined : hours * 3_600_000,
    secureCookies: env.COOKIE_SECURE !== '0',
    allowInsecureProvider: /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(issuer),
  };
}

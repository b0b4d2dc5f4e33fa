/**
 * Staff sign-in with the university's OpenID Connect provider (authorization code + PKCE, state and nonce
 * checked), and the server-side sessions it opens. The cookie holds a random id; the table holds its SHA-256,
 * the person's subject, e-mail and roles (from the claim map, fixed at sign-in), a CSRF token and the expiry.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { eq, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { loginRequests, staffSessions } from '../db/schema.js';
import { ApiError } from '../errors.js';
import type { Logger } from '../http/logger.js';
import { rolesFromClaims, type AuthOptions, type StaffRoles } from './config.js';
import { sha256Hex } from '../hash.js';

/** Who is calling a staff route: an admin token (automation) or a signed-in person. */
export interface Principal {
  via: 'token' | 'session';
  /** Written to the audit log: `token:<id>`, or the person's e-mail (else `sub:<subject>`). */
  actor: string;
  roles: StaffRoles;
  session?: { subject: string; email: string | null; name: string | null; csrfToken: string; expiresAt: Date } | undefined;
}

export const CSRF_HEADER = 'X-CSRF-Token';
const LOGIN_TTL_MS = 10 * 60_000;
const DEFAULT_SESSION_TTL_MS = 8 * 3_600_000;

const random = () => randomBytes(32).toString('base64url');

export class StaffAuth {
  readonly #options: AuthOptions;
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #publicUrl: string | undefined;
  #config: Promise<oidc.Configuration> | undefined;

  constructor(options: AuthOptions, services: { db: Db; clock: Clock; logger: Logger; publicUrl: string | undefined }) {
    this.#options = options;
    this.#db = services.db;
    this.#clock = services.clock;
    this.#logger = services.logger;
    this.#publicUrl = services.publicUrl;
  }

  get secure(): boolean {
    return this.#options.secureCookies !== false;
  }

  /** `__Host-` cookies when Secure: bound to this host and path `/`, never set by a sibling subdomain. */
  get sessionCookie(): string {
    return this.secure ? '__Host-mk_session' : 'mk_session';
  }

  get loginCookie(): string {
    return this.secure ? '__Host-mk_login' : 'mk_login';
  }

  /** The provider's metadata, read once (a failed read is tried again on the next sign-in). */
  #configuration(): Promise<oidc.Configuration> {
    this.#config ??= oidc
      .discovery(
        new URL(this.#options.issuer),
        this.#options.clientId,
        undefined,
        // The registered default of OpenID Connect (client_secret_basic); no secret: a public client, PKCE only.
        this.#options.clientSecret ? oidc.ClientSecretBasic(this.#options.clientSecret) : oidc.None(),
        this.#options.allowInsecureProvider ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        this.#config = undefined;
        this.#logger.error('auth.discovery-failed', { issuer: this.#options.issuer, message: (error as Error).message });
        throw new ApiError('busy', 'The sign-in provider cannot be reached right now. Please try again in a minute.');
      });
    return this.#config;
  }

  #origin(c: Context): string {
    return new URL(this.#publicUrl ?? c.req.url).origin;
  }

  /** The path this server is served under on its origin (`/api` for `PUBLIC_URL=https://x.edu/api`), or ''. */
  #basePath(): string {
    return this.#publicUrl === undefined ? '' : new URL(this.#publicUrl).pathname.replace(/\/+$/, '');
  }

  #redirectUrl(c: Context): string {
    if (this.#options.redirectUrl) return this.#options.redirectUrl;
    const base = this.#publicUrl ?? new URL(c.req.url).origin;
    return `${base.replace(/\/+$/, '')}/auth/callback`;
  }

  /** Starts a sign-in: remembers state, nonce and PKCE verifier, and answers with the provider's address. */
  async begin(c: Context, returnTo: string | undefined): Promise<string> {
    const config = await this.#configuration();
    const back = safeReturn(returnTo, this.#origin(c), `${this.#basePath()}/auth/me`);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = this.#clock();
    await this.#db.delete(loginRequests).where(lt(loginRequests.expiresAt, now));
    await this.#db.insert(loginRequests).values({ stateHash: sha256Hex(state), nonce, codeVerifier, returnTo: back, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_TTL_MS) });
    // The state also goes in a cookie: an answer carrying another browser's state is refused (login CSRF).
    setCookie(c, this.loginCookie, state, { httpOnly: true, secure: this.secure, sameSite: 'Lax', path: '/', maxAge: LOGIN_TTL_MS / 1000 });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#redirectUrl(c),
      scope: this.#options.scope ?? 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return url.href;
  }

  /** Finishes a sign-in: checks state, nonce and PKCE, maps the claims to roles, opens a session. Answers where to go next. */
  async finish(c: Context): Promise<string> {
    const config = await this.#configuration();
    const query = new URL(c.req.url).searchParams;
    const cookieState = getCookie(c, this.loginCookie);
    setCookie(c, this.loginCookie, '', { httpOnly: true, secure: this.secure, sameSite: 'Lax', path: '/', maxAge: 0 });
    const state = query.get('state');
    if (query.get('error') !== null) throw new ApiError('sign-in-failed', `The sign-in provider refused the sign-in (${(query.get('error') ?? '').slice(0, 60)}). Nothing was granted; start again.`);
    if (state === null || cookieState === undefined || !same(state, cookieState)) {
      throw new ApiError('sign-in-failed', 'This sign-in answer does not belong to a sign-in started in this browser (the state does not match). Nothing was granted; start again.');
    }
    const [pending] = await this.#db.delete(loginRequests).where(eq(loginRequests.stateHash, sha256Hex(state))).returning();
    if (pending === undefined || pending.expiresAt <= this.#clock()) throw new ApiError('sign-in-failed', 'This sign-in has expired or was already used. Nothing was granted; start again.');
    // The provider answered at the redirect URL it knows: check against that, not whatever host a proxy saw.
    const current = new URL(this.#redirectUrl(c));
    current.search = query.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
      const idClaims = tokens.claims()!;
      let userinfo: Record<string, unknown> = {};
      if (config.serverMetadata().userinfo_endpoint !== undefined) userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...userinfo, ...idClaims };
    } catch (error) {
      // openid-client's message is general; the error it wraps names the check that failed (e.g. the nonce).
      const inner = (error as Error).cause;
      const why = inner instanceof Error ? inner.message : (error as Error).message;
      this.#logger.warn('auth.sign-in-refused', { message: why });
      throw new ApiError('sign-in-failed', `The sign-in provider's answer was refused: ${why}. Nothing was granted; start again.`);
    }
    const subject = String(claims.sub);
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
    const roles = rolesFromClaims(this.#options.claimMap, claims);
    if (!roles.admin && roles.programs.length === 0) {
      this.#logger.info('auth.no-role', {});
      throw new ApiError('forbidden', 'You signed in, but this service gives your account no staff role. Ask an administrator to add you to an organizers group.');
    }
    const actorClaim = this.#options.claimMap.actorClaim;
    const name = typeof claims.name === 'string' ? claims.name : null;
    const id = await this.open({ subject, issuer: config.serverMetadata().issuer, email: actorClaim && typeof claims[actorClaim] === 'string' ? claims[actorClaim] : email, name, roles });
    setCookie(c, this.sessionCookie, id, { httpOnly: true, secure: this.secure, sameSite: 'Lax', path: '/', maxAge: Math.floor((this.#options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS) / 1000) });
    this.#logger.info('auth.signed-in', { admin: roles.admin, programs: roles.programs.length });
    return pending.returnTo;
  }

  /** Opens a session and answers its id (the cookie's value). */
  async open(person: { subject: string; issuer: string; email: string | null; name: string | null; roles: StaffRoles }): Promise<string> {
    const id = random();
    const now = this.#clock();
    await this.#db.delete(staffSessions).where(lt(staffSessions.expiresAt, now));
    await this.#db.insert(staffSessions).values({ idHash: sha256Hex(id), ...person, csrfToken: random(), createdAt: now, expiresAt: new Date(now.getTime() + (this.#options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS)) });
    return id;
  }

  /** The session's principal, undefined without the cookie, or a 401 when it is unknown or expired. */
  async principal(c: Context): Promise<Principal | undefined> {
    const id = getCookie(c, this.sessionCookie);
    if (id === undefined || id === '') return undefined;
    const [row] = await this.#db.select().from(staffSessions).where(eq(staffSessions.idHash, sha256Hex(id)));
    if (row === undefined) throw new ApiError('unauthorized', 'Your session is not valid (you signed out, or it ended). Sign in again.');
    if (row.expiresAt <= this.#clock()) {
      await this.#db.delete(staffSessions).where(eq(staffSessions.idHash, row.idHash));
      throw new ApiError('unauthorized', 'Your session has expired. Sign in again.');
    }
    return {
      via: 'session',
      actor: row.email ?? `sub:${row.subject}`,
      roles: row.roles,
      session: { subject: row.subject, email: row.email, name: row.name, csrfToken: row.csrfToken, expiresAt: row.expiresAt },
    };
  }

  /** Signs out: the session row is deleted and the cookie cleared. */
  async close(c: Context): Promise<void> {
    const id = getCookie(c, this.sessionCookie);
    if (id !== undefined && id !== '') await this.#db.delete(staffSessions).where(eq(staffSessions.idHash, sha256Hex(id)));
    setCookie(c, this.sessionCookie, '', { httpOnly: true, secure: this.secure, sameSite: 'Lax', path: '/', maxAge: 0 });
  }
}

/** Constant-time comparison of two strings. */
export function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Where to go after sign-in: a path on this server, or an absolute URL of the same origin; anything else
 * (another site, `//host`, `/\host`, javascript:) becomes `fallback` (this server's `/auth/me`, under
 * the path it is served at).
 */
export function safeReturn(value: string | undefined, origin: string, fallback = '/auth/me'): string {
  if (value === undefined || value === '') return fallback;
  if (/[\\\u0000-\u001f]/.test(value)) return fallback;
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin) return fallback;
    if (value.startsWith('/') && value.startsWith('//')) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/**
 * Attendee sign-in: a person RSVPing signs in at the same OpenID Connect provider as staff, but gets no
 * staff session. The answer is a short-lived attendee token — the person's subject, name, e-mail and the
 * facts mapped from their claims, signed with HMAC-SHA256 under a key kept in `settings` — which the RSVP
 * form sends as `Authorization: Bearer <token>`. Nothing is stored per attendee.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { eq, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { loginRequests, settings } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import type { Logger } from '../http/logger.js';
import { DEFAULT_ATTENDEE_FACTS, identityFromClaims, type AttendeeIdentity } from './attendee-facts.js';
import type { AuthOptions } from './config.js';
import { same } from './staff.js';

const LOGIN_TTL_MS = 10 * 60_000;
/** Long enough to fill in the form after signing in; short, since it cannot be revoked. */
export const ATTENDEE_TOKEN_TTL_MS = 30 * 60_000;
const KEY_SETTING = 'attendee-token-key';
const PREFIX = 'mka1';
/** What a pending attendee sign-in keeps in `login_requests.return_to`: the page origin to answer. */
const RETURN_MARK = 'attendee:';

export interface AttendeeToken extends AttendeeIdentity {
  issuer: string;
  expiresAt: Date;
}

export class AttendeeAuth {
  readonly #options: AuthOptions;
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #publicUrl: string | undefined;
  readonly #origins: readonly string[];
  #config: Promise<oidc.Configuration> | undefined;
  #key: Promise<Buffer> | undefined;

  constructor(options: AuthOptions, services: { db: Db; clock: Clock; logger: Logger; publicUrl: string | undefined; corsOrigins: readonly string[] }) {
    this.#options = options;
    this.#db = services.db;
    this.#clock = services.clock;
    this.#logger = services.logger;
    this.#publicUrl = services.publicUrl;
    this.#origins = services.corsOrigins;
  }

  get #secure(): boolean {
    return this.#options.secureCookies !== false;
  }

  get #loginCookie(): string {
    return this.#secure ? '__Host-mk_attendee_login' : 'mk_attendee_login';
  }

  #configuration(): Promise<oidc.Configuration> {
    this.#config ??= oidc
      .discovery(
        new URL(this.#options.issuer),
        this.#options.clientId,
        undefined,
        this.#options.clientSecret ? oidc.ClientSecretBasic(this.#options.clientSecret) : oidc.None(),
        this.#options.allowInsecureProvider ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        this.#config = undefined;
        this.#logger.error('auth.discovery-failed', { issuer: this.#options.issuer, message: (error as Error).message });
        throw new ApiError('busy', 'The sign-in provider cannot be reached right now. Please try again in a minute.');
      });
    return this.#config;
  }

  #base(c: Context): string {
    return (this.#publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
  }

  #redirectUrl(c: Context): string {
    return `${this.#base(c)}/auth/attendee/callback`;
  }

  /**
   * Pages that may receive an attendee token: the server's own origin and the CORS origins named one by
   * one (`*` lets any page call the API, but hands a person's token to none).
   */
  allowsOrigin(c: Context, origin: string): boolean {
    return origin === new URL(this.#base(c)).origin || (origin !== '*' && this.#origins.includes(origin));
  }

  /** Starts an attendee sign-in for a page at `origin`; answers the provider's address. */
  async begin(c: Context, origin: string): Promise<string> {
    if (!this.allowsOrigin(c, origin)) {
      throw new ApiError('forbidden', `The page at ${origin.slice(0, 200)} may not receive a sign-in from this service: add it to the service's CORS origins (CORS_ORIGINS).`);
    }
    const config = await this.#configuration();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = this.#clock();
    await this.#db.delete(loginRequests).where(lt(loginRequests.expiresAt, now));
    await this.#db.insert(loginRequests).values({ stateHash: sha256Hex(state), nonce, codeVerifier, returnTo: `${RETURN_MARK}${origin}`, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_TTL_MS) });
    setCookie(c, this.#loginCookie, state, { httpOnly: true, secure: this.#secure, sameSite: 'Lax', path: '/', maxAge: LOGIN_TTL_MS / 1000 });
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#redirectUrl(c),
      scope: this.#options.scope ?? 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    }).href;
  }

  /** Finishes an attendee sign-in: the token, who it names, and the page origin it is for. */
  async finish(c: Context): Promise<{ token: string; attendee: AttendeeToken; origin: string }> {
    const config = await this.#configuration();
    const query = new URL(c.req.url).searchParams;
    const cookieState = getCookie(c, this.#loginCookie);
    setCookie(c, this.#loginCookie, '', { httpOnly: true, secure: this.#secure, sameSite: 'Lax', path: '/', maxAge: 0 });
    const state = query.get('state');
    if (query.get('error') !== null) throw new ApiError('sign-in-failed', `The sign-in provider refused the sign-in (${(query.get('error') ?? '').slice(0, 60)}). Start again from the RSVP form.`);
    if (state === null || cookieState === undefined || !same(state, cookieState)) {
      throw new ApiError('sign-in-failed', 'This sign-in answer does not belong to a sign-in started in this browser (the state does not match). Start again from the RSVP form.');
    }
    const [pending] = await this.#db.delete(loginRequests).where(eq(loginRequests.stateHash, sha256Hex(state))).returning();
    if (pending === undefined || pending.expiresAt <= this.#clock() || !pending.returnTo.startsWith(RETURN_MARK)) {
      throw new ApiError('sign-in-failed', 'This sign-in has expired or was already used. Start again from the RSVP form.');
    }
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
      const inner = (error as Error).cause;
      const why = inner instanceof Error ? inner.message : (error as Error).message;
      this.#logger.warn('auth.attendee-sign-in-refused', { message: why });
      throw new ApiError('sign-in-failed', `The sign-in provider's answer was refused: ${why}. Start again from the RSVP form.`);
    }
    const identity = identityFromClaims(this.#options.attendeeFacts ?? DEFAULT_ATTENDEE_FACTS, claims);
    const attendee: AttendeeToken = { ...identity, issuer: config.serverMetadata().issuer, expiresAt: new Date(this.#clock().getTime() + ATTENDEE_TOKEN_TTL_MS) };
    this.#logger.info('auth.attendee-signed-in', {});
    return { token: await this.sign(attendee), attendee, origin: pending.returnTo.slice(RETURN_MARK.length) };
  }

  /** The signing key, made once and kept in `settings`. */
  #secret(): Promise<Buffer> {
    this.#key ??= (async () => {
      await this.#db.insert(settings).values({ key: KEY_SETTING, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
      const [row] = await this.#db.select().from(settings).where(eq(settings.key, KEY_SETTING));
      return Buffer.from(row!.value, 'base64url');
    })().catch((error: unknown) => {
      this.#key = undefined;
      throw error;
    });
    return this.#key;
  }

  async sign(attendee: AttendeeToken): Promise<string> {
    const payload = Buffer.from(JSON.stringify({ ...attendee, expiresAt: attendee.expiresAt.toISOString() })).toString('base64url');
    const mac = createHmac('sha256', await this.#secret()).update(`${PREFIX}.${payload}`).digest('base64url');
    return `${PREFIX}.${payload}.${mac}`;
  }

  /** The attendee a token names, or a 401 saying why it is not accepted. */
  async verify(token: string): Promise<AttendeeToken> {
    const [prefix, payload, mac] = token.split('.');
    if (prefix !== PREFIX || payload === undefined || mac === undefined) throw new ApiError('unauthorized', 'This sign-in is not one this service gave (the token is malformed). Sign in again.');
    const expected = createHmac('sha256', await this.#secret()).update(`${PREFIX}.${payload}`).digest('base64url');
    if (!same(mac, expected)) throw new ApiError('unauthorized', 'This sign-in is not one this service gave (its signature does not match). Sign in again.');
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Omit<AttendeeToken, 'expiresAt'> & { expiresAt: string };
    const attendee: AttendeeToken = { ...value, expiresAt: new Date(value.expiresAt) };
    if (!(attendee.expiresAt > this.#clock())) throw new ApiError('unauthorized', 'Your sign-in has expired. Sign in again.');
    return attendee;
  }
}

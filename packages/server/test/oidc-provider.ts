/**
 * An OpenID Connect provider in the test's own process (oidc-provider, with its development sign-in form:
 * type an account id, any password), and the RSVP server on a real port beside it, so the whole sign-in flow
 * runs over HTTP as a browser would.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import Provider from 'oidc-provider';
import { createServer, type MentorkitServer } from '../src/app.js';
import type { ClaimMap } from '../src/auth/config.js';
import { silentLogger } from '../src/http/logger.js';
import { steppedClock, writeCatalog } from './fixtures.js';

/** Demo people, by account id (what one types in the provider's sign-in form). */
export const PEOPLE: Record<string, Record<string, unknown>> = {
  ada: { email: 'ada.admin@example.edu', email_verified: true, name: 'Ada Admin', groups: ['staff', 'mentoring-admins'] },
  olu: { email: 'olu.organizer@example.edu', email_verified: true, name: 'Olu Organizer', groups: ['staff', 'mu-organizers'] },
  sam: { email: 'sam.student@example.edu', email_verified: true, name: 'Sam Student', groups: ['students'] },
};

export const CLAIM_MAP: ClaimMap = {
  roles: [
    { claim: 'groups', equals: 'mentoring-admins', role: 'admin' },
    { claim: 'groups', equals: 'mu-organizers', role: 'organizer', programs: ['mentoring'] },
  ],
};

export interface SignInRig {
  issuer: string;
  /** The RSVP server's origin, e.g. http://127.0.0.1:40123 */
  origin: string;
  server: MentorkitServer;
  clock: ReturnType<typeof steppedClock>;
  close(): Promise<void>;
}

const listen = (server: Server) => new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));

export async function startSignInRig(options: { sessionTtlMs?: number; /** A catalog file of the test's own. */ catalog?: string } = {}): Promise<SignInRig> {
  // The RSVP server's port first: the provider must know the redirect URL it will accept.
  const holder: { app?: MentorkitServer } = {};
  const web = serve({ fetch: (req) => (holder.app === undefined ? new Response('starting', { status: 503 }) : holder.app.fetch(req)), port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((done) => (web.listening ? done() : web.once('listening', () => done())));
  const origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

  const idp = createHttpServer();
  const idpPort = await listen(idp);
  const issuer = `http://127.0.0.1:${idpPort}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'mentorkit', client_secret: 'a-test-secret-of-enough-length', redirect_uris: [`${origin}/auth/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    cookies: { keys: ['a-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => {
      const claims = PEOPLE[id] ?? { email: `${id}@example.edu`, name: id, groups: [] };
      return { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
    // First-party client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  idp.on('request', (req, res) => void handle(req, res));

  const clock = steppedClock(new Date());
  const server = await createServer({
    catalogs: [options.catalog ?? writeCatalog({ capacity: 5 })],
    clock,
    logger: silentLogger,
    rateLimit: false,
    auth: {
      issuer,
      clientId: 'mentorkit',
      clientSecret: 'a-test-secret-of-enough-length',
      scope: 'openid email profile groups',
      claimMap: CLAIM_MAP,
      secureCookies: false,
      allowInsecureProvider: true,
      sessionTtlMs: options.sessionTtlMs,
    },
  });
  holder.app = server;
  return {
    issuer,
    origin,
    server,
    clock,
    async close() {
      web.closeAllConnections();
      idp.closeAllConnections();
      await Promise.all([new Promise((done) => web.close(done)), new Promise((done) => idp.close(done))]);
      await server.close();
    },
  };
}

/** A cookie jar per host, enough for one browser-like client over fetch. */
export class Browser {
  readonly jar = new Map<string, Map<string, string>>();

  cookies(url: string): Map<string, string> {
    const host = new URL(url).host;
    let cookies = this.jar.get(host);
    if (cookies === undefined) this.jar.set(host, (cookies = new Map()));
    return cookies;
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookies = this.cookies(url);
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a))) cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects (GET), answering each with the final response and the addresses passed through. */
  async follow(url: string, init: RequestInit = {}): Promise<{ res: Response; url: string; visited: string[] }> {
    const visited: string[] = [];
    let res = await this.fetch(url, init);
    let at = url;
    while (res.status >= 300 && res.status < 400 && res.headers.get('location') !== null) {
      visited.push(at);
      at = new URL(res.headers.get('location')!, at).href;
      res = await this.fetch(at);
    }
    return { res, url: at, visited };
  }

  /** Signs in at the provider's development form as `account`, from the form page at `formUrl`. */
  async submitLogin(formUrl: string, html: string, account: string): Promise<{ res: Response; url: string; visited: string[] }> {
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (action === undefined) throw new Error(`no sign-in form at ${formUrl}: ${html.slice(0, 300)}`);
    const body = new URLSearchParams({ prompt: 'login', login: account, password: 'any password' });
    const res = await this.fetch(new URL(action.replace(/&amp;/g, '&'), formUrl).href, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    if (res.status < 300 || res.status >= 400) throw new Error(`the provider answered the sign-in form with ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return this.follow(new URL(res.headers.get('location')!, action.startsWith('http') ? action : formUrl).href);
  }
}

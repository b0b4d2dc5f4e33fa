// The demo's sign-in provider: an OpenID Connect provider (oidc-provider) in the demo's own process, served
// under /oidc of the demo's origin, with made-up campus accounts and a sign-in page that lists them (pick
// one, no password). It stands in for a university's provider so that the demo can show staff sign-in and
// the organizer console without one; nothing about it is fit for real accounts.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

/** The programs of the demo's catalogs (their `programs:` ids), all of which the demo organizer runs. */
export const DEMO_PROGRAMS = [
  'advancing-mentorship-practices',
  'ctl-mentorship-plan',
  'entering-mentoring-series',
  'entering-mentoring-wtg',
  'foundational-principles-faculty',
  'mentoring-resources',
  'mentoring-up',
  'practice',
];

/**
 * The demo accounts, by account id, with the claims the provider releases: the shape a campus provider
 * (Shibboleth, Entra) commonly sends — e-mail, name, groups, eduPersonAffiliation, department.
 */
export const DEMO_ACCOUNTS = {
  olu: {
    summary: 'Organizer of every demo program',
    claims: { email: 'olu.organizer@morningside.example.edu', email_verified: true, name: 'Olu Organizer', groups: ['staff', 'mentoring-organizers'], eduPersonAffiliation: ['member', 'staff', 'employee'], department: 'Center for Teaching and Learning' },
  },
  ada: {
    summary: 'Administrator of the RSVP service',
    claims: { email: 'ada.admin@morningside.example.edu', email_verified: true, name: 'Ada Admin', groups: ['staff', 'mentoring-admins'], eduPersonAffiliation: ['member', 'staff', 'employee'], department: 'Office of the Provost' },
  },
  pat: {
    summary: 'Postdoctoral scholar in Biology (no staff role)',
    claims: { email: 'pat.postdoc@morningside.example.edu', email_verified: true, name: 'Pat Postdoc', groups: ['postdocs'], eduPersonAffiliation: ['member', 'employee'], employeeType: 'postdoc', department: 'Biology' },
  },
  uma: {
    summary: 'Undergraduate in History (no staff role)',
    claims: { email: 'uma.undergrad@morningside.example.edu', email_verified: true, name: 'Uma Undergrad', groups: ['students'], eduPersonAffiliation: ['member', 'student'], studentLevel: 'undergraduate', department: 'History' },
  },
};

/** The claim map the demo's RSVP service uses: groups give the staff roles (docs/sign-in.md). */
export const DEMO_CLAIM_MAP = {
  actorClaim: 'email',
  roles: [
    { claim: 'groups', equals: 'mentoring-admins', role: 'admin' },
    { claim: 'groups', equals: 'mentoring-organizers', role: 'organizer', programs: DEMO_PROGRAMS },
  ],
};

export const DEMO_CLIENT_ID = 'mentorkit-demo';
export const DEMO_SCOPE = 'openid email profile groups affiliation';

const escape = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The provider for `issuer` (an address ending in /oidc on the demo's origin), accepting the RSVP service
 * at `redirectUri` (staff) and its `/auth/attendee/callback` (people signing in to RSVP). Answers `handle(req, res)` for requests under /oidc and the `auth` option for the
 * RSVP service.
 */
export function createDemoProvider({ issuer, redirectUri }) {
  const mount = new URL(issuer).pathname.replace(/\/+$/, '');
  // Fresh secrets per run: nothing signed by one demo run is accepted by the next.
  const clientSecret = randomBytes(32).toString('base64url');
  const provider = new Provider(issuer, {
    clients: [{ client_id: DEMO_CLIENT_ID, client_secret: clientSecret, redirect_uris: [redirectUri, redirectUri.replace(/\/auth\/callback$/, '/auth/attendee/callback')], grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
      affiliation: ['eduPersonAffiliation', 'department', 'employeeType', 'studentLevel'],
    },
    scopes: ['openid', 'email', 'profile', 'groups', 'affiliation'],
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // A signing key per run (RS256, what clients expect by default).
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }] },
    renderError: (ctx, out) => {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `The demo sign-in failed: ${out.error}${out.error_description ? ` (${out.error_description})` : ''}. Start again from the demo site.`;
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${mount}/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const account = DEMO_ACCOUNTS[id];
      return account === undefined ? undefined : { accountId: id, claims: () => ({ sub: id, ...account.claims }) };
    },
    // The RSVP service is the provider's only client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(DEMO_SCOPE);
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('[oidc]', error));
  const callback = provider.callback();

  async function interaction(req, res, uid, action) {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This sign-in has expired or was finished already. Start again from the demo site.');
      return;
    }
    if (details.uid !== uid) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This sign-in page does not belong to the sign-in in progress. Start again from the demo site.');
      return;
    }
    if (req.method === 'POST' && action === 'login') {
      const account = new URLSearchParams(await body(req)).get('account') ?? '';
      if (!Object.hasOwn(DEMO_ACCOUNTS, account)) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`There is no demo account "${account.slice(0, 40)}".`);
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(signInPage(`${mount}/interaction/${uid}/login`));
  }

  return {
    issuer,
    auth: {
      issuer,
      clientId: DEMO_CLIENT_ID,
      clientSecret,
      redirectUrl: redirectUri,
      scope: DEMO_SCOPE,
      claimMap: DEMO_CLAIM_MAP,
      // The demo runs on http://localhost.
      secureCookies: false,
      allowInsecureProvider: true,
    },
    /** Answers a request whose path starts with the issuer's path. */
    handle(req, res) {
      const path = req.url.slice(mount.length).split('?')[0];
      const match = /^\/interaction\/([\w-]+)(?:\/(login))?$/.exec(path);
      if (match) return void interaction(req, res, match[1], match[2]).catch((error) => {
        console.error('[oidc]', error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end('The demo sign-in failed.');
      });
      // As when mounted by a framework: the provider reads its mount path from originalUrl.
      req.originalUrl = req.url;
      req.url = req.url.slice(mount.length) || '/';
      return callback(req, res);
    },
  };
}

function body(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 10_000) req.destroy(new Error('sign-in form too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function signInPage(action) {
  const accounts = Object.entries(DEMO_ACCOUNTS)
    .map(([id, a]) => `<li><button type="submit" name="account" value="${escape(id)}"><strong>${escape(a.claims.name)}</strong><span>${escape(a.summary)} · ${escape(a.claims.email)}</span></button></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Morningside University (demo)</title>
<style>
body { margin: 0; font: 1rem/1.5 Helvetica, Arial, sans-serif; background: #f4f1ea; color: #1d1d1f; }
header { background: #0b2a4a; color: #fff; padding: 1rem 2rem; font: 700 1.3rem "Trebuchet MS", sans-serif; }
main { max-width: 34rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-top: 4px solid #e8b100; }
h1 { font-size: 1.3rem; margin-top: 0; color: #0b2a4a; }
ul { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
button { width: 100%; text-align: left; padding: .7rem 1rem; border: 1px solid #9aa8b8; border-radius: 4px; background: #fff; color: inherit; font: inherit; cursor: pointer; display: grid; }
button:hover, button:focus-visible { border-color: #0b4f8a; outline: 2px solid #0b4f8a; outline-offset: 1px; }
button span { font-size: .9rem; color: #444; }
.note { font-size: .85rem; color: #555; }
</style>
</head>
<body>
<header>Morningside University · Sign in</header>
<main>
<h1>Sign in to continue</h1>
<p class="note">Demo sign-in: these made-up campus accounts need no password. A real deployment sends people to the university's own sign-in instead.</p>
<form method="post" action="${escape(action)}">
<ul>
${accounts}
</ul>
</form>
</main>
</body>
</html>`;
}

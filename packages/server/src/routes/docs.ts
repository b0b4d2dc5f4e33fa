/** `GET /openapi.json`, generated from the routes' zod schemas, and `GET /docs`, a readable reference of it. */
import { escapeHtml } from '../html.js';
import type { App, RouteEntry } from '../http/context.js';

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'mentorkit RSVP service',
    version: '0.1.0',
    description: 'The RSVP API that <mk-rsvp-form endpoint="…/rsvps"> speaks, the feed the widgets read, the manage page’s API and the admin API.',
  },
} as const;

export function registerDocRoutes(app: App, table: RouteEntry[]): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', description: 'An admin token from `mentorkit-server token create --role admin`.' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', { type: 'apiKey', in: 'cookie', name: '__Host-mk_session', description: 'The staff sign-in session (GET /auth/login); changes also need the X-CSRF-Token header from GET /auth/me.' });
  app.doc31('/openapi.json', OPENAPI_INFO);
  table.push({ method: 'GET', path: '/openapi.json', access: 'public' }, { method: 'GET', path: '/docs', access: 'public' });
  app.get('/docs', (c) => {
    const doc = app.getOpenAPI31Document(OPENAPI_INFO);
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(renderReference(doc as unknown as OpenApiDoc));
  });
}

interface OpenApiDoc {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, { summary?: string; description?: string; tags?: string[]; security?: unknown[]; parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[]; requestBody?: { content: Record<string, { schema?: unknown }> }; responses: Record<string, { description?: string }> }>>;
  components?: { schemas?: Record<string, unknown> };
}

const escape = escapeHtml;

/** A plain, self-contained HTML page: every operation with its parameters, body schema and answers. */
export function renderReference(doc: OpenApiDoc): string {
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).map((p) => `<li><code>${escape(p.name)}</code> (${escape(p.in)}${p.required ? ', required' : ''})${p.description ? ` — ${escape(p.description)}` : ''}</li>`).join('');
      const body = op.requestBody ? Object.entries(op.requestBody.content).map(([type, c]) => `<p>Body: <code>${escape(type)}</code></p><pre>${escape(JSON.stringify(c.schema, null, 2))}</pre>`).join('') : '';
      const answers = Object.entries(op.responses).map(([status, r]) => `<li><strong>${escape(status)}</strong> ${escape(r.description ?? '')}</li>`).join('');
      sections.push(`<section><h2><code>${method.toUpperCase()} ${escape(path)}</code></h2>
<p>${escape(op.summary ?? '')}${op.security ? ' <em>(admin token)</em>' : ''}</p>${op.description ? `<p>${escape(op.description)}</p>` : ''}
${params ? `<h3>Parameters</h3><ul>${params}</ul>` : ''}${body}<h3>Answers</h3><ul>${answers}</ul></section>`);
    }
  }
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, schema]) => `<section><h3 id="schema-${escape(name)}">${escape(name)}</h3><pre>${escape(JSON.stringify(schema, null, 2))}</pre></section>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(doc.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1.5rem;line-height:1.5}pre{background:#f4f4f5;color:#18181b;padding:.75rem;overflow:auto;font-size:.85rem}section{border-top:1px solid #d4d4d8;margin-top:1.5rem}</style></head>
<body><main><h1>${escape(doc.info.title)}</h1><p>${escape(doc.info.description ?? '')}</p><p>The machine-readable document: <a href="openapi.json">openapi.json</a>.</p>${sections.join('\n')}<h2>Schemas</h2>${schemas}</main></body></html>`;
}

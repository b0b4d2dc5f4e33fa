/**
 * What the CDN bundle contains (every tag, none of core's heavy dependencies), how the CDN build
 * rewrites sources (templates, message ids), and that the built files still speak Spanish.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCdn, coreBrowserEntry, definedTags, root } from '../scripts/cdn.mjs';
import { assertAllUsed, messageIdMap, renameMessageIds, shortId } from '../scripts/message-ids.mjs';
import { minifyTemplates } from '../scripts/minify-templates.mjs';
import { curriculumFeed } from '../src/components/curriculum/curriculum.fixtures.js';
import { resources } from '../src/components/resource-card/resource-card.fixtures.js';
import { sampleFeed } from './sample-feed.js';
import { largeFeed } from '../bench/large-feed.mjs';
import { send, sendJson, serve, type Served } from './serve.js';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const catalogues = () => readdirSync(join(root, 'src/generated/locales')).map((f) => join(root, 'src/generated/locales', f));

describe('CDN bundle', () => {
  it('leaves luxon, rrule and zod out', async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/define/all.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      logLevel: 'silent',
      alias: { '@mentorkit/core/browser': coreBrowserEntry },
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.includes('/lit-html/'))).toBe(true);
    expect(inputs.filter((p) => /\/(luxon|rrule|yaml|zod)\//.test(p))).toEqual([]);
  });

  it('registers every component folder that has a define module', () => {
    expect(definedTags()).toEqual(['curriculum', 'program', 'resource-card', 'resource-list', 'rsvp-form', 'workshop-list']);
  });

  it('builds the one file with only the elements asked for, and names an element it does not know', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'mk-only-'));
    try {
      await expect(buildCdn({ outdir, only: ['resource-card'] })).resolves.toEqual(['mk-resource-card']);
      expect(readdirSync(outdir).filter((f) => f.endsWith('.js'))).toEqual(['mentorkit.js']);
      const text = readFileSync(join(outdir, 'mentorkit.js'), 'utf8');
      expect(text).toContain('"mk-resource-card"');
      expect(text).not.toMatch(/"mk-(workshop-list|rsvp-form|resource-list|curriculum|program)"/);
      await expect(buildCdn({ outdir, only: ['resource-card', 'calendar'] })).rejects.toThrow(
        'no define module for calendar in src/define/ (there are curriculum, program, resource-card, resource-list, rsvp-form, workshop-list)',
      );
      expect(readdirSync(outdir), 'a refused build leaves the last one alone').toContain('mentorkit.js');
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('template minifier', () => {
  it('collapses CSS and HTML whitespace but leaves expressions and other strings alone', () => {
    const source = [
      'const a = css`',
      '  :host {',
      '    color: red; /* note */',
      '  }',
      '`;',
      'const b = html`<p>',
      '    ${x ? html`<b>',
      '      ${y}</b>` : "keep\\n   this"}',
      '  </p>`;',
      'const c = `plain',
      '   text`;',
    ].join('\n');
    expect(minifyTemplates(source)).toBe(
      ['const a = css`:host{color:red}`;', 'const b = html`<p>${x ? html`<b> ${y}</b>` : "keep\\n   this"}</p>`;', 'const c = `plain', '   text`;'].join('\n'),
    );
  });

  it('drops layout whitespace next to block tags, keeping a space where inline content and bindings meet', () => {
    const source = [
      'html`<li class="item">',
      '  <div class="body">',
      '    <p>A</p>',
      '    <span>b</span> <a>c</a>',
      '    ${inline}',
      '    <span>d</span>',
      '    <p class="x">${v}</p>',
      '    ${block}',
      '  </div>',
      '</li>`',
    ].join('\n');
    expect(minifyTemplates(source)).toBe('html`<li class="item"><div class="body"><p>A</p><span>b</span> <a>c</a> ${inline} <span>d</span><p class="x">${v}</p>${block}</div></li>`');
  });
});

describe('short message ids', () => {
  const ids = new Map([
    ['list-error-title', 'a'],
    ['count-other', 'b'],
  ]);

  it('gives every index its own id, one letter for the first 52', () => {
    const all = Array.from({ length: 5000 }, (_, i) => shortId(i));
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(0, 52).every((id) => id.length === 1)).toBe(true);
    expect(all.every((id) => /^[a-zA-Z][a-zA-Z0-9]*$/.test(id))).toBe(true);
  });

  it('renames the id of msg() calls only, and the keys of a catalogue', () => {
    const code = [
      "const t = msg('Oops', { id: 'list-error-title' });",
      'const n = msg(str`${count} workshops`, {',
      "  id: 'count-other',",
      '});',
      "const data = { id: 'list-error-title' };",
    ].join('\n');
    const used = new Set<string>();
    const renamed = renameMessageIds(code, 'x.ts', ids, { used });
    expect(renamed.errors).toEqual([]);
    expect(renamed.contents).toBe(
      ["const t = msg('Oops', { id: 'a' });", 'const n = msg(str`${count} workshops`, {', "  id: 'b',", '});', "const data = { id: 'list-error-title' };"].join('\n'),
    );
    expect([...used].sort()).toEqual(['count-other', 'list-error-title']);

    const catalogue = "export const templates = {\n'count-other': str`${0} talleres`,\n'list-error-title': `No`,\n};";
    expect(renameMessageIds(catalogue, 'es.ts', ids, { catalogue: true }).contents).toBe("export const templates = {\n'b': str`${0} talleres`,\n'a': `No`,\n};");
  });

  it('fails on an id missing from the catalogues, a computed id, and an unused catalogue id', () => {
    expect(renameMessageIds("msg('New', { id: 'brand-new' });", 'x.ts', ids).errors).toEqual([
      "x.ts:1:14: message id 'brand-new' has no entry in the generated catalogues (run pnpm localize:extract, translate, pnpm localize:build)",
    ]);
    expect(renameMessageIds('msg(text, { id: key });', 'x.ts', ids).errors).toHaveLength(1);
    expect(renameMessageIds("msg('No id');", 'x.ts', ids).errors).toHaveLength(1);
    expect(renameMessageIds("export const templates = {\n'gone': `Ya no`,\n};", 'es.ts', ids, { catalogue: true }).errors).toHaveLength(1);
    expect(() => assertAllUsed(ids, new Set(['count-other']))).toThrow(/list-error-title/);
  });
});

describe('built CDN files', () => {
  let cdn: string;
  let browser: Browser;
  let server: Served;
  const read = (path: string) => readFileSync(join(cdn, path), 'utf8');
  const scripts = () => readdirSync(cdn, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));

  beforeAll(async () => {
    cdn = mkdtempSync(join(tmpdir(), 'mk-cdn-'));
    await buildCdn({ outdir: cdn });
    const feed = { ...sampleFeed(), resources: resources() };
    const body = `
      <mk-workshop-list src="/feed.json" now="2026-01-21T00:00:00Z"></mk-workshop-list>
      <mk-rsvp-form src="/feed.json" workshop-id="mentoring-up-expectations" endpoint="/rsvp" now="2026-01-21T00:00:00Z"></mk-rsvp-form>
      <mk-resource-list src="/feed.json"></mk-resource-list>
      <mk-curriculum src="/curriculum.json" curriculum-id="entering-mentoring" now="2026-01-05T12:00:00Z"></mk-curriculum>`;
    const page = (script: string) => `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>es</title><script type="module" src="${script}"></script></head><body>${body}</body></html>`;
    server = await serve({
      pages: { '/bundle.html': page('/cdn/mentorkit.js'), '/autoload.html': page('/cdn/autoloader.js') },
      dirs: { '/cdn/': cdn, '/bench/': join(root, 'bench') },
      routes: [
        (req, _body, res) => {
          if (req.url === '/feed.json') return sendJson(res, feed);
          if (req.url === '/curriculum.json') return sendJson(res, curriculumFeed());
          if (req.url?.startsWith('/rsvp/status')) return sendJson(res, { capacity: 25, confirmed: 3 });
          if (req.url === '/bench/feed.json') return sendJson(res, largeFeed(1000, new Date('2026-01-05T12:00:00Z')));
          if (req.url === '/bench/mentorkit.js') return send(res, 200, 'text/javascript', read('mentorkit.js'));
          return false;
        },
      ],
    });
    browser = await chromium.launch(chromiumLaunchOptions);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("gives the render benchmark a baseline that builds the widget's markup", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/bench/index.html`);
      await page.waitForFunction(() => (window as { benchReady?: boolean }).benchReady === true);
      const differs = await page.evaluate(() => (window as unknown as { sameMarkup(): Promise<unknown> }).sameMarkup());
      expect(differs).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('keeps the Spanish messages out of the one-file bundle and loads them from locales/es.js', () => {
    const text = read('mentorkit.js');
    expect(text).toContain('./locales/es.js');
    expect(text).not.toContain('Buscar talleres');
    expect(text).not.toContain('Abierto a todas las personas'); // a template of core's eligibility reasons
    expect(read('locales/es.js')).toContain('Buscar talleres');
    expect(read('locales/es.js')).toContain('Abierto a todas las personas');
  });

  it('ships short message ids, in the code and the catalogues alike', () => {
    const long = [...messageIdMap(catalogues()).keys()];
    expect(long).toContain('list-error-title');
    for (const file of scripts()) {
      const text = read(file);
      // As a msg() option (`{id:"…"}`) or a catalogue key (`"…":`); the same words may be part names.
      expect(long.filter((id) => new RegExp(`\\bid:["'\`]${id}["'\`]|["']${id}["']:`).test(text)), file).toEqual([]);
    }
  });

  it('maps the second minification pass back to the sources', () => {
    const map = JSON.parse(read('mentorkit.js.map')) as { file: string; sources: string[]; sourcesContent: string[] };
    expect(map.file).toBe('mentorkit.js');
    expect(map.sources.some((s) => s.endsWith('src/components/workshop-list/workshop-list.component.ts'))).toBe(true);
    expect(map.sourcesContent).toHaveLength(map.sources.length);
    expect(read('mentorkit.js')).toMatch(/\/\/# sourceMappingURL=mentorkit\.js\.map\s*$/);
  });

  describe.each(['/bundle.html', '/autoload.html'])('a Spanish page: %s', (path) => {
    it('shows every widget in Spanish, through the built catalogue', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await page.goto(`${server.url}${path}`);
      // The shadow text of each widget (and of the cards inside the list), whitespace normalised.
      const shown = (tag: string) =>
        page.evaluate((tag) => {
          const texts: string[] = [];
          const walk = (root: ParentNode) => {
            for (const el of root.querySelectorAll('*')) {
              if (!el.shadowRoot) continue;
              texts.push(el.shadowRoot.textContent ?? '');
              walk(el.shadowRoot);
            }
          };
          const host = document.querySelector(tag);
          if (host?.shadowRoot) {
            texts.push(host.shadowRoot.textContent ?? '');
            walk(host.shadowRoot);
          }
          return texts.join(' ').replace(/\s+/g, ' ');
        }, tag);
      await page.locator('mk-workshop-list .item .title').first().waitFor();
      await page.locator('mk-rsvp-form [part="submit"]').waitFor();
      await page.locator('mk-resource-list mk-resource-card').first().waitFor();
      await page.locator('mk-curriculum [part="themes"]').waitFor();

      // Polled: the cards inside the list render a task after it.
      await expect.poll(() => shown('mk-workshop-list')).toContain('Buscar talleres');
      await expect.poll(() => shown('mk-workshop-list')).toMatch(/\d+ talleres/); // a str`` message with a value
      await expect.poll(() => shown('mk-rsvp-form')).toContain('Correo electrónico');
      await expect.poll(() => shown('mk-resource-list')).toContain('Tipo de recurso');
      await expect.poll(() => shown('mk-resource-list')).toContain('Curso'); // inside a <mk-resource-card>
      await expect.poll(() => shown('mk-curriculum')).toContain('Currículo');
      // Core's eligibility reason, worded by the Spanish templates that come with the catalogue.
      await page.locator('mk-rsvp-form #f-role').selectOption('faculty');
      await expect.poll(() => shown('mk-rsvp-form')).toContain('nos indicaste que es Faculty');
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});

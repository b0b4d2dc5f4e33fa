/** What the CDN bundle contains: every tag, and none of core's heavy dependencies. */
import { existsSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { coreBrowserEntry, definedTags, root } from '../scripts/cdn.mjs';
import { minifyTemplates } from '../scripts/minify-templates.mjs';

describe('CDN bundle', () => {
  it('leaves luxon, rrule and classic zod out', async () => {
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
    expect(inputs.some((p) => p.includes('/zod/v4/mini/'))).toBe(true);
    expect(inputs.filter((p) => /\/(luxon|rrule|yaml)\/|\/zod\/v4\/classic\//.test(p))).toEqual([]);
  });

  it('keeps the Spanish messages out of the built file and loads them from locales/es.js', () => {
    const bundle = new URL('../dist/cdn/mentorkit.js', import.meta.url);
    const spanish = new URL('../dist/cdn/locales/es.js', import.meta.url);
    if (!existsSync(bundle)) throw new Error('dist/cdn/mentorkit.js is missing: run pnpm build first');
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain('./locales/es.js');
    expect(text).not.toContain('Buscar talleres');
    expect(readFileSync(spanish, 'utf8')).toContain('Buscar talleres');
  });

  it('registers every component folder that has a define module', () => {
    expect(definedTags()).toEqual(['curriculum', 'resource-card', 'resource-list', 'rsvp-form', 'workshop-list']);
  });
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
      ['const a = css`:host{color:red}`;', 'const b = html`<p> ${x ? html`<b> ${y}</b>` : "keep\\n   this"} </p>`;', 'const c = `plain', '   text`;'].join('\n'),
    );
  });
});

/** What the CDN bundle contains: every tag, and none of core's heavy dependencies. */
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

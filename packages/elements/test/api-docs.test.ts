/**
 * docs/elements.md is what scripts/api-docs.mjs writes from the built custom-elements.json and the
 * tokens, so the reference cannot drift from the JSDoc that Storybook and editors also read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiDocs, currentApiDocs, docsPath, tokenDefaults } from '../scripts/api-docs.mjs';

describe('the elements reference', () => {
  it('is up to date (run `pnpm --filter @mentorkit/elements docs:api` after `pnpm build` when this fails)', () => {
    expect(readFileSync(docsPath, 'utf8'), 'docs/elements.md is out of date with the components’ JSDoc').toBe(currentApiDocs());
  });

  it('documents every attribute, event, custom property and part of each element', () => {
    const docs: string = currentApiDocs();
    const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
    const elements = manifest.modules.flatMap((m: { declarations?: { tagName?: string }[] }) => m.declarations ?? []).filter((d: { tagName?: string }) => d.tagName);
    expect(elements.length).toBe(6);
    for (const d of elements) {
      const section = docs.slice(docs.indexOf(`## \`<${d.tagName}>\``), docs.indexOf('\n## ', docs.indexOf(`## \`<${d.tagName}>\``) + 1));
      for (const a of d.attributes ?? []) expect(section, `${d.tagName}: attribute ${a.name}`).toContain(`| \`${a.name}\` |`);
      for (const e of d.events ?? []) expect(section, `${d.tagName}: event ${e.name}`).toContain(`| \`${e.name}\` |`);
      for (const p of d.cssProperties ?? []) expect(section, `${d.tagName}: ${p.name}`).toContain(`| \`${p.name}\` |`);
      for (const p of d.cssParts ?? []) expect(section, `${d.tagName}: part ${p.name}`).toContain(`| \`${p.name}\` |`);
      expect(section, `${d.tagName}: every attribute has a description`).not.toMatch(/^\| `[a-z-]+` \|[^\n]*\|\s*\|$/m);
    }
  });

  it('lists each global token with its light and dark defaults, naming public tokens only', () => {
    const source = `const darkTokens = css\`
  --_mk-accent: var(--mk-color-accent, #9cc2f5);
\`;
export const tokenStyles = css\`
  :host {
    --_mk-accent: var(--mk-color-accent, #1d4f91);
    --_mk-focus-outline: var(--mk-focus-outline, 2px solid var(--_mk-accent));
  }
\`;`;
    expect(tokenDefaults(source)).toEqual([
      { name: '--mk-color-accent', light: '#1d4f91', dark: '#9cc2f5' },
      { name: '--mk-focus-outline', light: '2px solid var(--mk-color-accent)', dark: undefined },
    ]);
    expect(() => tokenDefaults('export const tokenStyles = css``;')).toThrow(/no `--_mk-\*/);
    expect(() => apiDocs({ modules: [] }, source)).toThrow(/has no mk-workshop-list, mk-rsvp-form/);
  });
});

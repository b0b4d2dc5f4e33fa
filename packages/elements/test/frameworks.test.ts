/** The framework examples of docs/embedding.md are the files in test/frameworks/, and they compile. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transform } from 'esbuild';

const docs = readFileSync(new URL('../../../docs/embedding.md', import.meta.url), 'utf8');
const example = (name: string) => readFileSync(new URL(`./frameworks/${name}`, import.meta.url), 'utf8');

describe('React 19', () => {
  it('is the example in docs/embedding.md, and compiles to JSX calls on the mk- tags', async () => {
    const source = example('react.tsx');
    expect(docs).toContain(source.trim());
    const { code, warnings } = await transform(source, { loader: 'tsx', jsx: 'automatic', format: 'esm' });
    expect(warnings).toEqual([]);
    expect(code).toContain('jsx("mk-workshop-list"');
    expect(code).toContain('"rsvp-form": "rsvp"');
    expect(code).toMatch(/jsx\("mk-rsvp-form", \{\s*ref: form/);
  });
});

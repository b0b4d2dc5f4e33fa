/** The framework examples of docs/embedding.md are the files in test/frameworks/, and they compile. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transform } from 'esbuild';
import { compileScript, parse } from '@vue/compiler-sfc';
import { compile } from 'svelte/compiler';

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

/** As @vitejs/plugin-vue is configured in the docs: `vue({ template: { compilerOptions: { isCustomElement } } })`. */
const isCustomElement = (tag: string) => tag.startsWith('mk-');

describe('Vue 3', () => {
  const compileSfc = (source: string, customElements: boolean) => {
    const compilerOptions = customElements ? { isCustomElement } : {};
    const { descriptor, errors } = parse(source, { filename: 'vue.vue', templateParseOptions: compilerOptions });
    expect(errors).toEqual([]);
    return compileScript(descriptor, { id: 'mentoring', inlineTemplate: true, templateOptions: { compilerOptions } }).content;
  };

  it('is the example in docs/embedding.md, and compiles to elements (not components) with properties and event listeners', () => {
    const source = example('vue.vue');
    expect(docs).toContain(source.trim());
    const code = compileSfc(source, true);
    expect(code).not.toContain('resolveComponent');
    expect(code).toMatch(/_createElementVNode\("mk-workshop-list", \{\s*"\.src": __props\.feed,\s*view: "upcoming",\s*"rsvp-form": "rsvp"/);
    expect(code).toMatch(/_createElementVNode\("mk-rsvp-form", \{\s*id: "rsvp",\s*"\.src": __props\.feed,\s*"\.endpoint": __props\.endpoint,\s*hidden: "",\s*onMkRsvpResult: onResult/);
  });

  it('without isCustomElement, resolves the mk- tags as components (the setting the docs ask for matters)', () => {
    expect(compileSfc(example('vue.vue'), false)).toContain('_resolveComponent("mk-workshop-list")');
  });

  it('documents the isCustomElement setting it was compiled with', () => {
    expect(docs).toContain("isCustomElement: (tag) => tag.startsWith('mk-')");
  });
});

describe('Svelte 5', () => {
  it('is the example in docs/embedding.md, and compiles to custom element data, bind:this and a DOM event listener', () => {
    const source = example('svelte.svelte');
    expect(docs).toContain(source.trim());
    const { js, warnings } = compile(source, { filename: 'svelte.svelte', generate: 'client', runes: true });
    expect(warnings.map((w) => w.message)).toEqual([]);
    const code = js.code;
    expect(code).toContain('`<mk-workshop-list></mk-workshop-list> <mk-rsvp-form></mk-rsvp-form>`');
    expect(code).toContain("$.set_custom_element_data(mk_workshop_list, 'src', $$props.feed)");
    expect(code).toContain("$.set_custom_element_data(mk_workshop_list, 'rsvp-form', 'rsvp')");
    expect(code).toContain("$.set_custom_element_data(mk_rsvp_form, 'endpoint', $$props.endpoint)");
    expect(code).toMatch(/\$\.bind_this\(mk_rsvp_form, /);
    expect(code).toContain("$.event('mk-rsvp-result', mk_rsvp_form, onResult)");
  });
});

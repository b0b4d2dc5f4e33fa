/**
 * The elements reference, docs/elements.md, written from what the code documents: each element's
 * attributes, properties, methods, events, CSS custom properties and parts come from
 * custom-elements.json (built from the JSDoc by `pnpm build`), the global tokens and their light and
 * dark defaults from src/internal/tokens.styles.ts. A test fails when the committed file differs.
 *
 *   node scripts/api-docs.mjs          rewrite docs/elements.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const docsPath = join(root, '../../docs/elements.md');

/** Tags in the order the reference presents them. */
const ORDER = ['mk-workshop-list', 'mk-rsvp-form', 'mk-resource-card', 'mk-resource-list', 'mk-curriculum', 'mk-program'];

/** A table cell: one line, pipes escaped. */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${text}\`` : '');

function table(head, rows) {
  if (rows.length === 0) return [];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''];
}

/**
 * The public tokens of `tokens.styles.ts`: each `--_mk-x: var(--mk-y, default)` line of the light
 * `:host` block and of the dark block.
 */
export function tokenDefaults(source) {
  const block = (start, end) => source.slice(source.indexOf(start), end ? source.indexOf(end, source.indexOf(start)) : undefined);
  const read = (text) => new Map([...text.matchAll(/^\s*--_mk-[\w-]+: var\((--mk-[\w-]+), (.+)\);$/gm)].map((m) => [m[1], m[2]]));
  const dark = read(block('const darkTokens', '`;'));
  const light = read(block('export const tokenStyles', '`;'));
  if (light.size === 0) throw new Error('tokens.styles.ts: no `--_mk-*: var(--mk-*, …)` declarations found in tokenStyles');
  // A default that refers to another token names the public one a page sets (`--_mk-accent` → `--mk-color-accent`).
  const publicName = new Map([...source.matchAll(/^\s*(--_mk-[\w-]+): var\((--mk-[\w-]+),/gm)].map((m) => [m[1], m[2]]));
  const readable = (value) => value?.replace(/--_mk-[\w-]+/g, (name) => publicName.get(name) ?? name);
  return [...light].map(([name, value]) => ({ name, light: readable(value), dark: readable(dark.get(name)) }));
}

function elementSection(decl) {
  const tag = decl.tagName;
  const name = tag.slice('mk-'.length);
  const members = (decl.members ?? []).filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static);
  const fields = members.filter((m) => m.kind === 'field');
  const attributeOf = new Map((decl.attributes ?? []).map((a) => [a.fieldName ?? a.name, a]));
  const rows = [];
  for (const f of fields) {
    const attr = attributeOf.get(f.name);
    const kind = f.readonly ? 'read-only property' : attr ? '' : 'property only';
    rows.push([code(attr?.name), code(f.name), code(f.type?.text), code(f.default), [f.description, kind && `(${kind})`].filter(Boolean).join(' ')]);
  }
  for (const a of decl.attributes ?? []) {
    if (!fields.some((f) => f.name === (a.fieldName ?? a.name))) rows.push([code(a.name), '', code(a.type?.text), code(a.default), a.description]);
  }
  const methods = members.filter((m) => m.kind === 'method');
  return [
    `## \`<${tag}>\``,
    '',
    decl.description ?? decl.summary ?? '',
    '',
    // Unless the description already says how to register it.
    ...((decl.description ?? '').includes('/define/')
      ? []
      : [`Register it with \`import '@mentorkit/elements/define/${name}'\`; on a CMS page, load \`components/${tag}.js\` or the autoloader. Class: \`${decl.name}\`.`, '']),
    '### Attributes and properties',
    '',
    ...table(['Attribute', 'Property', 'Type', 'Default', 'Description'], rows),
    ...(methods.length
      ? ['### Methods', '', ...table(['Method', 'Description'], methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), m.description]))]
      : []),
    ...((decl.events ?? []).length ? ['### Events', '', ...table(['Event', 'Description'], decl.events.map((e) => [code(e.name), e.description]))] : []),
    ...((decl.cssProperties ?? []).length
      ? ['### CSS custom properties', '', ...table(['Property', 'Description'], decl.cssProperties.map((p) => [code(p.name), [p.description, p.default && `Default: ${code(p.default)}.`].filter(Boolean).join(' ')]))]
      : []),
    ...((decl.cssParts ?? []).length ? ['### Parts', '', ...table(['Part', 'Description'], decl.cssParts.map((p) => [code(p.name), p.description]))] : []),
  ];
}

/** The whole reference, from the manifest and the tokens' source. */
export function apiDocs(manifest, tokensSource) {
  const elements = new Map();
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.customElement && d.tagName) elements.set(d.tagName, d);
  const missing = ORDER.filter((t) => !elements.has(t));
  if (missing.length) throw new Error(`custom-elements.json has no ${missing.join(', ')}; run \`pnpm build\` first`);
  const extra = [...elements.keys()].filter((t) => !ORDER.includes(t));
  const tokens = tokenDefaults(tokensSource);
  return [
    '<!-- Written by packages/elements/scripts/api-docs.mjs from the components\' JSDoc: edit the JSDoc, then run',
    '     `pnpm --filter @mentorkit/elements docs:api`. A test fails when this file is out of date. -->',
    '',
    '# Elements reference',
    '',
    'Every attribute, property, method, event, CSS custom property and part of the mentorkit elements.',
    'How to put them on a page is in [the package README](../packages/elements/README.md).',
    '',
    'All elements also take `theme` (`light`, `dark`, `auto`) and `lang`, and render into a shadow root:',
    'a page styles them only through the tokens below, each element\'s own custom properties, and `::part()`.',
    '',
    ...ORDER.map((t) => `- [\`<${t}>\`](#${t})`),
    '- [Global tokens](#global-tokens)',
    '',
    ...[...ORDER, ...extra].flatMap((t) => elementSection(elements.get(t))),
    '## Global tokens',
    '',
    'Set on any ancestor (`:root`, a wrapper, the element itself); they theme every element at once. A page',
    'value applies in both schemes; for different dark colours, set them under `mk-*[theme=dark]`.',
    '',
    ...table(['Token', 'Light default', 'Dark default'], tokens.map((t) => [code(t.name), code(t.light), t.dark ? code(t.dark) : 'same'])),
  ].join('\n');
}

export function currentApiDocs() {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  return apiDocs(manifest, readFileSync(join(root, 'src/internal/tokens.styles.ts'), 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(docsPath, currentApiDocs());
  console.log(`wrote ${docsPath}`);
}

// Checks the static Storybook after `storybook build`: for every element in the Custom Elements
// Manifest, a docs page and stories in the dark theme, in Spanish and at a narrow mobile width; and the
// two guides. The build fails (and CI with it) when a component has no stories or lost a state.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '../storybook-static');
const indexPath = join(out, 'index.json');

const problems = [];
for (const file of ['index.html', 'iframe.html', 'index.json']) {
  if (!existsSync(join(out, file))) problems.push(`storybook-static/${file} is missing`);
}
if (problems.length > 0) fail();

/** @type {{ entries: Record<string, { id: string, title: string, name: string, importPath: string, type: 'story' | 'docs' }> }} */
const index = JSON.parse(readFileSync(indexPath, 'utf8'));
const entries = Object.values(index.entries);
const manifest = JSON.parse(readFileSync(join(here, '../src/data/custom-elements.json'), 'utf8'));
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
if (tags.length === 0) problems.push('the Custom Elements Manifest lists no elements');

/** Every state a person can meet in any widget; the others (loading, full, …) depend on the widget. */
const EVERY_WIDGET = ['dark', 'spanish', 'narrow-mobile'];

const summary = [];
for (const tag of tags) {
  const name = tag.replace(/^mk-/, '');
  const own = entries.filter((e) => e.importPath.endsWith(`/components/${name}/${name}.stories.ts`));
  const stories = own.filter((e) => e.type === 'story');
  if (stories.length === 0) {
    problems.push(`<${tag}> has no stories (packages/elements/src/components/${name}/${name}.stories.ts)`);
    continue;
  }
  if (!own.some((e) => e.type === 'docs')) problems.push(`<${tag}> has no docs page (autodocs)`);
  for (const state of EVERY_WIDGET) {
    if (!stories.some((s) => s.id.endsWith(`--${state}`))) problems.push(`<${tag}> has no "${state}" story`);
  }
  summary.push(`<${tag}> ${stories.length}`);
}
for (const title of ['Guides/Embed in your CMS', 'Design/Theming playground']) {
  if (!entries.some((e) => e.title === title && e.type === 'docs')) problems.push(`the "${title}" page is missing`);
}
if (problems.length > 0) fail();
console.log(`storybook-static: ${entries.filter((e) => e.type === 'story').length} stories; ${summary.join(', ')}`);

function fail() {
  console.error(`The Storybook build is incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

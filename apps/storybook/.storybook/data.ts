import type { Feed } from '@mentorkit/core/browser';
import type { Manifest } from './manifest.js';

/*
 * What scripts/build-data.mjs writes to src/data/ before every dev, build and test run. Read through
 * import.meta.glob so that type-checking needs no generated files.
 */

const NOT_BUILT = 'run `pnpm --filter @mentorkit/storybook data` (the storybook, build and test scripts run it first)';

const feeds = import.meta.glob<Feed>('../src/data/*.feed.json', { eager: true, import: 'default' });
const manifests = import.meta.glob<Manifest>('../src/data/custom-elements.json', { eager: true, import: 'default' });

/**
 * The feeds of the seed catalogs (apps/demo/catalog/<name>.yaml), keyed by catalog name:
 * `advancing-mentorship`, `mentoring-up`, `mentoring-resources`.
 */
export const SEED_FEEDS: Readonly<Record<string, Feed>> = Object.fromEntries(
  Object.entries(feeds).map(([path, feed]) => [path.replace(/^.*\/(.+)\.feed\.json$/, '$1'), feed]),
);
if (Object.keys(SEED_FEEDS).length === 0) throw new Error(`No seed feeds in apps/storybook/src/data/: ${NOT_BUILT}.`);

/** The Custom Elements Manifest of @mentorkit/elements, made from the components' JSDoc. */
export const MANIFEST: Manifest = (() => {
  const manifest = Object.values(manifests)[0];
  if (!manifest) throw new Error(`No apps/storybook/src/data/custom-elements.json: ${NOT_BUILT}.`);
  return manifest;
})();

/** The tag names the manifest documents. */
export const MANIFEST_TAGS: readonly string[] = MANIFEST.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));

/** What every story receives in `context.loaded` (see the loader in preview.ts). */
export interface SeedLoaded {
  feeds: Record<string, Feed>;
}

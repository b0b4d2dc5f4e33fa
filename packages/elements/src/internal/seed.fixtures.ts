import type { Feed } from '@mentorkit/core/browser';

/** The seed catalogs (apps/demo/catalog/) whose feeds the Storybook preview loads for every story. */
export type SeedCatalog = 'advancing-mentorship' | 'mentoring-up' | 'mentoring-resources';

/**
 * A story's own copy of a seed catalog's feed, from the preview's loader (`context.loaded.feeds`).
 * Takes the context structurally, so this module needs no Storybook types.
 */
export function seedCatalogFeed(context: { loaded: Record<string, unknown> }, catalog: SeedCatalog): Feed {
  const feed = (context.loaded.feeds as Partial<Record<SeedCatalog, Feed>> | undefined)?.[catalog];
  if (!feed) throw new Error(`No seed feed "${catalog}": is apps/demo/catalog/${catalog}.yaml there, and did scripts/build-data.mjs run?`);
  return feed;
}

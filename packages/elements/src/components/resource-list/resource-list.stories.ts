import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Feed } from '@mentorkit/core/browser';
import { seedCatalogFeed, type SeedCatalog } from '../../internal/seed.fixtures.js';

/**
 * `<mk-resource-list>` with the seed catalogs: the CTL's resources on the Advancing Mentorship page and
 * the Provost office's list (websites, a checklist, compact templates). Mentoring Up publishes no
 * resources, which is the empty state.
 */

interface Args {
  theme?: string;
  src?: string;
  kind?: string;
  topic?: string;
  'hide-filters'?: boolean;
  'heading-level'?: number;
  onMkFilterChange?: (e: Event) => void;
}

interface Seed {
  catalog: SeedCatalog;
  edit?: (feed: Feed) => void;
}

type SeedContext = Pick<StoryContext, 'parameters' | 'loaded'>;

function seedFeed(context: SeedContext): Feed {
  const seed = context.parameters.seed as Seed;
  const feed = seedCatalogFeed(context, seed.catalog);
  seed.edit?.(feed);
  return feed;
}

function list(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('mk-resource-list');
  if (!el?.shadowRoot) throw new Error('<mk-resource-list> did not render');
  return { el, root: el.shadowRoot, screen: within(el.shadowRoot as unknown as HTMLElement) };
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Kinds of the cards shown, as their kind lines read. */
const kindsShown = (root: ShadowRoot) =>
  [...root.querySelectorAll('mk-resource-card')].filter((c) => c.checkVisibility()).map((c) => text(c.shadowRoot?.querySelector('[part="kind"]')));

/** A kind toggle button by its visible label ("Book"), not its count. */
function kindButton(root: ShadowRoot, label: string): HTMLButtonElement {
  const button = [...root.querySelectorAll<HTMLButtonElement>('[part="kind-button"]')].find((b) => text(b.querySelector('span:not(.chip-count)')) === label);
  if (!button) throw new Error(`no "${label}" kind button`);
  return button;
}

const meta: Meta<Args> = {
  title: 'Widgets/Resource list',
  component: 'mk-resource-list',
  args: { onMkFilterChange: fn() },
  parameters: { seed: { catalog: 'advancing-mentorship' } satisfies Seed },
  // A story with `src` reads its feed from that URL; the others get the seed feed as a property.
  render: (args, context) => html`<mk-resource-list
    .catalog=${args.src ? undefined : seedFeed(context)}
    src=${ifDefined(args.src)}
    theme=${ifDefined(args.theme)}
    kind=${ifDefined(args.kind)}
    topic=${ifDefined(args.topic)}
    ?hide-filters=${args['hide-filters'] ?? false}
    heading-level=${ifDefined(args['heading-level'])}
    @mk-filter-change=${args.onMkFilterChange}
  ></mk-resource-list>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The Advancing Mentorship page's resources: a course, a video series, a guide, books and recordings. */
export const Overview: Story = {
  play: async ({ canvasElement }) => {
    const { root } = list(canvasElement);
    await waitFor(() => expect(text(root.querySelector('[part="count"]'))).toBe('7 resources'));
  },
};

/** The Provost office's list: websites, a checklist and mentoring compact templates. */
export const ProvostResources: Story = {
  parameters: { seed: { catalog: 'mentoring-resources' } satisfies Seed },
};

/** Pressing a kind narrows the grid, announces "Showing 2 of 7", and fires `mk-filter-change`. */
export const FilterByKind: Story = {
  play: async ({ args, canvasElement }) => {
    const { root } = list(canvasElement);
    await waitFor(() => kindButton(root, 'Book'));
    await userEvent.click(kindButton(root, 'Book'));
    await waitFor(() => expect(kindsShown(root)).toEqual(['Book', 'Book']));
    await expect(text(root.querySelector('[part="count"]'))).toBe('Showing 2 of 7 resources');
    await expect(kindButton(root, 'Book').getAttribute('aria-pressed')).toBe('true');
    const event = (args.onMkFilterChange as ReturnType<typeof fn>).mock.lastCall?.[0] as CustomEvent;
    await expect(event.detail).toEqual({ kinds: ['book'], topic: '' });
  },
};

/** A page can open the list already filtered, and hide the controls: here, only the compact templates. */
export const FixedSelection: Story = {
  args: { kind: 'template', 'hide-filters': true },
  parameters: { seed: { catalog: 'mentoring-resources' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = list(canvasElement);
    await waitFor(() => expect(kindsShown(root)).toEqual(['Template', 'Template', 'Template']));
    await expect(root.querySelector('[part="filters"]')).toBeNull();
  },
};

/** A topic chosen from the select (the video series' topics come from the catalog). */
export const FilterByTopic: Story = {
  args: { topic: 'building trust' },
  play: async ({ canvasElement }) => {
    const { root } = list(canvasElement);
    await waitFor(() => expect(kindsShown(root)).toEqual(['Video series']));
  },
};

/** A page set up for videos, on a catalog that has none: the list says so and offers to clear the filter. */
export const NoMatches: Story = {
  args: { kind: 'video' },
  parameters: { seed: { catalog: 'mentoring-resources' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root, screen } = list(canvasElement);
    await waitFor(() => screen.getByText('No resources match these filters.'));
    await userEvent.click(root.querySelector<HTMLButtonElement>('[part="no-results"] button')!);
    await waitFor(() => expect(kindsShown(root)).toHaveLength(9));
  },
};

/** Mentoring Up's catalog publishes no resources. */
export const Empty: Story = {
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { screen } = list(canvasElement);
    await waitFor(() => screen.getByText('No resources yet'));
  },
};

export const Loading: Story = {
  args: { src: '/feeds/advancing-mentorship.json' },
  parameters: { mockFetch: () => new Promise<Response>(() => {}) },
  play: async ({ canvasElement }) => {
    const { screen } = list(canvasElement);
    await waitFor(() => screen.getByText('Loading resources…'));
  },
};

export const LoadError: Story = {
  args: { src: '/feeds/advancing-mentorship.json' },
  parameters: { mockFetch: () => new Response('Not Found', { status: 404, statusText: 'Not Found' }) },
  play: async ({ canvasElement }) => {
    const { root } = list(canvasElement);
    // Readers get plain words; the status and address go to the console for the page's developers.
    await waitFor(() => expect(text(root.querySelector('[role="alert"]'))).toContain('could not be shown'));
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** With `lang="es"` on the page the widget's own words are Spanish; the catalog's text stays as written. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const { root } = list(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="count"]')).not.toBeNull());
    // The English words must be gone, whatever the translator chose.
    await expect(text(root.querySelector('[part="count"]'))).toMatch(/^7 (?!resources)\S+$/);
    await expect(text(root.querySelector('[part="kind-filter"] legend'))).not.toBe('Type of resource');
  },
};

export const NarrowMobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

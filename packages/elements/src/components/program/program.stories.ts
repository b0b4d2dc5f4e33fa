import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Feed } from '@mentorkit/core/browser';
import { seedCatalogFeed, type SeedCatalog } from '../../internal/seed.fixtures.js';

/**
 * `<mk-program>` with the seed catalogs: Mentoring Up's page (introduction, outcomes, audiences, seven
 * questions and two contacts) and Advancing Mentorship Practices.
 */

interface Args {
  theme?: string;
  src?: string;
  'program-id'?: string;
  'heading-level'?: number;
  'open-answers'?: boolean;
  'hide-title'?: boolean;
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

function view(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('mk-program');
  if (!el?.shadowRoot) throw new Error('<mk-program> did not render');
  return { el, root: el.shadowRoot, screen: within(el.shadowRoot as unknown as HTMLElement) };
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

// A story with `src` reads its feed from that URL; the others get the seed feed as a property.
const renderProgram = (args: Args, context: SeedContext) => html`<mk-program
    .catalog=${args.src ? undefined : seedFeed(context)}
    src=${ifDefined(args.src)}
    theme=${ifDefined(args.theme)}
    program-id=${ifDefined(args['program-id'])}
    heading-level=${ifDefined(args['heading-level'])}
    ?open-answers=${args['open-answers'] ?? false}
    ?hide-title=${args['hide-title'] ?? false}
  ></mk-program>`;

const meta: Meta<Args> = {
  title: 'Widgets/Program',
  component: 'mk-program',
  // Both seed feeds carry more than one program, so the stories name theirs.
  args: { 'program-id': 'mentoring-up' },
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  render: renderProgram,
};
export default meta;

type Story = StoryObj<Args>;

/** Mentoring Up's own page: introduction, outcomes, audiences, questions and contacts. */
export const Overview: Story = {
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="base"]')).not.toBeNull());
    await expect(root.querySelectorAll('[part="outcomes"] li').length).toBeGreaterThan(0);
    await expect(root.querySelectorAll('[part="question"]').length).toBeGreaterThan(0);
  },
};

/** A question opens when its summary is pressed (a native `<details>`: Enter and Space work too). */
export const OpenQuestion: Story = {
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    const summary = await waitFor(() => {
      const found = root.querySelector<HTMLElement>('[part="question-summary"]');
      if (!found) throw new Error('no question yet');
      return found;
    });
    await userEvent.click(summary);
    await waitFor(() => expect((summary.parentElement as HTMLDetailsElement).open).toBe(true));
  },
};

/** Every answer open. */
export const AnswersOpen: Story = {
  args: { 'open-answers': true },
};

/**
 * Under a page heading that already names the program: no title of its own, the sections one level
 * below the page's heading, and the program's title naming the region.
 */
export const HideTitle: Story = {
  args: { 'hide-title': true },
  render: (args, context) => html`<h1>Mentoring-Up Training Series</h1>
    ${renderProgram(args, context)}`,
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="base"]')).not.toBeNull());
    await expect(root.querySelector('[part~="title"]')).toBeNull();
    await expect(root.querySelector('[part="base"]')?.getAttribute('aria-label')).toBe('Mentoring-Up Training Series');
    await expect([...new Set([...root.querySelectorAll('[part~="section-title"]')].map((h) => h.localName))]).toEqual(['h2']);
  },
};

/** Advancing Mentorship Practices. */
export const AdvancingMentorship: Story = {
  args: { 'program-id': 'advancing-mentorship-practices' },
  parameters: { seed: { catalog: 'advancing-mentorship' } satisfies Seed },
};

/** `program-id` names one the feed does not have: the message lists the ones it has. */
export const UnknownProgram: Story = {
  args: { 'program-id': 'no-such-program' },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(text(root.querySelector('[role="alert"]'))).toContain('no-such-program'));
  },
};

/** A catalog with no program. */
export const Empty: Story = {
  parameters: { seed: { catalog: 'mentoring-up', edit: (feed) => (feed.programs = []) } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { screen } = view(canvasElement);
    await waitFor(() => screen.getByText('No program yet'));
  },
};

export const Loading: Story = {
  args: { src: '/feeds/mentoring-up.json' },
  parameters: { mockFetch: () => new Promise<Response>(() => {}) },
  play: async ({ canvasElement }) => {
    const { screen } = view(canvasElement);
    await waitFor(() => screen.getByText('Loading the program…'));
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** With `lang="es"` on the page the widget's own words are Spanish; the catalog's text stays as written. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="faq"]')).not.toBeNull(), { timeout: 5000 });
    const titles = [...root.querySelectorAll('[part~="section-title"]')].map(text);
    await expect(titles).not.toContain('Questions');
    await expect(text(root.querySelector('[part~="title"]'))).toBe('Mentoring-Up Training Series');
  },
};

export const SpanishDark: Story = {
  globals: { locale: 'es', theme: 'dark' },
};

export const NarrowMobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

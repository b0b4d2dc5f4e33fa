import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Feed } from '@mentorkit/core/browser';
import { seedCatalogFeed, type SeedCatalog } from '../../internal/seed.fixtures.js';
import { mentoringUpAdaptation } from './curriculum.fixtures.js';

/**
 * `<mk-curriculum>` with the seed catalogs: Entering Mentoring as Columbia offers it (one mentor
 * version, sessions in winter 2026), as Mentoring Up offers it (a mentor and a mentee version, with
 * themes in one version only), and the Provost office's Foundational Principles (STEM and humanities
 * versions).
 */

/** Winter 2026, first week: Columbia's 2026 Entering Mentoring sessions are ahead. */
const WINTER_2026 = '2026-01-05T14:00:00Z';
/** Late November 2026: every dated session in the seed catalogs is over. */
const NOVEMBER_2026 = '2026-11-23T17:00:00Z';

interface Args {
  theme?: string;
  src?: string;
  'curriculum-id'?: string;
  variant?: string;
  now?: string | number;
  'heading-level'?: number;
  'open-objectives'?: boolean;
  onMkVariantChange?: (e: Event) => void;
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

const iso = (value: string | number | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

function view(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('mk-curriculum');
  if (!el?.shadowRoot) throw new Error('<mk-curriculum> did not render');
  return { el, root: el.shadowRoot, screen: within(el.shadowRoot as unknown as HTMLElement) };
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const themeTitles = (root: ShadowRoot) => [...root.querySelectorAll('[part="theme"]')].filter((t) => t.checkVisibility()).map((t) => text(t.querySelector('[part~="theme-title"]')));

const meta: Meta<Args> = {
  title: 'Widgets/Curriculum',
  component: 'mk-curriculum',
  args: { now: WINTER_2026, onMkVariantChange: fn() },
  parameters: { seed: { catalog: 'advancing-mentorship' } satisfies Seed },
  // A story with `src` reads its feed from that URL; the others get the seed feed as a property.
  render: (args, context) => html`<mk-curriculum
    .catalog=${args.src ? undefined : seedFeed(context)}
    src=${ifDefined(args.src)}
    theme=${ifDefined(args.theme)}
    curriculum-id=${ifDefined(args['curriculum-id'])}
    variant=${ifDefined(args.variant)}
    now=${ifDefined(iso(args.now))}
    heading-level=${ifDefined(args['heading-level'])}
    ?open-objectives=${args['open-objectives'] ?? false}
    @mk-variant-change=${args.onMkVariantChange}
  ></mk-curriculum>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Entering Mentoring on the Advancing Mentorship page: five themes, each with its 2026 session and the lab workshops on request. */
export const Overview: Story = {
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(themeTitles(root)).toHaveLength(5));
    const timings = [...root.querySelectorAll('[part="session-timing"]')].map(text);
    await expect(timings).toContain('Upcoming');
    await expect(timings).toContain('On request');
  },
};

/** The same curriculum after the year's sessions: they are marked past. */
export const PastSessions: Story = {
  args: { now: NOVEMBER_2026 },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(root.querySelectorAll('[part="session-timing"]').length).toBeGreaterThan(0));
    await expect([...root.querySelectorAll('[part="session-timing"]')].map(text)).not.toContain('Upcoming');
  },
};

/** One of the 2026 sessions marked cancelled (on this story's copy of the seed feed). */
export const CancelledSession: Story = {
  parameters: {
    seed: {
      catalog: 'advancing-mentorship',
      edit: (feed) => {
        const o = feed.workshops.find((w) => w.id === 'em-fostering-independence-2026')?.occurrences[0];
        if (!o) throw new Error('The seed feed has no 2026 Fostering Independence session; the story needs updating.');
        o.status = 'cancelled';
      },
    } satisfies Seed,
  },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect([...root.querySelectorAll('[part="session-timing"]')].map(text)).toContain('Cancelled'));
  },
};

/** Mentoring Up's curriculum has a mentor and a mentee version; themes in one version only are marked. */
export const Versions: Story = {
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(themeTitles(root)).toHaveLength(7));
    await expect(root.querySelectorAll('[part="variant-badge"]').length).toBe(3);
  },
};

/** Choosing the mentee version leaves out the mentor-only theme and fires `mk-variant-change`. */
export const ChooseVersion: Story = {
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  play: async ({ args, canvasElement }) => {
    const { root } = view(canvasElement);
    const option = await waitFor(() => {
      const found = [...root.querySelectorAll('[part="variant-option"]')].find((o) => text(o) === 'Mentee version (Mentoring Up)');
      if (!found) throw new Error('no "Mentee version" option yet');
      return found;
    });
    await userEvent.click(option.querySelector('input')!);
    await waitFor(() => expect(themeTitles(root)).not.toContain('Assessing Understanding'));
    await expect(themeTitles(root)).toContain('Research Self-Efficacy');
    await expect(text(root.querySelector('[part="variant-status"]'))).toMatch(/^Showing the 6 themes of the Mentee version/);
    const event = (args.onMkVariantChange as ReturnType<typeof fn>).mock.lastCall?.[0] as CustomEvent;
    await expect(event.detail).toEqual({ curriculum: 'entering-mentoring', variant: 'mentee' });
  },
};

/** Foundational Principles, in STEM and humanities and social science versions, objectives open, with its stated purpose and disciplines. */
export const FoundationalPrinciples: Story = {
  args: { 'open-objectives': true },
  parameters: { seed: { catalog: 'mentoring-resources' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(text(root.querySelector('[part="objective"]'))).toMatch(/^Objective The purpose of this initiative/));
    await expect(text(root.querySelector('[part="facts"]'))).toContain('STEM and Humanities and Social Science');
  },
};

/**
 * A curriculum that builds on Entering Mentoring (the button shows it), with its disciplines, objective,
 * the resources holding a theme's objectives, and delivery lengths as the author states them:
 * "Half day · Full day · Two days", a 60–90 minute range.
 */
export const BuildsOnAndStatedLengths: Story = {
  args: { 'curriculum-id': 'mentoring-up-adaptation' },
  parameters: { seed: { catalog: 'advancing-mentorship', edit: (feed) => void feed.curricula.push(structuredClone(mentoringUpAdaptation)) } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect([...root.querySelectorAll('[part="delivery-duration"]')].map(text).slice(0, 3)).toEqual(['Half day', 'Full day', 'Two days']));
    await userEvent.click(root.querySelector('[part="builds-on-link"]')!);
    await waitFor(() => expect(text(root.querySelector('h2'))).toBe('Entering Mentoring'));
  },
};

/** `curriculum-id` names one the feed does not have: the message lists the ones it has. */
export const UnknownCurriculum: Story = {
  args: { 'curriculum-id': 'mentor-training-core' },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(text(root.querySelector('[role="alert"]'))).toContain('(it has: entering-mentoring)'));
  },
};

/** A catalog with workshops and resources but no curriculum. */
export const Empty: Story = {
  parameters: { seed: { catalog: 'advancing-mentorship', edit: (feed) => (feed.curricula = []) } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { screen } = view(canvasElement);
    await waitFor(() => screen.getByText('No curriculum yet'));
  },
};

export const Loading: Story = {
  args: { src: '/feeds/mentoring-up.json' },
  parameters: { mockFetch: () => new Promise<Response>(() => {}) },
  play: async ({ canvasElement }) => {
    const { screen } = view(canvasElement);
    await waitFor(() => screen.getByText('Loading the curriculum…'));
  },
};

export const LoadError: Story = {
  args: { src: '/feeds/mentoring-up.json' },
  parameters: { mockFetch: () => Promise.reject(new TypeError('Failed to fetch')) },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(text(root.querySelector('[role="alert"]'))).toContain('Check your connection'));
  },
};

export const Dark: Story = {
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  globals: { theme: 'dark' },
};

/** With `lang="es"` on the page the widget's own words are Spanish; the catalog's text stays as written. */
export const Spanish: Story = {
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const { root } = view(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="facts"]')).not.toBeNull());
    // The English words must be gone (whatever the translator chose), the catalog's title must stay.
    await expect(text(root.querySelector('[part="facts"]'))).not.toMatch(/Order|Themes in any order/);
    await expect(text(root.querySelector('[part~="title"]'))).toBe('Entering Mentoring');
  },
};

export const NarrowMobile: Story = {
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { FeedResource } from '@mentorkit/core/browser';
import { seedCatalogFeed } from '../../internal/seed.fixtures.js';

/**
 * `<mk-resource-card>` showing the resources of the seed catalogs: the CTL's course, video series,
 * guide, books and recordings (Advancing Mentorship) and the Provost office's websites, checklist and
 * compact templates (Mentoring Resources). One story per kind a page lists.
 */

interface Args {
  theme?: string;
  'heading-level'?: number;
}

/** The seed resource a story shows, and the change that makes its state (on the story's own copy). */
interface Seed {
  catalog: 'advancing-mentorship' | 'mentoring-resources';
  resource: string;
  edit?: (resource: FeedResource) => void;
}

type SeedContext = Pick<StoryContext, 'parameters' | 'loaded'>;

function seedResource(context: SeedContext): FeedResource {
  const seed = context.parameters.seed as Seed;
  const feed = seedCatalogFeed(context, seed.catalog);
  const resource = feed.resources.find((r) => r.id === seed.resource);
  if (!resource) throw new Error(`The seed catalog ${seed.catalog} has no resource "${seed.resource}"; the story needs updating.`);
  seed.edit?.(resource);
  return resource;
}

function card(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('mk-resource-card');
  if (!el?.shadowRoot) throw new Error('<mk-resource-card> did not render');
  return { root: el.shadowRoot, screen: within(el.shadowRoot as unknown as HTMLElement) };
}

const part = (root: ShadowRoot, name: string) => root.querySelector(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const meta: Meta<Args> = {
  title: 'Widgets/Resource card',
  component: 'mk-resource-card',
  parameters: { seed: { catalog: 'advancing-mentorship', resource: 'building-effective-mentoring-relationships' } satisfies Seed },
  render: (args, context) => html`<div style="max-width: 26rem">
    <mk-resource-card .resource=${seedResource(context)} theme=${ifDefined(args.theme)} heading-level=${ifDefined(args['heading-level'])}></mk-resource-card>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A self-paced course behind the university login: modules with durations, their total, highlights. */
export const Course: Story = {
  play: async ({ canvasElement }) => {
    const { root } = card(canvasElement);
    await waitFor(() => expect(text(part(root, 'kind'))).toBe('Course'));
    await expect(text(part(root, 'access-badge'))).toBe('Institution login required');
    await expect(root.querySelectorAll('[part="module"]')).toHaveLength(4);
  },
};

/** A video series with the topics its conversations cover. */
export const VideoSeries: Story = {
  parameters: { seed: { catalog: 'advancing-mentorship', resource: 'voices-on-mentoring' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = card(canvasElement);
    await waitFor(() => expect(root.querySelectorAll('[part="topic"]').length).toBe(4));
    await expect(part(root, 'access')).toBeNull();
  },
};

export const Guide: Story = {
  parameters: { seed: { catalog: 'advancing-mentorship', resource: 'fostering-belonging-guide' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = card(canvasElement);
    await waitFor(() => expect(part(root, 'highlights')).not.toBeNull());
  },
};

/** A book: authors and publisher in the byline. */
export const Book: Story = {
  parameters: { seed: { catalog: 'advancing-mentorship', resource: 'bridging-differences-book' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = card(canvasElement);
    await waitFor(() => expect(text(part(root, 'byline'))).toMatch(/^By .+ and .+/));
  },
};

/** A workshop recording that needs an institutional login. */
export const Recording: Story = {
  parameters: { seed: { catalog: 'advancing-mentorship', resource: 'bridging-differences-workshop-recording' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = card(canvasElement);
    await waitFor(() => expect(text(part(root, 'access-badge'))).toBe('Institution login required'));
  },
};

/**
 * What the seed page says about the keynote beyond its kind: who spoke, the book it drew on, and an image
 * the page describes but gives no file for (its description shows in the image's place). The additions
 * are made on the story's copy, as an author would write them in the catalog.
 */
export const PresentersAndRelatedWorks: Story = {
  parameters: {
    seed: {
      catalog: 'advancing-mentorship',
      resource: 'keynote-bridging-differences-recording',
      edit: (r) => {
        r.presenters = [{ role: 'Keynote speaker', name: 'Lisa Fain', note: 'CEO of Center for Mentoring Excellence' }];
        r.related = [{ relation: 'based-on', title: 'Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage', citation: 'Fain and Zachary, 2020' }];
        r.image = { alt: 'Lisa Fain speaking to faculty' };
        r.format = 'MP4';
      },
    } satisfies Seed,
  },
  play: async ({ canvasElement }) => {
    const { root } = card(canvasElement);
    await waitFor(() => expect(text(part(root, 'presenter'))).toBe('Keynote speaker: Lisa Fain, CEO of Center for Mentoring Excellence'));
    await expect(text(part(root, 'format'))).toBe('MP4');
    await expect(root.querySelector('img')).toBeNull();
    await expect(text(part(root, 'image-description'))).toBe('Image: Lisa Fain speaking to faculty');
  },
};

/** A document with its file format. */
export const Document: Story = {
  parameters: {
    seed: {
      catalog: 'mentoring-resources',
      resource: 'provost-foundational-principles',
      edit: (r) => {
        r.kind = 'document';
        r.format = 'PDF';
      },
    } satisfies Seed,
  },
};

export const Website: Story = {
  parameters: { seed: { catalog: 'mentoring-resources', resource: 'cimer' } satisfies Seed },
};

export const Checklist: Story = {
  parameters: { seed: { catalog: 'mentoring-resources', resource: 'ctsi-mentoring-alignment-checklist' } satisfies Seed },
};

/** A mentoring compact template (AAMC). */
export const Template: Story = {
  parameters: { seed: { catalog: 'mentoring-resources', resource: 'aamc-postdoc-compact' } satisfies Seed },
};

/** A resource that fails the feed schema is not half-shown: the card names the first problem. */
export const InvalidResource: Story = {
  parameters: {
    seed: {
      catalog: 'advancing-mentorship',
      resource: 'the-mentors-guide',
      edit: (r) => ((r as unknown as Record<string, unknown>).kind = 'podcast'),
    } satisfies Seed,
  },
  play: async ({ canvasElement }) => {
    const { root } = card(canvasElement);
    await waitFor(() => expect(text(part(root, 'error'))).toMatch(/^This resource cannot be shown \(kind: .+\)\.$/));
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** With `lang="es"` on the page the card's own words are Spanish; the catalog's text stays as written. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const { root } = card(canvasElement);
    await waitFor(() => expect(part(root, 'kind')).not.toBeNull());
    // The English words must be gone (whatever the translator chose), the catalog's title must stay.
    await expect(text(part(root, 'kind'))).not.toBe('Course');
    await expect(text(part(root, 'access-badge'))).not.toBe('Institution login required');
    await expect(text(part(root, 'title'))).toBe('Building Effective Mentoring Relationships');
  },
};

export const NarrowMobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { Feed } from '@mentorkit/core/browser';
import { MANIFEST_TAGS } from '../../.storybook/data.js';
import { FEED, RESOURCE_CARD, RSVP_ENDPOINT, TAGS } from './snippets.js';

/**
 * The "Embed in your CMS" snippets, pasted into a page as they are (our own constant markup, not
 * catalog or user data, so `unsafeHTML` is what a CMS does with it too). The feed URL is answered with
 * the Mentoring Up seed feed.
 */

const meta: Meta = {
  title: 'Guides/Embed in your CMS',
  tags: ['!autodocs'],
  parameters: {
    mockFetch: (url: string, _init: RequestInit | undefined, context: { loaded: Record<string, unknown> }) => {
      if (new URL(url).pathname === FEED) return Response.json((context.loaded.feeds as Record<string, Feed>)['mentoring-up']);
      if (url.startsWith(RSVP_ENDPOINT)) return new Response('Not Found', { status: 404 });
      return undefined;
    },
  },
};
export default meta;

type Story = StoryObj;

/** The tags exactly as the page tells an editor to paste them: each one loads the feed and renders. */
export const PastedTags: Story = {
  render: () => html`<div class="pasted">${unsafeHTML(TAGS)}</div>`,
  play: async ({ canvasElement }) => {
    const snippets = `${TAGS}\n${RESOURCE_CARD}`;
    for (const tag of MANIFEST_TAGS) await expect(snippets, `the embed page shows no <${tag}>`).toContain(`<${tag} `);
    const pasted = [...canvasElement.querySelectorAll('.pasted > *')];
    await expect(pasted.length).toBe(5);
    for (const el of pasted) {
      await expect(customElements.get(el.localName), `<${el.localName}> is not registered`).toBeDefined();
      // Loaded (not loading) and not an error: the snippet's attributes are enough.
      await waitFor(() => expect(el.shadowRoot?.querySelector('[aria-busy="true"]'), `<${el.localName}> still loading`).toBeNull());
      await expect(el.shadowRoot?.querySelector('[role="alert"]'), `<${el.localName}> shows an error`).toBeNull();
    }
  },
};

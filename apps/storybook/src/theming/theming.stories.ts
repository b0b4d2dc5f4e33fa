import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { Feed } from '@mentorkit/core/browser';
import { DEFAULT_TOKENS, FONTS, tokenCss, type TokenArgs } from './tokens.js';

/**
 * Every widget on one page, themed only through the global `--mk-*` tokens a page sets on any
 * ancestor. The controls are the tokens; change one and every widget follows.
 *
 * These args are the page's tokens, not a component's API, so this is the one place with hand-written
 * argTypes (the components' own controls come from custom-elements.json).
 */

const feedOf = (context: Pick<StoryContext, 'loaded'>, name: string): Feed => {
  const feed = (context.loaded.feeds as Record<string, Feed> | undefined)?.[name];
  if (!feed) throw new Error(`No seed feed "${name}": did scripts/build-data.mjs run?`);
  return feed;
};

/** The tokens as a page's stylesheet would set them, for the playground to show what was chosen. */
function cssText(args: TokenArgs): string {
  const lines = Object.entries(tokenCss(args)).map(([name, value]) => `  ${name}: ${value};`);
  return `.mentoring {\n${lines.join('\n')}\n}`;
}

const TAGS = ['mk-workshop-list', 'mk-rsvp-form', 'mk-resource-list', 'mk-curriculum'] as const;

const meta: Meta<TokenArgs> = {
  title: 'Design/Theming playground',
  tags: ['!autodocs'],
  args: DEFAULT_TOKENS,
  argTypes: {
    accent: { control: 'color', description: '`--mk-color-accent`: links, buttons, calendar leaves, focus ring' },
    accentContrast: { control: 'color', description: '`--mk-color-accent-contrast`: text on the accent' },
    surface: { control: 'color', description: '`--mk-color-surface`: cards and forms' },
    surfaceAlt: { control: 'color', description: '`--mk-color-surface-alt`: filter bars, quiet panels' },
    text: { control: 'color', description: '`--mk-color-text`' },
    muted: { control: 'color', description: '`--mk-color-muted`: secondary text' },
    border: { control: 'color', description: '`--mk-color-border`' },
    radius: { control: { type: 'range', min: 0, max: 24, step: 1 }, description: '`--mk-radius` in px (`--mk-radius-sm` is half)' },
    font: { control: { type: 'select', labels: FONTS }, options: Object.keys(FONTS), description: '`--mk-font-family`' },
    theme: { table: { disable: true } },
  },
  render: (args, context) => html`<div class="mk-playground" style=${styleMap(tokenCss(args))}>
    <div style="display:grid;gap:2rem;max-width:72rem">
      <figure style="margin:0">
        <figcaption style="font:600 0.875rem system-ui,sans-serif">The CSS for these choices, to put on the page (or any ancestor of the widgets)</figcaption>
        <pre class="mk-chosen" style="margin:0.5rem 0 0;padding:0.75rem;overflow:auto;background:#f6f8fa;color:#1b1f24;border:1px solid #d5dae1;border-radius:6px;font-size:0.8125rem"><code>${cssText(args)}</code></pre>
      </figure>
      <mk-workshop-list
        .catalog=${feedOf(context, 'advancing-mentorship')}
        program="entering-mentoring-series"
        now="2026-01-05T14:00:00Z"
        viewer-time-zone="America/New_York"
        theme=${args.theme ?? 'light'}
      ></mk-workshop-list>
      <div style="display:grid;gap:2rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr));align-items:start">
        <mk-rsvp-form
          .catalog=${feedOf(context, 'mentoring-up')}
          workshop-id="mu-aligning-expectations"
          now="2022-10-03T16:00:00Z"
          viewer-time-zone="America/Los_Angeles"
          endpoint="https://rsvp.example.edu/api/rsvp"
          theme=${args.theme ?? 'light'}
        ></mk-rsvp-form>
        <mk-curriculum .catalog=${feedOf(context, 'mentoring-up')} now="2022-10-03T16:00:00Z" theme=${args.theme ?? 'light'}></mk-curriculum>
      </div>
      <mk-resource-list .catalog=${feedOf(context, 'advancing-mentorship')} theme=${args.theme ?? 'light'}></mk-resource-list>
    </div>
  </div>`,
  parameters: {
    // The form asks the service for seats; the playground has none, and the form works without.
    mockFetch: (url: string) => (url.startsWith('https://rsvp.example.edu/') ? new Response('Not Found', { status: 404 }) : undefined),
  },
};
export default meta;

type Story = StoryObj<TokenArgs>;

/** The default tokens. */
export const Playground: Story = {};

/**
 * A university's own look: purple accent, warm surfaces, square corners, a serif face. Every widget
 * resolves the same tokens, so each one changes with the page's CSS alone.
 */
export const UniversityBrand: Story = {
  args: {
    accent: '#4e2a84',
    accentContrast: '#ffffff',
    surface: '#fffdf8',
    surfaceAlt: '#f3efe6',
    text: '#231f20',
    muted: '#5b5150',
    border: '#d8d0c2',
    radius: 2,
    font: "Georgia, 'Times New Roman', serif",
  },
  play: async ({ args, canvasElement }) => {
    // The page shows the values chosen, as CSS to copy.
    const chosen = canvasElement.querySelector('.mk-chosen')?.textContent ?? '';
    await expect(chosen).toContain(`--mk-color-accent: ${args.accent};`);
    await expect(chosen).toContain(`--mk-radius: ${args.radius}px;`);
    for (const tag of TAGS) {
      const el = canvasElement.querySelector(tag);
      if (!el) throw new Error(`<${tag}> is missing from the playground`);
      await waitFor(() => expect(el.shadowRoot?.childElementCount).toBeGreaterThan(0));
      // What the widget's own styles read: the page's token, resolved inside the shadow root.
      const style = getComputedStyle(el);
      await expect(style.getPropertyValue('--_mk-accent').trim(), tag).toBe(args.accent);
      await expect(style.getPropertyValue('--_mk-surface').trim(), tag).toBe(args.surface);
      await expect(style.getPropertyValue('--_mk-radius').trim(), tag).toBe(`${args.radius}px`);
      // Computed font lists quote names with double quotes.
      await expect(style.fontFamily.replaceAll('"', "'"), tag).toBe(args.font);
    }
  },
};

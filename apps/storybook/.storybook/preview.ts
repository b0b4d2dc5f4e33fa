import { html } from 'lit';
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { configure } from 'storybook/test';
import { MINIMAL_VIEWPORTS } from 'storybook/viewport';
import { publicApi } from './manifest.js';
import { MANIFEST, SEED_FEEDS, type SeedLoaded } from './data.js';
import { installFetchMock, type FetchHandler } from './fetch-mock.js';

// Every tag, registered the way a page registers them (the CDN bundle imports the same module).
import '../../../packages/elements/src/define/all.js';

// Docs tables and controls come from the components' JSDoc, through the manifest; no story writes argTypes.
setCustomElementsManifest(publicApi(MANIFEST));

// Plays query the widgets' shadow roots; Testing Library cannot print a shadow root in its failure
// messages (it fails with "Expected an element or document"), so a failed query just says what it missed.
configure({ getElementError: (message) => new Error(message ?? 'element not found') });

type Theme = 'light' | 'dark';
type Locale = 'en' | 'es';

/** What a page around the widgets looks like in each theme (the widgets paint their own surfaces). */
const PAGE: Record<Theme, { background: string; color: string }> = {
  light: { background: '#ffffff', color: '#1b1f24' },
  dark: { background: '#0e1114', color: '#e9ecf0' },
};

/**
 * Puts the story on a page in the toolbar's language and theme: `lang` on a wrapper (widgets take their
 * locale from the nearest `lang`), and the `theme` arg, which each story passes to its widgets' `theme`
 * attribute, unless the story or its controls set one.
 */
const withPage: Decorator = (story, context) => {
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const lang: Locale = context.globals.locale === 'es' ? 'es' : 'en';
  const page = PAGE[(context.args.theme as Theme | undefined) ?? theme];
  if (context.viewMode === 'story') {
    // The whole page takes the theme, as a real dark page would: text that sits on no card of its own
    // is checked for contrast against the page, wherever it is scrolled.
    document.body.style.background = page.background;
    document.body.style.color = page.color;
  }
  return html`<div class="mk-page" lang=${lang} style="background:${page.background};color:${page.color};padding:1rem;min-height:100%">
    ${story({ args: { ...context.args, theme: context.args.theme ?? theme } })}
  </div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withPage],
  // Each story gets its own copy of the seed feeds, so a story may derive a variant (a cancelled session,
  // a full workshop) by editing its copy.
  loaders: [async (): Promise<SeedLoaded> => ({ feeds: structuredClone(SEED_FEEDS) })],
  beforeEach: (context) => {
    // A story of an unregistered tag would render an empty unknown element and pass every check.
    if (typeof context.component === 'string' && !customElements.get(context.component)) {
      throw new Error(`<${context.component}> is not registered: packages/elements/src/define/all.ts does not define it.`);
    }
    const handler = context.parameters.mockFetch as FetchHandler | undefined;
    return handler ? installFetchMock(handler, context) : undefined;
  },
  globalTypes: {
    theme: {
      description: 'Colour scheme of the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the page around the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'es', title: 'Español', right: 'es' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    viewport: { options: MINIMAL_VIEWPORTS },
    a11y: {
      // A violation fails the story's test, not just a warning in the panel.
      test: 'error',
      // The same WCAG 2.2 AA rule set as the components' own browser tests.
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    },
  },
};

export default preview;

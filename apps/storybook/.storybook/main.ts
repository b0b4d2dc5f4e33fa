import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../../../packages/elements/src/components/**/*.stories.ts', '../src/**/*.mdx', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  // Without this every build waits on the network for telemetry (≈7 s on an offline machine).
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    const previousOnWarn = viteConfig.build?.rollupOptions?.onwarn;
    // zod's comments carry annotations Rollup cannot place; the warning is about a dependency's
    // comment, not about anything in this repository.
    const onwarn: NonNullable<typeof previousOnWarn> = (warning, warn) => {
      if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
      if (previousOnWarn) previousOnWarn(warning, warn);
      else warn(warning);
    };
    return mergeConfig(viteConfig, {
      resolve: {
        // The stories live in packages/elements, which does not depend on Storybook: resolve these from
        // here, so that the story files find `storybook/test` and the page loads one Lit.
        dedupe: ['storybook', '@storybook/web-components-vite', 'lit'],
        alias: {
          // The components are shown from their source, and so is the core they import: Storybook needs
          // no package build and shows a change in either at once.
          '@mentorkit/core/browser': fromHere('../../../packages/core/src/browser.ts'),
        },
      },
      optimizeDeps: {
        // Found by no scan of the story files (Storybook's own runtime imports them): listed, so that Vite
        // does not meet them mid-run and reload the page under a running story test, and so that
        // `lit/directive-helpers.js` (the web-components renderer's) shares the one pre-bundled Lit.
        include: [
          '@storybook/web-components-vite',
          '@storybook/addon-a11y > axe-core',
          'storybook/test',
          'storybook/viewport',
          'lit',
          'lit/directive-helpers.js',
          'lit/directives/if-defined.js',
          'lit/directives/style-map.js',
          'lit/directives/unsafe-html.js',
        ],
      },
      build: {
        // Storybook's own manager and docs chunks are large by nature; the warning says nothing about ours.
        chunkSizeWarningLimit: 2000,
        rollupOptions: { onwarn },
      },
    });
  },
};

export default config;

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

const coreBrowser = fileURLToPath(new URL('../core/src/browser.ts', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against core's source, so they need no core build and see its changes at once.
    alias: { '@mentorkit/core/browser': coreBrowser },
  },
  optimizeDeps: {
    // Listed up front: discovering them mid-run makes Vite reload the page under a running test.
    include: ['lit', 'lit/directives/repeat.js', 'lit/directives/live.js', 'lit/directives/ref.js', '@lit/localize/internal/str-tag.js', 'axe-core'],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: chromiumLaunchOptions,
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});

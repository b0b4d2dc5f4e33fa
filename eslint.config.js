// Lint for the whole workspace. TypeScript sources get the type-aware rules (a promise nobody awaits, an
// `any` leaking out of a boundary), the elements' sources Lit's and custom-element rules; scripts and
// plain JavaScript get the language's recommended rules.
import js from '@eslint/js';
import { configs as lit } from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/storybook-static/**', '**/.turbo/**', '**/generated/**', 'bench/results.json'],
  },
  js.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // The stories live beside the components but are type-checked with Storybook's project.
    files: ['packages/elements/src/**/*.stories.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: './apps/storybook/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Declarations for the workspace's own .mjs scripts, outside any package's project.
    files: ['scripts/*.d.mts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    extends: [lit['flat/recommended'], wc.configs['flat/recommended']],
  },
);

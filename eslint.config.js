// Lint for the whole workspace (`pnpm lint`; part of `npm test`). TypeScript gets the type-aware rules
// (a promise nobody awaits, an `any` leaking through a boundary), the elements' sources Lit's and the
// custom-element rules, scripts and plain JavaScript the language's recommended rules.
import js from '@eslint/js';
import { configs as lit } from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/storybook-static/**', '**/.turbo/**', '**/generated/**'],
  },
  js.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // The control characters in our patterns are the point of them: terminal colour codes, and the
      // characters iCalendar and the terminal report must not carry.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `async` also turns a throw into a rejection, which an interface that returns a promise relies on.
      '@typescript-eslint/require-await': 'off',
      // Two checkers end a walk early by throwing their own state object; it never leaves the module.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'file', name: ['Walk', 'Stop'] }] }],
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
    // Tests read parsed JSON, manifests and DOM nodes as they come, and print arrays in their messages.
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/*.stories.ts', '**/*.fixtures.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/unbound-method': 'off',
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

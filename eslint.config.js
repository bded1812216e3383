// ESLint flat config: https://eslint.org/docs/latest/use/configure/configuration-files
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'tests/e2e/screenshots/',
      'tmp/',
      'src/paraglide/',
      'project.inlang/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Imported text must never become HTML; {@html} is banned outright.
      'svelte/no-at-html-tags': 'error',
    },
  },
);

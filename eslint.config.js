// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      'storybook-static/**',
      '**/custom-elements.json',
      '**/localization/generated/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'screenshots/**',
      '**/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Security: markup is never built from strings. Names, logos and texts render through Lit bindings only.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML is banned (XSS); render text bindings.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'unsafeSVG is banned (XSS).' },
            { name: 'lit-html/directives/unsafe-html.js', message: 'unsafeHTML is banned (XSS).' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Do not assign innerHTML; use Lit templates or textContent.' },
        { property: 'outerHTML', message: 'Do not assign outerHTML.' },
      ],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...wcConfigs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement', 'CkElement'] } },
  },
  {
    files: ['**/*.test.ts', '**/*.spec.ts', '**/*.test.tsx', '**/*.stories.ts', 'e2e/**', '**/scripts/**', '**/bench/**'],
    rules: { 'no-restricted-properties': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Playwright fixtures take their dependencies as a destructured first argument, `{}` when they have none.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);

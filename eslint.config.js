// Lint: TypeScript rules, and the boundaries that keep the core portable.
// The core (shared/<capability>) runs in Node and browsers: no React, Fluent,
// Office, WXT or extension API; shared/ui has no Office or WXT; capabilities are
// imported only through their public entry (tests/lint proves these fire).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { capabilityEntryRule } from './tests/lint/capability-entry-rule.js';

const hostApis = [
  {
    group: ['office-addin-*', '@microsoft/office-js', '@microsoft/office-js/*'],
    message: 'Office calls belong in addin/ behind a host adapter.',
  },
  {
    group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@wxt-dev/*'],
    message: 'Extension APIs belong in extension/.',
  },
];
const uiLibraries = [
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*'],
    message: 'The core has no UI: put components in shared/ui.',
  },
];
const extensionGlobals = [
  { name: 'chrome', message: 'Extension APIs belong in extension/.' },
  { name: 'browser', message: 'Extension APIs belong in extension/.' },
  { name: 'Office', message: 'Office calls belong in addin/ behind a host adapter.' },
  { name: 'Excel', message: 'Office calls belong in addin/ behind a host adapter.' },
  { name: 'Word', message: 'Office calls belong in addin/ behind a host adapter.' },
  { name: 'document', message: 'The core has no DOM: take text or data as arguments.' },
  {
    name: 'window',
    message: 'The core has no DOM: use globalThis where a Web API is shared with Node.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'dist/',
      'coverage/',
      'tests/artifacts/',
      'tests/lint/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    plugins: { passerelle: { rules: { 'capability-entry': capabilityEntryRule } } },
    rules: {
      'passerelle/capability-entry': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    ignores: ['shared/ui/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...hostApis, ...uiLibraries] }],
      'no-restricted-globals': ['error', ...extensionGlobals],
    },
  },
  {
    files: ['shared/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: hostApis }],
      'no-restricted-globals': [
        'error',
        ...extensionGlobals.filter((g) => g.name !== 'document' && g.name !== 'window'),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
);

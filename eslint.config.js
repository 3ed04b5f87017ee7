import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layer rules (docs/architecture.md): arrows point one way. */
const restrict = (patterns) => ['error', { patterns }];
const UI = { group: ['**/app/**', 'react', 'react-dom', 'react-router', 'zustand', '**/stores/**'], message: 'This layer must not depend on the UI.' };
const BROWSER_STORE = { group: ['dexie', 'dexie-react-hooks', '**/db/**'], message: 'This layer must not depend on the local database.' };
const NODE = { group: ['node:*', 'fastify', 'better-sqlite3', 'kysely', '**/server/**'], message: 'This layer must not depend on Node or the server.' };
const APP_LAYERS = { group: ['**/sync/**', '**/api/**', '**/mocks/**', '**/seed/**'], message: 'Pure code must not depend on the layers above it.' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/node_modules/', 'bench/peer/', 'bench/pouchdb/node_modules/', 'public/mockServiceWorker.js', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  { files: ['src/core/**', 'src/contract/**'], rules: { 'no-restricted-imports': restrict([UI, BROWSER_STORE, NODE, APP_LAYERS]) } },
  { files: ['src/seed/**'], rules: { 'no-restricted-imports': restrict([UI, BROWSER_STORE, NODE]) } },
  { files: ['src/db/**', 'src/sync/**', 'src/api/**'], rules: { 'no-restricted-imports': restrict([UI, NODE]) } },
  // The sync engine talks to LocalStore and fetch only, so the service worker and tests can run it on any store.
  { files: ['src/sync/**'], rules: { 'no-restricted-imports': restrict([UI, NODE, BROWSER_STORE]) } },
  { files: ['src/app/**', 'src/stores/**'], rules: { 'no-restricted-imports': restrict([NODE, { group: ['**/mocks/**', '**/seed/**'], message: 'The app reaches mocks only through the mock-mode entry.' }]) } },
  { files: ['mocks/**'], rules: { 'no-restricted-imports': restrict([UI, BROWSER_STORE, NODE]) } },
  { files: ['server/**'], rules: { 'no-restricted-imports': restrict([UI, BROWSER_STORE, { group: ['**/mocks/**'], message: 'The server never uses the mocks.' }]) } },
);

// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is pure: no framework, no I/O, no clock, no randomness.
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['libs/domain/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'better-sqlite3', 'pg', 'amqplib', 'kysely', '@eventstore/*', 'fs', 'node:*', '@ledger/*'] }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain takes time from the command.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain takes time from the command.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in the domain.' },
      ],
    },
  },
  {
    // Who may import whom (docs/architecture.md, "Boundaries"). Test code (specs, test/, testing/ folders,
    // bench/) is not checked: it may reach into any part it exercises.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        { type: 'app', pattern: 'apps/*', capture: ['app'] },
        { type: 'domain', pattern: 'libs/domain' },
        { type: 'lib', pattern: 'libs/*', capture: ['lib'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { types: { anyOf: ['lib', 'domain'] } } },
              disallow: { to: { element: { types: { anyOf: ['app'] } } } },
              message: 'A library never imports an app.',
            },
            {
              from: { element: { type: 'domain' } },
              disallow: { to: { element: { type: 'lib' } } },
              message: 'libs/domain imports no other internal library.',
            },
            {
              from: { element: { type: 'app' } },
              disallow: { to: { element: { type: 'app', captured: { app: '!{{ from.captured.app }}' } } } },
              message: "An app imports another app only through that app's src/index.ts.",
            },
            {
              // Rules are read in order and the last match wins: an app's public index is open to the others.
              from: { element: { type: 'app' } },
              allow: { to: { file: { path: 'apps/*/src/index.ts' } } },
            },
          ],
        },
      ],
    },
  },
);

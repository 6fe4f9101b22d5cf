// ESLint 9 flat config: typescript-eslint's recommended type-checked rules plus a few required ones.
// `pnpm lint` runs it. Type information comes from the root tsconfig.json, which covers every source,
// test, example, bench and script and resolves the workspace packages to their sources: no build needed,
// and no stale `dist/` can give stale results.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every Node built-in, bare (`fs`, `fs/promises`) and prefixed (`node:fs`): core must stay pure.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_') && !name.startsWith('node:'));
const nodeGlobals = ['Buffer', 'process', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];
const nodeBuiltinMessage = '@pccovid-inspect/core must stay pure (it runs anywhere): no Node built-ins. Put I/O in an adapter package.';

export default tseslint.config(
  {
    ignores: ['**/dist/', '**/node_modules/', 'docs/api/', 'examples/*/out/', '.pg/', '**/*.db', 'coverage/', 'out/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      // Required.
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Off: an `async` function without `await` is how adapters and fakes here implement a Promise
      // contract, so that a synchronous throw (a ValidationError…) becomes a rejection, as callers expect.
      '@typescript-eslint/require-await': 'off',
      // The codebase marks deliberately unused bindings with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain JavaScript (scripts, this file) belongs to no tsconfig: lint it without type information.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      // The typescript-eslint version also catches `import fs = require('fs')`.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: nodeBuiltinMessage })),
          patterns: [{ group: ['node:*'], message: nodeBuiltinMessage }],
        },
      ],
      'no-restricted-globals': ['error', ...nodeGlobals.map((name) => ({ name, message: nodeBuiltinMessage }))],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression > Literal[value=/^node:/]', message: nodeBuiltinMessage }],
    },
  },
);

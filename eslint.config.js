// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * The layering of DEVELOPERS.md, enforced:
 * - main/core and main/cli never import electron, preload or renderer (they stay plain Node);
 * - renderer never imports main/ (only the preload contract crosses) and never electron or node builtins;
 * - preload may import the core's domain types, type-only.
 * tests/lint/layering.test.ts proves each rule fails when broken.
 */
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only the Electron shell (main/ outside core and cli) may import electron.',
};
const preloadOrRenderer = {
  regex: '(^|/)(preload|renderer)(/|$)',
  message: 'The core and the CLI never import preload or renderer code.',
};
const mainFromRenderer = {
  regex: '(^|\\.\\./)main(/|$)',
  message: 'The renderer never imports main/: use the typed bridge from preload/contract.',
};
const nodeBuiltins = {
  regex: '^node:',
  message: 'The renderer runs in a sandboxed browser: no Node built-ins.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'release',
      'test-results',
      'playwright-report',
      '.tmp',
      'tests/lint/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['main/core/**', 'main/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [electron, preloadOrRenderer] },
      ],
    },
  },
  {
    files: ['preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)renderer(/|$)', message: 'preload never imports the renderer.' },
            {
              regex: '(^|/)main/',
              allowTypeImports: true,
              message: "preload may import the core's domain types, type-only (import type …).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [electron, mainFromRenderer, nodeBuiltins] },
      ],
    },
  },
  prettier,
);

import { defineConfig } from 'vitest/config';
import { REACT_ON_PREACT } from './electron.vite.config';

export default defineConfig({
  // The component tests run on what the renderer ships (see electron.vite.config.ts); the libraries
  // that import React are bundled by Vitest so that the mapping reaches them too.
  resolve: {
    alias: [
      ...REACT_ON_PREACT,
      // Its CommonJS build would `require` React itself, past the mapping; its ES build imports it.
      {
        find: /^@testing-library\/react$/,
        replacement: '@testing-library/react/dist/@testing-library/react.esm.js',
      },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['node_modules', 'out', 'tests/e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    server: {
      deps: { inline: ['@testing-library/react', 'react-i18next', '@tanstack/react-virtual'] },
    },
  },
});

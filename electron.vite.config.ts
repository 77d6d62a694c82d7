import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer is written against React's API and runs on Preact's compatibility layer: the same
 * components and hooks, a tenth of the runtime (the widget's window parses and starts ~30 ms sooner).
 * The Vitest component tests use the same mapping, so what they test is what ships.
 */
export const REACT_ON_PREACT = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
];

// main: ESM (Electron 28+), dependencies left external and loaded from node_modules.
// preload: one bundled CommonJS file, so it can run in a sandboxed renderer.
// renderer: one build serving the widget, settings and quick-search windows.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    resolve: { alias: REACT_ON_PREACT },
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; minified it is ~1/3 of the gzip size.
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
        // The widget's code is the entry, in one file (one request, one compile); the other views
        // and German are chunks of their own (see renderer/src/viewLoaders.ts and i18n/languages.ts).
        // Without this group the bundler moves the code the entry shares with them into a further
        // chunk, which the widget would then wait for too.
        output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
      },
    },
  },
});

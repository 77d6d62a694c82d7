/** Bundles bridge-client.ts (and the contract it imports) into one classic script, with vite. */
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const ENTRY = fileURLToPath(new URL('./bridge-client.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let cached: Promise<string> | undefined;

/** The script's text (built once per process). */
export function bridgeScript(): Promise<string> {
  cached ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: ROOT,
      build: {
        write: false,
        minify: false,
        lib: { entry: ENTRY, formats: ['iife'], name: 'openprojectTrayHarness' },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('The bridge script was not built.');
    return chunk.code;
  })().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

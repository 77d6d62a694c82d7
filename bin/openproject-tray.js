#!/usr/bin/env node
// The `openproject-tray` command: runs the TypeScript CLI from source through tsx, no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../main/cli/index.ts');

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/** Lints one line of code as if it stood in the given file, with the project's own config. */
async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: [
      { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts', '**/*.tsx'] },
      { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ],
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => m.message);
}

describe('the layering of DEVELOPERS.md is enforced by the lint', () => {
  it('forbids electron in main/core and main/cli', async () => {
    expect(
      await restrictedImportErrors(
        'main/core/probe.ts',
        "import { app } from 'electron';\nvoid app;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImportErrors(
        'main/cli/probe.ts',
        "import { app } from 'electron';\nvoid app;\n",
      ),
    ).toHaveLength(1);
  });

  it('forbids preload and renderer code in main/core', async () => {
    const code = "import { CHANNELS } from '../../preload/contract';\nvoid CHANNELS;\n";
    expect(await restrictedImportErrors('main/core/api/probe.ts', code)).toHaveLength(1);
    const code2 = "import { App } from '../../renderer/src/App';\nvoid App;\n";
    expect(await restrictedImportErrors('main/core/api/probe.ts', code2)).toHaveLength(1);
  });

  it('forbids main/ in the renderer, and electron and node built-ins too', async () => {
    const main = "import { x } from '../../main/core/api/client';\nvoid x;\n";
    expect(await restrictedImportErrors('renderer/src/probe.ts', main)).toHaveLength(1);
    expect(
      await restrictedImportErrors(
        'renderer/src/probe.ts',
        "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImportErrors(
        'renderer/src/probe.ts',
        "import { readFile } from 'node:fs';\nvoid readFile;\n",
      ),
    ).toHaveLength(1);
  });

  it('lets preload import the core only as types', async () => {
    const value = "import { x } from '../main/core/domain';\nvoid x;\n";
    const typeOnly = "import type { X } from '../main/core/domain';\nexport type Y = X;\n";
    expect(await restrictedImportErrors('preload/contract.ts', value)).toHaveLength(1);
    expect(await restrictedImportErrors('preload/contract.ts', typeOnly)).toHaveLength(0);
  });

  it('allows the renderer to import the preload contract, and the shell to import electron', async () => {
    const contract =
      "import type { TrayBridge } from '../../preload/contract';\nexport type B = TrayBridge;\n";
    expect(await restrictedImportErrors('renderer/src/probe.ts', contract)).toHaveLength(0);
    expect(
      await restrictedImportErrors(
        'main/tray.ts',
        "import { Tray } from 'electron';\nvoid Tray;\n",
      ),
    ).toHaveLength(0);
  });
});

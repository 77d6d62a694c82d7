import { describe, expect, it, vi } from 'vitest';

// electron-store needs the Electron runtime (app.getPath): faked at that boundary.
const constructed: Record<string, unknown>[] = [];
vi.mock('electron-store', () => ({
  default: class {
    path = '/userData/settings.json';
    store = {};
    constructor(options: Record<string, unknown>) {
      constructed.push(options);
    }
  },
}));

const { electronStoreConf } = await import('../../main/shell/adapters/settings-conf');
const { settingsConfOptions } = await import('../../main/core/settings/settings-store');

describe('the electron-store settings conf', () => {
  it("passes the core's options, with the file name as electron-store's `name`", () => {
    const conf = electronStoreConf(settingsConfOptions('/userData', 'settings'));
    expect(constructed[0]).toEqual({
      cwd: '/userData',
      name: 'settings',
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
    });
    expect(conf.path).toBe('/userData/settings.json');
  });
});

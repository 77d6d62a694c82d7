import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, DESKTOP_ENTRY_NAME } from '../../main/shell/desktop-identity';

const ROOT = resolve(import.meta.dirname, '../..');
const yml = readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8');

/** The value of a `key: value` line, under a given top-level section (or at the top level). */
function value(key: string, section?: string): string | undefined {
  const lines = yml.split('\n');
  let inSection = section === undefined;
  for (const line of lines) {
    if (/^\S/.test(line)) inSection = section === undefined || line.startsWith(`${section}:`);
    const match = new RegExp(`^(\\s*)${key}:\\s*(.+)$`).exec(line);
    if (inSection && match && (section !== undefined) === match[1]!.length > 0)
      return match[2]!.trim();
  }
  return undefined;
}

describe('electron-builder.yml', () => {
  it('names the app as the code does: appId = AppUserModelID, .desktop file = desktopName', () => {
    expect(value('appId')).toBe(APP_ID);
    expect(`${value('executableName', 'linux')}.desktop`).toBe(DESKTOP_ENTRY_NAME);
  });

  it('points at icons that exist for all three systems', () => {
    for (const [section, key] of [
      ['mac', 'icon'],
      ['win', 'icon'],
      ['linux', 'icon'],
    ] as const) {
      const path = value(key, section);
      expect(path, `${section}.${key}`).toBeDefined();
      expect(existsSync(resolve(ROOT, path!)), path).toBe(true);
    }
    expect(existsSync(resolve(ROOT, 'assets/icons/linux/512x512.png'))).toBe(true);
  });

  it('packages a tray-only Mac app, AppImage and deb, and an NSIS installer', () => {
    expect(value('LSUIElement', 'mac')).toBe('true');
    expect(value('target', 'linux')).toBe('[AppImage, deb]');
    expect(value('target', 'mac')).toBe('dmg');
    expect(value('target', 'win')).toBe('nsis');
  });

  it('unpacks node-notifier from the asar and sets the release fuses', () => {
    expect(yml).toMatch(/asarUnpack:\n\s+- node_modules\/node-notifier\/\*\*\/\*/);
    expect(value('runAsNode', 'electronFuses')).toBe('false');
    expect(value('enableNodeCliInspectArguments', 'electronFuses')).toBe('false');
    expect(value('enableEmbeddedAsarIntegrityValidation', 'electronFuses')).toBe('true');
    expect(value('onlyLoadAppFromAsar', 'electronFuses')).toBe('true');
  });
});

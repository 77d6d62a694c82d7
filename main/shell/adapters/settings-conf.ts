import Store from 'electron-store';
import type { ConfLike, SettingsConfOptions } from '../../core/settings/settings-store';

/**
 * The settings store's conf in the app: electron-store with the core's options (`openSettingsStore`'s
 * `createConf`). The core validates and migrates; electron-store only owns the file in userData.
 * electron-store takes the file name as `name` (it overwrites conf's `configName` with it).
 */
export function electronStoreConf(options: SettingsConfOptions): ConfLike {
  const { configName, ...rest } = options;
  return new Store<Record<string, unknown>>({ ...rest, name: configName });
}

/**
 * Atomic file replacement: write a temporary file next to the target, flush it to disk, then
 * rename it over the target. A reader (or a crash) sees the old file or the new one, never a
 * half-written one. Used for the settings backup and the secrets file.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of a new file, e.g. 0o600 for secrets. */
  mode?: number;
}

function temporaryPathFor(target: string): string {
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}`);
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
function syncDirectorySync(directory: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(directory, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Directories cannot be opened for fsync on every platform; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function writeFileAtomicSync(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  try {
    const fd = fs.openSync(temporary, 'wx', options.mode ?? 0o666);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectorySync(path.dirname(target));
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  try {
    const handle = await fsp.open(temporary, 'wx', options.mode ?? 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temporary, target);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    throw error;
  }
  syncDirectorySync(path.dirname(target));
}

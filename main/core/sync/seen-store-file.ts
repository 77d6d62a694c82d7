/**
 * The SeenStore as one JSON file per account in a given folder, written atomically (a temporary
 * file in the same folder, flushed, then renamed over the old one): a crash leaves the old record
 * or the new one, never half of one. An unreadable file counts as "never synced".
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SeenRecord, SeenStore } from './seen-store';

const FILE_VERSION = 1;

const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
  accountId: z.string(),
  seen: z.record(z.string().regex(/^\d+$/), z.string()),
  gone: z.record(
    z.string().regex(/^\d+$/),
    z.object({ updatedAt: z.string(), since: z.number().finite() }),
  ),
});
type SeenFile = z.infer<typeof fileSchema>;

export function seenFileName(accountId: string): string {
  const slug = accountId.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  const hash = createHash('sha256').update(accountId).digest('hex').slice(0, 16);
  return `seen-${slug}-${hash}.json`;
}

function toFile(accountId: string, record: SeenRecord): SeenFile {
  return {
    version: FILE_VERSION,
    accountId,
    seen: Object.fromEntries([...record.seen].map(([id, updatedAt]) => [String(id), updatedAt])),
    gone: Object.fromEntries([...record.gone].map(([id, entry]) => [String(id), entry])),
  };
}

function fromFile(file: SeenFile): SeenRecord {
  return {
    seen: new Map(Object.entries(file.seen).map(([id, updatedAt]) => [Number(id), updatedAt])),
    gone: new Map(Object.entries(file.gone).map(([id, entry]) => [Number(id), entry])),
  };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function createFileSeenStore(folder: string): SeenStore {
  // Saves of one account run one after the other, so an older record never lands last.
  const queues = new Map<string, Promise<void>>();
  const pathOf = (accountId: string) => join(folder, seenFileName(accountId));

  function enqueue(accountId: string, task: () => Promise<void>): Promise<void> {
    const previous = queues.get(accountId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    queues.set(accountId, next);
    void next
      .finally(() => {
        if (queues.get(accountId) === next) queues.delete(accountId);
      })
      .catch(() => undefined);
    return next;
  }

  return {
    async load(accountId) {
      let text: string;
      try {
        text = await readFile(pathOf(accountId), 'utf8');
      } catch {
        return null;
      }
      try {
        const parsed = fileSchema.safeParse(JSON.parse(text));
        if (!parsed.success || parsed.data.accountId !== accountId) return null;
        return fromFile(parsed.data);
      } catch {
        return null;
      }
    },
    save(accountId, record) {
      const text = JSON.stringify(toFile(accountId, record));
      return enqueue(accountId, async () => {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        await writeAtomically(pathOf(accountId), text);
      });
    },
    forget(accountId) {
      return enqueue(accountId, () => rm(pathOf(accountId), { force: true }));
    },
  };
}

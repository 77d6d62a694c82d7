import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSeenStore, seenFileName } from '../../../main/core/sync/seen-store-file';
import { createMemorySeenStore, type SeenRecord } from '../../../main/core/sync/seen-store';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'op-tray-seen-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function record(entries: [number, string][], gone: [number, string, number][] = []): SeenRecord {
  return {
    seen: new Map(entries),
    gone: new Map(gone.map(([id, updatedAt, since]) => [id, { updatedAt, since }])),
  };
}

describe('the JSON-file seen store', () => {
  it('knows nothing of an account that never synced', async () => {
    expect(await createFileSeenStore(folder).load('acct-1')).toBeNull();
    expect(await createFileSeenStore(join(folder, 'missing', 'dir')).load('acct-1')).toBeNull();
  });

  it('keeps what was seen across a restart (a new store on the same folder)', async () => {
    const saved = record(
      [
        [1, '2026-06-01T09:00:00.000Z'],
        [2, '2026-06-01T09:01:00.000Z'],
      ],
      [[7, '2026-05-31T08:00:00.000Z', 1_717_000_000_000]],
    );
    await createFileSeenStore(join(folder, 'state')).save('https://op.example/ acct', saved);
    const loaded = await createFileSeenStore(join(folder, 'state')).load(
      'https://op.example/ acct',
    );
    expect(loaded).toEqual(saved);
  });

  it('writes atomically: only the final file is left, readable by its owner only', async () => {
    const store = createFileSeenStore(folder);
    await store.save('a', record([[1, '2026-06-01T09:00:00.000Z']]));
    const files = await readdir(folder);
    expect(files).toEqual([seenFileName('a')]);
    const path = join(folder, seenFileName('a'));
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 1, accountId: 'a' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old record when a write was interrupted (a stray temp file)', async () => {
    const store = createFileSeenStore(folder);
    const old = record([[1, '2026-06-01T09:00:00.000Z']]);
    await store.save('a', old);
    await writeFile(join(folder, `${seenFileName('a')}.999.dead.tmp`), '{"version":1,"acc');
    expect(await createFileSeenStore(folder).load('a')).toEqual(old);
  });

  it('lands the last of several quick saves', async () => {
    const store = createFileSeenStore(folder);
    const saves = [];
    for (let i = 1; i <= 20; i += 1)
      saves.push(
        store.save('a', record([[i, `2026-06-01T09:00:${String(i).padStart(2, '0')}.000Z`]])),
      );
    await Promise.all(saves);
    expect(await store.load('a')).toEqual(record([[20, '2026-06-01T09:00:20.000Z']]));
    expect(await readdir(folder)).toHaveLength(1);
  });

  it('treats an unreadable or foreign file as "never synced" rather than failing', async () => {
    const store = createFileSeenStore(folder);
    const path = join(folder, seenFileName('a'));
    await writeFile(path, 'not json');
    expect(await store.load('a')).toBeNull();
    await writeFile(path, JSON.stringify({ version: 2, accountId: 'a', seen: {}, gone: {} }));
    expect(await store.load('a')).toBeNull();
    await writeFile(path, JSON.stringify({ version: 1, accountId: 'b', seen: {}, gone: {} }));
    expect(await store.load('a')).toBeNull();
    await store.save('a', record([[3, 'x']]));
    expect(await store.load('a')).toEqual(record([[3, 'x']]));
  });

  it('keeps accounts apart and forgets one without touching the other', async () => {
    const store = createFileSeenStore(folder);
    await store.save('a', record([[1, 'x']]));
    await store.save('b', record([[2, 'y']]));
    await store.forget('a');
    expect(await store.load('a')).toBeNull();
    expect(await store.load('b')).toEqual(record([[2, 'y']]));
  });
});

describe('the in-memory seen store', () => {
  it('keeps copies, so later changes to a record do not leak into the store', async () => {
    const store = createMemorySeenStore();
    const saved = record([[1, 'x']]);
    await store.save('a', saved);
    saved.seen.set(2, 'y');
    expect(await store.load('a')).toEqual(record([[1, 'x']]));
    await store.forget('a');
    expect(await store.load('a')).toBeNull();
  });
});

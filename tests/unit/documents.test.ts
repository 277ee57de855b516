// The maps kept in the browser (IndexedDB, here the fake-indexeddb implementation of it).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DocumentStore, SNAPSHOTS_KEPT } from '../../src/editor/core/documents.js';

let n = 0;
const fresh = () => DocumentStore.open(`test-${++n}`);

describe('the document store', () => {
  it('keeps each map under its own id, most recent first', async () => {
    const docs = await fresh();
    await docs.save({ id: 'a', fileName: 'a.owm', text: 'A', created: 1, updated: 10 });
    await docs.save({ id: 'b', fileName: 'b.owm', text: 'B', created: 2, updated: 20 });
    await docs.save({ id: 'a', fileName: 'a.owm', text: 'A2', created: 1, updated: 30 });
    expect((await docs.recent()).map((d) => [d.id, d.text])).toEqual([
      ['a', 'A2'],
      ['b', 'B'],
    ]);
    expect((await docs.get('b'))?.text).toBe('B');
  });

  it('takes at most one snapshot a minute, never the same text twice, and keeps the newest ones', async () => {
    const docs = await fresh();
    expect(await docs.snapshot('a', 'v0', 0)).toBe(true);
    expect(await docs.snapshot('a', 'v1', 30_000)).toBe(false);
    expect(await docs.snapshot('a', 'v0', 70_000)).toBe(false);
    for (let i = 1; i <= SNAPSHOTS_KEPT + 5; i++) await docs.snapshot('a', `v${i}`, i * 60_000 + 70_000);
    const kept = await docs.snapshots('a');
    expect(kept.length).toBe(SNAPSHOTS_KEPT);
    expect(kept[0]!.text).toBe(`v${SNAPSHOTS_KEPT + 5}`);
    expect(kept.at(-1)!.text).toBe('v6');
    expect(await docs.snapshots('b')).toEqual([]);
  });

  it('removes a map with its snapshots', async () => {
    const docs = await fresh();
    await docs.save({ id: 'a', fileName: 'a.owm', text: 'A', created: 1, updated: 1 });
    await docs.snapshot('a', 'A', 1);
    await docs.remove('a');
    expect([await docs.get('a'), await docs.snapshots('a')]).toEqual([undefined, []]);
  });
});

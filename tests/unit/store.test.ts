import { describe, expect, it } from 'vitest';
import { moveComponent } from '../../src/lang/edit.js';
import { EditorStore, MAX_MAP_BYTES } from '../../src/editor/core/store.js';

const MAP = 'title T\ncomponent A [0.50, 0.30]\ncomponent B [0.40, 0.20]\nA->B\n';
const move = (store: EditorStore, maturity: number) =>
  store.dispatch(moveComponent(store.syntax(), 'A', { visibility: 0.5, maturity }), 'move');

describe('the editor store', () => {
  it('applies an edit as a new version, one undo step, and undo brings back the bytes', () => {
    const store = new EditorStore(MAP);
    expect(move(store, 0.8)).toBe(true);
    expect(store.getState().text).toBe(MAP.replace('[0.50, 0.30]', '[0.50, 0.80]'));
    expect(store.getState().version).toBe(1);
    expect(store.derived().model.components.find((c) => c.name === 'A')?.maturity).toBe(0.8);
    store.undo();
    expect(store.getState().text).toBe(MAP);
    store.redo();
    expect(store.getState().text).toContain('[0.50, 0.80]');
  });

  it('treats an edit that leaves the text as it was as no change (a drag frame that rounds to the same numbers)', () => {
    const store = new EditorStore(MAP);
    let emitted = 0;
    store.subscribe(() => {
      emitted += 1;
    });
    const derived = store.derived();
    expect(move(store, 0.3)).toBe(false);
    expect(move(store, 0.3004)).toBe(false);
    // Whatever produced it, a change that rewrites bytes with the same bytes changes nothing.
    expect(store.dispatch([{ from: 8, to: 17, insert: 'component' }], 'move')).toBe(false);
    expect(store.getState().version).toBe(0);
    expect(store.getState().canUndo).toBe(false);
    expect(store.derived()).toBe(derived);
    expect(emitted).toBe(0);
  });

  it('records a gesture of many frames as one undo step', () => {
    const store = new EditorStore(MAP);
    store.beginGesture('move');
    for (const m of [0.35, 0.4, 0.4, 0.45, 0.6]) move(store, m);
    store.endGesture();
    expect(store.getState().text).toContain('[0.50, 0.60]');
    store.undo();
    expect(store.getState().text).toBe(MAP);
    expect(store.getState().canUndo).toBe(false);
  });

  it('refuses a text of 5 MB or more with a message, keeping the map', () => {
    const store = new EditorStore(MAP);
    expect(store.load('x'.repeat(MAX_MAP_BYTES + 1), 'big.owm')).toBe(false);
    expect(store.getState().text).toBe(MAP);
    expect(store.getState().message).toMatch(/5 MB/);
  });
});

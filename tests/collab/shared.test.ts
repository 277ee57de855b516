// Two participants' stores on one shared text, with their documents connected in memory (the
// network is tested in serve.test.ts and the e2e tests): what each sees, and what each undo takes back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveComponent } from '../../src/lang/edit.js';
import { bindSharedText, changesOfDelta } from '../../src/editor/core/shared.js';
import { EditorStore } from '../../src/editor/core/store.js';
import { applyChanges } from '../../src/lang/edit.js';

const MAP = 'title T\ncomponent A [0.50, 0.30]\ncomponent B [0.40, 0.20]\nA->B\n';

/** Two documents that pass each other every update at once (as a connected room does). */
function room(text = MAP) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.getText('map').insert(0, text);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(b, u, 'net'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(a, u, 'net'));
  const storeA = new EditorStore('');
  const storeB = new EditorStore('');
  const bindA = bindSharedText(storeA, a.getText('map'));
  const bindB = bindSharedText(storeB, b.getText('map'));
  return { a, b, storeA, storeB, bindA, bindB };
}

const move = (store: EditorStore, name: string, maturity: number) =>
  store.dispatch(moveComponent(store.syntax(), name, { visibility: 0.5, maturity }), 'move');

describe('a shared text', () => {
  it('gives each store the room text, and a change in one reaches the other', () => {
    const { storeA, storeB, a } = room();
    expect(storeA.getState().text).toBe(MAP);
    expect(storeB.getState().text).toBe(MAP);
    expect(move(storeA, 'A', 0.8)).toBe(true);
    expect(storeB.getState().text).toContain('component A [0.50, 0.80]');
    expect(storeB.getState().lastOrigin).toBe('remote');
    expect(storeA.getState().lastOrigin).toBe('move');
    expect(storeB.derived().model.components.find((c) => c.name === 'A')?.maturity).toBe(0.8);
    expect(a.getText('map').toString()).toBe(storeA.getState().text);
  });

  it('undoes only the participant’s own change', () => {
    const { storeA, storeB } = room();
    move(storeA, 'A', 0.8);
    move(storeB, 'B', 0.9);
    expect(storeA.getState().canUndo).toBe(true);
    storeA.undo();
    // A's move is taken back everywhere; B's stays, on both sides.
    for (const s of [storeA, storeB]) {
      expect(s.getState().text).toContain('component A [0.50, 0.30]');
      expect(s.getState().text).toContain('component B [0.50, 0.90]');
    }
    expect(storeA.getState().canUndo).toBe(false);
    expect(storeA.getState().canRedo).toBe(true);
    storeA.redo();
    expect(storeB.getState().text).toContain('component A [0.50, 0.80]');
    storeB.undo();
    expect(storeA.getState().text).toContain('component B [0.40, 0.20]');
    expect(storeA.getState().text).toContain('component A [0.50, 0.80]');
  });

  it('makes a drag one undo step however long it lasts', async () => {
    const { storeA, storeB } = room();
    storeA.beginGesture('move');
    for (let i = 1; i <= 5; i++) {
      move(storeA, 'A', 0.3 + i * 0.1);
      // The pointer rests longer than a burst of typing between two frames.
      if (i === 3) await new Promise((r) => setTimeout(r, 1100));
    }
    storeA.endGesture();
    expect(storeB.getState().text).toContain('component A [0.50, 0.80]');
    storeA.undo();
    expect(storeB.getState().text).toBe(MAP);
    expect(storeA.getState().canUndo).toBe(false);
  });

  it('refuses every change on a view-only link', () => {
    const a = new Y.Doc();
    a.getText('map').insert(0, MAP);
    const store = new EditorStore('');
    bindSharedText(store, a.getText('map'), true);
    expect(store.getState().readOnly).toBe(true);
    expect(move(store, 'A', 0.8)).toBe(false);
    expect(store.getState().message).toMatch(/view-only/);
    expect(a.getText('map').toString()).toBe(MAP);
  });

  it('hands the store its own history back when unbound', () => {
    const { storeA, bindA } = room();
    move(storeA, 'A', 0.8);
    bindA.dispose();
    expect(storeA.isShared()).toBe(false);
    expect(storeA.getState().canUndo).toBe(false);
    move(storeA, 'A', 0.6);
    storeA.undo();
    expect(storeA.getState().text).toContain('component A [0.50, 0.80]');
  });

  it('turns any Y.Text delta into changes that give the same text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.string({ maxLength: 5 })), { maxLength: 6 }),
        (start, edits) => {
          const doc = new Y.Doc();
          const text = doc.getText('t');
          text.insert(0, start);
          let seen = start;
          text.observe((e) => {
            seen = applyChanges(start, changesOfDelta(e.delta));
          });
          doc.transact(() => {
            for (const [at, del, ins] of edits) {
              const from = at % (text.length + 1);
              text.delete(from, Math.min(del, text.length - from));
              text.insert(from, ins);
            }
          });
          expect(seen).toBe(text.toString());
        },
      ),
    );
  });

  it('converges when both change the same line at once', () => {
    const { storeA, storeB } = room();
    storeA.dispatch([{ from: MAP.indexOf('title T') + 7, to: MAP.indexOf('title T') + 7, insert: 'ea' }], 'typing');
    storeB.dispatch([{ from: MAP.length, to: MAP.length, insert: 'component C [0.2, 0.2]\n' }], 'typing');
    expect(storeA.getState().text).toBe(storeB.getState().text);
    expect(storeA.getState().text).toMatch(/^title Tea\n[^]*component C/);
  });
});

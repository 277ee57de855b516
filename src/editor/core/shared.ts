// A live room's text bound to the editor's store. The room's Y.Text is the source of truth: the
// store's changes (a drag, a rename, a pasted map) are written to it as Yjs operations, and every
// change to it, this participant's or another's, comes back to the store as text changes. Undo is a
// Y.UndoManager that tracks only this participant's changes, so undo never takes back someone
// else's edit; a drag is one undo step however long it lasts. No React, no network.
import * as Y from 'yjs';
import type { TextChange } from '../../lang/edit.js';
import type { EditorStore, SharedText } from './store.js';

/** How close together this participant's changes are one undo step (ms): a burst of typing, as in the store. */
const CAPTURE_MS = 1000;

/** The text changes (offsets in the text before it) that a Y.Text event's delta makes. */
export function changesOfDelta(delta: Y.YTextEvent['delta']): TextChange[] {
  const out: TextChange[] = [];
  let pos = 0;
  for (const op of delta) {
    if (op.retain !== undefined) pos += op.retain;
    else if (op.delete !== undefined) {
      const last = out[out.length - 1];
      if (last && last.to === pos && last.insert === '')
        out[out.length - 1] = { from: last.from, to: pos + op.delete, insert: '' };
      else out.push({ from: pos, to: pos + op.delete, insert: '' });
      pos += op.delete;
    } else if (typeof op.insert === 'string') {
      const last = out[out.length - 1];
      if (last && last.to === pos) out[out.length - 1] = { ...last, insert: last.insert + op.insert };
      else out.push({ from: pos, to: pos, insert: op.insert });
    }
  }
  return out;
}

export interface SharedBinding extends SharedText {
  readonly undoManager: Y.UndoManager;
  /** Unbinds (the store keeps the text as it is, with a history of its own again). */
  dispose(): void;
}

/**
 * Binds `store` to `ytext`: the store takes the shared text's content now and follows it from
 * then on. `readOnly`: a view-only link (the store refuses every change; the server would too).
 */
export function bindSharedText(store: EditorStore, ytext: Y.Text, readOnly = false): SharedBinding {
  const doc = ytext.doc;
  if (!doc) throw new Error('the shared text is not in a document');
  /** The origin of the store's own writes (only these and the text editor's are undone here). */
  const storeOrigin = { name: 'mapwright-store' };
  let writing = '';
  const undoManager = new Y.UndoManager(ytext, {
    trackedOrigins: new Set<unknown>([storeOrigin]),
    captureTimeout: CAPTURE_MS,
  });
  const undoState = () => [undoManager.canUndo(), undoManager.canRedo()] as const;
  const originOf = (tr: Y.Transaction): string => {
    if (!tr.local) return 'remote';
    if (tr.origin === storeOrigin) return writing;
    if (tr.origin === undoManager) return undoManager.undoing ? 'undo' : 'redo';
    return 'typing';
  };
  const observer = (event: Y.YTextEvent, tr: Y.Transaction) => {
    const [canUndo, canRedo] = undoState();
    store.receive(changesOfDelta(event.delta), originOf(tr), canUndo, canRedo);
  };
  const onStack = () => store.setUndoState(...undoState());

  const binding: SharedBinding = {
    undoManager,
    write(changes, origin) {
      writing = origin;
      doc.transact(() => {
        // Back to front: each change's offsets are in the text before any of them.
        for (const c of [...changes].sort((a, b) => b.from - a.from)) {
          if (c.to > c.from) ytext.delete(c.from, c.to - c.from);
          if (c.insert) ytext.insert(c.from, c.insert);
        }
      }, storeOrigin);
    },
    undo() {
      undoManager.undo();
    },
    redo() {
      undoManager.redo();
    },
    beginGesture() {
      // One undo step from the press to the release, however long the pointer rests in between.
      undoManager.stopCapturing();
      undoManager.captureTimeout = Number.MAX_SAFE_INTEGER;
    },
    endGesture() {
      undoManager.captureTimeout = CAPTURE_MS;
      undoManager.stopCapturing();
    },
    dispose() {
      ytext.unobserve(observer);
      undoManager.off('stack-item-added', onStack);
      undoManager.off('stack-item-popped', onStack);
      undoManager.off('stack-cleared', onStack);
      undoManager.destroy();
      store.share(null, store.getState().text);
    },
  };
  store.share(binding, ytext.toString(), readOnly);
  ytext.observe(observer);
  undoManager.on('stack-item-added', onStack);
  undoManager.on('stack-item-popped', onStack);
  undoManager.on('stack-cleared', onStack);
  return binding;
}

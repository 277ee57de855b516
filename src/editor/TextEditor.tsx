// The map text in CodeMirror 6. The store owns the text: typing becomes store changes, and store
// changes made elsewhere (canvas, undo) are applied to the editor as the same minimal changes.
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap } from '@codemirror/commands';
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { Annotation, EditorState as CmState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { TextChange } from '../dsl/edit.js';
import { KEYWORDS } from '../dsl/parse.js';
import { mapHighlighting } from './highlight.js';
import { diffTexts } from './history.js';
import type { EditorStore } from './store.js';

/** During a drag, the text editor follows the map at most this often (ms). */
const EDITOR_DRAG_MS = 100;

/** Marks editor transactions that come from the store, so they are not sent back to it. */
const fromStoreAnnotation = Annotation.define<boolean>();

function completions(store: EditorStore) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[\w&/ -]*$/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const line = ctx.state.doc.lineAt(ctx.pos);
    const atStart = line.text.slice(0, ctx.pos - line.from).trim().indexOf(' ') < 0;
    const names = [...new Set(store.derived().model.components.map((c) => c.name))];
    const options = [
      ...(atStart ? KEYWORDS.map((k) => ({ label: k, type: 'keyword' })) : []),
      ...names.map((n) => ({ label: n, type: 'variable' })),
    ];
    const typed = line.text.slice(word.from - line.from, ctx.pos - line.from);
    const from = word.from + (typed.length - typed.trimStart().length);
    return { from, options, validFor: /^[\w&/ -]*$/ };
  };
}

export function TextEditor({ store }: { store: EditorStore }) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);

  useEffect(() => {
    const mapLinter = linter(() => store.derived().model.diagnostics.map((d): CmDiagnostic => ({
      from: d.offset, to: Math.max(d.offset, d.end), severity: d.severity, message: d.message,
    })), { delay: 150 });
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLine(),
      mapHighlighting,
      lintGutter(),
      mapLinter,
      autocompletion({ override: [completions(store)] }),
      keymap.of([
        { key: 'Mod-z', run: () => { store.undo(); return true; }, preventDefault: true },
        { key: 'Mod-Shift-z', run: () => { store.redo(); return true; }, preventDefault: true },
        { key: 'Mod-y', run: () => { store.redo(); return true; }, preventDefault: true },
        ...defaultKeymap,
      ]),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Map text', 'data-testid': 'map-text' }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged || u.transactions.some((t) => t.annotation(fromStoreAnnotation))) return;
        const changes: TextChange[] = [];
        u.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => { changes.push({ from: fromA, to: toA, insert: inserted.toString() }); });
        store.dispatch(changes, 'typing');
        synced = store.getState().text;
        syncedVersion = store.getState().version;
      }),
    ];
    // The store's text the editor last agreed with: a store change is compared with it rather
    // than with the editor's whole document turned into a string (once per frame of a drag).
    let synced = store.getState().text;
    let syncedVersion = store.getState().version;
    const view = new EditorView({ parent: host.current!, state: CmState.create({ doc: store.getState().text, extensions }) });
    viewRef.current = view;
    (window as unknown as { mapwrightEditor: EditorView }).mapwrightEditor = view; // for tests and the console
    // During a drag the text follows the canvas in a task of its own, at most every
    // EDITOR_DRAG_MS, with the changes of the frames between as one: the editor's update and the
    // layout it measures in the next frame (1 to 2 ms) then hold up few of the frames that answer
    // the pointer, not every one. The last catch-up comes at most that long after the last move.
    let deferred: ReturnType<typeof setTimeout> | null = null;
    let caughtUpAt = 0;
    const fromStore = (changes: readonly TextChange[]) => ({ changes: changes.map((c) => ({ from: c.from, to: c.to, insert: c.insert })), annotations: fromStoreAnnotation.of(true) });
    const agreed = () => { synced = store.getState().text; syncedVersion = store.getState().version; };
    /**
     * Brings the editor to the store's text by the smallest change from the text they last agreed
     * on (the whole text when the editor holds something else).
     */
    const catchUp = () => {
      deferred = null;
      caughtUpAt = performance.now();
      const text = store.getState().text;
      if (text === synced) return;
      view.dispatch(fromStore(view.state.doc.length === synced.length ? diffTexts(synced, text) : [{ from: 0, to: view.state.doc.length, insert: text }]));
      agreed();
    };
    const unsubscribe = store.subscribe(() => {
      const s = store.getState();
      if (s.text === synced) return;
      if (s.gesture) { deferred ??= setTimeout(catchUp, Math.max(0, caughtUpAt + EDITOR_DRAG_MS - performance.now())); return; }
      if (deferred !== null) { clearTimeout(deferred); deferred = null; }
      // Changes from the canvas, undo or a load that follow on from the text the editor has: apply
      // exactly those (the cursor and the selection map through them); otherwise catch up.
      const fits = s.lastChanges.length > 0 && s.lastOrigin !== 'typing' && s.version === syncedVersion + 1;
      if (fits) {
        try {
          view.dispatch(fromStore(s.lastChanges));
          if (view.state.doc.length === s.text.length) { agreed(); return; }
        } catch { /* the editor holds something else: replaced below */ }
        view.dispatch(fromStore([{ from: 0, to: view.state.doc.length, insert: s.text }]));
        agreed();
        return;
      }
      catchUp();
    });
    return () => { unsubscribe(); if (deferred !== null) clearTimeout(deferred); view.destroy(); };
  }, [store]);

  return <div className="text-editor" ref={host} />;
}

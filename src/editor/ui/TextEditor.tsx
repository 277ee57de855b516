// The map text in CodeMirror 6. The store owns the text: typing becomes store changes, and store
// changes made elsewhere (canvas, undo) are applied to the editor as the same minimal changes.
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap } from '@codemirror/commands';
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { Annotation, ChangeSet, EditorState as CmState, type Extension } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers, type ViewUpdate } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { MODIFIER_WORDS, STATEMENT_KEYWORDS } from '../../lang/words.js';
import { mapHighlighting } from './highlight.js';
import type { EditorStore } from '../core/store.js';
import { changeSetBetween, planTyping, textChangesOf } from '../core/textsync.js';

/** After this long without a key, the line being typed counts as finished (ms). */
const TYPING_PAUSE_MS = 1200;

/** During a drag, the text editor follows the map at most this often (ms). */
const EDITOR_DRAG_MS = 100;

/** Marks editor transactions that come from the store, so they are not sent back to it. */
const fromStoreAnnotation = Annotation.define<boolean>();

function completions(store: EditorStore) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[\w&/ -]*$/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const line = ctx.state.doc.lineAt(ctx.pos);
    const atStart =
      line.text
        .slice(0, ctx.pos - line.from)
        .trim()
        .indexOf(' ') < 0;
    const names = [...new Set(store.derived().model.components.map((c) => c.name))];
    const options = [
      ...(atStart
        ? STATEMENT_KEYWORDS.map((k) => ({ label: k, type: 'keyword' }))
        : MODIFIER_WORDS.map((k) => ({ label: k, type: 'keyword' }))),
      ...names.map((n) => ({ label: n, type: 'variable' })),
    ];
    const typed = line.text.slice(word.from - line.from, ctx.pos - line.from);
    const from = word.from + (typed.length - typed.trimStart().length);
    return { from, options, validFor: /^[\w&/ -]*$/ };
  };
}

/**
 * The map's text. In a live room (`live`: the binding from remote.ts) the editor is bound to the
 * room's shared text by y-codemirror.next, as the store is (core/shared.ts): both always hold the
 * same text, which the others' cursors need. Otherwise the editor and the store exchange changes.
 */
export function TextEditor({ store, live = null }: { store: EditorStore; live?: Extension | null }) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);

  useEffect(() => {
    const mapLinter = linter(
      () =>
        store.derived().model.diagnostics.map((d): CmDiagnostic => ({
          from: d.offset,
          to: Math.max(d.offset, d.end),
          severity: d.severity,
          message: d.message,
        })),
      { delay: 150 },
    );
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLine(),
      mapHighlighting,
      lintGutter(),
      mapLinter,
      autocompletion({ override: [completions(store)] }),
      keymap.of([
        {
          key: 'Mod-z',
          run: () => {
            store.undo();
            return true;
          },
          preventDefault: true,
        },
        {
          key: 'Mod-Shift-z',
          run: () => {
            store.redo();
            return true;
          },
          preventDefault: true,
        },
        {
          key: 'Mod-y',
          run: () => {
            store.redo();
            return true;
          },
          preventDefault: true,
        },
        ...defaultKeymap,
      ]),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Map text', 'data-testid': 'map-text' }),
      EditorView.updateListener.of((u) => {
        if (live) {
          // The text reached the room (and the store) through the binding; the line typed on is said.
          if (u.transactions.some((t) => t.isUserEvent('input') || t.isUserEvent('delete')))
            typingOn(u.state.doc.lineAt(u.state.selection.main.head).number);
          else if (u.selectionSet) leftLine(u);
        } else if (u.docChanged && !u.transactions.some((t) => t.annotation(fromStoreAnnotation))) typed(u);
        else if (u.selectionSet) leftLine(u);
      }),
    ];
    if (live) extensions.push(live);
    if (store.getState().readOnly) extensions.push(CmState.readOnly.of(true), EditorView.editable.of(false));
    /**
     * The store's text and version that the editor last showed. The editor is behind the store only
     * during a drag (it follows at most every EDITOR_DRAG_MS); a change the user types is never sent
     * or applied at the wrong place because of that (see textsync.ts).
     */
    let shown = store.getState().text;
    let shownVersion = store.getState().version;
    /** True while this editor's own typing is being applied to the store (its notice is ours). */
    let dispatching = false;
    const view = new EditorView({
      parent: host.current!,
      state: CmState.create({ doc: shown, extensions }),
    });
    viewRef.current = view;
    (window as unknown as { mapwrightEditor: EditorView }).mapwrightEditor = view; // for tests and the console
    let deferred: ReturnType<typeof setTimeout> | null = null;
    let caughtUpAt = 0;
    const fromStore = (changes: ChangeSet) => ({ changes, annotations: fromStoreAnnotation.of(true) });
    const settle = () => {
      if (deferred !== null) {
        clearTimeout(deferred);
        deferred = null;
      }
      caughtUpAt = performance.now();
      shown = store.getState().text;
      shownVersion = store.getState().version;
    };
    /** Brings the editor to the store's text by the smallest change (the cursor maps through it). */
    const catchUp = () => {
      const text = store.getState().text;
      const doc = view.state.doc.toString();
      if (doc !== text) view.dispatch(fromStore(changeSetBetween(doc, text)));
      settle();
    };
    // The line being typed, until the cursor leaves it or the user pauses (see EditorState.typingLine).
    let pause: ReturnType<typeof setTimeout> | null = null;
    const typingOn = (line: number | null) => {
      if (pause !== null) {
        clearTimeout(pause);
        pause = null;
      }
      store.setTypingLine(line);
      if (line !== null)
        pause = setTimeout(() => {
          pause = null;
          store.setTypingLine(null);
        }, TYPING_PAUSE_MS);
    };
    function leftLine(u: ViewUpdate): void {
      const line = store.getState().typingLine;
      if (line !== null && u.state.doc.lineAt(u.state.selection.main.head).number !== line) typingOn(null);
    }
    /** The user changed the text: the store takes exactly that change, wherever the editor was. */
    function typed(u: ViewUpdate): void {
      const plan = planTyping(u.startState.doc.toString(), store.getState().text, u.changes);
      dispatching = true;
      try {
        store.dispatch(textChangesOf(plan.toStore), 'typing');
      } finally {
        dispatching = false;
      }
      // The store took the change (the usual case), so the editor applies what it had not shown
      // yet; or it refused it (over the size limit, with a message): the editor goes back.
      if (plan.toEditor && !plan.toEditor.empty) view.dispatch(fromStore(plan.toEditor));
      catchUp();
      typingOn(view.state.doc.lineAt(view.state.selection.main.head).number);
    }
    const unsubscribe = store.subscribe(() => {
      // Live: the binding brings every change of the shared text to the editor itself.
      if (dispatching || live) return;
      const s = store.getState();
      if (s.text === shown) {
        shownVersion = s.version;
        return;
      }
      // During a drag the text follows the canvas in a task of its own, at most every
      // EDITOR_DRAG_MS, with the changes of the frames between as one: the editor's update and the
      // layout it measures would otherwise hold up the frames that answer the pointer.
      if (s.gesture) {
        deferred ??= setTimeout(catchUp, Math.max(0, caughtUpAt + EDITOR_DRAG_MS - performance.now()));
        return;
      }
      // A change from the canvas, undo or a load that follows on from what the editor shows: apply
      // exactly those changes; otherwise the smallest change to the store's text.
      if (deferred === null && s.version === shownVersion + 1 && s.lastChanges.length > 0) {
        view.dispatch(
          fromStore(
            ChangeSet.of(
              s.lastChanges.map((c) => ({ from: c.from, to: c.to, insert: c.insert })),
              shown.length,
            ),
          ),
        );
      }
      catchUp();
    });
    return () => {
      unsubscribe();
      if (deferred !== null) clearTimeout(deferred);
      if (pause !== null) clearTimeout(pause);
      view.destroy();
    };
  }, [store, live]);

  return <div className="text-editor" ref={host} />;
}

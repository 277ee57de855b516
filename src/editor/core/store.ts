// The editor's one store: the map text is the single source of truth; the syntax document, the
// model and the analysis are derived from it (incrementally, and cached per text version).
// Every change is a patch on the text, so undo/redo covers typing and canvas edits alike, and a
// gesture (a drag) is one undo step however many frames it spans. No React here.
import { produce } from 'immer';
import { analyze, diagnose, type Analysis, type Diagnosis } from '../../analysis/index.js';
import { applyChanges, type TextChange } from '../../lang/edit.js';
import { tooLargeMessage, utf8Length, withinLimit } from '../../lang/limits.js';
import { parseDoc, Parser, reparse, type SyntaxDoc } from '../../lang/parse.js';
import { buildModel } from '../../model/build/index.js';
import type { MapModel } from '../../model/model.js';
import { diffTexts, makePatch, mergePatches, type Patch } from './history.js';

export { MAX_MAP_BYTES } from '../../lang/limits.js';

/** What a change to a view-only live map is answered with. */
export const VIEW_ONLY_MESSAGE = 'This live map is view-only: ask the facilitator for the edit link to change it.';

/** The state the views read (immutable; produced with immer). */
export interface EditorState {
  readonly text: string;
  /** Increases on every text change. */
  readonly version: number;
  readonly fileName: string;
  readonly selection: readonly string[];
  /** Whether a gesture (drag) is under way. */
  readonly gesture: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** The last thing that changed the text, for listeners (`typing` changes come from the text editor itself). */
  readonly lastOrigin: string;
  readonly lastChanges: readonly TextChange[];
  readonly message: string | null;
  /**
   * The 1-based line the user is typing on, until they leave it or pause: a component on it that has
   * no coordinates yet is not drawn (it would jump onto the map at the default place mid-word).
   */
  readonly typingLine: number | null;
  /** A view made to fail on purpose (`crashView`): how the tests check that a failure stays in its view. */
  readonly failingView: string | null;
  /** A live map opened with a view-only link: nothing here may change the text. */
  readonly readOnly: boolean;
}

/**
 * A text shared with others (a live room, src/editor/core/shared.ts). While the store is bound to one,
 * the shared text is the source of truth: the store's changes are written to it, every change to
 * it (this participant's included) comes back through `receive`, and undo is the shared text's,
 * which takes back only this participant's changes.
 */
export interface SharedText {
  write(changes: readonly TextChange[], origin: string): void;
  undo(): void;
  redo(): void;
  beginGesture(): void;
  endGesture(): void;
}

export interface Derived {
  readonly doc: SyntaxDoc;
  readonly model: MapModel;
  /** The model the canvas draws: the last one without errors while the text has errors. */
  readonly shown: MapModel;
  /** True when the text has errors and the canvas shows an older map. */
  readonly stale: boolean;
  /** The findings without recommendations: what the canvas draws on each frame of a drag. */
  readonly diagnosis: Diagnosis;
  readonly analysis: Analysis;
}

type Listener = () => void;

const TYPING_BURST_MS = 1000;

export class EditorStore {
  private state: EditorState;
  private undoStack: { patch: Patch; before: string }[] = [];
  private redoStack: { patch: Patch; before: string }[] = [];
  private gestureStart: string | null = null;
  private gestureOrigin = '';
  private listeners = new Set<Listener>();
  private doc: SyntaxDoc;
  private derivedCache: { version: number; value: Derived } | null = null;
  /** The derived values of the last text without errors: what the canvas shows while the text is broken. */
  private lastGood: Derived | null = null;
  /** Reads lines; its cache makes a line typed again, or undone, cost nothing. */
  private readonly parser = new Parser();
  /** The shared text of a live room, while the store is bound to one. */
  private shared: SharedText | null = null;
  private sharedUndo = { canUndo: false, canRedo: false };

  constructor(text: string, fileName = 'untitled.owm') {
    this.doc = parseDoc(text, fileName, this.parser);
    this.state = {
      text,
      version: 0,
      fileName,
      selection: [],
      gesture: false,
      canUndo: false,
      canRedo: false,
      lastOrigin: 'load',
      lastChanges: [],
      message: null,
      typingLine: null,
      failingView: null,
      readOnly: false,
    };
  }

  getState = (): EditorState => this.state;

  /** The parsed document of the current text, kept up to date incrementally: edits read this. */
  syntax(): SyntaxDoc {
    return this.doc;
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }

  private set(recipe: (draft: { -readonly [K in keyof EditorState]: EditorState[K] }) => void): void {
    this.state = produce(this.state, recipe);
    this.emit();
  }

  /** The derived document, model and analysis of the current text (computed once per version). */
  derived(): Derived {
    const v = this.state.version;
    if (this.derivedCache && this.derivedCache.version === v) return this.derivedCache.value;
    const model = buildModel(this.doc);
    const hasErrors = model.diagnostics.some((d) => d.severity === 'error');
    // The analysis is computed on first use, so a frame that only draws the map does not wait for
    // it, and a drag frame, which draws findings but lists no recommendations, waits only for those.
    let diagnosis: Diagnosis | null = null;
    let analysis: Analysis | null = null;
    const good = hasErrors && this.lastGood ? this.lastGood : null;
    const value: Derived = {
      doc: this.doc,
      model,
      shown: good ? good.shown : model,
      stale: hasErrors,
      get diagnosis(): Diagnosis {
        if (good) return good.diagnosis;
        diagnosis ??= diagnose(model);
        return diagnosis;
      },
      get analysis(): Analysis {
        if (good) return good.analysis;
        analysis ??= analyze(model, undefined, this.diagnosis);
        return analysis;
      },
    };
    if (!hasErrors || !this.lastGood) this.lastGood = value;
    this.derivedCache = { version: v, value };
    return value;
  }

  /** Sets the text to `text`, which is the current text after `changes` (computed once by the caller). */
  private applyText(
    changes: readonly TextChange[],
    origin: string,
    text = applyChanges(this.state.text, changes),
  ): void {
    if (changes.length === 0) return;
    // Apply back to front so that earlier offsets stay valid for the incremental re-parse.
    let doc = this.doc;
    for (const c of [...changes].sort((a, b) => b.from - a.from))
      doc = reparse(doc, c.from, c.to, c.insert, this.parser);
    this.doc = doc;
    this.set((d) => {
      d.text = text;
      d.version += 1;
      d.lastOrigin = origin;
      d.lastChanges = changes as TextChange[];
      d.canUndo = this.shared ? this.sharedUndo.canUndo : this.undoStack.length > 0 || this.gestureStart !== null;
      d.canRedo = this.shared ? this.sharedUndo.canRedo : this.redoStack.length > 0;
      d.message = null;
    });
  }

  /** Applies one described change (`origin`: move, rename, typing, ...) as one undo step. */
  dispatch(changes: readonly TextChange[] | null, origin: string): boolean {
    if (!changes || changes.length === 0) return false;
    if (this.state.readOnly) {
      this.notify(VIEW_ONLY_MESSAGE);
      return false;
    }
    const before = this.state.text;
    const next = applyChanges(before, changes);
    // A change that leaves the text as it was (a drag frame that rounds to the same numbers) is
    // no change: no new version, so nothing is parsed, analysed or drawn again.
    if (next === before) return false;
    if (!withinLimit(next)) {
      this.notify(tooLargeMessage('The map', utf8Length(next), 'would be'));
      return false;
    }
    // Shared: the change comes back through `receive`, at once; the shared text keeps the undo steps.
    if (this.shared) {
      this.shared.write(changes, origin);
      return true;
    }
    // During a gesture the undo step is made once, when it ends (every frame of a drag comes here).
    if (this.gestureStart === null) {
      const patch = makePatch(before, changes, origin, Date.now());
      const last = this.undoStack[this.undoStack.length - 1];
      if (
        origin === 'typing' &&
        last &&
        last.patch.origin === 'typing' &&
        patch.time - last.patch.time < TYPING_BURST_MS
      ) {
        this.undoStack[this.undoStack.length - 1] = {
          patch: mergePatches(last.before, last.patch, patch),
          before: last.before,
        };
      } else {
        this.undoStack.push({ patch, before });
      }
    }
    this.redoStack = [];
    this.applyText(changes, origin, next);
    return true;
  }

  /** Starts a gesture: the changes until `endGesture` become one undo step. */
  beginGesture(origin: string): void {
    if (this.gestureStart !== null) return;
    this.gestureStart = this.state.text;
    this.gestureOrigin = origin;
    this.shared?.beginGesture();
    this.set((d) => {
      d.gesture = true;
    });
  }

  /** Ends the gesture and records it as one undo step (nothing when the text did not change). */
  endGesture(): void {
    if (this.gestureStart === null) return;
    const before = this.gestureStart;
    this.gestureStart = null;
    if (this.shared) {
      this.shared.endGesture();
      this.set((d) => {
        d.gesture = false;
      });
      return;
    }
    const changes = diffTexts(before, this.state.text);
    if (changes.length) {
      this.undoStack.push({ patch: makePatch(before, changes, this.gestureOrigin, Date.now()), before });
      this.redoStack = [];
    }
    this.set((d) => {
      d.gesture = false;
      d.canUndo = this.undoStack.length > 0;
      d.canRedo = this.redoStack.length > 0;
    });
  }

  undo(): void {
    if (this.gestureStart !== null) this.endGesture();
    if (this.shared) return this.shared.undo();
    const entry = this.undoStack.pop();
    if (!entry) return;
    this.redoStack.push(entry);
    this.applyText(entry.patch.inverse, 'undo');
  }

  redo(): void {
    if (this.shared) return this.shared.redo();
    const entry = this.redoStack.pop();
    if (!entry) return;
    this.undoStack.push(entry);
    this.applyText(entry.patch.changes, 'redo');
  }

  /** Whether a map of `text` can be opened (within the size limit); says why not when it cannot. */
  fits(text: string, fileName: string): boolean {
    if (withinLimit(text)) return true;
    this.notify(tooLargeMessage(fileName, utf8Length(text)));
    return false;
  }

  /** Replaces the whole text (a snapshot put back, a pasted map): undoable like any change. */
  load(text: string, fileName: string): boolean {
    if (!this.fits(text, fileName)) return false;
    const changes = diffTexts(this.state.text, text);
    this.set((d) => {
      d.fileName = fileName;
      d.selection = [];
    });
    this.dispatch(changes, 'load');
    return true;
  }

  /** Opens another map in place of this one: a document of its own, with a history of its own. */
  replaceDocument(text: string, fileName: string): boolean {
    if (!this.fits(text, fileName)) return false;
    if (this.gestureStart !== null) this.endGesture();
    this.undoStack = [];
    this.redoStack = [];
    this.lastGood = null;
    const changes = diffTexts(this.state.text, text);
    this.set((d) => {
      d.fileName = fileName;
      d.selection = [];
      d.canUndo = false;
      d.canRedo = false;
    });
    if (changes.length) this.applyText(changes, 'load', text);
    this.set((d) => {
      d.canUndo = false;
      d.canRedo = false;
    });
    return true;
  }

  /**
   * Binds the store to a shared text whose content is `text` (null: unbound, the store's own
   * history again, empty). `readOnly`: a view-only link.
   */
  share(shared: SharedText | null, text: string, readOnly = false): void {
    if (this.gestureStart !== null) this.endGesture();
    this.shared = null;
    this.undoStack = [];
    this.redoStack = [];
    const changes = diffTexts(this.state.text, text);
    if (changes.length) this.applyText(changes, 'load', text);
    this.shared = shared;
    this.sharedUndo = { canUndo: false, canRedo: false };
    this.set((d) => {
      d.readOnly = shared !== null && readOnly;
      d.canUndo = false;
      d.canRedo = false;
    });
  }

  /** A change to the shared text (anyone's, this participant's included), and its undo state after it. */
  receive(changes: readonly TextChange[], origin: string, canUndo: boolean, canRedo: boolean): void {
    this.sharedUndo = { canUndo, canRedo };
    if (changes.length) this.applyText(changes, origin);
    else this.setUndoState(canUndo, canRedo);
  }

  /** What the shared text's undo can do now. */
  setUndoState(canUndo: boolean, canRedo: boolean): void {
    this.sharedUndo = { canUndo, canRedo };
    if (this.state.canUndo !== canUndo || this.state.canRedo !== canRedo)
      this.set((d) => {
        d.canUndo = canUndo;
        d.canRedo = canRedo;
      });
  }

  /** Whether the store is bound to a live room's shared text. */
  isShared(): boolean {
    return this.shared !== null;
  }

  select(names: readonly string[]): void {
    this.set((d) => {
      d.selection = [...names];
    });
  }

  /** Says which line the user is typing on (null: none, or they paused). */
  setTypingLine(line: number | null): void {
    if (this.state.typingLine !== line)
      this.set((d) => {
        d.typingLine = line;
      });
  }

  /** Makes a view fail on purpose ('canvas', 'side', 'explain'), or none: for tests and the console. */
  crashView(view: string | null): void {
    this.set((d) => {
      d.failingView = view;
    });
  }

  notify(message: string | null): void {
    this.set((d) => {
      d.message = message;
    });
  }
}

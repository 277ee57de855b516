// What the user can do to a map, as edits on the store. The views call these; the edits themselves
// are the lossless text edits of src/lang/edit.ts.
import {
  addComponent,
  addLink,
  deleteComponent,
  moveComponent,
  moveEvolveTarget,
  moveNote,
  renameComponent,
  setKind,
  setLabel,
  setMethod,
  setStyle,
  toggleInertia,
  type MethodDecorator,
  type TextChange,
} from '../../lang/edit.js';
import type { Component, ComponentKind } from '../../model/model.js';
import { nameKey } from '../../lang/names.js';
import type { EditorStore } from './store.js';

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Whether the canvas may edit the map. Not while the text has errors: the canvas then shows the
 * last good map, and an edit made on that picture would change text the user cannot see there.
 */
export function canvasEditable(store: EditorStore): boolean {
  if (!store.derived().stale) return true;
  store.notify('The text has errors: fix the marked lines to edit on the canvas again (it shows the last good map).');
  return false;
}

/** What a drag or a key press moves. */
export type MoveTarget =
  | {
      readonly kind: 'component';
      readonly name: string;
      readonly type: Component['type'];
      readonly parent: string | null;
    }
  | { readonly kind: 'note'; readonly line: number };

/** Moves a component, anchor, pipeline child, evolved target or note to a map position. */
export function moveTo(
  store: EditorStore,
  target: MoveTarget,
  visibility: number,
  maturity: number,
  origin = 'move',
): boolean {
  if (!canvasEditable(store)) return false;
  const doc = store.syntax();
  const at = { visibility: clamp(visibility), maturity: clamp(maturity) };
  let changes: TextChange[] | null;
  if (target.kind === 'note') changes = moveNote(doc, target.line, at);
  else if (target.type === 'evolved') changes = moveEvolveTarget(doc, target.name, at.maturity);
  else changes = moveComponent(doc, target.name, at);
  return store.dispatch(changes, origin);
}

/** Moves the selected component by a step (arrow keys): left/right is evolution, up/down visibility. */
export function nudge(store: EditorStore, c: Component, dVisibility: number, dMaturity: number): boolean {
  return moveTo(
    store,
    { kind: 'component', name: c.name, type: c.type, parent: c.parent },
    c.visibility + dVisibility,
    c.maturity + dMaturity,
    'nudge',
  );
}

export function moveLabel(store: EditorStore, name: string, x: number, y: number): boolean {
  if (!canvasEditable(store)) return false;
  return store.dispatch(setLabel(store.syntax(), name, { x, y }), 'label');
}

/** Renames a component everywhere it is named. Refuses an empty name or one already taken. */
export function rename(store: EditorStore, from: string, to: string): string | null {
  const clean = to.trim();
  if (store.derived().stale) return 'The text has errors: fix the marked lines first.';
  if (clean === '') return 'A component needs a name.';
  if (nameKey(clean) === nameKey(from)) return null;
  if (store.derived().model.components.some((c) => c.key === nameKey(clean)))
    return `'${clean}' is already a component of this map.`;
  store.dispatch(renameComponent(store.syntax(), from, clean), 'rename');
  store.select([clean]);
  return null;
}

/** Adds a component at a position with a fresh name, and returns that name. */
export function addAt(store: EditorStore, visibility: number, maturity: number): string | null {
  if (!canvasEditable(store)) return null;
  const taken = new Set(store.derived().model.components.map((c) => c.key));
  let name = 'New Component';
  for (let i = 2; taken.has(name); i++) name = `New Component ${i}`;
  store.dispatch(
    addComponent(store.syntax(), name, { visibility: clamp(visibility), maturity: clamp(maturity) }),
    'add',
  );
  store.select([name]);
  return name;
}

export function link(store: EditorStore, from: string, to: string): boolean {
  if (!canvasEditable(store)) return false;
  if (nameKey(from) === nameKey(to)) return false;
  return store.dispatch(addLink(store.syntax(), from, to), 'link');
}

/** Deletes components with their links and evolve lines, as one undo step. */
export function remove(store: EditorStore, names: readonly string[]): void {
  if (!canvasEditable(store)) return;
  store.beginGesture('delete');
  for (const n of names) store.dispatch(deleteComponent(store.syntax(), n), 'delete');
  store.endGesture();
  store.select([]);
}

export function toggleInertiaOf(store: EditorStore, name: string): boolean {
  if (!canvasEditable(store)) return false;
  return store.dispatch(toggleInertia(store.syntax(), name), 'inertia');
}

export function setMethodOf(store: EditorStore, name: string, method: MethodDecorator | null): boolean {
  if (!canvasEditable(store)) return false;
  return store.dispatch(setMethod(store.syntax(), name, method), 'method');
}

/**
 * Sets a component's kind. Choosing the kind it already has by inference writes it down (makes it
 * explicit); choosing technology for a component whose name reads as technology anyway removes
 * the word.
 */
export function setKindOf(store: EditorStore, c: Component, kind: ComponentKind): boolean {
  if (!canvasEditable(store)) return false;
  const inferredAnyway = c.kindInferred && c.kind === kind && kind === 'technology';
  return store.dispatch(setKind(store.syntax(), c.name, inferredAnyway ? null : kind), 'kind');
}

/** Writes an inferred kind into the map as its decorator, so that the map says it. */
export function makeKindExplicit(store: EditorStore, c: Component): boolean {
  if (!canvasEditable(store) || !c.kindInferred) return false;
  return store.dispatch(setKind(store.syntax(), c.name, c.kind), 'kind');
}

/** Writes the map's `style` line (the style picker): one undo step, like any edit. */
export function setStyleOf(store: EditorStore, style: string): boolean {
  return store.dispatch(setStyle(store.syntax(), style), 'style');
}

// Every action of the editor in one registry: its name, keys, what it does in words, when it can
// run, and how. The toolbar, the keyboard handler, a component's context menu and the `?` overlay
// are all made from it, so a shortcut cannot be in one and missing from another. No React: what
// only the views can do (a file dialog, the canvas's zoom) is asked of the `Shell` they provide.
import { KINDS, METHODS, type ComponentKind } from '../../lang/words.js';
import type { Component } from '../../model/model.js';
import { makeKindExplicit, nudge, remove, setKindOf, setMethodOf, toggleInertiaOf } from './commands.js';
import { nudgeOf } from './gestures.js';
import type { EditorStore } from './store.js';
import { ZOOM_STEP } from './viewport.js';

/** What the views do for an action: dialogs, the canvas's view, panels. */
export interface Shell {
  newMap(): void;
  open(): void;
  save(): void;
  fit(): void;
  zoom(factor: number): void;
  share(): void;
  shareLive(): void;
  exportSvg(): void;
  exportPng(): void;
  togglePanel(): void;
  panelOpen(): boolean;
  explain(): void;
  help(): void;
  /** Closes a menu or the overlay, stops renaming or linking, clears the highlighted finding. */
  cancel(): void;
  /** Opens the rename field on a component. */
  rename(name: string): void;
  /** Opens a component's menu (at the component on the canvas). */
  openMenu(name: string): void;
}

export interface ActionContext {
  readonly store: EditorStore;
  readonly shell: Shell;
  /** What the action is for: the selected components, or the one a context menu is open on. */
  readonly targets: readonly Component[];
  /** The key press that ran it, when a key did (the arrows say which way). */
  readonly key?: { readonly key: string; readonly shiftKey: boolean };
}

type Method = (typeof METHODS)[number];

export type ActionId =
  | 'new'
  | 'open'
  | 'save'
  | 'undo'
  | 'redo'
  | 'fit'
  | 'zoom-in'
  | 'zoom-out'
  | 'share'
  | 'share-live'
  | 'svg'
  | 'png'
  | 'panel'
  | 'explain'
  | 'help'
  | 'rename'
  | 'menu'
  | 'delete'
  | 'nudge'
  | 'nudge-far'
  | 'escape'
  | 'inertia'
  | `method-${Method}`
  | `kind-${ComponentKind}`
  | 'make-explicit';

export interface Action {
  readonly id: ActionId;
  /** Its name in the overlay and the menu; `caption` names it where it depends on the map. */
  readonly label: string;
  readonly caption?: (ctx: ActionContext) => string;
  /** Key combinations, as people write them (`Ctrl+Shift+L`; Ctrl is Cmd on a Mac). */
  readonly keys: readonly string[];
  readonly title: string;
  /** Where it is offered besides its keys: a toolbar button, an item of a component's menu. */
  readonly toolbar?: boolean;
  readonly menu?: boolean;
  /**
   * `global`: the keys work everywhere, even in the text; `map`: not while typing in the text or a
   * field (the text editor has its own undo, arrows and delete, bound to the same store).
   */
  readonly scope: 'global' | 'map';
  /** Whether it can run now. A key press of an action that cannot run is left to the page. */
  readonly enabled?: (ctx: ActionContext) => boolean;
  /** For choices (a method, a kind): whether it is the one chosen. */
  readonly checked?: (ctx: ActionContext) => boolean;
  /** A remark beside a menu item, with its reason (an inferred kind). */
  readonly note?: (ctx: ActionContext) => { readonly text: string; readonly title: string } | null;
  readonly run: (ctx: ActionContext) => void;
}

const one = (ctx: ActionContext): Component | null => (ctx.targets.length === 1 ? ctx.targets[0]! : null);
const some = (ctx: ActionContext) => ctx.targets.length > 0;
const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

const shell = (
  id: ActionId,
  label: string,
  keys: readonly string[],
  title: string,
  run: (s: Shell) => void,
  more: Partial<Action> = {},
): Action => ({ id, label, keys, title, toolbar: true, scope: 'global', run: (ctx) => run(ctx.shell), ...more });

const methodAction = (m: Method): Action => ({
  id: `method-${m}`,
  label: `Method: ${m}`,
  keys: [],
  title: `Mark the component as ${m === 'build' ? 'built' : m === 'buy' ? 'bought' : 'outsourced'} (again: unmark it)`,
  menu: true,
  scope: 'map',
  enabled: (ctx) => one(ctx) != null,
  checked: (ctx) => one(ctx)?.method === m,
  run: (ctx) => {
    const c = one(ctx);
    if (c) setMethodOf(ctx.store, c.name, c.method === m ? null : m);
  },
});

const kindAction = (k: ComponentKind): Action => ({
  id: `kind-${k}`,
  label: `Kind: ${k}`,
  keys: [],
  title: `Say the component is ${k === 'knowledge' ? '' : 'a '}${k}`,
  menu: true,
  scope: 'map',
  enabled: (ctx) => one(ctx) != null,
  checked: (ctx) => one(ctx)?.kind === k,
  note: (ctx) => {
    const c = one(ctx);
    return c?.kind === k && c.kindInferred ? { text: '(inferred)', title: c.kindReason } : null;
  },
  run: (ctx) => {
    const c = one(ctx);
    if (c) setKindOf(ctx.store, c, k);
  },
});

export const ACTIONS: readonly Action[] = [
  shell(
    'new',
    'New map',
    ['Ctrl+Alt+N'],
    'Start a new map beside the others (the open one stays in Recent maps)',
    (s) => s.newMap(),
    { toolbar: false },
  ),
  shell('open', 'Open', ['Ctrl+O'], 'Open a .owm or .wm file (or drop one on the window)', (s) => s.open()),
  shell('save', 'Save', ['Ctrl+S'], 'Save the map text', (s) => s.save()),
  {
    id: 'undo',
    label: 'Undo',
    keys: ['Ctrl+Z'],
    title: 'Undo the last change (text or canvas)',
    toolbar: true,
    scope: 'map',
    enabled: (ctx) => ctx.store.getState().canUndo,
    run: (ctx) => ctx.store.undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    title: 'Redo',
    toolbar: true,
    scope: 'map',
    enabled: (ctx) => ctx.store.getState().canRedo,
    run: (ctx) => ctx.store.redo(),
  },
  shell('fit', 'Fit', ['Ctrl+0'], 'Fit the map to the screen', (s) => s.fit()),
  shell('zoom-in', 'Zoom in', ['Ctrl+='], 'Zoom in (or the mouse wheel)', (s) => s.zoom(ZOOM_STEP), {
    toolbar: false,
    scope: 'map',
  }),
  shell('zoom-out', 'Zoom out', ['Ctrl+-'], 'Zoom out (or the mouse wheel)', (s) => s.zoom(1 / ZOOM_STEP), {
    toolbar: false,
    scope: 'map',
  }),
  shell('share', 'Share link', ['Ctrl+Shift+L'], 'Copy a link that carries this map', (s) => s.share()),
  shell(
    'share-live',
    'Share live',
    ['Ctrl+Alt+L'],
    'Edit this map with others, live: makes a room and gives an edit link and a view-only link',
    (s) => s.shareLive(),
  ),
  shell('svg', 'Export SVG', ['Ctrl+Shift+S'], 'Download the map as SVG', (s) => s.exportSvg()),
  shell('png', 'Export PNG', ['Ctrl+Shift+P'], 'Download the map as a high-resolution PNG', (s) => s.exportPng()),
  shell('panel', 'Analysis', ['Ctrl+.'], 'Show or hide the analysis panel', (s) => s.togglePanel(), {
    caption: (ctx) => (ctx.shell.panelOpen() ? 'Hide analysis' : 'Show analysis'),
  }),
  shell(
    'explain',
    'Explain',
    ['F5'],
    'Present the top moves, then every finding, one at a time (arrows or a clicker; Esc leaves)',
    (s) => s.explain(),
  ),
  shell('help', 'Shortcuts', ['?'], 'List every shortcut and gesture', (s) => s.help(), {
    caption: () => '?',
    scope: 'map',
  }),
  {
    id: 'inertia',
    label: 'Inertia',
    caption: (ctx) => (one(ctx)?.inertia ? 'Remove inertia' : 'Add inertia'),
    keys: [],
    title: 'Mark or unmark the component as resisting change',
    menu: true,
    scope: 'map',
    enabled: (ctx) => one(ctx) != null,
    run: (ctx) => {
      const c = one(ctx);
      if (c) toggleInertiaOf(ctx.store, c.name);
    },
  },
  ...METHODS.map(methodAction),
  ...KINDS.map(kindAction),
  {
    id: 'make-explicit',
    label: 'Make the kind explicit',
    caption: (ctx) => `Make explicit: write (${one(ctx)?.kind ?? ''})`,
    keys: [],
    title: 'Write the inferred kind into the map, so that the map says it',
    menu: true,
    scope: 'map',
    enabled: (ctx) => {
      const c = one(ctx);
      return c != null && c.kindInferred && c.kind !== 'technology';
    },
    note: (ctx) => {
      const c = one(ctx);
      return c ? { text: `(${c.kindReason})`, title: c.kindReason } : null;
    },
    run: (ctx) => {
      const c = one(ctx);
      if (c) makeKindExplicit(ctx.store, c);
    },
  },
  {
    id: 'menu',
    label: 'Component menu',
    keys: ['Shift+F10', 'ContextMenu'],
    title: "Open the selected component's menu (as a right-click does): arrows move, Enter chooses",
    scope: 'map',
    enabled: (ctx) => one(ctx) != null,
    run: (ctx) => {
      const c = one(ctx);
      if (c) ctx.shell.openMenu(c.name);
    },
  },
  {
    id: 'rename',
    label: 'Rename…',
    keys: ['F2'],
    title: 'Rename the selected component everywhere it is named',
    menu: true,
    scope: 'map',
    enabled: (ctx) => one(ctx) != null,
    run: (ctx) => {
      const c = one(ctx);
      if (c) ctx.shell.rename(c.name);
    },
  },
  {
    id: 'delete',
    label: 'Delete',
    keys: ['Delete', 'Backspace'],
    title: 'Delete the selected components with their links',
    menu: true,
    scope: 'map',
    enabled: some,
    run: (ctx) =>
      remove(
        ctx.store,
        ctx.targets.map((c) => c.name),
      ),
  },
  {
    id: 'nudge',
    label: 'Move',
    keys: ARROWS,
    title: 'Move the selected component (left/right: evolution; up/down: visibility)',
    scope: 'map',
    enabled: nudgeable,
    run: (ctx) => arrowMove(ctx),
  },
  {
    id: 'nudge-far',
    label: 'Move further',
    keys: ARROWS.map((k) => `Shift+${k}`),
    title: 'Move the selected component in larger steps',
    scope: 'map',
    enabled: nudgeable,
    run: (ctx) => arrowMove(ctx),
  },
  {
    id: 'escape',
    label: 'Cancel',
    keys: ['Escape'],
    title: 'Close a menu, stop renaming or linking, clear the highlighted finding',
    scope: 'map',
    run: (ctx) => ctx.shell.cancel(),
  },
];

/** One component selected, and no drag under way (the pointer has it then). */
function nudgeable(ctx: ActionContext): boolean {
  return one(ctx) != null && !ctx.store.getState().gesture;
}

function arrowMove(ctx: ActionContext): void {
  const c = one(ctx);
  const n = ctx.key && nudgeOf(ctx.key.key, ctx.key.shiftKey);
  if (c && n) nudge(ctx.store, c, n.dVisibility, n.dMaturity);
}

/** Whether an action can run in a context (an action without a condition always can). */
export const canRun = (a: Action, ctx: ActionContext): boolean => a.enabled?.(ctx) ?? true;

/** An action by its id. */
export const actionById = (id: ActionId): Action => ACTIONS.find((a) => a.id === id)!;

/** What a button's tooltip says of its action: what it does, and its keys. */
export const tooltipOf = (a: Action): string => (a.keys.length ? `${a.title} (${a.keys.join(' or ')})` : a.title);

/** What an action is called where it is offered. */
export const captionOf = (a: Action, ctx: ActionContext): string => a.caption?.(ctx) ?? a.label;

/** The items of a component's context menu that can run on it, in the registry's order. */
export const menuFor = (ctx: ActionContext): Action[] => ACTIONS.filter((a) => a.menu && canRun(a, ctx));

/** Runs the action a key event is for, if it can run; says whether it did (then the page's default is not wanted). */
export function runKey(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  inText: boolean,
  ctx: Omit<ActionContext, 'key'>,
): Action | null {
  const a = actionFor(e, inText);
  const withKey = { ...ctx, key: { key: e.key, shiftKey: e.shiftKey } };
  if (!a || !canRun(a, withKey)) return null;
  a.run(withKey);
  return a;
}

/** What the pointer does on the canvas: listed in the `?` overlay beside the keys. */
export const GESTURES: readonly { readonly gesture: string; readonly does: string }[] = [
  {
    gesture: 'Drag a component',
    does: 'move it (Shift: along evolution only); its label, notes and evolve targets drag too',
  },
  { gesture: 'Click / Shift+click', does: 'select / add to the selection' },
  { gesture: 'Shift+drag on the background', does: 'select the components in a box' },
  { gesture: 'Double-click a component', does: 'rename it everywhere' },
  { gesture: 'Double-click the background', does: 'add a component there' },
  { gesture: 'Ctrl+click, then Ctrl+click', does: 'link the first to the second (it needs it)' },
  { gesture: 'Right-click a component', does: 'inertia, method, kind, rename, delete' },
  { gesture: 'Wheel / drag the background', does: 'zoom / pan' },
];

interface Combo {
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly key: string;
}

/** `Ctrl+Shift+L` as the parts a key event is compared with. */
export function parseKeys(keys: string): Combo {
  const parts = keys.split('+');
  // `Ctrl+=`, `Ctrl+-`, `?`: the last part is the key, even when it is a sign.
  const key = keys.endsWith('++') ? '+' : parts[parts.length - 1]!;
  const mods = new Set(parts.slice(0, -1).map((p) => p.toLowerCase()));
  return {
    mod: mods.has('ctrl') || mods.has('cmd'),
    shift: mods.has('shift'),
    alt: mods.has('alt'),
    key: key.length === 1 ? key.toLowerCase() : key,
  };
}

/** The event's key as the combos name it (letters in lower case; `+` for `=` with Shift on most layouts too). */
function eventKey(e: Pick<KeyboardEvent, 'key' | 'code'>): string {
  return e.key.length === 1 ? e.key.toLowerCase() : e.key;
}

/** Whether a key event is one of an action's combinations. */
export function matches(
  def: Action,
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): boolean {
  const key = eventKey(e);
  return def.keys.some((k) => {
    const c = parseKeys(k);
    // A printable sign (`?`, `=`) is typed with or without Shift depending on the layout: Shift is
    // then not compared.
    const sign = c.key.length === 1 && !/[a-z0-9]/.test(c.key);
    return (
      c.key === key && c.mod === (e.ctrlKey || e.metaKey) && c.alt === e.altKey && (sign || c.shift === e.shiftKey)
    );
  });
}

/** The first action a key event is for, in `scope` (`inText`: focus is in the text or a field). */
export function actionFor(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  inText: boolean,
): Action | null {
  for (const def of ACTIONS) {
    if (inText && def.scope === 'map') continue;
    if (matches(def, e)) return def;
  }
  return null;
}

/** Keys as shown to people: `Ctrl` becomes `⌘` on a Mac. */
export function showKeys(keys: string, mac: boolean): string {
  return mac
    ? keys
        .replace(/Ctrl\+/g, '⌘')
        .replace(/Alt\+/g, '⌥')
        .replace(/Shift\+/g, '⇧')
    : keys;
}

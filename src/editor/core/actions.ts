// Every action of the editor in one list: its name, its keys and what it does, in words. The
// toolbar, the keyboard handler and the `?` overlay are all made from this list, so a shortcut
// cannot be in one and missing from another. No React.

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
  | 'delete'
  | 'nudge'
  | 'nudge-far'
  | 'escape';

export interface ActionDef {
  readonly id: ActionId;
  readonly label: string;
  /** Key combinations, as people write them (`Ctrl+Shift+L`; Ctrl is Cmd on a Mac). */
  readonly keys: readonly string[];
  readonly title: string;
  /** Shown as a toolbar button. */
  readonly toolbar: boolean;
  /**
   * `global`: the keys work everywhere, even in the text; `map`: not while typing in the text or a
   * field (the text editor has its own undo, arrows and delete, bound to the same store).
   */
  readonly scope: 'global' | 'map';
}

export const ACTION_DEFS: readonly ActionDef[] = [
  {
    id: 'new',
    label: 'New map',
    keys: ['Ctrl+Alt+N'],
    title: 'Start a new map beside the others (the open one stays in Recent maps)',
    toolbar: false,
    scope: 'global',
  },
  {
    id: 'open',
    label: 'Open',
    keys: ['Ctrl+O'],
    title: 'Open a .owm or .wm file (or drop one on the window)',
    toolbar: true,
    scope: 'global',
  },
  { id: 'save', label: 'Save', keys: ['Ctrl+S'], title: 'Save the map text', toolbar: true, scope: 'global' },
  {
    id: 'undo',
    label: 'Undo',
    keys: ['Ctrl+Z'],
    title: 'Undo the last change (text or canvas)',
    toolbar: true,
    scope: 'map',
  },
  { id: 'redo', label: 'Redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], title: 'Redo', toolbar: true, scope: 'map' },
  { id: 'fit', label: 'Fit', keys: ['Ctrl+0'], title: 'Fit the map to the screen', toolbar: true, scope: 'global' },
  {
    id: 'zoom-in',
    label: 'Zoom in',
    keys: ['Ctrl+='],
    title: 'Zoom in (or the mouse wheel)',
    toolbar: false,
    scope: 'map',
  },
  {
    id: 'zoom-out',
    label: 'Zoom out',
    keys: ['Ctrl+-'],
    title: 'Zoom out (or the mouse wheel)',
    toolbar: false,
    scope: 'map',
  },
  {
    id: 'share',
    label: 'Share link',
    keys: ['Ctrl+Shift+L'],
    title: 'Copy a link that carries this map',
    toolbar: true,
    scope: 'global',
  },
  {
    id: 'share-live',
    label: 'Share live',
    keys: ['Ctrl+Alt+L'],
    title: 'Edit this map with others, live: makes a room and gives an edit link and a view-only link',
    toolbar: true,
    scope: 'global',
  },
  {
    id: 'svg',
    label: 'Export SVG',
    keys: ['Ctrl+Shift+S'],
    title: 'Download the map as SVG',
    toolbar: true,
    scope: 'global',
  },
  {
    id: 'png',
    label: 'Export PNG',
    keys: ['Ctrl+Shift+P'],
    title: 'Download the map as a high-resolution PNG',
    toolbar: true,
    scope: 'global',
  },
  {
    id: 'panel',
    label: 'Analysis',
    keys: ['Ctrl+.'],
    title: 'Show or hide the analysis panel',
    toolbar: true,
    scope: 'global',
  },
  {
    id: 'explain',
    label: 'Explain',
    keys: ['F5'],
    title: 'Present the top moves, then every finding, one at a time (arrows or a clicker; Esc leaves)',
    toolbar: true,
    scope: 'global',
  },
  {
    id: 'help',
    label: 'Shortcuts',
    keys: ['?'],
    title: 'List every shortcut and gesture',
    toolbar: true,
    scope: 'map',
  },
  {
    id: 'delete',
    label: 'Delete',
    keys: ['Delete', 'Backspace'],
    title: 'Delete the selected components with their links',
    toolbar: false,
    scope: 'map',
  },
  {
    id: 'nudge',
    label: 'Move',
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'],
    title: 'Move the selected component (left/right: evolution; up/down: visibility)',
    toolbar: false,
    scope: 'map',
  },
  {
    id: 'nudge-far',
    label: 'Move further',
    keys: ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown'],
    title: 'Move the selected component in larger steps',
    toolbar: false,
    scope: 'map',
  },
  {
    id: 'escape',
    label: 'Cancel',
    keys: ['Escape'],
    title: 'Close a menu, stop renaming or linking, clear the highlighted finding',
    toolbar: false,
    scope: 'map',
  },
];

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
  def: ActionDef,
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
): ActionDef | null {
  for (const def of ACTION_DEFS) {
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

// The action registry: every combination belongs to one action, key events find it, and each
// action says when it can run and runs on the store or asks the views (a recording shell here).
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  actionFor,
  canRun,
  captionOf,
  menuFor,
  parseKeys,
  runKey,
  type ActionContext,
  type Shell,
} from '../../src/editor/core/actions.js';
import { NUDGE } from '../../src/editor/core/gestures.js';
import { EditorStore } from '../../src/editor/core/store.js';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k,
  code: '',
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('actions', () => {
  it('gives no combination to two actions', () => {
    const seen = new Map<string, string>();
    for (const a of ACTIONS)
      for (const k of a.keys) {
        const c = JSON.stringify(parseKeys(k));
        expect(seen.get(c), `${k} of ${a.id}`).toBeUndefined();
        seen.set(c, a.id);
      }
  });

  it('finds the action of a key event, Ctrl or Cmd alike, and Shift telling apart', () => {
    expect(actionFor(key('s', { ctrl: true }), false)?.id).toBe('save');
    expect(actionFor(key('S', { meta: true, shift: true }), false)?.id).toBe('svg');
    expect(actionFor(key('y', { ctrl: true }), false)?.id).toBe('redo');
    expect(actionFor(key('F5'), false)?.id).toBe('explain');
    expect(actionFor(key('?', { shift: true }), false)?.id).toBe('help');
    expect(actionFor(key('ArrowLeft', { shift: true }), false)?.id).toBe('nudge-far');
    expect(actionFor(key('s'), false)).toBeNull();
  });

  it('leaves the map keys to the text editor while typing, and keeps the global ones', () => {
    expect(actionFor(key('z', { ctrl: true }), true)).toBeNull();
    expect(actionFor(key('Delete'), true)).toBeNull();
    expect(actionFor(key('?', { shift: true }), true)).toBeNull();
    expect(actionFor(key('o', { ctrl: true }), true)?.id).toBe('open');
  });
});

const MAP =
  'title T\ncomponent Cup [0.80, 0.30]\ncomponent Kettle [0.50, 0.40]\ncomponent Training Data [0.3, 0.5]\nCup->Kettle\n';

/** An editor without views: the store, and a shell that records what it was asked. */
function editor(text = MAP) {
  const store = new EditorStore(text);
  const asked: string[] = [];
  let panel = true;
  const shell = new Proxy({} as Shell, {
    get: (_t, name: string) =>
      name === 'panelOpen'
        ? () => panel
        : (...args: unknown[]) => {
            if (name === 'togglePanel') panel = !panel;
            asked.push(args.length ? `${name} ${args.join(' ')}` : name);
          },
  });
  const ctx = (names: readonly string[] = store.getState().selection): ActionContext => ({
    store,
    shell,
    targets: store.derived().model.components.filter((c) => names.includes(c.name)),
  });
  const action = (id: string) => ACTIONS.find((a) => a.id === id)!;
  return { store, asked, ctx, action };
}

describe('what the actions do', () => {
  it('undoes and redoes only when there is something to undo or redo', () => {
    const { store, ctx, action } = editor();
    expect(canRun(action('undo'), ctx())).toBe(false);
    store.select(['Cup']);
    expect(runKey(key('ArrowRight'), false, ctx())?.id).toBe('nudge');
    expect(store.getState().text).toContain('component Cup [0.80, 0.31]');
    expect(canRun(action('undo'), ctx())).toBe(true);
    action('undo').run(ctx());
    expect(store.getState().text).toBe(MAP);
    expect(canRun(action('redo'), ctx())).toBe(true);
  });

  it('leaves arrows and Delete to the page without a selection', () => {
    const { store, ctx } = editor();
    expect(runKey(key('ArrowUp'), false, ctx())).toBeNull();
    expect(runKey(key('Delete'), false, ctx())).toBeNull();
    expect(store.getState().text).toBe(MAP);
  });

  it('nudges the one selected component by a step each way, further with Shift, and not during a drag', () => {
    const { store, ctx } = editor();
    const at = () => store.derived().model.components.find((c) => c.name === 'Cup')!;
    store.select(['Cup']);
    const moves: [string, boolean, number, number][] = [
      ['ArrowRight', false, 0, NUDGE.step],
      ['ArrowLeft', true, 0, -NUDGE.far],
      ['ArrowUp', false, NUDGE.step, 0],
      ['ArrowDown', true, -NUDGE.far, 0],
    ];
    for (const [k, shift, dv, dm] of moves) {
      const before = at();
      runKey(key(k, { shift }), false, ctx());
      expect(at().visibility - before.visibility, k).toBeCloseTo(dv, 9);
      expect(at().maturity - before.maturity, k).toBeCloseTo(dm, 9);
    }
    store.select(['Cup', 'Kettle']);
    expect(runKey(key('ArrowRight'), false, ctx()), 'two selected').toBeNull();
    store.select(['Cup']);
    store.beginGesture('move');
    expect(runKey(key('ArrowRight'), false, ctx()), 'the pointer has it').toBeNull();
    store.endGesture();
  });

  it('moves further with Shift, and deletes the selection with its links as one step', () => {
    const { store, ctx } = editor();
    store.select(['Kettle']);
    runKey(key('ArrowUp', { shift: true }), false, ctx());
    expect(store.getState().text).toContain('component Kettle [0.55, 0.40]');
    store.select(['Cup', 'Kettle']);
    expect(runKey(key('Backspace'), false, ctx())?.id).toBe('delete');
    expect(store.getState().text).not.toMatch(/Cup|Kettle/);
    store.undo();
    expect(store.getState().text).toContain('Cup->Kettle');
  });

  it('asks the views for what only they can do, and captions the panel button by its state', () => {
    const { asked, ctx, action } = editor();
    expect(captionOf(action('panel'), ctx())).toBe('Hide analysis');
    runKey(key('.', { ctrl: true }), false, ctx());
    expect(captionOf(action('panel'), ctx())).toBe('Show analysis');
    runKey(key('=', { ctrl: true }), false, ctx());
    runKey(key('s', { ctrl: true }), true, ctx());
    expect(asked).toEqual(['togglePanel', 'zoom 1.25', 'save']);
  });

  it("makes a component's context menu: inertia, methods, kinds with the inferred one, rename, delete", () => {
    const { store, asked, ctx } = editor();
    const menu = (name: string) => menuFor(ctx([name]));
    const items = menu('Training Data');
    expect(items.map((a) => captionOf(a, ctx(['Training Data'])))).toEqual([
      'Add inertia',
      'Method: build',
      'Method: buy',
      'Method: outsource',
      'Kind: technology',
      'Kind: practice',
      'Kind: capability',
      'Kind: data',
      'Kind: knowledge',
      'Make explicit: write (data)',
      'Rename…',
      'Delete',
    ]);
    const data = items.find((a) => a.id === 'kind-data')!;
    expect(data.checked?.(ctx(['Training Data']))).toBe(true);
    expect(data.note?.(ctx(['Training Data']))?.text).toBe('(inferred)');
    // Nothing inferred to write down for a component read as technology.
    expect(menu('Kettle').some((a) => a.id === 'make-explicit')).toBe(false);

    items.find((a) => a.id === 'make-explicit')!.run(ctx(['Training Data']));
    expect(store.getState().text).toContain('component Training Data [0.3, 0.5] (data)');
    menu('Kettle')
      .find((a) => a.id === 'method-buy')!
      .run(ctx(['Kettle']));
    expect(store.getState().text).toContain('component Kettle [0.50, 0.40] (buy)');
    expect(
      menu('Kettle')
        .find((a) => a.id === 'method-buy')!
        .checked?.(ctx(['Kettle'])),
    ).toBe(true);
    menu('Cup')
      .find((a) => a.id === 'inertia')!
      .run(ctx(['Cup']));
    expect(captionOf(menu('Cup')[0]!, ctx(['Cup']))).toBe('Remove inertia');
    menu('Cup')
      .find((a) => a.id === 'rename')!
      .run(ctx(['Cup']));
    expect(asked).toEqual(['rename Cup']);
  });

  it('renames the selected component with F2, and not two at once', () => {
    const { store, asked, ctx } = editor();
    store.select(['Cup', 'Kettle']);
    expect(runKey(key('F2'), false, ctx())).toBeNull();
    store.select(['Cup']);
    expect(runKey(key('F2'), false, ctx())?.id).toBe('rename');
    expect(asked).toEqual(['rename Cup']);
  });
});

// The action list: every combination belongs to one action, and key events find it.
import { describe, expect, it } from 'vitest';
import { ACTION_DEFS, actionFor, parseKeys } from '../../src/editor/core/actions.js';

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
    for (const a of ACTION_DEFS)
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

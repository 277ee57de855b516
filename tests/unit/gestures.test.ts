// The canvas's gestures, without a browser: pointer samples in, effects out.
import { describe, expect, it } from 'vitest';
import { CanvasGestures, componentsInBox } from '../../src/editor/core/gestures.js';
import { parseMap } from '../../src/model/build/index.js';

const none = { shift: false, ctrl: false };
const shift = { shift: true, ctrl: false };
const ctrl = { shift: false, ctrl: true };

describe('canvas gestures', () => {
  it('a click selects one component; shift-click adds and removes; a click on the background clears', () => {
    const g = new CanvasGestures();
    expect(g.click('A', none)).toEqual([{ type: 'select', names: ['A'] }]);
    expect(g.click('B', shift)).toEqual([{ type: 'select', names: ['A', 'B'] }]);
    expect(g.click('A', shift)).toEqual([{ type: 'select', names: ['B'] }]);
    expect(g.clickBackground()).toEqual([
      { type: 'select', names: [] },
      { type: 'link-mode', from: null },
    ]);
    expect(g.selection).toEqual([]);
  });

  it('a drag moves the component with the pointer, as one gesture', () => {
    const g = new CanvasGestures();
    expect(g.dragStart('Kettle', 'component', { x: 100, y: 200 })).toEqual([
      { type: 'begin', name: 'Kettle' },
      { type: 'select', names: ['Kettle'] },
    ]);
    expect(g.busy).toBe(true);
    expect(g.dragMove({ x: 130, y: 170 }, none)).toEqual([
      { type: 'move', name: 'Kettle', type_: 'component', at: { x: 130, y: 170 } },
    ]);
    expect(g.dragEnd()).toEqual([{ type: 'end' }]);
    expect(g.busy).toBe(false);
    expect(g.dragMove({ x: 1, y: 1 }, none)).toEqual([]);
  });

  it('a drag with shift held keeps to the evolution line; so do evolved targets and pipeline components', () => {
    const g = new CanvasGestures();
    g.dragStart('Kettle', 'component', { x: 100, y: 200 });
    expect(g.dragMove({ x: 150, y: 120 }, shift)).toMatchObject([{ at: { x: 150, y: 200 } }]);
    expect(g.dragMove({ x: 160, y: 120 }, none)).toMatchObject([{ at: { x: 160, y: 120 } }]);
    g.dragEnd();
    for (const type of ['evolved', 'pipeline-child'] as const) {
      g.dragStart('X', type, { x: 10, y: 50 });
      expect(g.dragMove({ x: 40, y: 5 }, none)).toMatchObject([{ type_: type, at: { x: 40, y: 50 } }]);
      g.dragEnd();
    }
  });

  it('shift-drag on the background draws a box and selects what it holds, in either direction', () => {
    const g = new CanvasGestures();
    expect(g.backgroundDown({ x: 300, y: 300 }, none)).toEqual([]);
    expect(g.backgroundDown({ x: 300, y: 300 }, shift)).toEqual([
      { type: 'box', box: { x0: 300, y0: 300, x1: 300, y1: 300 } },
    ]);
    expect(g.pointerMove({ x: 100, y: 400 })).toEqual([{ type: 'box', box: { x0: 300, y0: 300, x1: 100, y1: 400 } }]);
    expect(g.pointerUp()).toEqual([
      { type: 'box', box: null },
      { type: 'select-box', box: { x0: 100, y0: 300, x1: 300, y1: 400 } },
    ]);
    // The release makes a click on the background too: it does not undo the box's selection.
    expect(g.clickBackground()).toEqual([]);
    expect(g.pointerMove({ x: 0, y: 0 })).toEqual([]);
    expect(g.pointerUp()).toEqual([]);
    g.backgroundDown({ x: 0, y: 0 }, none);
    expect(g.clickBackground()).toEqual([
      { type: 'select', names: [] },
      { type: 'link-mode', from: null },
    ]);
  });

  it('a box holds the components between its corners, edges included, and no evolved copy', () => {
    const m = parseMap(
      'component In [0.6, 0.3]\ncomponent Edge [0.5, 0.5]\ncomponent Out [0.2, 0.3]\nevolve In 0.45\n',
    );
    expect(
      componentsInBox(m.components, { visibility: 0.7, maturity: 0.2 }, { visibility: 0.5, maturity: 0.5 }),
    ).toEqual(['In', 'Edge']);
  });

  it('link mode: ctrl-click a source, then ctrl-click the target; a plain click or Escape leaves it', () => {
    const g = new CanvasGestures();
    expect(g.click('User', ctrl)).toEqual([
      { type: 'link-mode', from: 'User' },
      { type: 'select', names: ['User'] },
    ]);
    expect(g.linkFrom).toBe('User');
    expect(g.click('Tea', ctrl)).toEqual([
      { type: 'link', from: 'User', to: 'Tea' },
      { type: 'link-mode', from: null },
      { type: 'select', names: ['Tea'] },
    ]);
    g.click('User', ctrl);
    expect(g.click('User', ctrl)).toEqual([
      { type: 'link-mode', from: 'User' },
      { type: 'select', names: ['User'] },
    ]);
    expect(g.click('Tea', none)).toEqual([
      { type: 'link-mode', from: null },
      { type: 'select', names: ['Tea'] },
    ]);
    g.click('User', ctrl);
    expect(g.cancel()).toEqual([{ type: 'link-mode', from: null }]);
    expect(g.cancel()).toEqual([]);
  });

  it('a label dropped somewhere is an offset from its component', () => {
    const g = new CanvasGestures();
    expect(g.labelDrop('DataOps', { x: 200, y: 100 }, { x: 242, y: 96 })).toEqual([
      { type: 'label', name: 'DataOps', offset: { x: 42, y: -4 } },
    ]);
  });
});

// A drag's edits without a browser: one edit per frame, the latest move wins, the drop applies the
// last move and closes one undo step. And the zoom's arithmetic.
import { describe, expect, it } from 'vitest';
import { FrameEdits, type FrameClock } from '../../src/editor/core/frames.js';
import { EditorStore } from '../../src/editor/core/store.js';
import { FIT, unzoom, zoom, zoomAbout } from '../../src/editor/core/viewport.js';

const MAP = 'title T\ncomponent A [0.50, 0.30]\ncomponent B [0.40, 0.20]\nA->B\n';
const A = { kind: 'component', name: 'A', type: 'component', parent: null } as const;

/** A frame clock the test advances by hand. */
function manualClock() {
  let next = 1;
  const waiting = new Map<number, () => void>();
  const clock: FrameClock = {
    request: (f) => {
      waiting.set(next, f);
      return next++;
    },
    cancel: (h) => void waiting.delete(h),
  };
  const frame = () => {
    const now = [...waiting.values()];
    waiting.clear();
    for (const f of now) f();
  };
  return { clock, frame, waiting };
}

describe('a drag, frame by frame', () => {
  it('applies the first move of a frame at once and only the last of the others, at the next frame', () => {
    const store = new EditorStore(MAP);
    const { clock, frame } = manualClock();
    const edits = new FrameEdits(store, clock);
    store.beginGesture('move');
    edits.move(A, 0.5, 0.4);
    expect(store.getState().text).toContain('component A [0.50, 0.40]');
    edits.move(A, 0.5, 0.45);
    edits.move(A, 0.6, 0.5);
    expect(store.getState().version, 'one edit in this frame').toBe(1);
    frame();
    expect(store.getState().text).toContain('component A [0.60, 0.50]');
    expect(store.getState().version).toBe(2);
    frame();
    expect(edits.busy, 'no moves: the frames stop').toBe(false);
    edits.move(A, 0.6, 0.55);
    expect(store.getState().text, 'the next move is applied at once again').toContain('[0.60, 0.55]');
  });

  it('applies the last move on drop, without waiting for a frame, as one undo step', () => {
    const store = new EditorStore(MAP);
    const { clock, waiting } = manualClock();
    const edits = new FrameEdits(store, clock);
    store.beginGesture('move');
    edits.move(A, 0.5, 0.4);
    edits.move(A, 0.5, 0.9);
    edits.end();
    expect(waiting.size, 'the pending frame is cancelled').toBe(0);
    expect(store.getState().text).toContain('component A [0.50, 0.90]');
    store.undo();
    expect(store.getState().text).toBe(MAP);
  });
});

describe('the view', () => {
  it('zooms about a point: the map pixel under it stays there', () => {
    const v = zoomAbout({ scale: 1.5, x: -40, y: 10 }, 1.25, { x: 300, y: 200 });
    const before = unzoom({ scale: 1.5, x: -40, y: 10 }, 300, 200);
    const after = zoom(v, before.x, before.y);
    expect(after.x).toBeCloseTo(300, 9);
    expect(after.y).toBeCloseTo(200, 9);
  });

  it('keeps the scale between 0.3x and 6x', () => {
    expect(zoomAbout(FIT, 100, { x: 0, y: 0 }).scale).toBe(6);
    expect(zoomAbout(FIT, 0.001, { x: 0, y: 0 }).scale).toBe(0.3);
  });
});

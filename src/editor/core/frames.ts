// A drag's edits, at most one per animation frame. The first move of a frame is applied at once,
// so that the canvas answers without waiting a frame; later moves in that frame replace each
// other, and the last one is applied at the next frame. No DOM: the frame clock is given (the
// browser's requestAnimationFrame, or a test's).
import { moveTo, type MoveTarget } from './commands.js';
import type { EditorStore } from './store.js';

export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export class FrameEdits {
  private pending: { target: MoveTarget; visibility: number; maturity: number } | null = null;
  private frame: number | null = null;

  constructor(
    private readonly store: EditorStore,
    private readonly clock: FrameClock,
  ) {}

  /** Whether a gesture's frames are running. */
  get busy(): boolean {
    return this.frame !== null;
  }

  /** The pointer carries `target` to a map position. */
  move(target: MoveTarget, visibility: number, maturity: number): void {
    this.pending = { target, visibility, maturity };
    if (this.frame !== null) return;
    this.flush();
    this.frame = this.clock.request(this.tick);
  }

  /** The gesture ends: its last move is applied now, and the store closes its undo step. */
  end(): void {
    if (this.frame !== null) this.clock.cancel(this.frame);
    this.frame = null;
    this.flush();
    this.store.endGesture();
  }

  private readonly tick = (): void => {
    this.frame = null;
    if (!this.pending) return;
    this.flush();
    this.frame = this.clock.request(this.tick);
  };

  private flush(): void {
    const p = this.pending;
    this.pending = null;
    if (p) moveTo(this.store, p.target, p.visibility, p.maturity);
  }
}

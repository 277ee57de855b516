// What the side panels and the outline show: the map and its analysis, following the store not
// in the canvas's frames but after them.
import { startTransition, useEffect, useRef, useState } from 'react';
import type { Analysis } from '../../analysis/index.js';
import type { EditorStore } from '../core/store.js';

/** During a drag, the side panels follow the map at most this often (ms). */
const SIDE_DRAG_MS = 100;

/** What the panels show before the first analysis. */
export const EMPTY_ANALYSIS: Analysis = { map: null, stages: {}, summary: [], findings: [] };

/**
 * The canvas draws the findings of the text it shows, in the same frame (edit, parse, model,
 * analysis, overlays: one pass per frame of a drag; the first frame draws the map alone). The
 * panels (the findings with the recommendations that only they list, and the outline) follow
 * as a transition that does not hold up the canvas's frames: after the frame of each change,
 * and during a drag at most every SIDE_DRAG_MS, the last time when the pointer stops. A list
 * that changed 60 times a second could not be read, and laying it out and painting it took a
 * good part of every drag frame, delaying the frames of the next moves.
 */
export function useSideFrames(store: EditorStore) {
  const [shownFrame, setShownFrame] = useState(() => store.derived().shown);
  // The analysis the panels show: computed after the first frame, then at most once per frame.
  const [analysisFrame, setAnalysisFrame] = useState<Analysis>(EMPTY_ANALYSIS);
  const sideAt = useRef(0);
  useEffect(() => {
    const refresh = () => {
      sideAt.current = performance.now();
      // The analysis is read in the transition's render (an updater), not here in the frame.
      startTransition(() => {
        setAnalysisFrame(() => store.derived().analysis);
        setShownFrame(() => store.derived().shown);
      });
    };
    let cancel = () => {};
    const schedule = (gesture: boolean) => {
      cancel();
      const wait = gesture ? sideAt.current + SIDE_DRAG_MS - performance.now() : 0;
      if (wait <= 0) {
        const id = requestAnimationFrame(refresh);
        cancel = () => cancelAnimationFrame(id);
      } else {
        const id = setTimeout(refresh, wait);
        cancel = () => clearTimeout(id);
      }
    };
    let { version, gesture } = store.getState();
    schedule(gesture);
    const unsubscribe = store.subscribe(() => {
      const s = store.getState();
      if (s.version === version && s.gesture === gesture) return;
      ({ version, gesture } = s);
      schedule(gesture);
    });
    return () => {
      unsubscribe();
      cancel();
    };
  }, [store]);
  return { shownFrame, analysisFrame };
}

// Explain mode, here and in a live room: a follower's screen follows the presenter's steps until a
// step is taken here (which breaks away); the presenter's steps and highlight go to the others.
import { useCallback, useEffect, useState } from 'react';
import type { LiveRoom } from '../core/live.js';
import type { ExplainPosition, LiveState } from '../core/room.js';
import type { EditorStore } from '../core/store.js';

export function useExplain(store: EditorStore, live: LiveRoom | null, liveState: LiveState | null) {
  const [explaining, setExplaining] = useState(false);
  // What Explain mode highlights on the map, or null.
  const [focus, setFocus] = useState<readonly string[] | null>(null);
  const presenter = liveState?.presenter ?? null;
  const following =
    liveState !== null && liveState.following && presenter !== null && !presenter.me && liveState.explain !== null;
  const iPresent = presenter?.me ?? false;
  const onPosition = useCallback(
    (p: ExplainPosition) => {
      if (!live) return;
      if (following) {
        live.follow(false);
        setExplaining(true);
      } else if (iPresent) live.setExplain(p);
    },
    [live, following, iPresent],
  );
  // Following again: this screen's own Explain mode gives way (it closes when the presenter's does).
  useEffect(() => {
    if (following) setExplaining(false);
  }, [following]);
  const open = explaining || following;
  // Explain mode closed (here, or by the presenter for a follower): its highlight goes with it.
  useEffect(() => {
    if (!open) setFocus(null);
  }, [open]);
  useEffect(() => {
    if (!live || !iPresent) return;
    live.setExplain(explaining ? { all: store.derived().analysis.summary.length === 0, i: 0 } : null);
  }, [live, iPresent, explaining, store]);
  const start = useCallback(() => setExplaining(true), []);
  const close = useCallback(() => {
    if (following) live?.follow(false);
    setExplaining(false);
    setFocus(null);
  }, [following, live]);
  return {
    /** Whether Explain mode is on here (opened here, or followed from the presenter). */
    open,
    start,
    close,
    focus,
    setFocus,
    /** Where the presenter is, while this screen follows; else null. */
    position: following ? liveState!.explain : null,
    onPosition,
    presenter,
    iPresent,
  };
}

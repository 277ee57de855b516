// The app's side of a live room (core/live.ts): the room it is in, what the others show on this
// canvas (their selections, a poll's votes), the text editor's binding, and leaving.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Extension } from '@codemirror/state';
import type { LiveRoom } from '../core/live.js';
import { tally, type LiveState } from '../core/room.js';
import type { Session } from '../core/session.js';
import type { EditorStore } from '../core/store.js';

const NOT_LIVE = { subscribe: () => () => {}, getState: (): LiveState | null => null };

/** Where the links of the rooms this browser made are kept (only their maker has the view link). */
export const linksKey = (room: string) => `mapwright:links:${room}`;

export function useLiveRoom(
  store: EditorStore,
  session: Session,
  joined: LiveRoom | null,
  selection: readonly string[],
  readOnly: boolean,
) {
  const [live, setLive] = useState(joined);
  const liveState = useSyncExternalStore((live ?? NOT_LIVE).subscribe, (live ?? NOT_LIVE).getState);
  // This participant's selection is shown to the others.
  useEffect(() => {
    live?.setSelection(selection);
  }, [live, selection]);
  // Leaving (or opening another map, below) keeps the map open here as a map of one's own.
  const leaveRoom = useCallback(() => {
    if (!live) return;
    live.leave();
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    setLive(null);
    store.notify('You left the live room: the map stays open here as a map of your own.');
  }, [live, store]);
  useEffect(() => {
    session.onNextSwitch(live ? leaveRoom : null);
  }, [session, live, leaveRoom]);
  // The text editor's binding to the room (made again when the store is bound again: view-only known).
  const [liveText, setLiveText] = useState<Extension | null>(null);
  useEffect(() => {
    if (!live) return setLiveText(null);
    // Loaded with the room (Yjs is already here then), not with the app.
    let on = true;
    void import('./remote.js').then((m) => on && setLiveText(m.liveEditor(live)));
    return () => {
      on = false;
    };
  }, [live, readOnly]);
  const myLinks = useMemo(() => {
    if (!live) return null;
    try {
      const kept = sessionStorage.getItem(linksKey(live.link.room));
      return kept ? (JSON.parse(kept) as { edit: string; view: string }) : null;
    } catch {
      return null;
    }
  }, [live]);
  // A poll's votes, once the presenter shows them; the others' selections, in their colours.
  const votes = useMemo(
    () => (liveState?.poll && liveState.poll.stage !== 'open' ? tally(liveState.participants).votes : undefined),
    [liveState],
  );
  const others = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const p of liveState?.participants ?? [])
      if (!p.me) for (const n of p.selection) out.set(n, [...(out.get(n) ?? []), p.color]);
    return out.size ? out : undefined;
  }, [liveState]);
  return { live, liveState, leaveRoom, liveText, myLinks, votes, others };
}

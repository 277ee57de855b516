// The editor's entry point: the starting map is the share link's (as a new map beside the user's
// own), else the one this tab had open, else the one kept last, else the Unified AI Ops map.
import { opening } from '../core/opening.js'; // first: the map store opens while the rest is evaluated
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import defaultMap from '../../../maps/unified-ai-ops.owm?raw';
import { App } from './App.js';
import { decodeShareFragment } from './files.js';
import type { LiveRoom } from '../core/live.js';
import { parseRoomFragment, roomServerUrl } from '../core/room.js';
import { Session } from '../core/session.js';
import { EditorStore } from '../core/store.js';
import './caveat.css';
import './styles.css';

/** A live room's link (`#room=…&token=…`): the room, joined; or why it could not be. */
async function joinRoom(): Promise<{ live: LiveRoom | null; problem: string | null }> {
  const link = parseRoomFragment(location.hash);
  if (!link) return { live: null, problem: null };
  try {
    // Loaded only for a room: Yjs and its provider are not part of the app's first download.
    const { LiveRoom } = await import('../core/live.js');
    return { live: await LiveRoom.join(link, roomServerUrl(location)), problem: null };
  } catch (e) {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return { live: null, problem: (e as Error).message };
  }
}

async function start(): Promise<void> {
  performance.mark('mapwright:start');
  // A live room keeps its link in the address bar: a reload joins the room again.
  const { live, problem: liveProblem } = await joinRoom();
  const shared = live ? null : await decodeShareFragment(location.hash);
  // The link's map becomes a map of its own: the fragment is dropped, so a reload shows the
  // edits made since, not the link's map again.
  if (shared) history.replaceState(null, '', `${location.pathname}${location.search}`);
  let store: EditorStore | null = null;
  const { session, firstVisit } = await Session.start(
    (doc) => (store = new EditorStore(doc.text, doc.fileName)),
    opening,
    live
      ? // The room's map is also kept in this browser, as a map of its own (one per room).
        { text: live.text.toString(), fileName: 'live-map.owm', id: `room-${live.link.room}` }
      : shared && 'text' in shared
        ? { text: shared.text, fileName: 'shared.owm' }
        : null,
    { text: defaultMap, fileName: 'unified-ai-ops.owm' },
  );
  const s = store as unknown as EditorStore;
  if (live) live.bind(s);
  if (liveProblem) s.notify(`${liveProblem} Your own map is open instead.`);
  // The handwritten style's font, before the first frame when the map asks for it.
  if (s.derived().shown.presentation.style === 'handwritten') await document.fonts.load('12px Caveat').catch(() => []);
  if (shared && 'problem' in shared) s.notify(`${shared.problem} Your own map is open instead.`);
  performance.mark('mapwright:store');
  Object.assign(window, { mapwright: s, mapwrightSession: session, mapwrightLive: live }); // tests, console
  // Rendered at once, in this task: scheduled, the first render waited for a task of its own, and
  // the map's first frame came later (bench/README.md).
  const root = createRoot(document.getElementById('root')!);
  flushSync(() => root.render(<App store={s} session={session} firstVisit={firstVisit && !live} live={live} />));
}

void start();

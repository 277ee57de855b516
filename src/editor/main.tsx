// The editor's entry point: the starting map is the share link's (as a new map beside the user's
// own), else the one this tab had open, else the one kept last, else the Unified AI Ops map.
import { opening } from './opening.js'; // first: the map store opens while the rest is evaluated
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import defaultMap from '../../maps/unified-ai-ops.owm?raw';
import { App } from './App.js';
import { decodeShareFragment } from './files.js';
import { Session } from './session.js';
import { EditorStore } from './store.js';
import './caveat.css';
import './styles.css';

async function start(): Promise<void> {
  performance.mark('mapwright:start');
  const shared = await decodeShareFragment(location.hash);
  // The link's map becomes a map of its own: the fragment is dropped, so a reload shows the
  // edits made since, not the link's map again.
  if (shared) history.replaceState(null, '', `${location.pathname}${location.search}`);
  let store: EditorStore | null = null;
  const { session, firstVisit } = await Session.start(
    (doc) => (store = new EditorStore(doc.text, doc.fileName)),
    opening,
    shared && 'text' in shared ? { text: shared.text, fileName: 'shared.owm' } : null,
    { text: defaultMap, fileName: 'unified-ai-ops.owm' },
  );
  const s = store as unknown as EditorStore;
  // The handwritten style's font, before the first frame when the map asks for it.
  if (s.derived().shown.presentation.style === 'handwritten') await document.fonts.load('12px Caveat').catch(() => []);
  if (shared && 'problem' in shared) s.notify(`${shared.problem} Your own map is open instead.`);
  performance.mark('mapwright:store');
  Object.assign(window, { mapwright: s, mapwrightSession: session }); // for tests and the console
  // Rendered at once, in this task: scheduled, the first render waited for a task of its own, and
  // the map's first frame came later (bench/README.md).
  const root = createRoot(document.getElementById('root')!);
  flushSync(() => root.render(<App store={s} session={session} firstVisit={firstVisit} />));
}

void start();

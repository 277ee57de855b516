// The editor's entry point: the starting map is the share link's, else the autosaved one, else
// the Unified AI Ops map.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import defaultMap from '../../maps/unified-ai-ops.owm?raw';
import { App } from './App.js';
import { decodeShareFragment, loadAutosave } from './files.js';
import { EditorStore } from './store.js';
import './styles.css';

async function start(): Promise<void> {
  performance.mark('mapwright:start');
  const shared = await decodeShareFragment(location.hash);
  const saved = loadAutosave();
  const initial = shared !== null ? { text: shared, fileName: 'shared.owm' } : saved ?? { text: defaultMap, fileName: 'unified-ai-ops.owm' };
  const store = new EditorStore(initial.text, initial.fileName);
  performance.mark('mapwright:store');
  (window as unknown as { mapwright: EditorStore }).mapwright = store; // for tests and the console
  // Rendered at once, in this task: scheduled, the first render waited 10 to 20 ms for a task of its
  // own (the map's first frame came 24 to 32 ms later, over 14 to 16 alternating loads).
  const root = createRoot(document.getElementById('root')!);
  flushSync(() => root.render(<App store={store} />));
}

void start();

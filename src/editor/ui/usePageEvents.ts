// What the page itself brings to the editor: leaving it (the map is kept first), a link pasted into
// the address bar, a file dropped on the window.
import { useEffect } from 'react';
import type { Session } from '../core/session.js';
import type { EditorStore } from '../core/store.js';
import { parseRoomFragment } from '../core/room.js';
import { decodeShareFragment } from './files.js';

export function usePageEvents(
  store: EditorStore,
  session: Session,
  openText: (text: string, name: string) => Promise<void>,
  openFile: (file: File) => Promise<void>,
): void {
  // The session keeps the map in the browser as it changes (src/editor/core/session.ts). Closing the tab
  // with an edit not yet kept (storage full or blocked) asks first: an edit is never lost silently.
  useEffect(() => {
    const leaving = (e: BeforeUnloadEvent) => {
      void session.saveNow();
      if (session.unsaved()) e.preventDefault();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') void session.saveNow();
    };
    window.addEventListener('beforeunload', leaving);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', leaving);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [session]);

  // A share link pasted into this tab's address bar (only the fragment changes: no reload) opens
  // as a map of its own too, and the fragment is dropped.
  useEffect(() => {
    const onHash = () => {
      // A live room's link: the page joins it from the start (this map stays kept in Recent maps).
      if (parseRoomFragment(location.hash)) {
        void session.saveNow().then(() => location.reload());
        return;
      }
      void decodeShareFragment(location.hash).then((shared) => {
        if (!shared) return;
        history.replaceState(null, '', `${location.pathname}${location.search}`);
        if ('text' in shared) void openText(shared.text, 'shared.owm');
        else store.notify(`${shared.problem} Your own map is still open.`);
      });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [openText, store, session]);

  // Drag and drop a file onto the window.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const f = e.dataTransfer?.files[0];
      if (!f) return;
      e.preventDefault();
      void openFile(f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openFile]);
}

// The others' cursors and selections in the text editor, and this participant's sent to them
// (y-codemirror.next's remote selections, over the room's awareness). The editor's text itself goes
// through the store, as everywhere else (TextEditor.tsx): its typing reaches the room as the store's
// changes, undone by the same undo manager as the canvas's, and during a drag it follows the map
// at its own pace instead of on every frame.
import type { Extension } from '@codemirror/state';
import { yRemoteSelections, yRemoteSelectionsTheme, ySyncFacet, YSyncConfig } from 'y-codemirror.next';
import type { LiveRoom } from '../core/live.js';

export function remoteCursors(live: LiveRoom): Extension {
  return [ySyncFacet.of(new YSyncConfig(live.text, live.awareness)), yRemoteSelectionsTheme, yRemoteSelections];
}

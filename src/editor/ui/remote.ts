// A live room in the text editor (y-codemirror.next): the editor bound to the room's shared text,
// the others' cursors and selections, and this participant's sent to them. The store is bound to
// the same text (core/shared.ts), so the editor and the store always hold the same text: the
// cursors are placed by positions in the shared text, which must be the editor's too. (The editor
// following the store instead, as outside a room, left it behind during a drag and a keystroke,
// and a cursor at the end of the text then crashed the cursor plugin.) Typing is undone by the
// same undo manager as the canvas's changes: only this participant's.
import type { Extension } from '@codemirror/state';
import { yCollab } from 'y-codemirror.next';
import type { LiveRoom } from '../core/live.js';

export function liveEditor(live: LiveRoom): Extension {
  return yCollab(live.text, live.awareness, { undoManager: live.undoManager() ?? false });
}

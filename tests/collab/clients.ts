// Helpers for the live-room tests: a participant as a real Yjs client over WebSocket, and waiting.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MAP_TEXT } from '../../src/server/serve.js';

/** Waits until `ok()` holds, or fails after `ms`. */
export async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A participant: a Yjs document joined to `room` on the server at `url` with `token`, once synced. */
export async function joinRoom(
  url: string,
  room: string,
  token: string,
  opened: HocuspocusProvider[],
): Promise<{ doc: Y.Doc; provider: HocuspocusProvider; text: Y.Text }> {
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: url.replace(/^http/, 'ws'),
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({ websocketProvider, name: room, token, document: doc });
  provider.attach();
  opened.push(provider);
  await until(() => provider.isSynced, 10_000);
  return { doc, provider, text: doc.getText(MAP_TEXT) };
}

// `npm run bench:collab`: live rooms under load, all on 127.0.0.1 and bounded in time. A real
// server (`serve`, rooms in SQLite in a temporary folder) and real Yjs clients over WebSocket:
// - 20 clients in a room: the time from one client's edit to the moment every other client has it;
// - 50 clients making 100 random edits each at once: do they all end with the same text?
// Prints figures; asserts nothing.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MAP_TEXT, serve } from '../dist/server/serve.js';

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const deadline = Date.now() + 120_000;
async function until(ok) {
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('bench:collab ran out of time');
    await sleep(1);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'mapwright-bench-'));
const serving = await serve({ port: 0, host: '127.0.0.1', dataDir, appDir: null });
const wsUrl = serving.url.replace(/^http/, 'ws');
const providers = [];

async function clients(n, room) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const doc = new Y.Doc();
    const websocketProvider = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider, name: room.room, token: room.edit, document: doc });
    provider.attach();
    providers.push(provider);
    out.push({ doc, text: doc.getText(MAP_TEXT), provider });
  }
  await until(() => out.every((c) => c.provider.isSynced));
  return out;
}

try {
  console.log('# 20 clients in one room: one edits, how long until all others have it');
  {
    const room = serving.createRoom('title Bench\ncomponent A [0.5, 0.5]\n');
    const cs = await clients(20, room);
    const times = [];
    for (let round = 0; round < 60; round++) {
      const author = cs[round % cs.length];
      const line = `component R${round} [0.${(round % 9) + 1}, 0.5]\n`;
      const t0 = performance.now();
      author.text.insert(author.text.length, line);
      await until(() => cs.every((c) => c.text.toString().includes(line)));
      times.push(performance.now() - t0);
      await sleep(5);
    }
    const p95 = pct(times, 0.95);
    console.log(
      `  ${times.length} edits: every other client had it after median ${pct(times, 0.5).toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms (target p95 < 100 ms: ${p95 < 100 ? 'met' : 'NOT met'})`,
    );
  }
  console.log('\n# 50 clients x 100 random edits at once: do they converge?');
  {
    const room = serving.createRoom('title Bench\n');
    const cs = await clients(50, room);
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const t0 = performance.now();
    for (let k = 0; k < 100; k++) {
      for (const c of cs) {
        const len = c.text.length;
        if (len > 20 && rand() < 0.3) c.text.delete(Math.floor(rand() * (len - 5)), 1 + Math.floor(rand() * 4));
        else c.text.insert(Math.floor(rand() * (len + 1)), `x${k} `);
      }
      await sleep(1);
    }
    await until(() => cs.every((c) => c.text.toString() === cs[0].text.toString()));
    const ms = performance.now() - t0;
    const same = new Set(cs.map((c) => c.text.toString())).size === 1;
    console.log(
      `  5,000 edits: ${same ? 'all 50 clients hold the same text' : 'DIVERGED'} (${cs[0].text.length} characters), ${ms.toFixed(0)} ms from the first edit`,
    );
  }
} finally {
  for (const p of providers) p.destroy();
  await serving.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);

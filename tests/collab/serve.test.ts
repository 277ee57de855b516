// Live rooms against a real server: `serve` (Hocuspocus with rooms in SQLite) and real Yjs clients
// (@hocuspocus/provider over WebSocket), as two browsers would be.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MAX_MAP_BYTES } from '../../src/lang/limits.js';
import { joinRoom, until } from './clients.js';
import { makeLiveRoom } from '../../src/editor/core/sharing.js';
import { loadSqlite, MAP_TEXT, serve, type Serving } from '../../src/server/serve.js';

// better-sqlite3 is an optional dependency, compiled on install: where it could not be, say so.
const noSqlite = await loadSqlite().then(
  () => null,
  (e: Error) => e.message,
);
// CI machines build it: there a missing SQLite is a failure, never a silent skip.
if (noSqlite && process.env.CI) throw new Error(noSqlite);
if (noSqlite) console.log(`live-room tests skipped: ${noSqlite}`);

const MAP = 'title Tea\ncomponent Tea [0.6, 0.8]\ncomponent Kettle [0.4, 0.3]\nTea->Kettle\n';
let dataDir = '';
let serving: Serving;
const open: HocuspocusProvider[] = [];

/** A participant: a Yjs document joined to a room with a token. */
const join_ = (room: string, token: string) => joinRoom(serving.url, room, token, open);

beforeAll(async () => {
  if (noSqlite) return;
  dataDir = mkdtempSync(join(tmpdir(), 'mapwright-rooms-'));
  serving = await serve({ port: 0, host: '127.0.0.1', dataDir, appDir: null });
});

afterAll(async () => {
  if (noSqlite) return;
  for (const p of open) p.destroy();
  await serving.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(noSqlite !== null)('mapwright serve', () => {
  it('creates a room from a map over HTTP, with 128-bit random ids and tokens', async () => {
    const r = await fetch(`${serving.url}/api/rooms`, { method: 'POST', body: JSON.stringify({ text: MAP }) });
    expect(r.status).toBe(201);
    const room = (await r.json()) as { room: string; edit: string; view: string };
    for (const v of [room.room, room.edit, room.view]) expect(Buffer.from(v, 'base64url').length).toBe(16);
    expect(new Set([room.room, room.edit, room.view]).size).toBe(3);
    const p = await join_(room.room, room.edit);
    expect(p.text.toString()).toBe(MAP);
  });

  it("the app's Share live makes a room and gives links that join it; it says why when it cannot", async () => {
    const made = await makeLiveRoom(MAP, `${serving.url}/`);
    if ('problem' in made) throw new Error(made.problem);
    expect(made.edit).toMatch(new RegExp(`^${serving.url}/#room=${made.room}&token=`));
    const edit = new URLSearchParams(made.edit.split('#')[1]).get('token')!;
    expect((await join_(made.room, edit)).text.toString()).toBe(MAP);
    const tooBig = await makeLiveRoom('x'.repeat(MAX_MAP_BYTES + 1), `${serving.url}/`);
    expect(tooBig).toEqual({ problem: expect.stringMatching(/^The live room could not be made: .*5 MB/) });
    // A page served by something else (vite, a static host) has no rooms to make.
    const notFound = async () => new Response('not found', { status: 404 });
    expect(await makeLiveRoom(MAP, 'http://127.0.0.1:9/', notFound)).toEqual({
      problem: expect.stringContaining('npx mapwright serve'),
    });
    expect(await makeLiveRoom(MAP, 'http://127.0.0.1:9/')).toEqual({
      problem: expect.stringContaining('npx mapwright serve'),
    });
  });

  it('two editors share one text: an edit by one reaches the other', async () => {
    const room = serving.createRoom(MAP);
    const a = await join_(room.room, room.edit);
    const b = await join_(room.room, room.edit);
    a.text.insert(a.text.length, 'component Water [0.5, 0.9]\n');
    await until(() => b.text.toString().includes('Water'));
    const at = b.text.toString().indexOf('[0.4, 0.3]');
    b.doc.transact(() => {
      b.text.delete(at, 10);
      b.text.insert(at, '[0.4, 0.6]');
    });
    await until(() => a.text.toString().includes('Kettle [0.4, 0.6]'));
    expect(a.text.toString()).toBe(b.text.toString());
  });

  it('a view link cannot write: the server refuses its edits, and others never see them', async () => {
    const room = serving.createRoom(MAP);
    const editor = await join_(room.room, room.edit);
    const viewer = await join_(room.room, room.view);
    viewer.text.insert(0, '// written by a viewer\n');
    editor.text.insert(editor.text.length, 'component Cup [0.7, 0.7]\n');
    await until(() => viewer.text.toString().includes('Cup'));
    await new Promise((r) => setTimeout(r, 200));
    expect(editor.text.toString()).not.toContain('viewer');
    // A newcomer gets the server's text: without the viewer's line.
    const late = await join_(room.room, room.edit);
    expect(late.text.toString()).toBe(MAP + 'component Cup [0.7, 0.7]\n');
  });

  it('refuses a wrong token and an unknown room', async () => {
    const room = serving.createRoom(MAP);
    const attempts: [string, string][] = [
      [room.room, 'not-the-token'],
      ['no-such-room', room.edit],
    ];
    for (const [name, token] of attempts) {
      const doc = new Y.Doc();
      const websocketProvider = new HocuspocusProviderWebsocket({
        url: serving.url.replace(/^http/, 'ws'),
        WebSocketPolyfill: WebSocket,
      });
      let failed = false;
      const p = new HocuspocusProvider({
        websocketProvider,
        name,
        token,
        document: doc,
        onAuthenticationFailed: () => {
          failed = true;
        },
      });
      p.attach();
      open.push(p);
      await until(() => failed);
      expect(doc.getText(MAP_TEXT).toString()).toBe('');
    }
  });

  it('refuses a map over the 5 MB limit, on creation and by edits', async () => {
    const big = 'x'.repeat(MAX_MAP_BYTES + 1);
    const r = await fetch(`${serving.url}/api/rooms`, { method: 'POST', body: JSON.stringify({ text: big }) });
    expect(r.status).toBe(413);
    const room = serving.createRoom('x'.repeat(MAX_MAP_BYTES - 1000));
    const a = await join_(room.room, room.edit);
    a.text.insert(0, 'y'.repeat(5000));
    // The server refuses the edit and closes the connection; give it the time to.
    await new Promise((r) => setTimeout(r, 500));
    const late = await join_(room.room, room.edit);
    expect(late.text.length).toBe(MAX_MAP_BYTES - 1000);
  });

  it('closes a connection that sends a malformed message, and keeps serving the room', async () => {
    const room = serving.createRoom(MAP);
    const good = await join_(room.room, room.edit);
    const raw = new WebSocket(serving.url.replace(/^http/, 'ws'));
    await new Promise((r) => raw.once('open', r));
    const closed = new Promise((r) => raw.once('close', r));
    raw.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    raw.send(Buffer.from('not a yjs message at all'));
    await Promise.race([closed, new Promise((r) => setTimeout(r, 1500))]);
    raw.terminate();
    good.text.insert(0, '// still here\n');
    const other = await join_(room.room, room.edit);
    expect(other.text.toString().startsWith('// still here\n')).toBe(true);
  });

  it('keeps rooms across a restart (SQLite), and `mapwright serve` stops cleanly on SIGTERM', async () => {
    const room = serving.createRoom(MAP);
    const a = await join_(room.room, room.edit);
    a.text.insert(a.text.length, 'component Milk [0.5, 0.5]\n');
    await new Promise((r) => setTimeout(r, 300));
    a.provider.destroy();
    await serving.close();
    serving = await serve({ port: 0, host: '127.0.0.1', dataDir, appDir: null });
    const b = await join_(room.room, room.edit);
    expect(b.text.toString()).toContain('component Milk [0.5, 0.5]');

    const root = join(import.meta.dirname, '../..');
    const child = spawn(
      process.execPath,
      [join(root, 'bin/mapwright.js'), 'serve', '--port', '0', '--data', join(dataDir, 'cli')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    await until(() => /serving http:\/\/127\.0\.0\.1:\d+/.test(out), 15000);
    const url = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    const share = spawn(
      process.execPath,
      [join(root, 'bin/mapwright.js'), 'share', join(root, 'maps/tea-shop-beginner.owm'), '--server', url],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let links = '';
    share.stdout.on('data', (c: Buffer) => {
      links += c.toString();
    });
    expect(await new Promise((r) => share.once('exit', r))).toBe(0);
    expect(links).toMatch(/^edit: http:\/\/127\.0\.0\.1:\d+\/#room=[\w-]{22}&token=[\w-]{22}\nview: /);
    child.kill('SIGTERM');
    expect(await new Promise((r) => child.once('exit', (code) => r(code)))).toBe(0);
  }, 30000);

  it('keeps every acknowledged edit when the server is killed (kill -9) and restarted', async () => {
    const root = join(import.meta.dirname, '../..');
    const data = join(dataDir, 'killed');
    const start = async () => {
      const child = spawn(process.execPath, [join(root, 'bin/mapwright.js'), 'serve', '--port', '0', '--data', data], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
      });
      await until(() => /serving http:\/\/127\.0\.0\.1:\d+/.test(out), 15000);
      return { child, url: /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]! };
    };
    const connect = (url: string, room: string, token: string) => joinRoom(url, room, token, open);
    const first = await start();
    const room = (await (
      await fetch(`${first.url}/api/rooms`, { method: 'POST', body: JSON.stringify({ text: MAP }) })
    ).json()) as { room: string; edit: string };
    const a = await connect(first.url, room.room, room.edit);
    for (let k = 0; k < 20; k++) a.text.insert(a.text.length, `component K${k} [0.5, 0.5]\n`);
    // Acknowledged: the server has said it applied every change.
    await until(() => a.provider.unsyncedChanges === 0);
    const expected = a.text.toString();
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    a.provider.destroy();
    const second = await start();
    const b = await connect(second.url, room.room, room.edit);
    expect(b.text.toString()).toBe(expected);
    // And SIGTERM stops it with a participant still connected.
    second.child.kill('SIGTERM');
    expect(await new Promise((r) => second.child.once('exit', (code) => r(code)))).toBe(0);
  }, 30000);
});

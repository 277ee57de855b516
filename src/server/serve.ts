// `mapwright serve`: one process that serves the built app and the rooms of live maps, on
// Hocuspocus (a Yjs server) with rooms kept in SQLite. A room holds one Y.Text, `map`: the map's
// text, the single source of truth. Each room has an edit token and a view token (128-bit random);
// a view token cannot write (Hocuspocus's read-only connections). No DOM, no React.
import type SqliteDatabase from 'better-sqlite3';
import { Database } from '@hocuspocus/extension-database';
import { Server, type Extension } from '@hocuspocus/server';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import * as Y from 'yjs';
import { MAX_MAP_BYTES, utf8Length } from '../lang/limits.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Where rooms are kept (a SQLite file inside). */
  readonly dataDir: string;
  /** The built app to serve (dist/web), or null. */
  readonly appDir: string | null;
  /**
   * A Redis server (`redis://host:port`) shared with other instances of `serve`: each room's
   * changes and presence reach the clients of every instance (the instances share `dataDir`).
   */
  readonly redis?: string | null;
}

export interface Room {
  readonly room: string;
  readonly edit: string;
  readonly view: string;
}

export interface Serving {
  readonly url: string;
  /** Creates a room holding `text` (refuses a map over the size limit). */
  createRoom(text: string): Room;
  /** Stores every open room and stops. */
  close(): Promise<void>;
}

/** The name of the shared text in a room's document. */
export const MAP_TEXT = 'map';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.owm': 'text/plain; charset=utf-8',
};

const token = () => randomBytes(16).toString('base64url');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function serve(opts: ServeOptions): Promise<Serving> {
  mkdirSync(opts.dataDir, { recursive: true });
  const Sqlite = await loadSqlite();
  const db = new Sqlite(join(opts.dataDir, 'rooms.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`create table if not exists rooms
             (id text primary key, edit text not null, view text not null, created integer not null);
           create table if not exists documents (name text primary key, data blob not null)`);
  const findRoom = db.prepare<[string], { edit: string; view: string }>('select edit, view from rooms where id = ?');
  const loadDoc = db.prepare<[string], { data: Buffer }>('select data from documents where name = ?');
  const saveDoc = db.prepare(
    'insert into documents (name, data) values (?, ?) on conflict(name) do update set data = excluded.data',
  );
  const addRoom = db.prepare('insert into rooms (id, edit, view, created) values (?, ?, ?, ?)');

  const createRoom = (text: string): Room => {
    if (utf8Length(text) > MAX_MAP_BYTES) throw new RangeError('the map is over the 5 MB limit');
    const room: Room = { room: token(), edit: token(), view: token() };
    const doc = new Y.Doc();
    doc.getText(MAP_TEXT).insert(0, text);
    db.transaction(() => {
      addRoom.run(room.room, room.edit, room.view, Date.now());
      saveDoc.run(room.room, Buffer.from(Y.encodeStateAsUpdate(doc)));
    })();
    doc.destroy();
    return room;
  };

  const server = new Server(
    {
      port: opts.port,
      address: opts.host,
      quiet: true,
      stopOnSignals: false,
      // Every change is stored at once: an edit the server has acknowledged survives a crash.
      debounce: 0,
      async onAuthenticate({ documentName, token: given, connectionConfig }) {
        const room = findRoom.get(documentName);
        if (room && same(given, room.edit)) return;
        if (room && same(given, room.view)) {
          connectionConfig.readOnly = true;
          return;
        }
        throw new Error('no such room, or not allowed');
      },
      async beforeHandleMessage({ update, document }) {
        // A room's map stays within the size limit: a message that could take it past is refused
        // (Hocuspocus closes that connection, and the message is not applied).
        const text = document.getText(MAP_TEXT);
        const room = MAX_MAP_BYTES + 1024 - update.length;
        // A UTF-16 unit is at most 3 UTF-8 bytes: the exact count only near the limit.
        if (text.length * 3 > room && utf8Length(text.toString()) > room)
          throw new Error('the map would be over the 5 MB limit');
      },
      async onRequest({ request, response }) {
        await handleHttp(request, response, opts.appDir, createRoom);
        // Answered: Hocuspocus's own default reply is not wanted.
        throw null;
      },
      extensions: [
        ...(opts.redis ? [await redisExtension(opts.redis)] : []),
        new Database({
          fetch: async ({ documentName }) => {
            const row = loadDoc.get(documentName);
            return row ? new Uint8Array(row.data) : null;
          },
          store: async ({ documentName, state }) => {
            if (findRoom.get(documentName)) saveDoc.run(documentName, state);
          },
        }),
      ],
    },
    { maxPayload: MAX_MAP_BYTES + 1024 },
  );
  await server.listen();
  const { port } = server.address;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    createRoom,
    async close() {
      await server.destroy();
      // Idle keep-alive connections (a browser's, `share`'s) would keep the process alive.
      server.httpServer.closeAllConnections();
      db.close();
    },
  };
}

/** Hocuspocus's Redis extension for `redis://host:port` (loaded only when asked for). */
async function redisExtension(url: string): Promise<Extension> {
  let at: URL;
  try {
    at = new URL(url);
    if (at.protocol !== 'redis:') throw new Error();
  } catch {
    throw new Error(`--redis expects redis://host:port, not ${url}`);
  }
  const { Redis } = await import('@hocuspocus/extension-redis');
  return new Redis({
    host: at.hostname,
    port: Number(at.port || 6379),
    // ioredis 5.8.2 and later send their ready check (INFO) on the subscriber connection once it
    // has subscribed, which Redis refuses, and the instance then never hears the others' changes
    // (redis/ioredis#2037). Without the check, commands wait in ioredis's queue until connected.
    options: { enableReadyCheck: false },
  });
}

/**
 * SQLite for the rooms (better-sqlite3, an optional dependency: it is compiled on install where no
 * prebuilt copy can be fetched). Says what to do when it is missing.
 */
export async function loadSqlite(): Promise<typeof SqliteDatabase> {
  try {
    const Sqlite = (await import('better-sqlite3')).default;
    new Sqlite(':memory:').close();
    return Sqlite;
  } catch (e) {
    throw new Error(
      'live rooms are kept in SQLite (better-sqlite3), which is not installed or could not be built here ' +
        `(${(e as Error).message.split('\n')[0]}): install python3, make and a C++ compiler, then ` +
        'run npm rebuild better-sqlite3',
      { cause: e },
    );
  }
}

async function handleHttp(
  request: IncomingMessage,
  response: ServerResponse,
  appDir: string | null,
  createRoom: (text: string) => Room,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method === 'POST' && url.pathname === '/api/rooms') {
    let body: string;
    try {
      body = await readBody(request, MAX_MAP_BYTES * 2 + 1024);
      const text = (JSON.parse(body) as { text?: unknown }).text;
      if (typeof text !== 'string') throw new TypeError('expected {"text": "..."}');
      return json(response, 201, createRoom(text));
    } catch (e) {
      return json(response, e instanceof RangeError ? 413 : 400, { error: (e as Error).message });
    }
  }
  if ((request.method === 'GET' || request.method === 'HEAD') && appDir) {
    const root = resolve(appDir);
    const path = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (path.startsWith(root + sep)) {
      try {
        if (statSync(path).isFile()) {
          response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
          response.end(request.method === 'HEAD' ? undefined : readFileSync(path));
          return;
        }
      } catch {
        /* not there: 404 below */
      }
    }
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('not found');
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(value));
}

/** A request's body as text, refused past `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        fail(new RangeError('the map is over the 5 MB limit'));
        request.destroy();
      } else chunks.push(c);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

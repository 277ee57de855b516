// Two instances of `serve` sharing a Redis (Debian's redis-server, started here on a free port)
// and the rooms' directory: clients connected to either instance edit the same room and converge.
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSqlite, serve, type Serving } from '../../src/server/serve.js';
import { joinRoom, until } from './clients.js';

function redisServer(): string | null {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return 'redis-server';
  } catch {
    return null;
  }
}

const noSqlite = await loadSqlite().then(
  () => null,
  (e: Error) => e.message,
);
const why = noSqlite ?? (redisServer() ? null : 'redis-server is not installed (apt-get install redis-server)');
// .ci/run installs both: in CI a missing one is a failure, never a silent skip.
if (why && process.env.CI) throw new Error(why);
if (why) console.log(`two-instance tests skipped: ${why}`);

const MAP = 'title Tea\ncomponent Tea [0.6, 0.8]\ncomponent Kettle [0.4, 0.3]\nTea->Kettle\n';
let redis: ChildProcess | null = null;
let dataDir = '';
const instances: Serving[] = [];
const providers: HocuspocusProvider[] = [];

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

const join_ = (url: string, room: string, token: string) => joinRoom(url, room, token, providers);

beforeAll(async () => {
  if (why) return;
  // Each change is stored at once by whichever instance holds the room's Redis lock; Hocuspocus
  // logs the other's refusal, which is expected here.
  const error = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith('Caught error during storeDocumentHooks')) error(...args);
  });
  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  // Ready when it answers.
  await until(() => {
    try {
      execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  dataDir = mkdtempSync(join(tmpdir(), 'mapwright-redis-'));
  for (let i = 0; i < 2; i++)
    instances.push(
      await serve({ port: 0, host: '127.0.0.1', dataDir, appDir: null, redis: `redis://127.0.0.1:${port}` }),
    );
}, 30_000);

afterAll(async () => {
  for (const p of providers) p.destroy();
  for (const s of instances) await s.close();
  redis?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(why !== null)('two server instances sharing a Redis', () => {
  it('serve one room to clients on either, and they converge', async () => {
    const room = instances[0]!.createRoom(MAP);
    const a = await join_(instances[0]!.url, room.room, room.edit);
    const b = await join_(instances[1]!.url, room.room, room.edit);
    expect(b.text.toString()).toBe(MAP);
    a.text.insert(a.text.length, 'component Milk [0.5, 0.5]\n');
    await until(() => b.text.toString().includes('Milk'));
    b.text.insert(0, '// from b\n');
    await until(() => a.text.toString().startsWith('// from b'));
    // Many edits on both sides at once: the same text on both.
    for (let i = 0; i < 50; i++) {
      a.text.insert(a.text.length, `note a${i} [0.5, 0.5]\n`);
      b.text.insert(b.text.length, `note b${i} [0.4, 0.4]\n`);
    }
    await until(() => a.text.toString() === b.text.toString() && a.text.toString().includes('b49'));
    expect(
      a.text
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('note')).length,
    ).toBe(100);
  });

  it('shows who is connected to the other instance (presence)', async () => {
    const room = instances[1]!.createRoom(MAP);
    const a = await join_(instances[0]!.url, room.room, room.edit);
    const b = await join_(instances[1]!.url, room.room, room.edit);
    b.provider.setAwarenessField('user', { name: 'Ben', color: '#d62728' });
    await until(() => [...a.provider.awareness!.getStates().values()].some((s) => s.user?.name === 'Ben'));
  });
});

// A static host for the browser bench: dist/web served the way a production host serves a built
// app, each file compressed once (gzip -9, as the bundle figures are counted) and sent with
// Content-Encoding: gzip. vite preview compresses every response again as it is sent, which on
// this 2-core machine took 50 ms of the bench's CPU for the main script: a cost of the dev
// server, not of the app.
import { createServer } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.owm': 'text/plain; charset=utf-8',
};

function files(dir, root = dir, out = new Map()) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, root, out);
    else
      out.set('/' + relative(root, p).split('\\').join('/'), {
        body: gzipSync(readFileSync(p), { level: 9 }),
        type: TYPES[extname(p)] ?? 'application/octet-stream',
      });
  }
  return out;
}

/** Serves `dir` on 127.0.0.1 (a free port); unknown paths get index.html. */
export async function serveStatic(dir) {
  const all = files(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const f = all.get(path) ?? all.get('/index.html');
    res.writeHead(200, {
      'Content-Type': f.type,
      'Content-Encoding': 'gzip',
      'Content-Length': f.body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(f.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

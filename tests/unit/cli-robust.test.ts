// The command line never loses a file, never hangs on endless input and never prints a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/mapwright.js');
const map = 'tests/fixtures/analysis/unified-ai-ops-unmarked.owm';

function sh(command: string) {
  const r = spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the command line at the edges', () => {
  it('stops reading endless input at the size limit', () => {
    const t0 = Date.now();
    const r = sh(`node ${bin} lint /dev/zero`);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect([r.code, r.err.trim()]).toEqual([
      2,
      'mapwright lint: /dev/zero: the map is at least 5 MB; maps of 5 MB or more are refused',
    ]);
  });

  it('exits quietly when the reader goes away, and in one line on a full device', () => {
    const piped = sh(`node ${bin} analyze ${map} | head -1`);
    expect([piped.out, piped.err]).toEqual(['# Wardley map analysis: Unified AI Ops\n', '']);
    const full = sh(`node ${bin} analyze ${map} > /dev/full`);
    expect(full.code).toBe(2);
    expect(full.err).toBe('mapwright: cannot write the output: no space left on the device\n');
  });

  it('refuses to write into a git revision, and says so in one line', () => {
    const r = sh(`node ${bin} fmt --write HEAD:maps/tea-shop-beginner.owm`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--write cannot write into a git revision');
    expect(readdirSync(root).some((f) => f.startsWith('HEAD'))).toBe(false);
  });

  it('skips a dangling symbolic link and a link loop under ** with a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-glob-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'ok.owm'), 'component A [0.5, 0.5]\n');
    symlinkSync(join(dir, 'missing.owm'), join(dir, 'a', 'gone.owm'));
    symlinkSync(dir, join(dir, 'a', 'loop'));
    const r = sh(`node ${bin} lint '${dir}/**/*.owm'`);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/gone\.owm: skipped: no such file/);
    expect(r.err).toMatch(/skipped: already searched/);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });

  it('says an ordinary I/O error as one, not as an internal error', () => {
    const r = sh(`node ${bin} render ${map} -o /nonexistent-dir/x.svg`);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('internal error');
    expect(r.err).toContain('no such file');
  });

  it('keeps a file as it was when writing it fails half-way (a full disk)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-full-'));
    const file = join(dir, 'map.owm');
    const original = 'component  A [0.5,0.5]\ncomponent B [0.4, 0.4]\nA->B\n';
    writeFileSync(file, original);
    // The write is made to fail as a full disk does, after some bytes: in a child process, so that
    // the failure is the real code path of the command.
    const inject = join(dir, 'inject.mjs');
    writeFileSync(
      inject,
      `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';
const real = fs.writeSync; let n = 0;
fs.writeSync = (fd, buf, off, len, ...rest) => { if (++n > 0 && len > 4) { real(fd, buf, off, 4); const e = new Error('ENOSPC: no space left on device, write'); e.code = 'ENOSPC'; e.syscall = 'write'; throw e; } return real(fd, buf, off, len, ...rest); };
syncBuiltinESMExports();`,
    );
    const r = spawnSync(process.execPath, ['--import', inject, bin, 'fmt', '--write', file], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no space left on the device');
    expect(r.stderr).toContain('the file is unchanged');
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readdirSync(dir).sort()).toEqual(['inject.mjs', 'map.owm']);
  });
});

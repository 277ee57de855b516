// Reading inputs for the CLI: files, `-` for standard input, and `REV:path` git revisions.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** A usage or I/O problem: reported as one line, exit code 2. */
export class UsageError extends Error {}

/** The largest map the tools accept (the editor refuses the same). */
export const MAX_MAP_BYTES = 5 * 1024 * 1024;

let stdinCache: string | null = null;

/** Reads a map: a path, `-` for standard input, or `REV:path` for a file at a git revision. */
export function readMapText(spec: string): string {
  let text: string;
  if (spec === '-') {
    stdinCache ??= readFileSync(0, 'utf8');
    text = stdinCache;
  } else if (existsSync(spec)) {
    try { text = readFileSync(spec, 'utf8'); } catch (e) { throw new UsageError(`${spec}: cannot read: ${(e as Error).message}`); }
  } else if (/^[^:]+:.+/.test(spec) && !/^[A-Za-z]:[\\/]/.test(spec)) {
    try {
      text = execFileSync('git', ['show', spec], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch {
      throw new UsageError(`${spec}: no such file, and not a git revision path (REV:path)`);
    }
  } else {
    throw new UsageError(`${spec}: no such file`);
  }
  if (Buffer.byteLength(text, 'utf8') >= MAX_MAP_BYTES) throw new UsageError(`${spec}: the map is ${(Buffer.byteLength(text, 'utf8') / 1048576).toFixed(1)} MB; maps of 5 MB or more are refused`);
  return text;
}

/** The name shown in diagnostics for an input. */
export function displayName(spec: string): string {
  return spec === '-' ? '<stdin>' : spec;
}

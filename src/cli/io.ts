// Reading inputs for the CLI: files, `-` for standard input, and `REV:path` git revisions; and
// writing a file in place without ever leaving it cut short. Every input stops being read at the
// map size limit, so `mapwright lint /dev/zero` ends at once.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MAX_MAP_BYTES, tooLargeMessage } from '../lang/limits.js';

/** A usage or I/O problem: reported as one line, exit code 2. */
export class UsageError extends Error {}

export { MAX_MAP_BYTES };

/** What an I/O error code means, in words (no "internal error" for a missing file). */
export function ioProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'ELOOP':
      return 'too many symbolic links (a loop)';
    case 'EIO':
      return 'input/output error';
    default:
      return err.message ?? String(e);
  }
}

let stdinCache: string | null = null;

/** Reads `fd` to its end, or throws once it holds MAX_MAP_BYTES or more. */
function readBounded(fd: number, what: string): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw new UsageError(`${what}: cannot read: ${ioProblem(e)}`);
    }
    if (n === 0) break;
    total += n;
    if (total >= MAX_MAP_BYTES) throw new UsageError(`${what}: ${tooLargeMessage('the map', null).replace(/\.$/, '')}`);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  // Buffer decoding keeps a byte-order mark: the parser reads it, and fmt writes it back.
  return Buffer.concat(chunks, total).toString('utf8');
}

/** A path the CLI reads as a git revision (`HEAD:maps/x.owm`) rather than a file. */
export function isRevisionPath(spec: string): boolean {
  return !existsSync(spec) && /^[^:]+:.+/.test(spec) && !/^[A-Za-z]:[\\/]/.test(spec);
}

/** Reads a map: a path, `-` for standard input, or `REV:path` for a file at a git revision. */
export function readMapText(spec: string): string {
  if (spec === '-') return (stdinCache ??= readBounded(0, '<stdin>'));
  if (isRevisionPath(spec)) {
    try {
      return execFileSync('git', ['show', spec], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: MAX_MAP_BYTES - 1,
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOBUFS')
        throw new UsageError(`${spec}: ${tooLargeMessage('the map', null).replace(/\.$/, '')}`);
      throw new UsageError(`${spec}: no such file, and not a git revision path (REV:path)`);
    }
  }
  let fd: number;
  try {
    fd = openSync(spec, 'r');
  } catch (e) {
    throw new UsageError(`${spec}: cannot read: ${ioProblem(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(`${spec}: is a directory`);
    if (st.isFile() && st.size >= MAX_MAP_BYTES)
      throw new UsageError(`${spec}: ${tooLargeMessage('the map', st.size).replace(/\.$/, '')}`);
    return readBounded(fd, spec);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces a file's contents as one step: the text goes to a temporary file beside it, is flushed
 * to disk, and is renamed over the original (through a symbolic link, onto what it points at, and
 * with the original's permissions). A failure on the way (a full disk) leaves the original as it
 * was and no temporary file behind.
 */
export function writeFileAtomic(path: string, text: string): void {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (e) {
    throw new UsageError(`${path}: cannot write: ${ioProblem(e)}`);
  }
  const mode = statSync(target).mode & 0o7777;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.mapwright-tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', mode);
    const data = Buffer.from(text, 'utf8');
    for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      /* not created */
    }
    throw new UsageError(`${path}: cannot write (${ioProblem(e)}); the file is unchanged`);
  }
}

/** The name shown in diagnostics for an input. */
export function displayName(spec: string): string {
  return spec === '-' ? '<stdin>' : spec;
}

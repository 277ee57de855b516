// `mapwright`: argument parsing and output formats only; the work is done by the core.
import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oneLine } from '../lang/escape.js';
import { formatMap } from '../model/format.js';
import { analyze } from '../analysis/index.js';
import { analysisToJson, analysisToMarkdown } from '../analysis/report.js';
import { diffMaps, diffToText } from '../diff/diff.js';
import { importMermaid, isMermaid, toMermaid } from '../interchange/mermaid.js';
import { parseMap } from '../model/build/index.js';
import type { MapModel } from '../model/model.js';
import { STAGE_LABELS } from '../model/stages.js';
import { buildScene } from '../render/scene.js';
import { sceneToSvg } from '../render/svg.js';
import { diagnosticToJson, modelToJson } from '../model/json.js';
import { BROWSER_ARGS, findBrowser } from './browser.js';
import { displayName, ioProblem, isRevisionPath, readMapText, UsageError, writeFileAtomic } from './io.js';

const HELP = `mapwright: Wardley maps as text

usage:
  mapwright lint FILE... [--format text|json] [--hints]
                                                report problems (exit 1 on errors); --hints: inferred kinds too
  mapwright fmt FILE... [--check|--write]       format maps (stdout, check, or in place); --check --format json
  mapwright parse FILE --json                   the map model as JSON
  mapwright analyze FILE [--format md|json]     critical paths, bottlenecks, risks, recommendations
  mapwright diff OLD NEW [--format text|md|json] what changed in meaning (OLD/NEW may be REV:path)
  mapwright render FILE -o OUT.svg|OUT.png [--style S] [--highlight findings|none] [--width W --height H]
  mapwright export FILE --to mermaid|markdown   Mermaid wardley-beta text, or a fenced block for a README
  mapwright import FILE --from mermaid          a Mermaid wardley-beta text in this syntax
  mapwright describe FILE                       one line per component, link and evolve (a git textconv)
  mapwright lsp --stdio                         the language server (diagnostics, completion, rename, format, ...)
  mapwright serve [--port 1234] [--data DIR] [--host 127.0.0.1]   the app and live rooms (Yjs, Hocuspocus)
                [--redis redis://HOST:PORT]   several instances (sharing DIR) serve the same rooms
  mapwright share FILE --server URL             a live room from a map: prints an edit link and a view link
  mapwright help                                this text

FILE may be '-' (standard input), a glob such as 'maps/*.owm', or REV:path (a git revision).
Exit codes: 0 ok, 1 problems found, 2 usage or I/O error.`;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[], valued: Set<string>): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else if (valued.has(a.slice(2))) {
        const v = argv[i + 1];
        if (v === undefined) throw new UsageError(`${a} needs a value`);
        flags.set(a.slice(2), v);
        i += 1;
      } else flags.set(a.slice(2), true);
    } else if (a.startsWith('-') && a !== '-' && a.length > 1) {
      const v = argv[i + 1];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      flags.set(a.slice(1), v);
      i += 1;
    } else positional.push(a);
  }
  return { positional, flags };
}

function checkFlags(args: Args, allowed: string[]): void {
  for (const k of args.flags.keys()) if (!allowed.includes(k)) throw new UsageError(`unknown option --${k}`);
}

/**
 * Expands `*`, `**` and `?` in a path (the shell usually does this; Windows shells and quoted globs
 * do not). A dangling symbolic link or a directory met twice (a link loop) under `**` is skipped
 * with a warning (`warn`), not the end of the run.
 */
export function expandGlob(pattern: string, warn: (message: string) => void = () => {}): string[] {
  if (!/[*?]/.test(pattern)) return [pattern];
  const parts = pattern.split('/');
  const firstGlob = parts.findIndex((p) => /[*?]/.test(p));
  const root = parts.slice(0, firstGlob).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const rest = parts.slice(firstGlob);
  const toRegex = (p: string) =>
    new RegExp(
      `^${p
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`,
    );
  const out: string[] = [];
  const seen = new Set<string>();
  const isDir = (path: string): boolean => {
    try {
      return statSync(path).isDirectory();
    } catch (e) {
      warn(`${path}: skipped: ${ioProblem(e)}`);
      return false;
    }
  };
  const walk = (dir: string, i: number): void => {
    if (i === rest.length) {
      out.push(dir);
      return;
    }
    const part = rest[i]!;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    if (part === '**') {
      let real: string;
      try {
        real = realpathSync(dir);
      } catch (e) {
        warn(`${dir}: skipped: ${ioProblem(e)}`);
        return;
      }
      if (seen.has(real)) {
        warn(`${dir}: skipped: already searched (a symbolic link loop)`);
        return;
      }
      seen.add(real);
      walk(dir, i + 1);
      for (const e of entries) if (isDir(join(dir, e))) walk(join(dir, e), i);
      return;
    }
    const re = toRegex(part);
    for (const e of entries) {
      if (!re.test(e)) continue;
      const full = dir === '.' && !pattern.startsWith('./') ? e : join(dir, e);
      if (i === rest.length - 1) {
        if (isDir(full) || existsAsFile(full)) walk(full, i + 1);
      } else if (isDir(full)) walk(full, i + 1);
    }
  };
  walk(root, 0);
  if (out.length === 0) throw new UsageError(`${pattern}: no file matches`);
  return [...new Set(out)];
}

/** Whether a path names something readable (a dangling link does not: it is skipped with a warning). */
function existsAsFile(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function inputs(args: Args, io: CliIO): string[] {
  if (args.positional.length === 0) throw new UsageError('no FILE given (use - for standard input)');
  return args.positional.flatMap((p) => expandGlob(p, (m) => io.err(`mapwright: warning: ${m}`)));
}

/**
 * Hints about what the map leaves to inference: each inferred kind that is not technology, with the decorator that
 * says it.
 */
function kindHints(model: MapModel): { line: number; column: number; message: string; fix: string }[] {
  return model.components
    .filter((c) => c.kindInferred && c.kind !== 'technology' && c.type !== 'evolved')
    .map((c) => ({
      line: c.line,
      column: c.nameLoc.column,
      message:
        `'${c.name}' reads as ${c.kind === 'data' || c.kind === 'knowledge' ? c.kind : `a ${c.kind}`} ` +
        `(${c.kindReason}): write '(${c.kind})' after its coordinates to say so`,
      fix: `(${c.kind})`,
    }));
}

function lint(args: Args, io: CliIO): number {
  checkFlags(args, ['format', 'hints']);
  const format = args.flags.get('format') ?? 'text';
  const hints = args.flags.has('hints');
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not ${String(format)}`);
  let errors = 0;
  const report: { file: string; diagnostics: unknown[] }[] = [];
  for (const spec of inputs(args, io)) {
    const file = displayName(spec);
    const model = readModel(spec);
    errors += model.diagnostics.filter((d) => d.severity === 'error').length;
    const extra = hints ? kindHints(model) : [];
    if (format === 'json') {
      report.push({
        file,
        diagnostics: [
          ...model.diagnostics.map(diagnosticToJson),
          ...extra.map((h) => ({ severity: 'hint', code: 'inferred-kind', ...h })),
        ],
      });
    } else {
      for (const d of model.diagnostics) io.out(`${file}:${d.line}:${d.column}: ${d.severity}: ${oneLine(d.message)}`);
      for (const h of extra) io.out(`${file}:${h.line}:${h.column}: hint: ${oneLine(h.message)}`);
    }
  }
  if (format === 'json') io.out(JSON.stringify(report, null, 2));
  return errors > 0 ? 1 : 0;
}

function fmt(args: Args, io: CliIO): number {
  checkFlags(args, ['check', 'write', 'format']);
  const check = args.flags.has('check');
  const write = args.flags.has('write');
  const format = args.flags.get('format') ?? 'text';
  if (check && write) throw new UsageError('--check and --write cannot be used together');
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not ${String(format)}`);
  if (format === 'json' && !check) throw new UsageError('--format json goes with --check');
  let unformatted = 0;
  const report: { file: string; formatted: boolean }[] = [];
  for (const spec of inputs(args, io)) {
    const text = readMapText(spec);
    const formatted = formatMap(text);
    if (check) {
      if (formatted !== text) unformatted += 1;
      if (format === 'json') report.push({ file: displayName(spec), formatted: formatted === text });
      else if (formatted !== text) io.out(`${displayName(spec)}: not formatted`);
    } else if (write) {
      if (spec === '-') throw new UsageError('--write needs files, not standard input');
      if (isRevisionPath(spec))
        throw new UsageError(`${spec}: --write cannot write into a git revision; write the file itself`);
      if (formatted !== text) writeFileAtomic(spec, formatted);
    } else io.out(formatted.replace(/\n$/, ''));
  }
  if (format === 'json') io.out(JSON.stringify(report, null, 2));
  return unformatted > 0 ? 1 : 0;
}

function parse(args: Args, io: CliIO): number {
  checkFlags(args, ['json']);
  const files = inputs(args, io);
  if (files.length !== 1) throw new UsageError('parse takes one FILE');
  const spec = files[0]!;
  const model = readModel(spec);
  io.out(JSON.stringify(modelToJson(model), null, 2));
  return model.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function analyzeCommand(args: Args, io: CliIO): number {
  checkFlags(args, ['format']);
  const format = args.flags.get('format') ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, not ${String(format)}`);
  const files = inputs(args, io);
  if (files.length !== 1) throw new UsageError('analyze takes one FILE');
  const spec = files[0]!;
  const model = readModel(spec);
  const result = analyze(model);
  io.out((format === 'json' ? analysisToJson(result, model) : analysisToMarkdown(model, result)).replace(/\n$/, ''));
  for (const d of model.diagnostics.filter((x) => x.severity === 'error'))
    io.err(`${displayName(spec)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  return 0;
}

/** Reads a map, converting a Mermaid text on the way in. */
function readModel(spec: string): MapModel {
  const text = readMapText(spec);
  return parseMap(isMermaid(text) ? importMermaid(text) : text, displayName(spec));
}

function diffCommand(args: Args, io: CliIO): number {
  checkFlags(args, ['format']);
  const format = args.flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'md' && format !== 'json')
    throw new UsageError(`--format must be text, md or json, not ${String(format)}`);
  if (args.positional.length !== 2) throw new UsageError('diff takes OLD and NEW');
  const d = diffMaps(readModel(args.positional[0]!), readModel(args.positional[1]!));
  io.out(format === 'json' ? JSON.stringify(d, null, 2) : diffToText(d, format).replace(/\n$/, ''));
  return 0;
}

/** `git diff` external driver: path old-file old-hex old-mode new-file new-hex new-mode. */
function gitDiffCommand(args: Args, io: CliIO): number {
  const [path, oldFile, , , newFile] = args.positional;
  if (!path || !oldFile || !newFile) throw new UsageError('git-diff is called by git with 7 arguments (see README)');
  const read = (f: string) => (f === '/dev/null' ? parseMap('') : readModel(f));
  io.out(`mapwright diff ${path}`);
  io.out(diffToText(diffMaps(read(oldFile), read(newFile))).replace(/\n$/, ''));
  return 0;
}

function describeCommand(args: Args, io: CliIO): number {
  checkFlags(args, []);
  if (args.positional.length !== 1) throw new UsageError('describe takes one FILE');
  const m = readModel(args.positional[0]!);
  // One line per thing, whatever a name holds (git shows these lines as the diff).
  const lines = [`title: ${oneLine(m.title ?? '(none)')}`];
  for (const c of [...m.components].filter((x) => x.type !== 'evolved').sort((a, b) => a.key.localeCompare(b.key))) {
    const extra = [c.kind !== 'technology' ? c.kind : null, c.method, c.inertia ? 'inertia' : null]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `${c.type} ${oneLine(c.name)}: ${STAGE_LABELS[c.stage]}, evolution ${c.maturity.toFixed(2)}, visibility ` +
        `${c.visibility.toFixed(2)}${extra ? ` (${extra})` : ''}`,
    );
  }
  for (const l of [...m.links].sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`)))
    lines.push(`link ${oneLine(l.from)} ${l.flow ? '+>' : '->'} ${oneLine(l.to)}`);
  for (const e of m.evolves)
    lines.push(`evolve ${oneLine(e.name)}${e.newName ? ` as ${oneLine(e.newName)}` : ''} to ${e.to.toFixed(2)}`);
  io.out(lines.join('\n'));
  return 0;
}

function renderCommand(args: Args, _io: CliIO): number | Promise<number> {
  checkFlags(args, ['o', 'output', 'style', 'highlight', 'width', 'height']);
  if (args.positional.length !== 1) throw new UsageError('render takes one FILE');
  const outPath = String(args.flags.get('o') ?? args.flags.get('output') ?? '');
  if (!outPath || !/\.(svg|png)$/i.test(outPath)) throw new UsageError('render needs -o OUT.svg or -o OUT.png');
  const style = args.flags.get('style');
  const styles = ['plain', 'wardley', 'colour', 'color', 'handwritten', 'dark'];
  if (style !== undefined && (typeof style !== 'string' || !styles.includes(style)))
    throw new UsageError(`--style must be one of ${styles.join(', ')}`);
  const highlight = args.flags.get('highlight') ?? 'none';
  if (highlight !== 'findings' && highlight !== 'none') throw new UsageError('--highlight must be findings or none');
  const model = readModel(args.positional[0]!);
  const width = Number(args.flags.get('width') ?? model.presentation.size?.width ?? 1200);
  const height = Number(args.flags.get('height') ?? model.presentation.size?.height ?? 800);
  if (!(width >= 200 && width <= 10000 && height >= 200 && height <= 10000))
    throw new UsageError('--width and --height must be between 200 and 10000');
  const scene = buildScene(
    model,
    { width, height },
    {
      findings: highlight === 'findings' ? analyze(model).findings : [],
      ...(style ? { style: style === 'color' ? 'colour' : (style as 'plain') } : {}),
    },
  );
  const svg = sceneToSvg(scene, model.title);
  if (/\.svg$/i.test(outPath)) {
    writeFileSync(outPath, svg);
    return 0;
  }
  return renderPng(svg, width, height, outPath).then(() => 0);
}

/** PNG through the same browser engine the app runs in (Chromium via playwright-core). */
async function renderPng(svg: string, width: number, height: number, outPath: string): Promise<void> {
  let chromium: {
    launch(o: object): Promise<{
      newPage(o: object): Promise<{ setContent(h: string): Promise<void>; screenshot(o: object): Promise<Buffer> }>;
      close(): Promise<void>;
    }>;
  };
  try {
    ({ chromium } = (await import('playwright-core')) as unknown as { chromium: typeof chromium });
  } catch {
    throw new UsageError(
      'PNG output needs playwright-core and Chromium (apt-get install chromium); SVG output needs neither',
    );
  }
  const executablePath = findBrowser();
  if (!executablePath)
    throw new UsageError(
      'PNG output needs Chromium or Chrome (apt-get install chromium, or set CHROMIUM_PATH); SVG output does not',
    );
  const browser = await chromium.launch({ executablePath, args: [...BROWSER_ARGS] }).catch((e: Error) => {
    throw new UsageError(`cannot start Chromium for PNG output: ${e.message.split('\n')[0]}`);
  });
  try {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 2 });
    await page.setContent(
      `<!doctype html><html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`,
    );
    writeFileSync(outPath, await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } }));
  } finally {
    await browser.close();
  }
}

function exportCommand(args: Args, io: CliIO): number {
  checkFlags(args, ['to']);
  const to = args.flags.get('to');
  if (to !== 'mermaid' && to !== 'markdown') throw new UsageError('--to must be mermaid or markdown');
  if (args.positional.length !== 1) throw new UsageError('export takes one FILE');
  const text = readMapText(args.positional[0]!);
  const out = toMermaid(text);
  io.out((to === 'mermaid' ? out.text : `\`\`\`mermaid\n${out.text}\`\`\`\n`).replace(/\n$/, ''));
  // What Mermaid cannot say travels as `%% mapwright:` comments; say which lines, on stderr.
  for (const l of out.leftOut)
    io.err(
      `${displayName(args.positional[0]!)}:${l.line}: note: kept as a %% mapwright comment (${l.why}): ` +
        `${oneLine(l.text)}`,
    );
  return 0;
}

function importCommand(args: Args, io: CliIO): number {
  checkFlags(args, ['from']);
  if (args.flags.get('from') !== 'mermaid') throw new UsageError('--from must be mermaid');
  if (args.positional.length !== 1) throw new UsageError('import takes one FILE');
  io.out(importMermaid(readMapText(args.positional[0]!)).replace(/\n$/, ''));
  return 0;
}

const COMMANDS: Record<string, { run: (a: Args, io: CliIO) => number | Promise<number>; valued: string[] }> = {
  lint: { run: lint, valued: ['format'] },
  fmt: { run: fmt, valued: ['format'] },
  parse: { run: parse, valued: [] },
  analyze: { run: analyzeCommand, valued: ['format'] },
  diff: { run: diffCommand, valued: ['format'] },
  'git-diff': { run: gitDiffCommand, valued: [] },
  describe: { run: describeCommand, valued: [] },
  render: { run: renderCommand, valued: ['output', 'style', 'highlight', 'width', 'height'] },
  export: { run: exportCommand, valued: ['to'] },
  import: { run: importCommand, valued: ['from'] },
  lsp: { run: lspCommand, valued: [] },
  serve: { run: serveCommand, valued: ['port', 'data', 'host'] },
  share: { run: shareCommand, valued: ['server'] },
};

/** `mapwright serve`: the app and the live rooms, until SIGINT or SIGTERM (rooms stored first). */
async function serveCommand(args: Args, io: CliIO): Promise<number> {
  checkFlags(args, ['port', 'data', 'host', 'redis']);
  const port = Number(args.flags.get('port') ?? 1234);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number');
  const host = String(args.flags.get('host') ?? '127.0.0.1');
  const dataDir = String(args.flags.get('data') ?? '.mapwright-rooms');
  const { serve, loadSqlite } = await import('../server/serve.js');
  await loadSqlite().catch((e: Error) => {
    throw new UsageError(e.message);
  });
  const appDir = fileURLToPath(new URL('../web', import.meta.url));
  const redis = args.flags.has('redis') ? String(args.flags.get('redis')) : null;
  const serving = await serve({ port, host, dataDir, appDir: existsSync(appDir) ? appDir : null, redis });
  // Printed at once (not with the command's output at its end): the server runs until stopped.
  process.stdout.write(`mapwright: serving ${serving.url} (rooms in ${dataDir}); Ctrl+C stops\n`);
  if (!existsSync(appDir)) io.err(`mapwright serve: the app is not built (npm run build): only rooms are served`);
  return new Promise<number>((done) => {
    // Once every room is stored and the server closed, the process ends (a connection that
    // Hocuspocus has closed can still hold the event loop open for a while).
    const stop = () =>
      void serving.close().then(() => {
        done(0);
        setImmediate(() => process.exit(0));
      });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `mapwright share FILE --server URL`: a live room from a map file; prints its edit and view links. */
async function shareCommand(args: Args, io: CliIO): Promise<number> {
  checkFlags(args, ['server']);
  const server = args.flags.get('server');
  if (typeof server !== 'string' || args.positional.length !== 1) throw new UsageError('share takes FILE --server URL');
  const text = readMapText(args.positional[0]!);
  const base = server.replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${base}/api/rooms`, {
      method: 'POST',
      body: JSON.stringify({ text }),
      headers: { 'Content-Type': 'application/json' },
    });
  } catch (e) {
    throw new UsageError(`cannot reach ${base}: ${(e as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as {
    room?: string;
    edit?: string;
    view?: string;
    error?: string;
  };
  if (!response.ok || !body.room) throw new UsageError(`${base} refused the map: ${body.error ?? response.statusText}`);
  io.out(`edit: ${base}/#room=${body.room}&token=${body.edit}`);
  io.out(`view: ${base}/#room=${body.room}&token=${body.view}`);
  return 0;
}

/** `mapwright lsp --stdio`: the language server, until the client says exit. */
async function lspCommand(args: Args): Promise<number> {
  checkFlags(args, ['stdio']);
  if (!args.flags.has('stdio'))
    throw new UsageError('lsp speaks over standard input and output: mapwright lsp --stdio');
  const { startServer } = await import('../lsp/server.js');
  startServer();
  return new Promise<number>(() => {}); // the server ends the process when the client says exit
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const cmd = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!cmd) {
    io.err(`mapwright: unknown command '${command}' (try 'mapwright help')`);
    return 2;
  }
  try {
    return await cmd.run(parseArgs(rest, new Set(cmd.valued)), io);
  } catch (e) {
    // An ordinary I/O failure (a full disk, a missing directory) is said as such; only a bug is internal.
    const io_ =
      typeof (e as NodeJS.ErrnoException).code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';
    const what =
      e instanceof UsageError
        ? e.message
        : io_
          ? `${(e as NodeJS.ErrnoException).path ?? ''}${(e as NodeJS.ErrnoException).path ? ': ' : ''}${ioProblem(e)}`
          : `internal error: ${(e as Error).message}`;
    io.err(`mapwright ${command}: ${what}`);
    return 2;
  }
}

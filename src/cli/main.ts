// `mapwright`: argument parsing and output formats only; the work is done by the core.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMap } from '../dsl/format.js';
import { analyze } from '../analysis/index.js';
import { analysisToJson, analysisToMarkdown } from '../analysis/report.js';
import { parseMap } from '../model/build.js';
import { modelToJson } from '../model/json.js';
import { displayName, readMapText, UsageError } from './io.js';

const HELP = `mapwright: Wardley maps as text

usage:
  mapwright lint FILE... [--format text|json]   report problems (exit 1 on errors)
  mapwright fmt FILE... [--check|--write]       format maps (stdout, check, or in place)
  mapwright parse FILE --json                   the map model as JSON
  mapwright analyze FILE [--format md|json]     critical paths, bottlenecks, risks, recommendations
  mapwright help                                this text

FILE may be '-' (standard input), a glob such as 'maps/*.owm', or REV:path (a git revision).
Exit codes: 0 ok, 1 problems found, 2 usage or I/O error.`;

export interface CliIO { out: (s: string) => void; err: (s: string) => void }

interface Args { positional: string[]; flags: Map<string, string | true> }

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

/** Expands `*`, `**` and `?` in a path (the shell usually does this; Windows shells and quoted globs do not). */
export function expandGlob(pattern: string): string[] {
  if (!/[*?]/.test(pattern)) return [pattern];
  const parts = pattern.split('/');
  const firstGlob = parts.findIndex((p) => /[*?]/.test(p));
  const root = parts.slice(0, firstGlob).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const rest = parts.slice(firstGlob);
  const toRegex = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  const out: string[] = [];
  const walk = (dir: string, i: number): void => {
    if (i === rest.length) { out.push(dir); return; }
    const part = rest[i]!;
    let entries: string[];
    try { entries = readdirSync(dir).sort(); } catch { return; }
    if (part === '**') {
      walk(dir, i + 1);
      for (const e of entries) if (statSync(join(dir, e)).isDirectory()) walk(join(dir, e), i);
      return;
    }
    const re = toRegex(part);
    for (const e of entries) {
      if (!re.test(e)) continue;
      const full = dir === '.' && !pattern.startsWith('./') ? e : join(dir, e);
      if (i === rest.length - 1 || statSync(full).isDirectory()) walk(full, i + 1);
    }
  };
  walk(root, 0);
  if (out.length === 0) throw new UsageError(`${pattern}: no file matches`);
  return out;
}

function inputs(args: Args): string[] {
  if (args.positional.length === 0) throw new UsageError('no FILE given (use - for standard input)');
  return args.positional.flatMap(expandGlob);
}

function lint(args: Args, io: CliIO): number {
  checkFlags(args, ['format']);
  const format = args.flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not ${String(format)}`);
  let errors = 0;
  const report: { file: string; diagnostics: unknown[] }[] = [];
  for (const spec of inputs(args)) {
    const file = displayName(spec);
    const model = parseMap(readMapText(spec), file);
    errors += model.diagnostics.filter((d) => d.severity === 'error').length;
    if (format === 'json') report.push({ file, diagnostics: model.diagnostics.map((d) => ({ severity: d.severity, line: d.line, column: d.column, message: d.message, ...(d.fix !== undefined ? { fix: d.fix } : {}) })) });
    else for (const d of model.diagnostics) io.out(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  }
  if (format === 'json') io.out(JSON.stringify(report, null, 2));
  return errors > 0 ? 1 : 0;
}

function fmt(args: Args, io: CliIO): number {
  checkFlags(args, ['check', 'write']);
  const check = args.flags.has('check');
  const write = args.flags.has('write');
  if (check && write) throw new UsageError('--check and --write cannot be used together');
  let unformatted = 0;
  for (const spec of inputs(args)) {
    const text = readMapText(spec);
    const formatted = formatMap(text);
    if (check) {
      if (formatted !== text) { unformatted += 1; io.out(`${displayName(spec)}: not formatted`); }
    } else if (write) {
      if (spec === '-') throw new UsageError('--write needs files, not standard input');
      if (formatted !== text) writeFileSync(spec, formatted);
    } else io.out(formatted.replace(/\n$/, ''));
  }
  return unformatted > 0 ? 1 : 0;
}

function parse(args: Args, io: CliIO): number {
  checkFlags(args, ['json']);
  const files = inputs(args);
  if (files.length !== 1) throw new UsageError('parse takes one FILE');
  const spec = files[0]!;
  const model = parseMap(readMapText(spec), displayName(spec));
  io.out(JSON.stringify(modelToJson(model), null, 2));
  return model.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function analyzeCommand(args: Args, io: CliIO): number {
  checkFlags(args, ['format']);
  const format = args.flags.get('format') ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, not ${String(format)}`);
  const files = inputs(args);
  if (files.length !== 1) throw new UsageError('analyze takes one FILE');
  const spec = files[0]!;
  const model = parseMap(readMapText(spec), displayName(spec));
  const result = analyze(model);
  io.out((format === 'json' ? analysisToJson(result) : analysisToMarkdown(model, result)).replace(/\n$/, ''));
  for (const d of model.diagnostics.filter((x) => x.severity === 'error')) io.err(`${displayName(spec)}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  return 0;
}

const COMMANDS: Record<string, { run: (a: Args, io: CliIO) => number; valued: string[] }> = {
  lint: { run: lint, valued: ['format'] },
  fmt: { run: fmt, valued: [] },
  parse: { run: parse, valued: [] },
  analyze: { run: analyzeCommand, valued: ['format'] },
};

/** Runs the CLI; returns the exit code. Never throws. */
export function runCli(argv: string[], io: CliIO): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') { io.out(HELP); return command === undefined ? 2 : 0; }
  const cmd = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!cmd) { io.err(`mapwright: unknown command '${command}' (try 'mapwright help')`); return 2; }
  try {
    return cmd.run(parseArgs(rest, new Set(cmd.valued)), io);
  } catch (e) {
    io.err(`mapwright ${command}: ${e instanceof UsageError ? e.message : `internal error: ${(e as Error).message}`}`);
    return 2;
  }
}

// The shape of src/ that issue 19 set, kept by tests: folders import each other without a cycle,
// the pure core keeps no state of its own between calls, and the model is built by small passes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = 'src';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'generated' ? [] : sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** The folder a file belongs to: `src/lang`, or `src/editor/core` (the editor's two halves apart). */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length === 1 ? '.' : parts[0] === 'editor' ? `editor/${parts[1]}` : parts[0]!;
}

const files = sources(SRC);

describe('the layout of src/', () => {
  it('has no import cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const target = normalize(join(dirname(f), m[1]!));
        if (!target.startsWith(SRC + sep)) continue;
        const [a, b] = [folderOf(f), folderOf(target)];
        if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
      }
    }
    const cycles = new Set<string>();
    const visit = (n: string, path: string[]) => {
      for (const m of edges.get(n) ?? []) {
        if (path.includes(m)) cycles.add([...path.slice(path.indexOf(m)), m].join(' -> '));
        else visit(m, [...path, m]);
      }
    };
    for (const n of edges.keys()) visit(n, [n]);
    expect([...cycles]).toEqual([]);
    expect(edges.get('lang') ?? new Set(), 'the language imports nothing of ours').toEqual(new Set());
  });

  it('keeps no module-level variables in the pure core', () => {
    const core = ['lang', 'model', 'analysis', 'render', 'diff', 'interchange', 'learn'];
    const found: string[] = [];
    for (const f of files.filter((f) => core.includes(folderOf(f)))) {
      const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      for (const s of src.statements)
        if (ts.isVariableStatement(s) && !(s.declarationList.flags & ts.NodeFlags.Const))
          found.push(`${f}:${src.getLineAndCharacterOfPosition(s.getStart()).line + 1}`);
    }
    expect(found).toEqual([]);
  });

  it('builds the model in functions of at most 80 lines', () => {
    const long: string[] = [];
    for (const f of files.filter((f) => f.startsWith(join(SRC, 'model')))) {
      const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node) => {
        if (ts.isFunctionLike(n) && 'body' in n && n.body) {
          const [a, b] = [n.getStart(), n.end].map((p) => src.getLineAndCharacterOfPosition(p).line);
          if (b! - a! + 1 > 80) long.push(`${f}:${a! + 1} (${b! - a! + 1} lines)`);
        }
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
    expect(long).toEqual([]);
  });
});

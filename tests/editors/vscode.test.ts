// The VS Code extension: packaged by @vscode/vsce (which validates the manifest), and its contents
// checked: the manifest the editor reads, the client bundle, and a grammar that knows every word
// of the language (made from words.ts, so the two cannot drift).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { textMateGrammar } from '../../src/lang/tmgrammar.js';
import { DECORATOR_WORDS, MODIFIER_WORDS, STATEMENT_KEYWORDS } from '../../src/lang/words.js';

const root = join(import.meta.dirname, '../..');
const vsix = join(root, 'dist/mapwright-vscode.vsix');
const files = new Map<string, string>();

function readZip(path: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, string>();
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) {
        reject(err);
        return;
      }
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) {
            reject(err2);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(e.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  rmSync(vsix, { force: true });
  execFileSync('npm', ['run', '--silent', 'package:vscode'], { cwd: root, stdio: 'pipe' });
  for (const [k, v] of await readZip(vsix)) files.set(k, v);
}, 180_000);

describe('the VS Code extension', () => {
  it('packages with vsce into a .vsix with a valid manifest', () => {
    expect(existsSync(vsix)).toBe(true);
    expect(files.has('extension.vsixmanifest')).toBe(true);
    const manifest = JSON.parse(files.get('extension/package.json')!);
    expect(manifest.engines.vscode).toMatch(/^\^1\./);
    expect(manifest.contributes.languages[0]).toMatchObject({ id: 'wardley', extensions: ['.owm', '.wm'] });
    const grammar = manifest.contributes.grammars[0];
    expect(files.has(`extension/${grammar.path.replace(/^\.\//, '')}`)).toBe(true);
    expect(files.has(`extension/${manifest.main.replace(/^\.\//, '')}`)).toBe(true);
    // The client is bundled: the only module it needs from outside is the editor's own.
    const bundle = files.get(`extension/${manifest.main.replace(/^\.\//, '')}`)!;
    expect(
      [...new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].filter(
        (m) => !/^(vscode|node:.*|child_process|crypto|fs|net|os|path|util|events|stream|url)$/.test(m!),
      ),
    ).toEqual([]);
  });

  it("has a grammar made from the language's word list", () => {
    const packed = JSON.parse(files.get('extension/syntaxes/wardley.tmLanguage.json')!);
    expect(packed).toEqual(JSON.parse(JSON.stringify(textMateGrammar())));
    const patterns = packed.patterns as {
      name: string;
      match?: string;
      begin?: string;
      patterns?: { name: string; match: string }[];
    }[];
    const re = (name: string) => new RegExp(patterns.find((p) => p.name === name)!.match!);
    for (const k of STATEMENT_KEYWORDS)
      expect(re('keyword.control.statement.wardley').test(`${k} Something [0.5, 0.5]`), k).toBe(true);
    expect(re('keyword.control.statement.wardley').test('Componentry [0.5, 0.5]')).toBe(false);
    for (const k of MODIFIER_WORDS)
      expect(re('keyword.other.modifier.wardley').test(`component A [0.5, 0.5] ${k} [1, 2]`), k).toBe(true);
    const deco = new RegExp(patterns.find((p) => p.name === 'meta.decorators.wardley')!.patterns![0]!.match);
    for (const w of DECORATOR_WORDS) expect(deco.test(w), w).toBe(true);
  });
});

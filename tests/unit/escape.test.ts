// Names are data: a hostile component name cannot change the structure of a Markdown report, a
// diff or the one-line-per-thing description git shows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { analysisToMarkdown } from '../../src/analysis/report.js';
import { diffMaps, diffToText } from '../../src/diff/diff.js';
import { markdownText, oneLine } from '../../src/lang/escape.js';
import { parseMap } from '../../src/model/build/index.js';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![x](http://e/x.png)',
  '# Heading',
  '1. item',
  '- removed Everything',
  '`code`',
  '**bold**',
  'a|b|c',
  'line\u2028break',
  'next\u0085line',
  'bell\u0007',
  'rtl\u202eevil',
  'tab\tname',
  '&amp;',
  '> quote',
  '~~strike~~',
  'x\\y',
];
const piece = fc.constantFrom(...HOSTILE, 'Kettle', 'Cup', 'Power');
const nameArb = fc
  .array(piece, { minLength: 1, maxLength: 2 })
  .map((p) => p.join(' ').trim())
  .filter((n) => n.length > 0 && !n.includes('->'));
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/;

function mapOf(names: readonly string[], shift = 0): string {
  const lines = ['title T'];
  names.forEach((n, i) =>
    lines.push(`component ${n} [${(0.9 - i * 0.1).toFixed(2)}, ${(0.1 + ((i * 0.23 + shift) % 0.85)).toFixed(2)}]`),
  );
  for (let i = 1; i < names.length; i++) lines.push(`${names[i - 1]}->${names[i]}`);
  return lines.join('\n');
}

describe('hostile names in text outputs', () => {
  it('the escapes keep a name on one line and inert in Markdown', () => {
    for (const n of HOSTILE) {
      expect(oneLine(n)).not.toMatch(UNSAFE);
      expect(markdownText(n)).not.toMatch(/<|(?<!\\)[[\]`*_|!#]/);
    }
  });

  it('the analysis report and the diff never carry a name raw', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(nameArb, { minLength: 2, maxLength: 5, selector: (n) => n.toLowerCase() }),
        (names) => {
          const before = parseMap(mapOf(names));
          const after = parseMap(mapOf([...names.slice(1), `${names[0]} new`], 0.3));
          const md = analysisToMarkdown(after, analyze(after));
          const diffMd = diffToText(diffMaps(before, after), 'md');
          const diffText = diffToText(diffMaps(before, after), 'text');
          for (const out of [md, diffMd, diffText]) expect(out).not.toMatch(UNSAFE);
          // Plain text may say `<img` as it is; Markdown never lets it be a tag, a link or an image.
          for (const out of [md, diffMd]) expect(out).not.toMatch(/<img|(?<!\\)\](?=\(javascript)|(?<!\\)!(?=\\?\[x)/);
          for (const out of [md, diffMd])
            expect(
              out
                .split('\n')
                .filter((l) => /^#/.test(l))
                .every((l) => /^#{1,3} [A-Z]/.test(l)),
            ).toBe(true);
          // In text, every line is one item: it starts with what the diff says, or a name, never a forged verb after a break.
          expect(diffText.split('\n').every((l) => !/^(- )?removed Everything$/.test(l))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('describe (the git textconv) gives one line per component, link and evolve', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-esc-'));
    const file = join(dir, 'm.owm');
    const names = ['line\u2028break', 'next\u0085line', 'rtl\u202eevil'];
    writeFileSync(file, mapOf(names));
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/mapwright.js'), 'describe', file], {
      encoding: 'utf8',
    });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(1 + names.length + names.length - 1);
    expect(r.stdout).not.toMatch(UNSAFE);
  });
});

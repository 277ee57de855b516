// Highlighting comes from the parser's reading of a line (src/lang/tokens.ts), not a second lexer.
import { describe, expect, it } from 'vitest';
import { Parser } from '../../src/lang/parse.js';
import { lineTokens } from '../../src/lang/tokens.js';
import { STATEMENT_KEYWORDS } from '../../src/lang/words.js';
import { corpus } from '../property/arbitraries.js';

const parser = new Parser();
const show = (line: string, open = false) =>
  lineTokens(line, open, parser).tokens.map((t) => `${t.kind}:${line.slice(t.from, t.to)}`);

describe('line tokens', () => {
  it('colour what the parser reads, part by part', () => {
    expect(show('component "Cup (of) Tea" [0.5, 0.6] label [10, -5] (build, practice) inertia // mine')).toEqual([
      'keyword:component',
      'string:"Cup (of) Tea"',
      'number:0.5',
      'number:0.6',
      'keyword:label',
      'number:10',
      'number:-5',
      'decorator:(build, practice)',
      'keyword:inertia',
      'comment:// mine',
    ]);
    expect(show("A+'cash'>B; ctx")).toEqual(["arrow:+'cash'>"]);
    expect(show('evolve Kettle->Electric Kettle 0.8')).toEqual(['keyword:evolve', 'arrow:->', 'number:0.8']);
    expect(show('component A [0.5, 0.5] url(u) evolve 0.9')).toEqual([
      'keyword:component',
      'number:0.5',
      'number:0.5',
      'keyword:url',
      'keyword:evolve',
      'number:0.9',
    ]);
  });

  it('follow the reading, not the look: a name that contains a keyword or a number is a name', () => {
    expect(show('component Pipeline 2 [0.5, 0.5]')).toEqual(['keyword:component', 'number:0.5', 'number:0.5']);
    expect(show('Note Taking->Label Printer')).toEqual(['arrow:->']);
  });

  it('carry a block comment across lines', () => {
    const first = lineTokens('component A [0.5, 0.5] /* starts', false, parser);
    expect(first.open).toBe(true);
    const second = lineTokens('still a comment */ component B [0.1, 0.2]', true, parser);
    expect(second.tokens[0]).toEqual({ from: 0, to: 18, kind: 'comment' });
    expect(second.tokens.map((t) => t.kind)).toEqual(['comment', 'keyword', 'number', 'number']);
  });

  it('give every statement its keyword, on every map, in order and without overlaps', () => {
    const sample: Record<string, string> = {
      title: 'title x',
      style: 'style wardley',
      size: 'size [800, 600]',
      evolution: 'evolution A->B->C->D',
      valuechain: 'valuechain --hide',
      'y-axis': 'y-axis Low->High',
      annotation: 'annotation 1 [0.5, 0.5] text',
      annotations: 'annotations [0.5, 0.5]',
      note: 'note text [0.5, 0.5]',
      url: 'url u [https://x.y]',
      evolve: 'evolve Thing 0.8',
      pioneers: 'pioneers [0.5, 0.5, 0.6, 0.6]',
      settlers: 'settlers [0.5, 0.5, 0.6, 0.6]',
      townplanners: 'townplanners [0.5, 0.5, 0.6, 0.6]',
      build: 'build Thing',
      buy: 'buy Thing',
      outsource: 'outsource Thing',
    };
    for (const kw of STATEMENT_KEYWORDS) {
      const line = sample[kw] ?? `${kw} Thing [0.5, 0.5]`;
      expect(show(line)[0], line).toBe(`keyword:${kw}`);
    }
    for (const text of corpus()) {
      let open = false;
      for (const line of text.split('\n')) {
        const read = lineTokens(line, open, parser);
        open = read.open;
        for (let k = 1; k < read.tokens.length; k++)
          expect(read.tokens[k]!.from).toBeGreaterThanOrEqual(read.tokens[k - 1]!.to);
        for (const t of read.tokens)
          if (t.kind === 'number') expect(Number.isNaN(Number(line.slice(t.from, t.to)))).toBe(false);
      }
    }
  });
});

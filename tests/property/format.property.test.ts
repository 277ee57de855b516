import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMap } from '../../src/model/format.js';
import { parseMap } from '../../src/model/build/index.js';
import { meaning } from '../helpers.js';
import { owmNames } from '../conformance/owm-reading.js';
import { corpus, mapText, mutatedCorpusMap } from './arbitraries.js';

/** The meaning of a map; without line numbers when `lines` is false. */
function read(text: string, lines: boolean): unknown {
  const m = meaning(parseMap(text));
  if (lines) return m;
  const strip = (x: unknown): unknown =>
    typeof x === 'string'
      ? x.replace(/^\d+ (?=error|warning|info)/, '')
      : Array.isArray(x)
        ? x.map(strip)
        : x && typeof x === 'object'
          ? Object.fromEntries(
              Object.entries(x)
                .filter(([k]) => k !== 'line' && k !== 'loc')
                .map(([k, v]) => [k, strip(v)]),
            )
          : x;
  return strip(m);
}

function checkFormat(text: string): void {
  const once = formatMap(text);
  expect(formatMap(once)).toBe(once);
  // Lines stay where they are, but for a pipeline's `{`, which the formatter puts on a line of its own.
  const moved = once.split('\n').length !== text.split('\n').length;
  expect(read(once, !moved)).toEqual(read(text, !moved));
}

describe('the formatter', () => {
  it('is idempotent and keeps the model, on every corpus map', () => {
    for (const text of corpus()) checkFormat(text);
  });

  it('is idempotent and keeps the model, on generated and mutated maps', () => {
    fc.assert(fc.property(fc.oneof(mapText, mutatedCorpusMap), checkFormat), { numRuns: 600 });
    // 600 maps take about 3 s alone; beside the packaging and live-room tests, longer.
  }, 30_000);

  it('keeps numbers that JavaScript would print in exponent form (found by the generated maps)', () => {
    // (1e21).toFixed(2) is '1e+21', which the language does not read as a number.
    const text =
      'component Huge [0.5, 1000000000000000000000]\ncomponent Far [0.5, 0.5] evolve 1000000000000000000000.5\n';
    checkFormat(text);
    expect(formatMap(text)).toContain('[0.50, 1000000000000000000000]');
  });
});

describe('the formatter never changes a name', () => {
  // But one: OnlineWardleyMaps reads `pipeline X {` as a pipeline named `X {` (a bug of its own);
  // the formatter puts the `{` on the next line, where it reads the name as Mapwright does.
  const owmMeant = (names: string[]) => names.map((n) => n.replace(/^(pipeline: .*?)\s*\{$/, '$1'));
  const check = (text: string) => expect(owmNames(formatMap(text))).toEqual(owmMeant(owmNames(text)));

  it('as OnlineWardleyMaps reads names, on every corpus map and fixture', () => {
    for (const text of corpus()) check(text);
  });

  it('on names with parentheses, stars and other punctuation, glued or spaced', () => {
    const word = fc.constantFrom(
      'Members',
      'Buyer',
      '(*)',
      '(Anchor)',
      '(un)known',
      'Storage',
      '(battery)',
      'x.y',
      'C++',
      '#1',
      '(build)',
      'A&B',
    );
    const name = fc.array(fc.tuple(word, fc.constantFrom('', ' ', '  ')), { minLength: 1, maxLength: 4 }).map((parts) =>
      parts
        .map(([w, sep]) => w + sep)
        .join('')
        .trim(),
    );
    const line = fc.tuple(
      fc.constantFrom('component', 'anchor', 'pipeline'),
      name,
      fc.constantFrom('', ' [0.5, 0.5]', ' [0.50,0.5] (build)', '  [0.5, 0.5] label [1, 2]'),
    );
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(name, name), { maxLength: 3 }),
        (lines, links) => {
          check(
            [...lines.map(([k, n, tail]) => `${k} ${n}${tail}`), ...links.map(([a, b]) => `${a}->${b}`)].join('\n'),
          );
        },
      ),
      { numRuns: 800 },
    );
  });
});

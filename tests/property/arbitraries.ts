// fast-check generators of map texts, and the corpus maps as seeds for mutation.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { testMaps } from '../conformance/corpus.js';

const WORDS = [
  'Tea',
  'Cup',
  'Kettle',
  'Power',
  'Hot Water',
  'Data Lake',
  'CI/CD',
  'Model 2',
  'Ops & Gov',
  'C++',
  '__proto__',
  'constructor',
  'Inertia Alternative',
  'label maker',
];

export const componentName = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,12}[A-Za-z0-9]$/),
);

const coord = fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2));

/** A well-formed map: components, links, an evolve, a pipeline block, notes, comments and blank lines. */
export const mapText = fc
  .record({
    names: fc.uniqueArray(componentName, {
      minLength: 1,
      maxLength: 12,
      selector: (n) => n.trim().replace(/\s+/g, ' '),
    }),
    coords: fc.array(fc.tuple(coord, coord), { minLength: 12, maxLength: 12 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 15 }),
    extras: fc.array(
      fc.constantFrom(
        '',
        '// a comment',
        '/* block */',
        'note +a note [0.30, 0.40]',
        'style wardley',
        'annotation 1 [0.10, 0.20] Text',
      ),
      { maxLength: 5 },
    ),
    decorators: fc.array(
      fc.constantFrom('', ' inertia', ' (build)', ' (buy, practice)', ' label [10, -5]', ' // trailing'),
      { minLength: 12, maxLength: 12 },
    ),
    evolve: fc.boolean(),
    pipeline: fc.boolean(),
  })
  .map(({ names, coords, links, extras, decorators, evolve, pipeline }) => {
    const q = (n: string) => (/^[A-Za-z0-9 _]+$/.test(n) ? n : `"${n}"`);
    const lines = ['title Generated'];
    names.forEach((n, i) => lines.push(`component ${q(n)} [${coords[i]![0]}, ${coords[i]![1]}]${decorators[i]}`));
    for (const [a, b] of links) lines.push(`${q(names[a % names.length]!)}->${q(names[b % names.length]!)}`);
    if (evolve) lines.push(`evolve ${q(names[0]!)} 0.95`);
    if (pipeline)
      lines.push(`pipeline ${q(names[0]!)}`, '{', '  component Child One [0.30]', '  component Child Two [0.60]', '}');
    lines.push(...extras);
    return `${lines.join('\n')}\n`;
  });

/** Every corpus map's text (the project's own maps when the corpus is not there: see corpus.ts). */
export function corpus(): string[] {
  return testMaps().texts;
}

/** The repository's own maps. */
export function ownMaps(): string[] {
  const dir = join(import.meta.dirname, '../../maps');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.owm'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** A corpus map with random bytes inserted, deleted or replaced. */
export const mutatedCorpusMap = fc
  .tuple(
    fc.nat(),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 8 }),
        fc.string({
          maxLength: 6,
          unit: fc.constantFrom(
            '[',
            ']',
            '(',
            ')',
            '{',
            '}',
            '"',
            '\\',
            '/',
            '*',
            '-',
            '>',
            '+',
            "'",
            ';',
            ',',
            '.',
            '0',
            '9',
            ' ',
            '\n',
            'a',
            'component ',
            'evolve ',
            'pipeline ',
          ),
        }),
      ),
      { minLength: 1, maxLength: 5 },
    ),
  )
  .map(([k, edits]) => {
    const texts = corpus();
    let text = texts[k % texts.length]!;
    for (const [at, del, ins] of edits) {
      const pos = text.length === 0 ? 0 : at % text.length;
      text = text.slice(0, pos) + ins + text.slice(pos + del);
    }
    return text;
  });

// Every Mermaid export renders in the real Mermaid library (`mermaid.parse` and `mermaid.render`
// in Chromium, as a code host renders a README), and what it draws has the map's components.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { exportMermaid, importMermaid } from '../../src/interchange/mermaid.js';
import { parseMap } from '../../src/model/build/index.js';
import { corpusDir, corpusMaps } from '../conformance/corpus.js';

const root = join(import.meta.dirname, '../..');
const owm = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.owm'))
    .map((f) => [`${dir}/${f}`, readFileSync(join(root, dir, f), 'utf8')] as const);
const mermaidFixtures = readdirSync(join(root, 'tests/fixtures/mermaid'))
  .filter((f) => f.endsWith('.mmd'))
  .map(
    (f) =>
      [
        `tests/fixtures/mermaid/${f} (imported, exported again)`,
        importMermaid(readFileSync(join(root, 'tests/fixtures/mermaid', f), 'utf8')),
      ] as const,
  );
const corpus = corpusDir();
const corpusTexts = corpus
  ? corpusMaps(corpus).map(([g, f]) => [`corpus ${g}/${f}`, readFileSync(join(corpus, g, f), 'utf8')] as const)
  : [];
const maps = [...owm('maps'), ...owm('tests/eval'), ...mermaidFixtures, ...corpusTexts];

test('every export renders in the Mermaid library, with the components it names', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setContent('<!doctype html><div id="out"></div>');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
  await page.evaluate(() =>
    (window as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false }),
  );
  const failures: string[] = [];
  let rendered = 0;
  let checked = 0;
  for (const [name, text] of maps) {
    const out = exportMermaid(text);
    const model = parseMap(text);
    // Names Mermaid draws: the components with a place on the map.
    const names = model.components
      .filter((c) => (c.type === 'component' || c.type === 'anchor') && c.positioned && !/[\n"\\]/.test(c.name))
      .map((c) => c.name)
      .slice(0, 20);
    const result = await page.evaluate(
      async ({ out, i }) => {
        const mermaid = (
          window as unknown as {
            mermaid: { parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> };
          }
        ).mermaid;
        try {
          await mermaid.parse(out);
          const { svg } = await mermaid.render(`m${i}`, out);
          const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
          return { ok: true as const, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '') };
        } catch (e) {
          return { ok: false as const, error: String((e as Error).message ?? e).split('\n')[0] };
        }
      },
      { out, i: rendered },
    );
    if (!result.ok) {
      failures.push(`${name}: ${result.error}`);
      continue;
    }
    const drawn = new Set(result.texts.map((t) => t.replace(/\s+/g, ' ').trim()));
    const missing = names.filter((n) => !drawn.has(n.replace(/\s+/g, ' ').trim()));
    if (missing.length) failures.push(`${name}: not drawn: ${missing.join(', ')}`);
    checked += names.length;
    rendered++;
  }
  console.log(
    `Mermaid rendered ${rendered} of ${maps.length} exports, ${checked} component names found drawn${corpus ? '' : ' (no conformance corpus beside this checkout: maps/, eval maps and fixtures)'}`,
  );
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(maps.length);
});

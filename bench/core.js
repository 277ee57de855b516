// `npm run bench`: what users do, timed in Node on the compiled core. Each figure is the median of
// repeated runs, beside a baseline measured in the same run (a regular expression over every line,
// as a naive reader would), because timings on these machines are noisy. Prints figures; asserts
// nothing. The targets are in bench/README.md.
import { analyze, diagnose } from '../dist/analysis/index.js';
import { moveComponent } from '../dist/lang/edit.js';
import { parseDoc, Parser, reparse } from '../dist/lang/parse.js';
import { buildModel } from '../dist/model/build/index.js';
import { buildScene } from '../dist/render/scene.js';
import { generateComponentMap, generateMap } from './generate.js';
import { ms, time } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 31);
const met = (x, target) => `(target < ${target} ms: ${x < target ? 'met' : 'NOT met'})`;

/** The baseline: one regular expression over every line. */
const LINE_RE = /^\s*(component|anchor)\s+([^[]+?)\s*\[\s*([\d.]+)\s*,\s*([\d.]+)\s*\]|^\s*(.+?)\s*->\s*(.+?)\s*$/;
function baseline(text) {
  let hits = 0;
  for (const line of text.split('\n')) if (LINE_RE.exec(line)) hits++;
  return hits;
}

/** A fresh parse and model, as opening a file does (a new parser: nothing cached). */
const open = (text) => buildModel(parseDoc(text, 'bench.owm', new Parser()));

// Warm up as an editor process is warm: every path runs a few hundred times first.
{
  const warm = generateComponentMap(100);
  for (let i = 0; i < 300; i++) analyze(open(warm));
}

console.log('# Open a real-sized map: parse + model + analysis');
{
  const text = generateComponentMap(100);
  const t = time(() => analyze(open(text)), RUNS * 3);
  const b = time(() => baseline(text), RUNS * 3);
  console.log(`100 components (${text.split('\n').length} lines): ${ms(t.median)} median, ${ms(t.p95)} p95; baseline ${ms(b.median)} ${met(t.median, 2)}`);
}

console.log('\n# One drag frame on a 500-component map: edit + re-parse + model + findings + scene');
{
  const text = generateComponentMap(500);
  const parser = new Parser();
  let doc = parseDoc(text, 'bench.owm', parser);
  let k = 0;
  const frame = () => {
    k++;
    const changes = moveComponent(doc, 'C250', { visibility: 0.5, maturity: 0.2 + (k % 60) / 100 });
    for (const c of changes ?? []) doc = reparse(doc, c.from, c.to, c.insert, parser);
    const model = buildModel(doc);
    const d = diagnose(model);
    buildScene(model, { width: 1200, height: 800 }, { findings: d.findings, linksOf: 'C250' });
  };
  for (let i = 0; i < 100; i++) frame();
  const t = time(frame, RUNS * 3);
  console.log(`frame: ${ms(t.median)} median, ${ms(t.p95)} p95 ${met(t.median, 4)}`);
}

console.log('\n# Parse + model of large texts (a fresh parser each run)');
for (const [lines, target] of [[10000, 40], [50000, null]]) {
  const text = generateMap(lines);
  for (let i = 0; i < 5; i++) open(text);
  const t = time(() => open(text), RUNS);
  const b = time(() => baseline(text), RUNS);
  console.log(`${lines} lines: ${ms(t.median)} median, ${ms(t.p95)} p95; baseline ${ms(b.median)}${target ? ` ${met(t.median, target)}` : ' (smoke test, no target)'}`);
}

console.log('\n# One-line edit of a 10,000-line map');
{
  const text = generateMap(10000);
  const parser = new Parser();
  let doc = parseDoc(text, 'bench.owm', parser);
  const start = doc.starts[5000];
  const numAt = start + doc.text.slice(start, start + doc.lines[5000].length).indexOf('[') + 1;
  let k = 0;
  const t = time(() => { k++; doc = reparse(doc, numAt + 2, numAt + 3, String(k % 10), parser); }, 200);
  console.log(`re-parse: ${ms(t.median)} median, ${ms(t.p95)} p95 ${met(t.median, 1)}`);
}

console.log('\n# Analysis alone (all rules and the report)');
for (const [count, target] of [[500, 8], [5000, 150]]) {
  const model = open(generateComponentMap(count));
  for (let i = 0; i < 20; i++) analyze(model);
  const t = time(() => analyze(model), RUNS);
  console.log(`${count} components: ${ms(t.median)} median, ${ms(t.p95)} p95, ${analyze(model).findings.length} findings ${met(t.median, target)}`);
}

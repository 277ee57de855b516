// One drag frame on a 500-component map, as the canvas runs it: edit + re-parse + model + findings
// + scene. `npm run bench` measures it in its own process after a warm-up like the editor's, and runs
// this file as a child process (`node bench/drag.js analysis-first`) to show the other heap state V8
// can be in (see "What the Node figures depend on" in bench/README.md).
import { pathToFileURL } from 'node:url';
import { analyze, diagnose } from '../dist/analysis/index.js';
import { moveComponent } from '../dist/lang/edit.js';
import { parseDoc, Parser, reparse } from '../dist/lang/parse.js';
import { buildModel } from '../dist/model/build/index.js';
import { buildScene, labelsOf } from '../dist/render/scene.js';
import { generateComponentMap } from './generate.js';
import { ms, time } from './stats.js';

const FRAME = { width: 1200, height: 800 };

/**
 * Runs what an editor runs on each change of a 100-component map, `times` times: open, analyse,
 * draw (`scene`: false leaves the drawing out, as no editor does).
 */
export function warmUp(times, scene = true) {
  const text = generateComponentMap(100);
  for (let i = 0; i < times; i++) {
    const model = buildModel(parseDoc(text, 'warm.owm', new Parser()));
    const analysis = analyze(model);
    if (scene) buildScene(model, FRAME, { findings: analysis.findings });
  }
}

/** The first 100 frames after the map opens, then frames after 300 (about five seconds of dragging). */
export function measureDrag(runs) {
  const parser = new Parser();
  let doc = parseDoc(generateComponentMap(500), 'bench.owm', parser);
  // As the canvas does: the other labels keep where they were when the drag started.
  const keepLabels = labelsOf(buildScene(buildModel(doc), FRAME));
  let k = 0;
  const frame = () => {
    k++;
    const changes = moveComponent(doc, 'C250', { visibility: 0.5, maturity: 0.2 + (k % 60) / 100 });
    for (const c of changes ?? []) doc = reparse(doc, c.from, c.to, c.insert, parser);
    const model = buildModel(doc);
    const d = diagnose(model);
    buildScene(model, FRAME, { findings: d.findings, linksOf: 'C250', keepLabels });
  };
  const cold = time(frame, 100);
  for (let i = 0; i < 200; i++) frame();
  return { cold, warm: time(frame, runs) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === 'analysis-first') {
  warmUp(300, false);
  const { warm } = measureDrag(Number(process.env.BENCH_RUNS ?? 31) * 3);
  console.log(`frame, warm, scene first run after 300 analyses: ${ms(warm.median)} median, ${ms(warm.p95)} p95`);
}

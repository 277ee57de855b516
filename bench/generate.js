// Generated maps for the benchmarks: realistic lines (components with coordinates and decorators,
// links, evolves, notes, comments, a pipeline block), every name distinct.

/** A map of about `lines` lines. */
export function generateMap(lines, { title = true } = {}) {
  const out = [];
  if (title) out.push('title Generated benchmark map');
  const n = Math.max(2, Math.floor(lines * 0.45));
  const r = (i, k) => (((i * 7919 + k * 104729) % 1000) / 1000).toFixed(2);
  for (let i = 0; i < n; i++) {
    const deco = i % 7 === 0 ? ' (build)' : i % 11 === 0 ? ' inertia' : i % 13 === 0 ? ' label [10, -5]' : '';
    out.push(`component Component ${i} [${r(i, 1)}, ${r(i, 2)}]${deco}`);
  }
  let i = 0;
  while (out.length < lines - 8) {
    const a = i % n;
    const b = (i * 31 + 7) % n;
    if (i % 50 === 0) out.push(`// section ${i}`);
    else if (i % 97 === 0) out.push(`evolve Component ${a} 0.9${i % 2}`);
    else if (i % 89 === 0) out.push(`note Note number ${i} [${r(i, 3)}, ${r(i, 4)}]`);
    else out.push(i % 5 === 0 ? `Component ${a}+>Component ${b}` : `Component ${a}->Component ${b}`);
    i++;
  }
  out.push(
    'pipeline Component 0',
    '{',
    '  component Stage A [0.20]',
    '  component Stage B [0.60]',
    '}',
    '/* closing',
    'block comment */',
  );
  return out.join('\n') + '\n';
}

/** A map with `count` components wired as a layered value chain (each depends on 1-3 below it). */
export function generateComponentMap(count) {
  const out = ['title Generated value chain', 'anchor User [0.98, 0.5]'];
  const layers = Math.max(3, Math.round(Math.sqrt(count) / 2));
  const r = (i, k) => ((i * 7919 + k * 104729) % 997) / 997;
  for (let i = 0; i < count; i++) {
    const layer = Math.floor((i / count) * layers);
    const vis = (0.95 - (layer / layers) * 0.9).toFixed(2);
    const kind = i % 17 === 0 ? ' (practice)' : i % 23 === 0 ? ' (build)' : i % 29 === 0 ? ' inertia' : '';
    out.push(`component C${i} [${vis}, ${(0.02 + r(i, 1) * 0.96).toFixed(2)}]${kind}`);
  }
  for (let i = 0; i < Math.min(count, 5); i++) out.push(`User->C${i}`);
  const perLayer = Math.ceil(count / layers);
  for (let i = 0; i < count - perLayer; i++) {
    const deps = 1 + (i % 3);
    for (let d = 0; d < deps; d++) {
      const j = Math.min(count - 1, i + perLayer + Math.floor(r(i, d + 2) * perLayer) - Math.floor(perLayer / 2));
      if (j > i) out.push(`C${i}->C${j}`);
    }
  }
  for (let i = 0; i < count; i += 37) out.push(`evolve C${i} 0.9`);
  return out.join('\n') + '\n';
}

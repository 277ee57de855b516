// Shared test helpers.
import type { MapModel } from '../src/model/model.js';

/** The model without source positions: what a map means, for comparing two texts of one map. */
export function meaning(m: MapModel): unknown {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x))
        if (k !== 'loc' && k !== 'nameLoc' && k !== 'diagnostics') out[k] = strip(v);
      return out;
    }
    return x;
  };
  // Diagnostics with a fix (a keyword's case) are what the formatter mends; the rest must stay.
  return {
    ...(strip(m) as object),
    diagnostics: m.diagnostics.filter((d) => d.fix === undefined).map((d) => `${d.line} ${d.severity} ${d.message}`),
  };
}

// Formatting a map text: the lines the model finds errors on are left as typed (see formatDoc).
import { formatDoc } from '../lang/format.js';
import { parseDoc } from '../lang/parse.js';
import { buildModel } from './build/index.js';

/** Formats a map text. Idempotent; the formatted text means the same map, every name byte for byte. */
export function formatMap(text: string): string {
  const doc = parseDoc(text);
  const errorLines = new Set(
    buildModel(doc)
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => d.line - 1),
  );
  return formatDoc(doc, errorLines);
}

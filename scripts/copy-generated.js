// tsc does not copy the peggy-generated JavaScript parser; put it beside the compiled core.
import { cpSync, mkdirSync } from 'node:fs';
mkdirSync('dist/lang/generated', { recursive: true });
for (const f of ['wardley-parser.js', 'wardley-parser.d.ts'])
  cpSync(`src/lang/generated/${f}`, `dist/lang/generated/${f}`);

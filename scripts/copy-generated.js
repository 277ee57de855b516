// tsc does not copy the peggy-generated JavaScript parser; put it beside the compiled core.
import { cpSync, mkdirSync } from 'node:fs';
mkdirSync('dist/dsl/generated', { recursive: true });
cpSync('src/dsl/generated/wardley-parser.js', 'dist/dsl/generated/wardley-parser.js');

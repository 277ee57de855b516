// tsc does not copy the peggy-generated JavaScript parser; put it beside the compiled core.
import { cpSync, mkdirSync } from 'node:fs';
mkdirSync('dist/lang/generated', { recursive: true });
cpSync('src/lang/generated/wardley-parser.js', 'dist/lang/generated/wardley-parser.js');

// Compiles grammar/wardley.peggy into src/lang/generated/ (git-ignored): the parser is never edited by hand.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const peggyCli = require.resolve('peggy/bin/peggy.js');
mkdirSync('src/lang/generated', { recursive: true });
execFileSync(
  process.execPath,
  [
    peggyCli,
    '--format',
    'es',
    '--dts',
    '--allowed-start-rules',
    'Line,KeywordLine',
    '-o',
    'src/lang/generated/wardley-parser.js',
    'grammar/wardley.peggy',
  ],
  { stdio: 'inherit' },
);

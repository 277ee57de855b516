#!/usr/bin/env node
// The `mapwright` command. The core is compiled to dist/ by `npm run build:core` (run on install).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write("mapwright: not built yet: run 'npm run build:core' (npm install does it)\n");
  process.exit(2);
}
const { runCli } = await import(main);
const lines = [];
const code = await runCli(process.argv.slice(2), {
  out: (s) => lines.push(s),
  err: (s) => process.stderr.write(`${s}\n`),
});
if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = code;

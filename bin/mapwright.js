#!/usr/bin/env node
// The `mapwright` command. The core is compiled to dist/ by `npm run build:core` (run on install).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write("mapwright: not built yet: run 'npm run build:core' (npm install does it)\n");
  process.exit(2);
}
// A reader that stops early (`mapwright analyze x | head -1`) is not an error; a full device is
// one line on standard error. Neither is a stack trace.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE')
    process.stderr.write(
      `mapwright: cannot write the output: ${e.code === 'ENOSPC' ? 'no space left on the device' : e.message}\n`,
    );
  process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
});
process.stderr.on('error', () => process.exit(process.exitCode ?? 2));
const { runCli } = await import(main);
const lines = [];
const code = await runCli(process.argv.slice(2), {
  out: (s) => lines.push(s),
  err: (s) => process.stderr.write(`${s}\n`),
});
process.exitCode = code;
if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);

// Run before the end-to-end tests: makes sure a Chromium-family browser is there. Where none is
// and this machine can install Debian's package (root with apt-get), installs it; otherwise
// stops with one line that says what to do.
import { execFileSync } from 'node:child_process';
import { findBrowser } from '../dist/cli/browser.js';

function canApt() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let found = findBrowser();
if (!found && !process.env.CHROMIUM_PATH && canApt()) {
  console.log("e2e: no Chromium found; installing Debian's chromium package (apt-get install chromium)");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    /* reported below */
  }
  found = findBrowser();
}
if (!found) {
  const why = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable`
    : 'no Chromium or Chrome on this machine';
  console.error(
    `e2e: ${why}: install one (sudo apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH to its executable, then run npm test again`,
  );
  process.exit(1);
}
console.log(`e2e: using ${found}`);

// End-to-end tests: Playwright Test against the built app (vite preview), in the machine's own
// Chromium (scripts/browser.js finds it; scripts/ensure-browser.js runs first in `npm test`).
import { defineConfig } from '@playwright/test';
import { BROWSER_ARGS, findBrowser } from '../../src/cli/browser.js';

const port = Number(process.env.MAPWRIGHT_E2E_PORT ?? 4318);
// A new seed for the random edit scripts on every run, the same in every worker.
process.env.MAPWRIGHT_EDIT_SEED ??= String(Date.now() % 1_000_000);

const executablePath = findBrowser() ?? undefined;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./summary-reporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1600, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: [...BROWSER_ARGS] },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

// Starts the built app (vite preview) and the machine's Chromium for the browser benches.
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { BROWSER_ARGS, findBrowser } from '../dist/cli/browser.js';

/** Serves dist/web and opens Chromium. Call `close()` when done. */
export async function startBrowser() {
  const executablePath = findBrowser();
  if (!executablePath)
    throw new Error('no Chromium found: install one (apt-get install chromium) or set CHROMIUM_PATH');
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${address.port}/`;
  // playwright gives every launch a new empty profile (its own --user-data-dir).
  const browser = await chromium.launch({ executablePath, args: BROWSER_ARGS, headless: true });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.httpServer.close(resolve));
    },
  };
}

// Starts the built app (vite preview) and Debian's Chromium for the end-to-end tests and benches.
import { chromium } from 'playwright-core';
import { preview } from 'vite';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Serves dist/web and opens Chromium. Call `close()` when done. */
export async function startBrowser() {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${address.port}/`;
  // playwright gives every launch a new empty profile (its own --user-data-dir).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
    headless: true,
  });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.httpServer.close(resolve));
    },
  };
}

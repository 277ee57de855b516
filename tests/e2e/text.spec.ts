// The text editor: what is typed is the map.
import { expect, storeText, test } from './app.js';

test('a line nothing can read is reported with line:col, the canvas keeps the last good map and is marked stale', async ({
  app: page,
}) => {
  const drawnBefore = await page.evaluate(() => window.mapwrightCanvas.scene()!.components.length);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nfrobnicate the map');
  await page.waitForSelector('[data-testid="stale"]');
  const lineCount = (await storeText(page)).split('\n').length;
  const diag = await page.locator('[data-testid="diagnostics"] .diag.error').first().textContent();
  expect(diag).toMatch(new RegExp(`unified-ai-ops\\.owm:${lineCount}:1: error: unknown statement 'frobnicate'`));
  expect(await page.evaluate(() => window.mapwrightCanvas.scene()!.components.length)).toBe(drawnBefore);
  await page.waitForSelector('.cm-lint-marker-error', { timeout: 5000 });
  await page.waitForSelector('.cm-lintRange-error', { timeout: 5000 });
  expect(await storeText(page), 'nothing typed is lost').toMatch(/frobnicate the map$/);
});

test('the text is coloured as the parser reads it, and a line typed in becomes coloured when it reads', async ({
  app: page,
}) => {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\ncomponent Pipeline 2 [0.40, 0.50] (build)');
  const line = page.locator('.cm-line', { hasText: 'component Pipeline 2' });
  await expect(line.locator('.mw-kw')).toHaveText(['component']);
  await expect(line.locator('.mw-num')).toHaveText(['0.40', '0.50']);
  await expect(line.locator('.mw-deco')).toHaveText(['(build)']);
  // The name's "2" is part of the name, as the parser reads it: not a number.
  expect(await line.locator('.mw-num').count()).toBe(2);
});

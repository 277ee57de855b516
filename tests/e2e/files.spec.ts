// Files in and out: autosave, exports, share links, size limits, names as data.
import { readFileSync } from 'node:fs';
import { expect, openApp, storeText, test, typeAtEnd } from './app.js';

test('autosave restores the work after a reload', async ({ app: page }) => {
  await typeAtEnd(page, 'note Remember me [0.2, 0.2]');
  const typed = await storeText(page);
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => window.mapwright);
  expect(await storeText(page)).toBe(typed);
});

test('SVG export is well-formed and names every component; PNG export is a PNG', async ({ app: page }) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="svg"]')]);
  const svg = readFileSync((await download.path())!, 'utf8');
  const result = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null };
  }, svg);
  expect(result.error).toBeNull();
  const names = await page.evaluate(() => window.mapwright.derived().model.components.map((c) => c.name));
  for (const n of names) expect(svg, `${n} in the SVG`).toContain(n.replace(/&/g, '&amp;'));
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="png"]')]);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
});

test('a share link opens the same map in a fresh page', async ({ app: page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await typeAtEnd(page, 'component Shared Thing [0.3, 0.3]');
  const mine = await storeText(page);
  await page.click('button[data-action="share"]');
  await expect(page.getByTestId('message')).toHaveText(/copied/);
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#map=/);
  // Sharing does not put the link in this tab's address bar: a reload here shows this map, not a copy.
  expect(page.url()).not.toContain('#map=');
  const other = await browser.newContext();
  try {
    const fresh = await other.newPage();
    await openApp(fresh, url);
    expect(await storeText(fresh)).toBe(mine);
  } finally {
    await other.close();
  }
});

test('names are shown as text only, never as markup', async ({ app: page, errors }) => {
  const evil = '<img src=x onerror=alert(1)>';
  await page.evaluate(
    (n) => window.mapwright.load(`title ${n}\ncomponent "${n}" [0.5, 0.5]\nnote ${n} [0.3, 0.3]`, 'evil.owm'),
    evil,
  );
  await page.waitForTimeout(200);
  expect(await page.locator('.outline li .name').first().textContent()).toBe(evil);
  await expect(page.locator('img')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="svg"]')]);
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).not.toContain('<img');
  expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(errors).toEqual([]);
});

test('a map of 5 MB or more is refused with a clear message', async ({ app: page }) => {
  const before = await storeText(page);
  const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'component X [0.5, 0.5]\n');
  await page.setInputFiles('[data-testid="file-input"]', { name: 'huge.owm', mimeType: 'text/plain', buffer: big });
  await page.waitForSelector('[data-testid="message"]');
  expect(await page.getByTestId('message').textContent()).toMatch(/5 MB or more are refused/);
  expect(await storeText(page)).toBe(before);
});

/** Width and height of a PNG, from its header. */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

test('PNG export draws the same clean landscape picture as SVG, whatever the screen shows', async ({ app: page }) => {
  const exportPng = async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="png"]')]);
    return readFileSync((await png.path())!);
  };
  const clean = await exportPng();
  expect(pngSize(clean), 'the SVG export is 1200 x 800; the PNG is the same shape at twice the size').toEqual({
    width: 2400,
    height: 1600,
  });
  // Select a component and activate a finding (which dims the rest of the canvas), then export again.
  await page.click('.outline li[data-name="DataOps"]');
  await page.locator('[data-testid="findings"] li.finding button').first().click();
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.mapwrightCanvas.scene()!.components.some((c) => c.dimmed))).toBe(true);
  const busy = await exportPng();
  expect(busy.equals(clean), 'no selection ring, no dimming, nothing clipped at the screen edge').toBe(true);
});

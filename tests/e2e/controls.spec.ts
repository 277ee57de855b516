// Everyday controls: the first visit says what to do, `?` lists every shortcut from the same list
// as the toolbar, the style picker writes the style line, dark darkens the whole app, the
// handwritten style has its own font.
import { expect, storeText, test } from './app.js';

test('a first visit offers the tea shop, a template and a new map', async ({ app: page }) => {
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page
    .getByTestId('welcome')
    .getByRole('button', { name: /tea shop/ })
    .click();
  await page.waitForFunction(() => window.mapwright.getState().fileName === 'tea-shop-beginner.owm');
  expect(await storeText(page)).toContain('title Tea Shop');
  await expect(page.getByTestId('welcome')).toHaveCount(0);
});

test('? lists every toolbar action with its keys, and Escape closes it', async ({ app: page }) => {
  await page.locator('[data-testid="canvas"]').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Shift+?');
  const help = page.getByTestId('help');
  await expect(help).toBeVisible();
  const toolbarIds = await page.$$eval('.toolbar button[data-action]', (bs) =>
    bs.map((b) => b.getAttribute('data-action')),
  );
  for (const id of toolbarIds) await expect(help.locator(`tr[data-action="${id}"] kbd`).first()).toBeVisible();
  await expect(help).toContainText('Ctrl+Shift+L');
  await expect(help).toContainText('Double-click a component');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('the style picker writes the style line as one undo step; dark darkens the whole app', async ({ app: page }) => {
  await page.getByTestId('style-picker').selectOption('dark');
  await page.waitForFunction(() => /^style dark$/m.test(window.mapwright.getState().text));
  await expect(page.locator('.app')).toHaveClass(/theme-dark/);
  const toolbarBg = await page.locator('.toolbar').evaluate((el) => getComputedStyle(el).backgroundColor);
  const editorBg = await page.locator('.cm-editor').evaluate((el) => getComputedStyle(el).backgroundColor);
  for (const bg of [toolbarBg, editorBg]) {
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, bg).toBeLessThan(200);
  }
  await page.evaluate(() => window.mapwright.undo());
  await page.waitForFunction(() => /^style wardley$/m.test(window.mapwright.getState().text));
  await expect(page.locator('.app')).not.toHaveClass(/theme-dark/);
});

test('the handwritten style draws with its own font, shipped with the app', async ({ app: page }) => {
  await page.getByTestId('style-picker').selectOption('handwritten');
  await page.waitForFunction(() => window.mapwrightCanvas.scene()?.theme.font.startsWith('Caveat'));
  await page.waitForFunction(() => document.fonts.check('12px Caveat'), undefined, { timeout: 10_000 });
  expect(
    await page.evaluate(() =>
      [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Caveat' && f.status === 'loaded'),
    ),
  ).toBe(true);
});

test('Undo and Redo are enabled when there is something to undo or redo', async ({ app: page }) => {
  const undo = page.locator('.toolbar button[data-action="undo"]');
  const redo = page.locator('.toolbar button[data-action="redo"]');
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();
  await page.getByTestId('style-picker').selectOption('dark');
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(undo).toBeDisabled();
  await expect(redo).toBeEnabled();
  await redo.click();
  await expect(redo).toBeDisabled();
  expect(await storeText(page)).toContain('style dark');
});

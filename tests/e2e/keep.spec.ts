// Never lose a map: share links beside the user's own map, one map per tab, history, storage
// failures said aloud, a failing view that leaves the text editor working.
import { deflateRawSync } from 'node:zlib';
import { expect, loadMap, openApp, storeText, test, typeAtEnd } from './app.js';

const fragmentOf = (text: string) => `#map=${deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url')}`;

test('a link that inflates past 5 MB is refused at once; the map open before stays', async ({ app: page, errors }) => {
  await typeAtEnd(page, 'note mine [0.2, 0.2]');
  const mine = await storeText(page);
  await page.waitForTimeout(500);
  // About 21 MB of map in a 20-odd KB link.
  const bomb = fragmentOf(`title Bomb\n${'component X [0.5, 0.5]\n'.repeat(950_000)}`);
  expect(bomb.length).toBeLessThan(100_000);
  const t0 = Date.now();
  await page.goto(`/${bomb}`);
  await page.waitForSelector('.cm-content');
  await expect(page.getByTestId('message')).toHaveText(/5 MB or more are refused/);
  expect(Date.now() - t0).toBeLessThan(10_000);
  expect(await storeText(page)).toBe(mine);
  expect(errors).toEqual([]);
});

test('a tiny link with a 40,000-space line opens within a second', async ({ app: page, errors }) => {
  const link = fragmentOf(`title Spaces\na${' '.repeat(40_000)}b\ncomponent A [0.5, 0.5]\n`);
  expect(link.length).toBeLessThan(200);
  const t0 = Date.now();
  await openApp(page, `/${link}`);
  expect(Date.now() - t0).toBeLessThan(3_000);
  expect(await page.evaluate(() => window.mapwright.derived().model.title)).toBe('Spaces');
  expect(errors).toEqual([]);
});

test("a shared map opens beside the user's own: the fragment goes, edits survive a reload, the own map is in Recent maps", async ({
  app: page,
}) => {
  await loadMap(page, 'title Mine\ncomponent Kept [0.5, 0.5]\n', 'mine.owm');
  await page.waitForTimeout(500);
  await page.goto(`/${fragmentOf('title Theirs\ncomponent Shared [0.4, 0.4]\n')}`);
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => window.mapwright?.getState().text.includes('Theirs'));
  expect(page.url()).not.toContain('#map=');
  await typeAtEnd(page, 'component Added Here [0.3, 0.3]');
  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => window.mapwright);
  expect(await storeText(page)).toContain('Added Here');
  await page.getByTestId('file-menu').click();
  const recent = page.getByTestId('recent-maps');
  await expect(recent).toContainText('mine.owm');
  await recent.getByText('mine.owm').click();
  await page.waitForFunction(() => window.mapwright.getState().text.includes('Kept'));
  expect(await storeText(page)).toBe('title Mine\ncomponent Kept [0.5, 0.5]\n');
});

test("two tabs, two maps: each reload shows its own map, and a closed tab's map stays recoverable", async ({
  app: a,
  context,
}) => {
  await a.getByTestId('file-menu').click();
  await a.getByTestId('file-new').click();
  await typeAtEnd(a, 'component Only In A [0.3, 0.3]');
  await a.waitForTimeout(500);
  const textA = await storeText(a);
  const b = await context.newPage();
  await openApp(b);
  await b.getByTestId('file-menu').click();
  await b.getByTestId('file-new').click();
  await typeAtEnd(b, 'component Only In B [0.6, 0.6]');
  await b.waitForTimeout(500);
  const textB = await storeText(b);
  await a.reload();
  await a.waitForFunction(() => window.mapwright);
  expect(await storeText(a)).toBe(textA);
  await a.close();
  await typeAtEnd(b, 'component More In B [0.5, 0.2]');
  await b.waitForTimeout(500);
  await b.reload();
  await b.waitForFunction(() => window.mapwright);
  expect(await storeText(b)).toContain('More In B');
  expect(await storeText(b)).not.toContain('Only In A');
  await b.getByTestId('file-menu').click();
  // The sample map of the first visit, A's map and B's.
  await expect(b.getByTestId('recent-maps').locator('button')).toHaveCount(3);
  const names = await b.getByTestId('recent-maps').locator('button').allTextContents();
  expect(names.filter((n) => n.startsWith('untitled.owm')).length, names.join(' | ')).toBe(2);
  // The other untitled map is A's: open it and find A's work.
  await b.getByTestId('recent-maps').locator('button:not([disabled])', { hasText: 'untitled.owm' }).first().click();
  await b.waitForFunction(() => window.mapwright.getState().text.includes('Only In A'));
  expect(await storeText(b)).toBe(textA);
  expect(textB).toContain('Only In B');
});

test('two tabs on the same map are warned, and one can go on as a copy', async ({ app: a, context }) => {
  const b = await context.newPage();
  await openApp(b);
  await expect(a.getByTestId('open-elsewhere')).toBeVisible();
  await expect(b.getByTestId('open-elsewhere')).toBeVisible();
  await b.getByTestId('open-elsewhere').getByRole('button').click();
  await expect(b.getByTestId('open-elsewhere')).toHaveCount(0);
  await expect(a.getByTestId('open-elsewhere')).toHaveCount(0);
});

test('history puts a snapshot back as one undo step', async ({ app: page }) => {
  const original = await storeText(page);
  await page.evaluate(() => window.mapwrightSession.saveNow());
  await page.evaluate(() => window.mapwright.load('title Changed\ncomponent New [0.5, 0.5]\n', 'unified-ai-ops.owm'));
  await page.waitForTimeout(500);
  await page.getByTestId('file-menu').click();
  const items = page.getByTestId('history').locator('button');
  await expect(items).toHaveCount(1);
  await items.first().click();
  await page.waitForFunction((t) => window.mapwright.getState().text === t, original);
  await page.evaluate(() => window.mapwright.undo());
  expect(await storeText(page)).toBe('title Changed\ncomponent New [0.5, 0.5]\n');
});

test('storage that fails is said aloud, and closing the tab then asks first', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      value: {
        open() {
          throw new Error('storage is blocked');
        },
      },
    });
  });
  await openApp(page);
  await expect(page.getByTestId('save-problem')).toContainText('storage is blocked');
  await typeAtEnd(page, 'note unsaved [0.2, 0.2]');
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});

test('a failing view shows a message with the map to download; the text editor keeps working', async ({
  app: page,
  errors,
}) => {
  await page.evaluate(() => window.mapwright.crashView('canvas'));
  await expect(page.getByTestId('view-error')).toBeVisible();
  await typeAtEnd(page, 'component Still Typing [0.4, 0.4]');
  expect(await storeText(page)).toContain('Still Typing');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('view-download').click()]);
  expect(download.suggestedFilename()).toBe('unified-ai-ops.owm');
  await page.evaluate(() => window.mapwright.crashView(null));
  await page.getByTestId('view-reload').click();
  await expect(page.getByTestId('view-error')).toHaveCount(0);
  await page.waitForFunction(() => window.mapwrightCanvas.scene()?.components.some((c) => c.name === 'Still Typing'));
  // The failure was caught by the view, not the page.
  expect(errors.filter((e) => !e.includes('made to fail on purpose'))).toEqual([]);
});

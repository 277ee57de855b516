// Learning modes: Explain, predict then reveal, what-if, projection, compare.
import { DEFAULT_MAP, expect, storeText, test } from './app.js';

test('Explain mode presents the top moves first, and every finding one key away', async ({ app: page }) => {
  const { summary, findings } = await page.evaluate(() => {
    const a = window.mapwright.derived().analysis;
    return { summary: a.summary, findings: a.findings.map((f) => ({ id: f.id, components: f.components })) };
  });
  expect(summary.length).toBeGreaterThan(0);
  expect(summary.length).toBeLessThanOrEqual(7);
  const lit = (names: readonly string[]) =>
    page.waitForFunction((want) => {
      const on = window.mapwrightCanvas
        .scene()!
        .components.filter((c) => c.highlighted && c.type !== 'evolved')
        .map((c) => c.name);
      return want.every((n) => on.includes(n));
    }, names);
  await page.click('button[data-action="explain"]');
  await page.waitForSelector('[data-testid="explain"][data-mode="moves"]');
  for (let i = 0; i < summary.length; i++) {
    await page.waitForFunction(
      (k) => document.querySelector('[data-testid="explain"]')?.getAttribute('data-finding') === `move:${k}`,
      i,
    );
    expect(await page.getByTestId('explain-count').textContent()).toBe(`Top move ${i + 1} / ${summary.length}`);
    expect(await page.getByTestId('explain-title').textContent()).toBe(summary[i]!.move);
    await lit(summary[i]!.components);
    if (i === 0) await page.screenshot({ path: test.info().outputPath('explain-mode.png') });
    if (i < summary.length - 1) await page.keyboard.press('ArrowRight');
  }
  // A: every finding, one at a time, exactly its components highlighted.
  await page.keyboard.press('a');
  await page.waitForSelector('[data-testid="explain"][data-mode="all"]');
  for (let i = 0; i < findings.length; i++) {
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="explain"]')?.getAttribute('data-finding') === id,
      findings[i]!.id,
    );
    expect(await page.getByTestId('explain-count').textContent()).toBe(`${i + 1} / ${findings.length}`);
    await page.waitForFunction((names) => {
      const on = window.mapwrightCanvas
        .scene()!
        .components.filter((c) => c.highlighted && c.type !== 'evolved')
        .map((c) => c.name);
      return JSON.stringify([...new Set(on)].sort()) === JSON.stringify([...new Set(names)].sort());
    }, findings[i]!.components);
    if (i < findings.length - 1) await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="explain"]')?.getAttribute('data-finding') === id,
    findings[findings.length - 2]!.id,
  );
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="explain"]', { state: 'detached' });
  expect(await storeText(page), 'explaining changes nothing').toBe(DEFAULT_MAP);
});

test('predict, then reveal: the guess is scored with hits, misses and false alarms', async ({ app: page }) => {
  await page.click('[data-testid="side-learn"]');
  await page.click('.outline li[data-name="Governance & Compliance"]');
  await page.click('.outline li[data-name="Cloud Infrastructure"]', { modifiers: ['Shift'] });
  // The guess is the selection: both components, before the reveal.
  await page.waitForFunction(() => window.mapwright.getState().selection.length === 2);
  await page.click('[data-testid="reveal"]');
  await expect(page.getByTestId('predict-result')).toContainText(/1 hit, 2 missed, 1 false alarm/);
  const result = await page.getByTestId('predict-result').textContent();
  expect(result).toMatch(/Change Management/);
  expect(result).toMatch(/Cloud Infrastructure: Cloud Infrastructure has \d+ direct user/);
});

test('what if it commoditises: a preview on a copy, the text untouched until applied', async ({ app: page }) => {
  await page.click('[data-testid="side-learn"]');
  await page.click('[data-testid="tab-disruption"]');
  await page.check('[data-testid="whatif-Model Monitoring"]');
  await page.waitForSelector('[data-testid="whatif-result"]');
  await page.waitForSelector('[data-testid="preview"]');
  await expect(
    page.locator('[data-testid="whatif-result"] li[data-id="disruption-risk/into-commodity:Model Monitoring"]'),
    'its disruption risk disappears',
  ).toHaveCount(1);
  // What rests on it is listed with what changes for each, and lit on the canvas.
  await expect(page.locator('[data-testid="whatif-dependents"] li[data-name="Model Lifecycle"]')).toBeVisible();
  expect(
    await page.evaluate(() =>
      window.mapwrightCanvas
        .scene()!
        .components.filter((c) => c.highlighted)
        .map((c) => c.name),
    ),
  ).toEqual(expect.arrayContaining(['Model Monitoring', 'Model Lifecycle', 'MLOps']));
  expect(await storeText(page), 'the map text is untouched').toBe(DEFAULT_MAP);
  const drawnAt = await page.evaluate(
    () => window.mapwrightCanvas.scene()!.components.find((c) => c.name === 'Model Monitoring')!.x,
  );
  await page.uncheck('[data-testid="whatif-Model Monitoring"]');
  await page.waitForSelector('[data-testid="preview"]', { state: 'detached' });
  const backAt = await page.evaluate(
    () => window.mapwrightCanvas.scene()!.components.find((c) => c.name === 'Model Monitoring')!.x,
  );
  expect(drawnAt, 'the preview drew it further right').toBeGreaterThan(backAt);
});

test('the projection slider previews live; apply writes only coordinates as one step; undo restores the bytes', async ({
  app: page,
}) => {
  await page.click('[data-testid="side-learn"]');
  await page.click('[data-testid="tab-projection"]');
  const slider = page.getByTestId('projection-slider');
  await slider.fill('0');
  const x0 = await page.evaluate(() => window.mapwrightCanvas.scene()!.components.find((c) => c.name === 'DataOps')!.x);
  await slider.fill('60');
  await expect(page.getByTestId('projection-when')).toHaveText('in about 6 years');
  await page.waitForSelector('[data-testid="preview"]');
  await page.waitForFunction(
    (x) => window.mapwrightCanvas.scene()!.components.find((c) => c.name === 'DataOps')!.x > x + 5,
    x0,
  );
  expect(await storeText(page), 'the slider alone changes no text').toBe(DEFAULT_MAP);
  await page.click('[data-testid="projection-apply"]');
  const after = await storeText(page);
  const a = DEFAULT_MAP.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    changed++;
    expect(b[i]!.replace(/[\d.]+/g, '#'), 'only numbers change').toBe(a[i]!.replace(/[\d.]+/g, '#'));
  }
  expect(changed).toBeGreaterThan(5);
  await page.locator('[data-testid="canvas"]').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(100);
  expect(await storeText(page), 'one undo restores the original bytes').toBe(DEFAULT_MAP);
});

test('compare view: ghosts where components were, and the semantic diff', async ({ app: page }) => {
  await page.click('[data-testid="side-compare"]');
  await page.fill(
    '[data-testid="compare-text"]',
    DEFAULT_MAP.replace('component Model Monitoring [0.22, 0.65]', 'component Model Monitoring [0.22, 0.50]'),
  );
  await page.click('[data-testid="compare-go"]');
  const list = await page.getByTestId('diff-list').textContent();
  expect(list).toMatch(/Model Monitoring moved within Product \(\+rental\) \(evolution \+0\.15\)/);
  const ghosts = await page.evaluate(
    () => window.mapwrightCanvas.scene()!.overlays.filter((s) => s.role === 'ghost').length,
  );
  expect(ghosts).toBe(1);
  await page.screenshot({ path: test.info().outputPath('compare-view.png') });
});

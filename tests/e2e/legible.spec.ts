// A canvas that stays legible: labels apart and inside, badges explained, Explain mode beside the
// map rather than over it, zoom with the axes in view. Screenshots are written as test artifacts.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, pointOf, test } from './app.js';

const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });

/** Every label's box on the page, measured with the font the canvas draws it in. */
async function labelBoxes(page: Page) {
  return page.evaluate(() => {
    const scene = window.mapwrightCanvas.scene()!;
    const view = window.mapwrightCanvas.view();
    const host = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    const ctx = document.createElement('canvas').getContext('2d')!;
    return scene.components.map((c) => {
      ctx.font = `${c.type === 'anchor' ? 'bold ' : ''}12px ${scene.theme.font}`;
      const lines = c.label.text.split('\n');
      const w = Math.max(...lines.map((l) => ctx.measureText(l).width));
      return {
        name: c.name,
        x: host.x + view.x + c.label.x * view.scale,
        y: host.y + view.y + c.label.y * view.scale,
        w: w * view.scale,
        h: lines.length * 14 * view.scale,
        host: { x: host.x, y: host.y, w: host.width, h: host.height },
      };
    });
  });
}
type B = { x: number; y: number; w: number; h: number; host: { x: number; y: number; w: number; h: number } };
const meet = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

test('no two labels overlap and none leaves the canvas, on the default map', async ({ app: page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: new URL('default-map.png', SHOTS).pathname });
  const boxes = await labelBoxes(page);
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (meet(boxes[i]!, boxes[j]!)) overlapping.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
  expect(overlapping).toEqual([]);
  const outside = boxes
    .filter(
      (b: B) => b.x < b.host.x || b.y < b.host.y || b.x + b.w > b.host.x + b.host.w || b.y + b.h > b.host.y + b.host.h,
    )
    .map((b) => b.name);
  expect(outside).toEqual([]);
});

test('a badge names its finding on hover, and the legend says what the letters mean', async ({ app: page }) => {
  await expect(page.getByTestId('legend')).toContainText('Bottleneck');
  const badge = await page.evaluate(() => {
    const b = window.mapwrightCanvas.scene()!.badges.find((x) => x.t === 'badge');
    return b && b.t === 'badge' ? { x: b.x, y: b.y, owner: b.owner } : null;
  });
  expect(badge).not.toBeNull();
  const host = (await page.locator('[data-testid="canvas"]').boundingBox())!;
  await page.mouse.move(host.x + badge!.x, host.y + badge!.y);
  await expect(page.getByTestId('badge-tip')).toContainText(badge!.owner);
});

test('zoom controls show the level, and the axes stay in view when zoomed', async ({ app: page }) => {
  await expect(page.getByTestId('zoom-level')).toHaveText('100%');
  await expect(page.getByTestId('axis-strip')).toHaveCount(0);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByTestId('zoom-level')).toHaveText('156%');
  await expect(page.getByTestId('axis-strip')).toContainText('Commodity');
  await page.screenshot({ path: new URL('zoomed.png', SHOTS).pathname });
  await page.getByTestId('zoom').getByRole('button', { name: 'Fit' }).click();
  await expect(page.getByTestId('zoom-level')).toHaveText('100%');
});

for (const viewport of [
  { width: 1600, height: 900 },
  { width: 1280, height: 800 },
]) {
  test(`Explain mode never covers a highlighted component (${viewport.width}x${viewport.height})`, async ({
    app: page,
  }) => {
    await page.setViewportSize(viewport);
    await page.keyboard.press('F5');
    const card = page.getByTestId('explain');
    await expect(card).toBeVisible();
    for (let step = 0; step < 6; step++) {
      await page.waitForTimeout(250);
      if (step === 0) await page.screenshot({ path: new URL(`explain-${viewport.width}.png`, SHOTS).pathname });
      const box = (await card.boundingBox())!;
      const focus = await page.evaluate(() =>
        window.mapwrightCanvas
          .scene()!
          .components.filter((c) => c.highlighted)
          .map((c) => c.name),
      );
      for (const name of focus) {
        const p = await pointOf(page, name);
        const inside = p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
        expect(inside, `${name} under the Explain card at step ${step}`).toBe(false);
      }
      await page.keyboard.press('ArrowRight');
    }
  });
}

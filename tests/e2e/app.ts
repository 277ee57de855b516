// Shared end-to-end helpers: open the app, read the store and the editor, find what is drawn.
import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import type Konva from 'konva';
import type { EditorView } from '@codemirror/view';
import type { CanvasHandle } from '../../src/editor/ui/MapCanvas.js';
import type { Session } from '../../src/editor/core/session.js';
import type { EditorStore } from '../../src/editor/core/store.js';

declare global {
  interface Window {
    mapwright: EditorStore;
    mapwrightEditor: EditorView;
    mapwrightCanvas: CanvasHandle;
    mapwrightSession: Session;
    Konva: typeof Konva;
  }
}

export const DEFAULT_MAP = readFileSync(new URL('../../maps/unified-ai-ops.owm', import.meta.url), 'utf8');

/** A page with the app open, collecting page errors (each test ends by checking there were none). */
export const test = base.extend<{ app: Page; errors: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern
  errors: async ({}, use) => {
    await use([]);
  },
  app: async ({ page, errors }, use) => {
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await openApp(page);
    await use(page);
  },
});
export { expect };

/** Opens the app (or `url`) and waits for the text and the canvas. */
export async function openApp(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => window.mapwrightCanvas && window.mapwrightCanvas.scene());
}

export const storeText = (page: Page): Promise<string> => page.evaluate(() => window.mapwright.getState().text);
export const editorText = (page: Page): Promise<string> =>
  page.evaluate(() => window.mapwrightEditor.state.doc.toString());
export const findingIds = (page: Page): Promise<string[]> =>
  page.$$eval('[data-testid="findings"] li.finding', (els) => els.map((e) => e.getAttribute('data-id') ?? ''));

/** Loads a map text into the store as if opened. */
export async function loadMap(page: Page, text: string, name = 'test.owm'): Promise<void> {
  await page.evaluate(([t, n]) => window.mapwright.load(t!, n!), [text, name]);
  await page.waitForTimeout(200);
}

/** The canvas's box on the page. */
export async function canvasBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('[data-testid="canvas"] canvas').first().boundingBox();
  if (!box) throw new Error('the canvas is not on the page');
  return box;
}

/** Where a component is drawn, in page pixels. */
export async function pointOf(page: Page, name: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((n) => {
    const c = window.mapwrightCanvas.scene()?.components.find((x) => x.name === n && x.type !== 'evolved');
    return c ? { x: c.x, y: c.y } : null;
  }, name);
  expect(p, `${name} is drawn`).not.toBeNull();
  const box = await canvasBox(page);
  const view = await page.evaluate(() => window.mapwrightCanvas.view());
  return { x: box.x + view.x + p!.x * view.scale, y: box.y + view.y + p!.y * view.scale };
}

/** The page x of a maturity on the evolution axis. */
export async function xOfMaturity(page: Page, maturity: number): Promise<number> {
  const box = await canvasBox(page);
  return page.evaluate(
    ([m, left]) => {
      const f = window.mapwrightCanvas.scene()!.frame;
      const v = window.mapwrightCanvas.view();
      return left! + v.x + (48 + m! * (f.width - 48 - 24)) * v.scale;
    },
    [maturity, box.x],
  );
}

/** The 1-based numbers of the lines that differ between two texts of the same length in lines. */
export function changedLines(a: string, b: string): number[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  expect(la.length, 'same number of lines').toBe(lb.length);
  return la.map((l, i) => (l === lb[i] ? null : i + 1)).filter((x): x is number => x !== null);
}

/** Types `line` as a new last line of the map, in the text editor, key by key. */
export async function typeAtEnd(page: Page, line: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n${line}`);
}

/** Drags a component horizontally to a maturity in 12 steps; `during` runs before the release. */
export async function dragComponent(
  page: Page,
  name: string,
  toMaturity: number,
  during: () => Promise<void> = async () => {},
): Promise<void> {
  const from = await pointOf(page, name);
  const toX = await xOfMaturity(page, toMaturity);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((toX - from.x) * i) / steps, from.y);
    await page.waitForTimeout(20);
  }
  await during();
  await page.mouse.up();
  await page.waitForTimeout(150);
}

/** A drag from a page point by (dx, dy) in `steps` moves. */
export async function dragBy(page: Page, x: number, y: number, dx: number, dy: number, steps = 8): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
  await page.waitForTimeout(150);
}

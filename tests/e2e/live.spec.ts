// Live rooms in real browsers: `mapwright serve` (the built app and Hocuspocus, rooms in SQLite)
// and two or three browser contexts on one room, as a workshop's participants would be.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEFAULT_MAP, dragComponent, editorText, expect, openApp, pointOf, storeText, test } from './app.js';

const MAP = [
  'title Tea shop',
  'component Customer [0.95, 0.60]',
  'component Cup of tea [0.80, 0.55]',
  'component Tea [0.60, 0.75]',
  'component Kettle [0.45, 0.30]',
  'component Power [0.15, 0.90]',
  'Customer->Cup of tea',
  'Cup of tea->Tea',
  'Cup of tea->Kettle',
  'Kettle->Power',
  '',
].join('\n');

let server: ChildProcess | null = null;
let base = '';
let dataDir = '';
let skip: string | null = null;

/** Starts `mapwright serve` on `port` (0: any) with the rooms in `dataDir`; its URL, or why it did not start. */
async function startServer(port = 0): Promise<{ url: string | null; said: string }> {
  const child = spawn(process.execPath, ['bin/mapwright.js', 'serve', '--port', String(port), '--data', dataDir], {
    cwd: new URL('../..', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  const said = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out);
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
      process.stderr.write(`serve: ${d.toString()}`);
    });
    child.on('exit', () => resolve(out));
  });
  return { url: /serving (http:\/\/\S+)/.exec(said)?.[1] ?? null, said };
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mapwright-live-e2e-'));
  const { url, said } = await startServer();
  // better-sqlite3 is optional: where it could not be built, `serve` says so and these tests skip
  // with that reason. CI machines build it, so there it is a failure, never a silent skip.
  if (!url && process.env.CI) throw new Error(`mapwright serve did not start: ${said.trim()}`);
  if (!url) skip = `mapwright serve did not start: ${said.trim()}`;
  else base = url;
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(dataDir, { recursive: true, force: true });
});

async function makeRoom(text = MAP): Promise<{ edit: string; view: string }> {
  const reply = await fetch(`${base}/api/rooms`, { method: 'POST', body: JSON.stringify({ text }) });
  const r = (await reply.json()) as { room: string; edit: string; view: string };
  return { edit: `${base}/#room=${r.room}&token=${r.edit}`, view: `${base}/#room=${r.room}&token=${r.view}` };
}

/** A participant: a browser context of its own (its own storage), on the room's link. */
async function participant(browser: Browser, link: string, name: string): Promise<{ page: Page; ctx: BrowserContext }> {
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, link);
  await expect(page.getByTestId('live-status')).toContainText('connected');
  const field = page.getByTestId('live-name');
  await field.fill(name);
  await field.press('Enter');
  return { page, ctx };
}

const line = (text: string, name: string) => text.split('\n').find((l) => l.startsWith(`component ${name} `));

test.describe('a live room', () => {
  test.beforeEach(() => test.skip(skip !== null, skip ?? ''));

  test('two participants co-edit: drag, typing, own undo, presence', async ({ browser }) => {
    const { edit } = await makeRoom();
    const a = await participant(browser, edit, 'Ana');
    const b = await participant(browser, edit, 'Ben');
    for (const p of [a.page, b.page]) {
      await expect(p.getByTestId('participant')).toHaveCount(2);
      await expect(p.getByTestId('participants')).toContainText('Ana');
      await expect(p.getByTestId('participants')).toContainText('Ben');
    }
    expect(await storeText(b.page)).toBe(MAP);

    // A drags Kettle: B's canvas and text follow.
    const kettleX = await b.page.evaluate(
      () => window.mapwrightCanvas.scene()!.components.find((c) => c.name === 'Kettle')!.x,
    );
    await dragComponent(a.page, 'Kettle', 0.7);
    const moved = line(await storeText(a.page), 'Kettle')!;
    expect(moved).not.toBe('component Kettle [0.45, 0.30]');
    await expect.poll(async () => line(await storeText(b.page), 'Kettle')).toBe(moved);
    await expect.poll(async () => line(await editorText(b.page), 'Kettle')).toBe(moved);
    await expect
      .poll(() => b.page.evaluate(() => window.mapwrightCanvas.scene()!.components.find((c) => c.name === 'Kettle')!.x))
      .toBeGreaterThan(kettleX + 100);

    // B types a new component in the text: it appears in A's text and canvas.
    await b.page.locator('.cm-content').click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type('component Milk [0.5, 0.8]\n');
    await expect.poll(async () => (await storeText(a.page)).includes('component Milk [0.5, 0.8]')).toBe(true);
    await expect
      .poll(() => a.page.evaluate(() => window.mapwrightCanvas.scene()!.components.some((c) => c.name === 'Milk')))
      .toBe(true);

    // Each undoes only their own change: A's undo takes back the drag, not B's Milk.
    await a.page.locator('[data-action="undo"]').click();
    for (const p of [a.page, b.page]) {
      await expect.poll(async () => line(await storeText(p), 'Kettle')).toBe('component Kettle [0.45, 0.30]');
      expect(await storeText(p)).toContain('component Milk [0.5, 0.8]');
    }
    // B's cursor in the text shows on A's text, with B's name.
    await expect(a.page.locator('.cm-ySelectionInfo')).toContainText('Ben');
    // B's undo (in the text editor) takes back Milk, not A's (undone) drag. Typing is one undo step
    // per burst: on a busy machine a pause can split it, so B undoes until its own change is gone.
    await b.page.locator('.cm-content').click();
    for (let i = 0; i < 3 && (await storeText(b.page)).includes('Milk'); i++) {
      await b.page.keyboard.press('Control+z');
      await b.page.waitForTimeout(200);
    }
    for (const p of [a.page, b.page]) await expect.poll(() => storeText(p)).toBe(MAP);

    // Presence: B's selection is drawn on A's canvas in B's colour.
    const kettle = await pointOf(b.page, 'Kettle');
    await b.page.mouse.click(kettle.x, kettle.y);
    await expect
      .poll(() =>
        a.page.evaluate(
          () => window.mapwrightCanvas.scene()!.overlays.filter((s) => s.role === 'peer-selection').length,
        ),
      )
      .toBe(1);
    await a.ctx.close();
    await expect(b.page.getByTestId('participant')).toHaveCount(1, { timeout: 45_000 });
    await b.ctx.close();
  });

  test('the others’ cursors stay in the text while one deletes and the other sits at the end', async ({ browser }) => {
    const { edit } = await makeRoom();
    const a = await participant(browser, edit, 'Ana');
    const b = await participant(browser, edit, 'Ben');
    const crashes: string[] = [];
    b.page.on('console', (m) => /crashed|RangeError/.test(m.text()) && crashes.push(m.text()));
    await a.page.locator('.cm-content').click();
    await a.page.keyboard.press('Control+End');
    await expect(b.page.locator('.cm-ySelectionCaret')).toHaveCount(1);
    // Ben deletes at the end of the first line, then drags: Ana's cursor, at the very end, is
    // past the end of any text shorter than the room's (the editor never is).
    await b.page.locator('.cm-content').click();
    await b.page.keyboard.press('Control+Home');
    await b.page.keyboard.press('End');
    await b.page.keyboard.press('Backspace');
    await b.page.keyboard.press('Backspace');
    await dragComponent(b.page, 'Power', 0.5);
    await b.page.waitForTimeout(300);
    expect(crashes).toEqual([]);
    await expect(b.page.locator('.cm-ySelectionCaret')).toHaveCount(1);
    await a.ctx.close();
    await b.ctx.close();
  });

  test('a view-only link cannot change the map', async ({ browser }) => {
    const { edit, view } = await makeRoom();
    const editor = await participant(browser, edit, 'Facilitator');
    const viewer = await participant(browser, view, 'Viewer');
    await expect(viewer.page.getByTestId('live-status')).toContainText('view only');
    // The canvas does not drag, the text does not take typing, undo has nothing to do.
    await dragComponent(viewer.page, 'Kettle', 0.8);
    // A component's menu has nothing a viewer can do: it says why instead of opening.
    const kettle = await pointOf(viewer.page, 'Kettle');
    await viewer.page.mouse.click(kettle.x, kettle.y, { button: 'right' });
    await expect(viewer.page.getByTestId('message')).toContainText('view-only');
    await expect(viewer.page.getByTestId('context-menu')).toHaveCount(0);
    await viewer.page.locator('.cm-content').click();
    await viewer.page.keyboard.type('component Hacked [0.1, 0.1]\n');
    expect(await storeText(viewer.page)).toBe(MAP);
    expect(await editorText(viewer.page)).toBe(MAP);
    expect(await storeText(editor.page)).toBe(MAP);
    // The viewer still sees the editor's changes.
    await dragComponent(editor.page, 'Tea', 0.9);
    await expect
      .poll(async () => line(await storeText(viewer.page), 'Tea'))
      .toBe(line(await storeText(editor.page), 'Tea'));
    // A forged update from the viewer's page (past the UI) is not applied by the server.
    await viewer.page.evaluate(() => {
      const live = (window as unknown as { mapwrightLive: { text: { insert(i: number, s: string): void } } })
        .mapwrightLive;
      live.text.insert(0, '// forged\n');
    });
    await viewer.page.waitForTimeout(500);
    expect(await storeText(editor.page)).not.toContain('forged');
    await editor.ctx.close();
    await viewer.ctx.close();
  });

  test('followers move with the presenter’s Explain steps, and a live poll is revealed to all', async ({ browser }) => {
    const { edit } = await makeRoom(DEFAULT_MAP);
    const host = await participant(browser, edit, 'Host');
    const p1 = await participant(browser, edit, 'Pat');
    const p2 = await participant(browser, edit, 'Sam');
    await host.page.getByTestId('present').click();
    await expect(p1.page.getByTestId('follow')).toBeChecked();

    // Explain: the host steps; followers' screens show the same step.
    await host.page.locator('[data-action="explain"]').click();
    await expect(p1.page.getByTestId('explain')).toBeVisible();
    const heading = async (p: Page) => p.getByTestId('explain-count').textContent();
    await host.page.getByTestId('explain-next').click();
    await expect.poll(() => heading(p1.page)).toBe(await heading(host.page));
    await expect.poll(() => heading(p2.page)).toBe(await heading(host.page));
    // Pat breaks away (a step of their own), then re-joins.
    await p1.page.keyboard.press('ArrowLeft');
    await expect(p1.page.getByTestId('follow')).not.toBeChecked();
    await host.page.getByTestId('explain-next').click();
    await expect.poll(() => heading(p2.page)).toBe(await heading(host.page));
    expect(await heading(p1.page)).not.toBe(await heading(host.page));
    await p1.page.getByTestId('follow').check();
    await expect.poll(() => heading(p1.page)).toBe(await heading(host.page));
    await host.page.keyboard.press('Escape');
    await expect(p1.page.getByTestId('explain')).toBeHidden();

    // A finding the host highlights is highlighted on the followers' maps too, and cleared with it.
    const undimmed = (p: Page) =>
      p.evaluate(() =>
        window
          .mapwrightCanvas!.scene()!
          .components.filter((c) => !c.dimmed)
          .map((c) => c.name)
          .sort(),
      );
    await host.page.locator('[data-testid="findings"] li.finding button').first().click();
    const highlighted = await undimmed(host.page);
    expect(highlighted.length).toBeLessThan(
      await host.page.evaluate(() => window.mapwrightCanvas.scene()!.components.length),
    );
    await expect.poll(() => undimmed(p2.page)).toEqual(highlighted);
    await host.page.locator('[data-testid="findings"] li.finding button').first().click();
    await expect.poll(async () => (await undimmed(p2.page)).length).toBeGreaterThan(highlighted.length);

    // The poll: participants select on their own maps and answer; the host reveals votes, then the answer.
    await host.page.getByTestId('poll-start').click();
    for (const [p, picks] of [
      [p1.page, ['Centralized Platform']],
      [p2.page, ['Centralized Platform', 'MLOps']],
    ] as const) {
      await expect(p.getByTestId('poll')).toContainText('bottlenecks');
      await p.evaluate((names) => window.mapwright.select(names), [...picks]);
      await p.getByTestId('poll-answer').click();
    }
    await expect(host.page.getByTestId('poll-count')).toContainText('2 of 2 answered');
    await host.page.getByTestId('poll-votes-show').click();
    for (const p of [host.page, p1.page, p2.page]) {
      await expect(p.getByTestId('poll-votes')).toContainText('Centralized Platform 2, MLOps 1');
      await expect
        .poll(() =>
          p.evaluate(() =>
            window.mapwrightCanvas
              .scene()!
              .overlays.filter((s) => s.role === 'votes')
              .map((s) => (s.t === 'badge' ? `${s.owner} ${s.letter}` : ''))
              .sort(),
          ),
        )
        .toEqual(['Centralized Platform 2', 'MLOps 1']);
    }
    await host.page.getByTestId('poll-reveal').click();
    for (const p of [host.page, p1.page, p2.page]) {
      await expect(p.getByTestId('poll-result')).toContainText('The room’s answer');
      await expect(p.getByTestId('poll-result')).toContainText('Centralized Platform');
    }
    for (const c of [host.ctx, p1.ctx, p2.ctx]) await c.close();
  });

  test('a participant keeps editing while the server is down, and both merge when it is back', async ({ browser }) => {
    const { edit } = await makeRoom();
    const a = await participant(browser, edit, 'Ana');
    const b = await participant(browser, edit, 'Ben');
    await dragComponent(a.page, 'Tea', 0.9);
    const tea = line(await storeText(a.page), 'Tea')!;
    await expect.poll(async () => line(await storeText(b.page), 'Tea')).toBe(tea);
    // The server dies without a chance to store anything more (SIGKILL).
    server!.kill('SIGKILL');
    await expect(a.page.getByTestId('live-status')).toContainText('offline');
    // Both go on editing: A in the text, B on the canvas.
    await a.page.locator('.cm-content').click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.type('component Milk [0.5, 0.8]\n');
    await dragComponent(b.page, 'Kettle', 0.8);
    const kettle = line(await storeText(b.page), 'Kettle')!;
    expect(await storeText(a.page)).not.toContain(kettle);
    // Back on the same port and rooms: the acknowledged drag was kept; the offline edits merge.
    const port = new URL(base).port;
    const { url } = await startServer(Number(port));
    expect(url).toBe(base);
    for (const p of [a.page, b.page]) {
      await expect(p.getByTestId('live-status')).toContainText('connected', { timeout: 30_000 });
      await expect.poll(async () => line(await storeText(p), 'Kettle'), { timeout: 15_000 }).toBe(kettle);
      await expect.poll(async () => (await storeText(p)).includes('component Milk [0.5, 0.8]')).toBe(true);
      expect(line(await storeText(p), 'Tea')).toBe(tea);
    }
    expect(await storeText(a.page)).toBe(await storeText(b.page));
    await a.ctx.close();
    await b.ctx.close();
  });

  test('an edit made offline is kept in the browser and reaches the room when the link is opened again', async ({
    browser,
  }) => {
    const { edit } = await makeRoom();
    const a = await participant(browser, edit, 'Ana');
    const b = await participant(browser, edit, 'Ben');
    server!.kill('SIGKILL');
    await expect(a.page.getByTestId('live-status')).toContainText('offline');
    await a.page.locator('.cm-content').click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.type('component Sugar [0.3, 0.7]\n');
    // y-indexeddb writes in the background: give it a moment, then A closes the tab before the server is back.
    await a.page.waitForTimeout(500);
    await a.page.close();
    const { url } = await startServer(Number(new URL(base).port));
    expect(url).toBe(base);
    // Nobody online has the edit: only A's browser kept it.
    await expect(b.page.getByTestId('live-status')).toContainText('connected', { timeout: 30_000 });
    expect(await storeText(b.page)).not.toContain('Sugar');
    // A opens the link again, in the same browser: the kept edit merges into the room.
    const again = await a.ctx.newPage();
    await openApp(again, edit);
    await expect(again.getByTestId('live-status')).toContainText('connected');
    await expect.poll(async () => (await storeText(again)).includes('component Sugar [0.3, 0.7]')).toBe(true);
    await expect.poll(async () => (await storeText(b.page)).includes('component Sugar [0.3, 0.7]')).toBe(true);
    expect(await storeText(again)).toBe(await storeText(b.page));
    await a.ctx.close();
    await b.ctx.close();
  });

  test('a wrong link says so and opens your own map; Leave keeps the map as your own', async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page, `${base}/#room=nosuchroom000000&token=nosuchtoken00000`);
    await expect(page.getByTestId('message')).toContainText('not valid');
    await expect(page.getByTestId('live-bar')).toHaveCount(0);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await ctx.close();

    const { edit } = await makeRoom();
    const a = await participant(browser, edit, 'Ana');
    const b = await participant(browser, edit, 'Ben');
    await a.page.getByRole('button', { name: 'Leave' }).click();
    await expect(a.page.getByTestId('live-bar')).toHaveCount(0);
    expect(await a.page.evaluate(() => location.hash)).toBe('');
    expect(await storeText(a.page)).toBe(MAP);
    // Edits here are this map's own now: they do not reach the room.
    await dragComponent(a.page, 'Kettle', 0.8);
    expect(line(await storeText(a.page), 'Kettle')).not.toBe('component Kettle [0.45, 0.30]');
    await b.page.waitForTimeout(500);
    expect(await storeText(b.page)).toBe(MAP);
    await expect(b.page.getByTestId('participant')).toHaveCount(1);
    expect(errors).toEqual([]);
    await a.ctx.close();
    await b.ctx.close();
  });

  test('Share live makes a room of the open map and joins it', async ({ browser }) => {
    const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await ctx.newPage();
    await openApp(page, `${base}/`);
    const own = await storeText(page);
    await page.locator('[data-action="share-live"]').click();
    const links = page.getByTestId('live-links');
    await expect(links).toBeVisible();
    const edit = await links.getByLabel('Edit link').inputValue();
    const view = await links.getByLabel('View-only link').inputValue();
    expect(edit).toMatch(/#room=[\w-]{22}&token=[\w-]{22}$/);
    expect(view.split('&')[0]).toBe(edit.split('&')[0]);
    await page.getByTestId('join-live').click();
    await expect(page.getByTestId('live-status')).toContainText('connected');
    expect(await storeText(page)).toBe(own);
    // The one who made the room can copy both links from the bar.
    await expect(page.getByTestId('live-bar')).toContainText('Copy view link');
    // Someone on the view link sees the same map.
    const viewer = await participant(browser, view, 'Viewer');
    expect(await storeText(viewer.page)).toBe(own);
    await viewer.ctx.close();
    await ctx.close();
  });
});

test('Share live without the Mapwright server says what to run', async ({ app }) => {
  await app.locator('[data-action="share-live"]').click();
  await expect(app.getByTestId('message')).toContainText('mapwright serve');
});

test('a room link whose server cannot be reached opens your own map and says why', async ({ app }) => {
  await openApp(app, '/#room=abcdefghijklmnop&token=abcdefghijklmnop');
  await expect(app.getByTestId('message')).toContainText('cannot be reached', { timeout: 10_000 });
  await expect(app.getByTestId('live-bar')).toHaveCount(0);
});

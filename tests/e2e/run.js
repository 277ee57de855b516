// End-to-end tests in headless Chromium (Debian's, driven by playwright-core) against the built
// app. Each test gets a fresh browser context (empty storage). Prints one line per test and a
// closing "N passed, N failed" line; exits 1 if any failed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { startBrowser } from './browser.js';

const ARTIFACTS = 'test-results';
mkdirSync(ARTIFACTS, { recursive: true });
const DEFAULT_MAP = readFileSync('maps/unified-ai-ops.owm', 'utf8');

const env = await startBrowser();
const tests = [];
const test = (name, fn) => tests.push({ name, fn });

async function open(context, url = env.url) {
  const page = await context.newPage({});
  await page.setViewportSize({ width: 1600, height: 900 });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('dialog', (d) => { page.errors.push(`dialog: ${d.message()}`); void d.dismiss(); });
  await page.goto(url);
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => window.mapwrightCanvas && window.mapwrightCanvas.scene());
  return page;
}

const text = (page) => page.evaluate(() => window.mapwright.getState().text);
const editorText = (page) => page.evaluate(() => window.mapwrightEditor.state.doc.toString());
const findingIds = (page) => page.$$eval('[data-testid="findings"] li.finding', (els) => els.map((e) => e.getAttribute('data-id')));

/** Where a component is drawn, in page pixels. */
async function pointOf(page, name) {
  const p = await page.evaluate((n) => {
    const c = window.mapwrightCanvas.scene().components.find((x) => x.name === n && x.type !== 'evolved');
    return c ? { x: c.x, y: c.y } : null;
  }, name);
  assert.ok(p, `${name} is drawn`);
  const box = await page.locator('[data-testid="canvas"] canvas').first().boundingBox();
  return { x: box.x + p.x, y: box.y + p.y };
}

/** The page x of a maturity on the evolution axis. */
async function xOfMaturity(page, maturity) {
  const box = await page.locator('[data-testid="canvas"] canvas').first().boundingBox();
  return page.evaluate(([m, left]) => {
    const f = window.mapwrightCanvas.scene().frame;
    return left + 48 + m * (f.width - 48 - 24);
  }, [maturity, box.x]);
}

function changedLines(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  assert.equal(la.length, lb.length, 'same number of lines');
  return la.map((l, i) => (l === lb[i] ? null : i + 1)).filter((x) => x !== null);
}

/** Types `line` as a new last line of the map, in the text editor, key by key. */
async function typeAtEnd(page, line) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n${line}`);
}

async function dragComponent(page, name, toMaturity, during = async () => {}) {
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

test('loads the Unified AI Ops map by default, with its analysis', async (ctx) => {
  const page = await open(ctx);
  assert.equal(await text(page), DEFAULT_MAP);
  assert.match(await editorText(page), /anchor AI Value \[0\.96, 0\.62\]/);
  const ids = await findingIds(page);
  assert.ok(ids.includes('bottleneck/lagging-hub:Governance & Compliance'), 'Governance & Compliance is a bottleneck');
  assert.ok(ids.includes('critical-path/risk-chain:Data Management>DataOps>Unified AI Ops Framework'));
  assert.ok(await page.locator('.outline li[data-name="Change Management"]').count() === 1, 'outline lists components');
  await page.screenshot({ path: `${ARTIFACTS}/default-map.png` });
  assert.deepEqual(page.errors, []);
});

test('dragging a component across Custom-Built -> Product changes its line only; one undo restores both', async (ctx) => {
  const page = await open(ctx);
  const before = await text(page);
  const findingsBefore = await findingIds(page);
  assert.ok(findingsBefore.includes('evolution-gap/stage-crossing:Centralized Platform'));
  let held;
  await dragComponent(page, 'Centralized Platform', 0.46, async () => {
    // The side panels and the text editor follow a drag at most every 100 ms: give them that long.
    await page.waitForTimeout(250);
    held = {
      text: await text(page), editor: await editorText(page), stage: await page.getByTestId('drag-stage').textContent(),
      findings: await findingIds(page),
      outline: await page.locator('.outline li[data-name="Centralized Platform"] .stage').textContent(),
      // The node in hand is drawn over the others: on the top layer.
      onTop: await page.evaluate(() => { const layers = window.Konva.stages[0].getLayers(); const n = window.Konva.stages[0].find('.component').find((c) => c.id() === 'component:Centralized Platform' && c.isDragging()); return n?.getLayer() === layers[layers.length - 1]; }),
    };
  });
  assert.notEqual(held.text, before, 'the text changes while the component is dragged');
  assert.equal(held.editor, held.text, 'the text editor follows the drag before the drop');
  assert.equal(held.stage, 'Product (+rental)', 'the stage under the pointer is shown');
  assert.equal(held.onTop, true, 'the dragged component is drawn over the others');
  assert.ok(!held.findings.includes('evolution-gap/stage-crossing:Centralized Platform'), 'the findings change while the component is held');
  assert.match(held.outline, /^Product \(\+rental\) · 0\.4[4-8]$/, 'the outline follows the drag');
  const after = await text(page);
  const lines = changedLines(before, after);
  assert.deepEqual(lines, [12], 'only the Centralized Platform line changed');
  assert.match(after.split('\n')[11], /^component Centralized Platform \[0\.74, 0\.4[4-8]\]$/);
  assert.equal(await editorText(page), after, 'the text editor shows the new numbers');
  const findingsAfter = await findingIds(page);
  assert.ok(!findingsAfter.includes('evolution-gap/stage-crossing:Centralized Platform'), 'no longer crosses a stage boundary');
  await page.screenshot({ path: `${ARTIFACTS}/dragged-map.png` });
  // While dragged it is drawn on the overlays layer; after the drop it is back among the others, in its place.
  const placed = await page.evaluate(() => {
    const layers = window.Konva.stages[0].getLayers();
    const node = window.Konva.stages[0].find('.component').find((n) => n.id() === 'component:Centralized Platform');
    const home = node.getLayer();
    return { others: home.find('.component').length, elsewhere: layers.filter((l) => l !== home).reduce((n, l) => n + l.find('.component').length, 0), at: layers.indexOf(home) };
  });
  assert.deepEqual([placed.elsewhere, placed.others > 10], [0, true], `dropped back among the components (${JSON.stringify(placed)})`);
  // The layers are back in their order: grid, overlays, components, badges.
  assert.equal(placed.at, 2, `the components layer is third again (${JSON.stringify(placed)})`);
  await page.locator('[data-testid="canvas"]').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(100);
  assert.equal(await text(page), before, 'undo restores the original bytes');
  assert.equal(await editorText(page), before);
  assert.deepEqual(await findingIds(page), findingsBefore, 'undo restores the findings');
  assert.deepEqual(page.errors, []);
});

test('a drag with shift held moves a component along evolution only', async (ctx) => {
  const page = await open(ctx);
  const before = await text(page);
  const from = await pointOf(page, 'Data Management');
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(from.x + i * 6, from.y - i * 5);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await page.waitForTimeout(150);
  const after = await text(page);
  assert.deepEqual(changedLines(before, after), [18]);
  const m = /^component Data Management \[(0\.\d+), (0\.\d+)\]$/.exec(after.split('\n')[17]);
  assert.ok(m, after.split('\n')[17]);
  assert.equal(m[1], '0.50', 'visibility unchanged');
  assert.ok(Number(m[2]) > 0.5, `maturity moved right (${m[2]})`);
  assert.deepEqual(page.errors, []);
});

test('arrow keys move the selected component through the same edit path', async (ctx) => {
  const page = await open(ctx);
  const before = await text(page);
  await page.locator('.outline li[data-name="Centralized Platform"]').click();
  await page.locator('[data-testid="outline"]').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowUp');
  const after = await text(page);
  assert.deepEqual(changedLines(before, after), [12]);
  assert.equal(after.split('\n')[11], 'component Centralized Platform [0.75, 0.43]');
  assert.ok(!(await findingIds(page)).includes('evolution-gap/stage-crossing:Centralized Platform'));
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await page.waitForTimeout(100);
  assert.equal(await text(page), before);
});

test('a broken line is reported with line:col, the canvas keeps the last good map and is marked stale', async (ctx) => {
  const page = await open(ctx);
  const drawnBefore = await page.evaluate(() => window.mapwrightCanvas.scene().components.length);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\ncomponent Broken [0.5');
  await page.waitForSelector('[data-testid="stale"]');
  const lineCount = (await text(page)).split('\n').length;
  const diag = await page.locator('[data-testid="diagnostics"] .diag.error').first().textContent();
  assert.match(diag, new RegExp(`unified-ai-ops\\.owm:${lineCount}:18: error: expected coordinates`));
  assert.equal(await page.evaluate(() => window.mapwrightCanvas.scene().components.length), drawnBefore);
  await page.waitForSelector('.cm-lint-marker-error', { timeout: 5000 });
  await page.waitForSelector('.cm-lintRange-error', { timeout: 5000 });
  assert.ok((await text(page)).endsWith('component Broken [0.5'), 'nothing typed is lost');
});

test('a note, and a selected component\'s label, are dragged with the mouse: each changes its own line only', async (ctx) => {
  const page = await open(ctx);
  await page.evaluate(() => window.mapwright.load('title Drag\ncomponent Alpha [0.50, 0.50]\nnote Remember me [0.30, 0.30]', 'drag.owm'));
  await page.waitForTimeout(300);
  const box = await page.locator('[data-testid="canvas"] canvas').first().boundingBox();
  const drag = async (x, y, dx, dy) => {
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) { await page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8); await page.waitForTimeout(20); }
    await page.mouse.up();
    await page.waitForTimeout(150);
  };
  const before = await text(page);
  const note = await page.evaluate(() => { const n = window.mapwrightCanvas.scene().notes[0]; return { x: n.x, y: n.y }; });
  // Pressed on the note's text (a few pixels into it), dragged right.
  await drag(box.x + note.x + 12, box.y + note.y + 6, 120, 0);
  const afterNote = await text(page);
  assert.deepEqual(changedLines(before, afterNote), [3], 'only the note line changed');
  const m = /^note Remember me \[(0\.\d+), (0\.\d+)\]$/.exec(afterNote.split('\n')[2]);
  assert.ok(m && Number(m[2]) > 0.4, `the note moved right along evolution: ${afterNote.split('\n')[2]}`);
  // Select the component, then drag its label (painted beside it) down and to the right.
  const a = await pointOf(page, 'Alpha');
  await page.mouse.click(a.x, a.y);
  await page.waitForTimeout(150);
  const label = await page.evaluate(() => window.mapwrightCanvas.scene().components.find((c) => c.name === 'Alpha').label);
  await drag(box.x + label.x + 8, box.y + label.y + 6, 30, 20);
  const afterLabel = await text(page);
  assert.deepEqual(changedLines(afterNote, afterLabel), [2], 'only the component line changed');
  assert.match(afterLabel.split('\n')[1], /^component Alpha \[0\.50, 0\.50\] label \[-?\d+, -?\d+\]$/);
  assert.deepEqual(page.errors, []);
});

test('autosave restores the work after a reload', async (ctx) => {
  const page = await open(ctx);
  await typeAtEnd(page, 'note Remember me [0.2, 0.2]');
  const typed = await text(page);
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => window.mapwright);
  assert.equal(await text(page), typed);
});

test('SVG export is well-formed and names every component', async (ctx) => {
  const page = await open(ctx);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="svg"]')]);
  const svg = readFileSync(await download.path(), 'utf8');
  const result = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' | ') };
  }, svg);
  assert.equal(result.error, null);
  const names = await page.evaluate(() => window.mapwright.derived().model.components.map((c) => c.name));
  for (const n of names) assert.ok(svg.includes(n.replace(/&/g, '&amp;')), `${n} in the SVG`);
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="png"]')]);
  const bytes = readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
});

test('a share link opens the same map in a fresh page', async (ctx) => {
  const page = await open(ctx);
  await typeAtEnd(page, 'component Shared Thing [0.3, 0.3]');
  const mine = await text(page);
  await page.click('button[data-action="share"]');
  await page.waitForFunction(() => location.hash.startsWith('#map='));
  const url = page.url();
  const other = await env.browser.newContext();
  try {
    const fresh = await open(other, url);
    assert.equal(await text(fresh), mine);
  } finally {
    await other.close();
  }
});

test('names are shown as text only, never as markup', async (ctx) => {
  const page = await open(ctx);
  const evil = '<img src=x onerror=alert(1)>';
  await page.evaluate((n) => window.mapwright.load(`title ${n}\ncomponent "${n}" [0.5, 0.5]\nnote ${n} [0.3, 0.3]`, 'evil.owm'), evil);
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.outline li .name').first().textContent(), evil);
  assert.equal(await page.locator('img').count(), 0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="svg"]')]);
  const svg = readFileSync(await download.path(), 'utf8');
  assert.ok(!svg.includes('<img'), 'escaped in the SVG');
  assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.deepEqual(page.errors, []);
});

test('a map of 5 MB or more is refused with a clear message', async (ctx) => {
  const page = await open(ctx);
  const before = await text(page);
  const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'component X [0.5, 0.5]\n');
  await page.setInputFiles('[data-testid="file-input"]', { name: 'huge.owm', mimeType: 'text/plain', buffer: big });
  await page.waitForSelector('[data-testid="message"]');
  assert.match(await page.locator('[data-testid="message"]').textContent(), /5 MB or more are refused/);
  assert.equal(await text(page), before);
});

test('rename by double-click renames every reference; delete removes links', async (ctx) => {
  const page = await open(ctx);
  const p = await pointOf(page, 'FinOps');
  await page.mouse.dblclick(p.x, p.y);
  const input = page.locator('[data-testid="rename-input"]');
  await input.fill('Cloud FinOps');
  await input.press('Enter');
  await page.waitForTimeout(100);
  const t = await text(page);
  const code = t.split('\n').filter((l) => !l.startsWith('//')).join('\n');
  assert.ok(!code.replace(/Cloud FinOps/g, '').includes('FinOps'), 'every reference renamed (comments are the user\'s words and stay)');
  assert.ok(t.includes('Unified AI Ops Framework->Cloud FinOps'));
  await page.keyboard.press('Delete');
  await page.waitForTimeout(100);
  assert.ok(!(await text(page)).includes('Cloud FinOps'));
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(100);
  assert.equal(await text(page), DEFAULT_MAP);
});

test('Explain mode steps through every finding, highlighting exactly its components', async (ctx) => {
  const page = await open(ctx);
  const ids = await page.evaluate(() => window.mapwright.derived().analysis.findings.map((f) => ({ id: f.id, components: f.components })));
  await page.click('button[data-action="explain"]');
  await page.waitForSelector('[data-testid="explain"]');
  for (let i = 0; i < ids.length; i++) {
    await page.waitForFunction((id) => document.querySelector('[data-testid="explain"]')?.getAttribute('data-finding') === id, ids[i].id);
    assert.equal(await page.locator('[data-testid="explain-count"]').textContent(), `${i + 1} / ${ids.length}`);
    await page.waitForFunction((names) => {
      const lit = window.mapwrightCanvas.scene().components.filter((c) => c.highlighted && c.type !== 'evolved').map((c) => c.name);
      return JSON.stringify([...new Set(lit)].sort()) === JSON.stringify([...new Set(names)].sort());
    }, ids[i].components);
    if (i === 0) await page.screenshot({ path: `${ARTIFACTS}/explain-mode.png` });
    if (i < ids.length - 1) await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((id) => document.querySelector('[data-testid="explain"]')?.getAttribute('data-finding') === id, ids[ids.length - 2].id);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="explain"]', { state: 'detached' });
  assert.equal(await text(page), DEFAULT_MAP, 'explaining changes nothing');
});

test('predict, then reveal: the guess is scored with hits, misses and false alarms', async (ctx) => {
  const page = await open(ctx);
  await page.click('[data-testid="side-learn"]');
  await page.click('.outline li[data-name="Governance & Compliance"]');
  await page.click('.outline li[data-name="Cloud Infrastructure"]', { modifiers: ['Shift'] });
  await page.click('[data-testid="reveal"]');
  const result = await page.locator('[data-testid="predict-result"]').textContent();
  assert.match(result, /1 hit, 2 missed, 1 false alarm/);
  assert.match(result, /Change Management/);
  assert.match(result, /Cloud Infrastructure: Cloud Infrastructure has \d+ direct user/);
});

test('what if it commoditises: a preview on a copy, the text untouched until applied', async (ctx) => {
  const page = await open(ctx);
  await page.click('[data-testid="side-learn"]');
  await page.click('[data-testid="tab-disruption"]');
  await page.check('[data-testid="whatif-Model Monitoring"]');
  await page.waitForSelector('[data-testid="whatif-result"]');
  await page.waitForSelector('[data-testid="preview"]');
  const gone = await page.locator('[data-testid="whatif-result"] li[data-id="disruption-risk/into-commodity:Model Monitoring"]').count();
  assert.equal(gone, 1, 'its disruption risk disappears');
  assert.equal(await text(page), DEFAULT_MAP, 'the map text is untouched');
  const drawnAt = await page.evaluate(() => window.mapwrightCanvas.scene().components.find((c) => c.name === 'Model Monitoring').x);
  await page.uncheck('[data-testid="whatif-Model Monitoring"]');
  await page.waitForSelector('[data-testid="preview"]', { state: 'detached' });
  const backAt = await page.evaluate(() => window.mapwrightCanvas.scene().components.find((c) => c.name === 'Model Monitoring').x);
  assert.ok(drawnAt > backAt, 'the preview drew it further right');
});

test('the projection slider previews live; apply writes only coordinates as one step; undo restores the bytes', async (ctx) => {
  const page = await open(ctx);
  await page.click('[data-testid="side-learn"]');
  await page.click('[data-testid="tab-projection"]');
  const slider = page.locator('[data-testid="projection-slider"]');
  await slider.fill('0');
  const x0 = await page.evaluate(() => window.mapwrightCanvas.scene().components.find((c) => c.name === 'DataOps').x);
  await slider.fill('60');
  await page.waitForSelector('[data-testid="preview"]');
  await page.waitForFunction((x) => window.mapwrightCanvas.scene().components.find((c) => c.name === 'DataOps').x > x + 5, x0);
  assert.equal(await text(page), DEFAULT_MAP, 'the slider alone changes no text');
  await page.click('[data-testid="projection-apply"]');
  const after = await text(page);
  const a = DEFAULT_MAP.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length);
  let changed = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) { changed++; assert.equal(a[i].replace(/[\d.]+/g, '#'), b[i].replace(/[\d.]+/g, '#'), 'only numbers change'); }
  assert.ok(changed > 5);
  await page.locator('[data-testid="canvas"]').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(100);
  assert.equal(await text(page), DEFAULT_MAP, 'one undo restores the original bytes');
});

test('compare view: ghosts where components were, and the semantic diff', async (ctx) => {
  const page = await open(ctx);
  await page.click('[data-testid="side-compare"]');
  await page.fill('[data-testid="compare-text"]', DEFAULT_MAP.replace('component Model Monitoring [0.22, 0.65]', 'component Model Monitoring [0.22, 0.50]'));
  await page.click('[data-testid="compare-go"]');
  const list = await page.locator('[data-testid="diff-list"]').textContent();
  assert.match(list, /Model Monitoring moved within Product \(\+rental\) \(evolution \+0\.15\)/);
  const ghosts = await page.evaluate(() => window.mapwrightCanvas.scene().overlays.filter((s) => s.role === 'ghost').length);
  assert.equal(ghosts, 1);
  await page.screenshot({ path: `${ARTIFACTS}/compare-view.png` });
});

let passed = 0;
let failed = 0;
for (const t of tests) {
  const ctx = await env.browser.newContext({ acceptDownloads: true });
  const t0 = Date.now();
  try {
    await t.fn(ctx);
    passed++;
    console.log(`  ✓ ${t.name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${t.name}\n    ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
    const pages = ctx.pages();
    if (pages[0]) await pages[0].screenshot({ path: `${ARTIFACTS}/failed-${tests.indexOf(t)}.png` }).catch(() => {});
  } finally {
    await ctx.close();
  }
}
await env.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

// The canvas: loading, dragging, nudging, labels, notes, rename and delete.
import {
  canvasBox,
  changedLines,
  DEFAULT_MAP,
  dragBy,
  dragComponent,
  editorText,
  expect,
  findingIds,
  loadMap,
  pointOf,
  storeText,
  test,
} from './app.js';

test('loads the Unified AI Ops map by default, with its analysis', async ({ app: page, errors }) => {
  expect(await storeText(page)).toBe(DEFAULT_MAP);
  expect(await editorText(page)).toMatch(/anchor AI Value \[0\.96, 0\.62\]/);
  const ids = await findingIds(page);
  expect(ids).toContain('bottleneck/lagging-hub:Governance & Compliance');
  expect(ids).toContain('critical-path/risk-chain:Data Management>DataOps>Unified AI Ops Framework');
  await expect(page.locator('.outline li[data-name="Change Management"]')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('default-map.png') });
  expect(errors).toEqual([]);
});

test('dragging a component across Custom-Built -> Product changes its line only; one undo restores both', async ({
  app: page,
  errors,
}) => {
  const before = await storeText(page);
  const findingsBefore = await findingIds(page);
  expect(findingsBefore).toContain('evolution-gap/stage-crossing:Centralized Platform');
  let held:
    | { text: string; editor: string; stage: string | null; findings: string[]; outline: string | null; onTop: boolean }
    | undefined;
  await dragComponent(page, 'Centralized Platform', 0.46, async () => {
    // The side panels and the text editor follow a drag at most every 100 ms: give them that long.
    await page.waitForTimeout(250);
    held = {
      text: await storeText(page),
      editor: await editorText(page),
      stage: await page.getByTestId('drag-stage').textContent(),
      findings: await findingIds(page),
      outline: await page.locator('.outline li[data-name="Centralized Platform"] .stage').textContent(),
      // The node in hand is drawn over the others: on the top layer.
      onTop: await page.evaluate(() => {
        const stage = window.Konva.stages[0]!;
        const layers = stage.getLayers();
        const n = stage.find('.component').find((c) => c.id() === 'component:Centralized Platform' && c.isDragging());
        return n?.getLayer() === layers[layers.length - 1];
      }),
    };
  });
  expect(held!.text).not.toBe(before);
  expect(held!.editor, 'the text editor follows the drag before the drop').toBe(held!.text);
  expect(held!.stage, 'the stage under the pointer is shown').toBe('Product (+rental)');
  expect(held!.onTop, 'the dragged component is drawn over the others').toBe(true);
  expect(held!.findings, 'the findings change while the component is held').not.toContain(
    'evolution-gap/stage-crossing:Centralized Platform',
  );
  expect(held!.outline, 'the outline follows the drag').toMatch(/^Product \(\+rental\) · 0\.4[4-8]$/);
  const after = await storeText(page);
  expect(changedLines(before, after), 'only the Centralized Platform line changed').toEqual([12]);
  expect(after.split('\n')[11]).toMatch(/^component Centralized Platform \[0\.74, 0\.4[4-8]\]$/);
  expect(await editorText(page), 'the text editor shows the new numbers').toBe(after);
  expect(await findingIds(page)).not.toContain('evolution-gap/stage-crossing:Centralized Platform');
  await page.screenshot({ path: test.info().outputPath('dragged-map.png') });
  // While dragged it is drawn on the overlays layer; after the drop it is back among the others, in its place.
  const placed = await page.evaluate(() => {
    const stage = window.Konva.stages[0]!;
    const layers = stage.getLayers();
    const node = stage.find('.component').find((n) => n.id() === 'component:Centralized Platform')!;
    const home = node.getLayer()!;
    return {
      others: home.find('.component').length,
      elsewhere: layers.filter((l) => l !== home).reduce((n, l) => n + l.find('.component').length, 0),
      at: layers.indexOf(home),
    };
  });
  expect([placed.elsewhere, placed.others > 10], JSON.stringify(placed)).toEqual([0, true]);
  expect(placed.at, 'the components layer is third again').toBe(2);
  await page.locator('[data-testid="canvas"]').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(100);
  expect(await storeText(page), 'undo restores the original bytes').toBe(before);
  expect(await editorText(page)).toBe(before);
  expect(await findingIds(page), 'undo restores the findings').toEqual(findingsBefore);
  expect(errors).toEqual([]);
});

test('a drag with shift held moves a component along evolution only', async ({ app: page, errors }) => {
  const before = await storeText(page);
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
  const after = await storeText(page);
  expect(changedLines(before, after)).toEqual([18]);
  const m = /^component Data Management \[(0\.\d+), (0\.\d+)\]$/.exec(after.split('\n')[17]!);
  expect(m, after.split('\n')[17]).not.toBeNull();
  expect(m![1], 'visibility unchanged').toBe('0.50');
  expect(Number(m![2]), 'maturity moved right').toBeGreaterThan(0.5);
  expect(errors).toEqual([]);
});

test('arrow keys move the selected component through the same edit path', async ({ app: page }) => {
  const before = await storeText(page);
  await page.locator('.outline li[data-name="Centralized Platform"]').click();
  await page.locator('[data-testid="outline"]').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowUp');
  const after = await storeText(page);
  expect(changedLines(before, after)).toEqual([12]);
  expect(after.split('\n')[11]).toBe('component Centralized Platform [0.75, 0.43]');
  expect(await findingIds(page)).not.toContain('evolution-gap/stage-crossing:Centralized Platform');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await page.waitForTimeout(100);
  expect(await storeText(page)).toBe(before);
});

test("a note, and a selected component's label, are dragged with the mouse: each changes its own line only", async ({
  app: page,
  errors,
}) => {
  await loadMap(page, 'title Drag\ncomponent Alpha [0.50, 0.50]\nnote Remember me [0.30, 0.30]', 'drag.owm');
  const box = await canvasBox(page);
  const before = await storeText(page);
  const note = await page.evaluate(() => {
    const n = window.mapwrightCanvas.scene()!.notes[0]!;
    return { x: n.x, y: n.y };
  });
  // Pressed on the note's text (a few pixels into it), dragged right.
  await dragBy(page, box.x + note.x + 12, box.y + note.y + 6, 120, 0);
  const afterNote = await storeText(page);
  expect(changedLines(before, afterNote), 'only the note line changed').toEqual([3]);
  const m = /^note Remember me \[(0\.\d+), (0\.\d+)\]$/.exec(afterNote.split('\n')[2]!);
  expect(m && Number(m[2]) > 0.4, `the note moved right along evolution: ${afterNote.split('\n')[2]}`).toBe(true);
  // Select the component, then drag its label (painted beside it) down and to the right.
  const a = await pointOf(page, 'Alpha');
  await page.mouse.click(a.x, a.y);
  await page.waitForTimeout(150);
  const label = await page.evaluate(
    () => window.mapwrightCanvas.scene()!.components.find((c) => c.name === 'Alpha')!.label,
  );
  await dragBy(page, box.x + label.x + 8, box.y + label.y + 6, 30, 20);
  const afterLabel = await storeText(page);
  expect(changedLines(afterNote, afterLabel), 'only the component line changed').toEqual([2]);
  expect(afterLabel.split('\n')[1]).toMatch(/^component Alpha \[0\.50, 0\.50\] label \[-?\d+, -?\d+\]$/);
  expect(errors).toEqual([]);
});

test('rename by double-click renames every reference; delete removes links', async ({ app: page }) => {
  const p = await pointOf(page, 'FinOps');
  await page.mouse.dblclick(p.x, p.y);
  const input = page.getByTestId('rename-input');
  await input.fill('Cloud FinOps');
  await input.press('Enter');
  await page.waitForTimeout(100);
  const t = await storeText(page);
  const code = t
    .split('\n')
    .filter((l) => !l.startsWith('//'))
    .join('\n');
  expect(
    code.replace(/Cloud FinOps/g, ''),
    "every reference renamed (comments are the user's words and stay)",
  ).not.toContain('FinOps');
  expect(t).toContain('Unified AI Ops Framework->Cloud FinOps');
  await page.keyboard.press('Delete');
  await page.waitForTimeout(100);
  expect(await storeText(page)).not.toContain('Cloud FinOps');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(100);
  expect(await storeText(page)).toBe(DEFAULT_MAP);
});

test('F2 renames the selected component in a box at it; the context menu offers the same rename', async ({
  app: page,
  errors,
}) => {
  const p = await pointOf(page, 'FinOps');
  await page.mouse.click(p.x, p.y);
  await page.keyboard.press('F2');
  const input = page.getByTestId('rename-input');
  await expect(input).toHaveValue('FinOps');
  const box = (await input.boundingBox())!;
  expect(Math.abs(box.x - p.x), 'the box opens at the component').toBeLessThan(200);
  expect(Math.abs(box.y - p.y)).toBeLessThan(80);
  await input.fill('Cloud FinOps');
  await input.press('Enter');
  await expect.poll(() => storeText(page)).toContain('Unified AI Ops Framework->Cloud FinOps');
  const q = await pointOf(page, 'Cloud FinOps');
  await page.mouse.click(q.x, q.y, { button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Rename…' }).click();
  await expect(input).toHaveValue('Cloud FinOps');
  const before = await storeText(page);
  await input.fill('DataOps');
  await input.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'already a component' })).toBeVisible();
  expect(await storeText(page), 'a refused name changes nothing').toBe(before);
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("Shift+F10 opens the selected component's menu; arrows move through it and Enter chooses", async ({
  app: page,
  errors,
}) => {
  const p = await pointOf(page, 'FinOps');
  await page.mouse.click(p.x, p.y);
  const before = await storeText(page);
  await page.keyboard.press('Shift+F10');
  const menu = page.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /inertia/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Method: buy' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  const line = (t: string) => t.split('\n').find((l) => /^component FinOps /.test(l))!;
  await expect.poll(async () => line(await storeText(page))).toBe(`${line(before)} (buy)`);
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('click to select, then drag from the circle: the component moves, not its label', async ({
  app: page,
  errors,
}) => {
  const before = await storeText(page);
  const p = await pointOf(page, 'DataOps');
  await page.mouse.click(p.x, p.y);
  await page.waitForTimeout(150);
  await dragBy(page, p.x, p.y, 90, 0);
  const after = await storeText(page);
  expect(changedLines(before, after)).toEqual([13]);
  const line = after.split('\n')[12]!;
  expect(line, 'the label offset is unchanged').toMatch(/ label \[-58, -4\]$/);
  const m = /^component DataOps \[0\.70, (0\.\d+)\]/.exec(line);
  expect(m, line).not.toBeNull();
  expect(Number(m![1]), 'the component moved right').toBeGreaterThan(0.33);
  // The label still moves when the press is on the label itself.
  const label = await page.evaluate(
    () => window.mapwrightCanvas.scene()!.components.find((c) => c.name === 'DataOps')!.label,
  );
  const box = await canvasBox(page);
  await dragBy(page, box.x + label.x + 6, box.y + label.y + 6, 0, 30);
  expect((await storeText(page)).split('\n')[12]).toMatch(/ label \[-58, (2[5-9]|3[0-9])\]$/);
  expect(errors).toEqual([]);
});

/** Roles of the analysis drawn on the canvas: badges and highlighted edges. */
const findingShapes = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const s = window.mapwrightCanvas.scene()!;
    return (
      s.badges.length +
      s.overlays.filter((o) => o.role === 'critical-path-edge' || o.role === 'misalignment-line').length
    );
  });

test('Predict shows no findings on the canvas until the reveal; hiding the analysis hides them too', async ({
  app: page,
}) => {
  await expect.poll(() => findingShapes(page)).toBeGreaterThan(0);
  await page.click('[data-testid="side-learn"]');
  await expect.poll(() => findingShapes(page), { message: 'no answers before the guess' }).toBe(0);
  await page.click('.outline li[data-name="Governance & Compliance"]');
  await page.waitForTimeout(300);
  expect(await findingShapes(page)).toBe(0);
  await page.click('[data-testid="reveal"]');
  await expect
    .poll(() =>
      page.evaluate(() => window.mapwrightCanvas.scene()!.badges.filter((b) => b.role === 'badge-bottleneck').length),
    )
    .toBeGreaterThan(0);
  await page.click('[data-testid="side-findings"]');
  await expect.poll(() => findingShapes(page)).toBeGreaterThan(0);
  await page.click('button[data-action="panel"]');
  await expect.poll(() => findingShapes(page), { message: 'hiding the analysis hides it on the map too' }).toBe(0);
  await page.click('button[data-action="panel"]');
  await expect.poll(() => findingShapes(page)).toBeGreaterThan(0);
});

test('the context menu of a low component opens inside the window and stays open until a choice', async ({
  app: page,
}) => {
  const p = await pointOf(page, 'Cloud Infrastructure');
  await page.mouse.click(p.x, p.y, { button: 'right' });
  const menu = page.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  const pane = (await page.locator('.canvas-pane').boundingBox())!;
  const box = (await menu.boundingBox())!;
  expect(box.y + box.height, 'the menu ends above the bottom of the canvas').toBeLessThanOrEqual(pane.y + pane.height);
  expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
  // Leaving the menu with the pointer does not close it.
  await page.mouse.move(pane.x + 10, pane.y + 10, { steps: 5 });
  await page.waitForTimeout(200);
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(menu).toHaveCount(0);
  expect(await storeText(page)).not.toContain('Cloud Infrastructure');
  // A press elsewhere closes it.
  const q = await pointOf(page, 'DataOps');
  await page.mouse.click(q.x, q.y, { button: 'right' });
  await expect(menu).toBeVisible();
  await page.mouse.click(pane.x + pane.width / 2, pane.y + 20);
  await expect(menu).toHaveCount(0);
});

test('the rename box of a component near the right edge is inside the canvas', async ({ app: page }) => {
  const p = await pointOf(page, 'Cloud Infrastructure');
  await page.mouse.dblclick(p.x, p.y);
  const input = page.getByTestId('rename-input');
  await expect(input).toBeFocused();
  const pane = (await page.locator('.canvas-pane').boundingBox())!;
  const box = (await input.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
  expect(box.x).toBeGreaterThanOrEqual(pane.x);
  await input.fill('Cloud');
  await input.press('Enter');
  expect(await storeText(page)).toContain('component Cloud [0.10, 0.88]');
});

test('while the map is stale a drag changes no text, and says why', async ({ app: page }) => {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nfrobnicate the map');
  await page.waitForSelector('[data-testid="stale"]');
  const before = await storeText(page);
  const p = await pointOf(page, 'DataOps');
  await dragBy(page, p.x, p.y, 120, 0);
  expect(await storeText(page), 'the text behind the frozen picture is unchanged').toBe(before);
  await page.keyboard.press('Delete');
  expect(await storeText(page)).toBe(before);
  await expect(page.getByTestId('stale')).toContainText('read-only');
});

test('a half-typed component line does not jump onto the map until the line is left or the user pauses', async ({
  app: page,
}) => {
  const drawn = () =>
    page.evaluate(() => window.mapwrightCanvas.scene()!.components.some((c) => c.name.startsWith('Model Reg')));
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('component Model Registry', { delay: 60 });
  expect(await drawn(), 'not while it is being typed').toBe(false);
  await page.keyboard.type(' [0.40, 0.50]', { delay: 60 });
  await expect.poll(drawn, { message: 'drawn once it has coordinates' }).toBe(true);
  // Without coordinates: drawn after a pause.
  await page.keyboard.press('Enter');
  await page.keyboard.type('component Model Reg Two', { delay: 40 });
  expect(
    await page.evaluate(() => window.mapwrightCanvas.scene()!.components.some((c) => c.name === 'Model Reg Two')),
  ).toBe(false);
  await expect
    .poll(
      () => page.evaluate(() => window.mapwrightCanvas.scene()!.components.some((c) => c.name === 'Model Reg Two')),
      { timeout: 4000 },
    )
    .toBe(true);
});

test('an inferred kind is shown muted, and "make explicit" writes it into the map', async ({ app: page, errors }) => {
  await loadMap(
    page,
    'title Kinds\ncomponent Governance [0.60, 0.20]\ncomponent Kanban [0.40, 0.30] label [5, 5]\ncomponent Kettle [0.30, 0.60]\nGovernance->Kettle\nKanban->Kettle\n',
    'kinds.owm',
  );
  const row = page.locator('.outline li[data-name="Governance"] [data-testid="outline-kind"]');
  await expect(row).toHaveText(/practice/);
  await expect(row).toHaveClass(/inferred/);
  await expect(page.locator('.outline li[data-name="Kettle"] [data-testid="outline-kind"]')).toHaveCount(0);
  await row.getByRole('button', { name: 'make explicit' }).click();
  await expect.poll(() => storeText(page)).toContain('component Governance [0.60, 0.20] (practice)');
  await expect(page.locator('.outline li[data-name="Governance"] [data-testid="outline-kind"]')).not.toHaveClass(
    /inferred/,
  );
  // From the context menu, after the label (decorators follow what is read).
  const p = await pointOf(page, 'Kanban');
  await page.mouse.click(p.x, p.y, { button: 'right' });
  await page.getByTestId('make-explicit').click();
  await expect.poll(() => storeText(page)).toContain('component Kanban [0.40, 0.30] label [5, 5] (practice)');
  expect(errors).toEqual([]);
});

test('shift-drag on the background selects what the box holds; ctrl-click links two components; Esc leaves link mode', async ({
  app: page,
  errors,
}) => {
  const a = await pointOf(page, 'Data Management');
  const b = await pointOf(page, 'Centralized Platform');
  // A box around both, drawn from empty canvas below-right to above-left.
  const x0 = Math.max(a.x, b.x) + 40;
  const y0 = Math.max(a.y, b.y) + 40;
  await page.keyboard.down('Shift');
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move((x0 + Math.min(a.x, b.x) - 30) / 2, (y0 + Math.min(a.y, b.y) - 30) / 2, { steps: 4 });
  await page.mouse.move(Math.min(a.x, b.x) - 30, Math.min(a.y, b.y) - 30, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const selected = await page.evaluate(() => window.mapwright.getState().selection);
  expect(selected).toEqual(expect.arrayContaining(['Data Management', 'Centralized Platform']));

  // Link mode: ctrl-click the source, Esc leaves it; again, then ctrl-click the target.
  const before = await storeText(page);
  await page.keyboard.down('Control');
  await page.mouse.click(a.x, a.y);
  await page.keyboard.up('Control');
  await expect(page.getByText('Linking from Data Management')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Linking from Data Management')).toHaveCount(0);
  await page.keyboard.down('Control');
  await page.mouse.click(a.x, a.y);
  await page.mouse.click(b.x, b.y);
  await page.keyboard.up('Control');
  const after = await storeText(page);
  expect(after.split('\n').length).toBe(before.split('\n').length + 1);
  expect(after).toContain('Data Management->Centralized Platform');
  expect(errors).toEqual([]);
});

// Typing is the source of truth: whatever is typed, deleted or pasted, wherever and however fast,
// the text equals the same edits applied to a plain string, in the editor and in the store.
import type { Page } from '@playwright/test';
import { DEFAULT_MAP, editorText, expect, loadMap, pointOf, storeText, test, xOfMaturity } from './app.js';

/** Puts the cursor at offset `pos` with a real mouse click on that character boundary. */
async function clickAt(page: Page, pos: number, modifiers: 'Shift'[] = []): Promise<void> {
  const at = await page.evaluate((p) => {
    const v = window.mapwrightEditor;
    v.dispatch({ effects: [], scrollIntoView: true, selection: v.state.selection });
    const el = v.dom.querySelector('.cm-scroller')!;
    const c = v.coordsAtPos(p, 1) ?? v.coordsAtPos(p, -1);
    if (!c) {
      v.dispatch({ effects: (window as unknown as { cmScroll?: never }).cmScroll });
      return null;
    }
    const box = el.getBoundingClientRect();
    if (c.top < box.top || c.bottom > box.bottom) return null;
    return { x: c.left + 0.5, y: (c.top + c.bottom) / 2 };
  }, pos);
  if (!at) {
    // Off screen: scroll it into view first, then click.
    await page.evaluate((p) => {
      const v = window.mapwrightEditor;
      v.dispatch({ selection: { anchor: p }, scrollIntoView: true });
    }, pos);
    await page.waitForTimeout(50);
    return clickAt(page, pos, modifiers);
  }
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(at.x, at.y);
  for (const m of modifiers) await page.keyboard.up(m);
  const head = await page.evaluate(() => window.mapwrightEditor.state.selection.main.head);
  // A click between two characters can land one off where glyph edges round: walk to the spot.
  for (let d = head; d < pos; d++) await page.keyboard.press(modifiers.length ? 'Shift+ArrowRight' : 'ArrowRight');
  for (let d = head; d > pos; d--) await page.keyboard.press(modifiers.length ? 'Shift+ArrowLeft' : 'ArrowLeft');
}

/** Types `text` key by key; a line break closes any open completion first so that Enter only breaks the line. */
async function typeKeys(page: Page, text: string, delay: number): Promise<void> {
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
    }
    if (parts[i]) await page.keyboard.type(parts[i]!, { delay });
  }
}

/** Pastes `text` at the cursor through a real paste event (what Ctrl+V delivers). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    window.mapwrightEditor.contentDOM.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

type Op =
  | { kind: 'type'; at: number; text: string; delay: number }
  | { kind: 'backspace'; at: number; n: number; delay: number }
  | { kind: 'delete'; at: number; n: number; delay: number }
  | { kind: 'paste'; at: number; text: string }
  | { kind: 'replace'; from: number; to: number; text: string; delay: number }
  /** Enter at the end of a line that is not indented (CodeMirror copies indentation and trims spaces elsewhere). */
  | { kind: 'enter'; at: number };

/** The op applied to a plain string. */
function applyOp(s: string, op: Op): string {
  switch (op.kind) {
    case 'type':
    case 'paste':
      return s.slice(0, op.at) + op.text + s.slice(op.at);
    case 'enter':
      return `${s.slice(0, op.at)}\n${s.slice(op.at)}`;
    case 'backspace':
      return s.slice(0, Math.max(0, op.at - op.n)) + s.slice(op.at);
    case 'delete':
      return s.slice(0, op.at) + s.slice(op.at + op.n);
    case 'replace':
      return s.slice(0, op.from) + op.text + s.slice(op.to);
  }
}

/** The op done with the keyboard and mouse in the editor. */
async function runOp(page: Page, op: Op): Promise<void> {
  switch (op.kind) {
    case 'type':
      await clickAt(page, op.at);
      await typeKeys(page, op.text, op.delay);
      break;
    case 'backspace':
      await clickAt(page, op.at);
      for (let i = 0; i < op.n; i++) await page.keyboard.press('Backspace', { delay: op.delay });
      break;
    case 'delete':
      await clickAt(page, op.at);
      for (let i = 0; i < op.n; i++) await page.keyboard.press('Delete', { delay: op.delay });
      break;
    case 'paste':
      await clickAt(page, op.at);
      await paste(page, op.text);
      break;
    case 'replace':
      await clickAt(page, op.from);
      await clickAt(page, op.to, ['Shift']);
      await typeKeys(page, op.text, op.delay);
      break;
    case 'enter':
      await clickAt(page, op.at);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      break;
  }
}

/** An op, or an op made from the text as it is when its turn comes. */
type Step = Op | ((text: string) => Op);

/** Runs the ops and checks, after each, that editor and store hold the same edits done on a string. */
async function check(page: Page, start: string, steps: readonly Step[], label: string): Promise<void> {
  let expected = start;
  for (const [i, step] of steps.entries()) {
    const op = typeof step === 'function' ? step(expected) : step;
    await runOp(page, op);
    expected = applyOp(expected, op);
    // The store and the editor settle within a frame or two of the last key.
    const poll = { timeout: 3000, intervals: [20, 50, 100, 250] };
    await expect
      .poll(() => editorText(page), { ...poll, message: `${label}: editor after op ${i} ${JSON.stringify(op)}` })
      .toBe(expected);
    await expect
      .poll(() => storeText(page), { ...poll, message: `${label}: store after op ${i} ${JSON.stringify(op)}` })
      .toBe(expected);
  }
}

const lineStart = (text: string, line: number): number =>
  text
    .split('\n')
    .slice(0, line - 1)
    .join('\n').length + (line > 1 ? 1 : 0);
const lineEnd = (text: string, line: number): number => lineStart(text, line) + text.split('\n')[line - 1]!.length;

test('editing the middle of a line at typing speed changes exactly what was typed (the MLOps case)', async ({
  app: page,
  errors,
}) => {
  const end = DEFAULT_MAP.indexOf('component MLOps [0.66, 0.31]') + 'component MLOps [0.66, 0.31]'.length;
  await check(
    page,
    DEFAULT_MAP,
    [
      { kind: 'backspace', at: end, n: 5, delay: 80 },
      { kind: 'type', at: end - 5, text: '0.45]', delay: 90 },
    ],
    'MLOps',
  );
  expect((await storeText(page)).split('\n')[13]).toBe('component MLOps [0.66, 0.45]');
  // The canvas follows what was typed.
  await expect
    .poll(() => page.evaluate(() => window.mapwrightCanvas.scene()!.components.find((c) => c.name === 'MLOps')!.x))
    .toBeGreaterThan(0);
  await expect
    .poll(() =>
      page.evaluate(() => window.mapwright.derived().model.components.find((c) => c.name === 'MLOps')!.maturity),
    )
    .toBe(0.45);
  expect(errors).toEqual([]);
});

for (const delay of [0, 35, 120]) {
  test(`typing, deleting and pasting at the start, middle and end of lines (${delay} ms a key)`, async ({
    app: page,
    errors,
  }) => {
    await check(
      page,
      DEFAULT_MAP,
      [
        (t) => ({ kind: 'type', at: lineStart(t, 14), text: '// ', delay }),
        (t) => ({ kind: 'type', at: lineStart(t, 20) + 10, text: 'Big ', delay }),
        (t) => ({ kind: 'type', at: lineEnd(t, 30), text: ' inertia', delay }),
        (t) => ({ kind: 'backspace', at: lineEnd(t, 7), n: 3, delay }),
        (t) => ({ kind: 'delete', at: lineStart(t, 8), n: 4, delay }),
        (t) => ({ kind: 'paste', at: lineStart(t, 10), text: 'component Pasted [0.50, 0.50]\n' }),
        (t) => ({ kind: 'replace', from: lineStart(t, 12) + 10, to: lineStart(t, 12) + 14, text: 'Shared', delay }),
        { kind: 'type', at: 0, text: 'title Renamed\n', delay },
      ],
      `delay ${delay}`,
    );
    expect(errors).toEqual([]);
  });
}

test('accepting a completion while typing mid-map inserts the component name where the cursor is', async ({
  app: page,
  errors,
}) => {
  const t = DEFAULT_MAP;
  const at = lineEnd(t, 40);
  await clickAt(page, at);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Unified AI Ops Framework->Cloud Inf', { delay: 40 });
  const option = page.locator('.cm-tooltip-autocomplete li[aria-selected="true"]');
  await expect(option, 'completion opens while typing').toHaveText(/Cloud Infrastructure/);
  // A person reads the list before accepting (CodeMirror ignores Enter for 75 ms after the list changes).
  await page.waitForTimeout(250);
  await page.keyboard.press('Enter');
  const expected = `${t.slice(0, at)}\nUnified AI Ops Framework->Cloud Infrastructure${t.slice(at)}`;
  await expect.poll(() => editorText(page)).toBe(expected);
  await expect.poll(() => storeText(page)).toBe(expected);
  expect(errors).toEqual([]);
});

/** A small deterministic random generator (mulberry32), so a failing seed can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCRIPTS = Number(process.env.MAPWRIGHT_EDIT_SCRIPTS ?? 50);
// The seed is fixed per run by the config (the title must be the same in every worker process).
const SEED = Number(process.env.MAPWRIGHT_EDIT_SEED ?? 1);

test(`${SCRIPTS} random edit scripts leave exactly the edited string`, async ({ app: page, errors }) => {
  test.setTimeout(240_000);
  test.info().annotations.push({ type: 'seed', description: `MAPWRIGHT_EDIT_SEED=${SEED} replays this run` });
  const small = DEFAULT_MAP.split('\n').slice(0, 30).join('\n');
  const pieces = [
    'a',
    'Z',
    '0.5',
    ' ',
    '[',
    ']',
    ', ',
    '->',
    'component X [0.3, 0.4]',
    '//',
    'é',
    '(build)',
    'label [1, 2]',
  ];
  for (let s = 0; s < SCRIPTS; s++) {
    const seed = SEED + s;
    const r = rng(seed);
    await loadMap(page, small, 'random.owm');
    let text = small;
    const ops: Op[] = [];
    const n = 2 + Math.floor(r() * 4);
    for (let k = 0; k < n; k++) {
      const at = Math.floor(r() * (text.length + 1));
      const delay = [0, 0, 15, 60][Math.floor(r() * 4)]!;
      const pick = r();
      let op: Op;
      if (pick < 0.4)
        op = {
          kind: 'type',
          at,
          text: Array.from({ length: 1 + Math.floor(r() * 3) }, () => pieces[Math.floor(r() * pieces.length)]!).join(
            '',
          ),
          delay,
        };
      else if (pick < 0.6) op = { kind: 'backspace', at, n: Math.min(at, 1 + Math.floor(r() * 4)), delay };
      else if (pick < 0.75) op = { kind: 'delete', at, n: Math.min(text.length - at, 1 + Math.floor(r() * 4)), delay };
      else if (pick < 0.9) op = { kind: 'paste', at, text: pieces[Math.floor(r() * pieces.length)]! + '\n' };
      else if (pick < 0.95) {
        const to = Math.min(text.length, at + 1 + Math.floor(r() * 12));
        op = { kind: 'replace', from: at, to, text: pieces[Math.floor(r() * pieces.length)]!, delay };
      } else {
        // Enter at the end of the line holding `at`, when that line is not blank or indented.
        const end = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
        const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
        op = /^\S/.test(line) && !/[([{]$/.test(line) ? { kind: 'enter', at: end } : { kind: 'paste', at, text: '\n' };
      }
      ops.push(op);
      text = applyOp(text, op);
    }
    await check(page, small, ops, `seed ${seed}`);
  }
  expect(errors).toEqual([]);
});

test('typing during a drag keeps both, and the editor agrees with the store as soon as the drag ends', async ({
  app: page,
  errors,
}) => {
  const from = await pointOf(page, 'Centralized Platform');
  const toX = await xOfMaturity(page, 0.5);
  await page.locator('.cm-content').focus();
  // The cursor at the end of the first line, a comment: every key keeps the map valid (a map with
  // errors is read-only on the canvas, which would stop the drag).
  await page.evaluate(() => {
    const v = window.mapwrightEditor;
    v.dispatch({ selection: { anchor: v.state.doc.line(1).to } });
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // A press on the canvas takes the focus from the text; a second input device (a pen, a touch
  // screen) can give it back mid-drag. Each key comes right after a move, before the editor has
  // caught up with it (it follows a drag at most every 100 ms).
  await page.evaluate(() => window.mapwrightEditor.focus());
  const typedText = ' typed mid-drag';
  for (let i = 1; i <= typedText.length; i++) {
    await page.mouse.move(from.x + ((toX - from.x) * Math.min(i, 8)) / 8, from.y);
    await page.keyboard.type(typedText[i - 1]!);
  }
  await page.mouse.up();
  const store = await storeText(page);
  expect(store.split('\n')[0]!.endsWith('AI value. typed mid-drag'), 'the typed text is in the map').toBe(true);
  expect(store.split('\n')[11]).toMatch(/^component Centralized Platform \[0\.74, 0\.(49|50|51)\]$/);
  // At once, not seconds later.
  await expect.poll(() => editorText(page), { timeout: 300, intervals: [20] }).toBe(store);
  await page.waitForTimeout(500);
  expect(await editorText(page)).toBe(await storeText(page));
  expect(errors).toEqual([]);
});

// The editor: text and canvas side by side over one store, the analysis panel, the outline,
// the toolbar. Views only: domain work is in src/lang, src/model, src/analysis and ../core.
import {
  lazy,
  memo,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from 'react';
import type { Finding } from '../../analysis/index.js';

import type { Component, MapModel } from '../../model/model.js';
import {
  ACTIONS,
  actionById,
  actionFor,
  canRun,
  captionOf,
  runKey,
  tooltipOf,
  type ActionContext,
  type Shell,
} from '../core/actions.js';
import { makeKindExplicit, setStyleOf } from '../core/commands.js';
import { HelpOverlay } from './HelpOverlay.js';
import { download, saveText } from './files.js';
import { CrashProbe, ErrorBoundary } from './ErrorBoundary.js';
import { FileMenu } from './FileMenu.js';
import type { Session } from '../core/session.js';
import { ComponentMenu, RenameBox } from './ComponentMenu.js';
import { LiveLinksBanner, OpenElsewhereBanner, ShareLinkBanner, WelcomeBanner } from './Banners.js';
import { MapCanvas, type CanvasHandle } from './MapCanvas.js';
import { NO_PREVIEW, type Preview } from '../core/preview.js';
import { FindingsPanel, Outline } from './Panels.js';
import { MAX_MAP_BYTES, tooLargeMessage } from '../../lang/limits.js';
import { VIEW_ONLY_MESSAGE, type Derived, type EditorStore } from '../core/store.js';
import { useStore } from './useStore.js';
import type { LiveRoom } from '../core/live.js';
import { useLiveRoom } from './useLiveRoom.js';
import { EMPTY_ANALYSIS, useSideFrames } from './useSideFrames.js';
import { useExplain } from './useExplain.js';
import { usePageEvents } from './usePageEvents.js';
import { useSharing } from './useSharing.js';

// Loaded after the map is on screen: the text editor, the learning and compare views.
const TextEditor = lazy(() => import('./TextEditor.js').then((m) => ({ default: m.TextEditor })));
const LearnPanel = lazy(() => import('./Learn.js').then((m) => ({ default: m.LearnPanel })));
const ExplainView = lazy(() => import('./Learn.js').then((m) => ({ default: m.ExplainView })));
const LiveBar = lazy(() => import('./LiveBar.js').then((m) => ({ default: m.LiveBar })));
const ComparePanel = lazy(() => import('./Compare.js').then((m) => ({ default: m.ComparePanel })));

/** The registry's actions the File menu offers. */
const FILE_ACTIONS = (['new', 'open', 'save'] as const).map(actionById);

/** The side panel's tabs. */
const SIDE_TABS = [
  { id: 'findings', label: 'Analysis' },
  { id: 'learn', label: 'Learn' },
  { id: 'compare', label: 'Compare' },
] as const;

/** The maps shipped in maps/, loaded on demand. */
const MAPS = import.meta.glob('../../../maps/*.owm', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;
const mapName = (path: string) => path.split('/').pop()!;

/** The styles the picker offers (OnlineWardleyMaps's, and `dark`). */
const STYLES = ['plain', 'wardley', 'colour', 'handwritten', 'dark'] as const;

/** What "New map" opens: a title and a user to start from. */
const NEW_MAP = 'title Untitled map\n\ncomponent User [0.95, 0.50]\n';

/** The template: the shape of a first map, to rename and move. */
const TEMPLATE_MAP = [
  'title My map',
  '',
  '// Who the map is for, and what they need, at the top.',
  'component User [0.95, 0.45]',
  'component User need [0.85, 0.45]',
  '',
  '// What meets the need, down to what nobody sees. Left: new and uncertain; right: standard.',
  'component Service [0.65, 0.35]',
  'component Platform [0.45, 0.60]',
  'component Power [0.15, 0.90]',
  '',
  'User->User need',
  'User need->Service',
  'Service->Platform',
  'Platform->Power',
  '',
].join('\n');

/**
 * The hidden file input, apart so that the toolbar's renders (one per frame of a drag) leave it
 * alone: React sets an input's type and name again on every render, which restyles the page.
 */
const FileInput = memo(function FileInput({
  inputRef,
  onFile,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onFile(f: File): void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept=".owm,.wm,.txt,text/plain"
      hidden
      onChange={(e) => {
        const f = e.target.files?.[0];
        if (f) onFile(f);
        e.target.value = '';
      }}
      data-testid="file-input"
    />
  );
});

/** The text's problems under the text, as `file:line:column: severity: message` (the first 50). */
const Diagnostics = memo(function Diagnostics({ store }: { store: EditorStore }) {
  useStore(store, (s) => s.version);
  const fileName = useStore(store, (s) => s.fileName);
  return (
    <div className="diagnostics" aria-live="polite" data-testid="diagnostics">
      {store
        .derived()
        .model.diagnostics.slice(0, 50)
        .map((d, i) => (
          <div key={i} className={`diag ${d.severity}`}>
            {fileName}:{d.line}:{d.column}: {d.severity}: {d.message}
          </div>
        ))}
    </div>
  );
});

export function App({
  store,
  session,
  firstVisit = false,
  live: joined = null,
}: {
  store: EditorStore;
  session: Session;
  firstVisit?: boolean;
  /** The live room this tab joined (its link is in the address bar). */
  live?: LiveRoom | null;
}) {
  // The slices of the store that the app's own parts show. Not the text or its version: the canvas,
  // the text editor and the diagnostics follow those themselves, and the side panels follow them
  // in a transition (below), so a drag's frames do not render the whole app again.
  const selection = useStore(store, (s) => s.selection);
  const fileName = useStore(store, (s) => s.fileName);
  // Undo and redo are enabled through the action registry, which reads the store: App renders
  // again when they change.
  useStore(store, (s) => s.canUndo);
  useStore(store, (s) => s.canRedo);
  const message = useStore(store, (s) => s.message);
  const readOnly = useStore(store, (s) => s.readOnly);
  const failingView = useStore(store, (s) => s.failingView);
  const style = useStore(store, () => store.derived().shown.presentation.style);
  const sessionState = useSyncExternalStore(session.subscribe, session.getState);
  const [liveLinks, setLiveLinks] = useState<{ edit: string; view: string } | null>(null);
  const [welcome, setWelcome] = useState(firstVisit);
  const [shareLink, setShareLink] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  // The outline and the side panels follow the map, not in the canvas's frames (useSideFrames.ts):
  // the map and the analysis they show.
  const { shownFrame, analysisFrame } = useSideFrames(store);
  const outlineComponents = shownFrame.components;
  // The side panels and the text editor are mounted after the map's first frame.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => setReady(true));
    return () => cancelAnimationFrame(id);
  }, []);
  const canvas = useRef<CanvasHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [split, setSplit] = useState(0.36);
  const [panelOpen, setPanelOpen] = useState(true);
  const [active, setActive] = useState<Finding | null>(null);
  // A component's rename box and its menu, where they open.
  const [renaming, setRenaming] = useState<{ name: string; x: number; y: number } | null>(null);
  const [menu, setMenu] = useState<{ name: string; x: number; y: number } | null>(null);
  const [sideTab, setSideTab] = useState<(typeof SIDE_TABS)[number]['id']>('findings');
  const [compareWith, setCompareWith] = useState<MapModel | null>(null);
  const [preview, setPreview] = useState<Preview>(NO_PREVIEW);
  const [costView, setCostView] = useState(false);
  const onPreview = useCallback((p: Preview) => setPreview(p), []);

  // For end-to-end tests and the browser console: where things are drawn.
  useEffect(() => {
    const handle: CanvasHandle = {
      fit: () => canvas.current?.fit(),
      zoom: (f) => canvas.current?.zoom(f),
      toPng: (r) => canvas.current?.toPng(r) ?? null,
      scene: () => canvas.current?.scene() ?? null,
      view: () => canvas.current?.view() ?? { scale: 1, x: 0, y: 0 },
      cancel: () => canvas.current?.cancel(),
    };
    (window as unknown as { mapwrightCanvas: CanvasHandle }).mapwrightCanvas = handle;
  }, []);

  const { live, liveState, leaveRoom, liveText, myLinks, votes, others } = useLiveRoom(
    store,
    session,
    joined,
    selection,
    readOnly,
  );
  const explain = useExplain(store, live, liveState);
  const presenter = explain.presenter;
  const iPresent = explain.iPresent;
  // A live poll: no findings on the canvas until the answer is revealed, then that question's; the votes.
  const poll = liveState?.poll ?? null;

  /** Opens a map of its own (a file, a shipped map, a new map): the open one stays kept, in Recent maps. */
  const openText = useCallback(
    async (text: string, name: string) => {
      setWelcome(false);
      if (await session.openNew(text, name)) canvas.current?.fit();
    },
    [session],
  );

  const openFile = useCallback(
    async (file: File) => {
      if (file.size >= MAX_MAP_BYTES) {
        store.notify(tooLargeMessage(file.name, file.size));
        return;
      }
      await openText(await file.text(), file.name);
    },
    [openText, store],
  );
  usePageEvents(store, session, openText, openFile);

  // What the canvas shows of the analysis: nothing while the analysis is hidden, or while a learner
  // is predicting (the preview then says what to show: nothing until the reveal).
  const analysisShown = panelOpen || explain.open;
  const previewFindings = preview.findings;
  const findingsOf = useCallback(
    (d: Derived): readonly Finding[] =>
      poll
        ? poll.stage === 'answer'
          ? d.diagnosis.findings.filter((f) => f.kind === poll.kind)
          : EMPTY_ANALYSIS.findings
        : !analysisShown
          ? EMPTY_ANALYSIS.findings
          : (previewFindings ?? (ready ? d.diagnosis.findings : EMPTY_ANALYSIS.findings)),
    [poll, analysisShown, previewFindings, ready],
  );

  const sharingViews = useMemo(() => ({ shareLink: setShareLink, liveLinks: setLiveLinks }), []);
  const { exportSvg, exportPng, share, shareLive } = useSharing(store, fileName, findingsOf, sharingViews);

  /** A component's menu, where it was asked for; a view-only map has nothing in it to do. */
  const openMenu = (name: string, at: { x: number; y: number }) => {
    if (store.getState().readOnly) store.notify(VIEW_ONLY_MESSAGE);
    else setMenu({ name, ...at });
  };

  /** What the views do for the registry's actions (actions.ts). */
  const shell: Shell = {
    newMap: () => void openText(NEW_MAP, 'untitled.owm'),
    open: () => fileInput.current?.click(),
    save: () => void saveText(store.getState().fileName, store.getState().text),
    fit: () => canvas.current?.fit(),
    zoom: (f) => canvas.current?.zoom(f),
    share: () => void share(),
    shareLive: () => void shareLive(),
    exportSvg: () => void exportSvg(),
    exportPng: () => void exportPng(),
    togglePanel: () => setPanelOpen((o) => !o),
    panelOpen: () => panelOpen,
    explain: explain.start,
    help: () => setHelp(true),
    cancel: () => {
      canvas.current?.cancel();
      setMenu(null);
      setRenaming(null);
      setActive(null);
      setHelp(false);
    },
    openMenu: (name) => openMenu(name, componentOnCanvas(name)),
    rename: (name) => {
      // Where the menu was opened, or at the component on the canvas (F2).
      const at = menu?.name === name ? menu : componentOnCanvas(name);
      setMenu(null);
      setRenaming({ name, x: at.x, y: at.y });
    },
  };
  const componentOnCanvas = (name: string) => {
    const sc = canvas.current?.scene()?.components.find((c) => c.name === name);
    const v = canvas.current?.view() ?? { scale: 1, x: 0, y: 0 };
    return sc ? { x: v.x + sc.x * v.scale, y: v.y + sc.y * v.scale } : { x: 40, y: 40 };
  };
  const selectedNow = () =>
    store.derived().shown.components.filter((c) => c.type !== 'evolved' && store.getState().selection.includes(c.name));
  const actionContext = (targets: readonly Component[] = selectedNow()): ActionContext => ({ store, shell, targets });

  const inText = (e: KeyboardEvent) =>
    (e.target as HTMLElement | null)?.closest?.('.cm-editor, input, textarea, select') != null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const def = actionFor(e, inText(e));
      // Explain mode has the map keys (arrows, Escape); the global ones still work.
      if (!def || (explain.open && def.scope === 'map')) return;
      // An action that cannot run (arrows without a selection) leaves the key to the page.
      if (runKey(e, inText(e), actionContext()) && def.id !== 'escape') e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const onMakeExplicit = useCallback(
    (name: string) => {
      const c = store.derived().shown.components.find((x) => x.name === name && x.type !== 'evolved');
      if (c) makeKindExplicit(store, c);
    },
    [store],
  );

  const onOutlineSelect = useCallback(
    (n: string, add: boolean) => {
      const sel = store.getState().selection;
      store.select(add ? (sel.includes(n) ? sel.filter((x) => x !== n) : [...sel, n]) : [n]);
    },
    [store],
  );

  // Stable, so that the outline (hundreds of rows) is not rendered again with every frame of a drag.
  const outlineKey = useRef<(e: ReactKeyboardEvent<HTMLElement>) => void>(() => {});
  outlineKey.current = (e) => {
    if (!e.key.startsWith('Arrow')) return;
    if (runKey(e.nativeEvent, false, actionContext())) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  const onOutlineKey = useCallback((e: ReactKeyboardEvent<HTMLElement>) => outlineKey.current(e), []);

  const onDividerDown = (e: React.PointerEvent) => {
    const startX = e.clientX;
    const start = split;
    const move = (ev: PointerEvent) =>
      setSplit(Math.min(0.75, Math.max(0.15, start + (ev.clientX - startX) / window.innerWidth)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const closeMenu = useCallback(() => setMenu(null), []);
  const closeRename = useCallback(() => setRenaming(null), []);
  const currentText = useCallback(() => store.getState().text, [store]);
  const currentName = useCallback(() => store.getState().fileName, [store]);
  const downloadText = useCallback(
    (name: string, text: string) => download(name, new Blob([text], { type: 'text/plain;charset=utf-8' })),
    [],
  );
  const menuComponent = menu
    ? store.derived().shown.components.find((c) => c.name === menu.name && c.type !== 'evolved')
    : undefined;
  const menuContext = menuComponent ? actionContext([menuComponent]) : null;
  const ownFocus = explain.focus ?? preview.focus ?? (active && analysisShown ? active.components : null);
  // Followers see what the presenter highlights (until they highlight something of their own).
  const presenterFocus = liveState?.following && presenter && !presenter.me ? (liveState.highlight ?? null) : null;
  const focus = ownFocus ?? presenterFocus;
  useEffect(() => {
    if (live && iPresent) live.setHighlight(ownFocus);
  }, [live, iPresent, ownFocus]);

  // What the toolbar shows (enabled, captions), read in this render.
  const shown = actionContext();
  return (
    <div className={['app', explain.open && 'presenting', style === 'dark' && 'theme-dark'].filter(Boolean).join(' ')}>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      <header className="toolbar" role="toolbar" aria-label="Map actions">
        <strong className="brand">Mapwright</strong>
        <FileMenu
          session={session}
          docId={sessionState.docId}
          actions={FILE_ACTIONS}
          onRun={(a) => a.run(actionContext())}
        />
        <select
          aria-label="Open a map from maps/"
          title="Open one of the maps shipped with Mapwright"
          value=""
          onChange={(e) => {
            const p = e.target.value;
            if (p) void MAPS[p]!().then((t) => openText(t, mapName(p)));
          }}
        >
          <option value="">Maps…</option>
          {Object.keys(MAPS)
            .sort()
            .map((p) => (
              <option key={p} value={p}>
                {mapName(p)}
              </option>
            ))}
        </select>
        {ACTIONS.filter((a) => a.toolbar).map((a) => (
          <button
            key={a.id}
            type="button"
            data-action={a.id}
            title={tooltipOf(a)}
            aria-keyshortcuts={a.keys.map((k) => k.replace('Ctrl', 'Control')).join(' ')}
            disabled={!canRun(a, shown)}
            onClick={() => a.run(actionContext())}
          >
            {captionOf(a, shown)}
          </button>
        ))}
        <select
          aria-label="Map style"
          title="The map's style (writes its style line)"
          value={style}
          onChange={(e) => setStyleOf(store, e.target.value)}
          data-testid="style-picker"
        >
          {STYLES.map((st) => (
            <option key={st} value={st}>
              {st}
            </option>
          ))}
        </select>
        <span className="file-name" title="File name">
          {fileName}
        </span>
        {message && (
          <span className="message" role="status" data-testid="message">
            {message}
          </span>
        )}
        <FileInput inputRef={fileInput} onFile={openFile} />
      </header>
      {sessionState.saveProblem && (
        <div className="banner warning" role="alert" data-testid="save-problem">
          Not kept in this browser: {sessionState.saveProblem}.
        </div>
      )}
      {live && (
        <Suspense fallback={null}>
          <LiveBar
            live={live}
            model={shownFrame}
            analysis={analysisFrame}
            selection={selection}
            links={liveLinks ?? myLinks}
            onLeave={leaveRoom}
          />
        </Suspense>
      )}
      {liveLinks && !live && <LiveLinksBanner links={liveLinks} onClose={() => setLiveLinks(null)} />}
      {sessionState.alsoOpenElsewhere && !live && (
        <OpenElsewhereBanner onKeepAsCopy={() => void session.keepAsCopy()} />
      )}
      {welcome && (
        <WelcomeBanner
          onTeaShop={() =>
            void MAPS['../../../maps/tea-shop-beginner.owm']?.().then((t) => openText(t, 'tea-shop-beginner.owm'))
          }
          onTemplate={() => void openText(TEMPLATE_MAP, 'my-map.owm')}
          onNew={() => void openText(NEW_MAP, 'untitled.owm')}
          onClose={() => setWelcome(false)}
        />
      )}
      {shareLink && <ShareLinkBanner link={shareLink} onDone={() => setShareLink(null)} />}
      <main
        className="workspace"
        style={{ gridTemplateColumns: explain.open ? '1fr' : `${split * 100}% 6px 1fr${panelOpen ? ' 340px' : ''}` }}
      >
        <section className="text-pane" aria-label="Map text">
          <Suspense fallback={<pre className="text-loading">{store.getState().text}</pre>}>
            {ready ? (
              <TextEditor key={`${liveText ? 'live' : 'own'}:${readOnly}`} store={store} live={liveText} />
            ) : (
              <pre className="text-loading">{store.getState().text}</pre>
            )}
          </Suspense>
          <Diagnostics store={store} />
        </section>
        <div
          className="divider"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize"
          onPointerDown={onDividerDown}
        />
        <section className="canvas-pane" aria-label="Map canvas">
          <ErrorBoundary what="the canvas" text={currentText} fileName={currentName} onDownload={downloadText}>
            <CrashProbe when={failingView === 'canvas'} />
            <MapCanvas
              ref={canvas}
              store={store}
              findingsOf={findingsOf}
              focus={focus}
              preview={preview.model}
              costView={costView}
              compareWith={compareWith}
              others={others}
              votes={votes}
              readOnly={readOnly}
              onRename={(name, x, y) => setRenaming({ name, x, y })}
              onContextMenu={(name, x, y) => openMenu(name, { x, y })}
            />
          </ErrorBoundary>
          {explain.open && (
            <ErrorBoundary what="Explain mode" text={currentText} fileName={currentName} onDownload={downloadText}>
              <CrashProbe when={failingView === 'explain'} />
              <Suspense fallback={null}>
                <ExplainView
                  analysis={analysisFrame}
                  onFocus={explain.setFocus}
                  onClose={explain.close}
                  position={explain.position}
                  onPosition={live ? explain.onPosition : undefined}
                />
              </Suspense>
            </ErrorBoundary>
          )}
          {renaming && (
            <RenameBox
              key={`${renaming.name}@${renaming.x},${renaming.y}`}
              store={store}
              name={renaming.name}
              x={renaming.x}
              y={renaming.y}
              onClose={closeRename}
            />
          )}
          {menu && menuContext && (
            <ComponentMenu name={menu.name} x={menu.x} y={menu.y} context={menuContext} onClose={closeMenu} />
          )}
        </section>
        {panelOpen && ready && (
          <aside className="side">
            <ErrorBoundary what="the side panel" text={currentText} fileName={currentName} onDownload={downloadText}>
              <CrashProbe when={failingView === 'side'} />
              <div className="tabs side-tabs" role="tablist">
                {SIDE_TABS.map((t) => (
                  <button
                    key={t.id}
                    type="button"
                    role="tab"
                    aria-selected={sideTab === t.id}
                    onClick={() => {
                      setSideTab(t.id);
                      // Back to the analysis: a learning view's preview ends.
                      if (t.id === 'findings') setPreview(NO_PREVIEW);
                    }}
                    data-testid={`side-${t.id}`}
                  >
                    {t.label}
                  </button>
                ))}
              </div>
              <Suspense fallback={<p className="none">Loading…</p>}>
                {sideTab === 'compare' ? (
                  <ComparePanel current={shownFrame} other={compareWith} onOther={setCompareWith} />
                ) : sideTab === 'findings' ? (
                  <FindingsPanel
                    analysis={preview.findings ? { ...analysisFrame, findings: preview.findings } : analysisFrame}
                    active={active?.id ?? null}
                    onActivate={setActive}
                  />
                ) : (
                  <LearnPanel
                    store={store}
                    model={shownFrame}
                    analysis={analysisFrame}
                    selection={selection}
                    onPreview={onPreview}
                    onExplain={explain.start}
                    costView={costView}
                    onCostView={setCostView}
                  />
                )}
              </Suspense>
              <Outline
                components={outlineComponents}
                selection={selection}
                onSelect={onOutlineSelect}
                onKey={onOutlineKey}
                onMakeExplicit={onMakeExplicit}
              />
            </ErrorBoundary>
          </aside>
        )}
      </main>
    </div>
  );
}

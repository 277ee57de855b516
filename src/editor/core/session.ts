// The tab's session: which map it has open, kept in the browser as the user edits (with snapshots),
// and whether another tab has the same map open. Glue between the editor's store and the browser's
// document store; no React.
import {
  DocumentStore,
  mayHaveKeptMaps,
  newDocumentId,
  setTabDocumentId,
  type MapDocument,
  type Snapshot,
} from './documents.js';
import type { Opening } from './opening.js';
import type { EditorStore } from './store.js';

/** What the views show of the session. */
export interface SessionState {
  readonly docId: string;
  /** The last save failed: the map is only in this tab (say so, and ask before the tab closes). */
  readonly saveProblem: string | null;
  /** Another tab has this map open: edits in both would overwrite each other. */
  readonly alsoOpenElsewhere: boolean;
}

type Message = { type: 'hello' | 'here' | 'bye'; doc: string; tab: string };

/** How long after the last change a map is saved (ms). */
const SAVE_DELAY_MS = 300;

export class Session {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private savedText: string | null = null;
  private created = Date.now();
  private readonly tab = newDocumentId();
  private readonly channel: BroadcastChannel | null;
  private readonly others = new Set<string>();
  private unsubscribe: () => void = () => {};
  /** Called before this tab switches to another map (a live room is left first). */
  private beforeSwitch: (() => void) | null = null;

  constructor(
    private readonly store: EditorStore,
    private docs: DocumentStore | null,
    doc: MapDocument,
    storageProblem: string | null,
  ) {
    this.state = { docId: doc.id, saveProblem: storageProblem, alsoOpenElsewhere: false };
    this.created = doc.created;
    this.savedText = docs ? doc.text : null;
    setTabDocumentId(doc.id);
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('mapwright:documents');
    this.channel?.addEventListener('message', (e: MessageEvent<Message>) => this.onMessage(e.data));
    this.announce('hello');
    this.unsubscribe = store.subscribe(() => this.schedule());
  }

  /**
   * The map this tab starts with: a shared map (a new document beside the user's own), else the
   * map this tab had open before a reload, else the map saved last, else `fallback` (first visit).
   */
  static async start(
    store: (doc: MapDocument) => EditorStore,
    opening: Promise<Opening>,
    shared: { text: string; fileName: string; id?: string } | null,
    fallback: { text: string; fileName: string },
  ): Promise<{ session: Session; firstVisit: boolean }> {
    const now = Date.now();
    const fresh = (t: { text: string; fileName: string; id?: string }): MapDocument => ({
      id: t.id ?? newDocumentId(),
      fileName: t.fileName,
      text: t.text,
      created: now,
      updated: now,
    });
    // A first visit (this browser never kept a map) opens the default map at once; the browser's
    // store, still opening, takes it when it is ready. Otherwise the store says which map to open.
    if (!shared && !mayHaveKeptMaps()) {
      const doc = fresh(fallback);
      const session = new Session(store(doc), null, doc, null);
      void opening.then(({ docs, problem }) => session.attach(docs, problem));
      return { session, firstVisit: true };
    }
    const { docs, problem, last } = await opening;
    let doc: MapDocument | undefined = shared ? fresh(shared) : last;
    let firstVisit = false;
    if (!doc) {
      doc = fresh(fallback);
      firstVisit = true;
    }
    const session = new Session(store(doc), docs, doc, problem);
    if (shared || firstVisit) void session.saveNow();
    return { session, firstVisit };
  }

  /** The browser's store, once open (a first visit starts without it): the open map is kept now. */
  private attach(docs: DocumentStore | null, problem: string | null): void {
    this.docs = docs;
    if (problem) this.set({ saveProblem: problem });
    void this.saveNow();
  }

  getState = (): SessionState => this.state;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(patch: Partial<SessionState>): void {
    const next = { ...this.state, ...patch };
    if (Object.keys(patch).every((k) => next[k as keyof SessionState] === this.state[k as keyof SessionState])) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  /** Whether some edit is not yet kept in the browser (the tab should ask before it closes). */
  unsaved(): boolean {
    return this.docs === null || this.state.saveProblem !== null || this.store.getState().text !== this.savedText;
  }

  private schedule(): void {
    // A drag is saved once, when it ends (the store tells its end): nothing to do on every frame.
    const { gesture, text } = this.store.getState();
    if (gesture || text === this.savedText) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  /** Saves the open map now (and takes a snapshot when one is due); resolves when it is written. */
  saveNow(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const docs = this.docs;
    if (!docs) return Promise.resolve();
    const { text, fileName } = this.store.getState();
    const doc: MapDocument = { id: this.state.docId, fileName, text, created: this.created, updated: Date.now() };
    this.saving = this.saving.then(async () => {
      try {
        await docs.save(doc);
        await docs.snapshot(doc.id, text);
        this.savedText = text;
        this.set({ saveProblem: null });
      } catch (e) {
        this.set({
          saveProblem:
            `this map could not be kept in the browser ` +
            `(${(e as Error).message || (e as Error).name}): download it with Save (Ctrl+S) to keep your work`,
        });
      }
    });
    return this.saving;
  }

  /** The maps kept in this browser, most recent first. */
  async recent(): Promise<MapDocument[]> {
    return this.docs ? this.docs.recent() : [];
  }

  /** The open map's snapshots, newest first. */
  async history(): Promise<Snapshot[]> {
    return this.docs ? this.docs.snapshots(this.state.docId) : [];
  }

  /** Puts a snapshot's text back as one undo step (the snapshots stay: nothing is lost by restoring). */
  restore(s: Snapshot): boolean {
    return this.store.load(s.text, this.store.getState().fileName);
  }

  /** Switches this tab to another kept map (the open one is saved first). */
  async open(doc: MapDocument): Promise<void> {
    await this.saveNow();
    this.switchTo(doc);
  }

  /** Opens `text` as a new map of its own (a file, a shipped map, a new empty map), beside the others. */
  async openNew(text: string, fileName: string): Promise<boolean> {
    if (!this.store.fits(text, fileName)) return false;
    await this.saveNow();
    const now = Date.now();
    this.switchTo({ id: newDocumentId(), fileName, text, created: now, updated: now });
    await this.saveNow();
    return true;
  }

  /** Runs `fn` once, before this tab next switches to another map. */
  onNextSwitch(fn: (() => void) | null): void {
    this.beforeSwitch = fn;
  }

  private switchTo(doc: MapDocument): void {
    const before = this.beforeSwitch;
    this.beforeSwitch = null;
    before?.();
    this.announce('bye');
    this.others.clear();
    this.created = doc.created;
    this.savedText = this.docs ? doc.text : null;
    setTabDocumentId(doc.id);
    this.set({ docId: doc.id, alsoOpenElsewhere: false });
    this.store.replaceDocument(doc.text, doc.fileName);
    this.announce('hello');
  }

  /** Leaves this map open here as a copy of its own (when another tab has the same map). */
  async keepAsCopy(): Promise<void> {
    this.announce('bye');
    this.others.clear();
    this.created = Date.now();
    const id = newDocumentId();
    setTabDocumentId(id);
    this.set({ docId: id, alsoOpenElsewhere: false });
    this.savedText = null;
    await this.saveNow();
  }

  close(): void {
    this.announce('bye');
    this.unsubscribe();
    this.channel?.close();
  }

  private announce(type: Message['type']): void {
    this.channel?.postMessage({ type, doc: this.state.docId, tab: this.tab } satisfies Message);
  }

  private onMessage(m: Message): void {
    if (m.doc !== this.state.docId || m.tab === this.tab) return;
    if (m.type === 'bye') this.others.delete(m.tab);
    else {
      this.others.add(m.tab);
      if (m.type === 'hello') this.announce('here');
    }
    this.set({ alsoOpenElsewhere: this.others.size > 0 });
  }
}

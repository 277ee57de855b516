// A live room, from the browser: the room's Yjs document joined through Hocuspocus, kept in
// IndexedDB (y-indexeddb) so that a participant who loses the connection keeps editing and merges
// on reconnect, and who is here (awareness): names, colours, canvas selections, the presenter's
// Explain step, and the live predict poll. The text itself is bound to the store in shared.ts.
// No React.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { ExplainPosition, LiveState, Participant, Poll, RoomLink } from './room.js';
import { bindSharedText, type SharedBinding } from './shared.js';
import type { EditorStore } from './store.js';

/** The name of the shared text in a room's document (the server's MAP_TEXT). */
const MAP_TEXT = 'map';

/** What each participant tells the others (Yjs awareness). */
interface Presence {
  /** Read by y-codemirror.next for the cursor in the text, and by the presence list. */
  readonly user: { readonly name: string; readonly color: string; readonly colorLight: string };
  readonly selection: readonly string[];
  readonly viewOnly: boolean;
  readonly following: boolean;
  /** Set while this participant presents (the latest to start presenting is the presenter). */
  readonly presenting: {
    readonly since: number;
    readonly explain: ExplainPosition | null;
    readonly highlight: readonly string[] | null;
    readonly poll: Poll | null;
  } | null;
  /** This participant's answer to a poll. */
  readonly answer: { readonly poll: string; readonly names: readonly string[] } | null;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
const NAME_KEY = 'mapwright:name';
/** Whether this browser's link to a room is view-only, as the server last said (for when it cannot be reached). */
const scopeKey = (room: string) => `mapwright:room-scope:${room}`;

function remembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* kept for this visit only */
  }
}

/** How long to wait for the server before opening the copy kept in this browser (ms). */
const OFFLINE_AFTER_MS = 4000;

function storedName(): string {
  return remembered(NAME_KEY) || `Guest ${Math.floor(10 + Math.random() * 90)}`;
}

export class LiveRoom {
  readonly doc = new Y.Doc();
  readonly text: Y.Text = this.doc.getText(MAP_TEXT);
  readonly provider: HocuspocusProvider;
  private readonly persistence: IndexeddbPersistence | null;
  private binding: SharedBinding | null = null;
  private boundStore: EditorStore | null = null;
  private state: LiveState;
  private readonly listeners = new Set<() => void>();
  private presence: Presence;

  private constructor(
    readonly link: RoomLink,
    serverUrl: string,
  ) {
    const name = storedName();
    const viewOnly = remembered(scopeKey(link.room)) === 'readonly';
    const color = COLORS[this.doc.clientID % COLORS.length]!;
    this.presence = {
      user: { name, color, colorLight: `${color}33` },
      selection: [],
      viewOnly,
      following: true,
      presenting: null,
      answer: null,
    };
    this.state = {
      status: 'connecting',
      viewOnly,
      participants: [],
      presenter: null,
      explain: null,
      highlight: null,
      poll: null,
      following: true,
    };
    this.persistence =
      typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(`mapwright-room:${link.room}`, this.doc);
    this.provider = new HocuspocusProvider({
      url: serverUrl,
      name: link.room,
      token: link.token,
      document: this.doc,
      onStatus: ({ status }) => this.update({ status: status === 'connected' ? 'connected' : 'offline' }),
      onAuthenticated: ({ scope }) => {
        const viewOnly = scope === 'readonly';
        remember(scopeKey(link.room), scope);
        this.presence = { ...this.presence, viewOnly };
        this.publish();
        const changed = viewOnly !== this.state.viewOnly;
        this.update({ viewOnly });
        if (changed && this.boundStore) this.bind(this.boundStore);
      },
    });
    this.provider.awareness?.on('change', () => this.readPresence());
    this.publish();
  }

  /**
   * Joins a room: resolves when the room's text is here (from the server, or, when the server
   * cannot be reached, from this browser's copy of a room it was in before); fails with what went
   * wrong (a link that is not valid, a server that cannot be reached and no copy here).
   */
  static join(link: RoomLink, serverUrl: string): Promise<LiveRoom> {
    const room = new LiveRoom(link, serverUrl);
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (error: string | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (error) {
          room.destroy();
          reject(new Error(error));
        } else resolve(room);
      };
      room.provider.on('synced', () => finish(null));
      room.provider.on('authenticationFailed', () =>
        finish('This live map’s link is not valid: the room does not exist, or the token is wrong.'),
      );
      // The server cannot be reached (the connection closed before the room was synced, or no
      // answer in time): the copy kept in this browser opens, offline, if there is one.
      const unreachable = () =>
        void (room.persistence?.whenSynced ?? Promise.resolve()).then(() => {
          const kept = room.text.length > 0;
          finish(kept ? null : `The live map’s server (${serverUrl}) cannot be reached.`);
          if (kept) room.update({ status: 'offline' });
        });
      room.provider.on('close', unreachable);
      const timer = setTimeout(unreachable, OFFLINE_AFTER_MS);
    });
  }

  /** Binds the editor's store to the room's text (the store takes it now). */
  bind(store: EditorStore): SharedBinding {
    this.binding?.dispose();
    this.boundStore = store;
    this.binding = bindSharedText(store, this.text, this.state.viewOnly);
    return this.binding;
  }

  /** The undo manager of this participant's changes (the text editor's binding uses it too). */
  undoManager(): Y.UndoManager | null {
    return this.binding?.undoManager ?? null;
  }

  get awareness(): NonNullable<HocuspocusProvider['awareness']> {
    return this.provider.awareness!;
  }

  getState = (): LiveState => this.state;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private update(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  private publish(): void {
    // Merged with what the text editor puts there (this participant's cursor).
    const awareness = this.provider.awareness;
    awareness?.setLocalState({ ...(awareness.getLocalState() ?? {}), ...this.presence });
  }

  private change(patch: Partial<Presence>): void {
    this.presence = { ...this.presence, ...patch };
    this.publish();
  }

  /** Reads everyone's presence (awareness changed). */
  private readPresence(): void {
    const me = this.doc.clientID;
    const states = this.provider.awareness?.getStates() ?? new Map();
    let presenter: { id: number; p: Presence } | null = null;
    const raw: { id: number; p: Presence }[] = [];
    for (const [id, s] of states) {
      const p = s as Partial<Presence>;
      if (!p.user) continue;
      raw.push({ id, p: p as Presence });
      if (p.presenting && (!presenter || p.presenting.since > presenter.p.presenting!.since))
        presenter = { id, p: p as Presence };
    }
    const poll = presenter?.p.presenting?.poll ?? null;
    const participants = raw
      .map(({ id, p }): Participant => ({
        id,
        name: p.user.name,
        color: p.user.color,
        selection: p.selection ?? [],
        viewOnly: !!p.viewOnly,
        following: !!p.following,
        presenting: presenter?.id === id,
        me: id === me,
        answer: poll && p.answer?.poll === poll.id ? p.answer.names : null,
      }))
      .sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name) || a.id - b.id);
    this.update({
      participants,
      presenter: participants.find((x) => x.presenting) ?? null,
      explain: presenter?.p.presenting?.explain ?? null,
      highlight: presenter?.p.presenting?.highlight ?? null,
      poll,
    });
  }

  setName(name: string): void {
    const clean = name.trim().slice(0, 40) || this.presence.user.name;
    remember(NAME_KEY, clean);
    this.change({ user: { ...this.presence.user, name: clean } });
  }

  setSelection(names: readonly string[]): void {
    const same =
      names.length === this.presence.selection.length && names.every((n, i) => n === this.presence.selection[i]);
    if (!same) this.change({ selection: [...names] });
  }

  /** Starts or stops presenting: followers' screens follow this participant's Explain step. */
  present(on: boolean): void {
    this.change({
      presenting: on ? { since: Date.now(), explain: null, highlight: null, poll: null } : null,
      following: false,
    });
    this.update({ following: false });
  }

  /** The presenter's Explain step (null: Explain mode closed). */
  setExplain(explain: ExplainPosition | null): void {
    if (this.presence.presenting) this.change({ presenting: { ...this.presence.presenting, explain } });
  }

  /** The components the presenter highlights now (null: none). */
  setHighlight(names: readonly string[] | null): void {
    const p = this.presence.presenting;
    if (!p) return;
    const same = p.highlight === names || (p.highlight && names && p.highlight.join('\n') === names.join('\n'));
    if (!same) this.change({ presenting: { ...p, highlight: names ? [...names] : null } });
  }

  /** Follows the presenter, or breaks away (and later re-joins). */
  follow(on: boolean): void {
    if (this.state.following === on) return;
    this.change({ following: on });
    this.update({ following: on });
  }

  /** The presenter opens a poll, moves it on (votes, then the answer), or closes it (null). */
  setPoll(poll: Poll | null): void {
    if (this.presence.presenting) this.change({ presenting: { ...this.presence.presenting, poll } });
  }

  /** This participant's answer to the open poll. */
  answer(names: readonly string[]): void {
    const poll = this.state.poll;
    if (poll) this.change({ answer: { poll: poll.id, names: [...names] } });
  }

  /** Leaves the room: the map stays open here, as a map of its own. */
  leave(): void {
    this.binding?.dispose();
    this.binding = null;
    this.boundStore = null;
    this.destroy();
  }

  private destroy(): void {
    this.provider.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
  }
}

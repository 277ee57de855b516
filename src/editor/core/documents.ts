// The maps kept in this browser: each open map autosaves under its own identity (a stable id, with
// its file name) in IndexedDB, with time-stamped snapshots to roll back to. Two tabs with two maps
// never overwrite each other; each tab remembers its map across a reload (sessionStorage). No React.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface MapDocument {
  readonly id: string;
  readonly fileName: string;
  readonly text: string;
  /** When it was created and last saved (ms since the epoch). */
  readonly created: number;
  readonly updated: number;
}

export interface Snapshot {
  readonly docId: string;
  readonly time: number;
  readonly text: string;
}

interface Schema extends DBSchema {
  documents: { key: string; value: MapDocument; indexes: { updated: number } };
  snapshots: { key: [string, number]; value: Snapshot; indexes: { doc: string } };
}

/** Snapshots kept per map (the oldest go first). */
export const SNAPSHOTS_KEPT = 20;
/** While editing, at most one snapshot in this long (ms). */
export const SNAPSHOT_EVERY_MS = 60_000;

const TAB_KEY = 'mapwright:document';
const LEGACY_AUTOSAVE_KEY = 'mapwright:autosave';

/** Set once this browser has kept a map: without it, a visit is a first one and need not wait for the store. */
const KEPT_MARKER = 'mapwright:kept';

/** Whether this browser may have kept maps (when it cannot say, it may). */
export function mayHaveKeptMaps(): boolean {
  try {
    return localStorage.getItem(KEPT_MARKER) !== null || localStorage.getItem(LEGACY_AUTOSAVE_KEY) !== null;
  } catch {
    return true;
  }
}

/** A new document id: unique across tabs and sessions. */
export function newDocumentId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The document this tab has open (kept across a reload of the tab, not shared with other tabs). */
export function tabDocumentId(): string | null {
  try {
    return sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}

export function setTabDocumentId(id: string): void {
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    /* the tab forgets its map on reload; the map is still kept */
  }
}

/** The maps kept in this browser. Every method rejects when storage fails (full, blocked): callers say so. */
export class DocumentStore {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  /** Opens the browser's store, or rejects (no IndexedDB: private windows of some browsers). */
  static async open(name = 'mapwright'): Promise<DocumentStore> {
    const db = await openDB<Schema>(name, 1, {
      upgrade(d) {
        d.createObjectStore('documents', { keyPath: 'id' }).createIndex('updated', 'updated');
        d.createObjectStore('snapshots', { keyPath: ['docId', 'time'] }).createIndex('doc', 'docId');
      },
    });
    const store = new DocumentStore(db);
    await store.adoptLegacyAutosave();
    return store;
  }

  get(id: string): Promise<MapDocument | undefined> {
    return this.db.get('documents', id);
  }

  async save(doc: MapDocument): Promise<void> {
    await this.db.put('documents', doc);
    try {
      localStorage.setItem(KEPT_MARKER, '1');
    } catch {
      /* the marker only speeds up the first frame */
    }
  }

  /** The maps kept, most recently saved first. */
  async recent(limit = 20): Promise<MapDocument[]> {
    const out: MapDocument[] = [];
    let cursor = await this.db.transaction('documents').store.index('updated').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /** A map's snapshots, newest first. */
  async snapshots(docId: string): Promise<Snapshot[]> {
    const all = await this.db.getAllFromIndex('snapshots', 'doc', docId);
    return all.sort((a, b) => b.time - a.time);
  }

  /**
   * Keeps `text` as a snapshot of the map unless the last one is younger than `every` ms or holds
   * the same text; keeps the newest SNAPSHOTS_KEPT. Resolves to whether one was taken.
   */
  async snapshot(docId: string, text: string, time = Date.now(), every = SNAPSHOT_EVERY_MS): Promise<boolean> {
    const tx = this.db.transaction('snapshots', 'readwrite');
    const index = tx.store.index('doc');
    const keys = (await index.getAllKeys(docId)).sort((a, b) => a[1] - b[1]);
    const last = keys.at(-1);
    if (last && time - last[1] < every) {
      await tx.done;
      return false;
    }
    if (last && (await tx.store.get(last))?.text === text) {
      await tx.done;
      return false;
    }
    await tx.store.put({ docId, time, text });
    const excess = keys.length + 1 - SNAPSHOTS_KEPT;
    for (let i = 0; i < excess; i++) await tx.store.delete(keys[i]!);
    await tx.done;
    return true;
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(['documents', 'snapshots'], 'readwrite');
    await tx.objectStore('documents').delete(id);
    for (const k of await tx.objectStore('snapshots').index('doc').getAllKeys(id))
      await tx.objectStore('snapshots').delete(k);
    await tx.done;
  }

  /** The one map the editor kept in local storage before maps had identities: kept as a document, once. */
  private async adoptLegacyAutosave(): Promise<void> {
    let raw: string | null;
    try {
      raw = localStorage.getItem(LEGACY_AUTOSAVE_KEY);
    } catch {
      return;
    }
    if (!raw) return;
    try {
      const v = JSON.parse(raw) as { text?: unknown; fileName?: unknown };
      if (typeof v.text === 'string' && typeof v.fileName === 'string') {
        const now = Date.now();
        await this.save({ id: newDocumentId(), fileName: v.fileName, text: v.text, created: now, updated: now });
      }
    } catch {
      /* not ours */
    }
    localStorage.removeItem(LEGACY_AUTOSAVE_KEY);
  }
}

// The File menu: a new map, open, save (the action registry's, with their keys), the maps kept in
// this browser ("Recent maps") and the open map's snapshots ("History"). The lists are read when
// the menu opens.
import { useEffect, useRef, useState } from 'react';
import { showKeys, type Action } from '../core/actions.js';
import { isMac } from './platform.js';
import type { MapDocument, Snapshot } from '../core/documents.js';
import type { Session } from '../core/session.js';

const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export interface FileMenuProps {
  readonly session: Session;
  readonly docId: string;
  /** The registry's file actions, in the order shown, and how to run one. */
  readonly actions: readonly Action[];
  readonly onRun: (a: Action) => void;
}

export function FileMenu({ session, docId, actions, onRun }: FileMenuProps) {
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<MapDocument[] | null>(null);
  const [history, setHistory] = useState<Snapshot[] | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    // What the lists show is what is kept now: saved first, so the open map's last edit is there.
    void session.saveNow().then(async () => {
      const [r, h] = await Promise.all([session.recent().catch(() => []), session.history().catch(() => [])]);
      if (live) {
        setRecent(r);
        setHistory(h);
      }
    });
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('keydown', esc);
    return () => {
      live = false;
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('keydown', esc);
    };
  }, [open, session]);

  const pick = (f: () => void) => () => {
    setOpen(false);
    f();
  };

  return (
    <div className="file-menu" ref={box}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="file-menu"
      >
        File ▾
      </button>
      {open && (
        <div className="file-menu-list" role="menu" aria-label="File">
          {actions.map((a) => (
            <button
              key={a.id}
              type="button"
              role="menuitem"
              title={a.title}
              onClick={pick(() => onRun(a))}
              data-testid={`file-${a.id}`}
            >
              {a.label} {a.keys[0] && <kbd>{showKeys(a.keys[0], isMac)}</kbd>}
            </button>
          ))}
          <h4>Recent maps</h4>
          {recent === null ? (
            <p className="none">Loading…</p>
          ) : recent.length === 0 ? (
            <p className="none">No map kept in this browser yet.</p>
          ) : (
            <ul data-testid="recent-maps">
              {recent.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    role="menuitem"
                    aria-current={d.id === docId}
                    disabled={d.id === docId}
                    onClick={pick(() => {
                      void session.open(d);
                    })}
                    title={`Open ${d.fileName}, kept ${when(d.updated)}`}
                  >
                    {d.fileName} <span className="when">{when(d.updated)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h4>History of this map</h4>
          {history === null ? (
            <p className="none">Loading…</p>
          ) : history.length === 0 ? (
            <p className="none">No snapshot yet: one is kept at most every minute while you edit.</p>
          ) : (
            <ul data-testid="history">
              {history.map((s) => (
                <li key={s.time}>
                  <button
                    type="button"
                    role="menuitem"
                    onClick={pick(() => {
                      session.restore(s);
                    })}
                    title="Put this version back (one undo step)"
                  >
                    {when(s.time)} <span className="when">{s.text.split('\n').length} lines</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

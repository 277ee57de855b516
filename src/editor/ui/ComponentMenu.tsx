// What opens on a component: its right-click menu, made from the action registry (actions.ts), and
// the box that renames it.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { captionOf, menuFor, type Action, type ActionContext } from '../core/actions.js';
import { rename } from '../core/commands.js';
import type { EditorStore } from '../core/store.js';
import { Floating } from './Floating.js';

/**
 * A component's menu at (x, y). It stays open until an item is chosen, Esc, or a press elsewhere.
 * It takes the focus as it opens: the arrows move through the items, Enter or Space chooses.
 */
export function ComponentMenu({
  name,
  x,
  y,
  context,
  onClose,
}: {
  name: string;
  x: number;
  y: number;
  context: ActionContext;
  onClose(): void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [name]);
  const choose = (a: Action) => {
    // Rename opens its box in the menu's place (the shell closes the menu).
    a.run(context);
    if (a.id !== 'rename') onClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step) items[(at + step + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'Enter' || e.key === ' ') (document.activeElement as HTMLElement | null)?.click();
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    // The menu's keys are its own: not the map's (arrows would move the component).
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <Floating x={x} y={y} className="context-menu-box" testId="context-menu">
      <ul className="context-menu" role="menu" aria-label={`${name}: actions`} ref={ref} onKeyDown={onKeyDown}>
        {menuFor(context).map((a) => {
          const note = a.note?.(context);
          return (
            <li
              key={a.id}
              role={a.checked ? 'menuitemradio' : 'menuitem'}
              aria-checked={a.checked?.(context)}
              data-action={a.id}
              data-testid={a.id === 'make-explicit' ? 'make-explicit' : undefined}
              title={a.title}
              tabIndex={-1}
              onClick={() => choose(a)}
            >
              {captionOf(a, context)}
              {note && (
                <span className="inferred" title={note.title}>
                  {' '}
                  {note.text}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </Floating>
  );
}

/** The box that renames a component everywhere it is named; says why a name is refused. */
export function RenameBox({
  store,
  name,
  x,
  y,
  onClose,
}: {
  store: EditorStore;
  name: string;
  x: number;
  y: number;
  onClose(): void;
}) {
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  return (
    <Floating x={x} y={y} className="rename">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const refused = rename(store, name, value);
          if (refused) setError(refused);
          else onClose();
        }}
      >
        <input
          autoFocus
          aria-label={`Rename ${name}`}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          onBlur={onClose}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose();
          }}
          data-testid="rename-input"
        />
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </form>
    </Floating>
  );
}

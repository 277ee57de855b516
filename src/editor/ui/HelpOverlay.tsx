// The `?` overlay: every shortcut and gesture, made from the same action registry as the toolbar,
// the keyboard handler and the context menu (actions.ts).
import { useEffect } from 'react';
import { ACTIONS, GESTURES, showKeys } from '../core/actions.js';
import { isMac } from './platform.js';

export function HelpOverlay({ onClose }: { onClose(): void }) {
  useEffect(() => {
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', esc, true);
    return () => window.removeEventListener('keydown', esc, true);
  }, [onClose]);
  return (
    <div
      className="help-overlay"
      role="dialog"
      aria-modal="true"
      aria-label="Shortcuts"
      data-testid="help"
      onClick={onClose}
    >
      <div className="help-card" onClick={(e) => e.stopPropagation()}>
        <h2>
          Shortcuts{' '}
          <button type="button" className="close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </h2>
        <table>
          <tbody>
            {ACTIONS.filter((a) => a.keys.length > 0).map((a) => (
              <tr key={a.id} data-action={a.id}>
                <td className="keys">
                  {a.keys.map((k) => (
                    <kbd key={k}>{showKeys(k, isMac)}</kbd>
                  ))}
                </td>
                <td>
                  <strong>{a.label}</strong> {a.title}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>With the pointer, on the map</h3>
        <table>
          <tbody>
            {GESTURES.map((g) => (
              <tr key={g.gesture}>
                <td className="keys">{g.gesture}</td>
                <td>{g.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="none">
          In the text, the editor's own keys apply (undo, redo, completion with Ctrl+Space); Explain mode steps with the
          arrows, Space and PageUp/PageDown.
        </p>
      </div>
    </div>
  );
}

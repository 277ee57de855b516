// The compare view: another version of the map (a file or pasted text) against the current one,
// as ghosts on the canvas and the semantic diff as a list.
import { useMemo, useState } from 'react';
import { diffMaps, diffToText } from '../../diff/diff.js';
import { importMermaid, isMermaid } from '../../interchange/mermaid.js';
import { MAX_MAP_BYTES, tooLargeMessage, utf8Length, withinLimit } from '../../lang/limits.js';
import { parseMap } from '../../model/build/index.js';
import type { MapModel } from '../../model/model.js';

export function ComparePanel({
  current,
  other,
  onOther,
}: {
  current: MapModel;
  other: MapModel | null;
  onOther(m: MapModel | null): void;
}) {
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const diff = useMemo(() => (other ? diffToText(diffMaps(other, current)).trim().split('\n') : []), [other, current]);
  const use = (text: string, name = 'The other version') => {
    // The same limit as every other way a map comes in.
    if (!withinLimit(text)) {
      setProblem(tooLargeMessage(name, utf8Length(text)));
      return;
    }
    setProblem(null);
    onOther(parseMap(isMermaid(text) ? importMermaid(text) : text));
  };
  return (
    <section className="learn-section" data-testid="compare">
      <h3>Compare with another version</h3>
      <p>
        Open or paste the other version (older or newer). The canvas shows where components were, with arrows to where
        they are now.
      </p>
      <input
        type="file"
        accept=".owm,.wm,.txt"
        aria-label="Open the other version"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (!f) return;
          if (f.size >= MAX_MAP_BYTES) setProblem(tooLargeMessage(f.name, f.size));
          else void f.text().then((t) => use(t, f.name));
        }}
      />
      <textarea
        rows={5}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
        placeholder="…or paste a map here"
        aria-label="Paste the other version"
        data-testid="compare-text"
      />
      <div>
        <button type="button" onClick={() => use(pasted)} disabled={!pasted.trim()} data-testid="compare-go">
          Compare
        </button>
        <button
          type="button"
          onClick={() => {
            onOther(null);
            setPasted('');
          }}
          disabled={!other}
        >
          Stop comparing
        </button>
      </div>
      {problem && (
        <p className="error" role="alert" data-testid="compare-problem">
          {problem}
        </p>
      )}
      {other && (
        <ul className="diff-list" data-testid="diff-list">
          {diff.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

// The DOM panels beside the canvas: findings grouped by kind, and the outline of components.
import { Legend } from './CanvasChrome.js';
import { THEMES } from '../../render/theme.js';
import { memo, useState, type KeyboardEvent } from 'react';
import type { Analysis, Finding, FindingKind } from '../../analysis/index.js';
import { FINDING_KINDS, KIND_TITLES, SCORE_MEANING, SEVERITY_LABELS } from '../../analysis/finding.js';
import type { Component } from '../../model/model.js';
import { STAGE_LABELS } from '../../model/stages.js';

/** The kinds listed even when the map has none of them ("None"): the ones every map is read for. */
const CORE_KINDS: ReadonlySet<FindingKind> = new Set([
  'critical-path',
  'bottleneck',
  'evolution-gap',
  'misalignment',
  'disruption-risk',
]);

/** How many findings of a kind are listed before "show all" (a large map has hundreds). */
const FIRST = 25;

export const FindingsPanel = memo(function FindingsPanel({
  analysis,
  active,
  onActivate,
}: {
  analysis: Analysis;
  active: string | null;
  onActivate(f: Finding | null): void;
}) {
  const kinds = FINDING_KINDS.filter(
    (k) => k === 'recommendation' || analysis.findings.some((f) => f.kind === k) || CORE_KINDS.has(k),
  );
  const [all, setAll] = useState<ReadonlySet<FindingKind>>(new Set());
  const cap = (kind: FindingKind, fs: Finding[]) => (all.has(kind) ? fs : fs.slice(0, FIRST));
  return (
    <section className="findings" aria-label="Analysis" data-testid="findings">
      <Legend theme={THEMES.plain} />
      {analysis.summary.length > 0 && (
        <div className="finding-group top-moves" data-testid="top-moves">
          <h3>
            Top moves <span className="count">{analysis.summary.length}</span>
          </h3>
          <ol>
            {analysis.summary.map((m, i) => (
              <li key={i}>
                <span className={`term ${m.term}`}>{m.term === 'short' ? 'Short term' : 'Long term'}</span> {m.move}
              </li>
            ))}
          </ol>
        </div>
      )}
      {kinds.map((kind) => {
        const fs = analysis.findings.filter((f) => f.kind === kind);
        return (
          <div key={kind} className="finding-group" data-kind={kind}>
            <h3>
              {KIND_TITLES[kind]} <span className="count">{fs.length}</span>
            </h3>
            {fs.length === 0 && <p className="none">None</p>}
            {kind === 'recommendation' ? (
              (['short', 'long'] as const).map((term) => (
                <div key={term}>
                  <h4>{term === 'short' ? 'Short-term' : 'Long-term'}</h4>
                  <ul>
                    {cap(
                      kind,
                      fs.filter((f) => f.term === term),
                    ).map((f) => (
                      <FindingItem key={f.id} f={f} active={active === f.id} onActivate={onActivate} />
                    ))}
                  </ul>
                </div>
              ))
            ) : (
              <ul>
                {cap(kind, fs).map((f) => (
                  <FindingItem key={f.id} f={f} active={active === f.id} onActivate={onActivate} />
                ))}
              </ul>
            )}
            {fs.length > FIRST && !all.has(kind) && (
              <button type="button" className="more" onClick={() => setAll(new Set([...all, kind]))}>
                Show all {fs.length}
              </button>
            )}
          </div>
        );
      })}
    </section>
  );
});

const FindingItem = memo(
  function FindingItem({
    f,
    active,
    onActivate,
  }: {
    f: Finding;
    active: boolean;
    onActivate(f: Finding | null): void;
  }) {
    return (
      <li className={`finding sev-${f.severity}${active ? ' active' : ''}`} data-id={f.id} data-rule={f.rule}>
        <button
          type="button"
          onClick={() => onActivate(active ? null : f)}
          aria-pressed={active}
          title="Highlight on the map"
        >
          <strong>{f.title}</strong>
        </button>
        <p>{f.explanation}</p>
        <details className="finding-meta">
          <summary>
            <span className="sev">{SEVERITY_LABELS[f.severity]}</span> · score {f.score.toFixed(2)} of 1
          </summary>
          <p>
            The score is {SCORE_MEANING}. Rule <code>{f.rule}</code>, defined in docs/analysis.md.
          </p>
        </details>
      </li>
    );
  },
  (a, b) =>
    a.active === b.active &&
    a.onActivate === b.onActivate &&
    a.f.id === b.f.id &&
    a.f.score === b.f.score &&
    a.f.explanation === b.f.explanation &&
    a.f.title === b.f.title,
);

/**
 * The outline's filter box, apart so that it is not rendered again with the list: React sets an
 * input's type and name again on every render, and the browser then restyles the page before the
 * next frame (on every frame of a drag, as the list follows the map).
 */
const FilterBox = memo(function FilterBox({ value, onChange }: { value: string; onChange(v: string): void }) {
  return (
    <input
      type="search"
      placeholder="Filter components"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-label="Filter components"
    />
  );
});

export const Outline = memo(function Outline({
  components,
  selection,
  onSelect,
  onKey,
  onMakeExplicit,
}: {
  components: readonly Component[];
  selection: readonly string[];
  onSelect(name: string, additive: boolean): void;
  onKey(e: KeyboardEvent<HTMLElement>): void;
  /** Writes the component's inferred kind into the map. */
  onMakeExplicit(name: string): void;
}) {
  const [filter, setFilter] = useState('');
  const shown = components.filter((c) => c.type !== 'evolved' && c.name.toLowerCase().includes(filter.toLowerCase()));
  return (
    <nav className="outline" aria-label="Components">
      <FilterBox value={filter} onChange={setFilter} />
      <ul
        role="listbox"
        aria-multiselectable="true"
        aria-label="Components of the map"
        tabIndex={0}
        onKeyDown={onKey}
        data-testid="outline"
      >
        {shown.map((c) => (
          <OutlineRow
            key={`${c.type}:${c.key}:${c.line}`}
            name={c.name}
            stage={c.stage}
            maturity={c.maturity}
            selected={selection.includes(c.name)}
            onSelect={onSelect}
            kind={c.kind}
            kindInferred={c.kindInferred}
            kindReason={c.kindReason}
            onMakeExplicit={onMakeExplicit}
          />
        ))}
      </ul>
    </nav>
  );
});

const OutlineRow = memo(function OutlineRow({
  name,
  stage,
  maturity,
  selected,
  onSelect,
  kind,
  kindInferred,
  kindReason,
  onMakeExplicit,
}: {
  name: string;
  stage: Component['stage'];
  maturity: number;
  selected: boolean;
  onSelect(name: string, additive: boolean): void;
  kind: Component['kind'];
  kindInferred: boolean;
  kindReason: string;
  onMakeExplicit(name: string): void;
}) {
  // Technology is the default: a kind is shown when it is something else, muted when inferred.
  const shown = kind !== 'technology' || !kindInferred;
  return (
    <li role="option" aria-selected={selected} data-name={name} onClick={(e) => onSelect(name, e.shiftKey)}>
      <span className="name">{name}</span>
      {shown && (
        <span
          className={`kind${kindInferred ? ' inferred' : ''}`}
          title={kindInferred ? `Inferred: ${kindReason}` : 'Declared in the map'}
          data-testid="outline-kind"
        >
          {kind}
          {kindInferred && (
            <button
              type="button"
              className="make-explicit"
              tabIndex={-1}
              title={`Write (${kind}) after its coordinates`}
              onClick={(e) => {
                e.stopPropagation();
                onMakeExplicit(name);
              }}
            >
              make explicit
            </button>
          )}
        </span>
      )}
      <span className="stage">
        {STAGE_LABELS[stage]} · {maturity.toFixed(2)}
      </span>
    </li>
  );
});

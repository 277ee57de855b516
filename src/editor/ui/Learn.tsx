// Learning views: Explain mode, predict-then-reveal, the disruption explorer, the evolution
// projection and the cost view. The work is in src/learn; these only show it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { analyze, type Analysis } from '../../analysis/index.js';
import { KIND_LABELS, SCORE_MEANING, SEVERITY_LABELS, type Finding } from '../../analysis/finding.js';
import { moveComponent } from '../../lang/edit.js';
import { recommendedMoves, whyItMatters } from '../../learn/explain.js';
import { scorePrediction, type PredictKind, type PredictScore } from '../../learn/predict.js';
import { HORIZON_YEARS, projectionEdits, projectModel } from '../../learn/projection.js';
import { COMMODITY_AT, dependentsOf, whatIfCommoditises } from '../../learn/whatif.js';
import type { MapModel } from '../../model/model.js';
import { STAGE_LABELS, STAGES } from '../../model/stages.js';
import type { ExplainPosition } from '../core/room.js';
import { NO_PREVIEW, type Preview } from '../core/preview.js';
import { ScoreLists } from './ScoreLists.js';
import type { EditorStore } from '../core/store.js';

/**
 * Explain mode: for a projector and a clicker, in large type. It steps through the top moves
 * first (each with the findings it rests on); the full list of findings is one key away (A).
 */
export function ExplainView({
  analysis,
  onFocus,
  onClose,
  position = null,
  onPosition,
}: {
  analysis: Analysis;
  onFocus(names: readonly string[] | null): void;
  onClose(): void;
  /** Where to be (a live room's presenter's step, while following): null, this view's own. */
  position?: ExplainPosition | null;
  /** Called with every step taken here (a presenter's steps are broadcast; a follower breaks away). */
  onPosition?(p: ExplainPosition): void;
}) {
  const [own, setOwn] = useState<ExplainPosition>({ all: analysis.summary.length === 0, i: 0 });
  const pos = position ?? own;
  const { all, i } = pos;
  const count = all ? analysis.findings.length : analysis.summary.length;
  // Functional updates read the position now shown (the presenter's, while following).
  const posRef = useRef(pos);
  posRef.current = pos;
  const go = useCallback(
    (next: (p: ExplainPosition) => ExplainPosition) => {
      const p = next(posRef.current);
      posRef.current = p;
      setOwn(p);
      onPosition?.(p);
    },
    [onPosition],
  );
  const setI = useCallback((f: (x: number) => number) => go((p) => ({ ...p, i: f(p.i) })), [go]);
  const setAll = useCallback((f: (x: boolean) => boolean) => go((p) => ({ all: f(p.all), i: 0 })), [go]);
  const at = Math.min(i, count - 1);
  const f = all ? analysis.findings[at] : undefined;
  const move = all ? undefined : analysis.summary[at];
  const byId = useMemo(() => new Map(analysis.findings.map((x) => [x.id, x])), [analysis]);
  const evidence = move
    ? move.basedOn.map((id) => byId.get(id)).filter((x): x is NonNullable<typeof x> => x !== undefined)
    : [];
  const focus = useMemo(
    () =>
      f ? f.components : move ? [...new Set([...move.components, ...evidence.flatMap((e) => e.components)])] : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- evidence follows move
    [f, move],
  );
  useEffect(() => {
    onFocus(focus);
  }, [focus, onFocus]);
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (['ArrowRight', 'PageDown', ' ', 'Enter', 'n'].includes(e.key)) {
        e.preventDefault();
        setI((x) => Math.min(count - 1, x + 1));
      } else if (['ArrowLeft', 'PageUp', 'Backspace', 'p'].includes(e.key)) {
        e.preventDefault();
        setI((x) => Math.max(0, x - 1));
      } else if (e.key === 'a' || e.key === 'A') {
        e.preventDefault();
        setAll((x) => !x);
        setI(() => 0);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [count, onClose, setI, setAll]);
  const switcher = (
    <button
      type="button"
      onClick={() => {
        setAll((x) => !x);
        setI(() => 0);
      }}
      title="Switch between the top moves and every finding (A)"
      data-testid="explain-switch"
    >
      {all ? 'Top moves' : `All ${analysis.findings.length} findings`}
    </button>
  );
  if (!f && !move)
    return (
      <div className="explain" data-testid="explain">
        <p>This map has nothing to explain yet.</p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  const nav = (
    <div className="explain-nav">
      <button
        type="button"
        onClick={() => setI((x) => Math.max(0, x - 1))}
        disabled={at === 0}
        title="Previous (←, PageUp)"
      >
        ← Previous
      </button>
      <button
        type="button"
        onClick={() => setI((x) => Math.min(count - 1, x + 1))}
        disabled={at >= count - 1}
        title="Next (→, Space, PageDown)"
        data-testid="explain-next"
      >
        Next →
      </button>
      {switcher}
      <button type="button" onClick={onClose} title="Leave Explain mode (Esc)">
        Close
      </button>
    </div>
  );
  if (move) {
    return (
      <div
        className="explain"
        role="dialog"
        aria-label="Explain mode"
        data-testid="explain"
        data-finding={`move:${at}`}
        data-mode="moves"
      >
        <div className="explain-head">
          <span className="explain-count" data-testid="explain-count">
            Top move {at + 1} / {count}
          </span>
          <span className="explain-kind">{move.term === 'short' ? 'Short term' : 'Long term'}</span>
        </div>
        <h2 data-testid="explain-title">{move.move}</h2>
        {evidence.length > 0 && (
          <div className="explain-why">
            <strong>Because.</strong>
            <ul>
              {evidence.map((e) => (
                <li key={e.id}>
                  <strong>{e.title}.</strong> {e.explanation}
                </li>
              ))}
            </ul>
          </div>
        )}
        {nav}
      </div>
    );
  }
  const moves = recommendedMoves(f!, analysis.findings).filter((r) => r.id !== f!.id);
  return (
    <div
      className="explain"
      role="dialog"
      aria-label="Explain mode"
      data-testid="explain"
      data-finding={f!.id}
      data-mode="all"
    >
      <div className="explain-head">
        <span className="explain-count" data-testid="explain-count">
          {at + 1} / {count}
        </span>
        <span
          className={`explain-kind sev-${f!.severity}`}
          title={`Score ${f!.score.toFixed(2)} of 1: ${SCORE_MEANING}`}
        >
          {KIND_LABELS[f!.kind]} · {SEVERITY_LABELS[f!.severity]}
        </span>
      </div>
      <h2 data-testid="explain-title">{f!.title}</h2>
      <p className="explain-text">{f!.explanation}</p>
      <p className="explain-why">
        <strong>Why it matters.</strong> {whyItMatters(f!)}
      </p>
      {moves.length > 0 && (
        <p className="explain-move">
          <strong>Recommended move.</strong> {moves.map((m) => m.explanation).join(' ')}
        </p>
      )}
      {nav}
    </div>
  );
}

interface Round {
  kind: PredictKind;
  score: PredictScore;
}

/** The canvas shows the map without findings. */
const HIDDEN: Preview = { model: null, findings: [], focus: null };

/** Predict, then reveal: the learner's selection is the guess. */
function PredictPanel({
  model,
  analysis,
  selection,
  onPreview,
}: {
  model: MapModel;
  analysis: Analysis;
  selection: readonly string[];
  onPreview(p: Preview): void;
}) {
  const [kind, setKind] = useState<PredictKind>('bottleneck');
  const [rounds, setRounds] = useState<Round[]>([]);
  const last = rounds[rounds.length - 1];
  // Until the reveal the map shows no findings: the answers are not on screen before the guess.
  useEffect(() => {
    onPreview(HIDDEN);
    return () => onPreview(NO_PREVIEW);
  }, [onPreview]);
  const reveal = () => {
    const score = scorePrediction(model, analysis, kind, selection);
    setRounds([...rounds, { kind, score }]);
    onPreview({ model: null, findings: analysis.findings.filter((f) => f.kind === kind), focus: null });
  };
  const total = rounds.reduce(
    (a, r) => ({
      hits: a.hits + r.score.hits.length,
      misses: a.misses + r.score.misses.length,
      fa: a.fa + r.score.falseAlarms.length,
    }),
    { hits: 0, misses: 0, fa: 0 },
  );
  return (
    <section className="learn-section" data-testid="predict">
      <h3>Predict, then reveal</h3>
      <p>Pick a question, select the components you think qualify (click, shift-click), then reveal.</p>
      <label>
        Which components are…{' '}
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as PredictKind);
            onPreview(HIDDEN);
          }}
          aria-label="What to predict"
        >
          <option value="bottleneck">bottlenecks</option>
          <option value="disruption-risk">disruption risks</option>
          <option value="critical-path">on critical paths</option>
        </select>
      </label>
      <p>Your guess: {selection.length ? selection.join(', ') : <em>nothing selected</em>}</p>
      <button type="button" onClick={reveal} data-testid="reveal">
        Reveal
      </button>
      {last && (
        <div className="predict-result" data-testid="predict-result">
          <p>
            <strong>
              {counted(last.score.hits.length, 'hit')}, {last.score.misses.length} missed,{' '}
              {counted(last.score.falseAlarms.length, 'false alarm')}
            </strong>
          </p>
          <ScoreLists score={last.score} />
          <p className="muted">
            This session: {total.hits} hits, {total.misses} missed, {total.fa} false alarms over {rounds.length} round
            {rounds.length === 1 ? '' : 's'}.
          </p>
        </div>
      )}
    </section>
  );
}

/** Disruption risks, what rests on each, and "what if it commoditises" on a copy of the map. */
function DisruptionPanel({
  store,
  model,
  analysis,
  onPreview,
}: {
  store: EditorStore;
  model: MapModel;
  analysis: Analysis;
  onPreview(p: Preview): void;
}) {
  const risks = analysis.findings.filter((f) => f.kind === 'disruption-risk');
  const [what, setWhat] = useState<string | null>(null);
  const result = useMemo(
    () => (what ? whatIfCommoditises(model, what, analysis.findings) : null),
    [what, model, analysis],
  );
  useEffect(() => {
    if (!result) return undefined;
    // What rests on it is lit with it: that is where the change lands.
    onPreview({
      model: result.model,
      findings: result.findings,
      focus: [what!, ...result.dependents.map((d) => d.name)],
    });
    return () => onPreview(NO_PREVIEW);
  }, [result, onPreview, what]);
  return (
    <section className="learn-section" data-testid="disruption">
      <h3>Disruption explorer</h3>
      {risks.length === 0 && <p className="none">No disruption risks on this map.</p>}
      <ul>
        {risks.map((f) => {
          const name = f.components[0]!;
          const into = f.rule.replace('disruption-risk/into-', '') as (typeof STAGES)[number];
          return (
            <li key={f.id} data-name={name}>
              <strong>{name}</strong> → {STAGE_LABELS[into] ?? into} ({f.severity})
              <div className="muted">Depends on it: {dependentsOf(model, name).join(', ') || 'nothing'}</div>
              <label>
                <input
                  type="checkbox"
                  checked={what === name}
                  onChange={(e) => setWhat(e.target.checked ? name : null)}
                  data-testid={`whatif-${name}`}
                />{' '}
                What if it commoditises?
              </label>
            </li>
          );
        })}
      </ul>
      {result && what && (
        <div className="whatif" data-testid="whatif-result">
          <p>
            With {what} moved to evolution {COMMODITY_AT.toFixed(2)} (Commodity), on a copy of the map:
          </p>
          <h4>What rests on it</h4>
          {result.dependents.length === 0 ? (
            <p className="none">Nothing depends on {what}.</p>
          ) : (
            <ul data-testid="whatif-dependents">
              {result.dependents.map((d) => (
                <li key={d.name} data-name={d.name}>
                  <strong>{d.name}</strong>
                  {d.appeared.length === 0 && d.disappeared.length === 0 ? (
                    <span className="muted">: no finding changes</span>
                  ) : null}
                  {d.disappeared.map((f) => (
                    <div key={f.id} className="gone">
                      − {f.title}
                    </div>
                  ))}
                  {d.appeared.map((f) => (
                    <div key={f.id} className="new">
                      + {f.title}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <h4>Appear</h4>
          <FindingList findings={result.appeared} />
          <h4>Disappear</h4>
          <FindingList findings={result.disappeared} />
          <button
            type="button"
            onClick={() => {
              const c = model.components.find((x) => x.name === what && x.type !== 'evolved');
              if (c)
                store.dispatch(
                  moveComponent(store.syntax(), what, { visibility: c.visibility, maturity: COMMODITY_AT }),
                  'what-if',
                );
              setWhat(null);
            }}
          >
            Apply to the map
          </button>
        </div>
      )}
    </section>
  );
}

/** The time slider: the map projected forward, live; "apply" writes it as one undo step. */
function ProjectionPanel({
  store,
  model,
  onPreview,
}: {
  store: EditorStore;
  model: MapModel;
  onPreview(p: Preview): void;
}) {
  const [t, setT] = useState(0);
  useEffect(() => {
    if (t === 0) {
      onPreview(NO_PREVIEW);
      return undefined;
    }
    const id = requestAnimationFrame(() => {
      const projected = projectModel(model, t / 100);
      onPreview({ model: projected, findings: analyze(projected).findings, focus: null });
    });
    return () => cancelAnimationFrame(id);
  }, [t, model, onPreview]);
  useEffect(() => () => onPreview(NO_PREVIEW), [onPreview]);
  return (
    <section className="learn-section" data-testid="projection">
      <h3>Evolution projection</h3>
      <p>
        Everything evolves: slide forward to see where the map is heading (evolve arrows first, then drift by stage;
        inertia slows).
      </p>
      <input
        type="range"
        min={0}
        max={100}
        value={t}
        onChange={(e) => setT(Number(e.target.value))}
        aria-label="Projection time"
        data-testid="projection-slider"
      />
      <span
        data-testid="projection-when"
        title={`Rough by design: the horizon is taken as about ${HORIZON_YEARS} years (docs/analysis.md)`}
      >
        {t === 0
          ? 'now'
          : `in about ${Math.max(1, Math.round((t / 100) * HORIZON_YEARS))} ` +
            `year${Math.round((t / 100) * HORIZON_YEARS) <= 1 ? '' : 's'}`}
      </span>
      <div>
        <button
          type="button"
          disabled={t === 0}
          data-testid="projection-apply"
          onClick={() => {
            store.dispatch(projectionEdits(store.syntax(), model, t / 100), 'projection');
            setT(0);
          }}
        >
          Apply to the map
        </button>
        <button type="button" disabled={t === 0} onClick={() => setT(0)}>
          Back to now
        </button>
      </div>
    </section>
  );
}

/** The learning side panel. */
export function LearnPanel({
  store,
  model,
  analysis,
  selection,
  onPreview,
  onExplain,
  costView,
  onCostView,
}: {
  store: EditorStore;
  model: MapModel;
  analysis: Analysis;
  selection: readonly string[];
  onPreview(p: Preview): void;
  onExplain(): void;
  costView: boolean;
  onCostView(on: boolean): void;
}) {
  const [tab, setTab] = useState<'predict' | 'disruption' | 'projection' | 'cost'>('predict');
  return (
    <section className="learn" aria-label="Learn" data-testid="learn">
      <button
        type="button"
        className="explain-start"
        onClick={onExplain}
        title="Step through every finding, one at a time (F5)"
        data-testid="explain-start"
      >
        Explain this map ▶
      </button>
      <div className="tabs" role="tablist">
        {(['predict', 'disruption', 'projection', 'cost'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            data-testid={`tab-${k}`}
          >
            {k === 'cost' ? 'FinOps' : k[0]!.toUpperCase() + k.slice(1)}
          </button>
        ))}
      </div>
      {tab === 'predict' && (
        <PredictPanel model={model} analysis={analysis} selection={selection} onPreview={onPreview} />
      )}
      {tab === 'disruption' && (
        <DisruptionPanel store={store} model={model} analysis={analysis} onPreview={onPreview} />
      )}
      {tab === 'projection' && <ProjectionPanel store={store} model={model} onPreview={onPreview} />}
      {tab === 'cost' && (
        <section className="learn-section" data-testid="cost">
          <h3>FinOps</h3>
          <label>
            <input type="checkbox" checked={costView} onChange={(e) => onCostView(e.target.checked)} /> Colour
            components by annual cost
          </label>
          {analysis.spend ? (
            <ul>
              {STAGES.map((s) => (
                <li key={s}>
                  {STAGE_LABELS[s]}: ${Math.round(analysis.spend![s]).toLocaleString('en-US')}
                </li>
              ))}
            </ul>
          ) : (
            <p className="none">
              No component carries a cost. Add one with <code>(cost 120000)</code> after a component's coordinates.
            </p>
          )}
          <ul>
            {analysis.findings
              .filter((f) => f.rule === 'misalignment/spend')
              .map((f) => (
                <li key={f.id}>{f.explanation}</li>
              ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** `1 hit`, `2 hits`. */
function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Findings as a list of their kind and title ("nothing" when there are none). */
function FindingList({ findings }: { findings: readonly Finding[] }) {
  return (
    <ul>
      {findings.length ? (
        findings.map((f) => (
          <li key={f.id} data-id={f.id}>
            {KIND_LABELS[f.kind]}: {f.title}
          </li>
        ))
      ) : (
        <li className="none">nothing</li>
      )}
    </ul>
  );
}

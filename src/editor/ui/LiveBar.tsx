// A live room's bar: who is here, presenting and following, and the facilitator's live poll
// (everyone answers by selecting components on their own map; the facilitator shows the votes,
// then the engine's answer with its reasons). The room's work is in live.ts; this only shows it.
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { Analysis } from '../../analysis/index.js';
import type { PredictKind } from '../../learn/predict.js';
import type { MapModel } from '../../model/model.js';
import type { LiveRoom } from '../core/live.js';
import { pollResult, tally } from '../core/room.js';
import { ScoreLists } from './ScoreLists.js';

const QUESTIONS: Readonly<Record<PredictKind, string>> = {
  bottleneck: 'Which components are bottlenecks?',
  'disruption-risk': 'Which components are disruption risks?',
  'critical-path': 'Which components are on critical paths?',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function LiveBar({
  live,
  model,
  analysis,
  selection,
  links,
  onLeave,
}: {
  live: LiveRoom;
  model: MapModel;
  analysis: Analysis;
  selection: readonly string[];
  /** The room's links, for the participant who made it. */
  links: { edit: string; view: string } | null;
  onLeave(): void;
}) {
  const state = useSyncExternalStore(live.subscribe, live.getState);
  const me = state.participants.find((p) => p.me);
  const presenter = state.presenter;
  const iPresent = presenter?.me ?? false;
  const [kind, setKind] = useState<PredictKind>('bottleneck');
  /** The name being typed (null: the one the room knows). */
  const [name, setName] = useState<string | null>(null);
  const poll = state.poll;
  const { votes, answered } = useMemo(() => tally(state.participants), [state.participants]);
  const result = useMemo(
    () => (poll?.stage === 'answer' ? pollResult(model, analysis, poll.kind, state.participants) : null),
    [poll, model, analysis, state.participants],
  );

  return (
    <div className="live-bar" role="region" aria-label="Live room" data-testid="live-bar">
      <span className={`live-status ${state.status}`} data-testid="live-status">
        Live · {state.status}
        {state.viewOnly && ' · view only'}
      </span>
      <ul className="participants" aria-label="Who is here" data-testid="participants">
        {state.participants.map((p) => (
          <li key={p.id} style={{ borderColor: p.color }} data-testid="participant">
            <span className="dot" style={{ background: p.color }} />
            {p.name}
            {p.me && ' (you)'}
            {p.presenting && ' · presenting'}
            {p.viewOnly && ' · view only'}
            {!p.me && !p.presenting && presenter && p.following && ' · following'}
          </li>
        ))}
      </ul>
      <form
        className="live-name"
        onSubmit={(e) => {
          e.preventDefault();
          if (name !== null) live.setName(name);
        }}
      >
        <input
          aria-label="Your name in the room"
          value={name ?? me?.name ?? ''}
          placeholder="Your name"
          onChange={(e) => setName(e.target.value)}
          onBlur={() => {
            if (name !== null) live.setName(name);
            setName(null);
          }}
          data-testid="live-name"
        />
      </form>
      {iPresent ? (
        <button type="button" onClick={() => live.present(false)} data-testid="stop-presenting">
          Stop presenting
        </button>
      ) : (
        <button
          type="button"
          onClick={() => live.present(true)}
          title="Lead the room: followers' screens move with your Explain steps; you can run live polls"
          data-testid="present"
        >
          Present
        </button>
      )}
      {presenter && !iPresent && (
        <label className="follow" title="Your screen moves with the presenter's Explain steps">
          <input
            type="checkbox"
            checked={state.following}
            onChange={(e) => live.follow(e.target.checked)}
            data-testid="follow"
          />{' '}
          Follow {presenter.name}
        </label>
      )}
      {links && (
        <span className="live-links">
          <button type="button" onClick={() => void navigator.clipboard?.writeText(links.edit)}>
            Copy edit link
          </button>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(links.view)}>
            Copy view link
          </button>
        </span>
      )}
      <button type="button" onClick={onLeave} title="Leave the room: the map stays open here as a map of your own">
        Leave
      </button>
      {iPresent && !poll && (
        <span className="poll-open">
          <select value={kind} onChange={(e) => setKind(e.target.value as PredictKind)} aria-label="Poll question">
            {(Object.keys(QUESTIONS) as PredictKind[]).map((k) => (
              <option key={k} value={k}>
                {QUESTIONS[k]}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => live.setPoll({ id: crypto.randomUUID(), kind, stage: 'open' })}
            data-testid="poll-start"
          >
            Ask the room
          </button>
        </span>
      )}
      {poll && (
        <div className="poll" role="group" aria-label="Live poll" data-testid="poll">
          <strong>{QUESTIONS[poll.kind]}</strong>{' '}
          {poll.stage === 'open' && !iPresent && (
            <>
              Select them on the map, then{' '}
              <button
                type="button"
                onClick={() => live.answer(selection)}
                disabled={selection.length === 0}
                data-testid="poll-answer"
              >
                Send my answer ({plural(selection.length, 'component')})
              </button>
              {me?.answer && <span data-testid="poll-sent"> Sent: {me.answer.join(', ')}</span>}
            </>
          )}
          <span data-testid="poll-count">
            {' '}
            {answered} of {state.participants.filter((p) => !p.presenting).length} answered.
          </span>
          {poll.stage !== 'open' && (
            <span data-testid="poll-votes">
              {' '}
              Votes:{' '}
              {[...votes]
                .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                .map(([n, v]) => `${n} ${v}`)
                .join(', ') || 'none'}
              .
            </span>
          )}
          {iPresent && (
            <span className="poll-controls">
              {poll.stage === 'open' && (
                <button
                  type="button"
                  onClick={() => live.setPoll({ ...poll, stage: 'votes' })}
                  data-testid="poll-votes-show"
                >
                  Show the votes
                </button>
              )}
              {poll.stage !== 'answer' && (
                <button
                  type="button"
                  onClick={() => live.setPoll({ ...poll, stage: 'answer' })}
                  data-testid="poll-reveal"
                >
                  Reveal the answer
                </button>
              )}
              <button type="button" onClick={() => live.setPoll(null)} data-testid="poll-end">
                End the poll
              </button>
            </span>
          )}
          {result && (
            <div className="poll-result" data-testid="poll-result">
              <p>
                The room’s answer (picked by at least half): {result.group.join(', ') || 'nothing'}.{' '}
                <strong>
                  {plural(result.score.hits.length, 'hit')}, {result.score.misses.length} missed,{' '}
                  {plural(result.score.falseAlarms.length, 'false alarm')}.
                </strong>
              </p>
              <ScoreLists score={result.score} />
            </div>
          )}
        </div>
      )}
    </div>
  );
}

// A live room's link and what its participants share, as plain data: parsed and counted without
// the network or Yjs (live.ts joins the room). No React, no DOM.
import type { Analysis } from '../../analysis/index.js';
import { scorePrediction, type PredictKind, type PredictScore } from '../../learn/predict.js';
import type { MapModel } from '../../model/model.js';

/** A link to a live room: `#room=ID&token=T` (an edit or a view token). */
export interface RoomLink {
  readonly room: string;
  readonly token: string;
}

/** The room link in a URL fragment, or null when the fragment is not one. */
export function parseRoomFragment(hash: string): RoomLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const room = params.get('room');
  const token = params.get('token');
  const ok = (s: string | null): s is string => s !== null && /^[\w-]{8,64}$/.test(s);
  return ok(room) && ok(token) ? { room, token } : null;
}

/** Where a room link's server is: the page's own host, which `mapwright serve` serves. */
export function roomServerUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** A question the facilitator asks; everyone answers by selecting components on their own map. */
export interface Poll {
  readonly id: string;
  readonly kind: PredictKind;
  /** open: answering; votes: the votes are on the canvas; answer: the engine's answer too. */
  readonly stage: 'open' | 'votes' | 'answer';
}

/** Where the presenter is in Explain mode: followers' screens show the same. */
export interface ExplainPosition {
  readonly all: boolean;
  readonly i: number;
}

export interface Participant {
  readonly id: number;
  readonly name: string;
  readonly color: string;
  readonly selection: readonly string[];
  readonly viewOnly: boolean;
  readonly following: boolean;
  readonly presenting: boolean;
  readonly me: boolean;
  /** The participant's answer to the poll now open (null: not answered). */
  readonly answer: readonly string[] | null;
}

export interface LiveState {
  readonly status: 'connecting' | 'connected' | 'offline';
  readonly viewOnly: boolean;
  readonly participants: readonly Participant[];
  readonly presenter: Participant | null;
  /** The presenter's Explain step (null: not explaining). */
  readonly explain: ExplainPosition | null;
  /** The components the presenter highlights (a finding chosen, an Explain step), or null. */
  readonly highlight: readonly string[] | null;
  readonly poll: Poll | null;
  readonly following: boolean;
}

/** Votes per component: how many of those who answered picked it. */
export function tally(participants: readonly Participant[]): { votes: Map<string, number>; answered: number } {
  const votes = new Map<string, number>();
  let answered = 0;
  for (const p of participants) {
    if (!p.answer) continue;
    answered += 1;
    for (const n of new Set(p.answer)) votes.set(n, (votes.get(n) ?? 0) + 1);
  }
  return { votes, answered };
}

/** The group's answer: what at least half of those who answered picked. */
export function groupAnswer(votes: ReadonlyMap<string, number>, answered: number): string[] {
  return [...votes].filter(([, v]) => answered > 0 && v * 2 >= answered).map(([n]) => n);
}

/** A revealed poll: the room's answer (what at least half picked) scored against the engine's. */
export function pollResult(
  model: MapModel,
  analysis: Analysis,
  kind: PredictKind,
  participants: readonly Participant[],
): { group: string[]; score: PredictScore } {
  const { votes, answered } = tally(participants);
  const group = groupAnswer(votes, answered);
  return { group, score: scorePrediction(model, analysis, kind, group) };
}

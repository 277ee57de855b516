// A live room's link and its poll's counting (src/editor/room.ts): plain data, no network.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/analysis/index.js';
import {
  groupAnswer,
  parseRoomFragment,
  pollResult,
  roomServerUrl,
  tally,
  type Participant,
} from '../../src/editor/core/room.js';
import { parseMap } from '../../src/model/build/index.js';

const someone = (id: number, answer: string[] | null): Participant => ({
  id,
  name: `P${id}`,
  color: '#000',
  selection: [],
  viewOnly: false,
  following: true,
  presenting: false,
  me: false,
  answer,
});

describe('a room link', () => {
  it('is read from the fragment the server prints', () => {
    expect(parseRoomFragment('#room=AbC123_-xyzxyzxy&token=Tok3n_Tok3n-Tok3n')).toEqual({
      room: 'AbC123_-xyzxyzxy',
      token: 'Tok3n_Tok3n-Tok3n',
    });
  });

  it('is not a share link, a half link or one with odd characters', () => {
    for (const hash of [
      '',
      '#map=abc',
      '#room=abcdefghij',
      '#token=abcdefghij',
      '#room=a&token=b',
      '#room=ab<cdefghi&token=abcdefghij',
    ])
      expect(parseRoomFragment(hash), hash).toBeNull();
  });

  it('points at the page’s own server, secure when the page is', () => {
    expect(roomServerUrl({ protocol: 'http:', host: '127.0.0.1:1234' })).toBe('ws://127.0.0.1:1234');
    expect(roomServerUrl({ protocol: 'https:', host: 'maps.example' })).toBe('wss://maps.example');
  });
});

describe('a poll', () => {
  it('counts each participant’s answer once, and who has not answered not at all', () => {
    const { votes, answered } = tally([someone(1, ['A', 'B']), someone(2, ['A', 'A']), someone(3, null)]);
    expect(answered).toBe(2);
    expect(Object.fromEntries(votes)).toEqual({ A: 2, B: 1 });
  });

  it('takes as the room’s answer what at least half picked', () => {
    const votes = new Map([
      ['A', 3],
      ['B', 2],
      ['C', 1],
    ]);
    expect(groupAnswer(votes, 4).sort()).toEqual(['A', 'B']);
    expect(groupAnswer(new Map(), 0)).toEqual([]);
  });
});

describe('a revealed poll', () => {
  it('scores the room’s answer, with the engine’s reasons', () => {
    const model = parseMap(readFileSync(new URL('../../maps/unified-ai-ops.owm', import.meta.url), 'utf8'));
    const analysis = analyze(model);
    const answers = [['Centralized Platform'], ['Centralized Platform', 'MLOps'], ['Centralized Platform']];
    const { group, score } = pollResult(
      model,
      analysis,
      'bottleneck',
      answers.map((a, i) => someone(i, a)),
    );
    expect(group).toEqual(['Centralized Platform']);
    expect(score.kind).toBe('bottleneck');
    expect([...score.hits, ...score.falseAlarms].map((r) => r.name)).toEqual(group);
    for (const r of [...score.hits, ...score.misses, ...score.falseAlarms]) expect(r.why.length).toBeGreaterThan(10);
  });
});

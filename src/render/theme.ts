// The map styles (`style plain|wardley|colour|handwritten|dark`): colours and fonts only.
import type { StyleName } from '../model/model.js';

export interface Theme {
  readonly background: string;
  readonly grid: string;
  readonly axis: string;
  readonly text: string;
  readonly muted: string;
  readonly componentFill: string;
  readonly componentStroke: string;
  readonly anchorText: string;
  readonly link: string;
  readonly flow: string;
  readonly evolve: string;
  readonly inertia: string;
  readonly note: string;
  readonly pipeline: string;
  readonly build: string;
  readonly buy: string;
  readonly outsource: string;
  readonly market: string;
  readonly practice: string;
  readonly font: string;
  readonly stageFill: readonly [string, string, string, string];
  readonly highlight: string;
  readonly danger: string;
  readonly warning: string;
}

const base: Theme = {
  background: '#ffffff',
  grid: '#b8b8b8',
  axis: '#222222',
  text: '#111111',
  muted: '#666666',
  componentFill: '#ffffff',
  componentStroke: '#111111',
  anchorText: '#111111',
  link: '#9a9a9a',
  flow: '#2a62c9',
  evolve: '#d6453d',
  inertia: '#111111',
  note: '#111111',
  pipeline: '#111111',
  build: '#000000',
  buy: '#aaaaaa',
  outsource: '#444444',
  market: '#111111',
  practice: '#7a4fb5',
  font: 'Helvetica, Arial, sans-serif',
  stageFill: ['#ffffff', '#ffffff', '#ffffff', '#ffffff'],
  highlight: '#e07b00',
  danger: '#c62828',
  warning: '#b26a00',
};

export const THEMES: Readonly<Record<StyleName, Theme>> = {
  plain: base,
  wardley: {
    ...base,
    background: '#fcfbf7',
    grid: '#c9c1ae',
    stageFill: ['#f6f1e7', '#fcfbf7', '#f6f1e7', '#fcfbf7'],
    font: 'Georgia, "Times New Roman", serif',
  },
  colour: {
    ...base,
    componentFill: '#e9f3ff',
    componentStroke: '#1d5fbf',
    link: '#7d9cc9',
    stageFill: ['#fff3f3', '#fff9ec', '#f0fbf0', '#eef5ff'],
    build: '#c94d2b',
    buy: '#2b8ac9',
    outsource: '#6b2bc9',
  },
  // Caveat ships with the app (@fontsource/caveat), so the style looks the same on every machine.
  handwritten: { ...base, font: 'Caveat, "Comic Sans MS", "Segoe Print", cursive', grid: '#999999' },
  dark: {
    ...base,
    background: '#1e1f24',
    grid: '#4a4d57',
    axis: '#d8d8d8',
    text: '#eeeeee',
    muted: '#a0a0a0',
    componentFill: '#2b2d34',
    componentStroke: '#e8e8e8',
    anchorText: '#ffffff',
    link: '#80838c',
    flow: '#6fa0ff',
    note: '#eeeeee',
    pipeline: '#d8d8d8',
    inertia: '#eeeeee',
    build: '#eeeeee',
    buy: '#888888',
    outsource: '#bbbbbb',
    market: '#eeeeee',
    stageFill: ['#1e1f24', '#22242a', '#1e1f24', '#22242a'],
    highlight: '#ffb74d',
    danger: '#ff6b6b',
    warning: '#ffcc66',
  },
};

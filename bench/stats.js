// Timing helpers: medians of repeated runs (timings on these machines are noisy).
import { performance } from 'node:perf_hooks';

export function time(fn, runs, setup = () => {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    setup();
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)],
    p95: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))],
    min: samples[0],
  };
}

export const ms = (x) => `${x.toFixed(x < 1 ? 3 : 1)} ms`;

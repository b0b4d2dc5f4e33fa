// Small timing helpers shared by every benchmark. Benchmarks compare against a baseline measured in the
// same run on the same machine, so the ratio means something even on a noisy machine.
import { performance } from 'node:perf_hooks';

/** Median wall time of `fn` in milliseconds, after warm-up; runs until `minTime` ms or `maxRuns` runs. */
export async function measure(fn, { warmup = 3, minRuns = 7, maxRuns = 200, minTime = 1500 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  const started = performance.now();
  while (samples.length < minRuns || (performance.now() - started < minTime && samples.length < maxRuns)) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Runs ours and the baseline alternately (so drift hits both alike) and returns both medians. */
export async function compare(ours, baseline, options = {}) {
  const a = [];
  const b = [];
  for (let round = 0; round < 3; round++) {
    a.push(await measure(ours, options));
    b.push(await measure(baseline, options));
  }
  const median = (xs) => xs.sort((x, y) => x - y)[1];
  return { ours: median(a), baseline: median(b) };
}

/** A result row: `{ name, value, unit, baseline, ratio, goal }`. */
export function row(name, value, unit, baseline = null, goal = null) {
  const ratio = baseline ? Number((value / baseline).toFixed(3)) : null;
  return { name, value: Number(value.toFixed(3)), unit, baseline: baseline === null ? null : Number(baseline.toFixed(3)), ratio, goal };
}

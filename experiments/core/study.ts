/**
 * Studies: one setting over several seeds, or one parameter over a list of values (each value
 * over the same seeds). Pure: the plan of runs, and the statistics over finished runs that the
 * page, the command line and the bundle all report (mean, sample sd, bands over curves, and how
 * many seeds a claim holds in).
 */
import { judgeClaim, type Claim, type Verdict } from './claims';
import { ParamError, parseParam, unknownKeyError } from './params';
import type { ExperimentSpec, MetricPoint, ParamValue, Params } from './spec';

export const MAX_SEEDS = 20;
export const MAX_SWEEP_VALUES = 12;

export interface Summary {
  /** Finite values counted (a diverged run's NaN is left out and counted in `missing`). */
  n: number;
  missing: number;
  mean: number;
  /** Sample standard deviation (n - 1); 0 for one value, NaN for none. */
  sd: number;
  min: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  const v = values.filter(Number.isFinite);
  const n = v.length;
  if (n === 0) return { n, missing: values.length, mean: NaN, sd: NaN, min: NaN, max: NaN };
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { n, missing: values.length - n, mean, sd, min: Math.min(...v), max: Math.max(...v) };
}

/** "0.912 ± 0.031 (n = 3)": mean and sample sd. */
export function formatSummary(s: Summary, digits = 3): string {
  if (s.n === 0) return 'n/a';
  return `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)} (n = ${s.n}${s.missing ? `, ${s.missing} missing` : ''})`;
}

export interface Band {
  step: number[];
  mean: number[];
  /** mean - sd and mean + sd at each step. */
  lo: number[];
  hi: number[];
}

/**
 * Mean and sd of one metric across runs, at the steps every run reported (runs of one setting
 * report the same steps; a run that stopped early shortens the band rather than biasing it).
 */
export function band(histories: readonly MetricPoint[][], metric: string): Band {
  const out: Band = { step: [], mean: [], lo: [], hi: [] };
  if (!histories.length) return out;
  const byStep = histories.map((h) => new Map(h.map((p) => [p.step, p.metrics[metric]])));
  for (const p of histories[0]) {
    const vals = byStep.map((m) => m.get(p.step));
    if (vals.some((v) => v === undefined)) continue;
    const s = summarise(vals as number[]);
    if (s.n === 0) continue;
    out.step.push(p.step);
    out.mean.push(s.mean);
    out.lo.push(s.mean - s.sd);
    out.hi.push(s.mean + s.sd);
  }
  return out;
}

export interface Tally {
  claim: string;
  /** Seeds in which the claim holds, of those judged. */
  holds: number;
  n: number;
  verdicts: Verdict[];
  measured: Summary;
}

/** "Claim holds in k of N seeds". */
export function tallyClaim(claim: Claim, finals: readonly Record<string, number>[]): Tally {
  const j = finals.map((f) => judgeClaim(claim, f[claim.metric]));
  return {
    claim: claim.id,
    holds: j.filter((x) => x.verdict === 'holds').length,
    n: j.length,
    verdicts: j.map((x) => x.verdict),
    measured: summarise(j.map((x) => x.measured)),
  };
}

/** Seeds base, base + 1, ..., base + count - 1. */
export function seedList(base: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SEEDS)
    throw new ParamError('seeds', `an integer from 1 to ${MAX_SEEDS}`, JSON.stringify(count));
  return Array.from({ length: count }, (_, i) => base + i);
}

export interface Sweep {
  key: string;
  values: ParamValue[];
}

/** `key=v1,v2,...`, each value checked by the parameter's own table entry. */
export function parseSweep(spec: ExperimentSpec, raw: string): Sweep {
  const eq = raw.indexOf('=');
  if (eq <= 0)
    throw new ParamError(
      'sweep',
      'key=v1,v2,... (for example lr=0.001,0.003)',
      JSON.stringify(raw),
    );
  const key = raw.slice(0, eq).trim();
  const table = spec.params[key];
  if (!table) throw unknownKeyError(spec.params, key);
  if (key === 'seed')
    throw new ParamError(
      'sweep',
      'a parameter other than seed (use seeds for several seeds)',
      JSON.stringify(key),
    );
  const parts = raw
    .slice(eq + 1)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length < 2 || parts.length > MAX_SWEEP_VALUES)
    throw new ParamError(
      'sweep',
      `2 to ${MAX_SWEEP_VALUES} comma-separated values for ${key}`,
      `${parts.length} (${JSON.stringify(raw.slice(eq + 1))})`,
    );
  const values = parts.map((p) => parseParam(key, table, p));
  return { key, values };
}

export interface PlannedRun {
  /** Index in the plan; runs are executed in this order. */
  index: number;
  seed: number;
  /** The swept parameter's value, when sweeping. */
  value?: ParamValue;
  params: Params;
}

/** Every (value, seed) pair of a study, values outermost so a sweep's points finish one by one. */
export function planRuns(base: Params, seeds: number[], sweep?: Sweep): PlannedRun[] {
  const values: (ParamValue | undefined)[] = sweep ? sweep.values : [undefined];
  const out: PlannedRun[] = [];
  for (const value of values) {
    for (const seed of seeds) {
      const params: Params = { ...base, seed };
      if (sweep && value !== undefined) params[sweep.key] = value;
      out.push({ index: out.length, seed, ...(value !== undefined ? { value } : {}), params });
    }
  }
  return out;
}

export interface SweepPoint {
  value: ParamValue;
  summary: Summary;
}

/** A final metric against the swept value: mean and sd over the seeds of each value. */
export function sweepSummary(
  runs: readonly { value?: ParamValue; final: Record<string, number> | null }[],
  sweep: Sweep,
  metric: string,
): SweepPoint[] {
  return sweep.values.map((value) => ({
    value,
    summary: summarise(
      runs.filter((r) => r.value === value && r.final).map((r) => r.final![metric] ?? NaN),
    ),
  }));
}

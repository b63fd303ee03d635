/**
 * Studies, in two layers.
 * - The page's and the CLI's study: one setting over several seeds, or one parameter over a list
 *   of values (each over the same seeds). Pure: the plan of runs and the statistics over finished
 *   runs that the page, the command line and the bundle report (mean, sample sd, bands over
 *   curves, how many seeds a claim holds in).
 * - A spec's declared study (`StudyDecl`): the experiment is a list of arms, each a run of a unit
 *   experiment, reduced to study-level metrics its claims are judged on (first, last and trend
 *   along a sweep, deltas between settings, means over seeds). `studyTrainer` runs it as one
 *   ExperimentRun, so the Runner drives it on the page, in the CLI, in recordings and in tests alike.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { judgeClaim, type Claim, type Verdict } from './claims';
import { spearmanMatrix } from './metrics';
import { seedParam } from './common-params';
import { ParamError, parseParam, unknownKeyError } from './params';
import type {
  ExperimentRun,
  ExperimentSpec,
  MetricPoint,
  NumberParam,
  ParamTable,
  ParamValue,
  Params,
  ParamsOf,
  StepReport,
  Trainer,
  ViewData,
  ViewLimits,
  Views,
} from './spec';

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
  // Every seed of the study must be one the seed parameter accepts (bundles are checked against it).
  if (base + count - 1 > seedParam.max)
    throw new ParamError(
      'seeds',
      `at most ${seedParam.max - base + 1} from seed ${base} (the last seed at most ${seedParam.max})`,
      String(count),
    );
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
  const table = Object.hasOwn(spec.params, key) ? spec.params[key] : undefined;
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
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  if (twice !== undefined)
    throw new ParamError('sweep', `distinct values for ${key}`, `${String(twice)} twice`);
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

/**
 * A sweep's `from` and `to` within the range of the parameter they sweep (its own table entry),
 * so no arm asks the engine for what it cannot meet (a batch of 50,000).
 */
export function sweptRangeRules(
  swept: string,
  entry: NumberParam,
  p: { from: number; to: number },
): ParamError[] {
  return (['from', 'to'] as const)
    .filter((k) => p[k] < entry.min || p[k] > entry.max)
    .map(
      (k) => new ParamError(k, `a value of ${swept} in [${entry.min}, ${entry.max}]`, String(p[k])),
    );
}

/** One run of a declared study: the unit's parameters, and where the run sits in the study. */
export interface StudyArm<P = Params> {
  label: string;
  /** The setting the arm belongs to (a sweep point, a bar series); arms of one group differ only in their initialisation. */
  group: number;
  /** The swept value of the group, for a sweep. */
  value?: number;
  params: P;
}

/** What a unit run leaves for its study besides final metrics (learned atoms, codes on the test set). */
export type Artifacts = Record<string, Float32Array | Float64Array>;

export interface ArmOutcome<P = Params> {
  arm: StudyArm<P>;
  /** The unit run's final metrics (its last report and its end-of-run metrics). */
  final: Record<string, number>;
  artifacts: Artifacts;
}

/**
 * A declared study: the experiment is its arms, each a run of the unit experiment, trained one
 * after the other and reduced to study-level metrics. `T` is the study's parameter table, `U` the unit's.
 */
export interface StudyDecl<T extends ParamTable, U extends ParamTable> {
  /** The unit's trainer, loaded lazily like a spec's. */
  unit: () => Promise<Trainer<U>>;
  arms(p: ParamsOf<T>): StudyArm<ParamsOf<U>>[];
  /** Study-level metrics from the finished arms, in order (fewer than all while the study runs). */
  reduce(done: ArmOutcome<ParamsOf<U>>[], p: ParamsOf<T>): Record<string, number>;
  /** Chart data drawn from the finished arms (sweep lines, comparisons), keyed by chart id. */
  views?(done: ArmOutcome<ParamsOf<U>>[], p: ParamsOf<T>): Views;
  /** The unit's charts the study shows, of the last finished arm (labelled with the arm). */
  unitViews?: string[];
  /** Ask the unit runs for their artifacts (reductions that need more than final metrics). */
  artifacts?: boolean;
}

/** Mean of a final metric over the finished arms of each group, in group order: one value per setting. */
export function groupMeans(
  done: readonly ArmOutcome<unknown>[],
  metric: string,
): { group: number; value?: number; mean: number }[] {
  const groups = [...new Set(done.map((o) => o.arm.group))];
  return groups.map((g) => {
    const rs = done.filter((o) => o.arm.group === g);
    const v = rs.map((o) => o.final[metric] ?? NaN);
    return {
      group: g,
      value: rs[0].arm.value,
      mean: v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN,
    };
  });
}

/**
 * Along a sweep: the metric at the first and the last value (means over an arm's seeds) and its
 * trend, the Spearman correlation of value and metric (NaN with fewer than three finite points).
 * Keys: `metric/first_<as>`, `metric/last_<as>`, `metric/trend_<as>`.
 */
export function sweepReduce(
  done: readonly ArmOutcome<unknown>[],
  metric: string,
  as: string,
): Record<string, number> {
  const points = groupMeans(done, metric);
  const y = Float64Array.from(points, (p) => p.mean);
  const x = Float64Array.from(points, (p) => p.value ?? NaN);
  const trend =
    y.length >= 3 && y.every(Number.isFinite) && x.every(Number.isFinite)
      ? spearmanMatrix(x, y, y.length, 1, 1).data[0]
      : NaN;
  return {
    [`metric/first_${as}`]: y[0] ?? NaN,
    [`metric/last_${as}`]: y.at(-1) ?? NaN,
    [`metric/trend_${as}`]: trend,
  };
}

/** A line chart of final metrics against the swept value (one point per group, means over seeds). */
export function sweepLines(
  done: readonly ArmOutcome<unknown>[],
  series: readonly { metric: string; name: string }[],
): ViewData {
  const first = groupMeans(done, series[0]?.metric ?? '');
  return {
    kind: 'lines',
    x: first.map((p) => p.value ?? NaN),
    series: series.map((s) => ({ name: s.name, y: groupMeans(done, s.metric).map((p) => p.mean) })),
  };
}

/** The Trainer of a declared study: one ExperimentRun that trains the arms in turn. */
export async function studyTrainer<T extends ParamTable, U extends ParamTable>(
  decl: StudyDecl<T, U>,
): Promise<Trainer<T>> {
  const unit = await decl.unit();
  return {
    create: (tf, p) => new DeclaredStudyRun(tf, decl, unit, p),
    // The data of the first arm: what a reviewer needs to check one run of the study elsewhere.
    exportData: (p) => unit.exportData(decl.arms(p)[0].params),
  };
}

class DeclaredStudyRun<T extends ParamTable, U extends ParamTable> implements ExperimentRun {
  readonly totalSteps: number;
  private readonly arms: StudyArm<ParamsOf<U>>[];
  private readonly done: ArmOutcome<ParamsOf<U>>[] = [];
  private current?: { arm: StudyArm<ParamsOf<U>>; run: ExperimentRun; report?: StepReport };
  private next = 0;
  private last: Record<string, number> = {};
  private lastViews: Views = {};
  /** The limits of the last views call (the app's); the unit views of an arm are taken when it finishes. */
  private limits: ViewLimits = { points: 300, cells: 64 };

  constructor(
    private readonly tf: typeof TF,
    private readonly decl: StudyDecl<T, U>,
    private readonly unit: Trainer<U>,
    private readonly params: ParamsOf<T>,
  ) {
    this.arms = decl.arms(params);
    if (!this.arms.length) throw new Error('study: expected at least one arm, got none');
    // Every unit the studies use declares its training steps as `steps`.
    this.totalSteps = this.arms.reduce((s, a) => s + Number((a.params as Params).steps ?? 0), 0);
  }

  /** Progress through the study's budget: a finished arm counts all its steps, also when it stopped early (converged). */
  private stepsDone(): number {
    return (
      this.done.reduce((s, o) => s + Number((o.arm.params as Params).steps ?? 0), 0) +
      (this.current?.report?.step ?? 0)
    );
  }

  async advance(k: number): Promise<StepReport> {
    let budget = k;
    let measured = false; // advance(0) still measures the current arm, so the first report has a loss
    while ((budget > 0 || !measured) && (this.current || this.next < this.arms.length)) {
      measured = true;
      if (!this.current) {
        const arm = this.arms[this.next++];
        this.current = { arm, run: this.unit.create(this.tf, arm.params) };
      }
      const cur = this.current;
      const before = cur.report?.step ?? 0;
      cur.report = await cur.run.advance(budget);
      budget -= cur.report.step - before;
      this.last = { ...cur.report.metrics, 'metric/arm': this.next };
      if (cur.report.done) await this.finishArm(cur);
    }
    return {
      step: this.stepsDone(),
      metrics: this.last,
      done: !this.current && this.next >= this.arms.length,
    };
  }

  private async finishArm(cur: NonNullable<typeof this.current>): Promise<void> {
    try {
      const final = { ...cur.report!.metrics, ...(await cur.run.finalMetrics()) };
      const artifacts = this.decl.artifacts ? ((await cur.run.artifacts?.()) ?? {}) : {};
      if (this.decl.unitViews?.length) {
        const views = await cur.run.views(this.limits);
        this.lastViews = Object.fromEntries(
          this.decl.unitViews.flatMap((id) =>
            views[id] ? [[id, { ...views[id], of: cur.arm.label }]] : [],
          ),
        );
      }
      this.done.push({ arm: cur.arm, final, artifacts });
    } finally {
      cur.run.dispose();
      this.current = undefined;
    }
  }

  async views(limits: ViewLimits): Promise<Views> {
    this.limits = limits;
    return { ...this.lastViews, ...(this.decl.views?.(this.done, this.params) ?? {}) };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    return this.decl.reduce(this.done, this.params);
  }

  dispose(): void {
    this.current?.run.dispose();
    this.current = undefined;
  }
}

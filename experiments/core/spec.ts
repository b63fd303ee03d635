/**
 * The experiment contract. A spec declares everything once (parameters, metrics, charts,
 * presets, claims); the panel, URL codec, CLI and tests are all derived from it.
 * Specs import no TF.js: the trainer is loaded lazily through `load()`.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { Claim } from './claims';
import type { ParamError } from './params';
import type { Family } from './families';

export type ParamValue = number | string | boolean;
/** Parameters as the URL, the CLI and the panel carry them: any experiment's, untyped. */
export type Params = Record<string, ParamValue>;

interface ParamBase {
  label: string;
  /** One line: what the parameter does, in the paper's terms. */
  doc: string;
  /** The panel's box for the control; 'study' marks the parameters of a declared study (its arms), which the page shows in its study panel. */
  group?: string;
  /** Whether the parameter matters for the current setting (others are shown disabled). */
  when?: (p: Params) => boolean;
}
export interface NumberParam extends ParamBase {
  kind: 'number' | 'int';
  default: number;
  min: number;
  max: number;
  scale: 'lin' | 'log';
}
export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  default: string;
  choices: readonly string[];
}
export interface BoolParam extends ParamBase {
  kind: 'bool';
  default: boolean;
}
export type ParamSpec = NumberParam | ChoiceParam | BoolParam;
export type ParamTable = Record<string, ParamSpec>;

/**
 * The values a table declares: numbers, booleans and the exact choice strings. Tables are written
 * `as const satisfies ParamTable`, so a trainer reads `p.sources` as `'laplace' | 'uniform' | ...`
 * and `p.steps` as a number, with no cast and no second default.
 */
export type ParamsOf<T extends ParamTable> = { -readonly [K in keyof T]: ValueOf<T[K]> };
/** One entry's value type (distributes over a union, so an untyped table gives `ParamValue`). */
type ValueOf<S> = S extends { kind: 'choice'; choices: readonly (infer C)[] }
  ? C
  : S extends { kind: 'bool' }
    ? boolean
    : number;

export interface MetricSpec {
  label: string;
  /** A few words for the end of a reference line on a chart (default: the label). */
  short?: string;
  doc: string;
  better: 'higher' | 'lower' | 'none';
  /** May legitimately be NaN (undefined for this setting), e.g. an MCC over an empty subset. */
  optional?: boolean;
}

/** A chart's text: fixed, or read from the setting (e.g. the name of the swept parameter). */
export type Label = string | ((p: Params) => string);

/**
 * A chart, declared once: its title and axis titles live here only. A `view` chart draws the
 * trainer's `views()` entry of the same id, which carries data (and data's own labels: categories,
 * matched units) but no title.
 */
export type ChartSpec =
  | {
      kind: 'curves';
      id: string;
      title: string;
      metrics: string[];
      /** Metrics drawn as dashed reference lines (chance levels, floors). */
      references?: string[];
      yRange?: [number, number];
      logY?: boolean;
    }
  | {
      kind: 'view';
      id: string;
      title: Label;
      /** The kind of data the trainer gives for this chart. */
      view: ViewData['kind'];
      xTitle?: Label;
      yTitle?: Label;
      logX?: boolean;
      /** Colour range of a heat map (default [0, 1]). */
      zRange?: [number, number];
      /** Span the full width of the chart grid. */
      wide?: boolean;
    };

/** A chart's label at a setting. */
export const labelAt = (l: Label | undefined, p: Params): string =>
  typeof l === 'function' ? l(p) : (l ?? '');

export interface Preset<T extends ParamTable = ParamTable> {
  label: string;
  /** Why this preset exists: the paper's setting or the assumption it breaks. */
  reason: string;
  params: Partial<ParamsOf<T>>;
}

/** One logged point: the step and every metric at that step. */
export interface MetricPoint {
  step: number;
  metrics: Record<string, number>;
}

/** One panel of a scatter grid; its labels name data (which learned unit matched which latent). */
export interface ScatterPanel {
  title: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  y: number[];
}
/** What a trainer gives a `view` chart: data only (the chart's titles are the spec's). */
export type ViewData = (
  | { kind: 'scatter-grid'; panels: ScatterPanel[] }
  | { kind: 'bars'; categories: string[]; series: { name: string; values: number[] }[] }
  | { kind: 'lines'; x: number[]; series: { name: string; y: number[] }[] }
  | { kind: 'heatmap'; z: number[][]; xLabels: string[]; yLabels: string[] }
) & {
  /** Which part of a study the data shows, where a chart shows one part at a time (e.g. "system 2", "k = 12"). */
  of?: string;
};
/** A run's chart data, keyed by the spec's chart id. */
export type Views = Partial<Record<string, ViewData>>;

/** How much a view may hold: the app decides (points of a scatter panel, rows and columns of a heat map). */
export interface ViewLimits {
  points: number;
  cells: number;
}

export interface StepReport {
  step: number;
  metrics: Record<string, number>;
  /** True when the run has nothing left to do (step budget spent or converged). */
  done: boolean;
}

/** A live run of an experiment on one TF.js backend. Owns every tensor it creates. */
export interface ExperimentRun {
  readonly totalSteps: number;
  /** Advance up to `k` steps; metrics are read back once, after the last of them. */
  advance(k: number): Promise<StepReport>;
  /** Chart data of the current state (ground-truth recovery views), keyed by chart id, within the app's limits. */
  views(limits: ViewLimits): Promise<Views>;
  /** Metrics that are expensive and computed once at the end (e.g. Spearman MCC). */
  finalMetrics(): Promise<Record<string, number>>;
  /** After `finalMetrics`: arrays a declared study reduces over (learned atoms, test codes). */
  artifacts?(): Promise<Record<string, Float32Array | Float64Array>>;
  dispose(): void;
}

/** Generated data as a table, for `--export-data` and for reviewers. */
export interface DataTable {
  columns: string[];
  rows: number;
  /** Row-major [rows, columns.length]. */
  values: Float64Array;
  /**
   * The true generating parameters a reviewer needs to recompute a claim elsewhere (the mixing
   * matrix, the dictionary, the conditional's scales, the true effects), written as JSON beside
   * the CSV. Matrices are arrays of rows.
   */
  truth: Record<string, unknown>;
}

/** A row-major [rows, cols] array as an array of rows, for a DataTable's truth. */
export function rowsOf(values: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => values[r * cols + c]),
  );
}

export interface RunOptions {
  /**
   * Train with the straightforward implementation (autodiff, TF.js's per-variable Adam) where the
   * experiment has a hand-fused step: the benchmark's naive baseline and the tests' reference.
   * Experiments without a fused step ignore it.
   */
  reference?: boolean;
}

export interface Trainer<T extends ParamTable = ParamTable> {
  create(tf: typeof TF, params: ParamsOf<T>, options?: RunOptions): ExperimentRun;
  exportData(params: ParamsOf<T>): DataTable;
}

export interface ExperimentSpec<T extends ParamTable = ParamTable> {
  id: string;
  title: string;
  family: Family;
  summary: string;
  params: T;
  /**
   * Rules across parameters ("features a multiple of the group size"), each refusal naming the
   * control it belongs to. Run by `resolveParams`, so the panel marks them before Run, the URL
   * notice names them and the CLI exits 2.
   */
  check?(p: ParamsOf<T>): ParamError[];
  metrics: Record<string, MetricSpec>;
  /** The metric whose non-finite value means the run diverged. */
  lossMetric: string;
  charts: ChartSpec[];
  presets: Record<string, Preset<T>>;
  defaultPreset: string;
  claims: Claim[];
  /** Steps per tick the page starts with: 1 where each step is worth seeing (FastICA converges in a handful). */
  stepsPerTick?: number;
  /** Parameters that do not change the setting a claim speaks about (seed, display). */
  claimNeutralParams?: string[];
  /** Settings that break an identifiability theorem's assumption, marked next to the control. */
  assumptions?: Assumption<T>[];
  /**
   * A finished run that did not train, whatever its verdicts say (a contrastive encoder that ends
   * below the raw observations): why, in one sentence, or null. The page and the CLI flag it.
   */
  notConverged?(final: Readonly<Record<string, number>>, p: ParamsOf<T>): string | null;
  /** Floating-point operations of one training step at these parameters, for the benchmark's GFLOP/s. */
  flops?(p: ParamsOf<T>): number;
  load(): Promise<Trainer<T>>;
}

/** A spec with its table's types inferred: `defineSpec({ params: table, ... })`. */
export function defineSpec<const T extends ParamTable>(spec: ExperimentSpec<T>): ExperimentSpec<T> {
  return spec;
}

export interface Assumption<T extends ParamTable = ParamTable> {
  /** The control the mark sits next to. */
  param: string;
  /** True when the current setting breaks the assumption. */
  broken(p: ParamsOf<T>): boolean;
  /** What is lost, in one line (e.g. "Gaussian sources: ICA cannot identify these"). */
  text: string;
}

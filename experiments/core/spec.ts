/**
 * The experiment contract. A spec declares everything once (parameters, metrics, charts,
 * presets, claims); the panel, URL codec, CLI and tests are all derived from it.
 * Specs import no TF.js: the trainer is loaded lazily through `load()`.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { Claim } from './claims';

export type ParamValue = number | string | boolean;
export type Params = Record<string, ParamValue>;

interface ParamBase {
  label: string;
  /** One line: what the parameter does, in the paper's terms. */
  doc: string;
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

export interface MetricSpec {
  label: string;
  doc: string;
  better: 'higher' | 'lower' | 'none';
  /** May legitimately be NaN (undefined for this setting), e.g. an MCC over an empty subset. */
  optional?: boolean;
}

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
  | { kind: 'view'; id: string; title: string; /** Span the full width of the chart grid. */ wide?: boolean };

export interface Preset {
  label: string;
  /** Why this preset exists: the paper's setting or the assumption it breaks. */
  reason: string;
  params: Partial<Params>;
}

/** One logged point: the step and every metric at that step. */
export interface MetricPoint {
  step: number;
  metrics: Record<string, number>;
}

export interface ScatterPanel {
  title: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  y: number[];
}
export type View =
  | { kind: 'scatter-grid'; id: string; title: string; panels: ScatterPanel[] }
  | { kind: 'bars'; id: string; title: string; categories: string[]; series: { name: string; values: number[] }[]; yTitle: string }
  | { kind: 'lines'; id: string; title: string; xTitle: string; yTitle: string; x: number[]; series: { name: string; y: number[] }[]; logX?: boolean }
  | {
      kind: 'heatmap';
      id: string;
      title: string;
      z: number[][];
      xLabels: string[];
      yLabels: string[];
      zRange: [number, number];
      xTitle: string;
      yTitle: string;
    };

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
  /** Chart payloads of the current state (ground-truth recovery views). */
  views(): Promise<View[]>;
  /** Metrics that are expensive and computed once at the end (e.g. Spearman MCC). */
  finalMetrics(): Promise<Record<string, number>>;
  dispose(): void;
}

/** Generated data as a table, for `--export-data` and for reviewers. */
export interface DataTable {
  columns: string[];
  rows: number;
  /** Row-major [rows, columns.length]. */
  values: Float64Array;
}

export interface RunOptions {
  /**
   * Train with the straightforward implementation (autodiff, TF.js's per-variable Adam) where the
   * experiment has a hand-fused step: the benchmark's naive baseline and the tests' reference.
   * Experiments without a fused step ignore it.
   */
  reference?: boolean;
}

export interface Trainer {
  create(tf: typeof TF, params: Params, options?: RunOptions): ExperimentRun;
  exportData(params: Params): DataTable;
}

export interface ExperimentSpec {
  id: string;
  title: string;
  family: string;
  summary: string;
  params: ParamTable;
  metrics: Record<string, MetricSpec>;
  /** The metric whose non-finite value means the run diverged. */
  lossMetric: string;
  charts: ChartSpec[];
  presets: Record<string, Preset>;
  defaultPreset: string;
  claims: Claim[];
  /** Steps per tick the page starts with: 1 where each step is worth seeing (FastICA converges in a handful). */
  stepsPerTick?: number;
  /** Parameters that do not change the setting a claim speaks about (seed, display). */
  claimNeutralParams?: string[];
  /** Settings that break an identifiability theorem's assumption, marked next to the control. */
  assumptions?: Assumption[];
  load(): Promise<Trainer>;
}

export interface Assumption {
  /** The control the mark sits next to. */
  param: string;
  /** True when the current setting breaks the assumption. */
  broken: (p: Params) => boolean;
  /** What is lost, in one line (e.g. "Gaussian sources: ICA cannot identify these"). */
  text: string;
}

/**
 * The SAE family's run: one SAE (experiments/sae/arm.ts) trained, then its encoder scored against
 * per-sample inference and linear readouts, in and out of distribution. The lab runs it once; the
 * comparisons, sweeps and the alignment study (studies.ts) run it once per arm.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { dictionaryRecovery, spreadOverAtoms } from '../core/dictionary';
import type {
  ExperimentRun,
  RunOptions,
  StepReport,
  Trainer,
  ViewData,
  ViewLimits,
  Views,
} from '../core/spec';
import { Arm, type ArmResult } from './arm';
import { generate, reproject, toTable, type SparseData } from './data';
import type { SaeParams, SaeTable } from './params';

const METHOD_LABELS = [
  'SAE encoder',
  'FISTA, SAE dictionary',
  'FISTA, oracle dictionary',
  'MP, oracle dictionary',
  'Linear probe (supervised)',
  'Pseudo-inverse, oracle',
];

/** |cos| heat map of true atoms against their matched learned atoms (then the unmatched ones), at most `cells` a side. */
export function cosineView(
  r: Pick<ArmResult, 'dict'>,
  features: number,
  width: number,
  cells: number,
  of?: string,
): ViewData {
  const { cos, matchOfTrue } = r.dict;
  const rows = Math.min(features, cells);
  const matched = Array.from(matchOfTrue.slice(0, rows)).filter((j) => j >= 0);
  const rest = Array.from({ length: width }, (_, j) => j).filter((j) => !matched.includes(j));
  const cols = [...matched, ...rest].slice(0, cells);
  return {
    kind: 'heatmap',
    z: Array.from({ length: rows }, (_, i) => cols.map((j) => cos.data[i * width + j])),
    xLabels: cols.map((j) => `a${j}`),
    yLabels: Array.from({ length: rows }, (_, i) => `f${i}`),
    ...(of ? { of } : {}),
  };
}

export function bestCosineHistogram(best: Float64Array): ViewData {
  const bins = 10;
  const counts = new Array<number>(bins).fill(0);
  for (const v of best) counts[Math.min(bins - 1, Math.floor(v * bins))]++;
  return {
    kind: 'bars',
    categories: counts.map((_, i) => `${(i / bins).toFixed(1)}-${((i + 1) / bins).toFixed(1)}`),
    series: [{ name: 'learned atoms', values: counts }],
  };
}

/** The data of a run: the seed's, or the same codes held by a second random dictionary (`projection`). */
export function dataOf(p: SaeParams): SparseData {
  const one = generate(p, p.seed);
  if (p.projection === 'first') return one;
  const other = reproject(one, p.seed, 'system-2');
  return { ...one, dict: other.dict, train: other.train, testId: other.testId, testOod: undefined };
}

/** Atoms per true feature (|cos| >= 0.5, live atoms only): 1 when one-to-one. */
function spread(r: ArmResult, width: number): number {
  const live = Array.from({ length: width }, (_, j) =>
    r.codesId.some((v, i) => i % width === j && v !== 0),
  );
  return spreadOverAtoms(r.dict.cos, live);
}

function liveMetrics(arm: Arm): Record<string, number> {
  return { ...arm.last };
}

/** The recovery lab: one SAE, then its encoder against per-sample inference and linear readouts. */
class RecoveryRun implements ExperimentRun {
  readonly totalSteps: number;
  private readonly arm: Arm;
  private result?: ArmResult;
  private dictLive?: ReturnType<typeof dictionaryRecovery>;

  constructor(tf: typeof TF, params: SaeParams, options: RunOptions = {}) {
    this.arm = new Arm(tf, dataOf(params), params, params.seed + params.init, options.reference);
    this.totalSteps = this.arm.opts.steps;
  }

  async advance(k: number): Promise<StepReport> {
    await this.arm.train(k);
    this.dictLive = await this.arm.dictionaryRecovery();
    return {
      step: this.arm.step,
      metrics: { ...liveMetrics(this.arm), 'metric/dict_mmc': this.dictLive.meanMaxCos },
      done: this.arm.done,
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    const r = (this.result ??= await this.arm.evaluate());
    const nan = {
      sae: NaN,
      fistaLearned: NaN,
      fistaOracle: NaN,
      mpOracle: NaN,
      probe: NaN,
      pinvOracle: NaN,
    };
    const ood = r.ood ?? nan;
    return {
      'metric/dict_mmc': r.dict.meanMaxCos,
      'metric/dict_matched': r.dict.matchedCos,
      'metric/fvu': r.fvu,
      'metric/l0': r.l0,
      'metric/dead': r.dead,
      'metric/duplicates': r.duplicates,
      'metric/polysemantic': r.polysemantic,
      'metric/mcc_sae_id': r.id.sae,
      'metric/mcc_fista_learned_id': r.id.fistaLearned,
      'metric/mcc_fista_oracle_id': r.id.fistaOracle,
      'metric/mcc_mp_oracle_id': r.id.mpOracle,
      'metric/probe_id': r.id.probe,
      'metric/pinv_oracle_id': r.id.pinvOracle,
      'metric/mcc_sae_ood': ood.sae,
      'metric/mcc_fista_learned_ood': ood.fistaLearned,
      'metric/mcc_fista_oracle_ood': ood.fistaOracle,
      'metric/probe_ood': ood.probe,
      'metric/amortisation_gap_id': r.id.fistaLearned - r.id.sae,
      'metric/ood_drop_sae': r.id.sae - ood.sae,
      'metric/oracle_gap_ood': ood.fistaOracle - ood.sae,
      'metric/dictionary_gap_ood': ood.fistaOracle - ood.fistaLearned,
      'metric/selectivity_sae': r.selectivitySae,
      'metric/selectivity_neurons': r.selectivityNeurons,
      'metric/spread': spread(r, this.arm.opts.width),
    };
  }

  /** For the studies: the learned atoms (observation space), and the codes, observations and true codes of the ID test set. */
  async artifacts(): Promise<Record<string, Float32Array | Float64Array>> {
    const r = (this.result ??= await this.arm.evaluate());
    const { testId } = this.arm.data;
    return { atoms: r.atoms, codes: r.codesId, x: testId.x, z: testId.z };
  }

  async views(limits: ViewLimits): Promise<Views> {
    const { features } = this.arm.data;
    const width = this.arm.opts.width;
    const dict = this.result?.dict ?? this.dictLive ?? (await this.arm.dictionaryRecovery());
    const views: Views = {
      cosine: cosineView({ dict }, features, width, limits.cells),
      'best-cos': bestCosineHistogram(dict.bestPerLearned),
    };
    const r = this.result;
    if (r) {
      const vals = (s: ArmResult['id']) => [
        s.sae,
        s.fistaLearned,
        s.fistaOracle,
        s.mpOracle,
        s.probe,
        s.pinvOracle,
      ];
      views.methods = {
        kind: 'bars',
        categories: METHOD_LABELS,
        series: [
          { name: 'in distribution', values: vals(r.id) },
          ...(r.ood ? [{ name: 'out of distribution', values: vals(r.ood) }] : []),
        ],
      };
      views.selectivity = {
        kind: 'bars',
        categories: ['input coordinates ("neurons")', 'SAE latents'],
        series: [{ name: 'mean over units', values: [r.selectivityNeurons, r.selectivitySae] }],
      };
    }
    return views;
  }

  dispose(): void {
    this.arm.dispose();
  }
}

export const recoveryTrainer: Trainer<SaeTable> = {
  create: (tf, p, o) => new RecoveryRun(tf, p, o),
  exportData: (p) => toTable(dataOf(p)),
};

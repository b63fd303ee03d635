/**
 * The SAE family's runs. Each is a list of arms (experiments/sae/arm.ts) trained one after the
 * other: the recovery lab has one; a comparison has two settings times a few seeds; a sweep has
 * one per value of the swept parameter; the alignment study has one per system.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { mcc, spearmanMatrix } from '../core/metrics';
import {
  dictionaryAgreement,
  dictionaryRecovery,
  linearCka,
  rsa,
  spreadOverAtoms,
} from '../core/dictionary';
import type {
  ExperimentRun,
  RunOptions,
  StepReport,
  Trainer,
  ViewData,
  ViewLimits,
  Views,
} from '../core/spec';
import { Arm, type ArmParams, type ArmResult } from './arm';
import { generate, reproject, toTable, type SparseData } from './data';
import type { SaeParams, SaeTable } from './params';
import {
  sweepPoint,
  sweepValues,
  type CompareParams,
  type CompareTable,
  type SweepParams,
  type SweepTable,
} from './spec';

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
    const data = generate(params, params.seed);
    this.arm = new Arm(tf, data, params, params.seed, options.reference);
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
    };
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

/** A study: arms trained one after another, each scored when done. */
interface ArmPlan {
  label: string;
  /** Index of the setting (bar series / sweep point) the arm belongs to. */
  group: number;
  params: ArmParams;
  seed: number;
  data: () => SparseData;
}

abstract class StudyRun<P> implements ExperimentRun {
  readonly totalSteps: number;
  protected readonly results: { plan: ArmPlan; result: ArmResult }[] = [];
  private current?: { plan: ArmPlan; arm: Arm };
  private next = 0;
  private last: Record<string, number> = {};

  constructor(
    protected readonly tf: typeof TF,
    protected readonly params: P,
    protected readonly plans: ArmPlan[],
  ) {
    this.totalSteps = plans.reduce((s, p) => s + p.params.steps, 0);
  }

  private get stepsDone(): number {
    return (
      this.results.reduce((s, r) => s + r.plan.params.steps, 0) + (this.current?.arm.step ?? 0)
    );
  }

  async advance(k: number): Promise<StepReport> {
    let budget = k;
    let measured = false; // advance(0) still measures the current arm, so the first report has a loss
    while ((budget > 0 || !measured) && (this.current || this.next < this.plans.length)) {
      measured = true;
      if (!this.current) {
        const plan = this.plans[this.next++];
        this.current = { plan, arm: new Arm(this.tf, plan.data(), plan.params, plan.seed) };
      }
      const { arm, plan } = this.current;
      const before = arm.step;
      await arm.train(budget);
      budget -= arm.step - before;
      this.last = { ...liveMetrics(arm), 'metric/arm': this.next };
      if (arm.done) {
        this.results.push({ plan, result: await arm.evaluate() });
        arm.dispose();
        this.current = undefined;
      }
    }
    return {
      step: this.stepsDone,
      metrics: this.last,
      done: !this.current && this.next >= this.plans.length,
    };
  }

  abstract finalMetrics(): Promise<Record<string, number>>;
  abstract views(limits: ViewLimits): Promise<Views>;

  dispose(): void {
    this.current?.arm.dispose();
    this.current = undefined;
  }
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Two settings (A, B) times `seedsPerArm` initialisations on the same data. */
class CompareRun extends StudyRun<CompareParams> {
  constructor(tf: typeof TF, params: CompareParams) {
    const settings: ArmParams[] =
      params.compare === 'whitening'
        ? [
            { ...params, whiten: false },
            { ...params, whiten: true },
          ]
        : [params, { ...params, variant: params.variantB }];
    const data = generate(params, params.seed);
    const plans: ArmPlan[] = [];
    settings.forEach((s, g) => {
      for (let i = 0; i < params.seedsPerArm; i++)
        plans.push({
          label: `${armName(params, g)} seed ${i}`,
          group: g,
          params: s,
          seed: params.seed + 1000 * i + 1,
          data: () => data,
        });
    });
    super(tf, params, plans);
  }

  private group(g: number): ArmResult[] {
    return this.results.filter((r) => r.plan.group === g).map((r) => r.result);
  }

  private summary(g: number) {
    const rs = this.group(g);
    const width = this.params.width;
    return {
      dict: mean(rs.map((r) => r.dict.matchedCos)),
      mcc: mean(rs.map((r) => r.id.sae)),
      fvu: mean(rs.map((r) => r.fvu)),
      agreement: dictionaryAgreement(
        rs.map((r) => r.atoms),
        width,
        this.params.dim,
      ),
      dead: mean(rs.map((r) => r.dead)),
    };
  }

  async finalMetrics(): Promise<Record<string, number>> {
    const a = this.summary(0);
    const b = this.summary(1);
    return {
      'metric/a_dict': a.dict,
      'metric/b_dict': b.dict,
      'metric/a_mcc': a.mcc,
      'metric/b_mcc': b.mcc,
      'metric/a_fvu': a.fvu,
      'metric/b_fvu': b.fvu,
      'metric/a_agreement': a.agreement,
      'metric/b_agreement': b.agreement,
      'metric/delta_dict': b.dict - a.dict,
      'metric/delta_mcc': b.mcc - a.mcc,
      'metric/delta_fvu': b.fvu - a.fvu,
      'metric/delta_agreement': b.agreement - a.agreement,
    };
  }

  async views(limits: ViewLimits): Promise<Views> {
    const names = [armName(this.params, 0), armName(this.params, 1)];
    const s = [this.summary(0), this.summary(1)];
    const views: Views = {
      compare: {
        kind: 'bars',
        categories: [
          'dictionary (matched |cos|)',
          'code MCC',
          'agreement across seeds',
          'FVU (lower is better)',
        ],
        series: names.map((name, g) => ({
          name,
          values: [s[g].dict, s[g].mcc, s[g].agreement, s[g].fvu],
        })),
      },
    };
    const lastDone = this.results.at(-1);
    if (lastDone)
      views.cosine = cosineView(
        lastDone.result,
        this.params.features,
        this.params.width,
        limits.cells,
        lastDone.plan.label,
      );
    return views;
  }
}

export function armName(
  p: Pick<CompareParams, 'compare' | 'variant' | 'variantB'>,
  g: number,
): string {
  if (p.compare === 'whitening')
    return g === 0 ? `${p.variant}, raw inputs` : `${p.variant}, whitened inputs`;
  return g === 0 ? p.variant : p.variantB;
}

const SWEEP_SERIES = [
  ['mcc_sae', 'SAE encoder MCC'],
  ['dict_matched', 'dictionary (matched |cos|)'],
  ['fista_oracle', 'FISTA, oracle dictionary MCC'],
  ['probe', 'linear probe (supervised)'],
  ['polysemantic', 'polysemantic atoms (fraction)'],
  ['spread', 'atoms per true feature (|cos| >= 0.5)'],
] as const;

/** Atoms per true feature (|cos| >= 0.5, live atoms only): 1 when one-to-one. */
function spread(r: ArmResult, width: number): number {
  const live = Array.from({ length: width }, (_, j) =>
    r.codesId.some((v, i) => i % width === j && v !== 0),
  );
  return spreadOverAtoms(r.dict.cos, live);
}

class SweepRun extends StudyRun<SweepParams> {
  readonly values: number[];

  constructor(tf: typeof TF, params: SweepParams) {
    const values = sweepValues(params);
    const plans = values.map((v, g): ArmPlan => {
      const p = sweepPoint(params, v);
      return {
        label: `${params.sweep} = ${v}`,
        group: g,
        params: p,
        seed: params.seed,
        data: () => generate(p, params.seed),
      };
    });
    super(tf, params, plans);
    this.values = values;
  }

  private series(): Record<string, number[]> {
    const width = this.params.width;
    const out: Record<string, number[]> = {};
    for (const [key] of SWEEP_SERIES) out[key] = [];
    for (const { result: r } of this.results) {
      out.mcc_sae.push(r.id.sae);
      out.dict_matched.push(r.dict.matchedCos);
      out.fista_oracle.push(r.id.fistaOracle);
      out.probe.push(r.id.probe);
      out.polysemantic.push(r.polysemantic);
      out.spread.push(spread(r, width));
    }
    return out;
  }

  async finalMetrics(): Promise<Record<string, number>> {
    const s = this.series();
    const x = Float64Array.from(this.values.slice(0, this.results.length));
    const out: Record<string, number> = {};
    for (const [key] of SWEEP_SERIES) {
      const y = Float64Array.from(s[key]);
      out[`metric/first_${key}`] = y[0] ?? NaN;
      out[`metric/last_${key}`] = y.at(-1) ?? NaN;
      out[`metric/trend_${key}`] =
        y.length >= 3 && y.every(Number.isFinite)
          ? spearmanMatrix(x, y, y.length, 1, 1).data[0]
          : NaN;
    }
    return out;
  }

  async views(limits: ViewLimits): Promise<Views> {
    const s = this.series();
    const x = this.values.slice(0, this.results.length);
    const views: Views = {
      'sweep-recovery': {
        kind: 'lines',
        x,
        series: SWEEP_SERIES.slice(0, 4).map(([k, name]) => ({ name, y: s[k] })),
      },
      'sweep-structure': {
        kind: 'lines',
        x,
        series: SWEEP_SERIES.slice(4).map(([k, name]) => ({ name, y: s[k] })),
      },
    };
    const last = this.results.at(-1);
    if (last)
      views.cosine = cosineView(
        last.result,
        this.params.features,
        this.params.width,
        limits.cells,
        last.plan.label,
      );
    return views;
  }
}

/** Two systems hold the same sparse codes through different random dictionaries; one SAE each. */
class AlignmentRun extends StudyRun<SaeParams> {
  private readonly sys: [SparseData, SparseData];

  constructor(tf: typeof TF, params: SaeParams) {
    const seed = params.seed;
    const one = generate(params, seed);
    const other = reproject(one, seed, 'system-2');
    const two: SparseData = {
      ...one,
      dict: other.dict,
      train: other.train,
      testId: other.testId,
      testOod: undefined,
    };
    super(tf, params, [
      { label: 'system 1', group: 0, params, seed, data: () => one },
      { label: 'system 2', group: 1, params, seed: seed + 1, data: () => two },
    ]);
    this.sys = [one, two];
  }

  async finalMetrics(): Promise<Record<string, number>> {
    const [a, b] = this.sys;
    const n = a.testId.n;
    const d = a.dim;
    const w = this.params.width;
    const [ra, rb] = this.results.map((r) => r.result);
    const codesA = Float64Array.from(ra.codesId);
    const codesB = Float64Array.from(rb.codesId);
    const raw = {
      cka: linearCka(a.testId.x, b.testId.x, n, d, d),
      rsa: rsa(a.testId.x, b.testId.x, n, d, d),
      units: mcc(a.testId.x, b.testId.x, n, d, d).mcc,
    };
    const sae = {
      cka: linearCka(codesA, codesB, n, w, w),
      rsa: rsa(codesA, codesB, n, w, w),
      units: mcc(codesA, codesB, n, w, w).mcc,
    };
    return {
      'metric/cka_raw': raw.cka,
      'metric/rsa_raw': raw.rsa,
      'metric/units_raw': raw.units,
      'metric/cka_sae': sae.cka,
      'metric/rsa_sae': sae.rsa,
      'metric/units_sae': sae.units,
      'metric/cka_gain': sae.cka - raw.cka,
      'metric/rsa_gain': sae.rsa - raw.rsa,
      'metric/units_gain': sae.units - raw.units,
      'metric/cka_true': linearCka(a.testId.z, b.testId.z, n, a.features, a.features),
      'metric/mcc_sae_1': ra.id.sae,
      'metric/mcc_sae_2': rb.id.sae,
    };
  }

  async views(limits: ViewLimits): Promise<Views> {
    const { features, width } = this.params;
    if (this.results.length < 2)
      return this.results.length
        ? { cosine: cosineView(this.results[0].result, features, width, limits.cells, 'system 1') }
        : {};
    const m = await this.finalMetrics();
    return {
      alignment: {
        kind: 'bars',
        categories: ['linear CKA', 'RSA (Euclidean RDMs)', 'matched unit |corr|'],
        series: [
          {
            name: 'raw activations',
            values: [m['metric/cka_raw'], m['metric/rsa_raw'], m['metric/units_raw']],
          },
          {
            name: 'SAE features',
            values: [m['metric/cka_sae'], m['metric/rsa_sae'], m['metric/units_sae']],
          },
        ],
      },
      cosine: cosineView(this.results[1].result, features, width, limits.cells, 'system 2'),
    };
  }
}

const dataOnly = (p: SaeParams) => toTable(generate(p, p.seed));

export const recoveryTrainer: Trainer<SaeTable> = {
  create: (tf, p, o) => new RecoveryRun(tf, p, o),
  exportData: dataOnly,
};
export const compareTrainer: Trainer<CompareTable> = {
  create: (tf, p) => new CompareRun(tf, p),
  exportData: dataOnly,
};
export const sweepTrainer: Trainer<SweepTable> = {
  create: (tf, p) => new SweepRun(tf, p),
  exportData: dataOnly,
};
export const alignmentTrainer: Trainer<SaeTable> = {
  create: (tf, p) => new AlignmentRun(tf, p),
  exportData: dataOnly,
};

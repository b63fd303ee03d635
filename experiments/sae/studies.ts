/**
 * The SAE family's declared studies: each arm is one run of the recovery lab (train.ts), and the
 * arms reduce to the metrics the claims are judged on. Pure (no TF.js): the core study runner
 * (experiments/core/study.ts) trains the arms.
 */
import { dictionaryAgreement, linearCka, rsa } from '../core/dictionary';
import { mcc } from '../core/metrics';
import { sweepLines, sweepReduce, type ArmOutcome, type StudyDecl } from '../core/study';
import type { ParamTable, ParamsOf, Views } from '../core/spec';
import type { SaeParams, SaeTable } from './params';

const unit = () => import('./train').then((m) => m.recoveryTrainer);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Two SAE settings (variants, or raw against whitened inputs) times a few initialisations on the same data. */
export interface CompareSetting {
  compare: 'variant' | 'whitening';
  variantB: SaeParams['variant'];
  seedsPerArm: number;
}

export function armName(
  p: Pick<SaeParams, 'variant'> & Pick<CompareSetting, 'compare' | 'variantB'>,
  g: number,
): string {
  if (p.compare === 'whitening')
    return g === 0 ? `${p.variant}, raw inputs` : `${p.variant}, whitened inputs`;
  return g === 0 ? p.variant : p.variantB;
}

export function compareStudy<T extends ParamTable>(): StudyDecl<T, SaeTable> {
  type P = ParamsOf<T> & SaeParams & CompareSetting;
  const summary = (done: ArmOutcome<SaeParams>[], p: SaeParams, g: number) => {
    const rs = done.filter((o) => o.arm.group === g);
    return {
      dict: mean(rs.map((o) => o.final['metric/dict_matched'])),
      mcc: mean(rs.map((o) => o.final['metric/mcc_sae_id'])),
      fvu: mean(rs.map((o) => o.final['metric/fvu'])),
      agreement: dictionaryAgreement(
        rs.map((o) => o.artifacts.atoms),
        p.width,
        p.dim,
      ),
    };
  };
  return {
    unit,
    artifacts: true,
    unitViews: ['cosine'],
    arms: (q) => {
      const p = q as P;
      const settings: SaeParams[] =
        p.compare === 'whitening'
          ? [
              { ...p, whiten: false },
              { ...p, whiten: true },
            ]
          : [p, { ...p, variant: p.variantB }];
      // Initialisations seed + init + 1000 i + 1: the data stays the seed's.
      return settings.flatMap((s, g) =>
        Array.from({ length: p.seedsPerArm }, (_, i) => ({
          label: `${armName(p, g)} seed ${i}`,
          group: g,
          params: { ...s, init: p.init + 1000 * i + 1 },
        })),
      );
    },
    reduce: (done, q) => {
      const p = q as P;
      const [a, b] = [summary(done, p, 0), summary(done, p, 1)];
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
    },
    views: (done, q) => {
      const p = q as P;
      const s = [summary(done, p, 0), summary(done, p, 1)];
      return {
        compare: {
          kind: 'bars',
          categories: [
            'dictionary (matched |cos|)',
            'code MCC',
            'agreement across seeds',
            'FVU (lower is better)',
          ],
          series: [0, 1].map((g) => ({
            name: armName(p, g),
            values: [s[g].dict, s[g].mcc, s[g].agreement, s[g].fvu],
          })),
        },
      };
    },
  };
}

/** One arm per value of a swept property of the data. */
export interface SweepSetting {
  sweep: 'k' | 'cooccur' | 'rho';
  from: number;
  to: number;
  points: number;
}

/** Values of the swept parameter: `points` values from `from` to `to` (integers for k). */
export function sweepValues(p: SweepSetting): number[] {
  const vals = Array.from(
    { length: p.points },
    (_, i) => p.from + ((p.to - p.from) * i) / (p.points - 1),
  );
  return p.sweep === 'k' ? [...new Set(vals.map((v) => Math.round(v)))] : vals;
}

/** The parameters of one sweep point: the swept value, and for k the SAE's k with it. */
export function sweepPoint<P extends SaeParams & SweepSetting>(p: P, v: number): P {
  return { ...p, [p.sweep]: v, ...(p.sweep === 'k' ? { saeK: v } : {}) };
}

/** The sweep's series: study metric suffix, the unit's final metric, the chart's name. */
const SWEEP_SERIES = [
  ['mcc_sae', 'metric/mcc_sae_id', 'SAE encoder MCC'],
  ['dict_matched', 'metric/dict_matched', 'dictionary (matched |cos|)'],
  ['fista_oracle', 'metric/mcc_fista_oracle_id', 'FISTA, oracle dictionary MCC'],
  ['probe', 'metric/probe_id', 'linear probe (supervised)'],
  ['polysemantic', 'metric/polysemantic', 'polysemantic atoms (fraction)'],
  ['spread', 'metric/spread', 'atoms per true feature (|cos| >= 0.5)'],
] as const;

export function sweepStudy<T extends ParamTable>(): StudyDecl<T, SaeTable> {
  type P = ParamsOf<T> & SaeParams & SweepSetting;
  const lines = (done: ArmOutcome<SaeParams>[], from: number, to: number) =>
    sweepLines(
      done,
      SWEEP_SERIES.slice(from, to).map(([, metric, name]) => ({ metric, name })),
    );
  return {
    unit,
    unitViews: ['cosine'],
    arms: (q) => {
      const p = q as P;
      return sweepValues(p).map((v, g) => ({
        label: `${p.sweep} = ${v}`,
        group: g,
        value: v,
        params: sweepPoint(p, v),
      }));
    },
    reduce: (done) =>
      Object.assign({}, ...SWEEP_SERIES.map(([as, metric]) => sweepReduce(done, metric, as))),
    views: (done): Views => ({
      'sweep-recovery': lines(done, 0, 4),
      'sweep-structure': lines(done, 4, 6),
    }),
  };
}

/** Two systems hold the same sparse codes through different random dictionaries; one SAE each. */
export function alignmentStudy<T extends ParamTable>(): StudyDecl<T, SaeTable> {
  type P = ParamsOf<T> & SaeParams;
  const reduce = (done: ArmOutcome<SaeParams>[], p: SaeParams): Record<string, number> => {
    const [ra, rb] = done;
    if (!ra || !rb) return {};
    const n = p.testSamples;
    const [d, w, f] = [p.dim, p.width, p.features];
    const codesA = Float64Array.from(ra.artifacts.codes);
    const codesB = Float64Array.from(rb.artifacts.codes);
    const [xa, xb] = [ra.artifacts.x, rb.artifacts.x];
    const raw = {
      cka: linearCka(xa, xb, n, d, d),
      rsa: rsa(xa, xb, n, d, d),
      units: mcc(xa, xb, n, d, d).mcc,
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
      'metric/cka_true': linearCka(ra.artifacts.z, rb.artifacts.z, n, f, f),
      'metric/mcc_sae_1': ra.final['metric/mcc_sae_id'],
      'metric/mcc_sae_2': rb.final['metric/mcc_sae_id'],
    };
  };
  return {
    unit,
    artifacts: true,
    unitViews: ['cosine'],
    arms: (q) => {
      const p = q as P;
      return [
        { label: 'system 1', group: 0, params: { ...p, projection: 'first' } },
        { label: 'system 2', group: 1, params: { ...p, projection: 'second', init: p.init + 1 } },
      ];
    },
    reduce: (done, q) => reduce(done, q as P),
    views: (done, q): Views => {
      if (done.length < 2) return {};
      const m = reduce(done, q as P);
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
      };
    },
  };
}

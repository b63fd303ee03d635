/**
 * Calibration records: every claimed preset run at seeds 0..N-1 by `npm run calibrate`, one
 * committed JSON per preset (src/calibrated/<experiment>--<preset>.json) with the final metrics
 * of every seed and, per claim, how often it gave its shipped verdict and how far its threshold
 * lies from the mean in sd.
 *
 * The shipping rule: a claim ships with a plain verdict only if it gave that verdict at every
 * calibration seed and its threshold lies at least SHIPPING_SD sd from the mean over the seeds.
 * Otherwise its preset is made robust, or it is declared seed-dependent (`Claim.seedDependent`),
 * and the page and the CLI show its k of N from this record.
 */
import { z } from 'zod';
import { describeCondition, judgeClaim, shippedVerdict, type Claim } from './claims';
import { resolveParams } from './params';
import { recordingFile } from './recording';
import { summarise } from './study';
import type { ExperimentSpec, ParamValue } from './spec';

/** Seeds a calibration must cover (0..CALIBRATION_SEEDS-1 by default). */
export const CALIBRATION_SEEDS = 8;
/** The threshold must lie at least this many sd (over the calibration seeds) from the mean. */
export const SHIPPING_SD = 2;

const value = z.union([z.number(), z.null()]);

const claimSummary = z
  .object({
    id: z.string(),
    metric: z.string(),
    condition: z.string(),
    shipped: z.enum(['holds', 'fails']),
    seedDependent: z.boolean(),
    /** Seeds that gave the shipped verdict, of n. */
    k: z.number().int(),
    n: z.number().int(),
    mean: value,
    sd: value,
    min: value,
    max: value,
    /** |mean - threshold| / sd (the nearer bound for 'between'); null when undefined. */
    marginSd: value,
    meetsRule: z.boolean(),
  })
  .strict();

export const calibrationSchema = z
  .object({
    format: z.literal('identifiability-sandbox/calibration'),
    experiment: z.string(),
    preset: z.string(),
    /** The preset's resolved parameters without the seed: the record is stale when they change. */
    params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    /** A short hash of `params` (sorted keys), to compare settings at a glance. */
    fingerprint: z.string(),
    seeds: z.array(z.number().int()).min(1),
    /** Final metrics, one value per seed (NaN as null). */
    finals: z.record(z.string(), z.array(value)),
    seconds: z.array(z.number()),
    backend: z.string(),
    date: z.string(),
    appVersion: z.string(),
    claims: z.array(claimSummary),
  })
  .strict();

export type Calibration = z.infer<typeof calibrationSchema>;
export type ClaimCalibration = z.infer<typeof claimSummary>;

/** A record's file name: named like the preset's recording (`<experiment>--<preset>.json`). */
export const calibrationFile = recordingFile;

const orNull = (v: number) => (Number.isFinite(v) ? v : null);
const orNaN = (v: number | null) => v ?? NaN;

/** The distance of a claim's threshold from the mean, in sd (Infinity when every seed agrees exactly). */
function marginSd(c: Claim, mean: number, sd: number): number {
  const gap =
    c.op === 'between'
      ? Math.min(
          Math.abs(mean - (c.value as number[])[0]),
          Math.abs((c.value as number[])[1] - mean),
        )
      : Math.abs(mean - (c.value as number));
  if (!Number.isFinite(gap)) return NaN;
  return sd > 0 ? gap / sd : gap > 0 ? Infinity : 0;
}

/** One claim over the calibration seeds: its k of N, the metric's spread and the shipping rule. */
export function summariseClaim(c: Claim, values: readonly number[]): ClaimCalibration {
  const shipped = shippedVerdict(c);
  const k = values.filter((v) => judgeClaim(c, v).verdict === shipped).length;
  const s = summarise(values);
  const complete = s.missing === 0 && s.n > 0;
  const margin = complete ? marginSd(c, s.mean, s.sd) : NaN;
  return {
    id: c.id,
    metric: c.metric,
    condition: describeCondition(c),
    shipped,
    seedDependent: Boolean(c.seedDependent),
    k,
    n: values.length,
    mean: complete ? orNull(s.mean) : null,
    sd: complete ? orNull(s.sd) : null,
    min: complete ? orNull(s.min) : null,
    max: complete ? orNull(s.max) : null,
    // JSON has no Infinity: a margin beyond any sd is stored as a large finite number.
    marginSd: Number.isNaN(margin) ? null : Math.min(margin, 1e9),
    meetsRule: values.length >= CALIBRATION_SEEDS && k === values.length && margin >= SHIPPING_SD,
  };
}

/** FNV-1a (32 bit) of the settings as sorted-key JSON, in hex. */
export function settingsFingerprint(params: Record<string, ParamValue>): string {
  const text = JSON.stringify(
    Object.keys(params)
      .sort()
      .map((k) => [k, params[k]]),
  );
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function presetParams(spec: ExperimentSpec, preset: string): Record<string, ParamValue> {
  const { params } = resolveParams(spec, preset, {});
  const out: Record<string, ParamValue> = {};
  for (const [key, v] of Object.entries(params)) if (key !== 'seed') out[key] = v;
  return out;
}

/** Build a record from the final metrics of each seed. */
export function makeCalibration(
  spec: ExperimentSpec,
  preset: string,
  runs: readonly { seed: number; final: Record<string, number>; seconds: number }[],
  meta: { backend: string; date: string; appVersion: string },
): Calibration {
  const metrics = [...new Set(runs.flatMap((r) => Object.keys(r.final)))].sort();
  const finals: Record<string, (number | null)[]> = {};
  for (const m of metrics) finals[m] = runs.map((r) => orNull(r.final[m] ?? NaN));
  const params = presetParams(spec, preset);
  return {
    format: 'identifiability-sandbox/calibration',
    experiment: spec.id,
    preset,
    params,
    fingerprint: settingsFingerprint(params),
    seeds: runs.map((r) => r.seed),
    finals,
    seconds: runs.map((r) => Number(r.seconds.toFixed(2))),
    ...meta,
    claims: judgeCalibration(spec, preset, finals),
  };
}

/** Judge the preset's current claims on a record's stored metrics. */
export function judgeCalibration(
  spec: ExperimentSpec,
  preset: string,
  finals: Calibration['finals'],
): ClaimCalibration[] {
  return spec.claims
    .filter((c) => c.preset === preset)
    .map((c) => summariseClaim(c, (finals[c.metric] ?? []).map(orNaN)));
}

/**
 * Why a record no longer speaks for the preset, or null when it does: other parameters, too few
 * seeds, a claim metric not recorded, or claims that changed since it was judged (rerun
 * `npm run calibrate -- --rejudge` for a changed claim on unchanged parameters).
 */
export function calibrationStale(
  spec: ExperimentSpec,
  preset: string,
  rec: Calibration,
): string | null {
  if (rec.experiment !== spec.id || rec.preset !== preset)
    return `recorded for ${rec.experiment}/${rec.preset}`;
  const want = presetParams(spec, preset);
  const keys = [...new Set([...Object.keys(want), ...Object.keys(rec.params)])];
  const changed = keys.filter((k) => want[k] !== rec.params[k]);
  if (changed.length) return `parameters changed since it was recorded: ${changed.join(', ')}`;
  if (rec.fingerprint !== settingsFingerprint(rec.params))
    return 'its fingerprint does not match its settings';
  if (rec.seeds.length < CALIBRATION_SEEDS)
    return `${rec.seeds.length} seeds, fewer than ${CALIBRATION_SEEDS}`;
  const claims = spec.claims.filter((c) => c.preset === preset);
  const missing = claims.filter((c) => !(c.metric in rec.finals)).map((c) => c.metric);
  if (missing.length) return `metrics not recorded: ${missing.join(', ')}`;
  const now = JSON.stringify(judgeCalibration(spec, preset, rec.finals));
  if (now !== JSON.stringify(rec.claims))
    return 'claims changed since it was judged (npm run calibrate -- --rejudge)';
  return null;
}

const num = (v: number | null, digits = 3) => (v === null ? 'n/a' : v.toFixed(digits));

/** "calibrated on 8 seeds: holds in 8, 0.970 ± 0.010 against metric/r2 >= 0.9 (7.0 sd away)". */
export function describeCalibration(s: ClaimCalibration): string {
  const away =
    s.marginSd === null
      ? ''
      : s.marginSd >= 100
        ? ' (over 100 sd away)'
        : // rounded down, so a margin just short of the rule's 2 sd never reads "2.0"
          ` (${(Math.floor(s.marginSd * 10) / 10).toFixed(1)} sd away)`;
  return `calibrated on ${s.n} seeds: ${s.shipped} in ${s.k}, ${num(s.mean)} ± ${num(s.sd)} against ${s.condition}${away}`;
}

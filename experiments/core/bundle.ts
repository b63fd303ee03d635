/**
 * The reproducibility bundle: everything needed to rerun or compare a study (experiment,
 * parameters, seeds, versions, backend, environment, metric histories, verdicts). Written by
 * the page and by `npm run experiment -- --bundle FILE`; read back by the page. Parsing is
 * strict (zod): a malformed or hostile file is refused with what was expected where.
 */
import { z } from 'zod';
import { judgeClaim } from './claims';
import { APP_NAME } from './version';
import { ParamError, resolveParams } from './params';
import { parseSweep, seedList } from './study';
import type { ExperimentSpec, MetricPoint, Params } from './spec';

export const BUNDLE_FORMAT = 'identifiability-sandbox/bundle';
export const BUNDLE_VERSION = 1;
/** Curves in a bundle are thinned to at most this many points per run. */
export const BUNDLE_MAX_POINTS = 1000;

const finiteOrNull = z.union([z.number(), z.null()]);
const paramValue = z.union([z.number(), z.string().max(200), z.boolean()]);
const key = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[\w/.-]+$/, 'letters, digits, _ / . - only');

const point = z
  .object({ step: z.number().int().min(0), metrics: z.record(key, finiteOrNull) })
  .strict();

const run = z
  .object({
    seed: z.number().int(),
    value: paramValue.optional(),
    params: z.record(key, paramValue),
    state: z.enum(['done', 'stopped', 'error']),
    error: z.string().max(2000).optional(),
    step: z.number().int().min(0),
    seconds: z.number().min(0),
    final: z.record(key, finiteOrNull),
    history: z.array(point).max(BUNDLE_MAX_POINTS + 1),
    verdicts: z.array(
      z
        .object({
          claim: key,
          measured: finiteOrNull,
          verdict: z.enum(['holds', 'fails', 'undefined']),
        })
        .strict(),
    ),
  })
  .strict();

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    created: z.string().max(40),
    experiment: key,
    preset: key,
    params: z.record(key, paramValue),
    seeds: z.array(z.number().int()).min(1).max(50),
    sweep: z
      .object({ key, values: z.array(paramValue).min(2).max(50) })
      .strict()
      .optional(),
    app: z.object({ name: z.string().max(80), version: z.string().max(40) }).strict(),
    tfjs: z.string().max(40),
    backend: z.string().max(40),
    backendReason: z.string().max(1000).optional(),
    environment: z.string().max(400),
    link: z.string().max(4000).optional(),
    runs: z.array(run).min(1).max(1000),
  })
  .strict();

export type Bundle = z.infer<typeof bundleSchema>;
export type BundleRun = Bundle['runs'][number];

/**
 * One finished run, the one record type of the app: the bundle's run (its zod schema above) in
 * memory, with NaN where JSON has null. The history's, the page's and the CLI's records extend it.
 */
export type RunRecord = Omit<BundleRun, 'final' | 'history' | 'verdicts'> & {
  final: Record<string, number>;
  history: MetricPoint[];
};

/**
 * The one NaN codec. JSON has no NaN: non-finite numbers travel as null and come back as NaN, in
 * bundles, the run history, the CLI's JSON and the benchmark's results alike.
 */
export const toJsonNumber = (v: number): number | null => (Number.isFinite(v) ? v : null);
export const fromJsonNumber = (v: number | null): number => (v === null ? NaN : v);
const mapRecord = <A, B>(r: Record<string, A>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v)]));
export const metricsToJson = (r: Record<string, number>): Record<string, number | null> =>
  mapRecord(r, toJsonNumber);
export const metricsFromJson = (r: Record<string, number | null>): Record<string, number> =>
  mapRecord(r, fromJsonNumber);
/** `JSON.stringify(value, nanToNull)`: any non-finite number in any object becomes null. */
export const nanToNull = (_key: string, v: unknown): unknown =>
  typeof v === 'number' ? toJsonNumber(v) : v;
/** A run's fields in JSON form: metrics with null for NaN, curves thinned to `maxPoints`. */
export function recordToJson<R extends Pick<RunRecord, 'final' | 'history'>>(
  r: R,
  maxPoints = BUNDLE_MAX_POINTS,
): Omit<R, 'final' | 'history'> & {
  final: Record<string, number | null>;
  history: { step: number; metrics: Record<string, number | null> }[];
} {
  return {
    ...r,
    final: metricsToJson(r.final),
    history: thin(r.history, maxPoints).map((p) => ({
      step: p.step,
      metrics: metricsToJson(p.metrics),
    })),
  };
}
export function recordFromJson<
  R extends {
    final: Record<string, number | null>;
    history: { step: number; metrics: Record<string, number | null> }[];
  },
>(r: R): Omit<R, 'final' | 'history'> & Pick<RunRecord, 'final' | 'history'> {
  return {
    ...r,
    final: metricsFromJson(r.final),
    history: r.history.map((p) => ({ step: p.step, metrics: metricsFromJson(p.metrics) })),
  };
}

export function thin(points: readonly MetricPoint[], max = BUNDLE_MAX_POINTS): MetricPoint[] {
  if (points.length <= max) return [...points];
  const stride = Math.ceil(points.length / max);
  const out = points.filter((_, i) => i % stride === 0);
  if (out.at(-1) !== points.at(-1)) out.push(points.at(-1)!);
  return out;
}

export interface BundleContext {
  spec: ExperimentSpec;
  preset: string;
  params: Params;
  seeds: number[];
  sweep?: { key: string; values: (string | number | boolean)[] };
  appVersion: string;
  tfjs: string;
  backend: string;
  backendReason?: string;
  environment: string;
  link?: string;
  created?: Date;
}

export function makeBundle(ctx: BundleContext, runs: readonly RunRecord[]): Bundle {
  const claims = ctx.spec.claims.filter((c) => c.preset === ctx.preset);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    created: (ctx.created ?? new Date()).toISOString(),
    experiment: ctx.spec.id,
    preset: ctx.preset,
    params: { ...ctx.params },
    seeds: [...ctx.seeds],
    ...(ctx.sweep ? { sweep: { key: ctx.sweep.key, values: [...ctx.sweep.values] } } : {}),
    app: { name: APP_NAME, version: ctx.appVersion },
    tfjs: ctx.tfjs,
    backend: ctx.backend,
    ...(ctx.backendReason ? { backendReason: ctx.backendReason } : {}),
    environment: ctx.environment,
    ...(ctx.link ? { link: ctx.link } : {}),
    runs: runs.map((r) => ({
      seed: r.seed,
      ...(r.value !== undefined ? { value: r.value } : {}),
      params: { ...r.params },
      state: r.state,
      ...(r.error ? { error: r.error } : {}),
      step: r.step,
      seconds: r.seconds,
      ...recordToJson({ final: r.final, history: r.history }),
      verdicts: claims.map((c) => {
        const j = judgeClaim(c, r.state === 'done' ? r.final[c.metric] : NaN);
        return { claim: c.id, measured: toJsonNumber(j.measured), verdict: j.verdict };
      }),
    })),
  };
}

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

export interface LoadedBundle {
  bundle: Bundle;
  /** The bundle's base parameters, checked against this app's parameter table. */
  params: Params;
  runs: RunRecord[];
}

/**
 * Parse a bundle file's text for an experiment registry lookup. Refuses, with what was expected
 * and what arrived: text that is not JSON, a different format or version, any field of the wrong
 * shape, an unknown experiment or preset, and parameter values this app's table refuses.
 */
export function parseBundle(
  text: string,
  lookup: (id: string) => ExperimentSpec | undefined,
): LoadedBundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BundleError(
      `bundle: expected JSON, got text that does not parse (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object')
    throw new BundleError(
      `bundle: expected a JSON object, got ${raw === null ? 'null' : typeof raw}`,
    );
  if (head.format !== BUNDLE_FORMAT)
    throw new BundleError(
      `bundle: expected format "${BUNDLE_FORMAT}", got ${JSON.stringify(head.format)?.slice(0, 80)}`,
    );
  if (head.version !== BUNDLE_VERSION) {
    const v = head.version;
    const why =
      typeof v === 'number' && Number.isInteger(v) && v > BUNDLE_VERSION
        ? ' (written by a newer version of the app: open it there, or update this one)'
        : '';
    throw new BundleError(
      `bundle: expected version ${BUNDLE_VERSION}, got ${JSON.stringify(v)?.slice(0, 40)}${why}`,
    );
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleError(`bundle: at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const bundle = parsed.data;
  const spec = lookup(bundle.experiment);
  if (!spec)
    throw new BundleError(
      `bundle: expected an experiment of this app, got ${JSON.stringify(bundle.experiment)}`,
    );
  /** A refusal by the app's own checks, as a bundle error naming the field. */
  const refusing = <T>(where: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof ParamError) throw new BundleError(`bundle: ${where}: ${e.message}`);
      throw e;
    }
  };
  const check = (p: Record<string, string | number | boolean>, where: string): Params =>
    refusing(where, () => resolveParams(spec, bundle.preset, p, 'strict').params);
  const params = check(bundle.params, 'params');
  // The study is checked by the same functions the page and the CLI use, so a bundle that loads can run.
  const [first] = bundle.seeds;
  refusing('seeds', () => seedList(first, bundle.seeds.length));
  if (!bundle.seeds.every((s, i) => s === first + i))
    throw new BundleError(
      `bundle: seeds: expected consecutive seeds from ${first}, got ${JSON.stringify(bundle.seeds).slice(0, 80)}`,
    );
  if (bundle.sweep) {
    const { key, values } = bundle.sweep;
    refusing('sweep', () => parseSweep(spec, `${key}=${values.map(String).join(',')}`));
  }
  const runs = bundle.runs.map((r, i): RunRecord => {
    const { verdicts: _, ...rest } = recordFromJson(r);
    return { ...rest, params: check(r.params, `runs.${i}.params`) };
  });
  return { bundle, params, runs };
}

/** A CSV cell, quoted when it holds a quote, a comma or a line break. */
function csvCell(v: unknown): string {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per run: its seed (and swept value), state, every final metric and every claim's
 * verdict at the preset, the companion of the curves CSV.
 */
export function finalsCsv(
  spec: ExperimentSpec,
  preset: string,
  runs: readonly RunRecord[],
  sweepKey?: string,
): string {
  const metrics = [...new Set(runs.flatMap((r) => Object.keys(r.final)))];
  const claims = spec.claims.filter((c) => c.preset === preset);
  const head = [
    'run',
    'seed',
    ...(sweepKey ? [sweepKey] : []),
    'state',
    ...metrics,
    ...claims.map((c) => `verdict:${c.id}`),
  ];
  const lines = [head.map(csvCell).join(',')];
  runs.forEach((r, i) =>
    lines.push(
      [
        i,
        r.seed,
        ...(sweepKey ? [r.value ?? ''] : []),
        r.state,
        ...metrics.map((m) => (Number.isFinite(r.final[m]) ? r.final[m] : '')),
        ...claims.map((c) => judgeClaim(c, r.state === 'error' ? NaN : r.final[c.metric]).verdict),
      ]
        .map(csvCell)
        .join(','),
    ),
  );
  return lines.join('\n') + '\n';
}

/** Curves as CSV: one row per (run, step), one column per metric. */
export function curvesCsv(
  runs: readonly RunRecord[],
  metrics: readonly string[],
  sweepKey?: string,
): string {
  const head = ['run', 'seed', ...(sweepKey ? [sweepKey] : []), 'step', ...metrics];
  const lines = [head.map(csvCell).join(',')];
  runs.forEach((r, i) => {
    for (const p of r.history) {
      lines.push(
        [
          i,
          r.seed,
          ...(sweepKey ? [r.value ?? ''] : []),
          p.step,
          ...metrics.map((m) => (Number.isFinite(p.metrics[m]) ? p.metrics[m] : '')),
        ]
          .map(csvCell)
          .join(','),
      );
    }
  });
  return lines.join('\n') + '\n';
}

/**
 * npm run experiment -- <id> [--preset P] [--set key=value ...] [--seed N] [--steps N]
 *                          [--seeds N] [--sweep key=v1,v2,...] [--bundle FILE.json]
 *                          [--backend wasm|cpu] [--json] [--export-data FILE.csv]
 * npm run experiment -- --list [--json]
 */
import { writeFileSync } from 'node:fs';
import { experiments, getExperiment } from '../../experiments/registry';
import { describeExpected, resolveParams, ParamError } from '../../experiments/core/params';
import type { ExperimentSpec, ParamValue, Params } from '../../experiments/core/spec';
import { describeCondition } from '../../experiments/core/claims';
import { checkOutputPath, parseArgs, runMain, UsageError } from './args';
import { resolve as resolvePath } from 'node:path';
import { fmt, judgeRows, notConverged, runSetting, table } from './common';
import { makeBundle, nanToNull, type RunRecord } from '../../experiments/core/bundle';
import { diffFromPreset } from '../../experiments/core/params';
import {
  formatSummary,
  MAX_SEEDS,
  parseSweep,
  planRuns,
  seedList,
  summarise,
  tallyClaim,
  type Sweep,
} from '../../experiments/core/study';
import { APP_VERSION } from '../../experiments/core/version';
import { dataCsv, truthJson, truthPath } from '../../experiments/core/export';
import { initNodeTf } from '../../experiments/core/tf-node';

const USAGE = `usage: npm run experiment -- <id> [--preset P] [--set key=value ...] [--seed N] [--steps N]
         [--seeds N] [--sweep key=v1,v2,...] [--bundle FILE.json] [--backend wasm|cpu] [--json] [--export-data FILE.csv] [--force]
  --force         replace an existing --bundle or --export-data file
  --export-data F write the training data as CSV to F and the true generating parameters
                  (mixing, dictionary, scales, effects) as JSON beside it (F.truth.json)
  --seeds N       run seeds seed, seed+1, ..., seed+N-1: final metrics as mean ± sd, claims as "holds in k of N"
  --sweep k=a,b   run every value of parameter k (each over the seeds)
  --bundle FILE   write the reproducibility bundle (parameters, versions, curves, verdicts) the page can load
       npm run experiment -- --list [--json]`;

export function describeSpec(spec: ExperimentSpec) {
  return {
    id: spec.id,
    title: spec.title,
    family: spec.family,
    summary: spec.summary,
    params: Object.entries(spec.params).map(([name, p]) => ({
      name,
      kind: p.kind,
      default: p.default,
      ...(p.kind === 'int' || p.kind === 'number'
        ? { min: p.min, max: p.max, scale: p.scale }
        : {}),
      ...(p.kind === 'choice' ? { choices: [...p.choices] } : {}),
      label: p.label,
      doc: p.doc,
      expected: describeExpected(p),
    })),
    metrics: Object.entries(spec.metrics).map(([key, m]) => ({ key, ...m })),
    presets: Object.entries(spec.presets).map(([id, p]) => ({ id, ...p })),
    defaultPreset: spec.defaultPreset,
    claims: spec.claims.map((c) => ({ ...c, condition: describeCondition(c) })),
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    list: 'switch',
    json: 'switch',
    help: 'switch',
    preset: 'value',
    set: 'value',
    seed: 'value',
    steps: 'value',
    backend: 'value',
    'export-data': 'value',
    seeds: 'value',
    sweep: 'value',
    bundle: 'value',
    force: 'switch',
  });
  const json = args.flags.has('json');
  if (args.flags.has('help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.flags.has('list')) {
    const all = experiments.map(describeSpec);
    if (json) process.stdout.write(JSON.stringify(all, null, 2) + '\n');
    else
      for (const e of all)
        process.stdout.write(
          `${e.id}  ${e.title}\n  params: ${e.params.map((p) => p.name).join(', ')}\n  presets: ${e.presets.map((p) => p.id).join(', ')}\n`,
        );
    return 0;
  }
  if (args.positional.length !== 1)
    throw new UsageError(
      `expected one experiment id (${experiments.map((e) => e.id).join(', ')}), got ${args.positional.length ? args.positional.join(' ') : 'none'}\n${USAGE}`,
    );
  const spec = getExperiment(args.positional[0]);
  const backend = (args.flags.get('backend') as string | undefined) ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu')
    throw new UsageError(`--backend: expected wasm | cpu, got "${backend}"`);

  const overrides: Record<string, string> = Object.fromEntries(args.sets);
  for (const flag of ['seed', 'steps'] as const) {
    const v = args.flags.get(flag);
    if (typeof v === 'string') {
      if (!Object.hasOwn(spec.params, flag))
        throw new ParamError(flag, `no --${flag} for ${spec.id}`, v);
      if (Object.hasOwn(overrides, flag))
        throw new UsageError(`--${flag}: expected either --${flag} or --set ${flag}, got both`);
      overrides[flag] = v;
    }
  }
  const presetFlag = args.flags.get('preset');
  const { params, preset } = resolveParams(
    spec,
    typeof presetFlag === 'string' ? presetFlag : undefined,
    overrides,
    'strict',
  );

  const exportPath = args.flags.get('export-data');
  const seedsRaw = args.flags.get('seeds');
  let count = 1;
  if (typeof seedsRaw === 'string') {
    if (!/^\d+$/.test(seedsRaw))
      throw new ParamError('seeds', `an integer from 1 to ${MAX_SEEDS}`, JSON.stringify(seedsRaw));
    count = Number(seedsRaw);
  }
  if (count > 1 && !Object.hasOwn(spec.params, 'seed'))
    throw new ParamError('seeds', `1 (${spec.id} has no seed parameter)`, String(count));
  const seeds = seedList(typeof params.seed === 'number' ? params.seed : 0, count);
  const sweepRaw = args.flags.get('sweep');
  const sweep = typeof sweepRaw === 'string' ? parseSweep(spec, sweepRaw) : undefined;
  const bundlePath = args.flags.get('bundle');
  // Every option is checked, and the output paths too, before anything is written or run.
  const force = args.flags.has('force');
  if (typeof exportPath === 'string') {
    checkOutputPath('export-data', exportPath, force);
    checkOutputPath('export-data', truthPath(exportPath), force);
  }
  if (typeof bundlePath === 'string') checkOutputPath('bundle', bundlePath, force);
  if (
    typeof exportPath === 'string' &&
    typeof bundlePath === 'string' &&
    resolvePath(exportPath) === resolvePath(bundlePath)
  )
    throw new UsageError(
      `--bundle: expected a path other than --export-data's, got "${bundlePath}" for both`,
    );
  if (typeof exportPath === 'string') {
    const t = (await spec.load()).exportData(params);
    writeFileSync(exportPath, dataCsv(t));
    writeFileSync(
      truthPath(exportPath),
      truthJson(t, { experiment: spec.id, preset, params, appVersion: APP_VERSION }),
    );
    process.stderr.write(
      `wrote ${t.rows} rows (${t.columns.join(',')}) to ${exportPath} and the true generating parameters (${Object.keys(t.truth).join(', ')}) to ${truthPath(exportPath)}\n`,
    );
  }
  tfVersion = (await initNodeTf(backend)).tf.version_core;

  if (count === 1 && !sweep) {
    const { backend: used, backendReason, result } = await runSetting(spec, params, backend);
    const claims = judgeRows(spec, preset, params, result);
    const stalled = notConverged(spec, { ...result, params });
    if (typeof bundlePath === 'string')
      writeBundle(bundlePath, spec, preset, params, seeds, undefined, used, backendReason, [
        { seed: seeds[0], params, ...result },
      ]);
    if (json) {
      process.stdout.write(
        JSON.stringify(
          {
            experiment: spec.id,
            preset,
            params,
            backend: used,
            backendReason,
            state: result.state,
            error: result.error,
            step: result.step,
            seconds: result.seconds,
            final: result.final,
            notConverged: stalled,
            claims,
          },
          nanToNull,
          2,
        ) + '\n',
      );
    } else {
      process.stdout.write(
        `${spec.id} · preset ${preset} · backend ${used} · ${result.state} at step ${result.step} in ${result.seconds.toFixed(2)} s\n`,
      );
      process.stdout.write(
        `params: ${Object.entries(params)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}\n\n`,
      );
      process.stdout.write(
        table([['metric', 'final'], ...Object.entries(result.final).map(([k, v]) => [k, fmt(v)])]),
      );
      if (claims.length) {
        process.stdout.write('\n');
        process.stdout.write(
          table([
            ['claim', 'condition', 'expected', 'measured', 'verdict'],
            ...claims.map((c) => [
              c.claim,
              c.condition,
              c.expect,
              fmt(c.measured),
              c.verdict +
                (c.settingDiffers.length
                  ? ` (setting differs: ${c.settingDiffers.join(',')})`
                  : ''),
            ]),
          ]),
        );
      }
      if (stalled) process.stdout.write(`\n${stalled}\n`);
      if (result.error) process.stdout.write(`\nerror: ${result.error}\n`);
    }
    return result.state === 'error' ? 1 : 0;
  }
  return study(
    spec,
    preset,
    params,
    seeds,
    sweep,
    backend,
    json,
    typeof bundlePath === 'string' ? bundlePath : undefined,
  );
}

function writeBundle(
  path: string,
  spec: ExperimentSpec,
  preset: string,
  params: Params,
  seeds: number[],
  sweep: Sweep | undefined,
  backend: string,
  backendReason: string,
  runs: RunRecord[],
): void {
  const env = `Node ${process.version} ${process.platform}/${process.arch} (command line)`;
  const b = makeBundle(
    {
      spec,
      preset,
      params,
      seeds,
      sweep,
      appVersion: APP_VERSION,
      tfjs: tfVersion,
      backend,
      backendReason,
      environment: env,
    },
    runs,
  );
  writeFileSync(path, JSON.stringify(b, null, 1) + '\n');
  process.stderr.write(
    `wrote the bundle (${runs.length} run${runs.length === 1 ? '' : 's'}) to ${path}\n`,
  );
}

let tfVersion = 'unknown';

/** Several seeds and / or a sweep: every planned run, then mean ± sd per value and claim tallies. */
async function study(
  spec: ExperimentSpec,
  preset: string,
  params: Params,
  seeds: number[],
  sweep: Sweep | undefined,
  backend: 'wasm' | 'cpu',
  json: boolean,
  bundlePath?: string,
): Promise<number> {
  const plan = planRuns(params, seeds, sweep);
  const runs: (RunRecord & { value?: ParamValue })[] = [];
  let used = backend as string;
  let reason = '';
  for (const r of plan) {
    const out = await runSetting(spec, r.params, backend);
    used = out.backend;
    reason = out.backendReason;
    runs.push({
      seed: r.seed,
      ...(r.value !== undefined ? { value: r.value } : {}),
      params: r.params,
      ...out.result,
    });
    process.stderr.write(
      `run ${r.index + 1}/${plan.length} seed ${r.seed}${sweep ? ` ${sweep.key}=${r.value}` : ''}: ${out.result.state} at step ${out.result.step} in ${out.result.seconds.toFixed(1)} s${out.result.error ? ` (${out.result.error})` : ''}\n`,
    );
  }
  if (bundlePath) writeBundle(bundlePath, spec, preset, params, seeds, sweep, used, reason, runs);
  const groups = (sweep ? sweep.values : [undefined]).map((value) => {
    const rs = runs.filter((r) => r.value === value);
    const finals = rs.map((r) => (r.state === 'done' ? r.final : {}));
    const setting = rs[0]?.params ?? params;
    const differs = diffFromPreset(spec, preset, setting);
    const keys = [...new Set(rs.flatMap((r) => Object.keys(r.final)))];
    return {
      ...(value !== undefined ? { value } : {}),
      metrics: Object.fromEntries(keys.map((k) => [k, summarise(finals.map((f) => f[k] ?? NaN))])),
      claims: spec.claims
        .filter((c) => c.preset === preset)
        .map((c) => ({ ...tallyClaim(c, finals), expect: c.expect, settingDiffers: differs })),
    };
  });
  const failed = runs.filter((r) => r.state === 'error').length;
  if (json) {
    process.stdout.write(
      JSON.stringify(
        {
          experiment: spec.id,
          preset,
          params,
          seeds,
          ...(sweep ? { sweep } : {}),
          backend: used,
          backendReason: reason,
          runs: runs.map((r) => ({
            seed: r.seed,
            ...(r.value !== undefined ? { value: r.value } : {}),
            state: r.state,
            error: r.error,
            step: r.step,
            seconds: r.seconds,
            final: r.final,
            notConverged: notConverged(spec, r),
            claims: judgeRows(spec, preset, r.params, { ...r, views: {} }).map((c) => ({
              claim: c.claim,
              measured: c.measured,
              verdict: c.verdict,
            })),
          })),
          summary: groups,
        },
        nanToNull,
        2,
      ) + '\n',
    );
  } else {
    process.stdout.write(
      `${spec.id} · preset ${preset} · seeds ${seeds.join(', ')}${sweep ? ` · sweep ${sweep.key} = ${sweep.values.join(', ')}` : ''} · backend ${used}\n\n`,
    );
    const keys = Object.keys(groups[0].metrics);
    const head = [
      'metric',
      ...groups.map((g) => (sweep ? `${sweep.key}=${g.value}` : 'mean ± sd')),
    ];
    process.stdout.write(
      table([head, ...keys.map((k) => [k, ...groups.map((g) => formatSummary(g.metrics[k]))])]),
    );
    const rows = groups.flatMap((g) =>
      g.claims.map((c) => [
        c.claim + (sweep ? ` @ ${sweep.key}=${g.value}` : ''),
        c.expect,
        `${c.holds} of ${c.n} seeds`,
        formatSummary(c.measured) +
          (c.settingDiffers.length ? ` (setting differs: ${c.settingDiffers.join(',')})` : ''),
      ]),
    );
    if (rows.length)
      process.stdout.write('\n' + table([['claim', 'expected', 'holds in', 'measured'], ...rows]));
    const stalled = runs.flatMap((r) => {
      const why = notConverged(spec, r);
      return why ? [{ seed: r.seed, why }] : [];
    });
    if (stalled.length)
      process.stdout.write(
        `\nNot converged in ${stalled.length} of ${runs.length} runs (seeds ${stalled.map((r) => r.seed).join(', ')}): ${stalled[0].why}\n`,
      );
    if (failed) process.stdout.write(`\n${failed} of ${runs.length} runs ended in an error\n`);
  }
  return failed ? 1 : 0;
}

runMain(main);

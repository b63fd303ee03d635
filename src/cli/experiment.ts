/**
 * npm run experiment -- <id> [--preset P] [--set key=value ...] [--seed N] [--steps N]
 *                          [--backend wasm|cpu] [--json] [--export-data FILE.csv]
 * npm run experiment -- --list [--json]
 */
import { writeFileSync } from 'node:fs';
import { experiments, getExperiment } from '../../experiments/registry';
import { describeExpected, resolveParams, ParamError } from '../../experiments/core/params';
import type { ExperimentSpec } from '../../experiments/core/spec';
import { describeCondition } from '../../experiments/core/claims';
import { parseArgs, runMain, UsageError } from './args';
import { fmt, judgeRows, runSetting, table } from './common';

const USAGE = `usage: npm run experiment -- <id> [--preset P] [--set key=value ...] [--seed N] [--steps N] [--backend wasm|cpu] [--json] [--export-data FILE.csv]
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
      ...(p.kind === 'int' || p.kind === 'number' ? { min: p.min, max: p.max, scale: p.scale } : {}),
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

function csv(columns: string[], rows: number, values: Float64Array): string {
  const w = columns.length;
  const lines = [columns.join(',')];
  for (let i = 0; i < rows; i++) lines.push(Array.from(values.subarray(i * w, (i + 1) * w), (v) => String(v)).join(','));
  return lines.join('\n') + '\n';
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
  });
  const json = args.flags.has('json');
  if (args.flags.has('help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.flags.has('list')) {
    const all = experiments.map(describeSpec);
    if (json) process.stdout.write(JSON.stringify(all, null, 2) + '\n');
    else for (const e of all) process.stdout.write(`${e.id}  ${e.title}\n  params: ${e.params.map((p) => p.name).join(', ')}\n  presets: ${e.presets.map((p) => p.id).join(', ')}\n`);
    return 0;
  }
  if (args.positional.length !== 1) throw new UsageError(`expected one experiment id (${experiments.map((e) => e.id).join(', ')}), got ${args.positional.length ? args.positional.join(' ') : 'none'}\n${USAGE}`);
  const spec = getExperiment(args.positional[0]);
  const backend = (args.flags.get('backend') as string | undefined) ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new UsageError(`--backend: expected wasm | cpu, got "${backend}"`);

  const overrides: Record<string, string> = Object.fromEntries(args.sets);
  for (const flag of ['seed', 'steps'] as const) {
    const v = args.flags.get(flag);
    if (typeof v === 'string') {
      if (!(flag in spec.params)) throw new ParamError(flag, `no --${flag} for ${spec.id}`, v);
      overrides[flag] = v;
    }
  }
  const presetFlag = args.flags.get('preset');
  const { params, preset } = resolveParams(spec, typeof presetFlag === 'string' ? presetFlag : undefined, overrides, 'strict');

  const exportPath = args.flags.get('export-data');
  if (typeof exportPath === 'string') {
    const t = (await spec.load()).exportData(params);
    writeFileSync(exportPath, csv(t.columns, t.rows, t.values));
    process.stderr.write(`wrote ${t.rows} rows (${t.columns.join(',')}) to ${exportPath}\n`);
  }

  const { backend: used, backendReason, result } = await runSetting(spec, params, backend);
  const claims = judgeRows(spec, preset, params, result);
  if (json) {
    process.stdout.write(
      JSON.stringify({ experiment: spec.id, preset, params, backend: used, backendReason, state: result.state, error: result.error, step: result.step, seconds: result.seconds, final: result.final, claims }, null, 2) + '\n',
    );
  } else {
    process.stdout.write(`${spec.id} · preset ${preset} · backend ${used} · ${result.state} at step ${result.step} in ${result.seconds.toFixed(2)} s\n`);
    process.stdout.write(`params: ${Object.entries(params).map(([k, v]) => `${k}=${v}`).join(' ')}\n\n`);
    process.stdout.write(table([['metric', 'final'], ...Object.entries(result.final).map(([k, v]) => [k, fmt(v)])]));
    if (claims.length) {
      process.stdout.write('\n');
      process.stdout.write(table([['claim', 'condition', 'expected', 'measured', 'verdict'], ...claims.map((c) => [c.claim, c.condition, c.expect, fmt(c.measured), c.verdict + (c.settingDiffers.length ? ` (setting differs: ${c.settingDiffers.join(',')})` : '')])]));
    }
    if (result.error) process.stdout.write(`\nerror: ${result.error}\n`);
  }
  return result.state === 'error' ? 1 : 0;
}

runMain(main);

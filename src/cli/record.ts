/**
 * npm run record [-- --only EXPERIMENT/PRESET] [--check]
 *
 * Recorded reference runs: every preset a paper page embeds, trained once at seed 0 on the WASM
 * backend by this command line, written to src/recorded/<experiment>--<preset>.json (a
 * reproducibility bundle plus the final charts). A lab shows the recording at once when it
 * opens at that preset, labelled as recorded, until Run trains live. `--check` only reports
 * recordings that are missing or whose parameters no longer match the preset.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { papers } from '../../seeds';
import { getExperiment } from '../../experiments/registry';
import { resolveParams } from '../../experiments/core/params';
import { Runner } from '../../experiments/core/runner';
import { initNodeTf } from '../../experiments/core/tf-node';
import { makeBundle } from '../../experiments/core/bundle';
import { APP_VERSION } from '../../experiments/core/version';
import {
  compactRecording,
  recordingFile,
  recordingMatches,
  type Recording,
} from '../../experiments/core/recording';
import { parseArgs, runMain, UsageError } from './args';
import { VIEW_LIMITS } from '../lib/figures';

const DIR = path.resolve(import.meta.dirname, '../recorded');

export function paperPresets(): { experiment: string; preset: string }[] {
  const seen = new Set<string>();
  const out: { experiment: string; preset: string }[] = [];
  for (const p of papers) {
    if (p.demo.kind !== 'runnable') continue;
    const key = `${p.demo.experiment}/${p.demo.preset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ experiment: p.demo.experiment, preset: p.demo.preset });
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { only: 'value', check: 'switch' });
  if (args.positional.length)
    throw new UsageError(
      `expected only --only EXPERIMENT/PRESET or --check, got "${args.positional.join(' ')}"`,
    );
  const only = args.flags.get('only');
  let targets = paperPresets();
  if (typeof only === 'string') {
    targets = targets.filter((t) => `${t.experiment}/${t.preset}` === only);
    if (!targets.length)
      throw new UsageError(
        `--only: expected one of ${paperPresets()
          .map((t) => `${t.experiment}/${t.preset}`)
          .join(', ')}, got "${only}"`,
      );
  }
  if (args.flags.has('check')) {
    let stale = 0;
    for (const t of targets) {
      const file = path.join(DIR, recordingFile(t.experiment, t.preset));
      const spec = getExperiment(t.experiment);
      const ok =
        existsSync(file) &&
        recordingMatches(spec, t.preset, JSON.parse(readFileSync(file, 'utf8')) as Recording);
      if (!ok) stale++;
      process.stdout.write(`${ok ? 'ok     ' : 'STALE  '} ${t.experiment}/${t.preset}\n`);
    }
    return stale ? 1 : 0;
  }
  mkdirSync(DIR, { recursive: true });
  const { tf, backend, reason } = await initNodeTf('wasm');
  for (const t of targets) {
    const spec = getExperiment(t.experiment);
    const { params } = resolveParams(spec, t.preset, {
      ...('seed' in spec.params ? { seed: 0 } : {}),
    });
    const runner = new Runner(
      tf,
      spec,
      await spec.load(),
      params,
      {},
      {
        stepsPerTick: spec.stepsPerTick ?? 10,
        views: true,
        viewsMs: Infinity,
        flushMs: Infinity,
        viewLimits: VIEW_LIMITS,
      },
    );
    const result = await runner.run();
    const bundle = makeBundle(
      {
        spec,
        preset: t.preset,
        params,
        seeds: [typeof params.seed === 'number' ? params.seed : 0],
        appVersion: APP_VERSION,
        tfjs: tf.version_core,
        backend,
        backendReason: reason,
        environment: `Node ${process.version} ${process.platform}/${process.arch} (npm run record)`,
      },
      [{ seed: typeof params.seed === 'number' ? params.seed : 0, params, ...result }],
    );
    const rec: Recording = compactRecording({ bundle, views: result.views });
    writeFileSync(
      path.join(DIR, recordingFile(t.experiment, t.preset)),
      JSON.stringify(rec) + '\n',
    );
    process.stdout.write(
      `${t.experiment}/${t.preset}: ${result.state} at step ${result.step} in ${result.seconds.toFixed(1)} s\n`,
    );
  }
  return 0;
}

runMain(main);

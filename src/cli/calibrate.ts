/**
 * npm run calibrate [-- --only EXPERIMENT[/PRESET][,...]] [--seeds N] [--check] [--rejudge]
 *
 * Runs every claimed preset at seeds 0..N-1 (default 8) on the WASM backend and writes its
 * calibration record to src/calibrated/<experiment>--<preset>.json: the final metrics of each
 * seed, and per claim its k of N, mean, sd, min, max and the distance of its threshold from the
 * mean in sd (experiments/core/calibration.ts states the shipping rule). `--check` lists missing
 * or stale records and exits 1 if any; `--rejudge` re-judges stored records after a claim changed
 * without rerunning them (it refuses records whose parameters changed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CALIBRATION_SEEDS,
  calibrationFile,
  calibrationStale,
  describeCalibration,
  judgeCalibration,
  makeCalibration,
  settingsFingerprint,
  type Calibration,
} from '../../experiments/core/calibration';
import { resolveParams } from '../../experiments/core/params';
import { APP_VERSION } from '../../experiments/core/version';
import { parseArgs, runMain, UsageError } from './args';
import {
  CALIBRATED_DIR,
  claimedPresets,
  readCalibration,
  type ClaimedPreset,
} from './calibrations';
import { runSetting } from './common';

function select(only: string | undefined): ClaimedPreset[] {
  const all = claimedPresets();
  if (only === undefined) return all;
  const wanted = only.split(',').filter(Boolean);
  const names = (t: ClaimedPreset, w: string) =>
    w === t.spec.id || w === `${t.spec.id}/${t.preset}`;
  const out = all.filter((t) => wanted.some((w) => names(t, w)));
  const unknown = wanted.filter((w) => !all.some((t) => names(t, w)));
  if (unknown.length)
    throw new UsageError(
      `--only: expected experiments or EXPERIMENT/PRESET with claims (${all.map((t) => `${t.spec.id}/${t.preset}`).join(', ')}), got "${unknown.join(',')}"`,
    );
  return out;
}

function write(rec: Calibration): void {
  mkdirSync(CALIBRATED_DIR, { recursive: true });
  writeFileSync(
    path.join(CALIBRATED_DIR, calibrationFile(rec.experiment, rec.preset)),
    JSON.stringify(rec, null, 1) + '\n',
  );
}

function report(rec: Calibration): void {
  for (const c of rec.claims) {
    const status = c.seedDependent
      ? 'declared seed-dependent'
      : c.meetsRule
        ? 'ships'
        : 'FAILS THE RULE: make it robust or declare it seed-dependent';
    process.stdout.write(`  ${c.id.padEnd(34)} ${describeCalibration(c)}; ${status}\n`);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    only: 'value',
    seeds: 'value',
    check: 'switch',
    rejudge: 'switch',
  });
  if (args.positional.length)
    throw new UsageError(`expected only options, got "${args.positional.join(' ')}"`);
  const targets = select(args.flags.get('only') as string | undefined);
  const rawSeeds = (args.flags.get('seeds') as string | undefined) ?? String(CALIBRATION_SEEDS);
  const seeds = Number(rawSeeds);
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 50)
    throw new UsageError(`--seeds: expected an integer in [1, 50], got "${rawSeeds}"`);

  if (args.flags.has('check')) {
    let bad = 0;
    for (const { spec, preset } of targets) {
      const rec = readCalibration(spec.id, preset);
      const why = rec ? calibrationStale(spec, preset, rec) : 'missing';
      if (why) bad++;
      process.stdout.write(
        `${why ? 'STALE ' : 'ok    '} ${spec.id}/${preset}${why ? `: ${why}` : ''}\n`,
      );
    }
    if (bad)
      process.stdout.write(
        `\n${bad} of ${targets.length} records missing or stale: npm run calibrate -- --only <experiment/preset>\n`,
      );
    return bad ? 1 : 0;
  }

  if (args.flags.has('rejudge')) {
    for (const { spec, preset } of targets) {
      const rec = readCalibration(spec.id, preset);
      if (!rec) throw new UsageError(`--rejudge: no record for ${spec.id}/${preset} to re-judge`);
      const fresh = {
        ...rec,
        fingerprint: settingsFingerprint(rec.params),
        claims: judgeCalibration(spec, preset, rec.finals),
      };
      const why = calibrationStale(spec, preset, fresh);
      if (why) throw new UsageError(`--rejudge: ${spec.id}/${preset} must be rerun (${why})`);
      write(fresh);
      process.stdout.write(`${spec.id}/${preset}: re-judged\n`);
      report(fresh);
    }
    return 0;
  }

  let backend = '';
  for (const { spec, preset } of targets) {
    const runs: { seed: number; final: Record<string, number>; seconds: number }[] = [];
    for (let seed = 0; seed < seeds; seed++) {
      const { params } = resolveParams(spec, preset, { seed }, 'strict');
      const out = await runSetting(spec, params, 'wasm');
      backend = out.backend;
      if (out.result.state === 'error')
        process.stdout.write(`  seed ${seed}: error: ${out.result.error ?? ''}\n`);
      runs.push({ seed, final: out.result.final, seconds: out.result.seconds });
      process.stdout.write(
        `${spec.id}/${preset} seed ${seed}: ${out.result.state} in ${out.result.seconds.toFixed(1)} s\n`,
      );
    }
    const rec = makeCalibration(spec, preset, runs, {
      backend,
      date: new Date().toISOString().slice(0, 10),
      appVersion: APP_VERSION,
    });
    write(rec);
    report(rec);
  }
  return 0;
}

runMain(main);

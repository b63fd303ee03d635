/**
 * npm run claims [-- --seed N] [--only <experiment>] [--json] [--backend wasm|cpu]
 * Runs every claim's preset once and judges it; exits 1 if any verdict differs from what the spec expects.
 * Each claim is printed with its calibration record (src/calibrated/, `npm run calibrate`): k of N
 * over the calibration seeds and the metric's mean and sd, or that the record is missing or stale.
 */
import { experiments, getExperiment } from '../../experiments/registry';
import { resolveParams } from '../../experiments/core/params';
import { parseArgs, runMain, UsageError } from './args';
import { fmt, judgeRows, notConverged, runSetting, type ClaimRow } from './common';
import { calibrationStale, describeCalibration } from '../../experiments/core/calibration';
import { claimedPresets, readCalibration } from './calibrations';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    seed: 'value',
    only: 'value',
    json: 'switch',
    backend: 'value',
  });
  if (args.positional.length)
    throw new UsageError(`expected only options, got "${args.positional.join(' ')}"`);
  const only = args.flags.get('only');
  const specs = typeof only === 'string' ? [getExperiment(only)] : experiments;
  const seed = args.flags.get('seed');
  const backend = (args.flags.get('backend') as string | undefined) ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu')
    throw new UsageError(`--backend: expected wasm | cpu, got "${backend}"`);
  const json = args.flags.has('json');
  const rows: ClaimRow[] = [];
  let backendUsed = '';
  // Rows stream as each preset finishes, so columns have fixed widths rather than fitted ones.
  const widths = [12, 26, 22, 36, 10, 10, 8];
  const line = (cells: string[]) =>
    process.stdout.write(
      cells
        .map((c, i) => c.padEnd(widths[i]))
        .join(' ')
        .trimEnd() + '\n',
    );
  if (!json) line(['experiment', 'claim', 'metric', 'expected', 'measured', 'verdict', 'seconds']);
  for (const { spec, preset } of claimedPresets().filter((t) => specs.includes(t.spec))) {
    const { params } = resolveParams(
      spec,
      preset,
      typeof seed === 'string' ? { seed } : {},
      'strict',
    );
    const { backend: used, result } = await runSetting(spec, params, backend);
    backendUsed = used;
    const stalled = notConverged(spec, { ...result, params });
    if (stalled && !json) process.stdout.write(`${spec.id}/${preset}: ${stalled}\n`);
    const rec = readCalibration(spec.id, preset);
    const stale = rec ? calibrationStale(spec, preset, rec) : 'missing';
    for (const row of judgeRows(spec, preset, params, result)) {
      const cal = stale ? undefined : rec?.claims.find((c) => c.id === row.claim);
      row.calibration = cal ? describeCalibration(cal) : `calibration ${stale ?? 'missing'}`;
      rows.push(row);
      if (!json) {
        const mark = !row.asShipped
          ? '  <-- differs from the spec'
          : row.deviation
            ? '  (does not reproduce here; declared in the spec)'
            : row.seedDependent
              ? '  (varies with the seed here; declared in the spec)'
              : '';
        line([
          row.experiment,
          row.claim,
          row.metric,
          `${row.condition} (${row.expect})`,
          fmt(row.measured),
          row.verdict,
          row.seconds.toFixed(2) + mark,
        ]);
        process.stdout.write(`${' '.repeat(widths[0] + 1)}${row.calibration}\n`);
      }
    }
  }
  const off = rows.filter((r) => !r.asShipped);
  if (json)
    process.stdout.write(
      JSON.stringify({ backend: backendUsed, seed: seed ?? null, claims: rows }, null, 2) + '\n',
    );
  else
    process.stdout.write(
      `\n${rows.length - off.length} of ${rows.length} claims as expected (backend ${backendUsed})${off.length ? `; differ: ${off.map((r) => r.claim).join(', ')}` : ''}\n`,
    );
  return off.length ? 1 : 0;
}

runMain(main);

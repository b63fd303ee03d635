/** What the two CLIs share: running one experiment setting and judging its claims. */
import {
  judgeClaim,
  describeCondition,
  type Claim,
  type Judgement,
} from '../../experiments/core/claims';
import { diffFromPreset } from '../../experiments/core/params';
import { Runner, type RunResult } from '../../experiments/core/runner';
import type { ExperimentSpec, Params } from '../../experiments/core/spec';
import { initNodeTf, type NodeBackend } from '../../experiments/core/tf-node';

export interface RunOutcome {
  backend: string;
  backendReason: string;
  result: RunResult;
}

export async function runSetting(
  spec: ExperimentSpec,
  params: Params,
  backend: NodeBackend = 'wasm',
): Promise<RunOutcome> {
  const node = await initNodeTf(backend);
  const trainer = await spec.load();
  const runner = new Runner(
    node.tf,
    spec,
    trainer,
    params,
    {},
    { stepsPerTick: 50, views: false, flushMs: Infinity },
  );
  return { backend: node.backend, backendReason: node.reason, result: await runner.run() };
}

/** Why a finished run did not train (the spec's `notConverged`), or null; runs that did not finish are not judged. */
export function notConverged(
  spec: ExperimentSpec,
  run: { state: string; final: Record<string, number>; params: Params },
): string | null {
  return run.state === 'done' ? (spec.notConverged?.(run.final, run.params) ?? null) : null;
}

export interface ClaimRow {
  experiment: string;
  claim: string;
  text: string;
  preset: string;
  metric: string;
  condition: string;
  expect: Claim['expect'];
  measured: number;
  verdict: Judgement['verdict'];
  asExpected: boolean;
  /** Matches what the shipped toy is known to give (a declared deviation flips the prediction). */
  asShipped: boolean;
  deviation?: string;
  seedDependent?: string;
  /** Parameters that differ from the claim's preset: the verdict is then informative only. */
  settingDiffers: string[];
  seconds: number;
  /** The claim's calibration over seeds (npm run claims fills it in). */
  calibration?: string;
}

export function judgeRows(
  spec: ExperimentSpec,
  preset: string,
  params: Params,
  result: RunResult,
): ClaimRow[] {
  const differs = diffFromPreset(spec, preset, params);
  return spec.claims
    .filter((c) => c.preset === preset)
    .map((c) => {
      const j = judgeClaim(c, result.state === 'error' ? NaN : result.final[c.metric]);
      return {
        experiment: spec.id,
        claim: c.id,
        text: c.text,
        preset,
        metric: c.metric,
        condition: describeCondition(c),
        expect: c.expect,
        measured: j.measured,
        verdict: j.verdict,
        asExpected: j.asExpected,
        asShipped: j.asShipped,
        ...(c.deviation ? { deviation: c.deviation } : {}),
        ...(c.seedDependent ? { seedDependent: c.seedDependent } : {}),
        settingDiffers: differs,
        seconds: result.seconds,
      };
    });
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1000 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4);
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, c) => cell.padEnd(widths[c]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

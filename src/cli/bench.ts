/**
 * npm run bench [-- --quick] [--no-browser] [--no-verdicts] [--out FILE]
 *
 * Speed and memory, measured side by side in one run so that ratios hold on a noisy machine:
 * - every experiment at its default preset, on each Node backend (WASM, CPU): ms per training
 *   step and samples per second through the real driver (several steps per call, one readback),
 *   and the same model through a naive loop (one step per call, a readback every step);
 * - efficiency: the floating-point work of one step (counted from the shapes, where a formula is
 *   known) per second, over the same backend's rate for one large matrix product;
 * - seconds to each claim's verdict on WASM;
 * - memory: tf.memory() after 20 consecutive short runs against after the first;
 * - peers: PyTorch and scikit-learn when installed (a clear line when not);
 * - in headless Chromium: ms per step per backend, main-thread long tasks and frames per second
 *   while training, Run to first chart point, and the JavaScript the first page loads.
 * Prints tables and writes the JSON (default bench-results.json). Benchmarks are run by hand;
 * tests check correctness and leaks only.
 */
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { experiments, getExperiment } from '../../experiments/registry';
import { resolveParams } from '../../experiments/core/params';
import { Runner } from '../../experiments/core/runner';
import { initNodeTf, type NodeBackend } from '../../experiments/core/tf-node';
import type { ExperimentSpec, Params } from '../../experiments/core/spec';
import { judgeClaim } from '../../experiments/core/claims';
import { parseArgs, runMain, UsageError } from './args';
import { table } from './common';
import { browserBench, type BrowserBench } from './bench-browser';

/** Floating-point operations of one training step, from the shapes (multiply-adds count 2). */
export function stepFlops(spec: ExperimentSpec, p: Params): number | null {
  const n = (k: string) => p[k] as number;
  switch (spec.id) {
    case 'linear-ica':
      // W X and E[g(WX) X^T] on the full batch: 2 d^2 N each.
      return 4 * n('dim') ** 2 * n('samples');
    case 'sae': {
      // encoder and decoder matmuls (2 B d w each), backward about twice the forward
      return 3 * 2 * 2 * n('batch') * n('dim') * n('width');
    }
    case 'contrastive': {
      const sizes = [n('observed'), ...Array.from({ length: n('layers') }, () => n('hidden')), n('latents')];
      let perSample = 0;
      for (let i = 0; i + 1 < sizes.length; i++) perSample += 2 * sizes[i] * sizes[i + 1];
      const b = n('batch');
      const forward = 2 * b * perSample + (p.objective === 'infonce' || p.objective === 'aninfonce' ? 2 * b * b * n('latents') : 0);
      return 3 * forward;
    }
    default:
      return null;
  }
}

const batchOf = (p: Params): number => (typeof p.batch === 'number' ? p.batch : typeof p.samples === 'number' ? p.samples : 1);

interface StepTiming {
  steps: number;
  msPerStep: number;
  samplesPerSec: number;
}

/** Time `trainer.advance` for about `budgetMs` (at least a few steps), `k` steps per call. */
async function timeSteps(spec: ExperimentSpec, params: Params, backend: NodeBackend, k: number, budgetMs: number, maxSteps: number): Promise<StepTiming> {
  const { tf } = await initNodeTf(backend);
  const run = (await spec.load()).create(tf, params);
  try {
    await run.advance(0); // the initial state, as the driver logs it
    await run.advance(Math.min(k, 2)); // warm-up: kernels compiled, buffers allocated
    let steps = 0;
    let first = -1;
    const t0 = performance.now();
    for (;;) {
      const r = await run.advance(k);
      if (first < 0) first = r.step - Math.min(k, r.step);
      steps = r.step - first;
      if (r.done || performance.now() - t0 > budgetMs || steps >= maxSteps) break;
    }
    const ms = performance.now() - t0;
    return { steps, msPerStep: ms / Math.max(1, steps), samplesPerSec: (batchOf(params) * steps) / (ms / 1000) };
  } finally {
    run.dispose();
  }
}

/** GFLOP/s of one n x n matrix product on the current backend (median of 5). */
async function matmulRate(backend: NodeBackend, size = 512): Promise<number> {
  const { tf } = await initNodeTf(backend);
  const a = tf.randomNormal([size, size]);
  const b = tf.randomNormal([size, size]);
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
    if (i > 0) times.push(performance.now() - t0);
  }
  tf.dispose([a, b]);
  times.sort((x, y) => x - y);
  return (2 * size ** 3) / (times[2] / 1000) / 1e9;
}

async function verdictSeconds(): Promise<{ experiment: string; preset: string; claims: string; seconds: number; asShipped: boolean }[]> {
  const { tf } = await initNodeTf('wasm');
  const out: { experiment: string; preset: string; claims: string; seconds: number; asShipped: boolean }[] = [];
  for (const spec of experiments) {
    for (const preset of [...new Set(spec.claims.map((c) => c.preset))]) {
      const { params } = resolveParams(spec, preset, {});
      const r = await new Runner(tf, spec, await spec.load(), params, {}, { stepsPerTick: spec.stepsPerTick ?? 50, views: false, flushMs: Infinity }).run();
      const claims = spec.claims.filter((c) => c.preset === preset);
      out.push({ experiment: spec.id, preset, claims: claims.map((c) => c.id).join(','), seconds: r.seconds, asShipped: claims.every((c) => judgeClaim(c, r.final[c.metric]).asShipped) });
      process.stderr.write(`  verdict ${spec.id}/${preset}: ${r.seconds.toFixed(1)} s\n`);
    }
  }
  return out;
}

async function memoryCheck(): Promise<{ experiment: string; after1: number; after20: number; bytes1: number; bytes20: number }[]> {
  const { tf } = await initNodeTf('wasm');
  const out = [];
  for (const [id, over] of [['linear-ica', { steps: 5 }], ['sae', { steps: 20, samples: 512, testSamples: 128, fistaIters: 10 }], ['contrastive', { steps: 20, samples: 512, testSamples: 256 }]] as const) {
    const spec = getExperiment(id);
    const { params } = resolveParams(spec, undefined, over);
    const trainer = await spec.load();
    const once = () => new Runner(tf, spec, trainer, params, {}, { stepsPerTick: 10, views: true, viewsMs: 0 }).run();
    await once();
    const m1 = tf.memory();
    for (let i = 1; i < 20; i++) await once();
    const m20 = tf.memory();
    out.push({ experiment: id, after1: m1.numTensors, after20: m20.numTensors, bytes1: m1.numBytes, bytes20: m20.numBytes });
  }
  return out;
}

function peers(): { tool: string; status: string }[] {
  const probe = (mod: string) => {
    try {
      return execFileSync('python3', ['-c', `import ${mod}; print(${mod}.__version__)`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const torch = probe('torch');
  const sklearn = probe('sklearn');
  return [
    { tool: 'PyTorch (SAE and InfoNCE step on the CPU)', status: torch ? `present (${torch}); comparison not implemented yet` : 'skipped: python3-torch is not installed (apt-get install -y python3-torch)' },
    { tool: "scikit-learn FastICA on the exported data", status: sklearn ? `present (${sklearn}); comparison not implemented yet` : 'skipped: python3-sklearn is not installed (apt-get install -y python3-sklearn)' },
  ];
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { quick: 'switch', 'no-browser': 'switch', 'no-verdicts': 'switch', out: 'value' });
  if (args.positional.length) throw new UsageError(`expected only options, got "${args.positional.join(' ')}"`);
  const quick = args.flags.has('quick');
  const out = (args.flags.get('out') as string | undefined) ?? 'bench-results.json';
  const budget = quick ? 800 : 3000;
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpu: process.arch, quick };

  // Step timings: real driver (the spec's steps per tick) against the naive loop (k = 1).
  const rows: Record<string, unknown>[] = [];
  const rates: Record<string, number> = {};
  for (const backend of ['wasm', 'cpu'] as NodeBackend[]) {
    rates[backend] = await matmulRate(backend);
    process.stderr.write(`matmul 512 on ${backend}: ${rates[backend].toFixed(2)} GFLOP/s\n`);
    for (const spec of experiments) {
      const { params } = resolveParams(spec, undefined, {});
      const k = spec.stepsPerTick ?? 10;
      const maxSteps = backend === 'cpu' ? 60 : 400;
      const real = await timeSteps(spec, params, backend, k, budget, maxSteps);
      const naive = await timeSteps(spec, params, backend, 1, budget, maxSteps);
      const flops = stepFlops(spec, params);
      const gflops = flops === null ? null : flops / (real.msPerStep / 1000) / 1e9;
      rows.push({
        experiment: spec.id,
        backend,
        stepsPerCall: k,
        msPerStep: real.msPerStep,
        samplesPerSec: real.samplesPerSec,
        naiveMsPerStep: naive.msPerStep,
        speedupOverNaive: naive.msPerStep / real.msPerStep,
        stepGflop: flops === null ? null : flops / 1e9,
        gflops,
        efficiency: gflops === null ? null : gflops / rates[backend],
        stepsTimed: real.steps,
      });
      process.stderr.write(`  ${backend} ${spec.id}: ${real.msPerStep.toFixed(2)} ms/step (naive ${naive.msPerStep.toFixed(2)})\n`);
    }
  }
  results.matmulGflops = rates;
  results.steps = rows;
  const f = (v: unknown, d = 2) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '–');
  process.stdout.write('\nTraining steps at each default preset (Node)\n');
  process.stdout.write(
    table([
      ['experiment', 'backend', 'ms/step', 'samples/s', 'naive ms/step', 'x naive', 'GFLOP/s', 'of matmul'],
      ...rows.map((r) => [String(r.experiment), String(r.backend), f(r.msPerStep), f(r.samplesPerSec, 0), f(r.naiveMsPerStep), f(r.speedupOverNaive, 1), f(r.gflops, 3), r.efficiency === null ? '–' : `${(100 * (r.efficiency as number)).toFixed(1)}%`]),
    ]),
  );
  process.stdout.write(`matmul 512x512 (the limit): ${Object.entries(rates).map(([b, g]) => `${b} ${g.toFixed(2)} GFLOP/s`).join(', ')}\n`);

  const mem = await memoryCheck();
  results.memory = mem;
  process.stdout.write('\nMemory: live tensors after 1 and after 20 consecutive runs (WASM)\n');
  process.stdout.write(table([['experiment', 'tensors after 1', 'after 20', 'bytes after 1', 'after 20', 'leak'], ...mem.map((m) => [m.experiment, String(m.after1), String(m.after20), String(m.bytes1), String(m.bytes20), m.after20 === m.after1 && m.bytes20 === m.bytes1 ? 'none' : 'LEAK'])]));

  const p = peers();
  results.peers = p;
  process.stdout.write('\nPeers\n' + p.map((x) => `  ${x.tool}: ${x.status}`).join('\n') + '\n');

  if (!args.flags.has('no-verdicts')) {
    const v = await verdictSeconds();
    results.verdicts = v;
    process.stdout.write('\nSeconds to verdict per claimed preset (WASM, Node)\n');
    process.stdout.write(table([['experiment', 'preset', 'seconds', 'as shipped'], ...v.map((x) => [x.experiment, x.preset, f(x.seconds, 1), x.asShipped ? 'yes' : 'NO'])]));
  }

  if (!args.flags.has('no-browser')) {
    const b: BrowserBench | { skipped: string } = await browserBench(quick);
    results.browser = b;
    if ('skipped' in b) process.stdout.write(`\nBrowser: skipped (${b.skipped})\n`);
    else {
      process.stdout.write('\nIn headless Chromium (software WebGPU/WebGL through SwiftShader on this machine)\n');
      process.stdout.write(
        table([
          ['experiment', 'backend', 'ms/step', 'Run to first point (ms)', 'long tasks', 'longest (ms)', 'fps', '16 ms timer/s', 'max stall (ms)'],
          ...b.runs.map((r) => [r.experiment, r.backend, f(r.msPerStep), f(r.firstPointMs, 0), String(r.longTasks), f(r.longestTaskMs, 0), r.fps === null ? 'n/a' : f(r.fps, 0), f(r.timerTicksPerSec, 1), f(r.maxStallMs, 0)]),
        ]),
      );
      if (b.runs.every((r) => r.fps === null)) process.stdout.write('fps: requestAnimationFrame does not fire in this headless Chromium; the 16 ms timer columns show main-thread responsiveness instead\n');
      process.stdout.write(`first page load: ${b.firstLoad.files} JS files, ${(b.firstLoad.gzipBytes / 1024).toFixed(1)} KB gzipped\n`);
      process.stdout.write(table([['lazy part', 'KB gzipped'], ...b.lazy.map((l) => [l.file, (l.gzipBytes / 1024).toFixed(1)])]));
    }
  }
  writeFileSync(out, JSON.stringify(results, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
  process.stdout.write(`\nwrote ${out}\n`);
  return mem.some((m) => m.after20 !== m.after1) ? 1 : 0;
}

runMain(main);

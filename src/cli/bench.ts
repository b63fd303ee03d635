/**
 * npm run bench [-- --quick] [--no-browser] [--no-verdicts] [--out FILE]
 *
 * Speed and memory, measured side by side in one run so that ratios hold on a noisy machine:
 * - every experiment at its default preset, on each Node backend (WASM, CPU): ms per training
 *   step and samples per second through the real driver (several steps per call, one readback),
 *   against the naive loop: the same model written the straightforward way (autodiff, TF.js's
 *   per-variable Adam) with one step per call and a readback every step; and against the app's
 *   own step in that loop (what the driver alone gains);
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
import { existsSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generate as generateIca } from '../../experiments/ica/data';
import { spec as linearIcaSpec } from '../../experiments/ica/spec';
import { amariDistance, mcc } from '../../experiments/core/metrics';
import { mat } from '../../experiments/core/linalg';
import { experiments, getExperiment } from '../../experiments/registry';
import { resolveParams } from '../../experiments/core/params';
import { nanToNull } from '../../experiments/core/bundle';
import { Runner } from '../../experiments/core/runner';
import { initNodeTf, type NodeBackend } from '../../experiments/core/tf-node';
import type { ExperimentSpec, Params } from '../../experiments/core/spec';
import { judgeClaim } from '../../experiments/core/claims';
import { parseArgs, runMain, UsageError } from './args';
import { table } from './common';
import { browserBench, type BrowserBench } from './bench-browser';
import { claimedPresets } from './calibrations';

/** Floating-point operations of one training step, as the spec declares them (null where it does not). */
export function stepFlops(spec: ExperimentSpec, p: Params): number | null {
  return spec.flops ? spec.flops(p) : null;
}

const batchOf = (p: Params): number =>
  typeof p.batch === 'number' ? p.batch : typeof p.samples === 'number' ? p.samples : 1;

interface StepTiming {
  steps: number;
  msPerStep: number;
  samplesPerSec: number;
}

/** Time `trainer.advance` for about `budgetMs` (at least a few steps), `k` steps per call. */
async function timeSteps(
  spec: ExperimentSpec,
  params: Params,
  backend: NodeBackend,
  k: number,
  budgetMs: number,
  maxSteps: number,
  reference = false,
): Promise<StepTiming> {
  const { tf } = await initNodeTf(backend);
  const run = (await spec.load()).create(tf, params, { reference });
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
    return {
      steps,
      msPerStep: ms / Math.max(1, steps),
      samplesPerSec: (batchOf(params) * steps) / (ms / 1000),
    };
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

/** Every claimed preset reaches its verdict within this on WASM in Node (DEVELOPERS.md). */
const VERDICT_BUDGET_S = 20;

async function verdictSeconds(): Promise<
  { experiment: string; preset: string; claims: string; seconds: number; asShipped: boolean }[]
> {
  const { tf } = await initNodeTf('wasm');
  const out: {
    experiment: string;
    preset: string;
    claims: string;
    seconds: number;
    asShipped: boolean;
  }[] = [];
  for (const { spec, preset } of claimedPresets()) {
    const { params } = resolveParams(spec, preset, {});
    const r = await new Runner(
      tf,
      spec,
      await spec.load(),
      params,
      {},
      { stepsPerTick: spec.stepsPerTick ?? 50, views: false, flushMs: Infinity },
    ).run();
    const claims = spec.claims.filter((c) => c.preset === preset);
    out.push({
      experiment: spec.id,
      preset,
      claims: claims.map((c) => c.id).join(','),
      seconds: r.seconds,
      asShipped: claims.every((c) => judgeClaim(c, r.final[c.metric]).asShipped),
    });
    process.stderr.write(`  verdict ${spec.id}/${preset}: ${r.seconds.toFixed(1)} s\n`);
  }
  return out;
}

async function memoryCheck(): Promise<
  { experiment: string; after1: number; after20: number; bytes1: number; bytes20: number }[]
> {
  const { tf } = await initNodeTf('wasm');
  const out = [];
  for (const [id, over] of [
    ['linear-ica', { steps: 5 }],
    ['sae', { steps: 20, samples: 512, testSamples: 128, fistaIters: 10 }],
    ['contrastive', { steps: 20, samples: 512, testSamples: 256 }],
  ] as const) {
    const spec = getExperiment(id);
    const { params } = resolveParams(spec, undefined, over);
    const trainer = await spec.load();
    const once = () =>
      new Runner(
        tf,
        spec,
        trainer,
        params,
        {},
        { stepsPerTick: 10, views: true, viewsMs: 0 },
      ).run();
    await once();
    const m1 = tf.memory();
    for (let i = 1; i < 20; i++) await once();
    const m20 = tf.memory();
    out.push({
      experiment: id,
      after1: m1.numTensors,
      after20: m20.numTensors,
      bytes1: m1.numBytes,
      bytes20: m20.numBytes,
    });
  }
  return out;
}

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'; // apt installs peers for Debian's python

export interface PeerRow {
  task: string;
  tool: string;
  /** ms per training step, or seconds for a whole FastICA fit */
  time: number | null;
  unit: 'ms/step' | 's';
  quality?: string;
  note: string;
}

/**
 * PyTorch's SAE and InfoNCE steps at the default presets' shapes (one CPU thread, as WASM in Node)
 * and scikit-learn's FastICA on the default ICA preset's exported data, beside ours; quality is
 * scored here with the app's metrics. A missing library is a line saying so, not a failure.
 */
async function peers(rows: Record<string, unknown>[]): Promise<PeerRow[]> {
  const ours = (id: string) =>
    rows.find((r) => r.experiment === id && r.backend === 'wasm')?.msPerStep as number | undefined;
  const sae = resolveParams(getExperiment('sae'), undefined, {}).params;
  const cl = resolveParams(getExperiment('contrastive'), undefined, {}).params;
  const icaSpec = linearIcaSpec;
  const ica = resolveParams(icaSpec, undefined, {}).params;
  const data = generateIca(ica);
  const x = Array.from({ length: data.n }, (_, i) =>
    Array.from(data.x.subarray(i * data.d, i * data.d + data.d)),
  );
  const request = {
    sae: {
      batch: sae.batch,
      dim: sae.dim,
      width: sae.width,
      k: sae.saeK,
      lr: sae.lr,
      samples: sae.samples,
      steps: 200,
    },
    infonce: {
      observed: cl.observed,
      hidden: cl.hidden,
      layers: cl.layers,
      latents: cl.latents,
      batch: cl.batch,
      tau: cl.tau,
      lr: cl.lr,
      samples: cl.samples,
      steps: 100,
    },
    fastica: { x, maxIter: ica.steps, tol: ica.tol },
  };
  let answer: Record<string, Record<string, unknown>>;
  try {
    answer = JSON.parse(
      execFileSync(PYTHON, [fileURLToPath(new URL('./bench-peers.py', import.meta.url))], {
        input: JSON.stringify(request),
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
  } catch (e) {
    const why = `skipped: ${PYTHON} could not run the peers (${(e as Error).message.split('\n')[0]})`;
    return [{ task: 'all', tool: 'PyTorch, scikit-learn', time: null, unit: 's', note: why }];
  }
  const out: PeerRow[] = [];
  const torchSkip = answer.torch?.skipped as string | undefined;
  for (const [task, key, id] of [
    ['SAE step (TopK)', 'sae', 'sae'],
    ['InfoNCE step', 'infonce', 'contrastive'],
  ] as const) {
    out.push({
      task,
      tool: 'this app, TF.js WASM',
      time: ours(id) ?? null,
      unit: 'ms/step',
      note: 'fused step, real driver',
    });
    const a = answer[key];
    out.push(
      torchSkip || !a
        ? { task, tool: 'PyTorch CPU', time: null, unit: 'ms/step', note: torchSkip ?? 'skipped' }
        : {
            task,
            tool: `PyTorch ${a.version} CPU`,
            time: a.msPerStep as number,
            unit: 'ms/step',
            note: `${a.threads} thread, autograd + torch.optim.Adam`,
          },
    );
  }
  // FastICA: ours through the Runner, scikit-learn's on the same observations.
  const { tf } = await initNodeTf('wasm');
  const r = await new Runner(
    tf,
    icaSpec,
    await icaSpec.load(),
    ica,
    {},
    { stepsPerTick: 50, views: false, flushMs: Infinity },
  ).run();
  out.push({
    task: `FastICA, ${ica.sources} d=${ica.dim} n=${ica.samples}`,
    tool: 'this app, TF.js WASM',
    time: r.seconds,
    unit: 's',
    quality: `Amari ${r.final['metric/amari'].toFixed(4)}, MCC ${r.final['metric/mcc'].toFixed(4)}`,
    note: 'whole run incl. scoring',
  });
  const f = answer.fastica;
  if (!f || f.skipped)
    out.push({
      task: 'FastICA',
      tool: 'scikit-learn',
      time: null,
      unit: 's',
      note: (f?.skipped as string) ?? 'skipped',
    });
  else {
    const d = data.d;
    const w = mat(d, d, Float64Array.from((f.unmixing as number[][]).flat()));
    const mean = f.mean as number[];
    const est = new Float64Array(data.n * d);
    for (let i = 0; i < data.n; i++)
      for (let j = 0; j < d; j++) {
        let acc = 0;
        for (let c = 0; c < d; c++) acc += w.data[j * d + c] * (data.x[i * d + c] - mean[c]);
        est[i * d + j] = acc;
      }
    out.push({
      task: `FastICA, ${ica.sources} d=${ica.dim} n=${ica.samples}`,
      tool: `scikit-learn ${f.version}`,
      time: f.seconds as number,
      unit: 's',
      quality: `Amari ${amariDistance(w, data.a).toFixed(4)}, MCC ${mcc(data.s, est, data.n, d, d).mcc.toFixed(4)}`,
      note: `fit only, ${f.iterations} iterations`,
    });
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    quick: 'switch',
    'no-browser': 'switch',
    'no-verdicts': 'switch',
    out: 'value',
  });
  if (args.positional.length)
    throw new UsageError(`expected only options, got "${args.positional.join(' ')}"`);
  const quick = args.flags.has('quick');
  const out = (args.flags.get('out') as string | undefined) ?? 'bench-results.json';
  const budget = quick ? 800 : 3000;
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: process.arch,
    quick,
  };

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
      // Each timing twice, interleaved, keeping the faster: a busy moment of the machine then
      // spoils one sample, not a ratio.
      const best = (a: StepTiming, b: StepTiming) => (a.msPerStep <= b.msPerStep ? a : b);
      let real: StepTiming | undefined;
      let naive: StepTiming | undefined;
      let loop: StepTiming | undefined;
      for (let round = 0; round < 2; round++) {
        const r = await timeSteps(spec, params, backend, k, budget / 2, maxSteps);
        // The naive loop: the straightforward implementation (autodiff and TF.js's per-variable
        // Adam where a fused step exists), one step per call, a readback and scoring every step.
        const n = await timeSteps(spec, params, backend, 1, budget / 2, maxSteps, true);
        // The app's own step in the naive loop: what the driver alone (steps per call) gains.
        const l = await timeSteps(spec, params, backend, 1, budget / 2, maxSteps);
        real = real ? best(real, r) : r;
        naive = naive ? best(naive, n) : n;
        loop = loop ? best(loop, l) : l;
      }
      if (!real || !naive || !loop) throw new Error('bench: no timing');
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
        loopMsPerStep: loop.msPerStep,
        speedupOverLoop: loop.msPerStep / real.msPerStep,
        stepGflop: flops === null ? null : flops / 1e9,
        gflops,
        efficiency: gflops === null ? null : gflops / rates[backend],
        stepsTimed: real.steps,
      });
      process.stderr.write(
        `  ${backend} ${spec.id}: ${real.msPerStep.toFixed(2)} ms/step (naive ${naive.msPerStep.toFixed(2)})\n`,
      );
    }
  }
  results.matmulGflops = rates;
  results.steps = rows;
  const f = (v: unknown, d = 2) =>
    typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '–';
  process.stdout.write('\nTraining steps at each default preset (Node)\n');
  process.stdout.write(
    table([
      [
        'experiment',
        'backend',
        'ms/step',
        'samples/s',
        'naive ms/step',
        'x naive',
        'x own step, k=1',
        'GFLOP/s',
        'of matmul',
      ],
      ...rows.map((r) => [
        String(r.experiment),
        String(r.backend),
        f(r.msPerStep),
        f(r.samplesPerSec, 0),
        f(r.naiveMsPerStep),
        f(r.speedupOverNaive, 1),
        f(r.speedupOverLoop, 1),
        f(r.gflops, 3),
        r.efficiency === null ? '–' : `${(100 * (r.efficiency as number)).toFixed(1)}%`,
      ]),
    ]),
  );
  process.stdout.write(
    `matmul 512x512 (the limit): ${Object.entries(rates)
      .map(([b, g]) => `${b} ${g.toFixed(2)} GFLOP/s`)
      .join(', ')}\n`,
  );

  const mem = await memoryCheck();
  results.memory = mem;
  process.stdout.write('\nMemory: live tensors after 1 and after 20 consecutive runs (WASM)\n');
  process.stdout.write(
    table([
      ['experiment', 'tensors after 1', 'after 20', 'bytes after 1', 'after 20', 'leak'],
      ...mem.map((m) => [
        m.experiment,
        String(m.after1),
        String(m.after20),
        String(m.bytes1),
        String(m.bytes20),
        m.after20 === m.after1 && m.bytes20 === m.bytes1 ? 'none' : 'LEAK',
      ]),
    ]),
  );

  const p = await peers(rows);
  results.peers = p;
  process.stdout.write('\nPeers (the tools a user would otherwise pick; same shapes, same data)\n');
  process.stdout.write(
    table([
      ['task', 'tool', 'time', 'quality', 'note'],
      ...p.map((x) => [
        x.task,
        x.tool,
        x.time === null ? '–' : `${f(x.time, x.unit === 's' ? 3 : 2)} ${x.unit}`,
        x.quality ?? '',
        x.note,
      ]),
    ]),
  );

  if (!args.flags.has('no-verdicts')) {
    const v = await verdictSeconds();
    results.verdicts = v;
    process.stdout.write(
      `\nSeconds to verdict per claimed preset (WASM, Node; budget ${VERDICT_BUDGET_S} s)\n`,
    );
    process.stdout.write(
      table([
        ['experiment', 'preset', 'seconds', 'within budget', 'as shipped'],
        ...v.map((x) => [
          x.experiment,
          x.preset,
          f(x.seconds, 1),
          x.seconds <= VERDICT_BUDGET_S ? 'yes' : 'NO',
          x.asShipped ? 'yes' : 'NO',
        ]),
      ]),
    );
    const over = v.filter((x) => x.seconds > VERDICT_BUDGET_S);
    if (over.length)
      process.stdout.write(
        `${over.length} preset(s) over the ${VERDICT_BUDGET_S} s budget: ${over.map((x) => `${x.experiment}/${x.preset}`).join(', ')}\n`,
      );
  }

  if (!args.flags.has('no-browser')) {
    const b: BrowserBench | { skipped: string } = await browserBench(quick);
    results.browser = b;
    if ('skipped' in b) process.stdout.write(`\nBrowser: skipped (${b.skipped})\n`);
    else {
      const slow = (d: { chart: string; ms: number } | null) =>
        d ? `${d.ms} ms ${d.chart.replace('chart-', '')}` : '–';
      process.stdout.write(
        '\nIn headless Chromium (software WebGPU/WebGL through SwiftShader on this machine)\n',
      );
      process.stdout.write(
        table([
          [
            'experiment',
            'backend',
            'ms/step',
            'Run to first point (ms)',
            'long tasks training',
            'longest (ms)',
            'slowest frame',
            'long tasks after',
            'longest (ms)',
            'slowest Plotly draw',
            'fps',
            '16 ms timer/s',
            'max stall (ms)',
          ],
          ...b.runs.map((r) => [
            r.experiment,
            r.backend,
            f(r.msPerStep),
            f(r.firstPointMs, 0),
            String(r.longTasks),
            f(r.longestTaskMs, 0),
            slow(r.slowestFrame),
            String(r.longTasksAfter),
            f(r.longestAfterMs, 0),
            slow(r.slowestDraw),
            r.fps === null ? 'n/a' : f(r.fps, 0),
            f(r.timerTicksPerSec, 1),
            f(r.maxStallMs, 0),
          ]),
        ]),
      );
      if (b.runs.every((r) => r.fps === null))
        process.stdout.write(
          'fps: requestAnimationFrame does not fire in this headless Chromium; the 16 ms timer columns show main-thread responsiveness instead\n',
        );
      process.stdout.write(
        `first page load: ${b.firstLoad.files} JS files, ${(b.firstLoad.gzipBytes / 1024).toFixed(1)} KB gzipped\n`,
      );
      process.stdout.write(
        table([
          ['lazy part', 'KB gzipped'],
          ...b.lazy.map((l) => [l.file, (l.gzipBytes / 1024).toFixed(1)]),
        ]),
      );
    }
  }
  writeFileSync(out, JSON.stringify(results, nanToNull, 2) + '\n');
  process.stdout.write(`\nwrote ${out}\n`);
  return mem.some((m) => m.after20 !== m.after1) ? 1 : 0;
}

runMain(main);

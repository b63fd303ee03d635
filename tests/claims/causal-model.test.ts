/**
 * The trained causal toys' TF.js pieces: the flow's log-determinant against a finite-difference
 * Jacobian, the SCM base against the Gaussian density written out, the environment classifier's
 * heads against their formulas, and short runs of each trained toy that leave no tensor.
 */
import { describe, expect, it } from 'vitest';
import type * as TF from '@tensorflow/tfjs-core';
import { initNodeTf } from '../../experiments/core/tf-node';
import { Rng } from '../../experiments/core/rng';
import { resolveParams } from '../../experiments/core/params';
import { Runner } from '../../experiments/core/runner';
import { Flow, ScmBase } from '../../experiments/causal/cauca-model';
import { EnvClassifier } from '../../experiments/causal/envclass-model';
import { spec as caucaSpec } from '../../experiments/causal/cauca-spec';
import { spec as linCrlSpec } from '../../experiments/causal/lincrl-spec';
import { spec as conceptsSpec } from '../../experiments/causal/concepts-spec';
import type { ExperimentSpec } from '../../experiments/core/spec';

/** Overwrite every variable with U(-scale, scale) draws, so that no layer is the identity. */
function scramble(tf: typeof TF, vars: TF.Variable[], rng: Rng, scale: number) {
  for (const v of vars) {
    const t = tf.tensor(
      Float32Array.from({ length: v.size }, () => rng.uniform(-scale, scale)),
      v.shape,
    );
    v.assign(t);
    t.dispose();
  }
}

describe('causal trained models', () => {
  it('the flow log |det J| matches a central-difference Jacobian', async () => {
    const { tf } = await initNodeTf('wasm');
    const flow = new Flow(tf, { d: 2, couplings: 3, hidden: 8 }, new Rng(1));
    scramble(tf, flow.variables(), new Rng(2), 0.6);
    const points = [
      [0.3, -0.7],
      [-1.2, 0.4],
      [0.9, 1.1],
    ];
    const h = 1e-2;
    const zOf = async (x: number[]) => {
      const t = tf.tensor2d([x]);
      const { z, logDet } = flow.forward(t);
      const [zv, ld] = [await z.data(), (await logDet.data())[0]];
      tf.dispose([t, z, logDet]);
      return { z: Array.from(zv), ld };
    };
    for (const x of points) {
      const jac: number[][] = [[], []];
      for (let c = 0; c < 2; c++) {
        const up = await zOf(x.map((v, i) => (i === c ? v + h : v)));
        const down = await zOf(x.map((v, i) => (i === c ? v - h : v)));
        for (let r = 0; r < 2; r++) jac[r][c] = (up.z[r] - down.z[r]) / (2 * h);
      }
      const fd = Math.log(Math.abs(jac[0][0] * jac[1][1] - jac[0][1] * jac[1][0]));
      const { ld } = await zOf(x);
      expect(Math.abs(ld)).toBeGreaterThan(0.05); // scrambled: not the identity's 0
      expect(ld).toBeCloseTo(fd, 2);
    }
    flow.dispose();
  });

  it('the SCM base is the chain density written out, environment by environment', async () => {
    const { tf } = await initNodeTf('wasm');
    // environments: observational, do(z0), do(z1); two rows each
    const base = new ScmBase(tf, { d: 2, targets: [-1, 0, 1], perEnv: 2 }, new Rng(3));
    const [c, mu, logSd] = base.variables();
    const values = [
      tf.tensor1d([0, 0.8]),
      tf.tensor2d([0.5, 0.2, 1.5, -0.3, 0.4, 2.1], [3, 2]),
      tf.tensor2d([0.3, -0.2, 0.1, 0.6, -0.4, 0.25], [3, 2]),
    ];
    [c, mu, logSd].forEach((v, i) => v.assign(values[i]));
    tf.dispose(values);
    const z = [0.4, -1, 1.3, 0.2, -0.6, 2.5, 2, 0.1, 0.7, 1.9, -0.2, 2.4];
    const zt = tf.tensor2d(z, [6, 2]);
    const lp = base.logDensity(zt);
    const got = await lp.data();
    const normal = (v: number, m: number, ls: number) =>
      -0.5 * Math.log(2 * Math.PI) - ls - 0.5 * ((v - m) / Math.exp(ls)) ** 2;
    for (let i = 0; i < 6; i++) {
      const [z0, z1] = [z[2 * i], z[2 * i + 1]];
      const e = Math.floor(i / 2);
      // fixed to N(0, 1): the observational root and the intervened non-root (fix_mechanisms)
      const root = e === 1 ? normal(z0, 1.5, 0.1) : normal(z0, 0, 0);
      const child = e === 2 ? normal(z1, 0, 0) : normal(z1, 0.2 + 0.8 * z0, -0.2);
      expect(got[i]).toBeCloseTo(root + child, 4);
    }
    tf.dispose([zt, lp]);
    base.dispose();
  });

  it('the classifier heads are the quadratic log-odds they are written as, the base logit 0', async () => {
    const { tf } = await initNodeTf('wasm');
    for (const head of ['low-rank', 'concept'] as const) {
      const cls = new EnvClassifier(
        tf,
        { input: 2, encoder: 'mlp', hidden: 4, output: 2, envs: 3, head, lr: 1e-3 },
        new Rng(4),
      );
      const f = tf.tensor2d([0.5, -1, 2, 0.3], [2, 2]);
      const l = cls.logits(f);
      const got = await l.data();
      const vars = cls['head'] as Record<string, TF.Variable>;
      const read = async (k: string) => Array.from(await vars[k].data());
      const fv = [0.5, -1, 2, 0.3];
      const dot = (w: number[], r: number, e: number) =>
        fv[2 * r] * w[e] + fv[2 * r + 1] * w[2 + e];
      const [k] = [await read('k')];
      for (let r = 0; r < 2; r++) {
        expect(got[3 * r]).toBe(0);
        for (let e = 0; e < 2; e++) {
          let want: number;
          if (head === 'low-rank') {
            const [u, v] = [await read('u'), await read('v')];
            want = dot(u, r, e) ** 2 - dot(v, r, e) ** 2 + k[e];
          } else {
            const [w, beta, g] = [await read('w'), await read('beta'), await read('g')];
            want = -Math.log1p(Math.exp(g[e])) * (dot(w, r, e) - beta[e]) ** 2 + k[e];
          }
          expect(got[3 * r + 1 + e]).toBeCloseTo(want, 5);
        }
      }
      tf.dispose([f, l]);
      cls.dispose();
    }
  });

  const short: [ExperimentSpec, string, Record<string, number>, string][] = [
    [caucaSpec, 'interventions', { steps: 20, samples: 1000, batch: 96 }, 'matched'],
    [caucaSpec, 'naive', { steps: 20, samples: 1000, batch: 96 }, 'matched'],
    [linCrlSpec, 'single-node-interventions', { steps: 20, samples: 1000, batch: 128 }, 'fit'],
    [linCrlSpec, 'observational-only', { steps: 20, samples: 1000, batch: 128 }, 'fit'],
    [conceptsSpec, 'concept-conditioned', { steps: 20, samples: 1000, batch: 128 }, 'readout'],
    [conceptsSpec, 'norm-conditioned', { steps: 20, samples: 1000, batch: 128 }, 'readout'],
  ];
  for (const [spec, preset, overrides, view] of short)
    it(`${spec.id}/${preset}: a short run finishes, draws its view and leaves no tensor`, async () => {
      const { tf } = await initNodeTf('wasm');
      const { params } = resolveParams(spec, preset, overrides);
      const before = tf.memory().numTensors;
      const r = await new Runner(
        tf,
        spec,
        await spec.load(),
        params,
        {},
        { stepsPerTick: 5, viewsMs: 0 },
      ).run();
      expect(r.state, r.error).toBe('done');
      expect(Number.isFinite(r.final[spec.lossMetric])).toBe(true);
      expect(Object.keys(r.views)).toContain(view);
      expect(tf.memory().numTensors).toBe(before);
    });

  it('refuses more interventions than latents with what was expected', () => {
    expect(() => resolveParams(caucaSpec, 'interventions', { interventions: 3 })).toThrow(
      /interventions: expected at most one per latent \(<= 2\), got 3/,
    );
    expect(() => resolveParams(linCrlSpec, 'single-node-interventions', { latents: 2 })).toThrow(
      /interventions: expected at most one per latent \(<= 2\), got 3/,
    );
  });
});

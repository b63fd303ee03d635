/** The rich/lazy student: its initialisation, its gradients, its kernel and the two distances. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';
import { generate } from '../../experiments/dynamics/richlazy-data';
import {
  alphaFor,
  hammingDistance,
  kernelDistance,
  Student,
} from '../../experiments/dynamics/richlazy-model';
import { trainer } from '../../experiments/dynamics/richlazy-train';
import { defaults } from '../../experiments/core/params';
import { spec, type RichLazyParams } from '../../experiments/dynamics/richlazy-spec';

const data = generate({ samples: 12, seed: 3 });
const student = () => Student.init(8, 2, 0.5, 0.3, new Rng(1));

describe('dynamics-rich-lazy', () => {
  it('splits a scale tau into layer norms with delta = tau^2 (1/alpha^2 - alpha^2)', () => {
    for (const [tau, delta] of [
      [0.1, 0.9999],
      [0.1, -0.9999],
      [2, 0],
      [0.5, 3],
    ]) {
      const a = alphaFor(tau, delta);
      expect(tau * tau * (1 / (a * a) - a * a)).toBeCloseTo(delta, 10);
    }
    expect(alphaFor(2, 0)).toBe(1);
    expect(alphaFor(0.1, 0.9999)).toBeCloseTo(0.1, 4); // first layer 0.01, readout 1
  });

  it('starts symmetrised (f = 0) with every neuron at the requested delta', () => {
    const s = student();
    for (const v of s.predict(data.xTest)) expect(Math.abs(v)).toBeLessThan(1e-12);
    for (const d of s.deltas()) expect(d).toBeCloseTo(0.3, 12);
  });

  it('has the gradients of the MSE (central finite differences)', () => {
    const s = student();
    s.a[0] += 0.2; // break the symmetry so that the residuals are not all -y
    const { gw, ga } = s.gradients(data.x, data.y);
    const loss = (t: Student) => t.gradients(data.x, data.y).loss;
    const h = 1e-6;
    for (const [arr, g] of [
      [s.w, gw],
      [s.a, ga],
    ] as const)
      for (let k = 0; k < arr.length; k++) {
        const v = arr[k];
        arr[k] = v + h;
        const up = loss(s);
        arr[k] = v - h;
        const down = loss(s);
        arr[k] = v;
        expect(g[k]).toBeCloseTo((up - down) / (2 * h), 6);
      }
  });

  it('has the empirical NTK J J^T, with J the Jacobian of f on the training inputs', () => {
    const s = student();
    const n = data.n;
    const params = [s.w, s.a];
    const count = s.w.length + s.a.length;
    const jac = new Float64Array(n * count);
    const h = 1e-6;
    let c = 0;
    for (const arr of params)
      for (let k = 0; k < arr.length; k++, c++) {
        const v = arr[k];
        arr[k] = v + h;
        const up = s.predict(data.x);
        arr[k] = v - h;
        const down = s.predict(data.x);
        arr[k] = v;
        for (let i = 0; i < n; i++) jac[i * count + c] = (up[i] - down[i]) / (2 * h);
      }
    const k = s.kernel(data.x);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let v = 0;
        for (let q = 0; q < count; q++) v += jac[i * count + q] * jac[j * count + q];
        expect(k[i * n + j]).toBeCloseTo(v, 6);
      }
  });

  it('measures the kernel distance (0 under rescaling; 1 - 1/sqrt 2 for I against all-ones)', () => {
    const k0 = Float64Array.of(1, 0, 0, 1);
    expect(kernelDistance(k0, Float64Array.of(3, 0, 0, 3))).toBeCloseTo(0, 12);
    expect(kernelDistance(k0, Float64Array.of(1, 1, 1, 1))).toBeCloseTo(1 - Math.SQRT1_2, 12);
  });

  it('counts changed activation patterns per neuron, averaged over inputs', () => {
    // 2 inputs x 2 neurons: neuron 0 flips on one input, neuron 1 on both.
    expect(hammingDistance(Float64Array.of(1, -1, 1, -1), Float64Array.of(-1, 1, 1, 1), 2)).toBe(
      1.5,
    );
  });

  it('nearly conserves delta under small-step gradient descent and is deterministic', async () => {
    const p = {
      ...defaults(spec.params),
      ...spec.presets.upstream.params,
      steps: 2000,
    } as RichLazyParams;
    const run = async () => {
      const r = trainer.create(null as never, p);
      let rep = await r.advance(500);
      while (!rep.done) rep = await r.advance(500);
      return rep.metrics;
    };
    const a = await run();
    expect(a['metric/delta_drift']).toBeLessThan(1e-3);
    expect(a['loss/mse']).toBeLessThan(0.01);
    expect(await run()).toEqual(a);
  });
});

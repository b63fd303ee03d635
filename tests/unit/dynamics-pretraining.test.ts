/** The diagonal network: both gradient forms agree with finite differences; the symmetry; the tasks. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';
import { generate } from '../../experiments/dynamics/pretrain-data';
import { DiagonalNet, populationMse, Task } from '../../experiments/dynamics/pretrain-model';
import { trainer } from '../../experiments/dynamics/pretrain-train';
import { defaults } from '../../experiments/core/params';
import { spec, type PretrainParams } from '../../experiments/dynamics/pretrain-spec';

const base = defaults(spec.params) as PretrainParams;

function randomTask(n: number, d: number) {
  const r = new Rng(5);
  const x = Float64Array.from({ length: n * d }, () => r.normal());
  const y = Float64Array.from({ length: n }, () => r.normal());
  return { x, y };
}

describe('dynamics-pretraining', () => {
  it('draws a subset task inside the pretraining support and a new one outside it', () => {
    const sub = generate({ ...base, task: 'subset' });
    expect(sub.ftSupport.every((j) => sub.support.includes(j))).toBe(true);
    const nw = generate({ ...base, task: 'new' });
    expect(nw.ftSupport.some((j) => nw.support.includes(j))).toBe(false);
    expect(new Set(nw.support).size).toBe(base.kPre);
    expect(populationMse(new Float64Array(base.features), sub.bFt)).toBe(base.kFt);
  });

  it('has the loss gradient of (1/2n)|X beta - y|^2 in both forms (n < d and n > d)', () => {
    const d = 6;
    for (const n of [4, 30]) {
      const { x, y } = randomTask(n, d);
      const task = new Task(x, y, d);
      const beta = Float64Array.from({ length: d }, (_, j) => 0.3 * j - 0.5);
      const g = new Float64Array(d);
      const loss = task.gradient(beta, g);
      let direct = 0;
      for (let s = 0; s < n; s++) {
        let r = -y[s];
        for (let j = 0; j < d; j++) r += x[s * d + j] * beta[j];
        direct += (r * r) / (2 * n);
      }
      expect(loss).toBeCloseTo(direct, 10);
      const h = 1e-6;
      for (let j = 0; j < d; j++) {
        const up = beta.slice();
        up[j] += h;
        const down = beta.slice();
        down[j] -= h;
        const gj =
          (task.gradient(up, new Float64Array(d)) - task.gradient(down, new Float64Array(d))) /
          (2 * h);
        expect(g[j]).toBeCloseTo(gj, 6);
      }
    }
  });

  it('trains u and v by the chain rule and is symmetric under swapping them', () => {
    const d = 5;
    const { x, y } = randomTask(12, d);
    const task = new Task(x, y, d);
    const a = new DiagonalNet(
      Float64Array.of(0.1, 1, 0.3, 2, 0.5),
      Float64Array.of(1, 0.2, 0.7, 0.1, 0.4),
    );
    const b = new DiagonalNet(a.v.slice(), a.u.slice());
    for (let i = 0; i < 200; i++) {
      a.step(task, 0.01);
      b.step(task, 0.01);
    }
    for (let j = 0; j < d; j++) {
      expect(b.u[j]).toBeCloseTo(a.v[j], 12);
      expect(b.v[j]).toBeCloseTo(a.u[j], 12);
    }
  });

  it('is deterministic, and a kept readout makes the swapped scales identical', async () => {
    const run = async (p: PretrainParams) => {
      const r = trainer.create(null as never, p);
      let rep = await r.advance(1000);
      while (!rep.done) rep = await r.advance(1000);
      return rep.metrics;
    };
    const p = { ...base, steps: 2000 };
    const a = await run(p);
    expect(await run(p)).toEqual(a);
    expect(a['metric/ft_ratio']).toBeLessThan(1);
    const kept = await run({ ...p, head: 'keep' });
    expect(kept['metric/ft_ratio']).toBeCloseTo(1, 10);
  });
});

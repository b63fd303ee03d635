/** The group-sum toy: the subspace minimum against a direct least-squares solve. */
import { describe, expect, it } from 'vitest';
import { lstsq, mat } from '../../experiments/core/linalg';
import { defaults } from '../../experiments/core/params';
import { generate } from '../../experiments/dynamics/intrinsic-data';
import {
  startResidual,
  subspaceMinimum,
  sumsJacobian,
} from '../../experiments/dynamics/intrinsic-model';
import { spec, type IntrinsicParams } from '../../experiments/dynamics/intrinsic-spec';
import { dInt90 } from '../../experiments/dynamics/subspace-train';
import { NOT_FOUND } from '../../experiments/dynamics/subspace-spec';
import {
  generate as subspaceTask,
  generateFamily,
  parameterCount,
  trunkCount,
} from '../../experiments/dynamics/subspace-data';
import { dInt90Between } from '../../experiments/dynamics/finetune-train';

const p = { ...defaults(spec.params), groups: 5, groupSize: 7, maxDim: 8 } as IntrinsicParams;

describe('dynamics-intrinsic-dim', () => {
  it('gives unit-norm directions and the group-sum Jacobian', () => {
    const t = generate(p);
    for (let c = 0; c < p.maxDim; c++) {
      let n2 = 0;
      for (let i = 0; i < t.dim; i++) n2 += t.directions.data[i * p.maxDim + c] ** 2;
      expect(n2).toBeCloseTo(1, 12);
    }
    const j = sumsJacobian(t, 2);
    let s = 0;
    for (let i = 0; i < 7; i++) s += t.directions.data[i * p.maxDim + 1];
    expect(j.data[1]).toBeCloseTo(s, 12);
  });

  it('matches least squares below the number of groups and is exactly solved at it', () => {
    const t = generate(p);
    for (let d = 1; d < p.groups; d++) {
      const j = sumsJacobian(t, d);
      const r0 = startResidual(t);
      const v = lstsq(j, mat(p.groups, 1, r0.slice())).data;
      let loss = 0;
      for (let g = 0; g < p.groups; g++) {
        let e = -r0[g];
        for (let c = 0; c < d; c++) e += j.data[g * d + c] * v[c];
        loss += e * e;
      }
      expect(subspaceMinimum(t, d).loss).toBeCloseTo(loss, 9);
      expect(loss).toBeGreaterThan(1e-6);
    }
    const solved = subspaceMinimum(t, p.groups);
    expect(solved.loss).toBeLessThan(1e-20);
    solved.sums.forEach((s, g) => expect(s).toBeCloseTo(g + 1, 10));
  });

  it('never solves the groups a confined subspace cannot move', () => {
    const t = generate({ ...p, subspace: 'confined' });
    expect(subspaceMinimum(t, p.maxDim).loss).toBeGreaterThan(1);
  });
});

describe('dynamics-intrinsic-mlp (pure parts)', () => {
  it('reads d_int90 as the first grid d at 90% of the direct accuracy, and NOT_FOUND otherwise', () => {
    const dims = [16, 32, 64];
    expect(dInt90(dims, [0.5, 0.86, 0.95], 0.95)).toBe(32); // 0.9 * 0.95 = 0.855
    expect(dInt90(dims, [0.5, 0.85, 0.95], 0.95)).toBe(64);
    expect(dInt90(dims, [0.1, 0.2, 0.3], 0.95)).toBe(NOT_FOUND);
    expect(NOT_FOUND).toBe(512);
  });

  it('counts the parameters h^2 + 44h + 10 and draws the same task from the same seed', () => {
    expect([16, 32, 40, 64].map(parameterCount)).toEqual([970, 2442, 3370, 6922]);
    const a = subspaceTask({ trainSize: 300, labels: 'teacher', seed: 4 });
    const b = subspaceTask({ trainSize: 300, labels: 'teacher', seed: 4 });
    expect(a.train.x).toEqual(b.train.x);
    expect(a.test.y).toEqual(b.test.y);
    // every class occurs; random labels keep x and change most labels
    expect(new Set(a.train.y).size).toBe(10);
    const r = subspaceTask({ trainSize: 300, labels: 'random', seed: 4 });
    expect(r.train.x).toEqual(a.train.x);
    const same = r.train.y.filter((y, i) => y === a.train.y[i]).length;
    expect(same).toBeLessThan(80); // chance agreement is 30 of 300
    expect(Math.max(...a.train.x.map(Math.abs))).toBeLessThanOrEqual(1);
  });

  it('reads d_int90 between grid dimensions, linear in log d', () => {
    const dims = [32, 64, 128];
    // threshold 0.9: 0.8 at 32, 1.0 at 64 -> halfway in log d: sqrt(32 * 64)
    expect(dInt90Between(dims, [0.8, 1.0, 1.0], 1, 256)).toBeCloseTo(Math.sqrt(32 * 64), 9);
    expect(dInt90Between(dims, [0.7, 0.85, 0.95], 1, 256)).toBeCloseTo(64 * 2 ** 0.5, 9);
    expect(dInt90Between(dims, [0.95, 0.99, 1], 1, 256)).toBe(32);
    expect(dInt90Between(dims, [0.1, 0.2, 0.3], 1, 256)).toBe(256);
  });

  it('draws the fine-tuning tasks on shared inputs, and random pretraining labels unrelated to them', () => {
    const base = { seed: 3, tasks: 4, pretrainSize: 400, trainSize: 100, gain: 3 };
    const a = generateFamily({ ...base, pretrainLabels: 'tasks' });
    const b = generateFamily({ ...base, pretrainLabels: 'tasks' });
    expect(a.pretrain.x).toEqual(b.pretrain.x);
    expect(a.pretrain.ys).toHaveLength(4);
    // distinct labellings of the same inputs, each using every class
    const agree = a.pretrain.ys[0].filter((y, i) => y === a.pretrain.ys[1][i]).length;
    expect(agree).toBeLessThan(200);
    for (const y of a.pretrain.ys) expect(new Set(y).size).toBe(10);
    const r = generateFamily({ ...base, pretrainLabels: 'random' });
    expect(r.pretrain.x).toEqual(a.pretrain.x);
    expect(r.target.train.y).toEqual(a.target.train.y);
    expect(r.pretrain.ys[0].filter((y, i) => y === a.pretrain.ys[0][i]).length).toBeLessThan(80);
    expect(trunkCount(32) + 330).toBe(parameterCount(32));
  });
});

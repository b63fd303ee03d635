import { describe, expect, it } from 'vitest';
import { linearSumAssignment } from '../../experiments/core/assignment';
import { mat, type Mat } from '../../experiments/core/linalg';
import { Rng } from '../../experiments/core/rng';

const total = (cost: Mat, cols: Int32Array) =>
  Array.from(cols).reduce((acc, c, r) => acc + cost.data[r * cost.cols + c], 0);

/** Exhaustive minimum over injective maps rows -> columns. */
function bruteForce(cost: Mat): number {
  let best = Infinity;
  const used = new Array<boolean>(cost.cols).fill(false);
  const walk = (r: number, acc: number) => {
    if (r === cost.rows) {
      best = Math.min(best, acc);
      return;
    }
    for (let c = 0; c < cost.cols; c++) {
      if (used[c]) continue;
      used[c] = true;
      walk(r + 1, acc + cost.data[r * cost.cols + c]);
      used[c] = false;
    }
  };
  walk(0, 0);
  return best;
}

describe('linearSumAssignment', () => {
  it('solves a square hand case', () => {
    // Row minima 1, 0, 2 sit in columns 1, 1, 2; the optimum is (0,1) + (1,0) + (2,2) = 1 + 2 + 2 = 5.
    const cost = mat(3, 3, Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]));
    const cols = linearSumAssignment(cost);
    expect(Array.from(cols)).toEqual([1, 0, 2]);
    expect(total(cost, cols)).toBe(5);
  });
  it('solves a rectangular hand case, leaving the worst columns unused', () => {
    const cost = mat(2, 4, Float64Array.from([9, 2, 7, 1, 8, 1, 9, 9]));
    expect(Array.from(linearSumAssignment(cost))).toEqual([3, 1]);
  });
  it('handles negative costs (MCC passes -|corr|)', () => {
    const cost = mat(2, 2, Float64Array.from([-0.9, -0.8, -0.85, -0.1]));
    expect(Array.from(linearSumAssignment(cost))).toEqual([1, 0]);
  });
  it('reaches the brute-force optimum on random square and rectangular costs', () => {
    const rng = new Rng(21);
    for (let t = 0; t < 40; t++) {
      const rows = 1 + rng.int(6);
      const cols = rows + rng.int(3);
      const cost = mat(
        rows,
        cols,
        Float64Array.from({ length: rows * cols }, () => rng.normal()),
      );
      const assigned = linearSumAssignment(cost);
      expect(new Set(assigned).size).toBe(rows);
      for (const c of assigned) expect(c >= 0 && c < cols).toBe(true);
      expect(total(cost, assigned)).toBeCloseTo(bruteForce(cost), 12);
    }
  });
  it('refuses more rows than columns, and non-finite costs', () => {
    expect(() => linearSumAssignment(mat(3, 2))).toThrow(
      'linearSumAssignment: expected rows <= columns, got 3x2',
    );
    expect(() => linearSumAssignment(mat(1, 2, Float64Array.from([0, Number.NaN])))).toThrow(
      'linearSumAssignment: expected finite costs, got NaN',
    );
  });
});

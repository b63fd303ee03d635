/**
 * Linear readouts of the true codes, the baselines an SAE's encoder is compared with: a supervised
 * least-squares probe, and the pseudo-inverse of the true dictionary. CPU, float64.
 */
import { inv, lstsq, mat, type Mat } from '../core/linalg';

function withIntercept(x: Float64Array | Float32Array, n: number, d: number): Mat {
  const a = mat(n, d + 1);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d; c++) a.data[i * (d + 1) + c] = x[i * d + c];
    a.data[i * (d + 1) + d] = 1;
  }
  return a;
}

/**
 * Supervised linear probe: least squares from x (with intercept) to the true codes on the
 * training set, applied to test observations. Returns predicted codes [nTest, f].
 */
export function linearProbe(
  trainX: Float64Array,
  trainZ: Float64Array,
  nTrain: number,
  xs: Float64Array[],
  nTests: number[],
  d: number,
  f: number,
): Float64Array[] {
  const w = lstsq(withIntercept(trainX, nTrain, d), mat(nTrain, f, trainZ)); // [d + 1, f]
  return xs.map((x, t) => {
    const a = withIntercept(x, nTests[t], d);
    const out = new Float64Array(nTests[t] * f);
    for (let i = 0; i < nTests[t]; i++)
      for (let k = 0; k <= d; k++) {
        const v = a.data[i * (d + 1) + k];
        for (let j = 0; j < f; j++) out[i * f + j] += v * w.data[k * f + j];
      }
    return out;
  });
}

/** Mean over features of |corr(prediction_j, z_j)|: a supervised readout needs no matching. */
export function diagonalCorrelation(
  pred: Float64Array | Float32Array,
  z: Float64Array,
  n: number,
  f: number,
): number {
  let acc = 0;
  let count = 0;
  for (let j = 0; j < f; j++) {
    let ma = 0;
    let mb = 0;
    for (let i = 0; i < n; i++) {
      ma += pred[i * f + j];
      mb += z[i * f + j];
    }
    ma /= n;
    mb /= n;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let i = 0; i < n; i++) {
      const a = pred[i * f + j] - ma;
      const b = z[i * f + j] - mb;
      sab += a * b;
      saa += a * a;
      sbb += b * b;
    }
    if (sbb === 0) continue; // a feature never active in this set says nothing
    acc += saa > 0 ? Math.abs(sab) / Math.sqrt(saa * sbb) : 0;
    count++;
  }
  return count ? acc / count : NaN;
}

/** Unsupervised linear readout with the oracle dictionary: z = x D^+ (least-norm), [n, f]. */
export function pinvReadout(
  dict: Float64Array,
  f: number,
  d: number,
  x: Float64Array,
  n: number,
): Float64Array {
  // D^+ = D^T (D D^T)^{-1} for D [f, d] with f > d has no inverse of D D^T; use (D^T D)^{-1} on the d side:
  // z = x (D^T D)^{-1} D^T ... written for rows: z_i = D (D^T D)^{-1} x_i.
  const g: Mat = { rows: d, cols: d, data: new Float64Array(d * d) };
  for (let i = 0; i < f; i++)
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) g.data[a * d + b] += dict[i * d + a] * dict[i * d + b];
  const gi = inv(g).data;
  const out = new Float64Array(n * f);
  const y = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    y.fill(0);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) y[a] += gi[a * d + b] * x[r * d + b];
    for (let i = 0; i < f; i++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += dict[i * d + a] * y[a];
      out[r * f + i] = s;
    }
  }
  return out;
}

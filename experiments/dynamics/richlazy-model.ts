/**
 * The two-layer ReLU student of Kunin et al. (NeurIPS 2024), Sec. 5 and Fig. 1a, after
 * allanraventos/getrichquick two-layer-relu/utils.py (`StudentNetwork`, `get_alpha`, `fit_nn_gd`):
 * f(x) = sum_i a_i relu(w_i . x), no biases, symmetrised so that f_0 = 0. Plain typed arrays: a
 * 20 x 50 network is far cheaper on the host than one kernel dispatch per step.
 */
import type { Rng } from '../core/rng';

/**
 * The first-layer share alpha of an initialisation of overall scale tau with conserved quantity
 * delta = a^2 - |w|^2 (the same for every neuron): |w| = tau alpha, |a| = tau / alpha, so
 * delta = tau^2 (1/alpha^2 - alpha^2). Eq. (8) of the paper's two-layer setting, `get_alpha`.
 */
export function alphaFor(tau: number, delta: number): number {
  const r = delta / (tau * tau);
  return Math.sqrt((Math.sqrt(4 + r * r) - r) / 2);
}

export class Student {
  /** [m, d] first layer and [m] readout. */
  readonly w: Float64Array;
  readonly a: Float64Array;

  constructor(
    readonly m: number,
    readonly d: number,
    w: Float64Array,
    a: Float64Array,
  ) {
    this.w = w;
    this.a = a;
  }

  /**
   * m/2 random directions, each neuron duplicated with the opposite readout (f_0 = 0), first-layer
   * norm tau * alpha and readout +-tau / alpha.
   */
  static init(m: number, d: number, tau: number, delta: number, rng: Rng): Student {
    const alpha = alphaFor(tau, delta);
    const half = m / 2;
    const w = new Float64Array(m * d);
    const a = new Float64Array(m);
    for (let i = 0; i < half; i++) {
      let norm = 0;
      for (let j = 0; j < d; j++) {
        const v = rng.normal();
        w[i * d + j] = v;
        norm += v * v;
      }
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < d; j++) {
        w[i * d + j] *= (tau * alpha) / norm;
        w[(i + half) * d + j] = w[i * d + j];
      }
      const s = rng.normal() >= 0 ? 1 : -1;
      a[i] = (s * tau) / alpha;
      a[i + half] = -a[i];
    }
    return new Student(m, d, w, a);
  }

  clone(): Student {
    return new Student(this.m, this.d, this.w.slice(), this.a.slice());
  }

  /** Pre-activations [n, m] of inputs x [n, d]. */
  preactivations(x: Float64Array): Float64Array {
    const { m, d, w } = this;
    const n = x.length / d;
    const pre = new Float64Array(n * m);
    for (let s = 0; s < n; s++)
      for (let i = 0; i < m; i++) {
        let v = 0;
        for (let j = 0; j < d; j++) v += w[i * d + j] * x[s * d + j];
        pre[s * m + i] = v;
      }
    return pre;
  }

  /** f(x) [n]. */
  predict(x: Float64Array): Float64Array {
    const { m } = this;
    const pre = this.preactivations(x);
    const n = pre.length / m;
    const f = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      let v = 0;
      for (let i = 0; i < m; i++) v += this.a[i] * Math.max(0, pre[s * m + i]);
      f[s] = v;
    }
    return f;
  }

  /**
   * Gradients of the training loss L = (1/n) sum_s (f(x_s) - y_s)^2 (the authors' MSE) and the
   * loss itself. dL/da_i = (2/n) sum_s r_s relu(w_i.x_s); dL/dw_i = (2/n) sum_s r_s a_i 1[w_i.x_s > 0] x_s.
   */
  gradients(
    x: Float64Array,
    y: Float64Array,
  ): { loss: number; gw: Float64Array; ga: Float64Array } {
    const { m, d, a } = this;
    const n = y.length;
    const pre = this.preactivations(x);
    const gw = new Float64Array(m * d);
    const ga = new Float64Array(m);
    let loss = 0;
    for (let s = 0; s < n; s++) {
      let f = 0;
      for (let i = 0; i < m; i++) f += a[i] * Math.max(0, pre[s * m + i]);
      const r = f - y[s];
      loss += r * r;
      const c = (2 * r) / n;
      for (let i = 0; i < m; i++) {
        const h = pre[s * m + i];
        if (h <= 0) continue;
        ga[i] += c * h;
        const ca = c * a[i];
        for (let j = 0; j < d; j++) gw[i * d + j] += ca * x[s * d + j];
      }
    }
    return { loss: loss / n, gw, ga };
  }

  /** update: one full-batch gradient step; returns the loss before it. */
  step(x: Float64Array, y: Float64Array, lr: number): number {
    const { loss, gw, ga } = this.gradients(x, y);
    for (let k = 0; k < gw.length; k++) this.w[k] -= lr * gw[k];
    for (let i = 0; i < ga.length; i++) this.a[i] -= lr * ga[i];
    return loss;
  }

  /**
   * The empirical NTK on inputs x [n, d]: K_st = sum_i relu(w_i.x_s) relu(w_i.x_t) (readout part)
   * + (x_s . x_t) sum_i a_i^2 1[w_i.x_s > 0] 1[w_i.x_t > 0] (first-layer part); [n, n].
   */
  kernel(x: Float64Array): Float64Array {
    const { m, d, a } = this;
    const n = x.length / d;
    const pre = this.preactivations(x);
    const k = new Float64Array(n * n);
    for (let s = 0; s < n; s++)
      for (let t = s; t < n; t++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += x[s * d + j] * x[t * d + j];
        let v = 0;
        for (let i = 0; i < m; i++) {
          const hs = pre[s * m + i];
          const ht = pre[t * m + i];
          if (hs > 0 && ht > 0) v += hs * ht + dot * a[i] * a[i];
        }
        k[s * n + t] = v;
        k[t * n + s] = v;
      }
    return k;
  }

  /** a_i^2 - |w_i|^2 per neuron: conserved by gradient flow (Eq. 2 of the paper). */
  deltas(): Float64Array {
    const { m, d, w, a } = this;
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let n2 = 0;
      for (let j = 0; j < d; j++) n2 += w[i * d + j] ** 2;
      out[i] = a[i] * a[i] - n2;
    }
    return out;
  }
}

/**
 * Kernel distance S(K0, K) = 1 - <K0, K>_F / (|K0|_F |K|_F) (Fort et al. 2020; the authors'
 * `kernel_distance_from_initial`). 0 when the kernel only rescales, up to 1.
 */
export function kernelDistance(k0: Float64Array, k: Float64Array): number {
  let dot = 0;
  let n0 = 0;
  let n1 = 0;
  for (let i = 0; i < k0.length; i++) {
    dot += k0[i] * k[i];
    n0 += k0[i] * k0[i];
    n1 += k[i] * k[i];
  }
  if (n0 === 0 || n1 === 0) return NaN;
  return 1 - dot / Math.sqrt(n0 * n1);
}

/**
 * Activation-pattern Hamming distance: summed over neurons, the fraction of training inputs whose
 * ReLU pattern sign(w_i . x) changed (the authors' `compute_hamming_distance`).
 */
export function hammingDistance(pre0: Float64Array, pre: Float64Array, m: number): number {
  const n = pre0.length / m;
  let changed = 0;
  for (let k = 0; k < pre0.length; k++) if (Math.sign(pre0[k]) !== Math.sign(pre[k])) changed++;
  return changed / n;
}

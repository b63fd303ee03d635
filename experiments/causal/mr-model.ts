/**
 * The MR estimators from accumulated moments of (g0, g1, x, y, z): pooled over environments, and
 * of G per environment.
 *   OLS:          cov(X, Y) / var(X)                         (confounded by U and P);
 *   IV, raw G:    two-stage least squares with both variants (invalid: G carries P, and P -> Y);
 *   IV, learned:  the instrument w^T G, w the generalised eigenvector of
 *                 Cov_G(last env) w = lambda Cov_G(first env) w with lambda closest to 1: the
 *                 component of G whose distribution does not shift across environments, which is
 *                 Z alone (the linear case of the paper's invariant latent recovery);
 *   IV, oracle:   the latent Z itself.
 * A single-instrument IV estimate is cov(I, Y) / cov(I, X).
 */
import { generalizedSymEig, inv } from '../core/linalg';
import { Moments } from './moments';

const D = 5; // g0, g1, x, y, z
const [G0, G1, X, Y, Z] = [0, 1, 2, 3, 4];

export interface MrEstimates {
  ols: number;
  ivRaw: number;
  ivInvariant: number;
  ivOracle: number;
  /** |corr(w^T G, Z)|: how well the learned instrument is the latent one. */
  instrumentCorr: number;
  /** The best raw variant's |corr(G_j, Z)|: what no learning is needed for. */
  instrumentCorrRaw: number;
  /** The learned direction w [2]. */
  w: [number, number];
}

export class MrMoments {
  private readonly pooled = new Moments(D);
  private readonly first = new Moments(2);
  private readonly last = new Moments(2);

  add(row: ArrayLike<number>, env: 'first' | 'last' | 'other'): void {
    this.pooled.add(row);
    if (env === 'first') this.first.add([row[G0], row[G1]]);
    if (env === 'last') this.last.add([row[G0], row[G1]]);
  }

  /** cov(w^T G, v) for a direction w over the variants. */
  private covG(w: ArrayLike<number>, v: number): number {
    return w[0] * this.pooled.cov(G0, v) + w[1] * this.pooled.cov(G1, v);
  }

  estimates(): MrEstimates {
    const m = this.pooled;
    const ols = m.cov(X, Y) / m.cov(X, X);
    // 2SLS with both variants: first stage gamma = Cov(G)^-1 Cov(G, X), then IV with gamma^T G.
    let ivRaw = NaN;
    try {
      const ci = inv(m.covMat([G0, G1])).data;
      const cx = [m.cov(G0, X), m.cov(G1, X)];
      const gamma = [ci[0] * cx[0] + ci[1] * cx[1], ci[2] * cx[0] + ci[3] * cx[1]];
      ivRaw = this.covG(gamma, Y) / this.covG(gamma, X);
    } catch {
      /* too few units yet */
    }
    let w: [number, number] = [NaN, NaN];
    try {
      const { values, vectors } = generalizedSymEig(
        this.last.covMat([0, 1]),
        this.first.covMat([0, 1]),
      );
      const j = Math.abs(Math.log(values[0])) <= Math.abs(Math.log(values[1])) ? 0 : 1;
      w = [vectors.data[j], vectors.data[2 + j]];
    } catch {
      /* an environment has no units yet */
    }
    const ivInvariant = this.covG(w, Y) / this.covG(w, X);
    const ivOracle = m.cov(Z, Y) / m.cov(Z, X);
    const corr = (cv: number, vv: number) => Math.abs(cv) / Math.sqrt(vv * m.cov(Z, Z));
    const varW =
      w[0] * w[0] * m.cov(G0, G0) + 2 * w[0] * w[1] * m.cov(G0, G1) + w[1] * w[1] * m.cov(G1, G1);
    return {
      ols,
      ivRaw,
      ivInvariant,
      ivOracle,
      instrumentCorr: corr(this.covG(w, Z), varW),
      instrumentCorrRaw: Math.max(
        corr(m.cov(G0, Z), m.cov(G0, G0)),
        corr(m.cov(G1, Z), m.cov(G1, G1)),
      ),
      w,
    };
  }
}

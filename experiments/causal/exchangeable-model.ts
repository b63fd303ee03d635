/**
 * The causal de Finetti test for two samples of one environment, by partial correlations from
 * accumulated moments of (X1, X2, Y1, Y2). If X -> Y with independent mechanisms, Y1 is
 * independent of X2 given X1 (X2 only tells about theta, which Y1 sees through X1 alone); in the
 * anticausal direction X1 is not independent of Y2 given Y1 (Y2 tells about psi, which
 * Y1 mixes with theta). i.i.d. data make both vanish: no direction information.
 */
import { Moments } from './moments';

const [X1, X2, Y1, Y2] = [0, 1, 2, 3];

export class PairMoments extends Moments {
  constructor() {
    super(4);
  }

  /** Partial correlation of a and b given c. */
  partial(a: number, b: number, c: number): number {
    const cc = this.cov(c, c);
    const ab = this.cov(a, b) - (this.cov(a, c) * this.cov(b, c)) / cc;
    const aa = this.cov(a, a) - this.cov(a, c) ** 2 / cc;
    const bb = this.cov(b, b) - this.cov(b, c) ** 2 / cc;
    return ab / Math.sqrt(aa * bb);
  }

  /** pcor(Y1, X2 | X1): zero in the causal direction X -> Y. */
  forward(): number {
    return this.partial(Y1, X2, X1);
  }

  /** pcor(X1, Y2 | Y1): zero if Y -> X were the causal direction. */
  backward(): number {
    return this.partial(X1, Y2, Y1);
  }
}

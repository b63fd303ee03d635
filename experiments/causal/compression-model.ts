/**
 * Two-part code lengths (nats) of the data of all environments under each causal factorisation,
 * the computable bound the paper minimises, here with BIC: parameters cost (1/2) log N each, data
 * cost its negative log-likelihood at the maximum-likelihood estimates. For a direction A -> B the
 * learner chooses whether the mechanism P(B | A) is shared by all environments (one table) or
 * per environment; the marginal P_e(A) is always per environment (the targets are unknown):
 *   L(A -> B) = min over sharing of [ sum_e NLL(A in e) + NLL(B | A) + (#params / 2) log N ].
 * With one environment both directions describe the same joint with the same number of parameters:
 * a tie. X -> Y compresses better when P(Y | X) is shared and P(X) shifts, because in the other
 * direction both P(Y) and P(X | Y) change.
 */

/** Counts n_e(a, b) for every environment, a-major: [envs][k * k]. */
export class PairCounts {
  readonly counts: Float64Array[];
  constructor(
    readonly k: number,
    envs: number,
  ) {
    this.counts = Array.from({ length: envs }, () => new Float64Array(k * k));
  }
  add(e: number, x: number, y: number): void {
    this.counts[e][x * this.k + y] += 1;
  }
}

const xlogx = (v: number) => (v > 0 ? v * Math.log(v) : 0);

/** Code length of the direction A -> B, where `swap` makes A = Y; returns nats. */
export function codeLength(c: PairCounts, swap: boolean): number {
  const k = c.k;
  const at = (e: number, a: number, b: number) =>
    swap ? c.counts[e][b * k + a] : c.counts[e][a * k + b];
  let n = 0;
  let marginalNll = 0;
  let perEnvMechNll = 0;
  const pooled = new Float64Array(k * k);
  for (let e = 0; e < c.counts.length; e++) {
    let ne = 0;
    for (let a = 0; a < k; a++) {
      let na = 0;
      for (let b = 0; b < k; b++) {
        const v = at(e, a, b);
        na += v;
        pooled[a * k + b] += v;
        perEnvMechNll -= xlogx(v);
      }
      marginalNll -= xlogx(na);
      perEnvMechNll += xlogx(na);
      ne += na;
    }
    marginalNll += xlogx(ne);
    n += ne;
  }
  let sharedMechNll = 0;
  for (let a = 0; a < k; a++) {
    let na = 0;
    for (let b = 0; b < k; b++) {
      sharedMechNll -= xlogx(pooled[a * k + b]);
      na += pooled[a * k + b];
    }
    sharedMechNll += xlogx(na);
  }
  const envs = c.counts.length;
  const cost = (params: number) => (params / 2) * Math.log(Math.max(n, 1));
  const marginalParams = envs * (k - 1);
  const shared = marginalNll + sharedMechNll + cost(marginalParams + k * (k - 1));
  const separate = marginalNll + perEnvMechNll + cost(marginalParams + envs * k * (k - 1));
  return Math.min(shared, separate);
}

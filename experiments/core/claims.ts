/**
 * Claims are data: a metric, a comparison and what the paper predicts. `judgeClaim` is pure;
 * the page, the CLI and the claim tests all call it, so a verdict means the same everywhere.
 */
export interface Claim {
  id: string;
  /** The claim in one sentence, in the project's words. */
  text: string;
  preset: string;
  metric: string;
  op: '>=' | '<=' | 'between';
  value: number | [number, number];
  /** What the paper's theory predicts at this preset: a negative control expects 'fails'. */
  expect: 'holds' | 'fails';
  /**
   * Set when this toy, at the shipped preset, does not reproduce the paper's prediction: what was
   * measured and the likely reason. The tests then expect the opposite verdict, and the page says so.
   */
  deviation?: string;
  /**
   * Set when, at the shipped preset, the verdict changes with the seed: what was measured over
   * several seeds. A single run then says little; the tests check only that the metric is
   * measured, and the page points to running several seeds.
   */
  seedDependent?: string;
}

/** The verdict the shipped toy gives (checked by the tests): the prediction, flipped for a declared deviation. */
export function shippedVerdict(c: Pick<Claim, 'expect' | 'deviation'>): 'holds' | 'fails' {
  if (!c.deviation) return c.expect;
  return c.expect === 'holds' ? 'fails' : 'holds';
}

export type Verdict = 'holds' | 'fails' | 'undefined';

export interface Judgement {
  verdict: Verdict;
  measured: number;
  /** Did the measured verdict match what the theory predicts? */
  asExpected: boolean;
  /** Did it match what the shipped toy is known to give (the prediction, or a declared deviation)? */
  asShipped: boolean;
}

export function describeCondition(c: Pick<Claim, 'metric' | 'op' | 'value'>): string {
  if (c.op === 'between') {
    const [lo, hi] = c.value as [number, number];
    return `${lo} <= ${c.metric} <= ${hi}`;
  }
  return `${c.metric} ${c.op} ${c.value as number}`;
}

/**
 * A metric that sits on its threshold in exact arithmetic can land one ulp on the failing side
 * (a Spearman of exactly 0.5 on five points comes out 0.4999999999999999): the comparison allows
 * this much relative slack, far below any difference a claim is about.
 */
const TOLERANCE = 1e-9;

export function judgeClaim(claim: Claim, measured: number | undefined): Judgement {
  const m = measured ?? NaN;
  let verdict: Verdict;
  if (!Number.isFinite(m)) verdict = 'undefined';
  else if (claim.op === 'between') {
    if (!Array.isArray(claim.value)) {
      throw new Error(
        `claim ${claim.id}: expected [lo, hi] for 'between', got ${String(claim.value)}`,
      );
    }
    verdict = atLeast(m, claim.value[0]) && atMost(m, claim.value[1]) ? 'holds' : 'fails';
  } else {
    if (typeof claim.value !== 'number') {
      throw new Error(
        `claim ${claim.id}: expected a number for '${claim.op}', got [${String(claim.value)}]`,
      );
    }
    verdict = (claim.op === '>=' ? atLeast(m, claim.value) : atMost(m, claim.value))
      ? 'holds'
      : 'fails';
  }
  const asShipped = claim.seedDependent
    ? verdict !== 'undefined'
    : verdict === shippedVerdict(claim);
  return { verdict, measured: m, asExpected: verdict === claim.expect, asShipped };
}

const slack = (t: number) => TOLERANCE * Math.max(1, Math.abs(t));
const atLeast = (m: number, t: number) => m >= t - slack(t);
const atMost = (m: number, t: number) => m <= t + slack(t);

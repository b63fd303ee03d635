/**
 * The formal language a^n b^n as the intersection of two rules (Mészáros, Ujváry, Brendel,
 * Reizinger and Huszár 2024, Sec. 3; the authors' repository meszarosanna/rule_extrapolation):
 * R1, as many a's as b's; R2, every a before every b. The training set is every sequence
 * SOS a^n b^n EOS with 1 <= n <= N. Test prompts are every string of a fixed length over {a, b}
 * after SOS: in distribution when the prompt is a prefix of some a^n b^n (a's, then at most as
 * many b's, at least one a), out of distribution otherwise (it contains "ba", or starts with b),
 * so that R2 is already broken and only R1 can still be kept by the completion.
 */

export const A = 0;
export const B = 1;
export const SOS = 2;
export const EOS = 3;
export const PAD = 4;
export const VOCAB = 5;

export const TOKEN_NAMES = ['a', 'b', 'SOS', 'EOS', 'PAD'];

/** SOS a^n b^n EOS for n = 1..maxN, padded to `length` (>= 2 maxN + 2): [maxN, length]. */
export function trainingSet(maxN: number, length: number): Int32Array {
  if (length < 2 * maxN + 2)
    throw new Error(`context: expected at least ${2 * maxN + 2} tokens, got ${length}`);
  const out = new Int32Array(maxN * length).fill(PAD);
  for (let n = 1; n <= maxN; n++) {
    const row = out.subarray((n - 1) * length, n * length);
    row[0] = SOS;
    for (let i = 0; i < n; i++) {
      row[1 + i] = A;
      row[1 + n + i] = B;
    }
    row[1 + 2 * n] = EOS;
  }
  return out;
}

/** Sequences padded with PAD to `length`: [n, length]. */
export function padRows(seqs: readonly (readonly number[])[], length: number): Int32Array {
  const out = new Int32Array(seqs.length * length).fill(PAD);
  seqs.forEach((q, i) => out.set(q, i * length));
  return out;
}

/**
 * Weights [rows, length - 1] of the next-token targets of padded rows [rows, length]: 1 for each
 * target token at index `from` or later that is not PAD (position t predicts token t + 1).
 */
export function targetWeights(tokens: Int32Array, length: number, from = 1): Float32Array {
  const rows = tokens.length / length;
  const w = new Float32Array(rows * (length - 1));
  for (let i = 0; i < rows; i++)
    for (let t = Math.max(0, from - 1); t < length - 1; t++)
      w[i * (length - 1) + t] = tokens[i * length + t + 1] === PAD ? 0 : 1;
  return w;
}

/** Entropy of the training set per target token, ln N / (N + 2): only n is uncertain, 1 in N. */
export const entropyFloor = (maxN: number) => Math.log(maxN) / (maxN + 2);

/** Every string of `length` tokens over {a, b}, in binary order (a = 0): [2^length][length]. */
export function allPrompts(length: number): number[][] {
  return Array.from({ length: 2 ** length }, (_, k) =>
    Array.from({ length }, (_, i) => ((k >> (length - 1 - i)) & 1 ? B : A)),
  );
}

/** A prefix of some a^n b^n with n >= 1: a^i b^j with i >= 1 and j <= i. */
export function inDistribution(prompt: readonly number[]): boolean {
  const i = prompt.findIndex((t) => t !== A);
  const as = i < 0 ? prompt.length : i;
  if (as === 0) return false;
  const rest = prompt.slice(as);
  return rest.every((t) => t === B) && rest.length <= as;
}

/** The test prompts (SOS then the prompt) split into in and out of distribution. */
export function testPrompts(length: number): { id: number[][]; ood: number[][] } {
  const all = allPrompts(length);
  return {
    id: all.filter(inDistribution).map((p) => [SOS, ...p]),
    ood: all.filter((p) => !inDistribution(p)).map((p) => [SOS, ...p]),
  };
}

/** The tokens of a sequence up to (not including) its first EOS or PAD, SOS dropped. */
export function body(seq: readonly number[]): number[] {
  const out: number[] = [];
  for (const t of seq) {
    if (t === SOS) continue;
    if (t === EOS || t === PAD) break;
    out.push(t);
  }
  return out;
}

/** R1: as many a's as b's (in the body, up to the first EOS). */
export function rule1(seq: readonly number[]): boolean {
  let d = 0;
  for (const t of body(seq)) d += t === A ? 1 : t === B ? -1 : 0;
  return d === 0;
}

/** R2: no a after a b. */
export function rule2(seq: readonly number[]): boolean {
  let seenB = false;
  for (const t of body(seq)) {
    if (t === B) seenB = true;
    else if (t === A && seenB) return false;
  }
  return true;
}

/** The sequence ends with EOS (before the context ran out). */
export const finished = (seq: readonly number[]) => seq.includes(EOS);

/** In the language: R1 and R2, at least one a, and finished. */
export const grammatical = (seq: readonly number[]) =>
  finished(seq) && rule1(seq) && rule2(seq) && body(seq).length > 0;

/** Per prompt group, the fraction of completed sequences keeping each rule. */
export interface RuleScores {
  r1: number;
  r2: number;
  /** R2 on the completion alone (the prompt's own violation left out). */
  r2Completion: number;
  finished: number;
  grammatical: number;
}

/**
 * Scores of completed sequences (SOS, prompt, completion) for the given prompt length: each
 * rule's fraction, NaN for an empty group.
 */
export function scoreRules(seqs: readonly (readonly number[])[], promptLength: number): RuleScores {
  const n = seqs.length;
  const frac = (f: (s: readonly number[]) => boolean) => (n ? seqs.filter(f).length / n : NaN);
  return {
    r1: frac(rule1),
    r2: frac(rule2),
    r2Completion: frac((s) => rule2([SOS, ...s.slice(1 + promptLength)])),
    finished: frac(finished),
    grammatical: frac(grammatical),
  };
}

/**
 * Completions of an out-of-distribution prompt for the non-identifiability arms (Reizinger et al.
 * 2024, Sec. 4; the runner of rpatrik96/llm-non-identifiability): 'extrapolate' appends as many
 * of the minority token as balance #a and #b, then EOS (R1 kept); 'adversarial' appends one
 * more (R1 broken by one). The prompt is SOS then its tokens.
 */
export function ruleCompletion(
  prompt: readonly number[],
  kind: 'extrapolate' | 'adversarial',
): number[] {
  let d = 0;
  for (const t of prompt) d += t === A ? 1 : t === B ? -1 : 0;
  const n = Math.abs(d) + (kind === 'adversarial' ? 1 : 0);
  const token = d > 0 ? B : d < 0 ? A : B;
  return [...prompt, ...Array.from({ length: n }, () => token), EOS];
}

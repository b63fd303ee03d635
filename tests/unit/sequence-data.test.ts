/** The a^n b^n language: training strings, the ID/OOD split of the prompts and the rule checkers. */
import { describe, expect, it } from 'vitest';
import {
  A,
  B,
  EOS,
  PAD,
  SOS,
  allPrompts,
  grammatical,
  inDistribution,
  rule1,
  rule2,
  ruleCompletion,
  scoreRules,
  targetWeights,
  testPrompts,
  trainingSet,
} from '../../experiments/sequence/data';

describe('sequence data', () => {
  it('writes SOS a^n b^n EOS padded, and refuses a context too short', () => {
    const t = trainingSet(3, 8);
    expect(Array.from(t.subarray(0, 8))).toEqual([SOS, A, B, EOS, PAD, PAD, PAD, PAD]);
    expect(Array.from(t.subarray(16, 24))).toEqual([SOS, A, A, A, B, B, B, EOS]);
    expect(() => trainingSet(3, 7)).toThrow(/at least 8 tokens, got 7/);
  });

  it('weights the non-PAD targets from a given index on', () => {
    // rows SOS a b EOS PAD and SOS b a a EOS; targets are tokens 1..4
    const rows = Int32Array.from([SOS, A, B, EOS, PAD, SOS, B, A, A, EOS]);
    expect(Array.from(targetWeights(rows, 5))).toEqual([1, 1, 1, 0, 1, 1, 1, 1]);
    // the completion after a prompt of SOS and two tokens: targets at index 3 and on
    expect(Array.from(targetWeights(rows, 5, 3))).toEqual([0, 0, 1, 0, 0, 0, 1, 1]);
  });

  it('splits the 2^8 prompts into the 5 prefixes of a^n b^n and the rest', () => {
    expect(allPrompts(3)).toHaveLength(8);
    const { id, ood } = testPrompts(8);
    expect(id).toHaveLength(5); // a^8, a^7 b, a^6 b^2, a^5 b^3, a^4 b^4
    expect(ood).toHaveLength(251);
    expect(inDistribution([A, A, B])).toBe(true);
    expect(inDistribution([A, B, B])).toBe(false); // more b's than a's
    expect(inDistribution([B, A, A])).toBe(false);
    expect(inDistribution([A, B, A])).toBe(false);
  });

  it('checks each rule up to the first EOS', () => {
    const s = (...t: number[]) => [SOS, ...t];
    expect(rule1(s(A, B, A, B, EOS))).toBe(true);
    expect(rule2(s(A, B, A, B, EOS))).toBe(false);
    expect(rule1(s(A, A, B, EOS, B))).toBe(false); // what follows EOS is not read
    expect(grammatical(s(A, A, B, B, EOS))).toBe(true);
    expect(grammatical(s(A, A, B, B))).toBe(false); // never finished
    expect(grammatical(s(EOS))).toBe(false); // the empty string is not in the language
    // two OOD completions of the prompt "b a" (length 2): balanced with an a after the b, or not
    const scores = scoreRules([s(B, A, EOS), s(B, A, A, B, EOS)], 2);
    expect(scores.r1).toBe(1);
    expect(scores.r2).toBe(0);
    expect(scores.r2Completion).toBe(1);
    expect(scoreRules([s(B, A, B, A, EOS)], 2).r2Completion).toBe(0);
    expect(Number.isNaN(scoreRules([], 2).r1)).toBe(true);
  });

  it('completes an OOD prompt to balance, or to miss it by one', () => {
    const q = [SOS, B, A, A, A];
    expect(ruleCompletion(q, 'extrapolate')).toEqual([...q, B, B, EOS]);
    expect(ruleCompletion(q, 'adversarial')).toEqual([...q, B, B, B, EOS]);
    expect(rule1(ruleCompletion(q, 'extrapolate'))).toBe(true);
    expect(rule1(ruleCompletion(q, 'adversarial'))).toBe(false);
    const more = [SOS, B, B, A];
    expect(ruleCompletion(more, 'extrapolate')).toEqual([...more, A, EOS]);
    const even = [SOS, B, A];
    expect(ruleCompletion(even, 'extrapolate')).toEqual([...even, EOS]);
    expect(rule1(ruleCompletion(even, 'adversarial'))).toBe(false);
  });
});

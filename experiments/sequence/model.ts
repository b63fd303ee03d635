/**
 * Tiny next-token models over a 5-token vocabulary, as in the rule-extrapolation study's code
 * (meszarosanna/rule_extrapolation, `models.py`): a causal Transformer (learned token and position
 * embeddings, pre-norm blocks of multi-head self-attention and a ReLU feed-forward layer) and the
 * authors' "linear" baseline, in which the logits at position t are one
 * linear map of the embeddings at positions 1..t. All share `logits`, the masked next-token loss,
 * one flat Adam and greedy completion.
 */
import type * as TF from '@tensorflow/tfjs-core';
import '../core/tf-gradients';
import { FlatAdam } from '../core/adam';
import type { Rng } from '../core/rng';
import { variable } from '../core/tf-ops';
import { EOS, PAD, VOCAB } from './data';

export type Arch = 'transformer' | 'linear';

export interface LMOptions {
  arch: Arch;
  /** Context length L: every sequence is [B, L]. */
  length: number;
  /** Embedding (and model) width d. */
  dim: number;
  heads: number;
  layers: number;
  /** Feed-forward width of a Transformer block. */
  hidden: number;
  lr: number;
}

export class TinyLM {
  private readonly vars: TF.Variable[] = [];
  private readonly w = new Map<string, TF.Variable>();
  private readonly causal: TF.Tensor2D; // [L, L] 0 on and below the diagonal, -1e9 above
  private readonly linearMask: TF.Tensor2D | null; // [L d, L V] block lower triangular
  private readonly opt: FlatAdam;

  constructor(
    private readonly tf: typeof TF,
    readonly opts: LMOptions,
    rng: Rng,
  ) {
    const { length: L, dim: d, hidden: f, layers } = opts;
    const normal = (shape: number[], sd: number) =>
      tf.tensor(
        Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => sd * rng.normal()),
        shape,
      );
    const add = (name: string, t: TF.Tensor) => {
      const v = variable(tf, t);
      this.w.set(name, v);
      this.vars.push(v);
    };
    add('tok', normal([VOCAB, d], 1));
    if (opts.arch === 'transformer') {
      add('pos', normal([L, d], 0.1));
      for (let l = 0; l < layers; l++) {
        add(`ln1g${l}`, tf.ones([d]));
        add(`ln1b${l}`, tf.zeros([d]));
        add(`qkv${l}`, normal([d, 3 * d], 1 / Math.sqrt(d)));
        add(`o${l}`, normal([d, d], 1 / Math.sqrt(d)));
        add(`ln2g${l}`, tf.ones([d]));
        add(`ln2b${l}`, tf.zeros([d]));
        add(`f1${l}`, normal([d, f], 1 / Math.sqrt(d)));
        add(`f1b${l}`, tf.zeros([f]));
        add(`f2${l}`, normal([f, d], 1 / Math.sqrt(f)));
        add(`f2b${l}`, tf.zeros([d]));
      }
      add('lnfg', tf.ones([d]));
      add('lnfb', tf.zeros([d]));
      add('out', normal([d, VOCAB], 1 / Math.sqrt(d)));
    } else {
      add('lin', normal([L * d, L * VOCAB], 1 / Math.sqrt(L * d)));
    }
    add('outb', tf.zeros([opts.arch === 'linear' ? L * VOCAB : VOCAB]));
    const causal = new Float32Array(L * L);
    for (let i = 0; i < L; i++) for (let j = i + 1; j < L; j++) causal[i * L + j] = -1e9;
    this.causal = tf.tensor2d(causal, [L, L]);
    if (opts.arch === 'linear') {
      // Output position t reads input positions s <= t only (the authors' lower-triangular weights).
      const m = new Float32Array(L * d * L * VOCAB);
      for (let s = 0; s < L; s++)
        for (let k = 0; k < d; k++)
          for (let t = s; t < L; t++)
            for (let v = 0; v < VOCAB; v++) m[(s * d + k) * L * VOCAB + t * VOCAB + v] = 1;
      this.linearMask = tf.tensor2d(m, [L * d, L * VOCAB]);
    } else this.linearMask = null;
    this.opt = new FlatAdam(tf, this.vars, opts.lr);
  }

  private p(name: string): TF.Tensor {
    return this.w.get(name)!;
  }

  private layerNorm(x: TF.Tensor, g: string, b: string): TF.Tensor {
    const { tf } = this;
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(
      tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), this.p(g)),
      this.p(b),
    );
  }

  /** [B L, d] x [d, k] -> [B, L, k]. */
  private dense(x: TF.Tensor, w: string, B: number, L: number): TF.Tensor3D {
    const { tf } = this;
    const k = this.p(w).shape[1]!;
    return tf.reshape(
      tf.matMul(tf.reshape(x, [B * L, -1]) as TF.Tensor2D, this.p(w) as TF.Tensor2D),
      [B, L, k],
    );
  }

  /** Next-token logits of tokens [B, L]: [B, L, V] (position t predicts token t + 1). */
  logits(tokens: TF.Tensor2D): TF.Tensor3D {
    const { tf } = this;
    const [B, L] = tokens.shape;
    const { dim: d, heads: H } = this.opts;
    // One-hot times the table rather than gather: WASM has no kernel for gather's gradient.
    const onehot = tf.reshape(tf.oneHot(tokens, VOCAB), [B * L, VOCAB]) as TF.Tensor2D;
    const emb = tf.reshape(tf.matMul(onehot, this.p('tok') as TF.Tensor2D), [B, L, d]); // [B, L, d]
    if (this.opts.arch === 'linear') {
      const w = tf.mul(this.p('lin'), this.linearMask!) as TF.Tensor2D;
      const out = tf.add(tf.matMul(tf.reshape(emb, [B, L * d]) as TF.Tensor2D, w), this.p('outb'));
      return tf.reshape(out, [B, L, VOCAB]);
    }
    const dh = d / H;
    let x: TF.Tensor = tf.add(emb, tf.slice(this.p('pos'), [0, 0], [L, d])); // [B, L, d]
    const mask = tf.slice(this.causal, [0, 0], [L, L]);
    const split = (t: TF.Tensor) => tf.transpose(tf.reshape(t, [B, L, H, dh]), [0, 2, 1, 3]); // [B, H, L, dh]
    for (let l = 0; l < this.opts.layers; l++) {
      // attention: softmax(q k^T / sqrt(dh) + causal mask) v, heads concatenated, then W_o
      const qkv = this.dense(this.layerNorm(x, `ln1g${l}`, `ln1b${l}`), `qkv${l}`, B, L); // [B, L, 3d]
      const [q, k, v] = tf.split(qkv, 3, 2).map(split) as TF.Tensor4D[];
      const scores = tf.add(tf.div(tf.matMul(q, k, false, true), Math.sqrt(dh)), mask); // [B, H, L, L]
      const att = tf.matMul(tf.softmax(scores), v); // [B, H, L, dh]
      const merged = tf.reshape(tf.transpose(att, [0, 2, 1, 3]), [B, L, d]);
      x = tf.add(x, this.dense(merged, `o${l}`, B, L));
      // feed-forward
      const hdn = tf.relu(
        tf.add(
          this.dense(this.layerNorm(x, `ln2g${l}`, `ln2b${l}`), `f1${l}`, B, L),
          this.p(`f1b${l}`),
        ),
      );
      x = tf.add(x, tf.add(this.dense(hdn, `f2${l}`, B, L), this.p(`f2b${l}`)));
    }
    return tf.add(
      this.dense(this.layerNorm(x, 'lnfg', 'lnfb'), 'out', B, L),
      this.p('outb'),
    ) as TF.Tensor3D;
  }

  /**
   * Mean next-token cross-entropy of tokens [B, L] over the targets weighted by `weights`
   * [B, L - 1] (target t + 1 of position t; 0 leaves it out), per weighted token.
   */
  loss(tokens: TF.Tensor2D, weights: TF.Tensor2D): TF.Scalar {
    const { tf } = this;
    return tf.tidy(() => {
      const [B, L] = tokens.shape;
      const logp = tf.logSoftmax(tf.slice(this.logits(tokens), [0, 0, 0], [B, L - 1, VOCAB]));
      const targets = tf.oneHot(tf.slice(tokens, [0, 1], [B, L - 1]), VOCAB); // [B, L - 1, V]
      const nll = tf.neg(tf.sum(tf.mul(logp, targets), 2)); // [B, L - 1]
      return tf.div(tf.sum(tf.mul(nll, weights)), tf.maximum(tf.sum(weights), 1)) as TF.Scalar;
    });
  }

  /**
   * One Adam step on the sum of the losses, one (tokens, weights, scale) per term (the
   * plain next-token loss, and for the non-identifiability arms the extra completion term);
   * returns the summed loss (the caller disposes it).
   */
  step(terms: { tokens: TF.Tensor2D; weights: TF.Tensor2D; scale?: number }[]): TF.Scalar {
    const { tf } = this;
    return tf.tidy(() => {
      const { value, grads } = tf.variableGrads(
        () =>
          tf.addN(
            terms.map((t) => tf.mul(this.loss(t.tokens, t.weights), t.scale ?? 1)),
          ) as TF.Scalar,
        this.vars,
      );
      this.opt.apply(this.vars.map((v) => grads[v.name]));
      return value;
    });
  }

  /**
   * Greedy completion of prompts (each SOS then prompt tokens, all the same length) up to the
   * context length: after EOS a row is padded. Returns the full sequences.
   */
  async complete(prompts: readonly (readonly number[])[]): Promise<number[][]> {
    const { tf } = this;
    const L = this.opts.length;
    const P = prompts.length;
    const start = prompts[0].length;
    const seqs = prompts.map((p) => [...p, ...Array.from({ length: L - p.length }, () => PAD)]);
    const done = new Array<boolean>(P).fill(false);
    for (let t = start; t < L; t++) {
      const flat = Int32Array.from(seqs.flat());
      const next = tf.tidy(() => {
        const logits = this.logits(tf.tensor2d(flat, [P, L], 'int32'));
        return tf.argMax(tf.reshape(tf.slice(logits, [0, t - 1, 0], [P, 1, VOCAB]), [P, VOCAB]), 1);
      });
      const ids = await next.data();
      next.dispose();
      for (let i = 0; i < P; i++) {
        if (done[i]) continue;
        seqs[i][t] = ids[i];
        if (ids[i] === EOS || ids[i] === PAD) done[i] = true;
      }
      if (done.every(Boolean)) break;
    }
    return seqs;
  }

  dispose(): void {
    this.tf.dispose([...this.vars, this.causal, ...(this.linearMask ? [this.linearMask] : [])]);
    this.opt.dispose();
  }
}

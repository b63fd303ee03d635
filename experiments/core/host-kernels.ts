/**
 * Two custom TF.js kernels for the backends whose tensors live in host memory (WASM and CPU):
 * a whole Adam step over several variables, and the SAE's ReLU x TopK selection. Each replaces
 * a chain of 6-25 small kernels; at the sizes of these toys a TF.js kernel costs 10-15 µs of
 * dispatch whatever its arithmetic (npm run bench, issue 7), so one pass over the numbers in
 * JavaScript is several times faster. On WebGL and WebGPU the callers keep the op chains.
 *
 * Both read their inputs and write new outputs; they never modify an input in place (TF.js may
 * share one buffer between tensors). On WASM, outputs are allocated before the heap is viewed,
 * since an allocation can grow the heap and detach earlier views.
 */
import type * as TF from '@tensorflow/tfjs-core';

type Tf = typeof TF;
type Info = TF.TensorInfo;

/** What the two host backends have in common, read through their public methods. */
interface HostBackend {
  readSync(dataId: object): TF.backend_util.BackendValues;
  makeOutput?(shape: number[], dtype: TF.DataType): Info; // wasm
  typedArrayFromHeap?(info: Info): Float32Array; // wasm
  makeTensorInfo?(shape: number[], dtype: TF.DataType, values: Float32Array): Info; // cpu
}

const HOST_BACKENDS = ['wasm', 'cpu'] as const;

/** True when the active backend runs the kernels of this module. */
export function hostKernelsActive(tf: Tf): boolean {
  return (HOST_BACKENDS as readonly string[]).includes(tf.getBackend());
}

/**
 * Run `fill` over float32 views of the inputs and of freshly made outputs of the given shapes.
 * WASM: outputs on the heap, views without copies. CPU: the backend's own arrays, outputs handed over.
 */
function hostRun(
  backend: HostBackend,
  inputs: Info[],
  outShapes: number[][],
  fill: (ins: Float32Array[], outs: Float32Array[]) => void,
): Info[] {
  for (const t of inputs)
    if (t.dtype !== 'float32')
      throw new Error(`host kernel: expected float32 inputs, got ${t.dtype}`);
  if (backend.makeOutput && backend.typedArrayFromHeap) {
    const outs = outShapes.map((s) => backend.makeOutput!(s, 'float32'));
    fill(
      inputs.map((t) => backend.typedArrayFromHeap!(t)),
      outs.map((t) => backend.typedArrayFromHeap!(t)),
    );
    return outs;
  }
  if (!backend.makeTensorInfo) throw new Error('host kernel: expected the wasm or cpu backend');
  const outs = outShapes.map((s) => new Float32Array(s.reduce((a, b) => a * b, 1)));
  fill(
    inputs.map((t) => backend.readSync(t.dataId) as Float32Array),
    outs,
  );
  return outs.map((v, i) => backend.makeTensorInfo!(outShapes[i], 'float32', v));
}

export const ADAM_KERNEL = 'IdlabAdamStep';
export const RELU_TOPK_KERNEL = 'IdlabReluTopK';

/** Attributes of one Adam step; the bias corrections are folded into `stepSize` and `epsHat` by the caller. */
export interface AdamAttrs {
  beta1: number;
  beta2: number;
  /** -lr sqrt(1 - beta2^t) / (1 - beta1^t) */
  stepSize: number;
  /** eps sqrt(1 - beta2^t) */
  epsHat: number;
  /** number of variables */
  count: number;
  /** index of a 2-D variable whose rows are projected to unit norm after the update, or -1 */
  unitRows: number;
}

/**
 * Inputs m, v ([P] moments of all variables, concatenated) and x0..x{n-1}, g0..g{n-1};
 * outputs [m', v', x0', ..., x{n-1}'], each x' of its variable's shape, the rows of x{unitRows}
 * then scaled to unit norm. Float arithmetic in
 * float32, as the op chain it replaces (Math.fround after every product and sum).
 */
function adamKernel({
  inputs,
  backend,
  attrs,
}: {
  inputs: TF.NamedTensorInfoMap;
  backend: unknown;
  attrs?: TF.NamedAttrMap;
}): Info[] {
  const { beta1, beta2, stepSize, epsHat, count, unitRows } = attrs as unknown as AdamAttrs;
  const input = (name: string): Info => {
    const t = inputs[name];
    if (!t)
      throw new Error(
        `Adam: expected an input named ${name}, got only ${Object.keys(inputs).join(', ')}`,
      );
    return t;
  };
  const xs = Array.from({ length: count }, (_, i) => input(`x${i}`));
  const gs = Array.from({ length: count }, (_, i) => input(`g${i}`));
  const [m0, v0] = [input('m'), input('v')];
  const total = m0.shape[0] ?? 0;
  const sizes = xs.map((x) => x.shape.reduce((a, b) => a * b, 1));
  if (sizes.reduce((a, b) => a + b, 0) !== total)
    throw new Error(
      `Adam: expected moments of ${sizes.reduce((a, b) => a + b, 0)} entries, got ${total}`,
    );
  xs.forEach((x, i) => {
    const g = gs[i]!;
    if (g.shape.join() !== x.shape.join())
      throw new Error(`Adam: expected gradient ${i} of shape [${x.shape}], got [${g.shape}]`);
  });
  const f = Math.fround;
  const b1 = f(beta1),
    a1 = f(1 - beta1),
    b2 = f(beta2),
    a2 = f(1 - beta2),
    s = f(stepSize),
    e = f(epsHat);
  return hostRun(
    backend as HostBackend,
    [m0, v0, ...xs, ...gs],
    [[total], [total], ...xs.map((x) => x.shape)],
    (ins, outs) => {
      const [m, v] = ins;
      const [m2, v2] = outs;
      let o = 0;
      for (let i = 0; i < count; i++) {
        const x = ins[2 + i],
          g = ins[2 + count + i],
          x2 = outs[2 + i];
        for (let j = 0; j < x.length; j++, o++) {
          const gj = g[j];
          const mj = f(f(m[o] * b1) + f(gj * a1));
          const vj = f(f(v[o] * b2) + f(f(gj * gj) * a2));
          m2[o] = mj;
          v2[o] = vj;
          x2[j] = f(x[j] + f(f(mj * s) / f(f(Math.sqrt(vj)) + e)));
        }
        if (i === unitRows) {
          const cols = xs[i]!.shape[1] ?? 1;
          for (let r = 0; r < x2.length; r += cols) {
            let ss = 0;
            for (let c = 0; c < cols; c++) ss = f(ss + f(x2[r + c]! * x2[r + c]!));
            const d = f(f(Math.sqrt(ss)) + f(1e-8));
            for (let c = 0; c < cols; c++) x2[r + c] = f(x2[r + c]! / d);
          }
        }
      }
    },
  );
}

/** The current row's k largest values, descending; grown as needed. */
let topValues = new Float32Array(64);

/**
 * Input pre [rows, width]; attribute k (0 = ReLU only, though two TF.js kernels do that as fast). Outputs [z, mask]: mask = 1 where the
 * entry is among the row's k largest and positive (ReLU' x TopK), z = pre x mask. Ties go to the
 * lower index, as tf.topk. A NaN entry gives a NaN mask entry, so a diverging run shows in the loss.
 */
function reluTopKKernel({
  inputs,
  backend,
  attrs,
}: {
  inputs: TF.NamedTensorInfoMap;
  backend: unknown;
  attrs?: TF.NamedAttrMap;
}): Info[] {
  const { pre } = inputs;
  const k = (attrs as { k: number }).k;
  if (!pre || pre.shape.length !== 2)
    throw new Error(`ReLU-TopK: expected a [rows, width] tensor, got shape [${pre?.shape}]`);
  const [rows, width] = pre.shape as [number, number];
  if (!(Number.isInteger(k) && k >= 0 && k <= width))
    throw new Error(`ReLU-TopK: expected k an integer in [0, ${width}], got ${k}`);
  if (topValues.length < k) topValues = new Float32Array(k);
  return hostRun(backend as HostBackend, [pre], [pre.shape, pre.shape], ([p], [z, mask]) =>
    selectRows(p, z, mask, rows, width, k, topValues),
  );
}

function selectRows(
  p: Float32Array,
  z: Float32Array,
  mask: Float32Array,
  rows: number,
  width: number,
  k: number,
  top: Float32Array,
): void {
  for (let r = 0; r < rows; r++) {
    const off = r * width;
    let threshold = -Infinity; // the row's k-th largest value (NaN counted as -Infinity)
    let ties = width; // entries equal to the threshold still to take, lowest index first
    if (k > 0 && k < width) {
      // one pass keeping the k largest values in descending order by insertion
      let n = 0;
      for (let j = 0; j < width; j++) {
        let x = p[off + j];
        if (x !== x) x = -Infinity;
        if (n < k || x > top[k - 1]) {
          let i = n < k ? n++ : k - 1;
          while (i > 0 && top[i - 1] < x) {
            top[i] = top[i - 1];
            i--;
          }
          top[i] = x;
        }
      }
      threshold = top[k - 1];
      ties = 0;
      for (let i = k - 1; i >= 0 && top[i] === threshold; i--) ties++;
    }
    for (let j = 0; j < width; j++) {
      const x = p[off + j];
      let on = 0;
      if (x > threshold) on = 1;
      else if (x === threshold && ties > 0) {
        ties--;
        on = 1;
      } else if (x !== x) on = NaN;
      if (x <= 0) on = 0; // ReLU': only positive selected entries pass
      mask[off + j] = on;
      z[off + j] = on === 1 ? x : on;
    }
  }
}

const registered = new WeakSet<Tf>();

/** Register both kernels for the host backends; safe to call more than once (once per TF.js module). */
export function registerHostKernels(tf: Tf): void {
  if (registered.has(tf)) return;
  registered.add(tf);
  for (const backendName of HOST_BACKENDS) {
    if (!tf.getKernel(ADAM_KERNEL, backendName))
      tf.registerKernel({
        kernelName: ADAM_KERNEL,
        backendName,
        kernelFunc: adamKernel as unknown as TF.KernelFunc,
      });
    if (!tf.getKernel(RELU_TOPK_KERNEL, backendName))
      tf.registerKernel({
        kernelName: RELU_TOPK_KERNEL,
        backendName,
        kernelFunc: reluTopKKernel as unknown as TF.KernelFunc,
      });
  }
}

/** ReLU x TopK of pre-activations [rows, width] on a host backend: [z, mask]. Call inside tf.tidy. */
export function reluTopK(tf: Tf, pre: TF.Tensor2D, k: number): [TF.Tensor2D, TF.Tensor2D] {
  registerHostKernels(tf);
  return tf.engine().runKernel(RELU_TOPK_KERNEL, { pre }, { k }) as unknown as [
    TF.Tensor2D,
    TF.Tensor2D,
  ];
}

/**
 * TF.js in Node: the WASM backend (binaries from the installed package, nothing fetched),
 * falling back to the pure-JS CPU backend. `@tensorflow/tfjs-node` cannot be installed here.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type NodeBackend = 'wasm' | 'cpu';
export interface NodeTf {
  tf: typeof tf;
  backend: NodeBackend;
  reason: string;
}

let ready: Promise<NodeTf> | undefined;
let readyFor: NodeBackend | undefined;

export function initNodeTf(prefer: NodeBackend = 'wasm'): Promise<NodeTf> {
  if (ready && readyFor === prefer) return ready;
  readyFor = prefer;
  ready = (async (): Promise<NodeTf> => {
    if (prefer === 'wasm') {
      const require = createRequire(import.meta.url);
      const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
      setWasmPaths(dist + path.sep);
      try {
        if (await tf.setBackend('wasm'))
          return { tf, backend: 'wasm', reason: 'WASM backend (SIMD) from the installed package' };
      } catch {
        // fall through to CPU below
      }
      if (!(await tf.setBackend('cpu')))
        throw new Error('no TF.js backend: expected wasm or cpu to initialise, got neither');
      return { tf, backend: 'cpu', reason: 'WASM failed to initialise; pure-JS CPU backend' };
    }
    await tf.setBackend('cpu');
    return { tf, backend: 'cpu', reason: 'CPU backend requested' };
  })();
  return ready;
}

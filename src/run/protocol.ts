/** The one message protocol between the page and the training host (worker or main thread). */
import type { MetricPoint, Params, Views } from '../../experiments/core/spec';
import type { RunState } from '../../experiments/core/runner';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export type BackendRequest = BackendName | 'auto';

export interface BackendInfo {
  name: BackendName;
  requested: BackendRequest;
  /** Why this backend: what was tried, what failed, what was skipped. */
  reason: string;
  /** The GPU adapter (WebGPU) or renderer (WebGL) as the browser describes it, when one was found. */
  adapter?: string;
  /** The GPU of the chosen backend is software-emulated (SwiftShader, llvmpipe). */
  softwareAdapter?: boolean;
  /** TF.js core version of the host. */
  tfjs?: string;
}

export type ToHost =
  | {
      type: 'start';
      runId: number;
      experiment: string;
      params: Params;
      backend: BackendRequest;
      stepsPerTick: number;
      startPaused: boolean;
    }
  /** Before any Run: choose the backend and load the experiment's code, so Run starts at once. */
  | { type: 'warm'; runId: number; experiment: string; backend: BackendRequest }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'step'; runId: number }
  | { type: 'stop'; runId: number }
  | { type: 'speed'; runId: number; stepsPerTick: number };

export type FromHost =
  | { type: 'backend'; runId: number; info: BackendInfo }
  | { type: 'started'; runId: number; totalSteps: number }
  | { type: 'status'; runId: number; state: RunState; step: number }
  | { type: 'metrics'; runId: number; points: MetricPoint[] }
  | { type: 'views'; runId: number; views: Views }
  | {
      type: 'done';
      runId: number;
      state: 'done' | 'stopped' | 'error';
      step: number;
      final: Record<string, number>;
      seconds: number;
      error?: string;
    }
  | { type: 'error'; runId: number; message: string };

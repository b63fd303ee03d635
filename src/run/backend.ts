/**
 * Backend chain WebGPU -> WebGL -> WASM -> CPU. `?backend=` forces the first choice; the
 * automatic choice skips a software GPU (SwiftShader, llvmpipe) because WASM is faster there
 * (tech-notes: about 20x on these machines), found for WebGPU from its adapter and for WebGL from
 * its unmasked renderer string. Backends load lazily: only the chosen one is fetched.
 */
import * as tf from '@tensorflow/tfjs-core';
import { TIMED_OUT, within } from '../lib/timeout';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BACKENDS, type BackendInfo, type BackendName, type BackendRequest } from './protocol';

interface GpuProbe {
  ok: boolean;
  adapter?: string;
  software?: boolean;
  why?: string;
}

/** How long a WebGPU adapter request may take before the chain goes on without WebGPU. */
const ADAPTER_TIMEOUT_MS = 4000;

async function probeWebGpu(): Promise<GpuProbe> {
  const gpu = (
    globalThis.navigator as Navigator & {
      gpu?: { requestAdapter(): Promise<GPUAdapterLike | null> };
    }
  ).gpu;
  if (!gpu) return { ok: false, why: 'this browser exposes no navigator.gpu' };
  let adapter: GPUAdapterLike | null;
  try {
    // Some driver stacks never settle the request: give up after a few seconds and go on down the chain.
    const answer = await within(gpu.requestAdapter(), ADAPTER_TIMEOUT_MS);
    if (answer === TIMED_OUT)
      return {
        ok: false,
        why: `requestAdapter did not answer within ${ADAPTER_TIMEOUT_MS / 1000} s`,
      };
    adapter = answer;
  } catch (e) {
    return { ok: false, why: `requestAdapter failed: ${String(e)}` };
  }
  if (!adapter) return { ok: false, why: 'no WebGPU adapter was granted' };
  const info = adapter.info ?? {};
  const name =
    [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') ||
    'unnamed adapter';
  const software =
    Boolean(adapter.isFallbackAdapter || info.isFallbackAdapter) || SOFTWARE_RENDERER.test(name);
  return { ok: true, adapter: name, software };
}
const SOFTWARE_RENDERER = /swiftshader|software|llvmpipe|softpipe|basic render|mesa offscreen/i;

interface GlProbe {
  renderer?: string;
  software: boolean;
}

/** WebGL's renderer as the driver names it (WEBGL_debug_renderer_info when exposed). */
function probeWebGl(): GlProbe {
  try {
    const canvas =
      typeof OffscreenCanvas !== 'undefined'
        ? new OffscreenCanvas(1, 1)
        : typeof document !== 'undefined'
          ? document.createElement('canvas')
          : null;
    const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')) as
      WebGLRenderingContext | null | undefined;
    if (!gl) return { software: false };
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '',
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer: renderer || undefined, software: SOFTWARE_RENDERER.test(renderer) };
  } catch {
    return { software: false };
  }
}

interface GPUAdapterLike {
  info?: {
    vendor?: string;
    architecture?: string;
    device?: string;
    description?: string;
    isFallbackAdapter?: boolean;
  };
  isFallbackAdapter?: boolean;
}

async function register(name: BackendName): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  else if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  else if (name === 'wasm') {
    // The app serves its own WASM binaries (no CDN); Vite fingerprints and copies them into dist/.
    const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
    // One thread even on a cross-origin isolated page: TF.js starts its pthread workers from the
    // source text of a bundled function (Function.prototype.toString), which after bundling refers
    // to names outside itself, so every worker dies with "ReferenceError: e is not defined" and the
    // backend waits for them forever (seen in Chromium 2026-11 with COOP/COEP headers).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
  } else await import('@tensorflow/tfjs-backend-cpu');
}

/** Which WASM build runs (never the threaded one; see register). */
async function wasmFlavour(): Promise<string> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return `WASM ${simd ? 'SIMD, ' : ''}one thread`;
}

/** Try to make `name` the active backend; resolves to a failure reason or null on success. */
async function tryBackend(name: BackendName): Promise<string | null> {
  try {
    await register(name);
    // setBackend resolves false when initialisation fails; trust the boolean, not getBackend().
    if (!(await tf.setBackend(name))) return `${name} failed to initialise`;
    await tf.ready();
    return null;
  } catch (e) {
    return `${name} unavailable (${e instanceof Error ? e.message : String(e)})`;
  }
}

export async function chooseBackend(requested: BackendRequest): Promise<BackendInfo> {
  const notes: string[] = [];
  const gpu = await probeWebGpu();
  const adapterNote = gpu.ok
    ? `WebGPU adapter: ${gpu.adapter}${gpu.software ? ' (software, no GPU)' : ''}`
    : `WebGPU: ${gpu.why}`;
  const start = requested === 'auto' ? 0 : BACKENDS.indexOf(requested);
  let gl: GlProbe | undefined;
  for (const name of BACKENDS.slice(start)) {
    if (name === 'webgpu') {
      if (!gpu.ok) {
        notes.push(adapterNote);
        continue;
      }
      if (gpu.software && requested === 'auto') {
        notes.push(
          `${adapterNote}: skipped, WASM is faster than a software GPU (force it with ?backend=webgpu)`,
        );
        continue;
      }
    }
    if (name === 'webgl' && requested === 'auto') {
      if (gpu.ok && gpu.software) {
        notes.push('WebGL skipped: the GPU is software-emulated here, like WebGPU');
        continue;
      }
      gl = probeWebGl();
      if (gl.software) {
        notes.push(
          `WebGL skipped: its renderer is software (${gl.renderer}), slower than WASM (force it with ?backend=webgl)`,
        );
        continue;
      }
    }
    if (name === 'webgl' && !gl) gl = probeWebGl();
    const failure = await tryBackend(name);
    if (failure) {
      notes.push(failure);
      continue;
    }
    const how =
      requested === 'auto'
        ? 'chosen automatically'
        : requested === name
          ? `requested with ?backend=${name}`
          : `fallback: ?backend=${requested} was requested`;
    const why = [how, ...notes];
    if (name === 'webgpu') why.push(adapterNote);
    if (name === 'webgl' && gl?.renderer)
      why.push(`WebGL renderer: ${gl.renderer}${gl.software ? ' (software, no GPU)' : ''}`);
    if (name === 'wasm') why.push(await wasmFlavour());
    return {
      name,
      requested,
      reason: why.join('; '),
      adapter: name === 'webgl' ? (gl?.renderer ?? gpu.adapter) : gpu.adapter,
      softwareAdapter: name === 'webgl' ? Boolean(gl?.software) : gpu.software,
    };
  }
  throw new Error(
    `no TF.js backend could start: expected one of ${BACKENDS.join(', ')}, got failures: ${notes.join('; ')}`,
  );
}

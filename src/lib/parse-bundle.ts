/**
 * A bundle's text parsed in a worker (src/run/bundle-worker.ts), so a large one does not block the
 * page; where no worker can start, on the main thread. Refusals arrive as BundleError, as from
 * parseBundle itself.
 */
import { BundleError, parseBundle, type LoadedBundle } from '../../experiments/core/bundle';
import { experiments } from '../../experiments/registry';

const onMainThread = (text: string): LoadedBundle =>
  parseBundle(text, (id) => experiments.find((x) => x.id === id));

export function parseBundleOffThread(text: string): Promise<LoadedBundle> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../run/bundle-worker.ts', import.meta.url), {
      type: 'module',
      name: 'bundle',
    });
  } catch {
    return Promise.resolve().then(() => onMainThread(text));
  }
  return new Promise<LoadedBundle>((resolve, reject) => {
    worker.onmessage = (
      e: MessageEvent<{ ok: true; loaded: LoadedBundle } | { ok: false; message: string }>,
    ) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.loaded);
      else reject(new BundleError(e.data.message));
    };
    // The worker itself failed (its script did not load): parse here instead.
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      try {
        resolve(onMainThread(text));
      } catch (err) {
        reject(err);
      }
    };
    worker.postMessage(text);
  });
}

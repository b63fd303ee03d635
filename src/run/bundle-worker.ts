/// <reference lib="webworker" />
/**
 * Parses a bundle off the main thread: a bundle of many runs takes JSON.parse and zod a good part
 * of a second, which on the page would freeze the charts and controls. Answers with the loaded
 * bundle or the refusal's message.
 */
import { parseBundle } from '../../experiments/core/bundle';
import { experiments } from '../../experiments/registry';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<string>) => {
  try {
    scope.postMessage({
      ok: true,
      loaded: parseBundle(e.data, (id) => experiments.find((x) => x.id === id)),
    });
  } catch (err) {
    scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};

/**
 * Connects the page to a training host: a dedicated Web Worker when the browser allows one,
 * otherwise the same host on the main thread (`?worker=0` forces that).
 */
import type { FromHost, ToHost } from './protocol';

export interface Driver {
  kind: 'worker' | 'main-thread';
  /** Why this kind (for the status line). */
  why: string;
  send(msg: ToHost): void;
  dispose(): void;
}

export async function createDriver(
  listener: (msg: FromHost) => void,
  preferWorker = true,
  /** Called when a worker that failed to start was replaced by the main-thread host. */
  onFallback?: (kind: Driver['kind'], why: string) => void,
): Promise<Driver> {
  if (preferWorker && typeof Worker !== 'undefined') {
    try {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), {
        type: 'module',
        name: 'training',
      });
      let lastRunId = 0;
      // Until the worker has answered once, what was sent is kept: if it fails to start (its script
      // does not load, or throws at start), the main-thread host takes over and receives it all.
      let started = false;
      let unanswered: ToHost[] = [];
      let fallback: Driver | undefined;
      worker.onmessage = (e: MessageEvent<FromHost>) => {
        started = true;
        unanswered = [];
        listener(e.data);
      };
      // A worker that fails to load or throws outside the host's own error handling.
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        const why = e.message || 'could not load';
        if (!started && !fallback) {
          worker.terminate();
          void mainThread(
            listener,
            `the training worker failed to start (${why}): training on the main thread`,
          ).then((d) => {
            fallback = d;
            onFallback?.(d.kind, d.why);
            for (const m of unanswered) d.send(m);
            unanswered = [];
          });
          return;
        }
        listener({
          type: 'error',
          runId: lastRunId,
          message: `training worker failed: ${why} (reload, or try ?worker=0)`,
        });
      };
      const send = (m: ToHost) => {
        lastRunId = m.runId;
        if (fallback) return fallback.send(m);
        if (!started) unanswered.push(m);
        worker.postMessage(m);
      };
      return {
        kind: 'worker',
        why: 'training runs in a Web Worker',
        send,
        dispose: () => {
          worker.terminate();
          fallback?.dispose();
        },
      };
    } catch (e) {
      return mainThread(
        listener,
        `Web Worker unavailable (${e instanceof Error ? e.message : String(e)}): training on the main thread`,
      );
    }
  }
  return mainThread(
    listener,
    preferWorker
      ? 'no Web Worker support: training on the main thread'
      : 'main thread requested with ?worker=0',
  );
}

async function mainThread(listener: (msg: FromHost) => void, why: string): Promise<Driver> {
  const { createHost } = await import('./host');
  let alive = true;
  // Deliver asynchronously, as a worker would, so the page never re-enters its own handler.
  const handle = createHost((m) => queueMicrotask(() => alive && listener(m)));
  return { kind: 'main-thread', why, send: handle, dispose: () => (alive = false) };
}

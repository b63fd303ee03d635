/**
 * The training host: receives protocol messages, owns TF.js and the Runner. The same code
 * runs inside the Web Worker and, as the fallback, on the main thread.
 */
import * as tf from '@tensorflow/tfjs-core';
import { getExperiment } from '../../experiments/registry';
import { Runner } from '../../experiments/core/runner';
import { resolveParams } from '../../experiments/core/params';
import { chooseBackend } from './backend';
import { VIEW_LIMITS } from '../lib/figures';
import type { BackendInfo, BackendRequest, FromHost, ToHost } from './protocol';

const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));

export function createHost(post: (msg: FromHost) => void): (msg: ToHost) => void {
  let backend: { requested: BackendRequest; info: Promise<BackendInfo> } | undefined;
  let current: { runId: number; runner?: Runner; queued: ToHost[] } | undefined;
  /** The backend for a request, chosen once per distinct request (a warm-up and the run share it). */
  const backendFor = (requested: BackendRequest): Promise<BackendInfo> => {
    if (!backend || backend.requested !== requested)
      backend = { requested, info: chooseBackend(requested) };
    return backend.info;
  };

  async function start(msg: Extract<ToHost, { type: 'start' }>): Promise<void> {
    const { runId } = msg;
    current = { runId, queued: [] };
    try {
      post({
        type: 'backend',
        runId,
        info: { ...(await backendFor(msg.backend)), tfjs: tf.version_core },
      });
      const spec = getExperiment(msg.experiment);
      // Re-validate: the host trusts nothing it did not check itself.
      const params = resolveParams(spec, undefined, msg.params, 'strict').params;
      const trainer = await spec.load();
      if (current?.runId !== runId) return;
      const runner = new Runner(
        tf,
        spec,
        trainer,
        params,
        {
          onPoints: (points) => post({ type: 'metrics', runId, points }),
          onViews: (views) => post({ type: 'views', runId, views }),
          onState: (state, step) => post({ type: 'status', runId, state, step }),
          onStart: (totalSteps) => post({ type: 'started', runId, totalSteps }),
        },
        // Curves at most five times a second and scatter / heat-map snapshots once a second: each
        // update is a chart frame on the page's main thread, and the snapshots are the bulk of
        // the messages.
        {
          stepsPerTick: msg.stepsPerTick,
          startPaused: msg.startPaused,
          yieldFn: yieldToEvents,
          flushMs: 200,
          viewsMs: 1000,
          viewLimits: VIEW_LIMITS,
        },
      );
      current.runner = runner;
      for (const q of current.queued) control(runner, q);
      const result = await runner.run();
      post({
        type: 'done',
        runId,
        state: result.state,
        step: result.step,
        final: result.final,
        seconds: result.seconds,
        error: result.error,
      });
    } catch (e) {
      post({ type: 'error', runId, message: e instanceof Error ? e.message : String(e) });
    }
  }

  function control(runner: Runner, msg: ToHost): void {
    if (msg.type === 'pause') runner.pause();
    else if (msg.type === 'resume') runner.resume();
    else if (msg.type === 'step') runner.stepOnce();
    else if (msg.type === 'stop') runner.stop();
    else if (msg.type === 'speed') runner.setStepsPerTick(msg.stepsPerTick);
  }

  return (msg: ToHost) => {
    if (msg.type === 'warm') {
      // Errors surface on the first real start, which awaits the same promises.
      void backendFor(msg.backend).catch(() => undefined);
      void Promise.resolve()
        .then(() => getExperiment(msg.experiment).load())
        .catch(() => undefined);
      return;
    }
    if (msg.type === 'start') {
      current?.runner?.stop();
      void start(msg);
      return;
    }
    if (!current || current.runId !== msg.runId) return; // a message for a run that is gone
    if (current.runner) control(current.runner, msg);
    else current.queued.push(msg);
  };
}

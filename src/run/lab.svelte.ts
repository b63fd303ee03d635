/**
 * Run state of one lab page: a class with runes, fed by the driver's messages. A lab runs a
 * study: a plan of one or more runs (several seeds, a sweep), executed one after another on the
 * same host; the live run is charted as it trains and every finished run is kept.
 */
import type { MetricPoint, ParamValue, Params, Views } from '../../experiments/core/spec';
import type { RunState } from '../../experiments/core/runner';
import type { RunRecord } from '../../experiments/core/bundle';
import type { PlannedRun } from '../../experiments/core/study';
import { createDriver, type Driver } from './driver';
import type { BackendInfo, BackendRequest, FromHost } from './protocol';

export type LabState = 'idle' | 'starting' | RunState;

export interface CompletedRun extends RunRecord {
  index: number;
  value?: ParamValue;
  views: Views;
  backend: string;
}

export class LabRun {
  state = $state<LabState>('idle');
  step = $state(0);
  totalSteps = $state(0);
  history = $state.raw<MetricPoint[]>([]);
  views = $state.raw<Views>({});
  final = $state.raw<Record<string, number> | null>(null);
  error = $state<string | null>(null);
  backend = $state.raw<BackendInfo | null>(null);
  driverKind = $state<'worker' | 'main-thread' | null>(null);
  driverWhy = $state('');
  seconds = $state(0);
  stepsPerTick = $state(10);
  /** The study being run, and the runs of it that have finished (in plan order). */
  plan = $state.raw<PlannedRun[]>([]);
  completed = $state.raw<CompletedRun[]>([]);
  current = $state(0);
  /** Wall-clock start of the live run, and the time spent paused in it (for the estimate). */
  private runStarted = 0;
  private pausedAt = 0;
  private pausedMs = 0;
  /** Set while a recorded reference run is on screen (no live run yet): what to say about it. */
  recorded = $state<string | null>(null);
  /** The runs on screen came from a loaded bundle (not trained on this page). */
  loaded = $state(false);
  /** Called with each run as it finishes (the page stores it in the history). */
  onRunDone?: (run: CompletedRun) => void;

  private runId = 0;
  private driver?: Promise<Driver>;
  private experiment = '';

  constructor(
    private readonly backendRequest: BackendRequest,
    private readonly preferWorker: boolean,
    stepsPerTick = 10,
  ) {
    this.stepsPerTick = stepsPerTick;
  }

  private getDriver(): Promise<Driver> {
    const onFallback = (kind: Driver['kind'], why: string) => {
      this.driverKind = kind;
      this.driverWhy = why;
    };
    this.driver ??= createDriver((m) => this.receive(m), this.preferWorker, onFallback).then(
      (d) => {
        this.driverKind = d.kind;
        this.driverWhy = d.why;
        return d;
      },
    );
    return this.driver;
  }

  get latest(): Record<string, number> | null {
    return this.final ?? this.history.at(-1)?.metrics ?? null;
  }

  get active(): boolean {
    return this.state === 'starting' || this.state === 'running' || this.state === 'paused';
  }

  get isStudy(): boolean {
    return this.plan.length > 1;
  }

  /**
   * Seconds left: the live run's remaining steps at its measured rate, plus the runs still
   * queued at the mean duration of the finished ones (or of this one, extrapolated). Null until
   * there is a rate to go on.
   */
  get etaSeconds(): number | null {
    if (!this.active || this.step <= 0 || !this.totalSteps || !this.runStarted) return null;
    const elapsed =
      (performance.now() -
        this.runStarted -
        this.pausedMs -
        (this.pausedAt ? performance.now() - this.pausedAt : 0)) /
      1000;
    if (elapsed <= 0) return null;
    const perStep = elapsed / this.step;
    const thisRun = Math.max(0, this.totalSteps - this.step) * perStep;
    const queued = this.plan.length - this.current - 1;
    const perRun = this.completed.length
      ? this.completed.reduce((a, r) => a + r.seconds, 0) / this.completed.length
      : this.totalSteps * perStep;
    return thisRun + queued * perRun;
  }

  /** Start the host, choose its backend and load the experiment's code before Run is pressed. */
  async warm(experiment: string): Promise<void> {
    (await this.getDriver()).send({
      type: 'warm',
      runId: this.runId,
      experiment,
      backend: this.backendRequest,
    });
  }

  async start(experiment: string, params: Params, startPaused = false): Promise<void> {
    return this.startStudy(
      experiment,
      [{ index: 0, seed: typeof params.seed === 'number' ? params.seed : 0, params }],
      startPaused,
    );
  }

  async startStudy(experiment: string, plan: PlannedRun[], startPaused = false): Promise<void> {
    this.experiment = experiment;
    this.plan = plan;
    this.completed = [];
    this.error = null;
    await this.launch(0, startPaused);
  }

  private async launch(i: number, startPaused = false): Promise<void> {
    const runId = ++this.runId;
    this.clear();
    this.current = i;
    this.state = 'starting';
    const driver = await this.getDriver();
    if (runId !== this.runId) return;
    driver.send({
      type: 'start',
      runId,
      experiment: this.experiment,
      params: { ...this.plan[i].params },
      backend: this.backendRequest,
      stepsPerTick: this.stepsPerTick,
      startPaused,
    });
  }

  /** Show a recorded run's curves, charts and final metrics until a live run starts. */
  showRecorded(
    label: string,
    history: MetricPoint[],
    views: Views,
    final: Record<string, number>,
  ): void {
    if (this.state !== 'idle') return;
    this.history = history;
    this.views = views;
    this.final = final;
    this.recorded = label;
  }

  /**
   * Show a loaded bundle's runs as a finished study: its claims judged on the last finished run,
   * its tallies, bands and sweep drawn from every run, until a live run starts. Bundles keep
   * curves and final metrics, not the trainer's views.
   */
  showLoaded(label: string, runs: readonly RunRecord[], backend: string): void {
    this.runId++;
    this.clear();
    this.plan = runs.map((r, index) => ({
      index,
      seed: r.seed,
      ...(r.value !== undefined ? { value: r.value } : {}),
      params: r.params,
    }));
    this.completed = runs.map((r, index) => ({ ...r, index, views: {}, backend }));
    const last = [...this.completed].reverse().find((r) => r.state === 'done');
    this.current = this.plan.length - 1;
    this.history = (last ?? this.completed.at(-1))?.history ?? [];
    this.step = this.history.at(-1)?.step ?? 0;
    this.final = last?.final ?? null;
    this.error = null;
    this.recorded = label;
    this.loaded = true;
    this.state = last ? 'done' : 'stopped';
  }

  private clear(): void {
    this.loaded = false;
    this.recorded = null;
    this.history = [];
    this.views = {};
    this.final = null;
    this.step = 0;
    this.totalSteps = 0;
    this.seconds = 0;
    this.runStarted = 0;
    this.pausedAt = 0;
    this.pausedMs = 0;
  }

  private async send(type: 'pause' | 'resume' | 'step' | 'stop'): Promise<void> {
    (await this.getDriver()).send({ type, runId: this.runId });
  }
  pause = () => this.send('pause');
  resume = () => this.send('resume');
  stepOnce = () => this.send('step');

  /** Stop the study and clear its charts. */
  reset = async () => {
    await this.send('stop');
    this.runId++;
    this.clear();
    this.plan = [];
    this.completed = [];
    this.error = null;
    this.state = 'idle';
  };

  /** Stop the study but keep what finished (a cancelled sweep keeps its points). */
  cancel = async () => {
    await this.send('stop');
    this.runId++;
    this.state = this.completed.length ? 'stopped' : 'idle';
  };

  async setSpeed(stepsPerTick: number): Promise<void> {
    this.stepsPerTick = stepsPerTick;
    (await this.getDriver()).send({ type: 'speed', runId: this.runId, stepsPerTick });
  }

  private receive(msg: FromHost): void {
    if (msg.runId !== this.runId) return;
    switch (msg.type) {
      case 'backend':
        this.backend = msg.info;
        break;
      case 'started':
        this.totalSteps = msg.totalSteps;
        this.runStarted = performance.now();
        break;
      case 'status':
        if (msg.state === 'paused' && !this.pausedAt) this.pausedAt = performance.now();
        if (msg.state !== 'paused' && this.pausedAt) {
          this.pausedMs += performance.now() - this.pausedAt;
          this.pausedAt = 0;
        }
        // Between the runs of a study the page stays "running" until the last one ends.
        if (!(
          this.isStudy &&
          (msg.state === 'done' || msg.state === 'error') &&
          this.current < this.plan.length - 1
        ))
          this.state = msg.state;
        this.step = msg.step;
        break;
      case 'metrics':
        this.history = this.history.concat(msg.points);
        this.step = msg.points.at(-1)?.step ?? this.step;
        break;
      case 'views':
        this.views = msg.views;
        break;
      case 'done':
        this.step = msg.step;
        this.seconds = msg.seconds;
        if (msg.state === 'stopped') {
          this.state = 'stopped';
          break;
        }
        this.finishRun(msg.state, msg.final, msg.error);
        break;
      case 'error':
        this.finishRun('error', {}, msg.message);
        break;
    }
  }

  private finishRun(state: 'done' | 'error', final: Record<string, number>, error?: string): void {
    const planned = this.plan[this.current];
    if (!planned) {
      // A host error before any run was planned (the host failed while warming up): say so.
      this.error = error ?? 'the training host failed';
      this.state = 'error';
      return;
    }
    const record: CompletedRun = {
      index: this.current,
      seed: planned.seed,
      ...(planned.value !== undefined ? { value: planned.value } : {}),
      params: planned.params,
      state,
      ...(error ? { error } : {}),
      step: this.step,
      seconds: this.seconds,
      final,
      history: this.history,
      views: this.views,
      backend: this.backend?.name ?? 'unknown',
    };
    this.completed = [...this.completed, record];
    this.onRunDone?.(record);
    if (state === 'done') this.final = final;
    if (error)
      this.error = this.isStudy
        ? `run ${this.current + 1} of ${this.plan.length} (seed ${planned.seed}${planned.value !== undefined ? `, ${String(planned.value)}` : ''}): ${error}`
        : error;
    if (this.current + 1 < this.plan.length) {
      void this.launch(this.current + 1);
      return;
    }
    this.state = this.isStudy
      ? this.completed.some((r) => r.state === 'done')
        ? 'done'
        : 'error'
      : state;
  }

  dispose(): void {
    void this.driver?.then((d) => d.dispose());
  }
}

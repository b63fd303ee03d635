/** Run state of one lab page: a class with runes, fed by the driver's messages. */
import type { MetricPoint, Params, View } from '../../experiments/core/spec';
import type { RunState } from '../../experiments/core/runner';
import { createDriver, type Driver } from './driver';
import type { BackendInfo, BackendRequest, FromHost } from './protocol';

export type LabState = 'idle' | 'starting' | RunState;

export class LabRun {
  state = $state<LabState>('idle');
  step = $state(0);
  history = $state.raw<MetricPoint[]>([]);
  views = $state.raw<View[]>([]);
  final = $state.raw<Record<string, number> | null>(null);
  error = $state<string | null>(null);
  backend = $state.raw<BackendInfo | null>(null);
  driverKind = $state<'worker' | 'main-thread' | null>(null);
  driverWhy = $state('');
  seconds = $state(0);
  stepsPerTick = $state(10);

  private runId = 0;
  private driver?: Promise<Driver>;

  constructor(
    private readonly backendRequest: BackendRequest,
    private readonly preferWorker: boolean,
    stepsPerTick = 10,
  ) {
    this.stepsPerTick = stepsPerTick;
  }

  private getDriver(): Promise<Driver> {
    this.driver ??= createDriver((m) => this.receive(m), this.preferWorker).then((d) => {
      this.driverKind = d.kind;
      this.driverWhy = d.why;
      return d;
    });
    return this.driver;
  }

  get latest(): Record<string, number> | null {
    return this.final ?? this.history.at(-1)?.metrics ?? null;
  }

  get active(): boolean {
    return this.state === 'starting' || this.state === 'running' || this.state === 'paused';
  }

  async start(experiment: string, params: Params, startPaused = false): Promise<void> {
    const runId = ++this.runId;
    this.clear();
    this.state = 'starting';
    const driver = await this.getDriver();
    driver.send({ type: 'start', runId, experiment, params: { ...params }, backend: this.backendRequest, stepsPerTick: this.stepsPerTick, startPaused });
  }

  private clear(): void {
    this.history = [];
    this.views = [];
    this.final = null;
    this.error = null;
    this.step = 0;
    this.seconds = 0;
  }

  private async send(type: 'pause' | 'resume' | 'step' | 'stop'): Promise<void> {
    (await this.getDriver()).send({ type, runId: this.runId });
  }
  pause = () => this.send('pause');
  resume = () => this.send('resume');
  stepOnce = () => this.send('step');

  /** Stop the run and clear its charts. */
  reset = async () => {
    await this.send('stop');
    this.runId++;
    this.clear();
    this.state = 'idle';
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
      case 'status':
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
        this.state = msg.state;
        this.step = msg.step;
        this.seconds = msg.seconds;
        if (msg.state === 'done') this.final = msg.final;
        if (msg.error) this.error = msg.error;
        break;
      case 'error':
        this.state = 'error';
        this.error = msg.message;
        break;
    }
  }

  dispose(): void {
    void this.driver?.then((d) => d.dispose());
  }
}

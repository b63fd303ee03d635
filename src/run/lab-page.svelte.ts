/**
 * The lab page's setting: preset, parameters, seeds, sweep, hidden controls and presenter mode.
 * Read once from the link; every setter writes the hash (replaceState), so the address bar is a
 * link to what is on screen and nothing calls a sync by hand. A change of setting calls
 * `onChange` (the page resets its run).
 */
import { checkParams, resolveParams } from '../../experiments/core/params';
import type { ExperimentSpec, ParamValue, Params } from '../../experiments/core/spec';
import { parseSweep } from '../../experiments/core/study';
import {
  labHash,
  readLabState,
  readRuntimeOptions,
  readStudyState,
  type PageKey,
  type RuntimeOptions,
} from '../lib/url';

export class LabPage {
  readonly runtime: RuntimeOptions;
  /** What the link asked for that could not be used, in words. */
  readonly notices: string[];
  preset = $state('');
  params = $state<Params>({});
  seeds = $state(1);
  /** `key=v1,v2,...`, already checked, or '' for no sweep. */
  sweepText = $state('');
  hide = $state<string[]>([]);
  present = $state(false);
  /** Called after any change of setting. */
  onChange?: () => void;

  constructor(
    readonly spec: ExperimentSpec,
    query: URLSearchParams,
    /** The page path the URL state is written under (a paper page embeds the lab). */
    private readonly path?: string,
  ) {
    const lab = readLabState(spec, query);
    this.runtime = readRuntimeOptions(location.search, query, spec);
    const study = readStudyState(spec, query);
    this.notices = [
      ...[...lab.errors, ...this.runtime.errors, ...study.errors].map(
        (e) => `${e.message}; using the default instead`,
      ),
      ...lab.conflicts.map(
        (e) =>
          `${e.message}: the link's setting breaks a rule of this experiment; change it to run`,
      ),
      ...this.runtime.notices,
      ...study.notices,
    ];
    this.preset = lab.preset;
    this.params = lab.params;
    this.seeds = study.seeds;
    this.sweepText = study.sweep;
    this.hide = study.hide;
    this.present = study.present;
    this.write();
  }

  get sweep() {
    return this.sweepText ? parseSweep(this.spec, this.sweepText) : undefined;
  }
  /** A rule across parameters the setting breaks (the spec's check): Run waits until it changes. */
  get blocked(): string | undefined {
    return (
      checkParams(this.spec, this.params)
        .map((e) => e.message)
        .join('; ') || undefined
    );
  }
  /** The lab's own link (a paper page embedding the lab links to the lab itself). */
  get link(): string {
    return labHash(this.spec, this.preset, this.params, this.extra());
  }

  /** The link to share: the lab's link, saying which backend its results were made on. */
  shareLink(backend: string | undefined): string {
    return labHash(this.spec, this.preset, this.params, {
      ...this.extra(),
      ...(backend ? { madeOn: backend } : {}),
    });
  }

  setParam(key: string, value: ParamValue): void {
    this.params = { ...this.params, [key]: value };
    this.changed();
  }

  /** A preset resets the setting to its values; the seed the user chose stays. */
  setPreset(id: string): void {
    const seed = this.params.seed;
    const next = resolveParams(this.spec, id, {}).params;
    if (seed !== undefined && 'seed' in next) next.seed = seed;
    this.preset = id;
    this.params = next;
    this.changed();
  }

  /** The next or previous preset, in the spec's order. */
  movePreset(delta: number): void {
    const ids = Object.keys(this.spec.presets);
    this.setPreset(ids[(ids.indexOf(this.preset) + delta + ids.length) % ids.length]);
  }

  setStudy(seeds: number, sweep: string): void {
    this.seeds = seeds;
    this.sweepText = sweep;
    this.changed();
  }

  /** Everything at once (a loaded bundle's setting). */
  restore(preset: string, params: Params, seeds: number, sweep: string): void {
    this.preset = preset;
    this.params = params;
    this.seeds = seeds;
    this.sweepText = sweep;
    this.write();
  }

  showAllControls(): void {
    this.hide = [];
    this.write();
  }

  setPresent(on: boolean): void {
    this.present = on;
    this.write();
  }

  private changed(): void {
    this.write();
    this.onChange?.();
  }

  private extra(): Partial<Record<PageKey, string>> {
    return {
      ...(this.runtime.backend !== 'auto' ? { backend: this.runtime.backend } : {}),
      ...(this.runtime.worker ? {} : { worker: '0' }),
      ...(this.seeds > 1 ? { seeds: String(this.seeds) } : {}),
      ...(this.sweepText ? { sweep: this.sweepText } : {}),
      ...(this.hide.length ? { hide: this.hide.join(',') } : {}),
      ...(this.present ? { present: '1' } : {}),
    };
  }

  private write(): void {
    history.replaceState(
      null,
      '',
      labHash(this.spec, this.preset, this.params, this.extra(), this.path),
    );
  }
}

/**
 * URL state: `#/lab/<experiment>?page.preset=..&<param>=..&seed=..&study.seeds=..` (hash routing,
 * so any static host serves deep links). `?backend=` and `?worker=0` may sit in the search part,
 * or as `page.backend` / `page.worker` in the hash.
 * Every value goes through the experiment's own validation; refused values become notices.
 */
import { resolveParams, formatValue, ParamError, parseParam } from '../../experiments/core/params';
import type { ExperimentSpec, Params } from '../../experiments/core/spec';
import { BACKENDS, type BackendName, type BackendRequest } from '../run/protocol';
import { MAX_SEEDS, parseSweep } from '../../experiments/core/study';

export type Route =
  | { page: 'home'; query: URLSearchParams }
  | { page: 'lab'; experiment: string; query: URLSearchParams }
  | { page: 'paper'; id: string; query: URLSearchParams }
  | { page: 'missing'; path: string };

/**
 * Page and study keys live in their own namespaces (`page.*`, `study.*`). A parameter name is an
 * identifier without a dot (the registry test checks it), so no parameter can collide with them:
 * `sae-sweep` has a parameter called `sweep`, and `study.sweep` is the generic study's.
 */
export const PAGE_KEYS = {
  preset: 'page.preset',
  hide: 'page.hide',
  present: 'page.present',
  backend: 'page.backend',
  worker: 'page.worker',
  /** The backend a shared link was made on (written by the share link, read to warn on a difference). */
  madeOn: 'page.madeOn',
  seeds: 'study.seeds',
  sweep: 'study.sweep',
} as const;
export type PageKey = keyof typeof PAGE_KEYS;
/** What a parameter may be called: an identifier, so it is never a namespaced key. */
export const PARAM_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const LEGACY = new Set<string>(Object.keys(PAGE_KEYS));
const NAMESPACED = new Set<string>(Object.values(PAGE_KEYS));

/** A page key as a link gives it: the namespaced key, else an old link's bare key. */
interface PageValue {
  value: string | null;
  /** Set when an old link's bare key was read as a page key although a parameter has that name. */
  notice?: string;
}

/** Whether an old link's bare `key=value` is the spec's parameter of that name (a value it accepts). */
function isParamValue(spec: ExperimentSpec | undefined, key: string, value: string): boolean {
  const s = spec && Object.hasOwn(spec.params, key) ? spec.params[key] : undefined;
  if (!s) return false;
  try {
    parseParam(key, s, value);
    return true;
  } catch (e) {
    if (e instanceof ParamError) return false;
    throw e;
  }
}

/**
 * Links before the namespaces wrote `preset=`, `seeds=`, `sweep=`, `hide=`, `present=`,
 * `backend=` and `worker=`. Such a key is still read as the page key where the experiment has
 * no parameter of that name; where it has one, the bare key is the parameter when the value is
 * one the parameter accepts, and otherwise the page key, with a notice saying which was read.
 */
export function readPageValue(
  spec: ExperimentSpec | undefined,
  query: URLSearchParams,
  key: PageKey,
): PageValue {
  const namespaced = query.get(PAGE_KEYS[key]);
  if (namespaced !== null) return { value: namespaced };
  const bare = query.get(key);
  if (bare === null) return { value: null };
  if (!spec || !Object.hasOwn(spec.params, key)) return { value: bare };
  if (isParamValue(spec, key, bare)) return { value: null };
  return {
    value: bare,
    notice: `${key}=${bare}: read as ${PAGE_KEYS[key]} (not a value of the parameter ${key}); links now write ${PAGE_KEYS[key]}`,
  };
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const query = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  if (path === '' || path === '/') return { page: 'home', query };
  const m = /^\/lab\/([\w-]+)\/?$/.exec(path);
  if (m) return { page: 'lab', experiment: m[1], query };
  const paper = /^\/paper\/([\w-]+)\/?$/.exec(path);
  if (paper) return { page: 'paper', id: paper[1], query };
  return { page: 'missing', path };
}

export interface LabUrlState {
  preset: string;
  params: Params;
  errors: ParamError[];
  /** Rules across parameters the link's setting breaks (kept, and marked at their controls). */
  conflicts: ParamError[];
}

export function readLabState(spec: ExperimentSpec, query: URLSearchParams): LabUrlState {
  // No prototype: a key named __proto__ is a key like any other (and is refused as unknown).
  const overrides: Record<string, string> = Object.create(null);
  const unknown: ParamError[] = [];
  const repeated = new Set<string>();
  for (const k of new Set(query.keys())) {
    const all = query.getAll(k);
    if (all.length < 2) continue;
    repeated.add(k);
    unknown.push(
      new ParamError(
        k,
        'once in the link',
        `${all.length} values (${all.map((v) => JSON.stringify(v)).join(', ')})`,
      ),
    );
  }
  for (const [k, v] of query) {
    if (NAMESPACED.has(k) || repeated.has(k)) continue;
    if (k.includes('.')) {
      unknown.push(
        new ParamError(
          'link',
          `a parameter or one of ${[...NAMESPACED].join(', ')}`,
          JSON.stringify(k),
        ),
      );
      continue;
    }
    // An old link's bare page key, unless the experiment has a parameter of that name and the value is one of its.
    if (LEGACY.has(k) && !isParamValue(spec, k, v)) continue;
    overrides[k] = v;
  }
  const preset =
    repeated.has(PAGE_KEYS.preset) || repeated.has('preset')
      ? { value: null }
      : readPageValue(spec, query, 'preset');
  const resolved = resolveParams(spec, preset.value ?? undefined, overrides, 'lenient');
  return { ...resolved, errors: [...unknown, ...resolved.errors] };
}

/** The URL of a lab state; `path` is the page that shows it (the lab, or a paper page embedding it). */
export function labHash(
  spec: ExperimentSpec,
  preset: string,
  params: Params,
  extra: Partial<Record<PageKey, string>> = {},
  path = `/lab/${spec.id}`,
): string {
  const q = new URLSearchParams({ [PAGE_KEYS.preset]: preset });
  for (const k of Object.keys(spec.params)) q.set(k, formatValue(params[k]));
  for (const [k, v] of Object.entries(extra) as [PageKey, string][]) q.set(PAGE_KEYS[k], v);
  return `#${path}?${q.toString()}`;
}

/** A link to a lab at a preset (paper pages and the catalog). */
export function presetLink(experiment: string, preset: string): string {
  return `#/lab/${experiment}?${new URLSearchParams({ [PAGE_KEYS.preset]: preset }).toString()}`;
}

export interface RuntimeOptions {
  backend: BackendRequest;
  worker: boolean;
  /** The backend the link was made on, when it says. */
  madeOn?: BackendName;
  errors: ParamError[];
  /** Old links' bare keys read as page keys where a parameter has the same name. */
  notices: string[];
}

/** `backend` and `worker` from the search part, overridden by the hash query (`page.backend`, `page.worker`). */
export function readRuntimeOptions(
  search: string,
  hashQuery: URLSearchParams,
  spec?: ExperimentSpec,
): RuntimeOptions {
  const s = new URLSearchParams(search);
  const errors: ParamError[] = [];
  const notices: string[] = [];
  const fromHash = (key: 'backend' | 'worker' | 'madeOn') => {
    const r = readPageValue(spec, hashQuery, key);
    if (r.notice) notices.push(r.notice);
    return r.value;
  };
  const backendRaw = fromHash('backend') ?? s.get('backend');
  let backend: BackendRequest = 'auto';
  if (backendRaw !== null) {
    if (backendRaw === 'auto' || (BACKENDS as readonly string[]).includes(backendRaw))
      backend = backendRaw as BackendRequest;
    else
      errors.push(
        new ParamError(
          'backend',
          `one of auto, ${BACKENDS.join(', ')}`,
          JSON.stringify(backendRaw),
        ),
      );
  }
  const workerRaw = fromHash('worker') ?? s.get('worker');
  let worker = true;
  if (workerRaw !== null) {
    if (workerRaw === '0' || workerRaw === '1') worker = workerRaw === '1';
    else errors.push(new ParamError('worker', '0 or 1', JSON.stringify(workerRaw)));
  }
  const madeOnRaw = fromHash('madeOn');
  let madeOn: BackendName | undefined;
  if (madeOnRaw !== null) {
    if ((BACKENDS as readonly string[]).includes(madeOnRaw)) madeOn = madeOnRaw as BackendName;
    else
      errors.push(
        new ParamError('madeOn', `one of ${BACKENDS.join(', ')}`, JSON.stringify(madeOnRaw)),
      );
  }
  return { backend, worker, madeOn, errors, notices };
}

export interface StudyUrlState {
  /** Number of seeds (1 = a single run). */
  seeds: number;
  /** `key=v1,v2,...`, already checked, or '' for no sweep. */
  sweep: string;
  /** Parameter keys whose controls the link hides. */
  hide: string[];
  present: boolean;
  errors: ParamError[];
  /** Old links' bare keys read as page keys where a parameter has the same name. */
  notices: string[];
}

/** `study.seeds`, `study.sweep`, `page.hide` and `page.present` from the hash query, each checked against the spec. */
export function readStudyState(spec: ExperimentSpec, query: URLSearchParams): StudyUrlState {
  const errors: ParamError[] = [];
  const notices: string[] = [];
  const get = (key: PageKey) => {
    const r = readPageValue(spec, query, key);
    if (r.notice) notices.push(r.notice);
    return r.value;
  };
  let seeds = 1;
  const seedsRaw = get('seeds');
  if (seedsRaw !== null) {
    const n = Number(seedsRaw);
    if (/^\d+$/.test(seedsRaw) && n >= 1 && n <= MAX_SEEDS) seeds = n;
    else
      errors.push(
        new ParamError('seeds', `an integer from 1 to ${MAX_SEEDS}`, JSON.stringify(seedsRaw)),
      );
  }
  let sweep = '';
  const sweepRaw = get('sweep');
  if (sweepRaw !== null && sweepRaw !== '') {
    try {
      parseSweep(spec, sweepRaw);
      sweep = sweepRaw;
    } catch (e) {
      if (e instanceof ParamError) errors.push(e);
      else throw e;
    }
  }
  const hide: string[] = [];
  for (const k of (get('hide') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (Object.hasOwn(spec.params, k)) hide.push(k);
    else
      errors.push(
        new ParamError(
          'hide',
          `parameter names (${Object.keys(spec.params).join(', ')})`,
          JSON.stringify(k),
        ),
      );
  }
  const presentRaw = get('present');
  let present = false;
  if (presentRaw !== null) {
    if (presentRaw === '1' || presentRaw === '0') present = presentRaw === '1';
    else errors.push(new ParamError('present', '0 or 1', JSON.stringify(presentRaw)));
  }
  return { seeds, sweep, hide, present, errors, notices };
}

/**
 * URL state: `#/lab/<experiment>?preset=..&<param>=..&seed=..` (hash routing, so any static
 * host serves deep links). `?backend=` and `?worker=0` may sit in the search part or the hash.
 * Every value goes through the experiment's own validation; refused values become notices.
 */
import { resolveParams, formatValue, ParamError } from '../../experiments/core/params';
import type { ExperimentSpec, Params } from '../../experiments/core/spec';
import { BACKENDS, type BackendRequest } from '../run/protocol';
import { MAX_SEEDS, parseSweep } from '../../experiments/core/study';

export type Route =
  | { page: 'home'; query: URLSearchParams }
  | { page: 'lab'; experiment: string; query: URLSearchParams }
  | { page: 'paper'; id: string; query: URLSearchParams }
  | { page: 'missing'; path: string };

const RESERVED = new Set(['preset', 'backend', 'worker', 'seeds', 'sweep', 'hide', 'present']);

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
}

export function readLabState(spec: ExperimentSpec, query: URLSearchParams): LabUrlState {
  const overrides: Record<string, string> = {};
  for (const [k, v] of query) if (!RESERVED.has(k)) overrides[k] = v;
  const preset = query.get('preset') ?? undefined;
  return resolveParams(spec, preset, overrides, 'lenient');
}

/** The URL of a lab state; `path` is the page that shows it (the lab, or a paper page embedding it). */
export function labHash(spec: ExperimentSpec, preset: string, params: Params, extra: Record<string, string> = {}, path = `/lab/${spec.id}`): string {
  const q = new URLSearchParams({ preset });
  for (const k of Object.keys(spec.params)) q.set(k, formatValue(params[k]));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `#${path}?${q.toString()}`;
}

export interface RuntimeOptions {
  backend: BackendRequest;
  worker: boolean;
  errors: ParamError[];
}

/** `backend` and `worker` from the search part, overridden by the hash query. */
export function readRuntimeOptions(search: string, hashQuery: URLSearchParams): RuntimeOptions {
  const s = new URLSearchParams(search);
  const errors: ParamError[] = [];
  const backendRaw = hashQuery.get('backend') ?? s.get('backend');
  let backend: BackendRequest = 'auto';
  if (backendRaw !== null) {
    if (backendRaw === 'auto' || (BACKENDS as readonly string[]).includes(backendRaw)) backend = backendRaw as BackendRequest;
    else errors.push(new ParamError('backend', `one of auto, ${BACKENDS.join(', ')}`, JSON.stringify(backendRaw)));
  }
  const workerRaw = hashQuery.get('worker') ?? s.get('worker');
  let worker = true;
  if (workerRaw !== null) {
    if (workerRaw === '0' || workerRaw === '1') worker = workerRaw === '1';
    else errors.push(new ParamError('worker', '0 or 1', JSON.stringify(workerRaw)));
  }
  return { backend, worker, errors };
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
}

/** `seeds`, `sweep`, `hide` and `present` from the hash query, each checked against the spec. */
export function readStudyState(spec: ExperimentSpec, query: URLSearchParams): StudyUrlState {
  const errors: ParamError[] = [];
  let seeds = 1;
  const seedsRaw = query.get('seeds');
  if (seedsRaw !== null) {
    const n = Number(seedsRaw);
    if (/^\d+$/.test(seedsRaw) && n >= 1 && n <= MAX_SEEDS) seeds = n;
    else errors.push(new ParamError('seeds', `an integer from 1 to ${MAX_SEEDS}`, JSON.stringify(seedsRaw)));
  }
  let sweep = '';
  const sweepRaw = query.get('sweep');
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
  for (const k of (query.get('hide') ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (k in spec.params) hide.push(k);
    else errors.push(new ParamError('hide', `parameter names (${Object.keys(spec.params).join(', ')})`, JSON.stringify(k)));
  }
  const presentRaw = query.get('present');
  let present = false;
  if (presentRaw !== null) {
    if (presentRaw === '1' || presentRaw === '0') present = presentRaw === '1';
    else errors.push(new ParamError('present', '0 or 1', JSON.stringify(presentRaw)));
  }
  return { seeds, sweep, hide, present, errors };
}

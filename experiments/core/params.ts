/**
 * The single validation path for parameters. The panel, the URL codec and the CLI all
 * call `parseParam` / `resolveParams`, so one table decides what is valid everywhere.
 */
import type {
  ExperimentSpec,
  NumberParam,
  Params,
  ParamsOf,
  ParamSpec,
  ParamTable,
  ParamValue,
} from './spec';

export class ParamError extends Error {
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly got: string,
  ) {
    super(`${key}: expected ${expected}, got ${got}`);
    this.name = 'ParamError';
  }
}

export function describeExpected(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int':
      return `an integer in [${spec.min}, ${spec.max}]`;
    case 'number':
      return `a number in [${spec.min}, ${spec.max}]`;
    case 'choice':
      return `one of ${spec.choices.join(' | ')}`;
    case 'bool':
      return 'true or false';
  }
}

function show(raw: unknown): string {
  if (typeof raw === 'string') return raw === '' ? '""' : JSON.stringify(raw);
  return String(raw);
}

/** Parse and check one value (string from a URL or CLI, or a typed value from a preset). */
export function parseParam(key: string, spec: ParamSpec, raw: unknown): ParamValue {
  const fail = (): never => {
    throw new ParamError(key, describeExpected(spec), show(raw));
  };
  switch (spec.kind) {
    case 'int':
    case 'number': {
      let v: number;
      if (typeof raw === 'number') v = raw;
      else if (typeof raw === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(raw))
        v = Number(raw);
      else return fail();
      if (!Number.isFinite(v) || v < spec.min || v > spec.max) return fail();
      if (spec.kind === 'int' && !Number.isInteger(v)) return fail();
      return v;
    }
    case 'choice': {
      if (typeof raw !== 'string' || !spec.choices.includes(raw)) return fail();
      return raw;
    }
    case 'bool': {
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      return fail();
    }
  }
}

export function defaults<T extends ParamTable>(table: T): ParamsOf<T> {
  const out: Params = {};
  for (const [k, s] of Object.entries(table)) out[k] = s.default;
  return out as ParamsOf<T>;
}

export function unknownKeyError(table: ParamTable, key: string): ParamError {
  return new ParamError('parameter', `one of ${Object.keys(table).join(', ')}`, show(key));
}

export interface Resolved<P = Params> {
  params: P;
  preset: string;
  /** Values refused in lenient mode (URL): each replaced by its default and reported. */
  errors: ParamError[];
  /** Lenient mode: rules across parameters the setting breaks (the spec's `check`); the values are kept, and no run starts until they change. */
  conflicts: ParamError[];
}

/**
 * Defaults, then the preset's overrides, then explicit values, then the spec's rules across
 * parameters. Strict mode (CLI, worker, bundle) throws the first error; lenient mode (URL, panel)
 * keeps going, reports every refused value and every broken rule.
 */
export function resolveParams<T extends ParamTable>(
  spec: ExperimentSpec<T>,
  preset: string | undefined,
  overrides: Record<string, unknown>,
  mode: 'strict' | 'lenient' = 'strict',
): Resolved<ParamsOf<T>> {
  const errors: ParamError[] = [];
  const report = (e: ParamError) => {
    if (mode === 'strict') throw e;
    errors.push(e);
  };
  let presetId = preset ?? spec.defaultPreset;
  if (!Object.hasOwn(spec.presets, presetId)) {
    report(
      new ParamError('preset', `one of ${Object.keys(spec.presets).join(', ')}`, show(presetId)),
    );
    presetId = spec.defaultPreset;
  }
  // The one place where values of unknown type become a table's typed values: each is parsed by its entry.
  const params: Params = { ...defaults(spec.params) };
  for (const [k, v] of Object.entries(spec.presets[presetId].params as Params)) {
    params[k] = parseParam(k, spec.params[k], v);
  }
  for (const [k, raw] of Object.entries(overrides)) {
    const s = Object.hasOwn(spec.params, k) ? spec.params[k] : undefined;
    if (!s) {
      report(unknownKeyError(spec.params, k));
      continue;
    }
    try {
      params[k] = parseParam(k, s, raw);
    } catch (e) {
      if (e instanceof ParamError) report(e);
      else throw e;
    }
  }
  const typed = params as ParamsOf<T>;
  const conflicts = checkParams(spec, typed);
  if (mode === 'strict' && conflicts.length) throw conflicts[0];
  return { params: typed, preset: presetId, errors, conflicts };
}

/** The spec's rules across parameters for a setting (empty when it has none or all hold). */
export function checkParams<T extends ParamTable>(
  spec: ExperimentSpec<T>,
  params: ParamsOf<T>,
): ParamError[] {
  return spec.check?.(params) ?? [];
}

/** Keys whose value differs from the preset's (the setting a claim speaks about). */
export function diffFromPreset(spec: ExperimentSpec, preset: string, params: Params): string[] {
  const base = resolveParams(spec, preset, {}).params;
  const neutral = new Set(spec.claimNeutralParams ?? []);
  return Object.keys(spec.params).filter((k) => !neutral.has(k) && base[k] !== params[k]);
}

export function formatValue(v: ParamValue): string {
  return String(v);
}

/** Slider position in [0, 1] for a numeric parameter, honouring its scale. */
export function toUnit(s: NumberParam, v: number): number {
  if (s.scale === 'log') return Math.log(v / s.min) / Math.log(s.max / s.min);
  return (v - s.min) / (s.max - s.min);
}
export function fromUnit(s: NumberParam, u: number): number {
  const v = s.scale === 'log' ? s.min * Math.pow(s.max / s.min, u) : s.min + u * (s.max - s.min);
  if (s.kind === 'int') return Math.min(s.max, Math.max(s.min, Math.round(v)));
  return Number(v.toPrecision(3));
}

/** Minimal argv parsing for the CLIs; every refusal names what was expected and what arrived. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
  sets: [string, string][];
}

/** `spec` maps each flag to whether it takes a value; `--set` may repeat. */
export function parseArgs(argv: string[], spec: Record<string, 'value' | 'switch'>): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Map(), sets: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const kind = spec[name];
    if (!kind)
      throw new UsageError(
        `unknown option: expected one of ${Object.keys(spec)
          .map((k) => '--' + k)
          .join(', ')}, got --${name}`,
      );
    if (kind === 'switch') {
      if (eq > 0) throw new UsageError(`--${name} takes no value, got "${arg.slice(eq + 1)}"`);
      out.flags.set(name, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw new UsageError(`--${name}: expected a value, got nothing`);
    if (name === 'set') {
      const k = value.indexOf('=');
      if (k <= 0) throw new UsageError(`--set: expected key=value, got "${value}"`);
      out.sets.push([value.slice(0, k), value.slice(k + 1)]);
    } else {
      if (out.flags.has(name)) throw new UsageError(`--${name}: expected once, got it twice`);
      out.flags.set(name, value);
    }
  }
  return out;
}

/** Run a CLI main: usage and parameter errors exit 2, anything else exits 1. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const isUsage =
        e instanceof UsageError ||
        (e instanceof Error &&
          (e.name === 'ParamError' || e.message.startsWith('unknown experiment')));
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = isUsage ? 2 : 1;
    },
  );
}

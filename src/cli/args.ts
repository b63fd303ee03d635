/** Minimal argv parsing for the CLIs; every refusal names what was expected and what arrived. */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

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
      const key = value.slice(0, k);
      if (out.sets.some(([seen]) => seen === key))
        throw new UsageError(`--set: expected each parameter once, got ${key} twice`);
      out.sets.push([key, value.slice(k + 1)]);
    } else {
      if (out.flags.has(name)) throw new UsageError(`--${name}: expected once, got it twice`);
      out.flags.set(name, value);
    }
  }
  return out;
}

/**
 * Where an output file may go: refused (exit 2, the path named) before any run when it is a
 * folder, sits in a folder that does not exist or cannot be written, or exists already without
 * --force, so a long run never ends in an unwritable path.
 */
export function checkOutputPath(flag: string, path: string, force: boolean): void {
  if (existsSync(path)) {
    if (statSync(path).isDirectory())
      throw new UsageError(`--${flag}: expected a file, got the folder "${path}"`);
    if (!force)
      throw new UsageError(
        `--${flag}: expected a new file (or --force to replace it), got the existing "${path}"`,
      );
  }
  const dir = dirname(resolve(path));
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new UsageError(
      `--${flag}: expected a writable folder for "${path}", got "${dir}" (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      { cause: e },
    );
  }
}

/**
 * Run a CLI main: usage and parameter errors exit 2, anything else exits 1. A reader that closes
 * the pipe early (`| head`) ends the program quietly; any other failure to write the output
 * (a full disk) is one line on stderr, not a stack.
 */
export function runMain(main: () => Promise<number>): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`error: cannot write the output: ${e.message}\n`);
    process.exit(1);
  });
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

/** What `within` gives when the promise did not settle in time. */
export const TIMED_OUT = Symbol('timed out');

/**
 * The promise's value, or TIMED_OUT when it has not settled within `ms` (some browser APIs never
 * settle: a WebGPU adapter request on some drivers, an IndexedDB open blocked by another tab).
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>(
    (r) => (timer = setTimeout(() => r(TIMED_OUT), ms)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

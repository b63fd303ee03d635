/**
 * Browser-test plumbing: build the app, serve dist/ on loopback, drive Debian's Chromium
 * through playwright-core (never a browser download). Every request is recorded so a test
 * can assert that nothing leaves the origin.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  buildApp,
  CHROMIUM,
  chromiumAvailable,
  launch,
  ROOT,
  serveStatic,
  type StaticServer,
} from '../../src/cli/chromium';

export { ROOT, serveStatic, type StaticServer } from '../../src/cli/chromium';

/** Browser tests run when Chromium is present and are required when CI=true. */
export const browserRequired = process.env.CI === 'true';
export const browserPresent = chromiumAvailable();
export const SHOTS = path.join(ROOT, 'tests/browser/output');

/** Register hooks that build and serve the app and launch Chromium for one test file. */
export function useBrowser(): { readonly server: StaticServer; readonly browser: Browser } {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    expect(browserPresent, `CI=true requires Chromium at ${CHROMIUM}`).toBe(true);
    server = await serveStatic(await buildApp());
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}

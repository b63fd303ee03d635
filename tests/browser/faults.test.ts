/**
 * Faults a lecture hall or a locked-down browser brings, in headless Chromium: each ends in a clear
 * message and a working page. A training worker that fails to start (the main thread takes over),
 * a WebGPU adapter request that never settles (the chain goes on), IndexedDB refusing a write (the
 * run is kept for the page), and a page's code failing to load once (Retry loads it).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserPresent, browserRequired, useBrowser } from './harness';

const FAST = 'page.preset=laplace-fastica&samples=400&steps=6';

describe.runIf(browserPresent || browserRequired)('faults in Chromium', () => {
  const ctx = useBrowser();

  async function fresh(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }
  const waitDone = (page: Page) =>
    page.waitForFunction(
      () =>
        /^(done|error|stopped)/.test(
          document.querySelector('[data-testid=run-state]')?.textContent ?? '',
        ),
      null,
      { timeout: 120_000 },
    );

  it('trains on the main thread when the training worker fails to load, and says so', async () => {
    const { context, page, errors } = await fresh();
    await context.route('**/assets/worker-*.js', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await page.goto(`${ctx.server.url}/?backend=wasm#/lab/linear-ica?${FAST}`);
    await page.getByTestId('run').click();
    await waitDone(page);
    expect(await page.getByTestId('run-state').textContent()).toMatch(/^done/);
    expect(await page.getByTestId('backend-reason').textContent()).toMatch(
      /the training worker failed to start \(.+\): training on the main thread/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('goes on down the backend chain when the WebGPU adapter request never settles', async () => {
    const { context, page, errors } = await fresh();
    // The backend is probed in the worker: prefix its script with a navigator.gpu whose request hangs.
    await context.route('**/assets/worker-*.js', async (route) => {
      const res = await route.fetch();
      const body = `Object.defineProperty(navigator, 'gpu', { value: { requestAdapter: () => new Promise(() => {}) } });\n${await res.text()}`;
      await route.fulfill({ response: res, body });
    });
    await page.goto(`${ctx.server.url}/#/lab/linear-ica?${FAST}`);
    await page.getByTestId('run').click();
    await waitDone(page);
    expect(await page.getByTestId('run-state').textContent()).toMatch(/^done/);
    expect(await page.getByTestId('backend-reason').textContent()).toMatch(
      /requestAdapter did not answer within 4 s/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a run for the page when IndexedDB refuses to store it, and says so', async () => {
    const { context, page, errors } = await fresh();
    await context.addInitScript(() => {
      IDBObjectStore.prototype.add = function () {
        throw new DOMException('the quota is full', 'QuotaExceededError');
      };
    });
    await page.goto(`${ctx.server.url}/?backend=wasm#/lab/linear-ica?${FAST}`);
    await page.getByTestId('run').click();
    await waitDone(page);
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(1);
    expect(await page.getByTestId('history-volatile').textContent()).toMatch(
      /History is kept for this page only: IndexedDB refused to store a run \(the quota is full\)/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads a page whose code failed to load once, on Retry', async () => {
    const { context, page, errors } = await fresh();
    let fail = true;
    await context.route('**/assets/Lab-*.js', (route) =>
      fail ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(`${ctx.server.url}/?backend=wasm#/`);
    await page.goto(`${ctx.server.url}/?backend=wasm#/lab/linear-ica?${FAST}`);
    await page.getByTestId('page-load-error').waitFor();
    expect(await page.getByTestId('page-load-error').textContent()).toMatch(
      /The lab's code failed to load/,
    );
    fail = false;
    await page.getByTestId('page-load-retry').click();
    await page.getByTestId('run').waitFor({ timeout: 30_000 });
    await page.getByTestId('run').click();
    await waitDone(page);
    expect(await page.getByTestId('run-state').textContent()).toMatch(/^done/);
    expect(errors.filter((e) => !/dynamically imported module|Failed to fetch/.test(e))).toEqual(
      [],
    );
    await context.close();
  });

  it("runs under the page's Content-Security-Policy with no violation but the known zod probe", async () => {
    const { context, page, errors } = await fresh();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const violations = () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    // The catalog, a paper page (KaTeX and its fonts), and a lab on WASM on the main thread (no worker: the page's own policy applies).
    await page.goto(`${ctx.server.url}/?backend=wasm&worker=0#/`);
    await page.getByTestId('paper-card').first().waitFor();
    await page.goto(
      `${ctx.server.url}/?backend=wasm&worker=0#/paper/estimating-treatment-effects-with-ica`,
    );
    await page.getByTestId('paper-summary').waitFor();
    await page.goto(`${ctx.server.url}/?backend=wasm&worker=0#/lab/linear-ica?${FAST}`);
    await page.getByTestId('run').click();
    await waitDone(page);
    const runError = await page
      .getByTestId('run-error')
      .textContent({ timeout: 100 })
      .catch(() => '');
    expect(await page.getByTestId('run-state').textContent(), `run error: ${runError}`).toMatch(
      /^done/,
    );
    expect(await page.getByTestId('backend-badge').getAttribute('data-backend')).toBe('wasm');
    // Plotly took over from the live frames with its inline styles.
    await expect
      .poll(() => page.locator('[data-testid=chart-recovery] .main-svg').count(), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    // zod probes for eval support with new Function('') once and falls back: the only violation allowed.
    expect((await violations()).filter((v) => !/^script-src(-elem)? eval$/.test(v))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

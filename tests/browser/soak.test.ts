/**
 * Twenty runs in one lab, each deleted from the history again, as a lecture repeats a demo: the
 * page's DOM stays the same, its listeners do not grow, and its heap growth stays bounded. What does grow is V8's
 * compiled code (a heap snapshot diff from run 3 to run 15 is almost all InstructionStream,
 * bytecode arrays and feedback vectors, about 45 KB a run), not the app's objects; the bound
 * below allows twice that.
 */
import { describe, expect, it } from 'vitest';
import { browserPresent, browserRequired, useBrowser } from './harness';

const RUNS = 20;
const BOUND_PER_RUN = 100_000; // bytes of JS heap per run, from run 5 to run 20

describe.runIf(browserPresent || browserRequired)('a soak of repeated runs in Chromium', () => {
  const ctx = useBrowser();

  it(`keeps DOM, listeners and heap bounded over ${RUNS} runs`, async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await page.goto(
      `${ctx.server.url}/?backend=wasm#/lab/linear-ica?page.preset=laplace-infomax&samples=600&steps=100`,
    );
    await page.getByTestId('run').waitFor();
    const sample = async () => {
      // Twice, with a pause: nodes Plotly replaced, and their listeners, go with the second collection.
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(500);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await page.evaluate(
        () =>
          (performance as Performance & { memory: { usedJSHeapSize: number } }).memory
            .usedJSHeapSize,
      );
      const dom = (await cdp.send('Memory.getDOMCounters')) as { jsEventListeners: number };
      // The nodes of the document itself: CDP's node counter also counts detached nodes a
      // collection has not reached yet, which comes and goes from run to run.
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      return { heap, nodes, listeners: dom.jsEventListeners };
    };
    let at5: Awaited<ReturnType<typeof sample>> | undefined;
    for (let i = 1; i <= RUNS; i++) {
      await page.getByTestId('run').click();
      await page.waitForFunction(
        () =>
          /^(done|error)/.test(
            document.querySelector('[data-testid=run-state]')?.textContent ?? '',
          ),
        null,
        { timeout: 60_000 },
      );
      await expect.poll(() => page.getByTestId('history-row').count()).toBe(1);
      await page.getByTestId('history-delete').click();
      await expect.poll(() => page.getByTestId('history-row').count()).toBe(0);
      if (i === 5) at5 = await sample();
    }
    const at20 = await sample();
    expect(at20.nodes).toBe(at5!.nodes);
    expect(at20.listeners).toBeLessThanOrEqual(at5!.listeners);
    expect((at20.heap - at5!.heap) / (RUNS - 5)).toBeLessThan(BOUND_PER_RUN);
    expect(errors).toEqual([]);
    await context.close();
  });
});

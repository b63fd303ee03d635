/**
 * Accessibility: axe-core (injected from node_modules, nothing fetched) finds no serious or
 * critical violation on the catalog, a paper page and a lab, in light and dark.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { browserPresent, browserRequired, useBrowser } from './harness';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

describe.runIf(browserPresent || browserRequired)('accessibility (axe-core)', () => {
  const ctx = useBrowser();
  const pages = [
    ['catalog', '#/', 'paper-card'],
    ['paper page', '#/paper/infonce-identifying-the-gap', 'paper-title'],
    ['lab', '#/lab/linear-ica', 'run'],
  ] as const;
  for (const scheme of ['light', 'dark'] as const)
    for (const [name, hash, ready] of pages)
      it(`${name} (${scheme}): no serious or critical violation`, async () => {
        const context = await ctx.browser.newContext({
          viewport: { width: 1400, height: 1000 },
          colorScheme: scheme,
          bypassCSP: true, // only to inject axe itself; the page's own scripts are unchanged
        });
        const page = await context.newPage();
        await page.goto(`${ctx.server.url}/?backend=wasm${hash}`);
        await page.getByTestId(ready).first().waitFor();
        await page.waitForTimeout(500);
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate(() =>
          (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({
            resultTypes: ['violations'],
          }),
        )) as AxeResult;
        // serious and critical ones, and a skipped heading level (moderate in axe's terms)
        const bad = result.violations
          .filter(
            (v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order',
          )
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help} at ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join('; ')}`,
          );
        expect(bad, bad.join('\n')).toEqual([]);
        await context.close();
      });

  it('reaches Run within a few Tab presses and announces the run state, not every step', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(
      `${ctx.server.url}/?backend=wasm#/lab/linear-ica?page.preset=laplace-infomax&samples=400&steps=200`,
    );
    await page.getByTestId('run').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    let presses = 0;
    while ((await focused()) !== 'skip-to-run' && presses < 5) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focused()).toBe('skip-to-run');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('run');
    await page.keyboard.press('Enter'); // runs
    await expect
      .poll(() => page.getByTestId('run-announce').textContent(), { timeout: 60_000 })
      .toBe('done');
    expect(await page.getByTestId('run-announce').getAttribute('role')).toBe('status');
    expect(await page.getByTestId('run-state').getAttribute('aria-live')).toBeNull();
    await page.close();
  });
});

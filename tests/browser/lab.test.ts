/**
 * The ICA lab page in headless Chromium: WebGPU (SwiftShader) and WASM runs draw points and
 * judge claims; the automatic choice states its reason; a malformed URL value is named, not fatal.
 * Required when CI=true; skipped (with a message) when Chromium is absent on a developer machine.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserPresent, browserRequired, serveStatic, SHOTS, useBrowser } from './harness';

if (!browserPresent && !browserRequired)
  console.warn(
    'browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium)',
  );

// A few steps on a small problem: software WebGPU is slow (tech-notes).
const SMALL = 'preset=laplace-fastica&samples=400&steps=4';

describe.runIf(browserPresent || browserRequired)('lab page in Chromium', () => {
  const ctx = useBrowser();
  const offOrigin: string[] = [];

  async function open(
    search: string,
    hashQuery: string,
    lab = 'linear-ica',
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (
        !r.url().startsWith(ctx.server.url) &&
        !r.url().startsWith('data:') &&
        !r.url().startsWith('blob:')
      )
        offOrigin.push(r.url());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${ctx.server.url}/${search}#/lab/${lab}?${hashQuery}`);
    await page.getByTestId('run').waitFor();
    return { page, errors };
  }

  async function runToEnd(page: Page) {
    await page.getByTestId('run').click();
    await page.waitForFunction(
      () =>
        /^(done|error|stopped)/.test(
          document.querySelector('[data-testid=run-state]')?.textContent ?? '',
        ),
      null,
      { timeout: 240_000 },
    );
    expect(await page.getByTestId('run-state').textContent()).toMatch(/^done/);
  }

  async function chartPoints(page: Page, id: string): Promise<number> {
    return page.evaluate((sel) => {
      const gd = document.querySelector(sel) as
        (HTMLElement & { data?: { x: unknown[] }[] }) | null;
      return gd?.data?.[0]?.x?.length ?? 0;
    }, `[data-testid=chart-${id}]`);
  }

  for (const backend of ['webgpu', 'wasm'] as const) {
    it(`runs on ${backend} when asked with ?backend=${backend}`, async () => {
      const { page, errors } = await open(`?backend=${backend}`, SMALL);
      await runToEnd(page);
      await expect
        .poll(() => chartPoints(page, 'recovery'), { timeout: 20_000 })
        .toBeGreaterThan(1);
      await expect
        .poll(() => chartPoints(page, 'scatter'), { timeout: 20_000 })
        .toBeGreaterThan(100);
      expect(await page.getByTestId('backend-badge').getAttribute('data-backend')).toBe(backend);
      const verdicts = await page.getByTestId('claim-verdict').allTextContents();
      expect(verdicts.length).toBeGreaterThan(0);
      for (const v of verdicts) expect(v).toMatch(/^(holds|fails|undefined)$/);
      const reason = await page.getByTestId('backend-reason').textContent();
      console.log(`[${backend}] ${reason}`);
      await page.screenshot({ path: path.join(SHOTS, `lab-${backend}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('chooses a backend automatically and says why', async () => {
    const { page, errors } = await open('', SMALL);
    await runToEnd(page);
    const name = await page.getByTestId('backend-badge').getAttribute('data-backend');
    const reason = (await page.getByTestId('backend-reason').textContent()) ?? '';
    console.log(`[auto] ${name}: ${reason}`);
    expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(name);
    expect(reason).toContain('chosen automatically');
    // This machine has no GPU: the WebGPU adapter, if any, is software and must be named so.
    if (/WebGPU adapter:/.test(reason)) expect(reason).toMatch(/software/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never picks a software WebGL silently: without WebGPU the automatic choice skips SwiftShader WebGL and names it', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // No WebGPU at all (main thread, so the page's navigator is the one the chooser reads).
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'gpu', {
        get: () => undefined,
        configurable: true,
      }),
    );
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}/?worker=0#/lab/linear-ica?${SMALL}`);
    await page.getByTestId('run').click();
    await expect
      .poll(() => page.getByTestId('backend-badge').getAttribute('data-backend'), {
        timeout: 60_000,
      })
      .toBe('wasm');
    const reason = (await page.getByTestId('backend-reason').textContent()) ?? '';
    expect(reason).toMatch(/WebGL skipped: its renderer is software \(.*SwiftShader.*\)/i);
    // forced, it runs, and the badge says what it is
    await page.goto(`${ctx.server.url}/?worker=0&backend=webgl#/lab/linear-ica?${SMALL}`);
    await page.reload();
    await page.getByTestId('run').click();
    await expect
      .poll(() => page.getByTestId('backend-badge').textContent(), { timeout: 60_000 })
      .toMatch(/WEBGL \(software GPU\)/);
    await context.close();
  });

  it('a share link records the backend it was made on; opened on another, the page says so', async () => {
    const { page, errors } = await open('?backend=wasm', `${SMALL}&page.madeOn=webgpu`);
    await runToEnd(page);
    expect(await page.getByTestId('backend-differs').textContent()).toMatch(
      /made on WEBGPU; this page runs on WASM[\s\S]*may differ in the last digits/,
    );
    expect(await page.getByTestId('share-link').inputValue()).toMatch(/page\.madeOn=wasm/);
    // the same backend: no notice
    const same = await open('?backend=wasm', `${SMALL}&page.madeOn=wasm`);
    await runToEnd(same.page);
    expect(await same.page.getByTestId('backend-differs').count()).toBe(0);
    expect([...errors, ...same.errors]).toEqual([]);
    await page.close();
    await same.page.close();
  });

  it('names a malformed URL value, falls back to its default and still runs', async () => {
    const { page, errors } = await open(
      '?backend=wasm',
      'preset=laplace-fastica&dim=abc&samples=400&steps=2&contrast=quartic',
    );
    const notices = await page.getByTestId('url-notice').allTextContents();
    expect(notices.some((n) => n.includes('dim: expected an integer in [2, 32], got "abc"'))).toBe(
      true,
    );
    expect(
      notices.some((n) =>
        n.includes('contrast: expected one of logcosh | exp | cube, got "quartic"'),
      ),
    ).toBe(true);
    expect(await page.getByTestId('param-dim').inputValue()).toBe('4');
    await runToEnd(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  async function finalTable(page: Page): Promise<string> {
    return (await page.getByTestId('final-metrics').textContent()) ?? '';
  }

  it('reproduces a run from its copied URL in a new tab', async () => {
    const { page, errors } = await open(
      '?backend=wasm',
      'preset=laplace-infomax&samples=600&steps=40&seed=7',
    );
    await runToEnd(page);
    const url = page.url();
    expect(url).toContain('seed=7');
    expect(url).toContain('algorithm=infomax');
    const first = await finalTable(page);
    const again = await ctx.browser.newPage();
    await again.goto(url);
    await runToEnd(again);
    expect(await finalTable(again)).toBe(first);
    // A different seed is a different run.
    await again.getByTestId('param-seed').fill('8');
    await again.getByTestId('param-seed').press('Enter');
    expect(again.url()).toContain('seed=8');
    await runToEnd(again);
    expect(await finalTable(again)).not.toBe(first);
    expect(errors).toEqual([]);
    await again.close();
    await page.close();
  });

  it('single-steps, resumes and resets', async () => {
    const { page, errors } = await open(
      '?backend=wasm',
      'preset=laplace-infomax&samples=400&steps=300',
    );
    const state = () => page.getByTestId('run-state').textContent();
    await page.getByTestId('step').click();
    await expect.poll(state, { timeout: 30_000 }).toMatch(/^paused · step 1\b/);
    await page.getByTestId('step').click();
    await expect.poll(state, { timeout: 30_000 }).toMatch(/^paused · step 2\b/);
    await expect.poll(() => page.getByTestId('run').textContent()).toBe('Resume');
    await page.getByTestId('run').click();
    await expect.poll(state, { timeout: 60_000 }).toMatch(/^done · step 300\b/);
    await page.getByTestId('reset').click();
    await expect.poll(state).toMatch(/^idle · step 0/);
    await expect.poll(() => chartPoints(page, 'recovery')).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the shortcuts after a mouse click on Run: Space pauses and resumes, p and the arrows act', async () => {
    const { page, errors } = await open(
      '?backend=wasm',
      'preset=laplace-infomax&samples=400&steps=20000',
    );
    const state = () => page.getByTestId('run-state').textContent();
    await page.getByTestId('run').click(); // focus stays on the button
    await expect.poll(state, { timeout: 60_000 }).toMatch(/^running · step [1-9]/);
    expect(await page.getByTestId('run').textContent()).toBe('Pause');
    await page.keyboard.press(' ');
    await expect.poll(state, { timeout: 30_000 }).toMatch(/^paused/);
    const step = Number((await state())!.match(/step (\d+)/)![1]);
    expect(step).toBeGreaterThan(0);
    await page.keyboard.press(' '); // resumes, never restarts from step 0
    await expect.poll(state, { timeout: 30_000 }).toMatch(/^running/);
    await page.keyboard.press(' ');
    await expect.poll(state, { timeout: 30_000 }).toMatch(/^paused/);
    expect(Number((await state())!.match(/step (\d+)/)![1])).toBeGreaterThanOrEqual(step);
    await page.keyboard.press('p');
    await expect
      .poll(() => page.getByTestId('present-toggle').getAttribute('aria-pressed'))
      .toBe('true');
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowRight'); // the next preset
    await expect.poll(() => page.url()).toMatch(/preset=(?!laplace-infomax)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws live frames on a canvas while training and hands the chart to Plotly when paused', async () => {
    const { page, errors } = await open(
      '?backend=wasm',
      'preset=laplace-infomax&samples=400&steps=20000',
    );
    const chart = (id: string) =>
      page.evaluate((sel) => {
        const plot = document.querySelector(sel) as
          (HTMLElement & { data?: { x?: unknown[] }[] }) | null;
        const frame = document.querySelector(
          `${sel.slice(0, -1)}-frame]`,
        ) as HTMLCanvasElement | null;
        let inked = 0;
        if (frame && !frame.hidden && frame.width) {
          const px = frame.getContext('2d')!.getImageData(0, 0, frame.width, frame.height).data;
          for (let i = 3; i < px.length; i += 4) if (px[i] > 0) inked++;
        }
        return {
          renderer: plot?.dataset.renderer ?? '',
          plotHidden: plot ? getComputedStyle(plot).visibility === 'hidden' : false,
          frameShown: !!frame && !frame.hidden,
          inked,
          traces: plot?.data?.length ?? 0,
          points: plot?.data?.[0]?.x?.length ?? 0,
        };
      }, `[data-testid=chart-${id}]`);
    await page.getByTestId('run').click();
    await expect
      .poll(async () => (await chart('recovery')).renderer, { timeout: 60_000 })
      .toBe('canvas');
    const live = await chart('recovery');
    expect(live.frameShown && live.plotHidden).toBe(true);
    expect(live.inked).toBeGreaterThan(2000); // axes, labels and curves, not an empty frame
    await page.getByTestId('run').click(); // the primary button pauses a run that is going
    await expect
      .poll(async () => (await chart('recovery')).renderer, { timeout: 30_000 })
      .toBe('plotly');
    const paused = await chart('recovery');
    expect(paused.frameShown || paused.plotHidden).toBe(false);
    expect(paused.points).toBeGreaterThan(1);
    // the slowest live frame is recorded for npm run bench
    expect(
      Number(await page.getByTestId('chart-recovery').getAttribute('data-frame-ms-max')),
    ).toBeGreaterThanOrEqual(0);
    await page.getByTestId('reset').click();
    await expect.poll(() => page.getByTestId('run-state').textContent()).toMatch(/^idle/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains on WASM (one thread) on a cross-origin isolated page, where TF.js would try threads', async () => {
    const isolated = await serveStatic(ctx.server.dir, { isolated: true });
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${isolated.url}/?backend=wasm#/lab/linear-ica?${SMALL}`);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      await runToEnd(page);
      expect(await page.getByTestId('backend-reason').textContent()).toContain('one thread');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await isolated.close();
    }
  });

  it("builds a chart's data table when it is opened", async () => {
    const { page, errors } = await open('?backend=wasm', SMALL);
    await runToEnd(page);
    expect(await page.getByTestId('chart-recovery-table').count()).toBe(0); // not built while closed
    await page
      .getByTestId('chart-recovery')
      .locator('xpath=ancestor::figure')
      .locator('summary', { hasText: 'Data table' })
      .click();
    await expect
      .poll(() => page.getByTestId('chart-recovery-table').locator('tbody tr').count())
      .toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains on the main thread with ?worker=0', async () => {
    const { page, errors } = await open('?backend=wasm&worker=0', SMALL);
    await runToEnd(page);
    expect(await page.getByTestId('backend-reason').textContent()).toContain(
      'main thread requested with ?worker=0',
    );
    await expect.poll(() => chartPoints(page, 'recovery'), { timeout: 20_000 }).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses an out-of-range panel value, says why and keeps the old one', async () => {
    const { page, errors } = await open('?backend=wasm', SMALL);
    await page.getByTestId('param-dim').fill('99');
    await page.getByTestId('param-dim').press('Enter');
    expect(await page.getByTestId('refused-dim').textContent()).toBe(
      'expected an integer in [2, 32], got "99"; kept 4',
    );
    expect(page.url()).toContain('dim=4');
    // the box shows the kept value, not the refused one
    expect(await page.getByTestId('param-dim').inputValue()).toBe('4');
    // the preset's name in full beside its description (the select may clip it)
    expect(await page.getByTestId('preset-reason').textContent()).toContain(
      'Laplace sources, FastICA',
    );
    expect(await page.getByTestId('preset-differs').textContent()).not.toMatch(/\bdim\b/);
    // a value the panel accepts leaves the preset, and the panel says so beside its description
    await page.getByTestId('param-dim').fill('5');
    await page.getByTestId('param-dim').press('Enter');
    await expect
      .poll(() => page.getByTestId('preset-differs').textContent())
      .toMatch(/Changed from this preset: dim\b/);
    await runToEnd(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a small SAE lab: heat map, method bars and in/out-of-distribution verdicts', async () => {
    const { page, errors } = await open(
      '?backend=wasm',
      'preset=stop-probing&steps=40&samples=512&testSamples=256&fistaIters=40',
      'sae',
    );
    await runToEnd(page);
    // Plotly takes over from the live canvas frames once the run is done
    const heat = () =>
      page.evaluate(() => {
        const gd = document.querySelector('[data-testid=chart-cosine]') as
          (HTMLElement & { data?: { z?: number[][] }[] }) | null;
        return gd?.data?.[0]?.z?.length ?? 0;
      });
    await expect.poll(heat, { timeout: 20_000 }).toBe(50);
    await expect.poll(() => chartPoints(page, 'methods'), { timeout: 20_000 }).toBe(6);
    const verdicts = await page.getByTestId('claim-verdict').allTextContents();
    expect(verdicts.length).toBe(4);
    for (const v of verdicts) expect(v).toMatch(/^(holds|fails)$/);
    await page.screenshot({ path: path.join(SHOTS, 'lab-sae.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a small contrastive lab: recovery curves against the untrained floor, matched scatter', async () => {
    const { page, errors } = await open(
      '?backend=wasm',
      'preset=box-laplace&steps=30&samples=300&testSamples=256&batch=64',
      'contrastive',
    );
    await runToEnd(page);
    await expect.poll(() => chartPoints(page, 'recovery'), { timeout: 20_000 }).toBeGreaterThan(1);
    await expect.poll(() => chartPoints(page, 'matched'), { timeout: 20_000 }).toBeGreaterThan(100);
    const verdicts = await page.getByTestId('claim-verdict').allTextContents();
    expect(verdicts.length).toBe(2);
    // every claim's metric is drawn: measured against its threshold (and raw x where it has one)
    const meters = page.getByTestId('claim-meter');
    expect(await meters.count()).toBe(2);
    expect(await meters.first().getAttribute('aria-label')).toMatch(
      /^metric\/mcc: measured [\d.]+ against 0\.95; raw x [\d.]+$/,
    );
    // the claim's threshold is drawn on the chart of its metric
    const names = await page.evaluate(() =>
      (
        (
          document.querySelector('[data-testid=chart-recovery]') as
            (HTMLElement & { data?: { name?: string }[] }) | null
        )?.data ?? []
      ).map((t) => t.name ?? ''),
    );
    expect(names).toContain('claim: MCC ≥ 0.95');
    expect(names).toContain('R^2 of raw x');
    // each reference line and the threshold are labelled at their right end
    const ends = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=chart-recovery] .annotation-text')].map(
        (n) => n.textContent ?? '',
      ),
    );
    expect(ends).toEqual(expect.arrayContaining(['raw x', 'untrained', 'chance', 'claim ≥ 0.95']));
    // the legend is the page's, below the chart, and a click hides a line
    const legend = page.getByTestId('chart-recovery-legend').getByRole('button');
    expect(await legend.allTextContents()).toContain('R^2 of raw x');
    const before = await page.evaluate(
      () =>
        (
          document.querySelector('[data-testid=chart-recovery]') as
            (HTMLElement & { data?: { visible?: unknown }[] }) | null
        )?.data?.filter((t) => t.visible === 'legendonly').length ?? 0,
    );
    await legend.filter({ hasText: 'R^2 of raw x' }).click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              document.querySelector('[data-testid=chart-recovery]') as
                (HTMLElement & { data?: { visible?: unknown }[] }) | null
            )?.data?.filter((t) => t.visible === 'legendonly').length ?? 0,
        ),
      )
      .toBe(before + 1);
    // 30 steps leave the encoder below a linear map from x itself: flagged, whatever the verdicts
    expect(await page.getByTestId('not-converged').textContent()).toMatch(
      /^Not converged: the trained encoder ends below the raw observations/,
    );
    // each claim carries its calibration over seeds, read from the committed record
    const calibrated = await page.getByTestId('claim-calibration').allTextContents();
    expect(calibrated.length).toBe(2);
    for (const c of calibrated) expect(c).toMatch(/^calibrated on 8 seeds: (holds|fails) in \d/);
    // the loss terms of the other objectives are not listed as n/a rows
    const finals = (await page.getByTestId('final-metrics').textContent()) ?? '';
    expect(finals).toMatch(/InfoNCE/);
    expect(finals).not.toMatch(/Cross-entropy|SIGReg|n\/a/);
    await page.screenshot({ path: path.join(SHOTS, 'lab-contrastive.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a seed-dependent claim with its k of 8 from the calibration record', async () => {
    const { page, errors } = await open(
      '?backend=wasm',
      'preset=isotropic-aninfonce',
      'contrastive',
    );
    const note = page.getByTestId('claim-seed-dependent').first();
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /Depends on the seed in this toy \(holds in \d of 8 calibration seeds\):/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says on the paper page when a claim does not reproduce in the toy', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(
      `${ctx.server.url}/?backend=wasm#/paper/from-flat-to-hierarchical-matching-pursuit`,
    );
    const note = page.getByTestId('claim-deviation').first();
    await note.waitFor();
    expect(await note.textContent()).toMatch(/Does not reproduce in this toy/);
    await page.close();
  });

  it('requests nothing from any other origin', () => {
    expect(offOrigin).toEqual([]);
  });
});

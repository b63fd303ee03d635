/**
 * What a lecturer, a student and a reviewer do with a lab, in headless Chromium on WASM (small
 * ICA settings, so each run takes a moment): several seeds and a sweep, run history across a
 * reload, pinned overlays and comparison, every export parsed back, bundle import, presenter
 * mode and shortcuts, hidden controls, dark mode, keyboard-only operation, a hidden tab pausing
 * the run, and hostile input staying inert.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browserPresent, browserRequired, SHOTS, useBrowser } from './harness';
import { parseBundle } from '../../experiments/core/bundle';
import { experiments } from '../../experiments/registry';

const FAST = 'preset=laplace-fastica&samples=400&steps=6';
const lookup = (id: string) => experiments.find((e) => e.id === id);

describe.runIf(browserPresent || browserRequired)('lab workbench in Chromium', () => {
  const ctx = useBrowser();

  async function open(
    hashQuery: string,
    context?: BrowserContext,
  ): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
    const c =
      context ??
      (await ctx.browser.newContext({
        acceptDownloads: true,
        viewport: { width: 1400, height: 1000 },
      }));
    const page = await c.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${ctx.server.url}/?backend=wasm#/lab/linear-ica?${hashQuery}`);
    await page.getByTestId('run').waitFor();
    return { page, context: c, errors };
  }
  const state = (page: Page) => page.getByTestId('run-state').textContent();
  async function waitDone(page: Page) {
    await page.waitForFunction(
      () =>
        /^(done|error|stopped)/.test(
          document.querySelector('[data-testid=run-state]')?.textContent ?? '',
        ),
      null,
      { timeout: 120_000 },
    );
  }
  /** Plotly's traces on a chart: names and number of points. */
  const traces = (page: Page, id: string) =>
    page.evaluate((sel) => {
      const gd = document.querySelector(sel) as
        (HTMLElement & { data?: { name?: string; x?: unknown[] }[] }) | null;
      return (gd?.data ?? []).map((t) => ({ name: t.name ?? '', n: t.x?.length ?? 0 }));
    }, `[data-testid=chart-${id}]`);

  it('runs 3 seeds: mean ± sd, "holds in k of 3", bands; the history survives a reload, pins overlay, two runs compare, one deletes', async () => {
    const { page, context, errors } = await open(`${FAST}&seeds=3`);
    await page.getByTestId('run').click();
    await expect
      .poll(() => page.getByTestId('study-count').textContent(), { timeout: 120_000 })
      .toBe('3 of 3 runs finished');
    await waitDone(page);
    const table = await page.getByTestId('study-table').innerText();
    expect(table).toMatch(/Amari distance\s+\d\.\d{3} ± \d\.\d{3} \(n = 3\)/);
    expect(await page.getByTestId('claim-tally').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^holds in [0-3] of 3 seeds/)]),
    );
    // claims named by their text, not their ids
    const named = await page.getByTestId('study-claims').locator('tbody th').allInnerTexts();
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(n).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+ /);
    // final metrics without noise: no row for what does not apply, integers as integers
    const finals = (await page.getByTestId('final-metrics').textContent()) ?? '';
    expect(finals).not.toMatch(/n\/a|undefined/);
    expect(finals).not.toMatch(/\b\d+\.0000\b/);
    await expect
      .poll(async () => (await traces(page, 'recovery')).map((t) => t.name).join('|'))
      .toMatch(/mean ± sd of 3 runs/);

    await expect.poll(() => page.getByTestId('history-row').count()).toBe(3);
    await page.reload();
    await page.getByTestId('run').waitFor();
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(3);
    expect(page.url()).toContain('seeds=3');

    // Pin the oldest run: its curves are drawn dotted on the (otherwise empty) charts.
    await page.getByTestId('history-pin').last().check();
    await expect
      .poll(async () =>
        (await traces(page, 'recovery')).some((t) => /run #\d+ \(seed 0\)/.test(t.name) && t.n > 0),
      )
      .toBe(true);

    // Compare two runs: the seeds differ.
    await page.getByTestId('history-compare').nth(0).check();
    await page.getByTestId('history-compare').nth(1).check();
    const cmp = await page.getByTestId('history-comparison').innerText();
    expect(cmp).toMatch(/Seed\s+2\s+1/);

    await page.getByTestId('history-delete').first().click();
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sweeps 3 values over 2 seeds: final metrics against the value with sd bars, and cancels keeping finished runs', async () => {
    const { page, context, errors } = await open(
      `${FAST}&seeds=2&sweep=${encodeURIComponent('dim=2,3,4')}`,
    );
    await page.getByTestId('run').click();
    await expect
      .poll(() => page.getByTestId('study-count').textContent(), { timeout: 120_000 })
      .toBe('6 of 6 runs finished');
    // Plotly takes over from the live canvas frames once the study is done
    const sweepTraces = () =>
      page.evaluate(() => {
        const gd = document.querySelector('[data-testid=chart-sweep]') as
          (HTMLElement & { data?: { x: number[]; error_y?: { array: number[] } }[] }) | null;
        return gd?.data?.map((t) => ({ x: t.x, sd: t.error_y?.array.length ?? 0 }));
      });
    await expect
      .poll(async () => (await sweepTraces())?.[0]?.x, { timeout: 20_000 })
      .toEqual([2, 3, 4]);
    const sweep = await sweepTraces();
    expect(sweep?.[0].sd).toBe(3);
    const head = await page.getByTestId('study-table').locator('thead').innerText();
    expect(head).toMatch(/dim = 2\s+dim = 3\s+dim = 4/);

    // A long sweep, cancelled after its first value: the finished run stays.
    await page.goto(
      `${ctx.server.url}/?backend=wasm#/lab/linear-ica?preset=laplace-infomax&samples=600&steps=3000&sweep=${encodeURIComponent('lr=0.01,0.02,0.03')}`,
    );
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('study-eta').count(), { timeout: 60_000 }).toBe(1);
    await expect
      .poll(() => page.getByTestId('study-count').textContent(), { timeout: 120_000 })
      .toBe('1 of 3 runs finished');
    await page.getByTestId('study-cancel').click();
    await expect.poll(() => state(page)).toMatch(/^stopped/);
    expect(await page.getByTestId('study-count').textContent()).toBe('1 of 3 runs finished');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports a bundle, CSV, PNG and SVG and the link; the bundle loads back and a hostile one is refused', async () => {
    const { page, context, errors } = await open(`${FAST}&seeds=2&seed=5`);
    await page.getByTestId('run').click();
    await expect
      .poll(() => page.getByTestId('study-count').textContent(), { timeout: 120_000 })
      .toBe('2 of 2 runs finished');
    const grab = async (testid: string) => {
      const [d] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(testid).click(),
      ]);
      return { name: d.suggestedFilename(), body: readFileSync((await d.path())!) };
    };
    const bundle = await grab('export-bundle');
    expect(bundle.name).toMatch(/^linear-ica-.*\.bundle\.json$/);
    const loaded = parseBundle(bundle.body.toString('utf8'), lookup);
    expect(loaded.runs.map((r) => r.seed)).toEqual([5, 6]);
    expect(loaded.bundle.backend).toBe('wasm');
    expect(loaded.bundle.tfjs).toMatch(/^\d+\.\d+\.\d+$/);
    expect(loaded.bundle.environment).toMatch(/Chrome/);
    expect(loaded.bundle.link).toContain('#/lab/linear-ica?');
    expect(loaded.runs[0].history.length).toBeGreaterThan(1);
    expect(loaded.bundle.runs[0].verdicts.length).toBeGreaterThan(0);

    const csv = (await grab('export-csv')).body.toString('utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^run,seed,step,/);
    expect(csv.length).toBeGreaterThan(3);

    const finals = (await grab('export-finals')).body.toString('utf8').trim().split('\n');
    expect(finals[0]).toMatch(/^run,seed,state,.*metric\/amari.*,verdict:/);
    expect(finals.length).toBe(3); // two runs
    expect(finals[1]).toMatch(/^0,5,done,.*,(holds|fails)/);

    const png = await grab('chart-recovery-png');
    expect(png.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.body.readUInt32BE(16)).toBeGreaterThanOrEqual(1600); // IHDR width: 2x
    const svg = (await grab('chart-recovery-svg')).body.toString('utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toMatch(/linear-ica · preset [\w-]+ · seeds 5-6 · wasm · identifiability-sandbox /);
    expect(svg).toMatch(/fill: ?rgb\(255, ?255, ?255\)|fill="#ffffff"|fill: ?#fff/i);

    // the share link is the page's own, saying which backend its results were made on
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toContain('page.madeOn=wasm');
    expect(link.replace(/&page\.madeOn=\w+/, '')).toBe(page.url());

    // Load the bundle back into a fresh lab: its setting is restored and its runs are shown as
    // the finished study they were (claims, tallies, bands) without re-running; the history
    // keeps them, unpinned (the band already draws them).
    const dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
    const file = path.join(dir, 'b.json');
    writeFileSync(file, bundle.body);
    const fresh = await open(FAST);
    await fresh.page.getByTestId('import-bundle').setInputFiles(file);
    await expect.poll(() => fresh.page.getByTestId('history-row').count()).toBe(2);
    expect(fresh.page.url()).toContain('seeds=2');
    expect(fresh.page.url()).toContain('seed=5');
    expect(await fresh.page.getByTestId('history-pin').first().isChecked()).toBe(false);
    expect(await state(fresh.page)).toMatch(/^loaded \(done\)/);
    expect(await fresh.page.getByTestId('recorded-label').textContent()).toMatch(
      /^Loaded bundle: 2 runs made on WASM/,
    );
    expect(await fresh.page.getByTestId('study-count').textContent()).toBe('2 of 2 runs finished');
    expect(await fresh.page.getByTestId('claim-tally').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^holds in [0-2] of 2 seeds/)]),
    );
    const verdicts = fresh.page.getByTestId('claim-verdict');
    expect(await verdicts.count()).toBeGreaterThan(0);
    expect(await verdicts.first().getAttribute('data-final')).toBe('true');
    await expect
      .poll(async () => (await traces(fresh.page, 'recovery')).map((t) => t.name).join('|'))
      .toMatch(/mean ± sd of 2 runs/);

    // A sweep bundle draws its sweep chart and sets the study controls to its sweep.
    const swept = JSON.parse(bundle.body.toString('utf8'));
    swept.sweep = { key: 'samples', values: [400, 500] };
    swept.seeds = [5];
    swept.runs = swept.runs.map((r: Record<string, unknown>, i: number) => ({
      ...r,
      seed: 5,
      value: [400, 500][i],
      params: { ...(r.params as object), seed: 5, samples: [400, 500][i] },
    }));
    const sweptFile = path.join(dir, 'swept.json');
    writeFileSync(sweptFile, JSON.stringify(swept));
    await fresh.page.getByTestId('import-bundle').setInputFiles(sweptFile);
    await expect
      .poll(async () => (await traces(fresh.page, 'sweep')).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await fresh.page.getByTestId('study-sweep-key').inputValue()).toBe('samples');
    expect(await fresh.page.getByTestId('study-sweep-values').inputValue()).toMatch(/^400, ?500$/);
    expect(await fresh.page.getByTestId('study').innerText()).toMatch(/samples = 400, 500/);

    // A hostile bundle: refused with the reason, nothing of it becomes markup.
    const evil = JSON.parse(bundle.body.toString('utf8'));
    evil.params['<img src=x onerror=alert(1)>'] = 1;
    const evilFile = path.join(dir, 'evil.json');
    writeFileSync(evilFile, JSON.stringify(evil));
    await fresh.page.getByTestId('import-bundle').setInputFiles(evilFile);
    await expect
      .poll(() => fresh.page.getByTestId('import-error').textContent())
      .toMatch(/^bundle: at params/);
    expect(await fresh.page.locator('img').count()).toBe(0);

    // A bundle whose study the page could not run (13 sweep values, 50 seeds): refused whole, nothing stored, Run still works.
    const rows = await fresh.page.getByTestId('history-row').count();
    for (const [name, mutate, message] of [
      [
        'sweep13',
        (b: Record<string, unknown>) =>
          (b.sweep = { key: 'dim', values: Array.from({ length: 13 }, (_, i) => i + 2) }),
        /^bundle: sweep: sweep: expected 2 to 12/,
      ],
      [
        'seeds50',
        (b: Record<string, unknown>) => (b.seeds = Array.from({ length: 50 }, (_, i) => i)),
        /^bundle: seeds: seeds: expected an integer from 1 to 20, got 50/,
      ],
    ] as const) {
      const b = JSON.parse(bundle.body.toString('utf8'));
      mutate(b);
      const f = path.join(dir, `${name}.json`);
      writeFileSync(f, JSON.stringify(b));
      await fresh.page.getByTestId('import-bundle').setInputFiles(f);
      await expect
        .poll(() => fresh.page.getByTestId('import-error').textContent())
        .toMatch(message);
    }
    expect(await fresh.page.getByTestId('history-row').count()).toBe(rows);

    // A bundle of many runs is read off the main thread and stored at once: then it says so.
    const many = JSON.parse(bundle.body.toString('utf8'));
    many.runs = Array.from({ length: 40 }, (_, i) => many.runs[i % many.runs.length]);
    const manyFile = path.join(dir, 'many.json');
    writeFileSync(manyFile, JSON.stringify(many));
    await fresh.page.getByTestId('import-bundle').setInputFiles(manyFile);
    await expect
      .poll(() => fresh.page.getByTestId('export-message').textContent(), { timeout: 60_000 })
      .toMatch(/^Loaded 40 runs from many.json/);
    await expect.poll(() => fresh.page.getByTestId('history-row').count()).toBe(rows + 40);
    await fresh.page.getByTestId('run').click();
    await expect
      .poll(() => fresh.page.getByTestId('run-state').textContent(), { timeout: 120_000 })
      .toMatch(/^done/);
    expect([...errors, ...fresh.errors]).toEqual([]);
    await fresh.context.close();
    await context.close();
  });

  it('presenter mode, shortcuts behind ?, preset arrows, space to run, r to reset; hidden controls say so', async () => {
    const { page, context, errors } = await open(`${FAST}&hide=lr,seed`);
    expect(await page.getByTestId('param-lr').count()).toBe(0);
    expect(await page.getByTestId('param-seed').count()).toBe(0);
    expect(await page.getByTestId('hidden-controls').textContent()).toMatch(
      /hides 2 controls \(Learning rate, Seed\)/,
    );
    await page.getByTestId('show-all-controls').click();
    expect(await page.getByTestId('param-lr').count()).toBe(1);
    expect(page.url()).not.toContain('hide=');

    await page.locator('body').press('?');
    expect(await page.getByTestId('shortcut-help').innerText()).toMatch(
      /Space\s+run, pause, resume/,
    );
    await page.locator('body').press('Escape');
    expect(await page.getByTestId('shortcut-help').count()).toBe(0);

    await page.locator('body').press('p');
    expect(await page.getByTestId('lab').getAttribute('class')).toMatch(/present/);
    expect(await page.locator('aside').isVisible()).toBe(false);
    expect(page.url()).toContain('present=1');
    const before = await page.getByTestId('present-preset').textContent();
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => page.getByTestId('present-preset').textContent()).not.toBe(before);
    await page.locator('body').press('ArrowLeft');
    await expect.poll(() => page.getByTestId('present-preset').textContent()).toBe(before);

    await page.locator('body').press(' ');
    await waitDone(page);
    expect(await state(page)).toMatch(/^done/);
    await page.locator('body').press('r');
    await expect.poll(() => state(page)).toMatch(/^idle/);
    // Presenter charts use projector-sized type.
    await page.locator('body').press(' ');
    await waitDone(page);
    const size = await page.evaluate(
      () =>
        (
          document.querySelector('[data-testid=chart-recovery]') as HTMLElement & {
            layout?: { font?: { size?: number } };
          }
        ).layout?.font?.size,
    );
    expect(size).toBeGreaterThanOrEqual(20);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs from the keyboard alone and pauses visibly while the tab is hidden', async () => {
    const { page, context, errors } = await open('preset=laplace-infomax&samples=600&steps=4000');
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') === 'run',
      );
    }
    expect(found).toBe(true);
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => state(page), { timeout: 30_000 }).toMatch(/^running · step [1-9]/);
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => state(page)).toMatch(/^paused/);
    expect(await page.getByTestId('hidden-pause').textContent()).toMatch(
      /Paused while this tab is hidden/,
    );
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => state(page)).toMatch(/^(running|done)/);
    await page.keyboard.press('Escape');
    await page.locator('body').press('r');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the system colour scheme and the toggle; charts read on dark', async () => {
    const context = await ctx.browser.newContext({
      colorScheme: 'dark',
      viewport: { width: 1200, height: 900 },
    });
    const { page, errors } = await open(FAST, context);
    const bg = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await bg()).toBe('rgb(18, 20, 23)');
    await page.getByTestId('run').click();
    await waitDone(page);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              document.querySelector('[data-testid=chart-recovery]') as HTMLElement & {
                layout?: { font?: { color?: string } };
              }
            ).layout?.font?.color,
        ),
      )
      .toBe('#e6e8eb');
    await page.getByTestId('theme-toggle').click(); // system -> dark (explicit)
    await page.getByTestId('theme-toggle').click(); // dark -> light
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await page.reload();
    expect(await bg()).toBe('rgb(255, 255, 255)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a shared link of sae-sweep and contrastive-sweep with every choice set to a non-default value: those values, no notice', async () => {
    for (const id of ['sae-sweep', 'contrastive-sweep']) {
      const spec = lookup(id)!;
      const preset = spec.presets[spec.defaultPreset].params;
      const chosen: Record<string, string> = {};
      for (const [k, p] of Object.entries(spec.params)) {
        if (p.kind !== 'choice') continue;
        const current = String(preset[k] ?? p.default);
        chosen[k] = p.choices.find((c) => c !== current)!;
      }
      // A setting the experiment accepts: the swept range within the range of the parameter now swept.
      const swept = spec.params[chosen.sweep];
      const range: Record<string, string> =
        swept && swept.kind !== 'choice' && swept.kind !== 'bool'
          ? { from: String(swept.min), to: String(Math.min(swept.max, 256)) }
          : {};
      // The link as the page writes it: share it from one page, open it in a fresh context.
      const first = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const writer = await first.newPage();
      await writer.goto(
        `${ctx.server.url}/?backend=wasm#/lab/${id}?${new URLSearchParams({ 'page.preset': spec.defaultPreset, ...chosen, ...range, 'study.seeds': '2' })}`,
      );
      await writer.getByTestId('run').waitFor();
      const shared = writer.url();
      await first.close();
      const fresh = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await fresh.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(shared);
      await page.getByTestId('run').waitFor();
      for (const [k, v] of Object.entries(chosen))
        expect(await page.getByTestId(`param-${k}`).inputValue(), `${id} ${k}`).toBe(v);
      expect(
        await page.getByTestId('url-notice').count(),
        `${id}: ${(await page.getByTestId('url-notice').allInnerTexts()).join('; ')}`,
      ).toBe(0);
      expect(new URL(page.url()).hash).toContain('study.seeds=2');
      if (id === 'sae-sweep') await page.screenshot({ path: `${SHOTS}/sae-sweep-shared-link.png` });
      expect(errors).toEqual([]);
      await fresh.close();
    }
  });

  it('keeps hostile URL values inert: named in a notice as text, never markup or script', async () => {
    const evil = encodeURIComponent('<img src=x onerror=alert(1)>');
    const { page, context, errors } = await open(
      `${FAST}&dim=${evil}&hide=${evil}&seeds=${evil}&sweep=${evil}&preset=${evil}`,
    );
    const notices = await page.getByTestId('url-notice').allInnerTexts();
    expect(notices.join('\n')).toContain('<img src=x onerror=alert(1)>');
    expect(notices.length).toBeGreaterThanOrEqual(4);
    expect(await page.locator('img').count()).toBe(0);
    await page.getByTestId('run').click();
    await waitDone(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a paper preset with its recorded run drawn and labelled; Run replaces it with the live run', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ctx.server.url}/?backend=wasm#/paper/estimating-treatment-effects-with-ica`);
    await expect
      .poll(() => page.getByTestId('recorded-label').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.getByTestId('recorded-label').textContent()).toMatch(
      /^Recorded run: WASM backend, \d{4}-\d{2}-\d{2}, seed 0, /,
    );
    expect(await page.getByTestId('run-state').textContent()).toMatch(/^idle/);
    await expect
      .poll(async () => (await traces(page, 'errors')).reduce((a, t) => a + t.n, 0))
      .toBeGreaterThan(1);
    expect(
      await page.locator('[data-testid=claim-verdict][data-final=true]').count(),
    ).toBeGreaterThan(0);
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('recorded-label').count()).toBe(0);
    await waitDone(page);
    expect(await page.getByTestId('run-state').textContent()).toMatch(/^done/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is usable at tablet and phone width: no sideways scrolling, the default preset runs', async () => {
    for (const width of [768, 390]) {
      const context = await ctx.browser.newContext({
        viewport: { width, height: 900 },
        isMobile: width < 500,
        hasTouch: width < 500,
      });
      const { page, errors } = await open(FAST, context);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width + 1,
      );
      await page.getByTestId('run').click();
      await waitDone(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width + 1,
      );
      await page.screenshot({ path: path.join(SHOTS, `lab-${width}px.png`), fullPage: false });
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

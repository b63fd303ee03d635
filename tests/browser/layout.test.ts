/**
 * No text on any chart overlaps other text or leaves its chart, for every chart of every lab at
 * desktop, projector (presenter mode, 1024x768) and phone sizes: titles, panel titles, axis titles,
 * tick labels, bar categories, heat-map labels and the end labels of reference lines, as Plotly
 * draws them. Each lab shows a recorded run where it has one (no training), else a short run.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { experiments } from '../../experiments/registry';
import { ROOT, SHOTS, browserPresent, browserRequired, useBrowser } from './harness';

const SIZES = [
  { name: 'desktop', width: 1400, height: 1000, query: '' },
  { name: 'projector', width: 1024, height: 768, query: 'page.present=1' },
  { name: 'phone', width: 390, height: 844, query: '' },
] as const;

/** Each lab's first recorded preset, if any. */
const recorded = new Map(
  readdirSync(path.join(ROOT, 'src/recorded'))
    .map((f) => f.replace(/\.json$/, '').split('--'))
    .reverse()
    .map(([id, preset]) => [id, preset] as const),
);

describe.runIf(browserPresent || browserRequired)('chart text in Chromium', () => {
  const ctx = useBrowser();

  for (const size of SIZES)
    it(`no chart text overlaps or is cut at ${size.name} size (${size.width}x${size.height})`, async () => {
      const context = await ctx.browser.newContext({
        viewport: { width: size.width, height: size.height },
      });
      const problems: string[] = [];
      for (const e of experiments) {
        const page = await context.newPage();
        const preset = recorded.get(e.id);
        const query = [size.query, preset ? `preset=${preset}` : 'steps=60']
          .filter(Boolean)
          .join('&');
        await page.goto(`${ctx.server.url}/?backend=wasm#/lab/${e.id}?${query}`);
        if (preset) await page.getByTestId('recorded-label').waitFor({ timeout: 30_000 });
        else {
          await page.getByTestId('run').click();
          await page.waitForFunction(
            () =>
              /^done/.test(document.querySelector('[data-testid=run-state]')?.textContent ?? ''),
            null,
            { timeout: 90_000 },
          );
        }
        await page.waitForFunction(
          (n) => document.querySelectorAll('.plot[data-drawn-at]').length >= n,
          e.charts.length,
          { timeout: 30_000 },
        );
        await page.waitForTimeout(250); // the last Plotly draw settles
        const found = await page.evaluate(() => {
          const out: string[] = [];
          for (const plot of document.querySelectorAll<HTMLElement>('.plot[data-drawn-at]')) {
            const box = plot.getBoundingClientRect();
            const id = plot.dataset.testid;
            const texts = [...plot.querySelectorAll<SVGTextElement>('svg text')]
              .filter((t) => (t.textContent ?? '').trim())
              .map((t) => ({ text: t.textContent!.trim(), r: t.getBoundingClientRect() }))
              .filter((t) => t.r.width > 0 && t.r.height > 0);
            for (const t of texts)
              if (
                t.r.left < box.left - 1 ||
                t.r.right > box.right + 1 ||
                t.r.top < box.top - 1 ||
                t.r.bottom > box.bottom + 1
              )
                out.push(`${id}: "${t.text}" leaves the chart`);
            for (let i = 0; i < texts.length; i++)
              for (let j = i + 1; j < texts.length; j++) {
                const [a, b] = [texts[i].r, texts[j].r];
                const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (ox > 1 && oy > 1)
                  out.push(`${id}: "${texts[i].text}" overlaps "${texts[j].text}"`);
              }
            if (plot.querySelector('.modebar-container .modebar'))
              out.push(`${id}: a floating toolbar is drawn`);
          }
          return out;
        });
        problems.push(...found.map((f) => `${e.id}: ${f}`));
        await page.close();
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 300_000);

  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
  ] as const)
    it(`presenter mode at ${width}x${height}: run controls, the main chart and every verdict on the first screen`, async () => {
      const context = await ctx.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      for (const [lab, preset] of [
        ['contrastive', 'anisotropic-aninfonce'],
        ['sae-compare', 'whitening'],
      ] as const) {
        await page.goto(
          `${ctx.server.url}/?backend=wasm#/lab/${lab}?preset=${preset}&page.present=1`,
        );
        await page.getByTestId('recorded-label').waitFor({ timeout: 30_000 });
        await page.waitForFunction(() => document.querySelector('.plot[data-drawn-at]'), null, {
          timeout: 30_000,
        });
        // The layout settles once the charts know where they start (measured after the header).
        await expect
          .poll(
            () =>
              page.evaluate(
                () =>
                  document.querySelector('.charts .plot')?.getBoundingClientRect().bottom ?? 1e9,
              ),
            { timeout: 10_000 },
          )
          .toBeLessThanOrEqual(height + 1);
        await page.waitForTimeout(300);
        const boxes = await page.evaluate(() => {
          const box = (el: Element | null) => {
            const r = el?.getBoundingClientRect();
            return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
          };
          return {
            run: box(document.querySelector('[data-testid=run]')),
            chart: box(document.querySelector('.charts .plot')),
            verdicts: [...document.querySelectorAll('[data-testid=claim-verdict]')].map(box),
            claimText: parseFloat(
              getComputedStyle(document.querySelector('.claim .text')!).fontSize,
            ),
            verdictText: parseFloat(
              getComputedStyle(document.querySelector('[data-testid=claim-verdict]')!).fontSize,
            ),
          };
        });
        expect(boxes.run!.bottom, lab).toBeLessThanOrEqual(height);
        expect(boxes.chart!.bottom, lab).toBeLessThanOrEqual(height + 1);
        expect(boxes.chart!.right, lab).toBeLessThanOrEqual(width);
        expect(boxes.verdicts.length, lab).toBeGreaterThan(0);
        for (const v of boxes.verdicts) expect(v!.bottom, lab).toBeLessThanOrEqual(height);
        // the verdict row is as large as the claim's text
        expect(boxes.verdictText, lab).toBeGreaterThanOrEqual(boxes.claimText);
      }
      await page.screenshot({ path: `${SHOTS}/presenter-${width}x${height}.png` });
      await context.close();
    });
});

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
import { ROOT, browserPresent, browserRequired, useBrowser } from './harness';

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
});

/**
 * The browser half of `npm run bench`: the built app in headless Chromium. Per backend, a short
 * training run of the default SAE, contrastive and ICA presets: ms per step (the page's own
 * clock), time from pressing Run to the first chart point, main-thread long tasks (over 50 ms,
 * PerformanceObserver) while training and after it (when Plotly takes over from the live canvas
 * frames), the slowest canvas frame and Plotly draw, and frames per second (requestAnimationFrame)
 * while training; and the
 * JavaScript the first page loads, gzipped, next to each lazily loaded part.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp, chromiumAvailable, CHROMIUM, launch, serveStatic } from './chromium';

export interface BrowserRun {
  experiment: string;
  backend: string;
  /** The backend the page actually used (a refused one falls back). */
  used: string;
  steps: number;
  msPerStep: number;
  firstPointMs: number;
  /** Main-thread tasks over 50 ms from pressing Run until the run reports done. */
  longTasks: number;
  longestTaskMs: number;
  /** The same after the run (the interactive Plotly charts take over from the live canvas frames), counted until the page settles. */
  longTasksAfter: number;
  longestAfterMs: number;
  /** Frames per second while training (null where requestAnimationFrame does not run, as headless here). */
  fps: number | null;
  /** A 16 ms main-thread timer's rate while training (62.5 when never delayed) and its longest delay, until the run is done. */
  timerTicksPerSec: number;
  maxStallMs: number;
  /** The slowest live canvas frame while training, and the slowest Plotly draw (after it), with their charts. */
  slowestFrame: { chart: string; ms: number } | null;
  slowestDraw: { chart: string; ms: number } | null;
}

export interface BrowserBench {
  runs: BrowserRun[];
  firstLoad: { files: number; gzipBytes: number; names: string[] };
  lazy: { file: string; gzipBytes: number }[];
}

const RUNS: { experiment: string; query: string; steps: number }[] = [
  { experiment: 'sae', query: 'page.preset=superposition', steps: 200 },
  { experiment: 'contrastive', query: 'page.preset=sphere-vmf', steps: 100 },
  { experiment: 'linear-ica', query: 'page.preset=laplace-infomax&samples=5000', steps: 200 },
];

export async function browserBench(quick: boolean): Promise<BrowserBench | { skipped: string }> {
  if (!chromiumAvailable())
    return { skipped: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
  const dist = await buildApp();
  const server = await serveStatic(dist);
  const browser = await launch();
  try {
    // First page load: every script the home page requests.
    const page0 = await browser.newPage();
    const scripts: string[] = [];
    page0.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page0.goto(`${server.url}/#/`);
    await page0.waitForLoadState('networkidle');
    await page0.close();
    const gz = (rel: string) => gzipSync(readFileSync(path.join(dist, rel))).length;
    const first = [...new Set(scripts)];
    const firstLoad = {
      files: first.length,
      gzipBytes: first.reduce((a, f) => a + gz(f), 0),
      names: first,
    };
    const lazy = readdirSync(path.join(dist, 'assets'))
      .filter((f) => f.endsWith('.js') && !first.includes(`/assets/${f}`))
      .map((f) => ({ file: f, gzipBytes: gz(`assets/${f}`) }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes);

    const runs: BrowserRun[] = [];
    for (const backend of ['webgpu', 'webgl', 'wasm']) {
      for (const r of RUNS) {
        const steps = quick ? Math.max(20, Math.round(r.steps / 4)) : r.steps;
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.addInitScript(() => {
          const w = window as unknown as {
            __long: [number, number][];
            __frames: number;
            __ticks: number;
            __stall: number;
            __counting: boolean;
            __doneAt: number;
          };
          w.__long = [];
          w.__doneAt = Infinity;
          // The moment the run reports done: a mutation callback runs right after the DOM update,
          // before the charts' own timers hand over to Plotly.
          new MutationObserver(() => {
            if (
              w.__counting &&
              w.__doneAt === Infinity &&
              /^(done|error|stopped)/.test(
                document.querySelector('[data-testid=run-state]')?.textContent ?? '',
              )
            )
              w.__doneAt = performance.now();
          }).observe(document, { subtree: true, childList: true, characterData: true });
          w.__frames = 0;
          w.__ticks = 0;
          w.__stall = 0;
          w.__counting = false;
          // A 16 ms timer: how often the main thread gets to run it, and its longest delay.
          let last = performance.now();
          setInterval(() => {
            const now = performance.now();
            if (w.__counting && now < w.__doneAt) {
              w.__ticks++;
              w.__stall = Math.max(w.__stall, now - last - 16);
            }
            last = now;
          }, 16);
          new PerformanceObserver((list) => {
            for (const e of list.getEntries())
              if (w.__counting) w.__long.push([e.startTime, e.duration]);
          }).observe({ type: 'longtask', buffered: false });
          const tick = () => {
            if (w.__counting) w.__frames++;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
        await page.goto(
          `${server.url}/?backend=${backend}#/lab/${r.experiment}?${r.query}&steps=${steps}`,
        );
        await page.getByTestId('run').waitFor();
        // Run is pressed once the page has finished loading, as a reader would (the lab warms up meanwhile).
        await page.waitForLoadState('networkidle');
        const firstChart = await page.evaluate(() =>
          document.querySelector('[data-testid^=chart-]')?.getAttribute('data-testid'),
        );
        const t0 = await page.evaluate(() => {
          const w = window as unknown as { __counting: boolean };
          w.__counting = true;
          return performance.now();
        });
        await page.getByTestId('run').click();
        await page.waitForFunction(
          (sel) =>
            (document.querySelector(`[data-testid=${sel}]`) as HTMLElement | null)?.dataset.drawnAt,
          firstChart,
          { timeout: 300_000 },
        );
        const drawnAt = Number(
          await page.evaluate(
            (sel) =>
              (document.querySelector(`[data-testid=${sel}]`) as HTMLElement).dataset.drawnAt,
            firstChart,
          ),
        );
        await page.waitForFunction(
          () =>
            /^(done|error|stopped)/.test(
              document.querySelector('[data-testid=run-state]')?.textContent ?? '',
            ),
          null,
          { timeout: 600_000 },
        );
        await page.waitForTimeout(1500); // the final Plotly draws
        const t1 = await page.evaluate(() => {
          const w = window as unknown as { __counting: boolean };
          w.__counting = false;
          return performance.now();
        });
        const stats = await page.evaluate(() => {
          const w = window as unknown as {
            __long: [number, number][];
            __frames: number;
            __ticks: number;
            __stall: number;
            __doneAt: number;
          };
          // (no named functions in here: the bench runs under tsx, whose name helper the page lacks)
          const [slowestDraw, slowestFrame] = (['drawMsMax', 'frameMsMax'] as const).map((attr) =>
            Array.from(document.querySelectorAll<HTMLElement>('[data-testid^=chart-]'))
              .filter((e) => e.dataset[attr])
              .map((e) => ({ chart: e.dataset.testid ?? '', ms: Number(e.dataset[attr]) }))
              .reduce<{ chart: string; ms: number } | null>(
                (a, d) => (!a || d.ms > a.ms ? d : a),
                null,
              ),
          );
          const during = w.__long.filter(([start]) => start < w.__doneAt).map(([, d]) => d);
          const after = w.__long.filter(([start]) => start >= w.__doneAt).map(([, d]) => d);
          return {
            during,
            after,
            doneAt: w.__doneAt,
            frames: w.__frames,
            ticks: w.__ticks,
            stall: w.__stall,
            slowestDraw,
            slowestFrame,
            state: document.querySelector('[data-testid=run-state]')?.textContent ?? '',
            badge: document.querySelector('[data-testid=backend-badge]')?.textContent ?? '',
          };
        });
        const m = /step (\d+)(?: of \d+)? · ([\d.]+) s/.exec(stats.state);
        const done = m ? Number(m[1]) : steps;
        const seconds = m ? Number(m[2]) : (t1 - t0) / 1000;
        runs.push({
          experiment: r.experiment,
          backend,
          used: stats.badge.trim(),
          steps: done,
          msPerStep: (1000 * seconds) / Math.max(1, done),
          firstPointMs: drawnAt - t0,
          longTasks: stats.during.length,
          longestTaskMs: stats.during.length ? Math.max(...stats.during) : 0,
          longTasksAfter: stats.after.length,
          longestAfterMs: stats.after.length ? Math.max(...stats.after) : 0,
          // requestAnimationFrame does not fire in this headless Chromium: null rather than a false 0.
          fps: stats.frames > 0 ? stats.frames / ((t1 - t0) / 1000) : null,
          timerTicksPerSec: stats.ticks / ((Math.min(stats.doneAt, t1) - t0) / 1000),
          maxStallMs: stats.stall,
          slowestFrame: stats.slowestFrame,
          slowestDraw: stats.slowestDraw,
        });
        process.stderr.write(
          `  browser ${backend} ${r.experiment}: ${runs.at(-1)!.msPerStep.toFixed(2)} ms/step\n`,
        );
        await page.close();
      }
    }
    return { runs, firstLoad, lazy };
  } finally {
    await browser.close();
    await server.close();
  }
}

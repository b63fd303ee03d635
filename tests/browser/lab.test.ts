/**
 * The ICA lab page in headless Chromium: WebGPU (SwiftShader) and WASM runs draw points and
 * judge claims; the automatic choice states its reason; a malformed URL value is named, not fatal.
 * Required when CI=true; skipped (with a message) when Chromium is absent on a developer machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp, chromiumAvailable, launch, ROOT, serveStatic, type StaticServer } from './harness';

const required = process.env.CI === 'true';
const present = chromiumAvailable();
if (!present && !required) console.warn('browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install -y chromium)');

const SHOTS = path.join(ROOT, 'tests/browser/output');
// A few steps on a small problem: software WebGPU is slow (tech-notes).
const SMALL = 'preset=laplace-fastica&samples=400&steps=4';

describe.runIf(present || required)('lab page in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  const offOrigin: string[] = [];

  beforeAll(async () => {
    expect(present, 'CI=true requires Chromium at /usr/bin/chromium').toBe(true);
    server = await serveStatic(await buildApp());
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(search: string, hashQuery: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offOrigin.push(r.url());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}/${search}#/lab/linear-ica?${hashQuery}`);
    await page.getByTestId('run').waitFor();
    return { page, errors };
  }

  async function runToEnd(page: Page) {
    await page.getByTestId('run').click();
    await page.waitForFunction(() => /^(done|error|stopped)/.test(document.querySelector('[data-testid=run-state]')?.textContent ?? ''), null, { timeout: 240_000 });
    expect(await page.getByTestId('run-state').textContent()).toMatch(/^done/);
  }

  async function chartPoints(page: Page, id: string): Promise<number> {
    return page.evaluate((sel) => {
      const gd = document.querySelector(sel) as (HTMLElement & { data?: { x: unknown[] }[] }) | null;
      return gd?.data?.[0]?.x?.length ?? 0;
    }, `[data-testid=chart-${id}]`);
  }

  for (const backend of ['webgpu', 'wasm'] as const) {
    it(`runs on ${backend} when asked with ?backend=${backend}`, async () => {
      const { page, errors } = await open(`?backend=${backend}`, SMALL);
      await runToEnd(page);
      await expect.poll(() => chartPoints(page, 'recovery'), { timeout: 20_000 }).toBeGreaterThan(1);
      await expect.poll(() => chartPoints(page, 'scatter'), { timeout: 20_000 }).toBeGreaterThan(100);
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

  it('names a malformed URL value, falls back to its default and still runs', async () => {
    const { page, errors } = await open('?backend=wasm', 'preset=laplace-fastica&dim=abc&samples=400&steps=2&contrast=quartic');
    const notices = await page.getByTestId('url-notice').allTextContents();
    expect(notices.some((n) => n.includes('dim: expected an integer in [2, 32], got "abc"'))).toBe(true);
    expect(notices.some((n) => n.includes('contrast: expected one of logcosh | exp | cube, got "quartic"'))).toBe(true);
    expect(await page.getByTestId('param-dim').inputValue()).toBe('4');
    await runToEnd(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('requests nothing from any other origin', () => {
    expect(offOrigin).toEqual([]);
  });
});

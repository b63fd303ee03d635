/**
 * The catalog in Chromium: counts, search and filters, a paper page with its embedded demo run
 * for a few steps, and a paper without a toy that says so. Required when CI=true.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { browserPresent, browserRequired, SHOTS, useBrowser } from './harness';
import { papers } from '../../seeds';

describe.runIf(browserPresent || browserRequired)('catalog in Chromium', () => {
  const ctx = useBrowser();

  it('lists every paper, counts them, searches and filters', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ctx.server.url}/#/`);
    const runnable = papers.filter((p) => p.demo.kind === 'runnable').length;
    await expect
      .poll(() => page.getByTestId('catalog-count').textContent())
      .toBe(`${papers.length} papers, ${runnable} with a runnable demo`);
    expect(await page.getByTestId('paper-card').count()).toBe(papers.length);
    await page.screenshot({ path: path.join(SHOTS, 'catalog.png') });

    await page.getByTestId('catalog-runnable').check();
    await expect.poll(() => page.getByTestId('paper-card').count()).toBe(runnable);
    await page.getByTestId('catalog-runnable').uncheck();

    await page.getByTestId('catalog-search').fill('treatment effects independent component');
    await expect.poll(() => page.getByTestId('paper-card').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('paper-card').count()).toBeLessThan(papers.length);
    expect(page.url()).toContain('q=treatment');

    // word prefixes with accents folded, title matches first
    await page.getByTestId('catalog-search').fill('Meszaros');
    await expect.poll(() => page.getByTestId('paper-card').count()).toBeGreaterThanOrEqual(1);
    for (const a of await page.locator('[data-testid=paper-card] .authors').allTextContents())
      expect(a).toMatch(/Mészáros/);
    // "ICA" begins a word ("ICA", "ica" topic), never matches inside "identification"
    await page.getByTestId('catalog-search').fill('ICA');
    await expect.poll(() => page.getByTestId('paper-card').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('paper-card').count()).toBeLessThan(
      papers.filter((p) => /ica/i.test([p.title, p.summary, ...p.authors].join(' '))).length,
    );
    // runnable demos first, each saying what it shows and whether its claims reproduce
    await page.getByTestId('catalog-search').fill('');
    await page.getByTestId('catalog-sort').selectOption('demos');
    expect(page.url()).toContain('sort=demos');
    const firstCard = page.getByTestId('paper-card').first();
    expect(await firstCard.getByTestId('card-demo').textContent()).toMatch(
      /^Demo: .+; (its (\d+ )?claims? (reproduces?|depends?|does not)|(all )?\d+ (of \d+ )?claims (do not reproduce|depend))/,
    );
    await page.getByTestId('catalog-sort').selectOption('relevance');
    expect(await page.getByTestId('to-labs').getAttribute('href')).toBe('#free-labs');

    await page.getByTestId('catalog-topic').selectOption('sparse-coding');
    const sparse = papers.filter((p) => p.topics.includes('sparse-coding')).length;
    await expect.poll(() => page.getByTestId('paper-card').count()).toBe(sparse);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a paper page with its demo and runs it a few steps', async () => {
    const paper = papers.find(
      (p) => p.demo.kind === 'runnable' && p.demo.experiment === 'treatment-ica',
    );
    expect(paper, 'a paper linked to treatment-ica').toBeDefined();
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ctx.server.url}/?backend=wasm#/`);
    await page.getByTestId('catalog-search').fill(paper!.title.slice(0, 30));
    await page.getByRole('link', { name: paper!.title }).click();
    await expect.poll(() => page.getByTestId('paper-title').textContent()).toBe(paper!.title);
    expect(await page.getByTestId('bibtex').textContent()).toMatch(
      /^@(article|inproceedings|misc)\{\w+,\n/,
    );
    // a link to the paper, and none of the catalog's internal listing names
    expect(await page.getByTestId('paper-link').getAttribute('href')).toMatch(
      /^https:\/\/(arxiv\.org\/abs\/|scholar\.google\.com\/)/,
    );
    expect(await page.locator('article.paper').innerText()).not.toMatch(/\b00\d_[0-9a-f]{16}\b/);
    // A few steps: cap the iterations through the panel, as a student would.
    await page.getByTestId('param-steps').fill('3');
    await page.getByTestId('param-steps').press('Enter');
    expect(page.url()).toContain(`#/paper/${paper!.id}?`);
    await page.getByTestId('run').click();
    await page.waitForFunction(
      () =>
        /^(done|error)/.test(document.querySelector('[data-testid=run-state]')?.textContent ?? ''),
      null,
      { timeout: 120_000 },
    );
    expect(await page.getByTestId('run-state').textContent()).toMatch(/^done · step 3/);
    expect((await page.getByTestId('claim-verdict').allTextContents()).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'paper.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names each page in document.title: the catalog, a paper by its title, a lab by its name', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${ctx.server.url}/#/`);
    await page.getByTestId('paper-card').first().waitFor();
    expect(await page.title()).toBe('Identifiability sandbox: papers and live demos');
    await page.goto(
      `${ctx.server.url}/?backend=wasm#/paper/from-flat-to-hierarchical-matching-pursuit`,
    );
    const title = await page.getByTestId('paper-title').textContent();
    await expect.poll(() => page.title()).toBe(`${title} · Identifiability sandbox`);
    await page.goto(`${ctx.server.url}/?backend=wasm#/lab/linear-ica`);
    await page.getByTestId('run').waitFor();
    await expect.poll(() => page.title()).toMatch(/^Linear ICA.* · Identifiability sandbox$/);
    await page.close();
  });

  it('gives a paper page presenter mode and the shortcuts, and Run brings the demo into view', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(`${ctx.server.url}/?backend=wasm#/paper/infonce-identifying-the-gap`);
    await page.getByTestId('run').waitFor();
    await page.keyboard.press('p');
    await expect
      .poll(() => page.getByTestId('present-toggle').getAttribute('aria-pressed'))
      .toBe('true');
    await page.keyboard.press('p');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('run').click();
    await expect
      .poll(
        () =>
          page.getByTestId('lab').evaluate((el) => {
            const r = el.getBoundingClientRect();
            return r.top >= -2 && r.top < window.innerHeight / 2;
          }),
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.keyboard.press(' '); // the shortcut pauses the paper's demo too
    await expect
      .poll(() => page.getByTestId('run-state').textContent(), { timeout: 30_000 })
      .toMatch(/^(paused|done)/);
    await page.close();
  });

  it('says plainly when a paper has no runnable toy', async () => {
    const paper = papers.find((p) => p.demo.kind !== 'runnable');
    const page = await ctx.browser.newPage();
    await page.goto(`${ctx.server.url}/#/paper/${paper!.id}`);
    const notice = page.getByTestId(paper!.demo.kind === 'planned' ? 'demo-planned' : 'demo-none');
    expect(await notice.textContent()).toMatch(
      paper!.demo.kind === 'planned' ? /Demo planned/ : /No faithful toy/,
    );
    expect(await page.getByTestId('run').count()).toBe(0);
    await page.close();
  });
});

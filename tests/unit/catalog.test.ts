import { describe, expect, it } from 'vitest';
import { papers } from '../../seeds';
import { checkCatalog, mergeDuplicates } from '../../seeds/catalog';
import { LISTINGS, type PaperRecord } from '../../seeds/schema';
import { experiments } from '../../experiments/registry';
import { bibtex, bibtexKey } from '../../src/lib/bibtex';

const base: PaperRecord = {
  id: 'a-paper',
  title: 'A Paper on Identifiability',
  authors: ['Ada Lovelace'],
  authorsTruncated: true,
  date: '2024-06',
  sources: ['000_eebf56c428304cc8'],
  summary: 'x'.repeat(100),
  topics: ['ica'],
  demo: { kind: 'planned', family: 'ica' },
};

describe('the catalog', () => {
  it('validates every record and resolves every demo link', () => {
    expect(checkCatalog([...papers], experiments)).toEqual([]);
  });
  it('covers every listing and holds one record per paper', () => {
    for (const l of LISTINGS)
      expect(
        papers.some((p) => p.sources.includes(l)),
        l,
      ).toBe(true);
    // The five listings name about ninety papers, a few of them twice.
    expect(papers.length).toBeGreaterThanOrEqual(85);
    expect(papers.filter((p) => p.sources.length > 1).length).toBeGreaterThanOrEqual(4);
    const norm = (t: string) =>
      t
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    expect(new Set(papers.map((p) => norm(p.title))).size).toBe(papers.length);
    const ids = papers.filter((p) => p.arxiv).map((p) => p.arxiv);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('links the ICA-family papers to their demos', () => {
    const runnable = papers.filter((p) => p.demo.kind === 'runnable');
    const targets = runnable.map((p) => (p.demo.kind === 'runnable' ? p.demo.experiment : ''));
    expect(targets).toContain('treatment-ica');
    expect(targets).toContain('ica-robustness');
    for (const p of runnable) expect(p.whatYouSee && p.notShown, p.id).toBeTruthy();
  });
});

describe('checkCatalog', () => {
  it('names broken links and invalid fields', () => {
    const broken: PaperRecord = {
      ...base,
      demo: { kind: 'runnable', experiment: 'linear-ica', preset: 'nope', claims: ['x'] },
    };
    const msgs = checkCatalog(
      [broken, { ...base, id: 'Bad Id' } as PaperRecord, base, base],
      experiments,
    ).map((p) => `${p.id}: ${p.message}`);
    expect(msgs).toContain(
      'a-paper: demo preset: expected one of laplace-fastica, uniform-fastica, laplace-infomax, uniform-infomax, gaussian-control, one-gaussian, got "nope"',
    );
    expect(msgs.some((m) => m.startsWith('a-paper: demo claim: expected one of'))).toBe(true);
    expect(msgs).toContain('a-paper: a runnable demo needs whatYouSee and notShown');
    expect(msgs.some((m) => m.startsWith('Bad Id: id:'))).toBe(true);
    expect(msgs).toContain('a-paper: duplicate id');
  });
});

describe('mergeDuplicates', () => {
  it('merges by arXiv id or title, keeping both sources and the richer facts', () => {
    const a: PaperRecord = { ...base, arxiv: '2401.00001' };
    const b: PaperRecord = {
      ...base,
      id: 'other-slug',
      title: 'A paper on identifiability!',
      sources: ['004_d30bd53dd70b72ae'],
      date: '2024-06-12',
      demo: { kind: 'none', reason: 'needs a pretrained language model' },
    };
    const c: PaperRecord = {
      ...base,
      id: 'third',
      title: 'Different title',
      arxiv: '2401.00001',
      sources: ['001_927f03682f112dc7'],
    };
    const merged = mergeDuplicates([
      a,
      b,
      c,
      { ...base, id: 'unrelated', title: 'Unrelated Work Entirely' },
    ]);
    expect(merged.map((r) => r.id)).toEqual(['a-paper', 'unrelated']);
    expect(merged[0].sources).toEqual([
      '000_eebf56c428304cc8',
      '001_927f03682f112dc7',
      '004_d30bd53dd70b72ae',
    ]);
    expect(merged[0].date).toBe('2024-06-12');
    expect(merged[0].demo.kind).toBe('planned');
  });
});

describe('bibtex', () => {
  it('writes a brace-safe entry with arXiv fields', () => {
    const r: PaperRecord = {
      ...base,
      arxiv: '2401.00001',
      title: 'Breaking {braces} and \\commands',
    };
    expect(bibtexKey(r)).toBe('lovelace2024breaking');
    const b = bibtex(r);
    expect(b).toContain('title = {{Breaking braces and commands}}');
    expect(b).toContain('author = {Ada Lovelace and others}');
    expect(b).toContain('eprint = {2401.00001}');
    expect(b.startsWith('@misc{lovelace2024breaking,')).toBe(true);
    const conf = bibtex({ ...r, venue: 'CVPR 2024' });
    expect(conf.startsWith('@inproceedings{')).toBe(true);
    expect(conf).toContain('booktitle = {CVPR 2024}');
    const journal = bibtex({ ...r, venue: 'Journal of Machine Learning Research' });
    expect(journal.startsWith('@article{')).toBe(true);
    expect(journal).toContain('journal = {Journal of Machine Learning Research}');
  });

  it('gives every record an entry a reference manager accepts: a year, a venue or an eprint, never "others" alone', () => {
    for (const p of papers) {
      const b = bibtex(p);
      expect(b, p.id).toMatch(/^@(article|inproceedings|misc)\{[a-z0-9]+,\n/);
      expect(b, p.id).toMatch(/year = \{\d{4}\}/);
      if (b.startsWith('@article')) expect(b, p.id).toMatch(/journal = \{/);
      if (b.startsWith('@inproceedings')) expect(b, p.id).toMatch(/booktitle = \{/);
      expect(b, p.id).not.toMatch(/author = \{others\}/);
      // balanced braces: a field never swallows the rest of the entry
      let depth = 0;
      for (const ch of b) {
        depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        expect(depth, p.id).toBeGreaterThanOrEqual(0);
      }
      expect(depth, p.id).toBe(0);
    }
  });

  it('typesets the math in every record text the paper page shows (no ASCII R^2, theta, eps outside $...$)', () => {
    const ascii =
      /[A-Za-z0-9)\]]\^[\w{(-]+|\b(?:theta|sigma|lambda|Lambda|eps|epsilon|beta|kappa|tau)\b|\b[a-zA-Z] = [\w(]/;
    for (const p of papers)
      for (const field of ['summary', 'toyClaim', 'whatYouSee', 'notShown'] as const) {
        const text = (p[field] ?? '').replace(/\$[^$]*\$/g, '');
        expect(text, `${p.id} ${field}`).not.toMatch(ascii);
      }
  });

  it('names the authors of every record, except three whose author lists no stored page gives', () => {
    const missing = papers.filter((p) => p.authors.length === 0).map((p) => p.id);
    expect(missing.sort()).toEqual([
      'learning-without-augmenting-frame-projections',
      'rethinking-positive-pairs-contrastive-learning',
      'unsupervised-manifold-linearizing-and-clustering',
    ]);
  });

  it("links every record: arXiv where it has an id, and the audit's missing ids are filled in", () => {
    const ids = Object.fromEntries(papers.map((p) => [p.id, p.arxiv]));
    expect(ids).toMatchObject({
      federatedfactory: '2603.16370',
      'diet-cp': '2509.06990',
      'occams-razor-for-self-supervised-learning': '2406.10743',
      'understanding-llms-requires-more-than-statistical-generalization': '2405.01964',
      'stationary-representations-compatibility-model-replacement': '2405.02581',
      'cmim-contrastive-mutual-information-framework': '2502.19642',
    });
  });
});

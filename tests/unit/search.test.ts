/** The catalog search finds what a person means: word prefixes, folded accents, title first. */
import { describe, expect, it } from 'vitest';
import { fold, indexOf, search } from '../../src/lib/search';
import { papers } from '../../seeds';

const doc = (title: string, authors: string[] = [], text = '', topics: string[] = []) =>
  indexOf(title, { title, authors, topics, text });

describe('catalog search', () => {
  it('folds accents and case', () => {
    expect(fold('Mészáros Ödön')).toBe('meszaros odon');
  });
  it('matches the beginning of a word, not any substring', () => {
    const docs = [
      doc('Nonlinear ICA with auxiliary variables'),
      doc('Identification of causal effects'),
    ];
    expect(search(docs, 'ICA')).toEqual(['Nonlinear ICA with auxiliary variables']);
    expect(search(docs, 'ident')).toEqual(['Identification of causal effects']);
    expect(search(docs, 'cation')).toEqual([]);
  });
  it('needs every word, and ranks title matches before text matches', () => {
    const docs = [
      doc('A survey', [], 'contrastive learning inverts the process'),
      doc('Contrastive learning inverts the data generating process'),
      doc('Other', ['Carla Contrast']),
    ];
    expect(search(docs, 'contrastive learn')).toEqual([
      'Contrastive learning inverts the data generating process',
      'A survey',
    ]);
  });
  it('finds an accented author typed without accents, in the real catalog', () => {
    const index = papers.map((p) =>
      indexOf(p, { title: p.title, authors: p.authors, topics: p.topics, text: p.summary }),
    );
    const hits = search(index, 'Meszaros');
    expect(hits.length).toBeGreaterThan(0);
    for (const p of hits) expect(p.authors.some((a) => fold(a).includes('meszaros'))).toBe(true);
    const ica = search(index, 'ICA');
    expect(ica.length).toBeGreaterThan(0);
    for (const p of ica)
      expect(
        /\bica\b/i.test(fold([p.title, p.summary, p.topics.join(' ')].join(' '))),
        p.title,
      ).toBe(true);
  });
  it('an empty query keeps every record in order', () => {
    const docs = [doc('b'), doc('a')];
    expect(search(docs, '  ')).toEqual(['b', 'a']);
  });
});

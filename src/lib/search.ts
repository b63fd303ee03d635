/**
 * The catalog search: each word of the query must begin a word of the record (so "ICA" finds
 * "nonlinear ICA" but not "identification"), accents and case folded ("Meszaros" finds
 * "Mészáros"); records are ranked by where their words matched, title first.
 */

/** Lower case, without diacritics. */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const words = (s: string): string[] =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export interface SearchFields {
  title: string;
  authors: readonly string[];
  topics: readonly string[];
  /** Summary, toy claim, venue, ids: matched, ranked last. */
  text: string;
}

/** Field weights: a title word outranks an author, a topic, then the text. */
const WEIGHTS = { title: 8, authors: 4, topics: 2, text: 1 } as const;
type Field = keyof typeof WEIGHTS;

export interface SearchIndex<T> {
  item: T;
  fields: Record<Field, readonly string[]>;
}

export function indexOf<T>(item: T, f: SearchFields): SearchIndex<T> {
  return {
    item,
    fields: {
      title: words(f.title),
      authors: words(f.authors.join(' ')),
      topics: words(f.topics.join(' ')),
      text: words(f.text),
    },
  };
}

/** How well a record matches: 0 when some query word begins no word of it; else the best field weights summed. */
export function score<T>(entry: SearchIndex<T>, query: string): number {
  const q = words(query);
  let total = 0;
  for (const w of q) {
    let best = 0;
    for (const field of Object.keys(WEIGHTS) as Field[])
      if (entry.fields[field].some((t) => t.startsWith(w)))
        best = Math.max(best, WEIGHTS[field] * (entry.fields[field].includes(w) ? 2 : 1));
    if (!best) return 0;
    total += best;
  }
  return q.length ? total : 1;
}

/** The records that match every query word, best first; ties keep the given order. */
export function search<T>(entries: readonly SearchIndex<T>[], query: string): T[] {
  return entries
    .map((e, i) => ({ e, i, s: score(e, query) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.e.item);
}

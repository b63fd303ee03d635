/** BibTeX for a paper record; values are brace-protected, never interpolated into markup. */
import type { PaperRecord } from '../../seeds/schema';

const clean = (s: string) => s.replace(/[{}\\]/g, '');

export function bibtexKey(r: PaperRecord): string {
  const last = r.authors[0]?.trim().split(/\s+/).at(-1) ?? 'anon';
  const word = r.title.split(/\s+/).find((w) => w.length > 3) ?? r.title.split(/\s+/)[0];
  return `${last}${r.date?.slice(0, 4) ?? ''}${word}`
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

export function bibtex(r: PaperRecord): string {
  const authors = [...r.authors.map(clean), ...(r.authorsTruncated ? ['others'] : [])].join(
    ' and ',
  );
  const fields: [string, string | undefined][] = [
    ['title', `{${clean(r.title)}}`],
    ['author', authors || undefined],
    ['year', r.date?.slice(0, 4)],
    ['journal', r.venue ? clean(r.venue) : r.arxiv ? `arXiv preprint arXiv:${r.arxiv}` : undefined],
    ['eprint', r.arxiv],
    ['archivePrefix', r.arxiv ? 'arXiv' : undefined],
    ['url', r.arxiv ? `https://arxiv.org/abs/${r.arxiv}` : undefined],
  ];
  const body = fields
    .filter(([, v]) => v)
    .map(([k, v]) => `  ${k} = {${v}}`)
    .join(',\n');
  return `@article{${bibtexKey(r)},\n${body}\n}`;
}

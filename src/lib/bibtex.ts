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

/** Conference and workshop names, written as @inproceedings (anything else with a venue is a journal). */
const CONFERENCE =
  /\b(NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|AISTATS|UAI|COLT|AAAI|IJCAI|KDD|CIKM|WWW|ACL|EMNLP|NAACL|CLeaR|CoLLAs|TMLR Workshop|Workshop|Conference|Symposium|Proceedings)\b/i;

/**
 * A BibTeX entry a reference manager accepts: @inproceedings for a conference, @article for a
 * journal, @misc with eprint fields for an arXiv preprint; a year when the record has one; the
 * authors as listed ("and others" only after at least one name, never alone).
 */
export function bibtex(r: PaperRecord): string {
  const authors = r.authors.length
    ? [...r.authors.map(clean), ...(r.authorsTruncated ? ['others'] : [])].join(' and ')
    : undefined;
  const venue = r.venue ? clean(r.venue) : undefined;
  const type = venue ? (CONFERENCE.test(venue) ? 'inproceedings' : 'article') : 'misc';
  const fields: [string, string | undefined][] = [
    ['title', `{${clean(r.title)}}`],
    ['author', authors],
    ['year', r.date?.slice(0, 4)],
    [type === 'inproceedings' ? 'booktitle' : 'journal', venue],
    ['eprint', r.arxiv],
    ['archivePrefix', r.arxiv ? 'arXiv' : undefined],
    ['url', r.arxiv ? `https://arxiv.org/abs/${r.arxiv}` : undefined],
    ['note', !r.arxiv && !venue ? 'Preprint' : undefined],
  ];
  const body = fields
    .filter(([, v]) => v)
    .map(([k, v]) => `  ${k} = {${v}}`)
    .join(',\n');
  return `@${type}{${bibtexKey(r)},\n${body}\n}`;
}

/**
 * Assembling the catalog: records from each listing file, duplicates merged into one record
 * with both sources, every record validated, every demo link checked against the registry.
 */
import { PaperRecord, type Demo } from './schema';
import type { ExperimentSpec } from '../experiments/core/spec';

const normTitle = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const demoRank: Record<Demo['kind'], number> = { runnable: 2, planned: 1, none: 0 };

/** One record per paper: same arXiv id or same normalised title means the same paper. */
export function mergeDuplicates(all: PaperRecord[]): PaperRecord[] {
  const out: PaperRecord[] = [];
  const find = (r: PaperRecord) =>
    out.findIndex(
      (o) => (r.arxiv && o.arxiv === r.arxiv) || normTitle(o.title) === normTitle(r.title),
    );
  for (const r of all) {
    const i = find(r);
    if (i < 0) {
      out.push({ ...r, sources: [...r.sources] });
      continue;
    }
    const o = out[i];
    out[i] = {
      ...o,
      sources: [...new Set([...o.sources, ...r.sources])].sort(),
      arxiv: o.arxiv ?? r.arxiv,
      date: (o.date?.length ?? 0) >= (r.date?.length ?? 0) ? o.date : r.date,
      venue: o.venue ?? r.venue,
      authors: o.authors.length >= r.authors.length ? o.authors : r.authors,
      authorsTruncated:
        o.authors.length >= r.authors.length ? o.authorsTruncated : r.authorsTruncated,
      topics: [...new Set([...o.topics, ...r.topics])],
      ...(demoRank[r.demo.kind] > demoRank[o.demo.kind]
        ? {
            demo: r.demo,
            whatYouSee: r.whatYouSee,
            notShown: r.notShown,
            toyClaim: r.toyClaim ?? o.toyClaim,
          }
        : {}),
    };
  }
  return out;
}

export interface CatalogProblem {
  id: string;
  message: string;
}

/** Schema errors, duplicate ids, and demo links that do not resolve to an experiment, preset and claim. */
export function checkCatalog(
  records: PaperRecord[],
  experiments: readonly ExperimentSpec[],
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const parsed = PaperRecord.safeParse(r);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push({
          id: r.id,
          message: issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
        });
    if (seen.has(r.id)) problems.push({ id: r.id, message: 'duplicate id' });
    seen.add(r.id);
    const ref =
      r.demo.kind === 'runnable'
        ? r.demo
        : r.demo.kind === 'none' && r.demo.related && 'experiment' in r.demo.related
          ? r.demo.related
          : null;
    if (!ref) continue;
    const spec = experiments.find((e) => e.id === ref.experiment);
    if (!spec) {
      problems.push({
        id: r.id,
        message: `demo experiment: expected one of ${experiments.map((e) => e.id).join(', ')}, got "${ref.experiment}"`,
      });
      continue;
    }
    if (!(ref.preset in spec.presets))
      problems.push({
        id: r.id,
        message: `demo preset: expected one of ${Object.keys(spec.presets).join(', ')}, got "${ref.preset}"`,
      });
    if (r.demo.kind === 'runnable') {
      const onPreset = spec.claims.filter((c) => c.preset === ref.preset).map((c) => c.id);
      for (const c of r.demo.claims)
        if (!onPreset.includes(c))
          problems.push({
            id: r.id,
            message: `demo claim: expected one of ${onPreset.join(', ') || '(none)'}, got "${c}"`,
          });
    }
  }
  return problems;
}

export function year(r: PaperRecord): number | undefined {
  return r.date ? Number(r.date.slice(0, 4)) : undefined;
}

/** The family a paper belongs to for filtering: its demo's, its planned family, or its related one. */
export function familyOf(
  r: PaperRecord,
  experiments: readonly ExperimentSpec[],
): string | undefined {
  if (r.demo.kind === 'runnable') {
    const id = r.demo.experiment;
    return experiments.find((e) => e.id === id)?.family;
  }
  if (r.demo.kind === 'planned') return r.demo.family;
  const rel = r.demo.related;
  if (!rel) return undefined;
  if ('family' in rel) return rel.family;
  return experiments.find((e) => e.id === rel.experiment)?.family;
}

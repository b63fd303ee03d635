/** The paper catalog: one record per seeded paper, merged across listings. */
import { mergeDuplicates } from './catalog';
import type { PaperRecord } from './schema';
import { records as listing000 } from './listing-000';
import { records as listing001 } from './listing-001';
import { records as listing002003 } from './listing-002-003';
import { records as listing004 } from './listing-004';

export const papers: readonly PaperRecord[] = mergeDuplicates([
  ...listing000,
  ...listing001,
  ...listing002003,
  ...listing004,
]);

export function getPaper(id: string): PaperRecord | undefined {
  return papers.find((p) => p.id === id);
}

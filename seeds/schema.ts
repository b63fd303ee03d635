/**
 * The paper record: facts from the seeded listings (title, authors, date, ids) and, in the
 * project's own words, what the paper claims and how (or whether) a toy run can test it.
 * Validated with zod so a malformed record fails loudly in tests and in `npm run catalog`.
 */
import { z } from 'zod';
import { FAMILIES } from '../experiments/core/families';

export { FAMILIES };

export const TOPICS = [
  'sparse-coding',
  'ica',
  'contrastive',
  'vae',
  'causal',
  'learning-dynamics',
  'representation-similarity',
  'other',
] as const;
export const LISTINGS = [
  '000_eebf56c428304cc8',
  '001_927f03682f112dc7',
  '002_4f7404d7bcbadef3',
  '003_df7943c8c6266fb3',
  '004_d30bd53dd70b72ae',
] as const;

const demoRef = z.object({ experiment: z.string().min(1), preset: z.string().min(1) }).strict();

export const Demo = z.discriminatedUnion('kind', [
  /** A runnable toy: experiment, preset, and the claim ids on that preset that speak for the paper. */
  z
    .object({
      kind: z.literal('runnable'),
      experiment: z.string().min(1),
      preset: z.string().min(1),
      claims: z.array(z.string().min(1)).min(1),
    })
    .strict(),
  /** The paper's family of experiments does not exist yet. */
  z
    .object({
      kind: z.literal('planned'),
      family: z.enum(FAMILIES),
      note: z.string().min(10).optional(),
    })
    .strict(),
  /** No faithful toy: the claim needs a large pretrained model or a real data set. */
  z
    .object({
      kind: z.literal('none'),
      reason: z.string().min(20),
      related: z.union([demoRef, z.object({ family: z.enum(FAMILIES) }).strict()]).optional(),
    })
    .strict(),
]);

export const PaperRecord = z
  .object({
    /** kebab-case slug of the title, unique. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(5),
    /** Where the title came from when the listing gives only an abstract (e.g. "arXiv 2506.08001 abstract page"). */
    titleSource: z.string().min(5).optional(),
    /** As the listing gives them; `authorsTruncated` when it ends with "et al." or a count. */
    authors: z.array(z.string().min(2)),
    authorsTruncated: z.boolean(),
    /** ISO date as precise as the listing gives: YYYY, YYYY-MM or YYYY-MM-DD. */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .optional(),
    arxiv: z
      .string()
      .regex(/^\d{4}\.\d{4,5}$/)
      .optional(),
    venue: z.string().min(2).optional(),
    sources: z.array(z.enum(LISTINGS)).min(1),
    /** Two or three sentences in the project's own words. Inline math as $...$ (KaTeX). */
    summary: z.string().min(80).max(900),
    topics: z.array(z.enum(TOPICS)).min(1),
    /** For papers with a synthetic-data claim: the claim as something a toy run can test. */
    toyClaim: z.string().min(20).optional(),
    demo: Demo,
    /** Runnable demos: what a viewer should see, and where the toy differs from the paper. */
    whatYouSee: z.string().min(20).optional(),
    notShown: z.string().min(20).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.demo.kind === 'runnable' && (!r.whatYouSee || !r.notShown)) {
      ctx.addIssue({ code: 'custom', message: 'a runnable demo needs whatYouSee and notShown' });
    }
    if (r.authors.length === 0 && !r.authorsTruncated) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected authors or authorsTruncated, got neither',
      });
    }
  });

export type PaperRecord = z.infer<typeof PaperRecord>;
export type Demo = z.infer<typeof Demo>;

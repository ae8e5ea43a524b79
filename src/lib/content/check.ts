// The whole content check of a build, run before Astro starts (scripts/build.ts): the same path
// the collections' loader takes (read, integrity checks, every collection's query and its zod
// schema), but every collection is checked even when an earlier one fails, so one run lists
// every problem.
import type { CheckedEntries } from './handover.ts';
import { loadCollection } from './loader.ts';
import { ContentValidationError, type ContentProblem } from './problems.ts';
import { collectionQueries } from './queries.ts';
import type { CollectionName } from './schemas.ts';
import { environmentSecrets, secretProblems } from './secrets.ts';
import type { ContentSource } from './source.ts';

export interface ContentCheck {
  /** Published content documents the site would be built from (0 when the integrity checks fail). */
  published: number;
  /** Every problem: errors first, then warnings and infos. */
  problems: ContentProblem[];
  errors: ContentProblem[];
  /** Every collection's checked entries, when there are no errors (for the build to hand on). */
  entries: CheckedEntries | undefined;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Checks everything a build would load from `source`. Content problems are returned, never
 * thrown; a failing source (ContentSourceError) or a bug still throws.
 */
export async function checkContent(
  source: ContentSource,
  /** Called once the documents have passed the integrity checks, before the queries run. */
  onValidated?: (published: number) => void,
): Promise<ContentCheck> {
  const problems: ContentProblem[] = [];
  const entries: Partial<CheckedEntries> = {};
  let published = 0;
  try {
    const report = await source.validate();
    problems.push(...report.problems);
    // A token pasted into content would be published with it.
    problems.push(...secretProblems(report.published, environmentSecrets()));
    published = report.published.length;
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    problems.push(...error.problems);
  }
  // Queries run only over content that passed the integrity checks (the source refuses otherwise).
  if (!problems.some((problem) => problem.severity === 'error')) {
    onValidated?.(published);
    for (const collection of Object.keys(collectionQueries) as CollectionName[]) {
      try {
        entries[collection] = await loadCollection(collection, source);
      } catch (error) {
        if (!(error instanceof ContentValidationError)) throw error;
        problems.push(
          ...error.problems.map((problem) => ({
            ...problem,
            message: `${problem.message} (i samlingen ${collection})`,
          })),
        );
      }
    }
  }
  const sorted = problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => ORDER[a.problem.severity] - ORDER[b.problem.severity] || a.index - b.index)
    .map(({ problem }) => problem);
  const errors = sorted.filter((problem) => problem.severity === 'error');
  return {
    published,
    problems: sorted,
    errors,
    entries: errors.length === 0 ? (entries as CheckedEntries) : undefined,
  };
}

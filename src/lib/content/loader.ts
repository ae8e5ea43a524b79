// The Astro content-layer loader for the collections of content.config.ts: one query per
// collection through the (memoised) content source, every result checked by its zod schema
// before anything is stored. A failure names `_id · field path · problem` and fails the build.
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { whenFirstShardHasSynced } from '../render-shards.ts';
import { checkedContent, type CollectionEntries } from './handover.ts';
import {
  ContentValidationError,
  formatProblem,
  problemsFromZod,
  type ContentProblem,
} from './problems.ts';
import { collectionQueries } from './queries.ts';
import { withRegionTree } from './regions.ts';
import {
  collectionSchemas,
  regionEntrySchema,
  type CollectionName,
  type Region,
} from './schemas.ts';
import {
  getContentSource,
  resetContentSources,
  type ContentSource,
  type SourceEnv,
} from './source.ts';

/** Checks each result against `schema`; returns the parsed results or throws with every problem. */
export function parseResults<S extends z.ZodType>(
  collection: string,
  schema: S,
  results: unknown,
): z.infer<S>[] {
  if (!Array.isArray(results)) {
    throw new ContentValidationError(
      [
        {
          id: `(${collection})`,
          path: '',
          message: 'Frågan gav ingen lista: kontrollera frågan i src/lib/content/queries.ts.',
          severity: 'error',
        },
      ],
      `The ${collection} collection cannot be loaded`,
    );
  }
  const problems: ContentProblem[] = [];
  const parsed: z.infer<S>[] = [];
  results.forEach((result, index) => {
    const id =
      result && typeof result === 'object' && typeof (result as { _id?: unknown })._id === 'string'
        ? (result as { _id: string })._id
        : `(${collection}[${index}])`;
    const outcome = schema.safeParse(result);
    if (outcome.success) parsed.push(outcome.data);
    else problems.push(...problemsFromZod(id, outcome.error.issues, { input: result }));
  });
  if (problems.length > 0)
    throw new ContentValidationError(
      problems,
      `The ${collection} query results do not match their schema`,
    );
  return parsed;
}

/** Loads one collection's entries (slug → data), validated; regions also carry their tree. */
export async function loadCollection(
  collection: CollectionName,
  source: ContentSource,
): Promise<CollectionEntries> {
  const results = await source.fetch<unknown>(collectionQueries[collection]);
  if (collection === 'regions') {
    const regions = parseResults(collection, collectionSchemas.regions, results) as Region[];
    return withRegionTree(regions).map((entry) => ({
      id: entry.slug,
      data: regionEntrySchema.parse(entry),
    }));
  }
  return parseResults(collection, collectionSchemas[collection], results).map((data) => ({
    id: (data as { slug: string }).slug,
    data: data as Record<string, unknown>,
  }));
}

const reported = new WeakSet<ContentSource>();
const resetting = new Set<string>();
const loggedFailures = new WeakSet<object>();

export function contentLoader(collection: CollectionName, env: SourceEnv = process.env): Loader {
  let watching = false;
  return {
    name: `naravard-content:${collection}`,
    async load(context) {
      const { store, generateDigest, logger, watcher } = context;
      // Entries were checked by the collection's own zod schema (loadCollection), the schema
      // content.config.ts gives Astro too: Astro's parseData would only check them again.
      const storeEntries = (entries: CollectionEntries) => {
        store.clear();
        for (const { id, data } of entries) store.set({ id, data, digest: generateDigest(data) });
      };
      // Inside scripts/build.ts: the pages take the entries the check wrote straight from its
      // file, parsed once in this process (src/lib/presentation/collections.ts), so nothing is
      // stored here. Astro's data store would serialise every entry with devalue, bundle the
      // result into a module and parse it again before the first page renders: ~7 s of a
      // 10,000-document build (docs/performance.md). The read starts now; the pages wait for it.
      if (checkedContent(process.env)) {
        store.clear();
        // A second render shard writes the project's `.astro/` files after the first.
        await whenFirstShardHasSynced();
        return;
      }
      const run = async () => {
        const source = getContentSource(env);
        const report = await source.validate();
        if (!reported.has(source)) {
          reported.add(source);
          // The report is the whole dataset's, logged once by whichever collection loads first:
          // under a label of its own, not that collection's.
          const checkLogger = logger.fork('naravard-content');
          checkLogger.info(
            `Content from ${source.describe}: ${report.published.length} published documents`,
          );
          for (const problem of report.problems) {
            if (problem.severity === 'warning') checkLogger.warn(formatProblem(problem));
            else if (problem.severity === 'info') checkLogger.info(formatProblem(problem));
          }
        }
        storeEntries(await loadCollection(collection, source));
        return source;
      };
      const source = await run();
      // Dev server: reload when the embedded dataset changes; report problems without stopping.
      const file = source.file;
      if (watcher && file && !watching) {
        watching = true;
        watcher.add(file);
        watcher.on('change', (changed) => {
          if (path.resolve(changed) !== file) return;
          // Every collection hears the same event: the first one resets, all share the new source.
          const first = !resetting.has(file);
          if (first) {
            resetting.add(file);
            resetContentSources();
            setTimeout(() => resetting.delete(file), 0);
          }
          run().then(
            () => first && logger.info(`Reloaded the content from ${file}`),
            (error: unknown) => {
              // The shared validation fails once for all collections: log it once.
              if (typeof error === 'object' && error !== null) {
                if (loggedFailures.has(error)) return;
                loggedFailures.add(error);
              }
              logger.error((error as Error).message);
            },
          );
        });
      }
    },
  };
}

// Render shards: a large site's pages rendered by several `astro build` processes side by side,
// each rendering its share of the pages of every route, one core each. Astro renders on one
// thread: at 10,000 documents one process left a third of a two-core machine idle for the ~13 s
// of rendering, which two processes take down to ~9-10 s (docs/performance.md). scripts/build.ts
// starts the processes, gives each its share in RENDER_SHARD, and merges their outputs and
// records; the pages themselves are the same whichever process renders them.
//
// A page's share is a hash of its path parameters, the same in every build. Pages of routes
// without parameters (the start page, /sok/, rss.xml) are few and rendered by every process; the
// merge keeps one copy. Each process keeps Astro's incremental cache in a folder of its own while
// it renders; the build then joins them into the one cache a single process keeps
// (scripts/site-build/render-shards.ts), and the next build, with most of its pages in that
// cache, renders in one process.
import { whenWrittenBy } from './processes.ts';

/** Set by scripts/build.ts for each of its `astro build` processes: `<index>/<count>`. */
export const RENDER_SHARD = 'NARAVARD_RENDER_SHARD';
/**
 * A file named to every process of a build that renders in several. Astro writes the project's
 * `.astro/` files (content modules, types) as it syncs the content, through temporary files of
 * fixed names: processes syncing together fail on each other's renames. So the first process
 * writes this file once it has synced (src/integrations/render-shard.ts), and the others' content
 * loaders wait for it (whenFirstShardHasSynced) before Astro goes on to write those files.
 */
export const RENDER_SHARDS_SYNCED = 'NARAVARD_RENDER_SHARDS_SYNCED';
/** How many processes render the site, instead of the number renderShardCount picks. */
export const RENDER_SHARDS = 'NARAVARD_RENDER_SHARDS';

/**
 * Below this many documents a second process costs more than it saves: each process pays
 * Astro's start (~2 s of CPU), and the second waits for the first to sync. Measured cold builds
 * (two cores): 2,000 documents 8.5-8.9 s with two processes against 7.4-8.2 s with one; 5,000
 * documents 13.0-13.2 s against 15.6-16.4 s.
 */
export const MIN_DOCUMENTS_TO_SHARD = 4000;
/**
 * Above this many, one process: each holds every document, and two at 100,000 documents would
 * pass the 8 GB the build may use (one reaches ~5.3 GB, docs/performance.md).
 */
export const MAX_DOCUMENTS_TO_SHARD = 40_000;

export interface RenderShard {
  index: number;
  count: number;
}

/** What is wrong with RENDER_SHARDS, if anything (the build says so before it starts). */
export function renderShardsSettingProblem(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const chosen = env[RENDER_SHARDS]?.trim();
  if (!chosen) return undefined;
  const count = Number(chosen);
  return Number.isInteger(count) && count >= 1 && count <= 16
    ? undefined
    : `${RENDER_SHARDS} must be a whole number from 1 to 16, not "${chosen}"`;
}

/**
 * How many processes render a site of `documents` on `cores` cores: 1 or 2, or RENDER_SHARDS.
 * One when Astro's incremental cache holds an earlier build's pages that it will reuse
 * (`warmCache`: made with the same config and lockfile, scripts/site-build/render-settings.ts):
 * a rebuild mostly copies pages from it, and a second process paid Astro's start again (~3.5 s
 * of CPU) for little. At 10,000 documents a one-edit rebuild took 13.3 s with one process and
 * 15.1 s with two (six of each, alternated, on the two-core machine of docs/performance.md).
 */
export function renderShardCount(
  documents: number,
  cores: number,
  env: Record<string, string | undefined> = process.env,
  warmCache = false,
): number {
  const problem = renderShardsSettingProblem(env);
  if (problem) throw new Error(problem);
  const chosen = env[RENDER_SHARDS]?.trim();
  if (chosen) return Number(chosen);
  return !warmCache &&
    cores >= 2 &&
    documents >= MIN_DOCUMENTS_TO_SHARD &&
    documents <= MAX_DOCUMENTS_TO_SHARD
    ? 2
    : 1;
}

/** This process's share (RENDER_SHARD), or the whole site. */
export function currentRenderShard(
  env: Record<string, string | undefined> = process.env,
): RenderShard {
  const value = env[RENDER_SHARD]?.trim();
  if (!value) return { index: 0, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count)
    throw new Error(`${RENDER_SHARD} must be <index>/<count> with index < count, not "${value}"`);
  return { index, count };
}

/** 32-bit FNV-1a: spreads similar keys (`syn-programme-00010`, `…11`) evenly. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Whether the page keyed `key` (its route and path parameters) is rendered by `shard`. */
export function inRenderShard(key: string, shard: RenderShard = currentRenderShard()): boolean {
  return shard.count <= 1 || hashOf(key) % shard.count === shard.index;
}

/** Where the render shards' cache folders are, inside the build's cache folder. */
export function renderShardCachesFolder(cacheDir: string): string {
  return `${cacheDir.replace(/\/+$/, '')}/render-shards`;
}

/**
 * Astro's cache folder for a shard while it renders: processes side by side cannot share one
 * (each writes Astro's list of the cache at its end). The build joins them into `cacheDir`
 * afterwards (mergeShardCaches in scripts/site-build/render-shards.ts).
 */
export function renderShardCacheFolder(cacheDir: string, shard: RenderShard): string {
  return shard.count <= 1
    ? cacheDir
    : `${renderShardCachesFolder(cacheDir)}/${shard.index + 1}-of-${shard.count}`;
}

/**
 * Where a render shard's `astro build` keeps its server chunks while it renders (Astro's
 * `build.server`, with the adapter's `preserveBuildServerDir`). Astro keeps them in the output
 * folder, or in the project's `.astro/` when the output lies outside the project (the chunks'
 * imports resolve only inside it): processes side by side, of one build or of two, need a folder
 * each. Named by the process; the build removes it when the process has ended.
 */
export function renderShardServerFolder(root: string, processId: number): string {
  return `${root.replace(/\/+$/, '')}/.astro/render-shards/${processId}/`;
}

/** In a render shard after the first: resolves once the first has synced its content. */
export async function whenFirstShardHasSynced(
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const file = env[RENDER_SHARDS_SYNCED]?.trim();
  if (!file || currentRenderShard(env).index === 0) return;
  // As long as the build (this process's parent) runs: it stops this process if the first fails.
  const build = process.ppid;
  await whenWrittenBy(
    file,
    build,
    () => new Error(`The build (process ${build}) stopped before its first render process synced`),
  );
}

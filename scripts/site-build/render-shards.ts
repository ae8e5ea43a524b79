// Merges the output of one render shard (src/lib/render-shards.ts) into the build's folder:
// every file and folder the build's folder lacks is moved in (a rename: the same filesystem).
// What both have is the same in both: the pages of routes without parameters, which every
// process renders, and the bundled scripts and styles, which every process builds alike; the
// build's copy is kept. The shards' incremental caches are joined into the build's one cache
// (mergeShardCaches). At its start a build removes the chunk folders that shards of builds that
// have ended left in the project (removeEndedShardFolders).
import { existsSync } from 'node:fs';
import { readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  buildRenderingWith,
  INCREMENTAL_MANIFEST,
  RENDERING_MARK,
} from '../../src/integrations/incremental-cache.ts';
import { writeWhole } from '../../src/lib/build-cache.ts';
import { isRunning } from '../../src/lib/processes.ts';
import { renderShardCacheFolder, renderShardCachesFolder } from '../../src/lib/render-shards.ts';

/** Moves what `into` lacks from `from` into it, then removes `from`. */
export async function mergeShardOutput(from: string, into: string): Promise<void> {
  await moveMissing(from, into);
  await rm(from, { recursive: true, force: true });
}

async function moveMissing(from: string, into: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(into, entry.name);
    if (!existsSync(target)) await rename(source, target);
    else if (entry.isDirectory()) await moveMissing(source, target);
  }
}

/**
 * Removes the chunk folders (renderShardServerFolder) of render shards that have ended: a build
 * removes its processes' own, but not when it was killed.
 */
export async function removeEndedShardFolders(root: string): Promise<void> {
  const folder = path.join(root, '.astro', 'render-shards');
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const pid = Number(name);
    if (!(Number.isInteger(pid) && pid > 0 && isRunning(pid)))
      await rm(path.join(folder, name), { recursive: true, force: true });
  }
}

/** Astro's list of its incremental cache (experimental.incrementalBuild), as far as it is read here. */
interface IncrementalManifest {
  version: number;
  configHash: string;
  lockfileHash: string;
  routes: Record<string, { dependencyHash: string; paths: Record<string, unknown> }>;
}

/** Astro's folder of cached pages inside a cache folder. */
const cachedPages = (cacheDir: string) => path.join(cacheDir, 'dist');

/**
 * Makes the incremental caches of a build's `count` render shards the one cache in `cacheDir`
 * that a single process would have left: their cached pages moved into its `dist/`, Astro's lists
 * of them joined into its list (a page's entry holds its key and its file, relative to the
 * cache). Whatever Astro cache `cacheDir` held is replaced. Its settings and the code hash of each
 * route are the same in every process of a build (nothing of the shard is in them); a route
 * whose hashes differ anyway is left out, and its pages render again next time.
 */
export async function mergeShardCaches(cacheDir: string, count: number): Promise<void> {
  const shards = Array.from({ length: count }, (_, index) =>
    renderShardCacheFolder(cacheDir, { index, count }),
  );
  const manifests = await Promise.all(
    shards.map(
      async (dir) =>
        JSON.parse(
          await readFile(path.join(dir, INCREMENTAL_MANIFEST), 'utf8'),
        ) as IncrementalManifest,
    ),
  );
  const first = manifests[0]!;
  if (
    manifests.some(
      ({ version, configHash, lockfileHash }) =>
        version !== first.version ||
        configHash !== first.configHash ||
        lockfileHash !== first.lockfileHash,
    )
  )
    throw new Error("the render processes' caches were made with different settings");
  const routes: IncrementalManifest['routes'] = {};
  const differing = new Set<string>();
  for (const manifest of manifests)
    for (const [component, route] of Object.entries(manifest.routes)) {
      const known = routes[component];
      if (!known) routes[component] = { ...route, paths: { ...route.paths } };
      else if (known.dependencyHash !== route.dependencyHash) differing.add(component);
      else for (const [page, entry] of Object.entries(route.paths)) known.paths[page] ??= entry;
    }
  for (const component of differing) delete routes[component];
  const renderingBuild = buildRenderingWith(cacheDir);
  if (renderingBuild)
    throw new Error(`another build (process ${renderingBuild}) is rendering with ${cacheDir}`);

  // Nothing has changed so far. The list goes first and comes back last: it never names pages
  // that are not there, and a failure in between leaves a cache without one, which the next
  // build does not use.
  await rm(path.join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
  await rm(cachedPages(cacheDir), { recursive: true, force: true });
  for (const dir of shards) {
    if (!existsSync(cachedPages(dir))) continue;
    if (existsSync(cachedPages(cacheDir)))
      await mergeShardOutput(cachedPages(dir), cachedPages(cacheDir));
    else await rename(cachedPages(dir), cachedPages(cacheDir));
  }
  await writeWhole(
    path.join(cacheDir, INCREMENTAL_MANIFEST),
    JSON.stringify({ ...first, routes }, null, '\t'),
  );
  // The mark of a build that stopped while rendering with this cache: its pages are gone now.
  await rm(path.join(cacheDir, RENDERING_MARK), { force: true });
  await removeShardCaches(cacheDir);
}

/** Removes the render shards' cache folders (left by a build that stopped, or merged). */
export async function removeShardCaches(cacheDir: string): Promise<void> {
  await rm(renderShardCachesFolder(cacheDir), { recursive: true, force: true });
}

// The caches a build keeps between builds, and clearing them for a cold build. Every cache the
// site's build keeps must live under the folder the benchmark names in ASTRO_CACHE_DIR (Astro's
// `cacheDir`, astro.config.mjs): its content data store, and with `experimental.incrementalBuild`
// its manifest and cached pages. A cache kept anywhere else belongs in buildCacheFolders, or a
// "cold" build is not cold; findCacheWritesOutside warns when a build wrote one. (Astro's
// generated types in `<root>/.astro/` are written anew by every build: not a cache.)
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** The folders `npm run build` keeps caches in, when ASTRO_CACHE_DIR is `astroCacheDir`. */
export function buildCacheFolders(astroCacheDir: string): string[] {
  return [astroCacheDir];
}

/** Removes every cache of the site's build (buildCacheFolders), so that the next build is cold. */
export async function clearBuildCaches(astroCacheDir: string): Promise<void> {
  for (const folder of buildCacheFolders(astroCacheDir))
    await rm(folder, { recursive: true, force: true });
}

/**
 * What a build wrote since `since` (ms since the epoch) in the places a project keeps caches
 * (`<root>/.cache/`, `<root>/node_modules/.astro/`), outside `ignore`d folders
 * (the benchmark's own): caches that clearBuildCaches does not clear, or the work of another
 * build running at the same time.
 */
export async function findCacheWritesOutside(
  root: string,
  since: number,
  ignore: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const parent of ['.cache', path.join('node_modules', '.astro')]) {
    const dir = path.join(root, parent);
    if (!existsSync(dir)) continue;
    for (const name of await readdir(dir)) {
      const entry = path.join(dir, name);
      if (ignore.some((folder) => entry === folder || folder.startsWith(`${entry}${path.sep}`)))
        continue;
      const modified = await stat(entry).then(
        (info) => info.mtimeMs,
        () => 0,
      );
      if (modified >= since) found.push(path.relative(root, entry));
    }
  }
  return found;
}

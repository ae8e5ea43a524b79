// Guards Astro's incremental build cache (experimental.incrementalBuild: the pages of the last
// build in the cache folder, src/lib/build-cache.ts) against a build that stops while rendering.
// Astro writes each page it renders into the cache as it goes and the list of what the cache
// holds (incremental-build.json) only at the end: a build killed in between leaves pages of the
// new content under the old list's keys, which a later build with the old content would take
// as its own. So a mark lies in the cache folder while Astro renders; a build that finds the
// mark of a build that has gone drops the list and renders every page. A build that finds the
// mark of one still running stops: two builds must not share a cache folder (ASTRO_CACHE_DIR
// gives each its own).
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRunning } from '../lib/processes.ts';

/** The list of what Astro's incremental cache holds (Astro's name for it). */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';
/** The mark of a build rendering with this cache folder: its process id. */
export const RENDERING_MARK = 'naravard-rendering.pid';

export default function incrementalCache(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'naravard:incremental-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        const mark = path.join(cacheDir, RENDERING_MARK);
        if (existsSync(mark)) {
          const pid = buildRenderingWith(cacheDir);
          if (pid)
            throw new Error(
              `Another build (process ${pid}) is rendering with the cache folder ${cacheDir}. Wait for it, or give this build a cache folder of its own with ASTRO_CACHE_DIR.`,
            );
          await rm(path.join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
          logger.warn(
            'An earlier build stopped while rendering: its cached pages cannot be trusted, so every page is rendered again.',
          );
        }
        await mkdir(cacheDir, { recursive: true });
        await writeFile(mark, String(process.pid));
      },
      // Astro has written the list of its cached pages; the cache is whole again.
      'astro:build:generated': async () => {
        await rm(path.join(cacheDir, RENDERING_MARK), { force: true });
      },
    },
  };
}

/** The process id of another build still rendering with the cache in `cacheDir` (its mark). */
export function buildRenderingWith(cacheDir: string): number | undefined {
  const mark = path.join(cacheDir, RENDERING_MARK);
  if (!existsSync(mark)) return undefined;
  const pid = Number(readFileSync(mark, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)
    ? pid
    : undefined;
}

/**
 * Whether the incremental cache in `cacheDir` holds an earlier build's pages that the next build
 * will use: Astro's list of them, and no build rendering with it or stopped while it rendered
 * (whose mark makes the next build drop the list, above).
 */
export function incrementalCacheIsWhole(cacheDir: string): boolean {
  return (
    existsSync(path.join(cacheDir, INCREMENTAL_MANIFEST)) &&
    !existsSync(path.join(cacheDir, RENDERING_MARK))
  );
}

// What Astro keys its whole incremental cache by: its config (the site's address among it) and
// the project's lockfile. A build keeps their digest with the cache it leaves, and the next build
// compares it with its own: when it differs, Astro drops the cache and renders every page, so
// that build renders in two processes as a cold build does, not in the one that a rebuild with
// an earlier build's pages takes (renderShardCount in src/lib/render-shards.ts). An editors'
// preview changes every page's key too (src/lib/presentation/cache-keys.ts). A change of the
// project's source is Astro's to judge route by route (the hash of each route's code), and a
// rebuild after one stays in one process, reusing the routes it left alone.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { digestOf, digestOfFiles, projectCache, writeWhole } from '../../src/lib/build-cache.ts';
import { isPreviewBuild } from '../../src/lib/preview.ts';
import { siteUrl } from '../../src/lib/site-url.ts';

/** The project's files Astro's cache is keyed by: its config and the lockfile. */
export const RENDER_SETTINGS_FILES = ['astro.config.mjs', 'package-lock.json'];

/** The digest of the settings a build of the project in `root` renders with. */
export async function renderSettingsDigest(
  root: string,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  // A project without one of them (another package manager's lockfile) still builds.
  const files = RENDER_SETTINGS_FILES.filter((file) => existsSync(path.join(root, file)));
  return digestOf(
    await digestOfFiles(root, { files }),
    siteUrl(env),
    isPreviewBuild(env) ? 'preview' : 'published',
  );
}

const digestFile = (cacheDir: string) =>
  path.join(projectCache(cacheDir, 'render-settings'), 'digest');

/** Whether the build that left the cache in `cacheDir` rendered with the same settings. */
export function renderSettingsUnchanged(cacheDir: string, digest: string): boolean {
  try {
    return readFileSync(digestFile(cacheDir), 'utf8') === digest;
  } catch {
    return false;
  }
}

/** Keeps the digest of this build's settings with the cache it leaves. */
export async function keepRenderSettings(cacheDir: string, digest: string): Promise<void> {
  await writeWhole(digestFile(cacheDir), digest);
}

// The build's cache folder and the digests its caches are keyed by. One folder holds every cache
// a build reuses, so a CI job saves and restores one path (`.cache/astro/`, or ASTRO_CACHE_DIR):
//   incremental-build.json, dist/   Astro's incremental build: the pages it may reuse
//   data-store.json, …              Astro's content layer
//   naravard/content-check/         the content check's result by dataset digest (handover.ts)
//   naravard/social-images/         the social images by the digest of their text and renderer
//   naravard/render-settings/       the settings Astro's whole cache is keyed by (config, lockfile)
//                                   (scripts/site-build/render-settings.ts)
// Every entry is keyed by a digest of all its inputs and written whole (a temporary file, then a
// rename), so a build that fails or is stopped leaves nothing another build could take for its
// own. Astro's pages are the exception it handles itself, and src/integrations/incremental-cache.ts
// guards them against a build stopped while rendering.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The default cache folder, relative to the repository root. */
export const DEFAULT_CACHE_DIR = '.cache/astro';

/** The cache folder (absolute): ASTRO_CACHE_DIR, or `.cache/astro/` in the repository. */
export function cacheFolder(
  root: string,
  env: { ASTRO_CACHE_DIR?: string | undefined } = process.env,
): string {
  return path.resolve(root, env.ASTRO_CACHE_DIR?.trim() || DEFAULT_CACHE_DIR);
}

/** The folder of one of this project's own caches inside the cache folder. */
export function projectCache(
  cacheDir: string,
  name: 'content-check' | 'social-images' | 'render-settings',
): string {
  return path.join(cacheDir, 'naravard', name);
}

/** A hex SHA-256 of some strings or bytes, each ended so that ["ab", "c"] ≠ ["a", "bc"]. */
export function digestOf(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? `${part.length}:` : `${part.byteLength}b:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

/** The digest of JSON data (key order as given: query results always come in one order). */
export function digestOfData(value: unknown): string {
  return digestOf(JSON.stringify(value) ?? 'undefined');
}

/**
 * The digest of source files: every file under `dirs` (recursively) and the `files`, by path and
 * content, in sorted order. For what a cache must be invalidated by when the code changes.
 */
export async function digestOfFiles(
  root: string,
  { dirs = [], files = [] }: { dirs?: string[]; files?: string[] },
): Promise<string> {
  const found = [...files];
  for (const dir of dirs) {
    const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries)
      if (entry.isFile()) found.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  }
  const sorted = [...new Set(found)].sort();
  const contents = await Promise.all(sorted.map((file) => readFile(path.join(root, file))));
  return digestOf(...sorted.flatMap((file, index) => [file, contents[index]!]));
}

/** Writes `data` to `file` whole: a temporary file beside it, then a rename. */
export async function writeWhole(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

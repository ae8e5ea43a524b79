// The content check's result, kept in the build's cache folder (src/lib/build-cache.ts) by the
// digest of everything it depends on, so a build of content that has not changed skips the
// integrity checks, the collection queries and their zod schemas, and hands Astro the entries
// the last check wrote. Its rules are cross-document (references, unique slugs, the region
// tree), so the key is the digest of the whole dataset, never of one document: any change to
// any document runs the whole check again. Besides the documents the key holds the check's code
// (src/lib/content/, src/lib/rules/, the Sanity schema, the lockfile for groq-js and zod), the
// day (a status that contradicts its period is judged against today) and the secrets in the
// environment (a document holding one is an error). Only a check without errors is kept.
import { copyFile, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { digestOf, digestOfFiles, writeWhole } from '../build-cache.ts';
import { todayInSweden } from '../rules/dates.ts';
import type { ContentProblem } from './problems.ts';
import { environmentSecrets } from './secrets.ts';
import type { ContentSource } from './source.ts';

/** What the build is told of a check found in the cache, as of the check that ran. */
export interface CachedCheck {
  published: number;
  /** Its warnings and infos (a kept check has no errors). */
  problems: ContentProblem[];
}

/** The key of the check of `source`'s content now, or undefined when it cannot be known. */
export async function contentCheckKey(
  source: ContentSource,
  root: string,
  env: Record<string, string | undefined> = process.env,
): Promise<string | undefined> {
  const [documents, code] = await Promise.all([
    source.fingerprint(),
    digestOfFiles(root, {
      dirs: ['src/lib/content', 'src/lib/rules'],
      files: ['src/lib/sanity.schema.json', 'package-lock.json'],
    }),
  ]);
  if (!documents) return undefined;
  const secrets = environmentSecrets(env).flatMap(({ name, value }) => [name, value]);
  return digestOf('content-check 1', documents, code, todayInSweden(), ...secrets);
}

const files = (dir: string, key: string) => ({
  result: path.join(dir, `${key}.json`),
  entries: path.join(dir, `${key}.entries.json`),
});

/**
 * Hands over the cached check for `key`: copies its entries to `entriesFile` (whole, by a
 * rename, as the loader waits for that file) and returns what it found. Undefined on a miss.
 */
export async function takeCachedCheck(
  dir: string,
  key: string,
  entriesFile: string,
): Promise<CachedCheck | undefined> {
  const cached = files(dir, key);
  try {
    const result = JSON.parse(await readFile(cached.result, 'utf8')) as CachedCheck;
    await copyFile(cached.entries, `${entriesFile}.tmp`);
    await rename(`${entriesFile}.tmp`, entriesFile);
    return result;
  } catch {
    await rm(`${entriesFile}.tmp`, { force: true });
    return undefined;
  }
}

/** Keeps a check without errors under `key`, its entries from `entriesFile`; drops older ones. */
export async function keepCheck(
  dir: string,
  key: string,
  entriesFile: string,
  check: CachedCheck,
): Promise<void> {
  const cached = files(dir, key);
  // The entries first: a result is only ever found beside its whole entries.
  await writeWhole(cached.entries, await readFile(entriesFile));
  await writeWhole(cached.result, JSON.stringify(check));
  for (const name of await readdir(dir))
    if (!name.startsWith(key)) await rm(path.join(dir, name), { force: true });
}

// Helpers for the trust tests: the minimal fixture as documents and NDJSON, the real build
// command (runBuild, from tests/support/site.ts: the one way the tests build), and a
// byte-for-byte fingerprint of a folder.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseNdjson, type RawDocument } from '../../src/lib/content/dataset.ts';
import { ROOT } from '../support/site.ts';
import { writeBuildMarker } from '../../scripts/site-build/swap.ts';

export { ROOT };
export { runBuild, type BuildOptions, type BuildRun } from '../support/site.ts';
export const FIXTURE_DIR = path.join(ROOT, 'tests', 'fixtures', 'minimal');
export const EMBEDDED_DIR = path.join(ROOT, 'content', 'dataset');

const fixtureText = readFileSync(path.join(FIXTURE_DIR, 'data.ndjson'), 'utf8');

/**
 * A fresh folder for a test's sites and datasets, inside the repository's .cache/: builds into it
 * keep Astro's prerendered chunks to themselves, so they run beside other tests' builds (a build
 * into a folder outside the repository waits its turn: see withOwnAstroCache).
 */
export async function buildTempDir(prefix: string): Promise<string> {
  const parent = path.join(ROOT, '.cache', 'test-builds');
  await mkdir(parent, { recursive: true });
  return mkdtemp(path.join(parent, prefix));
}

/** A fresh copy of the minimal fixture's documents. */
export function fixtureDocuments(): RawDocument[] {
  return parseNdjson(fixtureText).documents;
}

/** The fixture's documents with one title changed, and its `_updatedAt`, as Sanity does. */
export function fixtureWithTitle(id: string, title: string, updatedAt: string): RawDocument[] {
  return fixtureDocuments().map((document) =>
    document._id === id ? { ...document, title, _updatedAt: updatedAt } : document,
  );
}

/**
 * The pages Astro copied from its cache instead of rendering, from a build's output with
 * NARAVARD_LOG_PAGES=1 (`├─ /a/index.html (restored)`, src/lib/build-log.ts).
 */
export function reusedPages(output: string): string[] {
  return [...output.matchAll(/├─ (\S+) \((?:restored|cached)\)/g)].map(([, page]) => page!);
}

export function toNdjson(documents: readonly unknown[]): string {
  return `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`;
}

/** Writes `text` as `<dir>/data.ndjson`. */
export async function writeDataset(dir: string, text: string | Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'data.ndjson'), text);
  return dir;
}

/** Every file and folder under `dir` with the SHA-256 of each file's bytes (sorted). */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: Record<string, string> = {};
  for (const entry of entries.sort((a, b) =>
    path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)),
  )) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full);
    if (entry.isDirectory()) out[`${relative}/`] = 'dir';
    else
      out[relative] = createHash('sha256')
        .update(await readFile(full))
        .digest('hex');
  }
  return out;
}

/** Signs of a crash rather than a reported problem: a stack frame, an unhandled rejection. */
export const CRASH =
  /\n\s+at .+[(:]\d+|Unhandled|UnhandledPromiseRejection|uncaught|TypeError|ReferenceError|RangeError|ZodError/i;

/**
 * A test's folder (see buildTempDir) holding an earlier site in `site/dist/`: one page,
 * `gammal/index.html`, whose title is `title`, marked as an earlier build's output.
 */
export async function withEarlierSite(
  prefix: string,
  title: string,
): Promise<{ root: string; site: string; outDir: string }> {
  const root = await buildTempDir(prefix);
  const site = path.join(root, 'site');
  const outDir = path.join(site, 'dist');
  await mkdir(path.join(outDir, 'gammal'), { recursive: true });
  await writeFile(
    path.join(outDir, 'gammal', 'index.html'),
    `<!doctype html><title>${title}</title>`,
  );
  await markAsEarlierBuild(outDir);
  return { root, site, outDir };
}

/** Makes `outDir` pass for an earlier build's output (the build refuses other folders). */
export async function markAsEarlierBuild(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeBuildMarker(outDir);
}

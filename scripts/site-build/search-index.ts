// The site's search index: once Astro has built the site, Pagefind reads every HTML page in the
// output folder (only each page's `<main data-pagefind-body>`, see src/components/search/) and
// writes the index to `<siteDir>/pagefind/`, which the search page loads in the browser. It runs
// through Pagefind's Node API (its own service process reads and writes the files); the pages
// keep the words apart that Pagefind would join themselves (docs/search.md, "What is indexed").
// Any Pagefind error, or an index without pages, fails the build.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Where the site's indexed content is: Pagefind reads only inside it. Its default root is the
 * whole document, whose every element and text it walks even around the `data-pagefind-body`
 * it then keeps: with this root the same index comes out (byte for byte at 10,000 documents)
 * and reading the pages takes ~0.5 s less at 10,000 (1.3 s instead of 1.8).
 */
export const SITE_SEARCH_ROOT = '[data-pagefind-body]';

export interface SearchIndexOptions {
  /** Index every page as this language (ISO 639-1); the site is Swedish. Default `sv`. */
  language?: string;
  /**
   * The elements Pagefind reads (its `rootSelector`); default the whole document. With a root,
   * a page without one is not indexed.
   */
  rootSelector?: string;
  /** Stops Pagefind (the build stops it when a step beside it fails, or on a signal). */
  signal?: AbortSignal;
}

export interface SearchIndexSummary {
  /** Pages in the index (those with `data-pagefind-body`, once any page has it). */
  pages: number;
  /** HTML files Pagefind read. */
  files: number;
  outputPath: string;
  milliseconds: number;
}

/** A Pagefind step that failed; the build prints it with its `cause`. */
export class PagefindError extends Error {
  override name = 'PagefindError';
}

const failed = (what: string, errors: readonly string[]) =>
  new PagefindError(`${what}: ${errors.join('; ')}`);

/** Indexes the built site in `siteDir` and writes the index to `<siteDir>/pagefind/`. */
export async function indexSite(
  siteDir: string,
  options: SearchIndexOptions = {},
): Promise<SearchIndexSummary> {
  const started = performance.now();
  const outputPath = path.join(siteDir, 'pagefind');
  const { signal } = options;
  if (signal?.aborted) throw new PagefindError('Pagefind was stopped');
  // Closing the API ends Pagefind's service process, whatever it is doing.
  const stop = () => void pagefind.close();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const created = await pagefind.createIndex({
      forceLanguage: options.language ?? 'sv',
      ...(options.rootSelector ? { rootSelector: options.rootSelector } : {}),
    });
    if (!created.index) throw failed('Pagefind could not start', created.errors);
    const { index } = created;
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw failed(`Pagefind could not index ${siteDir}`, added.errors);
    // Its page count is of the HTML files it read, the index's own is in its entry file.
    const files = added.page_count;
    if (files === 0) throw new PagefindError(`Pagefind found no HTML pages in ${siteDir}`);
    if (signal?.aborted) throw new PagefindError('Pagefind was stopped');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw failed('Pagefind could not write the index', written.errors);
    const pages = await indexedPages(outputPath);
    if (pages === 0)
      throw new PagefindError(`Pagefind indexed none of the ${files} HTML files in ${siteDir}`);
    return { pages, files, outputPath, milliseconds: performance.now() - started };
  } catch (error) {
    if (signal?.aborted) throw new PagefindError('Pagefind was stopped', { cause: error });
    throw error instanceof PagefindError
      ? error
      : new PagefindError(`Pagefind failed: ${(error as Error).message ?? String(error)}`);
  } finally {
    signal?.removeEventListener('abort', stop);
    await pagefind.close();
  }
}

/** Pages in the written index, per its `pagefind-entry.json` (summed over languages). */
async function indexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(
    await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8'),
  ) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

function duration(milliseconds: number): string {
  return milliseconds < 1000
    ? `${Math.round(milliseconds)} ms`
    : `${(milliseconds / 1000).toFixed(2)} s`;
}

/** The one-line summary the build prints. */
export function summaryLine(summary: SearchIndexSummary, siteDir: string): string {
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return `Indexed ${plural(summary.pages, 'page')} (of ${plural(summary.files, 'HTML file')}) into ${path.relative(siteDir, summary.outputPath) || '.'}/ in ${duration(summary.milliseconds)}.`;
}

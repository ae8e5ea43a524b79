// Builds the site's search index: once the site is built, Pagefind reads every HTML page in the
// output folder (only each page's `<main data-pagefind-body>`, see src/components/search/) and
// writes the index to `<outDir>/pagefind/`, which the search page loads in the browser.
// Any Pagefind error fails the build.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export interface PagefindOptions {
  /** Index every page as this language (ISO 639-1); the site is Swedish. Default `sv`. */
  language?: string;
}

export interface PagefindSummary {
  /** Pages in the index (those with `data-pagefind-body`, once any page has it). */
  pages: number;
  /** HTML files Pagefind read. */
  files: number;
  /** Distinct words indexed, as Pagefind reports them (undefined when it did not say). */
  words: number | undefined;
  outputPath: string;
  milliseconds: number;
}

/** A Pagefind step that failed; the build prints it with its `cause`. */
export class PagefindError extends Error {
  override name = 'PagefindError';
}

interface PagefindResponse {
  errors: string[];
}

function check<T extends PagefindResponse>(
  step: string,
  response: T,
  logger: AstroIntegrationLogger,
): T {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`${step}: ${error}`);
    throw new PagefindError(`Pagefind failed to ${step}: ${response.errors.join('; ')}`);
  }
  return response;
}

/** Pagefind's own count of indexed words, from the last `Total:` block of its log. */
export function wordsFromLog(log: string): number | undefined {
  const totals = log.split('Total:');
  if (totals.length < 2) return undefined;
  const match = /Indexed (\d+) words?/.exec(totals[totals.length - 1] as string);
  return match ? Number(match[1]) : undefined;
}

/**
 * Elements Pagefind runs into their neighbours: its parser separates words only at h1–h6, p,
 * td, div, ul, li, article and section, so `<dt>Region</dt><dd>Fyrbodal</dd>` (Astro writes no
 * whitespace between tags) would be indexed as the one word "regionfyrbodal".
 */
const JOINED_ELEMENTS = [
  'dt',
  'dd',
  'th',
  'caption',
  'figcaption',
  'blockquote',
  'summary',
  'legend',
  'time',
  'address',
];
const JOINED_END_TAGS = new RegExp(`</(?:${JOINED_ELEMENTS.join('|')})>`, 'gi');

/** The HTML Pagefind reads: the built page with a space after each end tag above (the site itself is untouched). */
export function separateWords(html: string): string {
  return html.replace(JOINED_END_TAGS, '$& ');
}

/** The page's address as Pagefind would derive it: `program/x/index.html` → `/program/x/`. */
export function pageUrl(relativeFile: string): string {
  const url = `/${relativeFile.split(path.sep).join('/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

/**
 * Adds every HTML file under `siteDir` (what `addDirectory` would read), each through
 * `separateWords`; returns the number of files. The pages are written, separated, into a
 * temporary folder that Pagefind's binary reads itself (in parallel): handing each page over
 * the Node API (`addHTMLFile`, JSON over a pipe) took 16 s of a 10,000-page site's 23 s
 * index; the folder takes 2 s to write and 5 s to read.
 */
async function addPages(
  index: pagefind.PagefindIndex,
  siteDir: string,
  logger: AstroIntegrationLogger,
): Promise<number> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(`pagefind${path.sep}`))
    .sort();
  if (files.length === 0) return 0;
  const inputDir = await mkdtemp(path.join(tmpdir(), 'naravard-pagefind-input-'));
  try {
    let next = 0;
    const copy = async () => {
      for (let file = files[next++]; file !== undefined; file = files[next++]) {
        const target = path.join(inputDir, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, separateWords(await readFile(path.join(siteDir, file), 'utf8')));
      }
    };
    await Promise.all(Array.from({ length: 16 }, copy));
    check('index the pages', await index.addDirectory({ path: inputDir }), logger);
  } finally {
    await rm(inputDir, { recursive: true, force: true });
  }
  return files.length;
}

/** Pages in the written index, per pagefind-entry.json (summed over languages). */
async function indexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(
    await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8'),
  ) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

function duration(milliseconds: number): string {
  return milliseconds < 1000
    ? `${Math.round(milliseconds)} ms`
    : `${(milliseconds / 1000).toFixed(2)} s`;
}

/** Indexes the built site in `siteDir` and writes the index to `<siteDir>/pagefind/`. */
export async function indexSite(
  siteDir: string,
  logger: AstroIntegrationLogger,
  options: PagefindOptions = {},
): Promise<PagefindSummary> {
  const started = performance.now();
  const outputPath = path.join(siteDir, 'pagefind');
  const logDir = await mkdtemp(path.join(tmpdir(), 'naravard-pagefind-'));
  const logfile = path.join(logDir, 'pagefind.log');
  try {
    const { index } = check(
      'create an index',
      await pagefind.createIndex({ forceLanguage: options.language ?? 'sv', logfile }),
      logger,
    );
    if (!index) throw new PagefindError('Pagefind created no index');
    const files = await addPages(index, siteDir, logger);
    if (files === 0) throw new PagefindError(`Pagefind found no HTML pages in ${siteDir}`);
    check('write the index', await index.writeFiles({ outputPath }), logger);
    const pages = await indexedPages(outputPath);
    if (pages === 0)
      throw new PagefindError(`Pagefind indexed none of the ${files} HTML files in ${siteDir}`);
    const words = wordsFromLog(await readFile(logfile, 'utf8').catch(() => ''));
    return { pages, files, words, outputPath, milliseconds: performance.now() - started };
  } finally {
    await pagefind.close();
    await rm(logDir, { recursive: true, force: true });
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The one-line summary the build prints. */
export function summaryLine(summary: PagefindSummary, siteDir: string): string {
  const words =
    summary.words === undefined ? 'an unknown number of words' : plural(summary.words, 'word');
  return `Indexed ${plural(summary.pages, 'page')} (of ${plural(summary.files, 'HTML file')}) and ${words} into ${path.relative(siteDir, summary.outputPath) || '.'}/ in ${duration(summary.milliseconds)}.`;
}

/**
 * Set by scripts/build.ts, which indexes the site itself once `astro build` has exited: the
 * Pagefind binary's memory (0.8 GB at 10,000 pages) then no longer comes on top of Astro's.
 */
export const INDEX_AFTER_BUILD = 'NARAVARD_PAGEFIND_AFTER_BUILD';

/** A logger for indexSite outside Astro: `[label] message` on the console. */
export function consoleLogger(label: string): AstroIntegrationLogger {
  const logger = {
    options: {},
    label,
    fork: (name: string) => consoleLogger(name),
    info: (message: string) => console.log(`[${label}] ${message}`),
    warn: (message: string) => console.warn(`[${label}] ${message}`),
    error: (message: string) => console.error(`[${label}] ${message}`),
    debug: () => {},
  };
  return logger as unknown as AstroIntegrationLogger;
}

/** The Astro integration: keep it last in `integrations`, so it indexes what the others wrote. */
export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'naravard:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger: integrationLogger }) => {
        const logger = integrationLogger.fork('naravard:pagefind');
        const siteDir = fileURLToPath(dir);
        if (process.env[INDEX_AFTER_BUILD] === '1') {
          logger.info('Pagefind indexes the site once Astro has exited (scripts/build.ts).');
          return;
        }
        logger.info('Indexing the built site with Pagefind…');
        let summary: PagefindSummary;
        try {
          summary = await indexSite(siteDir, logger, options);
        } catch (error) {
          throw new PagefindError(`Could not build the search index for ${siteDir}`, {
            cause: error,
          });
        }
        logger.info(summaryLine(summary, siteDir));
      },
    },
  };
}

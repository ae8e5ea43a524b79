// Builds the site's search index: once the site is built, Pagefind reads every HTML page in the
// output folder (only each page's `<main data-pagefind-body>`, see src/components/search/) and
// writes the index to `<outDir>/pagefind/`, which the search page loads in the browser.
// Any Pagefind error fails the build.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stepsRunAfterAstro } from '../lib/built-pages.ts';

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

/** The HTML files Pagefind found, from its log ("Found 91 files matching" and its glob). */
export function filesFromLog(log: string): number | undefined {
  const match = /Found (\d+) files? matching/.exec(log);
  return match ? Number(match[1]) : undefined;
}

/** Pagefind's own count of indexed words, from the last `Total:` block of its log. */
export function wordsFromLog(log: string): number | undefined {
  const totals = log.split('Total:');
  if (totals.length < 2) return undefined;
  const match = /Indexed (\d+) words?/.exec(totals[totals.length - 1] as string);
  return match ? Number(match[1]) : undefined;
}

/**
 * Pagefind's binary for this platform, found as its own command line (`npx pagefind`) finds it.
 * The binary is run itself, not through that command line: the command line waits on it with
 * spawnSync, so stopping the command line would leave the binary writing into the site.
 */
async function pagefindBinary(): Promise<string> {
  const lib = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
  const { resolveBinaryPath } = (await import(
    pathToFileURL(path.join(lib, 'resolveBinary.js')).href
  )) as { resolveBinaryPath: (names: string[]) => string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** Runs Pagefind; resolves with its output, rejects with it on failure or when stopped. */
async function runPagefind(args: string[], stop?: AbortSignal): Promise<string> {
  let binary: string;
  try {
    binary = await pagefindBinary();
  } catch (error) {
    throw new PagefindError(`Pagefind could not start: ${(error as Error).message}`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: stop });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // With a signal, 'error' comes on abort too; 'close' follows once the process has gone.
    child.on('error', (error) => {
      if (!stop?.aborted) reject(new PagefindError(`Pagefind could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      if (stop?.aborted) reject(new PagefindError('Pagefind was stopped'));
      else if (code === 0) resolve(output);
      else
        reject(
          new PagefindError(
            `Pagefind exited with ${signal ?? `code ${code}`}: ${output.trim().split('\n').slice(-8).join('\n')}`,
          ),
        );
    });
  });
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
  options: PagefindOptions & {
    /** Stops Pagefind (the build stops it when a step beside it fails). */
    signal?: AbortSignal;
  } = {},
): Promise<PagefindSummary> {
  const started = performance.now();
  const outputPath = path.join(siteDir, 'pagefind');
  const logDir = await mkdtemp(path.join(tmpdir(), 'naravard-pagefind-'));
  const logfile = path.join(logDir, 'pagefind.log');
  const readLog = () => readFile(logfile, 'utf8').catch(() => '');
  try {
    // The command line rather than the Node API: it reads and writes the files itself, on
    // every core (10,000 pages: ~11 s, against ~16 s through the API with a rewritten copy of
    // the site). Its log says how many pages it found, so the site is not listed here again.
    let output: string;
    try {
      output = await runPagefind(
        [
          '--site',
          siteDir,
          '--output-path',
          outputPath,
          '--force-language',
          options.language ?? 'sv',
          '--logfile',
          logfile,
          '--quiet',
        ],
        options.signal,
      );
    } catch (error) {
      if (filesFromLog(await readLog()) === 0)
        throw new PagefindError(`Pagefind found no HTML pages in ${siteDir}`);
      throw error;
    }
    // With --quiet Pagefind prints only warnings and errors.
    for (const line of output.split('\n').filter((text) => text.trim())) logger.warn(line.trim());
    const log = await readLog();
    const files = filesFromLog(log) ?? 0;
    const pages = await indexedPages(outputPath);
    if (pages === 0)
      throw new PagefindError(`Pagefind indexed none of the ${files} HTML files in ${siteDir}`);
    return {
      pages,
      files,
      words: wordsFromLog(log),
      outputPath,
      milliseconds: performance.now() - started,
    };
  } finally {
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

/** The Astro integration: keep it last in `integrations`, so it indexes what the others wrote. */
export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'naravard:pagefind',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({
          entrypoint: new URL('../lib/search/word-breaks.ts', import.meta.url),
          order: 'post',
        });
      },
      'astro:build:done': async ({ dir, logger: integrationLogger }) => {
        const logger = integrationLogger.fork('naravard:pagefind');
        const siteDir = fileURLToPath(dir);
        if (stepsRunAfterAstro()) {
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

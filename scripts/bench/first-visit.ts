// A visitor's first search, measured the same way on our search page and on a page that uses
// Pagefind's own default UI (`PagefindUI` from the `pagefind-ui.js` that Pagefind writes beside
// every index), on the same build, served by the same server, in the same Chromium:
//
// 1. a fresh browser context (empty cache), 412 × 915 like the rest of the benchmark;
// 2. open the page and wait for its load event;
// 3. enter the query the way each UI takes it (ours: the form is submitted; theirs: typing,
//    an `input` event, which their UI debounces by its default 300 ms) and time, in the page,
//    until the first result with its title is on screen;
// 4. the first visit's transfer: every response body (as transferred, gzip) from the
//    navigation until that moment, whatever its kind (HTML, CSS, JavaScript, fonts, Pagefind's
//    files, including its Web Worker's requests);
// 5. then a second, different query: the /pagefind/ bytes it fetched until the network was
//    quiet.
//
// Nothing here is a test: the figures go to the benchmark's JSON, never into a timed assertion.
import { writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { NetworkLog, type Transfer } from './browser.ts';
import { watchConditions } from './timed-run.ts';
import type { FirstVisitRun } from './visitors.ts';

export type SearchUiKind = 'ours' | 'pagefind-ui';

/** Where the page using Pagefind's default UI is written inside the measured build. */
export const PAGEFIND_UI_PATH = '/bench-pagefind-ui/';

/** The options the default UI is started with: those of Pagefind's own getting-started snippet. */
export const PAGEFIND_UI_OPTIONS = { element: '#search', showSubResults: true } as const;

export const PAGEFIND_UI_SETUP = `\`new PagefindUI(${JSON.stringify(PAGEFIND_UI_OPTIONS)})\` as in Pagefind's getting-started guide (its defaults otherwise: 5 results per page, filters loaded at start, a 300 ms debounce on typing), with \`pagefind-ui.css\`, on a page with nothing else.`;

/**
 * Writes the page that uses Pagefind's default UI into `dist` (a benchmark build, never the
 * site's dist/). Its script is a file of its own: the build's Content-Security-Policy, which the
 * server sends with every response, allows no inline script. Returns a function that removes it.
 */
export async function writePagefindUiPage(dist: string): Promise<() => Promise<void>> {
  const dir = path.join(dist, ...PAGEFIND_UI_PATH.split('/').filter(Boolean));
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'index.html'),
    `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Sök (Pagefind UI)</title>
    <link href="/pagefind/pagefind-ui.css" rel="stylesheet" />
    <script src="/pagefind/pagefind-ui.js"></script>
    <script src="${PAGEFIND_UI_PATH}start.js" defer></script>
  </head>
  <body>
    <main><h1>Sök</h1><div id="search"></div></main>
  </body>
</html>
`,
  );
  await writeFile(
    path.join(dir, 'start.js'),
    `window.addEventListener('DOMContentLoaded', () => {\n  new PagefindUI(${JSON.stringify(PAGEFIND_UI_OPTIONS)});\n});\n`,
  );
  return () => rm(dir, { recursive: true, force: true });
}

/** In the page: enters `term` in the UI and resolves with the ms until its first result shows. */
function enterAndTime(page: Page, kind: SearchUiKind, term: string): Promise<number> {
  return page.evaluate(
    ({ kind, term }) =>
      new Promise<number>((resolve, reject) => {
        const ours = kind === 'ours';
        const root = ours ? document.querySelector('[data-search-app]') : document.body;
        const input = document.querySelector<HTMLInputElement>(
          ours ? '[data-search-input]' : '.pagefind-ui__search-input',
        );
        const form = ours ? root?.querySelector('form') : undefined;
        const list = ours ? root?.querySelector('[data-search-list]') : document.body;
        if (!root || !input || !list || (ours && !form))
          return reject(new Error(`no search field on ${location.pathname}`));
        // A result is shown when its title link is: Pagefind UI first lists placeholders.
        const results = () =>
          ours
            ? [...list.children].filter((child) => child.tagName === 'LI')
            : [...document.querySelectorAll('.pagefind-ui__result-link')];
        const before = new Set(results());
        const started = performance.now();
        const timer = setTimeout(
          () => reject(new Error(`no result for "${term}" within 60 s`)),
          60_000,
        );
        const observer = new MutationObserver(() => {
          if (results().some((result) => !before.has(result))) {
            const elapsed = performance.now() - started;
            observer.disconnect();
            clearTimeout(timer);
            // Tells Node the moment, so that it counts the bytes that arrived before it.
            void (window as unknown as { benchFirstResult(): Promise<void> })
              .benchFirstResult()
              .then(() => resolve(elapsed));
          }
        });
        observer.observe(list, { childList: true, subtree: true });
        input.value = term;
        if (ours) (form as HTMLFormElement).requestSubmit();
        else input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { kind, term },
  );
}

/** Resolves once the UI shows its results for `term` as settled; returns how many it lists. */
async function settledResults(page: Page, kind: SearchUiKind, term: string): Promise<number> {
  if (kind === 'ours') {
    await page.waitForFunction(
      (q) =>
        document
          .querySelector<HTMLElement>('[data-search-app]')
          ?.dataset.searchRendered?.includes(`q=${encodeURIComponent(q)}`),
      term,
      { timeout: 60_000 },
    );
    // Results, not their sub-results (a result's sections are list items inside it).
    return page.evaluate(
      () => document.querySelectorAll('[data-search-list] > li.search-result').length,
    );
  }
  await page.waitForFunction(
    (q) =>
      (document.querySelector('.pagefind-ui__message')?.textContent ?? '').includes(q) &&
      document.querySelectorAll('.pagefind-ui__result-link').length > 0 &&
      document.querySelectorAll('.pagefind-ui__result .pagefind-ui__loading').length === 0,
    term,
    { timeout: 60_000 },
  );
  return page.evaluate(() => document.querySelectorAll('.pagefind-ui__result').length);
}

const isPagefind = (transfer: Transfer) => new URL(transfer.url).pathname.startsWith('/pagefind/');
const sum = (transfers: readonly Transfer[]) =>
  transfers.reduce((total, transfer) => total + transfer.bytes, 0);

/** One first visit of `pagePath` with the two queries, in a fresh context of `browser`. */
export async function measureFirstVisit(
  browser: Browser,
  baseUrl: string,
  kind: SearchUiKind,
  pagePath: string,
  queries: readonly [string, string],
): Promise<FirstVisitRun> {
  const conditionsOfRun = watchConditions();
  const context = await browser.newContext({
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 1,
  });
  try {
    let firstResultAt = Number.POSITIVE_INFINITY;
    await context.exposeBinding('benchFirstResult', () => {
      firstResultAt = Math.min(firstResultAt, Date.now());
    });
    const page = await context.newPage();
    const log = new NetworkLog(page);
    await page.goto(`${baseUrl}${pagePath}`, { waitUntil: 'load' });
    if (kind === 'pagefind-ui')
      await page.waitForSelector('.pagefind-ui__search-input', { timeout: 60_000 });
    const timeToFirstResultMs = await enterAndTime(page, kind, queries[0]);
    const resultsShown = await settledResults(page, kind, queries[0]);
    await log.idle();
    await log.settled();
    const firstVisit = [...log.transfers];
    const toFirstResult = firstVisit.filter((transfer) => transfer.at <= firstResultAt);

    // The later search: another query on the same page, its own /pagefind/ bytes.
    firstResultAt = Number.POSITIVE_INFINITY;
    await enterAndTime(page, kind, queries[1]);
    const laterResultsShown = await settledResults(page, kind, queries[1]);
    await log.idle();
    await log.settled();
    const later = log.transfers.slice(firstVisit.length).filter(isPagefind);

    const byType: Record<string, number> = {};
    for (const transfer of toFirstResult) {
      const type = isPagefind(transfer) ? `pagefind ${transfer.type}` : transfer.type;
      byType[type] = (byType[type] ?? 0) + transfer.bytes;
    }
    return {
      bytesToFirstResult: sum(toFirstResult),
      requestsToFirstResult: toFirstResult.length,
      bytesUntilQuiet: sum(firstVisit),
      timeToFirstResultMs: Math.round(timeToFirstResultMs),
      resultsShown,
      laterSearchBytes: sum(later),
      laterSearchRequests: later.length,
      laterResultsShown,
      byType,
      files: toFirstResult.map((transfer) => ({
        path: new URL(transfer.url).pathname,
        bytes: transfer.bytes,
      })),
      conditions: conditionsOfRun(),
    };
  } finally {
    await context.close();
  }
}

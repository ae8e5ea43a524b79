// What a visitor's browser transfers, measured in Chromium (playwright-core, Debian's
// /usr/bin/chromium): every response's body as transferred (gzip where the server compresses)
// and its headers, from Chromium's `encodedDataLength` as Playwright reports it, by resource
// type; bodies are what counts (see Traffic).
//
// Search: open /sok/ in a fresh profile, submit a query right after the page's load event and
// time until its first result is in the list; the first search's bytes are everything fetched
// from /pagefind/ until those results are shown and the network is quiet (pagefind.js, its
// worker and WebAssembly, the entry, metadata, filter and index chunks, result fragments).
// Then a second, different query: its bytes are what it fetched from /pagefind/ on its own.
// Content page: HTML, CSS, JavaScript and fonts of one page in a fresh profile, images left out.
import { CHROMIUM_ARGS } from '../chromium.ts';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

export interface Transfer {
  url: string;
  type: string;
  /** The response body as transferred (compressed). */
  bytes: number;
  /** The response headers. */
  headerBytes: number;
  at: number;
}

/**
 * Records every finished response of a page, including those of its workers (Pagefind searches
 * in a Web Worker, whose requests the page's own DevTools session does not see; Playwright
 * attaches to workers and reports them with the page). Bytes are Playwright's `sizes()`:
 * response headers plus the body as transferred (Chromium's `encodedDataLength`); nothing for
 * a response served from the browser's cache.
 */
export class NetworkLog {
  readonly transfers: Transfer[] = [];
  private readonly pending = new Set<Request>();
  private readonly finishing: Array<Promise<void>> = [];
  private lastActivity = Date.now();

  constructor(page: Page) {
    page.on('request', (request) => {
      if (!/^https?:/.test(request.url())) return;
      this.pending.add(request);
      this.lastActivity = Date.now();
    });
    page.on('requestfinished', (request) => {
      // When the response ended, not when its sizes were read.
      const at = Date.now();
      this.finishing.push(
        request.sizes().then(
          (sizes) => {
            // Chromium reports no body size for a Web Worker's own script served compressed
            // (Pagefind's worker, ~12 kB gzip): it counts as 0, the same file on both sides of
            // the comparison. A response from the browser's cache, fresh or revalidated (a file
            // the page preloaded, fetched again by Pagefind's worker), transfers no body:
            // Chromium then reports a size at or below 0.
            const bytes = Math.max(0, sizes.responseBodySize);
            this.transfers.push({
              url: request.url(),
              type: request.resourceType(),
              bytes,
              headerBytes: sizes.responseHeadersSize,
              at,
            });
            this.pending.delete(request);
            this.lastActivity = Date.now();
          },
          () => {
            this.pending.delete(request);
          },
        ),
      );
    });
    page.on('requestfailed', (request) => {
      this.pending.delete(request);
      this.lastActivity = Date.now();
    });
  }

  /** Waits until the sizes of every finished response are read. */
  async settled(): Promise<void> {
    await Promise.all(this.finishing);
  }

  /** Resolves once no request has been open or finished for `quietMs`. */
  async idle(quietMs = 500, timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      await Promise.all(this.finishing);
      if (this.pending.size === 0 && Date.now() - this.lastActivity >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const open = [...this.pending].map((request) => request.url()).join(', ');
    throw new Error(`the network did not go quiet within ${timeoutMs} ms; still open: ${open}`);
  }
}

export interface Traffic {
  /** Response bodies as transferred: what the targets are checked against. */
  bytes: number;
  /**
   * Response headers on top, as this HTTP/1.1 loopback server sends them: every response
   * repeats the site's ~2 kB Content-Security-Policy. A host speaking HTTP/2 or 3 compresses
   * repeated headers (HPACK/QPACK) to a few bytes, so they are reported, not counted.
   */
  headerBytes: number;
  requests: number;
}

function total(transfers: readonly Transfer[]): Traffic {
  return {
    bytes: transfers.reduce((sum, transfer) => sum + transfer.bytes, 0),
    headerBytes: transfers.reduce((sum, transfer) => sum + transfer.headerBytes, 0),
    requests: transfers.length,
  };
}

async function openLogged(
  browser: Browser,
): Promise<{ page: Page; log: NetworkLog; close(): Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const log = new NetworkLog(page);
  return { page, log, close: () => context.close() };
}

export interface SearchFigures {
  query: string;
  /** Bytes (bodies) fetched from /pagefind/ for this search. */
  bytes: number;
  headerBytes: number;
  requests: number;
  /** From submitting the query to its first result in the list. */
  timeToFirstResultMs: number;
  /** Results Pagefind found. */
  results: number;
  files: Array<{ path: string; bytes: number }>;
}

export interface BrowserFigures {
  /** The /sok/ page itself: its HTML, CSS, JavaScript and fonts. */
  searchPage: Traffic;
  firstSearch: SearchFigures;
  laterSearch: SearchFigures;
  contentPage: ContentPageFigures;
}

const isPagefind = (transfer: Transfer) => new URL(transfer.url).pathname.startsWith('/pagefind/');

/** Submits `query` in the search form and resolves with the ms until its first result is listed. */
async function submitAndTime(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (term) =>
      new Promise<number>((resolve, reject) => {
        const root = document.querySelector<HTMLElement>('[data-search-app]');
        const form = root?.querySelector('form');
        const input = root?.querySelector<HTMLInputElement>('[data-search-input]');
        const list = root?.querySelector('[data-search-list]');
        if (!root || !form || !input || !list)
          return reject(new Error('the search page has no search form'));
        const before = new Set(list.children);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const fresh = [...list.children].some(
            (child) => !before.has(child) && child.tagName === 'LI',
          );
          if (fresh) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(list, { childList: true });
        input.value = term;
        form.requestSubmit();
        setTimeout(() => reject(new Error(`no result for "${term}" within 60 s`)), 60_000);
      }),
    query,
  );
}

async function searchRendered(page: Page, query: string): Promise<number> {
  await page.waitForFunction(
    (term) =>
      document
        .querySelector<HTMLElement>('[data-search-app]')
        ?.dataset.searchRendered?.includes(`q=${encodeURIComponent(term)}`),
    query,
    { timeout: 60_000 },
  );
  return page.evaluate(() => document.querySelectorAll('[data-search-list] li').length);
}

function searchFigures(
  query: string,
  transfers: readonly Transfer[],
  timeToFirstResultMs: number,
  results: number,
): SearchFigures {
  const files = transfers.filter(isPagefind);
  return {
    query,
    ...total(files),
    timeToFirstResultMs: Math.round(timeToFirstResultMs),
    results,
    files: files.map((transfer) => ({
      path: new URL(transfer.url).pathname,
      bytes: transfer.bytes,
    })),
  };
}

export async function measureSearch(browser: Browser, baseUrl: string, queries: [string, string]) {
  const { page, log, close } = await openLogged(browser);
  try {
    await page.goto(`${baseUrl}/sok/`, { waitUntil: 'load' });
    const pageOnly = log.transfers.filter((transfer) => !isPagefind(transfer));
    const firstTime = await submitAndTime(page, queries[0]);
    const firstResults = await searchRendered(page, queries[0]);
    await log.idle();
    const afterFirst = log.transfers.length;
    const laterTime = await submitAndTime(page, queries[1]);
    const laterResults = await searchRendered(page, queries[1]);
    await log.idle();
    return {
      searchPage: total(pageOnly),
      firstSearch: searchFigures(
        queries[0],
        log.transfers.slice(0, afterFirst),
        firstTime,
        firstResults,
      ),
      laterSearch: searchFigures(
        queries[1],
        log.transfers.slice(afterFirst),
        laterTime,
        laterResults,
      ),
    };
  } finally {
    await close();
  }
}

export interface ContentPageFigures {
  path: string;
  /** Transferred bytes (bodies) of everything but images. */
  bytes: number;
  headerBytes: number;
  byType: Record<string, number>;
  requests: number;
  /** What was left out: images (and the favicon). */
  imageBytes: number;
}

const IMAGE_TYPES = new Set(['image', 'media']);

export async function measurePage(
  browser: Browser,
  baseUrl: string,
  path: string,
): Promise<ContentPageFigures> {
  const { page, log, close } = await openLogged(browser);
  try {
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
    await log.idle();
    const isImage = (transfer: Transfer) =>
      IMAGE_TYPES.has(transfer.type) ||
      /\.(png|svg|ico|webp|avif|jpe?g)$/.test(new URL(transfer.url).pathname);
    const counted = log.transfers.filter((transfer) => !isImage(transfer));
    const byType: Record<string, number> = {};
    for (const transfer of counted)
      byType[transfer.type] = (byType[transfer.type] ?? 0) + transfer.bytes;
    return {
      path,
      ...total(counted),
      byType,
      imageBytes: total(log.transfers.filter(isImage)).bytes,
    };
  } finally {
    await close();
  }
}

export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

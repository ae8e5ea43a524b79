// Shared by the browser tests: the built site on a loopback server, Chromium, the search page's
// observable state, and what the embedded dataset says each page should carry.
import { access, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject, onTestFinished } from 'vitest';
import { loadCollection } from '../../src/lib/content/loader.ts';
import type { RegionEntry } from '../../src/lib/content/schemas.ts';
import { COLLECTION_NAMES } from '../../src/lib/content/schemas.ts';
import { createLocalSource } from '../../src/lib/content/source.ts';
import {
  ownRegions,
  searchIndexMeta,
  type IndexableDocument,
  type RegionNode,
  type SearchIndexMeta,
} from '../../src/lib/search/index-meta.ts';
import { NATIONAL_EVENT_LABEL } from '../../src/lib/search/labels.ts';
import { hrefFor } from '../../src/lib/urls.ts';
import { launchBrowser } from '../support/browser.ts';
import { ROOT } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';

/** The built site: E2E_SITE_DIR when set (to test an existing build), else the 'site' project's shared build. */
export function siteDir(): string {
  return process.env.E2E_SITE_DIR ? path.resolve(process.env.E2E_SITE_DIR) : inject('distDir');
}

/**
 * How long a browser step on the built site may wait (Playwright's default is 30 s): on a loaded
 * two-core machine loading Pagefind's WebAssembly and index alone can take several seconds.
 */
export const SEARCH_TIMEOUT = 60_000;

export interface SiteSession {
  /** The build being served. */
  root: string;
  server: StaticServer;
  browser: Browser;
  /** A fresh page in a context of its own, closed when the test that asked for it ends (else with the session). */
  page(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A private copy of a built site (E2E_SITE_DIR, such as dist/): a build in the same working tree
 * may replace that folder while the tests read it. The build swaps its output in whole
 * (scripts/site-build/swap.ts); a copy taken mid-swap lacks the Pagefind index and is taken again.
 */
export async function snapshotSite(dir = siteDir()): Promise<string> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const copy = await mkdtemp(path.join(tmpdir(), 'naravard-e2e-site-'));
    await cp(dir, copy, { recursive: true }).catch(() => undefined);
    const complete = await access(path.join(copy, 'pagefind', 'pagefind-entry.json')).then(
      () => true,
      () => false,
    );
    if (complete) return copy;
    await rm(copy, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`No complete build with a Pagefind index in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export interface SiteFolder {
  root: string;
  /** Removes the folder if it is a private copy. */
  release(): Promise<void>;
}

/**
 * The built site to read or serve: the run's own build as it is (its folder is this run's, and
 * nothing writes it once built), or a private copy of E2E_SITE_DIR.
 */
export async function siteFolder(): Promise<SiteFolder> {
  if (!process.env.E2E_SITE_DIR) return { root: siteDir(), release: async () => undefined };
  const root = await snapshotSite();
  return { root, release: () => rm(root, { recursive: true, force: true }) };
}

/**
 * Closes `context` when the running test ends, so that a file's earlier pages do not keep
 * Chromium busy; outside a test (a beforeAll) it stays open until the session closes.
 */
function closeWhenTestEnds(context: BrowserContext): void {
  try {
    onTestFinished(() => context.close().catch(() => undefined));
  } catch {
    // Not inside a test.
  }
}

export async function openSite(): Promise<SiteSession> {
  const folder = await siteFolder();
  const { root } = folder;
  const server = await startStaticServer(root, { cacheControl: 'no-store' });
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    await folder.release();
    throw error;
  }
  return {
    root,
    server,
    browser,
    page: async () => {
      const context = await browser.newContext({ baseURL: server.url, locale: 'sv-SE' });
      context.setDefaultTimeout(SEARCH_TIMEOUT);
      closeWhenTestEnds(context);
      const page = await context.newPage();
      page.on('pageerror', (error) =>
        console.error(`page error on ${page.url()}: ${error.message}`),
      );
      return page;
    },
    close: async () => {
      await browser.close();
      await server.close();
      await folder.release();
    },
  };
}

/** Opens `/sok/?<params>` and waits until that search's results are on screen. */
export async function openSearch(page: Page, params = ''): Promise<void> {
  await page.goto(`/sok/${params ? `?${params}` : ''}`);
  await waitForReady(page);
  await waitForRendered(page);
}

export async function waitForReady(page: Page): Promise<void> {
  const ready = await page.waitForFunction(
    () => document.querySelector<HTMLElement>('[data-search-app]')?.dataset.searchReady,
    undefined,
    { timeout: SEARCH_TIMEOUT },
  );
  const value = await ready.jsonValue();
  if (value !== 'true')
    throw new Error(`The search page could not load Pagefind (searchReady=${String(value)})`);
}

/** Waits until the results on screen are those of the search in the address bar. */
export async function waitForRendered(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const root = document.querySelector<HTMLElement>('[data-search-app]');
      return (
        root?.dataset.searchRendered === `${location.pathname}${location.search}` &&
        !root.hasAttribute('aria-busy')
      );
    },
    undefined,
    { timeout: SEARCH_TIMEOUT },
  );
}

/** Waits until the filter options show the counts of the search in the address bar. */
export async function waitForCounts(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector<HTMLElement>('[data-search-app]')?.dataset.searchCounts ===
      `${location.pathname}${location.search}`,
    undefined,
    { timeout: SEARCH_TIMEOUT },
  );
}

export interface ResultRow {
  /** Path of the result (`/program/x/`). */
  path: string;
  title: string;
  type: string;
  /** Own regions as shown (`Fyrbodal, Västra Götaland`), '' when none. */
  region: string;
  date: string | null;
  sections: string[];
}

export async function readResults(page: Page): Promise<ResultRow[]> {
  return page.$$eval('[data-search-list] > li', (items) =>
    items.map((item) => {
      const link = item.querySelector<HTMLAnchorElement>('.search-result__title a');
      return {
        path: link ? new URL(link.href).pathname : '',
        title: link?.textContent?.trim() ?? '',
        type: item.querySelector('.search-result__type')?.textContent?.trim() ?? '',
        region: item.querySelector('.search-result__region')?.textContent?.trim() ?? '',
        date: item.querySelector('time')?.getAttribute('datetime') ?? null,
        sections: [...item.querySelectorAll<HTMLAnchorElement>('.search-result__sections a')].map(
          (a) => {
            const url = new URL(a.href);
            return `${url.pathname}${url.hash}`;
          },
        ),
      };
    }),
  );
}

/** Every result of the search on screen, pressing "Visa fler träffar" until all are shown. */
export async function readAllResults(page: Page): Promise<ResultRow[]> {
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = await page.locator('[data-search-list] > li').count();
    await more.click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-search-list] > li').length > count,
      before,
    );
  }
  return readResults(page);
}

/** The number of results the status line announces (0 for "Inga träffar"). */
export async function announcedCount(page: Page): Promise<number> {
  const match = /^(\d+) träff/.exec(await statusText(page));
  return match ? Number(match[1]) : 0;
}

export async function statusText(page: Page): Promise<string> {
  return ((await page.textContent('[data-search-status]')) ?? '').trim();
}

// ---------------------------------------------------------------------------
// What the dataset says

export interface ContentPage {
  doc: IndexableDocument;
  path: string;
  meta: SearchIndexMeta;
}

export interface SiteContent {
  pages: ContentPage[];
  regions: RegionEntry[];
  regionBySlug(slug: string): RegionEntry;
  /** Names of a region and every region below it. */
  regionAndDescendants(slug: string): Set<string>;
}

let content: Promise<SiteContent> | undefined;

/** Every content page the embedded dataset gives, with the search metadata it should carry. */
export function siteContent(): Promise<SiteContent> {
  content ??= (async () => {
    const source = createLocalSource(path.join(ROOT, 'content', 'dataset'));
    const docs: IndexableDocument[] = [];
    for (const name of COLLECTION_NAMES) {
      for (const entry of await loadCollection(name, source))
        docs.push(entry.data as unknown as IndexableDocument);
    }
    const regions = docs.filter((doc): doc is RegionEntry => doc._type === 'region');
    const byId = new Map<string, RegionNode>(regions.map((region) => [region._id, region]));
    const regionBySlug = (slug: string) => {
      const region = regions.find((candidate) => candidate.slug === slug);
      if (!region) throw new Error(`No region with slug ${slug} in the dataset`);
      return region;
    };
    return {
      pages: docs.map((doc) => ({
        doc,
        path: hrefFor(doc._type, doc.slug),
        meta: searchIndexMeta(doc, byId),
      })),
      regions,
      regionBySlug,
      regionAndDescendants: (slug) => {
        const region = regionBySlug(slug);
        const ids = new Set([region._id, ...region.descendantIds]);
        return new Set(
          regions.filter((candidate) => ids.has(candidate._id)).map((candidate) => candidate.name),
        );
      },
    };
  })();
  return content;
}

/** The regions a result shows, as a list. */
export function shownRegions(row: ResultRow): string[] {
  return row.region ? row.region.split(',').map((name) => name.trim()) : [];
}

/**
 * The regions behind a result: those it shows, or, where it is labelled national, the regions
 * of the national event it is (which still filter it). A national label on any other page throws.
 */
export function regionsBehind(row: ResultRow, content: SiteContent): string[] {
  if (row.region !== NATIONAL_EVENT_LABEL) return shownRegions(row);
  const page = content.pages.find((candidate) => candidate.path === row.path);
  if (page?.doc._type !== 'handelse' || page.doc.scope !== 'nationell') {
    throw new Error(`${row.path} is labelled ${NATIONAL_EVENT_LABEL} but is no national event`);
  }
  return ownRegions(page.doc).map((region) => region.title);
}

// ---------------------------------------------------------------------------
// Pagefind's own API, in a page of the site (for what the index holds, beyond the first results)

export interface IndexedPage {
  url: string;
  title: string;
  /** The text Pagefind indexed for the page, lower-cased. */
  content: string;
}

/** Runs `pagefind.search(term, options)` in the page and loads every result. */
export async function pagefindSearch(
  page: Page,
  term: string | null,
  options: { filters?: Record<string, unknown>; exactDiacritics?: boolean } = {},
): Promise<IndexedPage[]> {
  // Plain JavaScript in a string: Vitest would rewrite a dynamic import() in a function here.
  const script = `(async ({ term, options }) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options({ exactDiacritics: options.exactDiacritics ?? true });
    const search = await pagefind.search(term, options.filters ? { filters: options.filters } : {});
    const data = await Promise.all(search.results.map((result) => result.data()));
    return data.map((item) => ({ url: item.url, title: item.meta.title ?? '', content: item.content.toLowerCase() }));
  })(${JSON.stringify({ term, options })})`;
  return page.evaluate(script) as Promise<IndexedPage[]>;
}

/** Every typed content page in the index, with its indexed text. */
export async function indexedContentPages(
  page: Page,
  typeLabels: readonly string[],
): Promise<IndexedPage[]> {
  return pagefindSearch(page, null, { filters: { typ: { any: [...typeLabels] } } });
}

/** The words of a text (letters only, lower case). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
}

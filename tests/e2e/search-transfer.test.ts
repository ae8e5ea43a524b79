// What a search fetches, seen in Chromium's network (Pagefind's web worker included): the filter
// chunks only once the counts are wanted, and a result fragment only for each result on screen.
// The bytes at 10,000 documents are the benchmark's (docs/performance.md), not a test's.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announcedCount,
  openSearch,
  openSite,
  readResults,
  waitForCounts,
  waitForRendered,
  type SiteSession,
} from './helpers.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** The Pagefind files the page (and its workers) requests from now on, by kind. */
function pagefindRequests(page: Page): { filters(): string[]; fragments(): string[] } {
  const paths: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/pagefind/')) paths.push(pathname);
  });
  return {
    filters: () => paths.filter((path) => path.endsWith('.pf_filter')),
    fragments: () => paths.filter((path) => path.endsWith('.pf_fragment')),
  };
}

const listed = (page: Page) => page.locator('[data-search-list] > li').count();

describe('what a search fetches', () => {
  it('a plain search fetches no filter chunk and only the fragments of the results listed', async () => {
    const page = await site.page();
    const fetched = pagefindRequests(page);
    await openSearch(page, 'q=nära');
    const total = await announcedCount(page);
    const first = await listed(page);
    expect(first, 'more results than the first batch shows').toBeLessThan(total);
    expect(fetched.filters()).toEqual([]);
    expect(fetched.fragments()).toHaveLength(first);

    await page.click('[data-search-more]');
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-search-list] > li').length > count,
      first,
    );
    expect(fetched.fragments()).toHaveLength(await listed(page));

    await page.fill('#search-q', '');
    await page.locator('#search-q').pressSequentially('egenvård');
    await page.waitForURL((url) => url.searchParams.get('q') === 'egenvård');
    await waitForRendered(page);
    expect((await readResults(page)).length).toBeGreaterThan(0);
    expect(fetched.filters(), 'typing a new query').toEqual([]);
  });

  it('fetches the filter chunks when the filter panel is opened, and shows the counts', async () => {
    const page = await site.page();
    const fetched = pagefindRequests(page);
    await openSearch(page, 'q=egenvård');
    expect(fetched.filters()).toEqual([]);
    expect(await page.textContent('label[for="search-typ-program"]')).toBe('Program');

    await page.click('[data-search-filters] > summary');
    await waitForCounts(page);
    expect(fetched.filters().length).toBeGreaterThan(0);
    expect(await page.textContent('label[for="search-typ-program"]')).toMatch(/^Program \(\d+\)$/);
  });

  it('fetches them at once when the address carries a filter', async () => {
    const page = await site.page();
    const fetched = pagefindRequests(page);
    await openSearch(page, 'q=egenvård&typ=Program');
    expect(fetched.filters().length).toBeGreaterThan(0);
  });
});

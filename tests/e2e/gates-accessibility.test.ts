// Whole-site gate: axe-core with the WCAG 2.1 A and AA rules on every page in the sitemap, on
// the search page (empty and with results) and on the 404 page, in Chromium: zero violations.
// One browser context with axe preloaded is reused across the URLs to keep the run short.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, preloadAxe } from '../support/browser.ts';
import { sitemapPaths } from '../support/sitemap.ts';
import { openSite, siteDir, waitForReady, waitForRendered, type SiteSession } from './helpers.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('axe-core, WCAG 2.1 A and AA', () => {
  it('(reports a violation when a page has one)', async () => {
    const page = await site.page();
    await page.goto('/404.html');
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = '/favicon.svg';
      document.querySelector('main')?.append(image);
    });
    expect((await axeViolations(page)).map((violation) => violation.id)).toContain('image-alt');
  });

  it('finds no violation on any page of the sitemap, the search page or the 404 page', async () => {
    const paths = sitemapPaths(siteDir());
    expect(paths.length, 'pages in the sitemap').toBeGreaterThan(50);
    const first = await site.page();
    await preloadAxe(first.context());
    // Two tabs of one context take turns with the pages (about a fifth faster than one).
    const pages = [first, await first.context().newPage()];
    const failures: string[] = [];
    const check = async (page: Page, label: string) => {
      const violations = await axeViolations(page);
      if (violations.length > 0) failures.push(`${label}\n${describeViolations(violations)}`);
    };

    const queue = [...paths];
    await Promise.all(
      pages.map(async (page) => {
        for (let pathname = queue.shift(); pathname; pathname = queue.shift()) {
          const response = await page.goto(pathname);
          expect(response?.status(), pathname).toBe(200);
          await check(page, pathname);
        }
      }),
    );

    const [page] = pages as [Page];
    for (const search of ['/sok/', '/sok/?q=n%C3%A4ra+v%C3%A5rd']) {
      await page.goto(search);
      await waitForReady(page);
      if (search.includes('?')) await waitForRendered(page);
      await check(page, search);
    }

    const missing = await page.goto('/finns-inte/');
    expect(missing?.status()).toBe(404);
    await check(page, '404 (/finns-inte/)');

    expect(failures, `axe violations:\n\n${failures.join('\n\n')}`).toEqual([]);
  });
});

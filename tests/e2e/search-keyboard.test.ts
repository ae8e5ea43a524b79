// The search page works from the keyboard alone, with native controls and no traps.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, waitForReady, waitForRendered, type SiteSession } from './helpers.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** Presses Tab until `matches` is true of the focused element; fails after `limit` presses. */
async function tabUntil(
  page: Page,
  what: string,
  matches: (element: Element) => boolean,
  limit = 80,
): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error(`Focus never reached ${what} in ${limit} presses of Tab`);
}

describe('keyboard use', () => {
  it('lets a visitor type a query, open the filters and tick one with Space, and open a result with Enter', async () => {
    const page = await site.page();
    await page.goto('/sok/');
    await waitForReady(page);

    await tabUntil(page, 'the search field', (element) => element.id === 'search-q');
    await page.keyboard.type('kompetensutveckling');
    await page.waitForURL((url) => url.searchParams.get('q') === 'kompetensutveckling');
    await waitForRendered(page);

    await tabUntil(page, 'the filter panel', (element) =>
      element.matches('[data-search-filters] > summary'),
    );
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('[data-search-filters]', 'open')).not.toBeNull();
    await page.waitForFunction(() =>
      document
        .querySelector('label[for="search-region-vastra-gotaland"]')
        ?.textContent?.match(/\(\d+\)$/),
    );
    await tabUntil(
      page,
      'the Västra Götaland filter',
      (element) => element.id === 'search-region-vastra-gotaland',
    );
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.get('region') === 'vastra-gotaland');
    await waitForRendered(page);
    expect(await page.isChecked('#search-region-vastra-gotaland')).toBe(true);

    await tabUntil(page, 'a result link', (element) => element.matches('[data-search-list] a'));
    const target = await page.evaluate(
      () => new URL((document.activeElement as HTMLAnchorElement).href).pathname,
    );
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === target);
  });

  it('lets focus leave the search results for the rest of the page', async () => {
    const page = await site.page();
    await page.goto('/sok/?q=egenv%C3%A5rd');
    await waitForRendered(page);
    await tabUntil(page, 'a result link', (element) => element.matches('[data-search-list] a'));
    await tabUntil(page, 'the footer', (element) => element.closest('footer') !== null, 200);
  });
});

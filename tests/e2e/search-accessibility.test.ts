// The search page is accessible: axe-core finds nothing against WCAG 2.1 A/AA, the result count
// is announced politely, without JavaScript (or without Pagefind) the page still leads
// somewhere, and with it that way round never shows, so nothing shifts as the search loads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from '../support/browser.ts';
import {
  SEARCH_TIMEOUT,
  announcedCount,
  openSearch,
  openSite,
  readAllResults,
  statusText,
  waitForCounts,
  waitForReady,
  type SiteSession,
} from './helpers.ts';

/** How late the web fonts arrive in the no-shift check. */
const FONT_DELAY_MS = 1_500;

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('the search page', () => {
  it('has no WCAG 2.1 A or AA violations with results and filters open', async () => {
    const page = await site.page();
    await openSearch(page, 'q=kompetensutveckling&region=vastra-gotaland&sort=datum');
    expect(await page.getAttribute('[data-search-filters]', 'open')).not.toBeNull();
    await waitForCounts(page);
    expect((await readAllResults(page)).length).toBeGreaterThan(0);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('announces the number of results in a polite status', async () => {
    const page = await site.page();
    await openSearch(page, 'q=egenvård');
    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    const count = (await readAllResults(page)).length;
    expect(count).toBeGreaterThan(0);
    expect(await statusText(page)).toBe(
      `${count} ${count === 1 ? 'träff' : 'träffar'} för ”egenvård”.`,
    );
    expect(await announcedCount(page)).toBe(count);
  });

  it('is in Swedish', async () => {
    const page = await site.page();
    await openSearch(page, 'q=egenvård');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.textContent('label[for="search-q"]')).toBe('Sökord');
  });

  it('without JavaScript submits to itself and links to the regions, themes and documents', async () => {
    const context = await site.browser.newContext({
      baseURL: site.server.url,
      javaScriptEnabled: false,
    });
    context.setDefaultTimeout(SEARCH_TIMEOUT);
    const page = await context.newPage();
    await page.goto('/sok/?q=egenv%C3%A5rd');
    const form = page.locator('[data-search-app] form');
    expect(await form.getAttribute('action')).toBe('/sok/');
    expect((await form.getAttribute('method'))?.toLowerCase()).toBe('get');
    const fallback = page.locator('[data-search-fallback]');
    expect(await fallback.isVisible()).toBe(true);
    const links = await fallback
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/regioner/', '/teman/', '/dokument/']));
    await page.fill('#search-q', 'färdplan');
    await page.click('[data-search-filters] > summary');
    await page.check('#search-typ-program');
    await page.click('[data-search-app] button[type="submit"]');
    await page.waitForURL(
      (url) => url.pathname === '/sok/' && url.searchParams.get('q') === 'färdplan',
    );
    expect(new URL(page.url()).searchParams.get('typ')).toBe('Program');
    await context.close();
  });

  it('with JavaScript hides that way round from the first paint: nothing shifts on a phone, even when the font comes late', async () => {
    const context = await site.browser.newContext({
      baseURL: site.server.url,
      viewport: { width: 412, height: 823 },
    });
    context.setDefaultTimeout(SEARCH_TIMEOUT);
    // The font comes late, as on a slow connection (and as on a loaded machine): the page first
    // draws with the fallback face, and the swap must move nothing either.
    await context.route('**/fonts/*.woff2', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, FONT_DELAY_MS));
      await route.continue();
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: Array<{ value: number; nodes: string[] }> = [];
      (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Array<{
          value: number;
          sources: Array<{ node?: Node | null }>;
        }>)
          shifts.push({
            value: entry.value,
            nodes: entry.sources.map((source) => source.node?.nodeName ?? '?'),
          });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/sok/');
    await waitForReady(page);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-search-app]')?.dataset.searchRendered,
    );
    expect(await page.locator('[data-search-fallback]').isVisible()).toBe(false);
    // Until both fonts have been swapped in.
    await page.waitForFunction(
      () => [...document.fonts].filter((face) => face.status === 'loaded').length >= 2,
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    // The fallback face's metrics are matched to the font's, not its every glyph: a line may
    // move by a pixel (a score of about 0.0001). Without the matched fallback the swap scores ~0.3.
    const shifts = await page.evaluate(
      () => (window as unknown as { layoutShifts: { value: number }[] }).layoutShifts,
    );
    const score = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(score, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThan(0.01);
    await context.close();
  });

  it('shows that way round when Pagefind cannot be loaded', async () => {
    const context = await site.browser.newContext({ baseURL: site.server.url });
    context.setDefaultTimeout(SEARCH_TIMEOUT);
    await context.route('**/pagefind/pagefind.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto('/sok/?q=egenv%C3%A5rd');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-search-app]')?.dataset.searchReady === 'failed',
    );
    expect(await page.locator('[data-search-fallback]').isVisible()).toBe(true);
    await context.close();
  });
});

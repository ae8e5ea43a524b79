// What each result shows: type, regions and date as the dataset gives them, and links to the
// headings of the page where the words were found; and that the first result shows before the
// later results' fragments have arrived.
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openSearch,
  readResults,
  statusText,
  waitForRendered,
  openSite,
  readAllResults,
  siteContent,
  wordsOf,
  type SiteSession,
} from './helpers.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('a search result', () => {
  it('shows the page’s type, its own regions and its date', async () => {
    const content = await siteContent();
    const byPath = new Map(content.pages.map((entry) => [entry.path, entry.meta]));
    const page = await site.page();
    await openSearch(page, 'q=nära');
    const results = await readAllResults(page);
    let checked = 0;
    for (const row of results) {
      const meta = byPath.get(row.path);
      if (!meta) continue;
      checked++;
      expect(row.type, row.path).toBe(meta.type);
      expect(row.region, row.path).toBe(meta.regions.join(', '));
      expect(row.date, row.path).toBe(meta.date);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('links to the heading under which the words were found', async () => {
    const content = await siteContent();
    // A heading in some page's body, and its longest word.
    const withHeading = content.pages.flatMap((entry) => {
      const body = 'body' in entry.doc ? entry.doc.body : [];
      const heading = body.find((block) => block.style && /^h[2-4]$/.test(block.style));
      if (!heading) return [];
      const text = heading.children.map((child) => child.text).join('');
      const word = wordsOf(text).sort((a, b) => b.length - a.length)[0];
      return word && word.length >= 7 ? [{ entry, text, word }] : [];
    });
    expect(withHeading.length, 'the dataset has a body heading with a long word').toBeGreaterThan(
      0,
    );
    const { entry, text, word } = withHeading[0] as (typeof withHeading)[number];

    const page = await site.page();
    await openSearch(page, new URLSearchParams({ q: word }).toString());
    const row = (await readAllResults(page)).find((result) => result.path === entry.path);
    expect(row, `${entry.path} among the results for ${word}`).toBeDefined();
    const section = row?.sections.find((href) => href.startsWith(`${entry.path}#`));
    expect(section, `a link to a heading of ${entry.path}`).toBeDefined();

    await page.click(`[data-search-list] a[href="${section}"]`);
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === section);
    const id = decodeURIComponent((section as string).split('#')[1] as string);
    const target = await page.evaluate((targetId) => {
      const element = document.getElementById(targetId);
      return element ? { tag: element.tagName, text: element.textContent?.trim() ?? '' } : null;
    }, id);
    expect(target?.tag).toMatch(/^H[2-4]$/);
    expect(target?.text).toBe(text);
  });
});

interface Ranked {
  id: string;
  score: number;
  path: string;
}

describe('the first result', () => {
  it('shows while the later results’ fragments are still held back, and keeps its place', async () => {
    const query = 'nära';
    const page = await site.page();
    await openSearch(page);
    // Pagefind's own ranking of the first ten, with each result's fragment id. Plain JavaScript
    // in a string: Vitest would rewrite a dynamic import() in a function here.
    const ranked = (await page.evaluate(`(async (term) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(term);
      const first = search.results.slice(0, 10);
      const data = await Promise.all(first.map((result) => result.data()));
      return first.map((result, index) => ({
        id: result.id, score: result.score, path: new URL(data[index].url, location.href).pathname,
      }));
    })(${JSON.stringify(query)})`)) as Ranked[];
    expect(ranked).toHaveLength(10);
    // The first run of near ties (the client orders a run by its titles before showing it).
    const top = (ranked[0] as Ranked).score;
    const firstRun = ranked.filter((result) => result.score >= top * 0.99);
    expect(firstRun.length, 'a query whose first result does not tie with all ten').toBeLessThan(
      ranked.length,
    );
    const firstIds = new Set(firstRun.map((result) => result.id));

    // A fresh page: every fragment but the first run's is held back until released.
    const fresh = await site.page();
    const held: Route[] = [];
    let released = false;
    await fresh.context().route('**/*.pf_fragment', async (route) => {
      const id = new URL(route.request().url()).pathname
        .split('/')
        .pop()
        ?.replace(/\.pf_fragment$/, '');
      if (released || (id && firstIds.has(id))) await route.continue();
      else held.push(route);
    });
    await fresh.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const status = document.querySelector('[data-search-status]');
        const texts: string[] = [];
        (window as unknown as { statusTexts: string[] }).statusTexts = texts;
        if (status)
          new MutationObserver(() => texts.push(status.textContent?.trim() ?? '')).observe(status, {
            childList: true,
            characterData: true,
            subtree: true,
          });
      });
    });
    await fresh.goto(`/sok/?${new URLSearchParams({ q: query }).toString()}`);
    await fresh.waitForSelector('[data-search-list] > li .search-result__title a');

    const early = await readResults(fresh);
    expect(early.map((row) => row.path).sort()).toEqual(firstRun.map((row) => row.path).sort());
    expect(await fresh.isVisible('[data-search-list] > li .search-result__title a')).toBe(true);
    // Shown while every later fragment of the first batch is still held back.
    await expect.poll(() => held.length).toBe(ranked.length - firstRun.length);
    expect(await readResults(fresh)).toEqual(early);
    const count = await statusText(fresh);
    expect(count).toMatch(/^\d+ träffar för ”nära”\.$/);
    expect(
      await fresh.evaluate(() =>
        document.querySelector('[data-search-app]')?.getAttribute('aria-busy'),
      ),
    ).toBe('true');

    released = true;
    await Promise.all(held.map((route) => route.continue()));
    await waitForRendered(fresh);
    const all = await readResults(fresh);
    // The first run kept its place; the rest follow in Pagefind's order (ties among them aside).
    expect(all.slice(0, early.length)).toEqual(early);
    expect(all.map((row) => row.path).sort()).toEqual(ranked.map((row) => row.path).sort());
    // The count was announced once, and it is the one shown at the end.
    const texts = await fresh.evaluate(
      () => (window as unknown as { statusTexts: string[] }).statusTexts,
    );
    expect(texts.filter((text) => /träff/.test(text))).toEqual([count]);
    expect(await statusText(fresh)).toBe(count);
  });
});

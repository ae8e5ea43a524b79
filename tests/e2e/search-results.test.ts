// What each result shows: type, regions and date as the dataset gives them, and links to the
// headings of the page where the words were found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openSearch,
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

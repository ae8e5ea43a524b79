// How Swedish words are found: stemming, å/ä/ö as letters of their own, compound words and
// titles weighing more than body text. docs/search.md describes the same behaviour.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TYPE_LABELS } from '../../src/lib/search/labels.ts';
import {
  indexedContentPages,
  openSearch,
  openSite,
  pagefindSearch,
  readAllResults,
  readResults,
  siteContent,
  wordsOf,
  type IndexedPage,
  type SiteSession,
} from './helpers.ts';

let site: SiteSession;
let page: Page;
let indexed: IndexedPage[];

beforeAll(async () => {
  site = await openSite();
  page = await site.page();
  await openSearch(page);
  indexed = await indexedContentPages(page, Object.values(TYPE_LABELS));
});
afterAll(async () => {
  await site?.close();
});

const paths = (pages: readonly { url?: string; path?: string }[]) =>
  new Set(pages.map((item) => item.url ?? item.path));

describe('Swedish words', () => {
  it('“egenvården” finds the same pages as “egenvård” (stemming)', async () => {
    await openSearch(page, 'q=egenvård');
    const base = await readAllResults(page);
    await openSearch(page, 'q=egenvården');
    const inflected = await readAllResults(page);
    expect(base.length).toBeGreaterThan(0);
    expect(paths(inflected)).toEqual(paths(base));
  });

  it('“år” does not find pages that only say “är” (å and ä are letters of their own)', async () => {
    const onlyAr = indexed.filter((item) => {
      const words = wordsOf(item.content);
      return words.includes('är') && !words.some((word) => word.startsWith('år'));
    });
    expect(
      onlyAr.length,
      'the dataset has pages that say “är” and no word beginning with “år”',
    ).toBeGreaterThan(0);

    const found = await pagefindSearch(page, 'år');
    expect(found.length).toBeGreaterThan(0);
    for (const item of found)
      expect(
        wordsOf(item.content).some((word) => word.startsWith('år')),
        item.url,
      ).toBe(true);
    for (const item of onlyAr) expect(paths(found).has(item.url), item.url).toBe(false);

    await openSearch(page, 'q=år');
    expect(paths(await readAllResults(page))).toEqual(paths(found));
  });

  it('with diacritics folded, as Pagefind does by default, “år” would also find the pages that say “är”', async () => {
    const folded = paths(await pagefindSearch(page, 'år', { exactDiacritics: false }));
    const onlyAr = indexed.filter((item) => {
      const words = wordsOf(item.content);
      return words.includes('är') && !words.some((word) => word.startsWith('år'));
    });
    expect(onlyAr.some((item) => folded.has(item.url))).toBe(true);
  });

  it('a query typed without å, ä or ö finds the Swedish spelling when nothing matches exactly, and says so', async () => {
    expect(await pagefindSearch(page, 'fardplan'), 'no page spells it “fardplan”').toEqual([]);
    await openSearch(page, 'q=fardplan');
    const results = await readResults(page);
    expect(results.length).toBeGreaterThan(0);
    expect(paths(results)).toEqual(
      paths((await pagefindSearch(page, 'färdplan')).slice(0, results.length)),
    );
    expect(await page.textContent('[data-search-note]')).toContain('å, ä och ö');
  });

  it('the first part of a compound finds it: “kompetens” finds every page that says “kompetensutveckling”', async () => {
    const compound = indexed.filter((item) =>
      wordsOf(item.content).includes('kompetensutveckling'),
    );
    expect(compound.length).toBeGreaterThan(0);
    const found = paths(await pagefindSearch(page, 'kompetens'));
    for (const item of compound) expect(found.has(item.url), item.url).toBe(true);
  });

  it('the last part of a compound does not: “utveckling” misses pages that only say “kompetensutveckling”', async () => {
    const onlyCompound = indexed.filter((item) => {
      const words = wordsOf(item.content);
      return (
        words.includes('kompetensutveckling') && !words.some((word) => word.startsWith('utveckl'))
      );
    });
    expect(
      onlyCompound.length,
      'the dataset has pages with “kompetensutveckling” and no word beginning with “utveckl”',
    ).toBeGreaterThan(0);
    const found = paths(await pagefindSearch(page, 'utveckling'));
    expect(found.size).toBeGreaterThan(0);
    for (const item of onlyCompound) expect(found.has(item.url), item.url).toBe(false);
  });
});

describe('fact lists', () => {
  it('are left out of the indexed text (they would fill the excerpts with labels)', async () => {
    let checked = 0;
    for (const item of indexed) {
      const file = path.join(site.root, item.url.replace(/^\//, ''), 'index.html');
      const main = parse(await readFile(file, 'utf8')).querySelector('main[data-pagefind-body]');
      for (const facts of main?.querySelectorAll('dl.facts') ?? []) {
        expect(facts.closest('[data-pagefind-ignore]'), item.url).not.toBeNull();
        checked++;
      }
    }
    expect(checked, 'some pages have fact lists').toBeGreaterThan(10);
  });

  it('still find a page by their values: a contact by the organisation it works for', async () => {
    const content = await siteContent();
    // One whose organisation is no region's name (those are meta of every page of the region)
    // and whose page does not name it in its text (as the note for one without phone or e-mail does).
    const regionNames = new Set(content.regions.map((region) => region.name));
    const contact = content.pages.find(
      (entry) =>
        entry.doc._type === 'kontaktperson' &&
        entry.doc.phone !== null &&
        !regionNames.has(entry.doc.organisation) &&
        !(entry.doc.role ?? '').includes(entry.doc.organisation),
    );
    if (!contact || contact.doc._type !== 'kontaktperson')
      throw new Error('The dataset has no contact with a phone number at an organisation');
    const found = paths(await pagefindSearch(page, contact.doc.organisation));
    expect(found.has(contact.path)).toBe(true);
  });
});

describe('ranking', () => {
  for (const term of ['egenvård', 'personcentrering', 'samverkan']) {
    it(`puts the page titled “${term}” first when searching for it`, async () => {
      const content = await siteContent();
      const titled = content.pages.find(
        (entry) => entry.meta.title.toLocaleLowerCase('sv') === term,
      );
      if (!titled) throw new Error(`The dataset has no page titled ${term}`);
      const mentions = indexed.filter((item) =>
        wordsOf(item.content).some((word) => word.startsWith(term)),
      );
      expect(mentions.length, `other pages mention ${term} too`).toBeGreaterThan(1);
      await openSearch(page, new URLSearchParams({ q: term }).toString());
      expect((await readResults(page))[0]?.path).toBe(titled.path);
    });
  }
});

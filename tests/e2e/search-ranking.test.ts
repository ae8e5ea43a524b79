// The first result for what people type, through the real index and the search page: each
// query from issue 16's list, with the page the embedded dataset says it should find first, and
// the excerpts and section links free of the pages' fact lists and link lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { phoneDigits } from '../../src/lib/search/index-meta.ts';
import {
  announcedCount,
  openSearch,
  openSite,
  readResults,
  siteContent,
  statusText,
  type ContentPage,
  type SiteSession,
} from './helpers.ts';

let site: SiteSession;
let page: Page;
beforeAll(async () => {
  site = await openSite();
  page = await site.page();
});
afterAll(async () => {
  await site?.close();
});

async function pageWhere(
  description: string,
  test: (entry: ContentPage) => boolean,
): Promise<ContentPage> {
  const found = (await siteContent()).pages.filter(test);
  if (found.length !== 1)
    throw new Error(`The dataset has ${found.length} pages that are ${description}, not one`);
  return found[0] as ContentPage;
}

const titled = (title: string) =>
  pageWhere(`titled “${title}”`, (entry) => entry.meta.title === title);

async function search(query: string): Promise<void> {
  await openSearch(page, new URLSearchParams({ q: query }).toString());
}

async function firstResult(query: string): Promise<string | undefined> {
  await search(query);
  return (await readResults(page))[0]?.path;
}

/** The excerpts of the results on screen. */
async function excerpts(): Promise<string[]> {
  return page.$$eval('.search-result__excerpt', (items) =>
    items.map((item) => item.textContent ?? ''),
  );
}

describe('the first result', () => {
  it('“medarbetarna”: the programme titled “Vårdens medarbetare”, not its kickoff invitation', async () => {
    const programme = await titled('Vårdens medarbetare');
    expect(programme.doc._type).toBe('programme');
    expect(await firstResult('medarbetarna')).toBe(programme.path);
  });

  it('“kickoff”: the event, before its documents (the Menti results)', async () => {
    const event = await titled('Kickoff för Vårdens medarbetare');
    expect(event.doc._type).toBe('handelse');
    expect(await firstResult('kickoff')).toBe(event.path);
  });

  it('“demens”: the page that says “demens”, not the pages about the site that say “dem”', async () => {
    const content = await siteContent();
    const saying = content.pages.filter((entry) =>
      JSON.stringify(entry.doc).toLowerCase().includes('demens'),
    );
    expect(saying.length, 'one page of the dataset says “demens”').toBe(1);
    expect(await firstResult('demens')).toBe(saying[0]?.path);
  });

  for (const typed of ['0313355176', '031-335 51 76', '031 335 51 76', '031-3355176']) {
    it(`“${typed}”: the person with that number, however it is spaced`, async () => {
      const person = await pageWhere(
        'a contact with the number 031-335 51 76',
        (entry) =>
          entry.doc._type === 'kontaktperson' &&
          phoneDigits(entry.doc.phone ?? '') === '0313355176',
      );
      expect(await firstResult(typed)).toBe(person.path);
    });
  }

  for (const typed of ['Beljić', 'Beljic', 'beljic']) {
    it(`“${typed}”: Lidija Beljic, with or without the accent`, async () => {
      const person = await titled('Lidija Beljic');
      expect(await firstResult(typed)).toBe(person.path);
    });
  }

  for (const term of ['egenvård', 'personcentrering', 'samverkan']) {
    it(`“${term}”: the theme of that name`, async () => {
      const theme = await pageWhere(
        `the theme ${term}`,
        (entry) => entry.doc._type === 'tema' && entry.meta.title.toLocaleLowerCase('sv') === term,
      );
      expect(await firstResult(term)).toBe(theme.path);
    });
  }
});

describe('excerpts and section links', () => {
  it('show the page’s text, not its fact list or the pages it links to', async () => {
    for (const query of ['medarbetarna', 'kickoff', 'Göteborgsregionen', 'nära vård']) {
      await search(query);
      const texts = await excerpts();
      expect(texts.length, query).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text, `${query}: ${text}`).not.toMatch(/\b(Utgivare|Nämns i|Arbetar med)\b/);
        expect(text, `${query}: ${text}`).not.toMatch(/\bDatum\s+\d/);
      }
    }
  });

  it('link only to real sections: never to “Nämns i” or a list of other pages', async () => {
    for (const query of ['kickoff', 'medarbetarna', 'Haglund']) {
      await search(query);
      for (const row of await readResults(page))
        for (const section of row.sections)
          expect(section, `${query}: ${row.path}`).not.toMatch(
            /#(namns-i|arbetar-med|material|kontaktpersoner|dokument|handelser|delprojekt)$/,
          );
    }
  });
});

describe('the note on folded diacritics', () => {
  it('shows when a hit needed the fold (“Beljić” found “Beljic”)', async () => {
    await search('Beljić');
    expect(await page.isVisible('[data-search-note]')).toBe(true);
    expect(await page.textContent('[data-search-note]')).toContain('accent');
  });

  it('does not show when the words matched as typed', async () => {
    for (const query of ['Beljic', 'egenvård', 'kickoff']) {
      await search(query);
      expect(await page.isVisible('[data-search-note]'), query).toBe(false);
    }
  });
});

describe('a search with no results', () => {
  it('says so and offers shorter words, no accents, and the regions and themes', async () => {
    await search('roadmap');
    expect(await statusText(page)).toMatch(/^Inga träffar/);
    const help = page.locator('[data-search-empty]');
    expect(await help.isVisible()).toBe(true);
    const text = (await help.textContent()) ?? '';
    expect(text).toMatch(/kortare|början av ett ord/);
    expect(text).toMatch(/accent/);
    const links = await help
      .locator('a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
      );
    expect(links).toContain('/regioner/');
    const themes = (await siteContent()).pages.filter((entry) => entry.doc._type === 'tema');
    for (const theme of themes) expect(links).toContain(theme.path);
  });

  it('is what a word no page says gets, not a loose likeness (“äldreomsorg” is not “ålder”)', async () => {
    const content = await siteContent();
    expect(
      content.pages.some((entry) => JSON.stringify(entry.doc).toLowerCase().includes('ldreomsorg')),
      'no page of the dataset says “äldreomsorg”',
    ).toBe(false);
    await search('äldreomsorg');
    expect(await statusText(page)).toMatch(/^Inga träffar/);
    expect(await page.isVisible('[data-search-empty]')).toBe(true);
    expect(await page.isVisible('[data-search-note]')).toBe(false);
  });

  it('with filters, gives the count without them and a link to that search', async () => {
    const content = await siteContent();
    const theme = content.pages.find(
      (entry) => entry.doc._type === 'tema' && entry.meta.title === 'Egenvård',
    );
    if (!theme) throw new Error('The dataset has no theme Egenvård');
    await openSearch(page, 'q=egenvård');
    const count = await announcedCount(page);
    expect(count).toBeGreaterThan(0);
    // Contacts carry no theme: "egenvård" among contacts of the theme Egenvård finds nothing.
    await openSearch(page, `q=egenvård&typ=Kontaktperson&tema=${theme.doc.slug}`);
    expect(await statusText(page)).toMatch(/^Inga träffar/);
    const link = page.locator('[data-search-unfiltered] a');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/sok/?${new URLSearchParams({ q: 'egenvård' })}`);
    expect(await link.textContent()).toContain(`${count} träff`);
  });
});

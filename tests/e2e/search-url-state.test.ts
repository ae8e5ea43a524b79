// The search lives in the address: it can be linked, reloaded and walked with back and forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearch, openSite, readResults, waitForRendered, type SiteSession } from './helpers.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('the search address', () => {
  it('fills the form with the query, filters and sort it carries', async () => {
    const page = await site.page();
    await openSearch(page, 'q=egenvård&region=vastra-gotaland&typ=Program&sort=datum');
    expect(await page.inputValue('#search-q')).toBe('egenvård');
    expect(await page.isChecked('#search-region-vastra-gotaland')).toBe(true);
    expect(await page.isChecked('#search-typ-program')).toBe(true);
    expect(await page.inputValue('#search-sort')).toBe('datum');
  });

  it('gives the same search after a reload', async () => {
    const page = await site.page();
    await openSearch(page, 'q=kompetensutveckling&region=vastra-gotaland');
    const before = await readResults(page);
    await page.reload();
    await waitForRendered(page);
    expect(await page.inputValue('#search-q')).toBe('kompetensutveckling');
    expect(await readResults(page)).toEqual(before);
  });

  it('gains a filter when its checkbox is ticked', async () => {
    const page = await site.page();
    await openSearch(page, 'q=egenvård');
    await page.click('[data-search-filters] > summary');
    await page.check('#search-region-vastra-gotaland');
    await page.waitForURL((url) => url.searchParams.get('region') === 'vastra-gotaland');
    await waitForRendered(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('egenvård');
  });

  it('follows back and forward between searches', async () => {
    const page = await site.page();
    await openSearch(page, 'q=egenvård');
    const first = await readResults(page);
    await page.fill('#search-q', 'färdplan');
    await page.press('#search-q', 'Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'färdplan');
    await waitForRendered(page);
    const second = await readResults(page);
    expect(second).not.toEqual(first);

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === 'egenvård');
    await waitForRendered(page);
    expect(await page.inputValue('#search-q')).toBe('egenvård');
    expect(await readResults(page)).toEqual(first);

    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('q') === 'färdplan');
    await waitForRendered(page);
    expect(await page.inputValue('#search-q')).toBe('färdplan');
    expect(await readResults(page)).toEqual(second);
  });

  it('drops filter values the site does not know', async () => {
    const page = await site.page();
    await openSearch(page, 'q=egenvård&region=atlantis');
    expect(new URL(page.url()).search).toBe(`?${new URLSearchParams({ q: 'egenvård' })}`);
    expect((await readResults(page)).length).toBeGreaterThan(0);
  });
});

// Filters and sort on the search page: regions include their sub-regions, themes cross regions,
// counts tell what a tick would give, and date order puts undated pages last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openSearch,
  openSite,
  readAllResults,
  announcedCount,
  regionsBehind,
  shownRegions,
  siteContent,
  waitForCounts,
  waitForRendered,
  type SiteSession,
} from './helpers.ts';

/** A word on nearly every region's pages ("Nära vård"). */
const BROAD_TERM = 'nära';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('the region filter', () => {
  it('keeps only results from the region and the regions below it', async () => {
    const content = await siteContent();
    const family = content.regionAndDescendants('vastra-gotaland');
    const page = await site.page();
    await openSearch(page, `q=${BROAD_TERM}`);
    const unfiltered = await announcedCount(page);
    await openSearch(page, `q=${BROAD_TERM}&region=vastra-gotaland`);
    const filtered = await readAllResults(page);

    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBe(await announcedCount(page));
    expect(filtered.length).toBeLessThan(unfiltered);
    for (const row of filtered) {
      expect(
        regionsBehind(row, content).some((name) => family.has(name)),
        `${row.path} (${row.region})`,
      ).toBe(true);
    }
  });

  it('on Västra Götaland also finds the material of Göteborgsregionen and Fyrbodal', async () => {
    const content = await siteContent();
    const children = content.regions
      .filter((region) => region.parent?.slug === 'vastra-gotaland')
      .map((region) => region.name);
    expect(children.length, 'Västra Götaland has sub-regions in the dataset').toBeGreaterThan(1);
    const page = await site.page();
    await openSearch(page, `q=${BROAD_TERM}&region=vastra-gotaland`);
    const regions = new Set((await readAllResults(page)).flatMap(shownRegions));
    for (const child of children) expect(regions).toContain(child);
  });

  it('opens the filter panel with its counts when the address carries a filter', async () => {
    const page = await site.page();
    await openSearch(page, `q=${BROAD_TERM}&region=vastra-gotaland`);
    expect(await page.getAttribute('[data-search-filters]', 'open')).not.toBeNull();
    await waitForCounts(page);
    const results = (await readAllResults(page)).length;
    const label = await page.textContent('label[for="search-region-vastra-gotaland"]');
    expect(label).toBe(`Västra Götaland (${results})`);
  });

  it('is what the search box on a region page applies', async () => {
    const content = await siteContent();
    const family = content.regionAndDescendants('fyrbodal');
    const page = await site.page();
    await page.goto('/regioner/fyrbodal/');
    const form = page.locator('main form[role="search"]');
    await form.locator('input[type="search"]').fill(BROAD_TERM);
    await form.locator('input[type="search"]').press('Enter');
    await page.waitForURL(/\/sok\/\?/);
    await waitForRendered(page);

    expect(new URL(page.url()).searchParams.getAll('region')).toEqual(['fyrbodal']);
    expect(await page.isChecked('#search-region-fyrbodal')).toBe(true);
    const results = await readAllResults(page);
    expect(results.length).toBeGreaterThan(0);
    for (const row of results)
      expect(
        regionsBehind(row, content).some((name) => family.has(name)),
        row.path,
      ).toBe(true);
  });
});

describe('the theme filter', () => {
  it('gathers exactly the pages on that theme, from several regions', async () => {
    const content = await siteContent();
    const expected = content.pages.filter((entry) =>
      entry.meta.themes.includes('Kompetensutveckling'),
    );
    const topRegions = new Set(expected.flatMap((entry) => entry.meta.regionFilters.slice(0, 1)));
    expect(topRegions.size, 'the theme spans more than one county in the dataset').toBeGreaterThan(
      1,
    );

    const page = await site.page();
    await openSearch(page, 'tema=kompetensutveckling');
    const paths = (await readAllResults(page)).map((row) => row.path).sort();
    expect(paths).toEqual(expected.map((entry) => entry.path).sort());
  });

  it('with the Västra Götaland filter drops the material of other counties', async () => {
    const content = await siteContent();
    const family = content.regionAndDescendants('vastra-gotaland');
    const onTheme = content.pages.filter((entry) =>
      entry.meta.themes.includes('Kompetensutveckling'),
    );
    const elsewhere = onTheme.filter(
      (entry) =>
        entry.meta.regions.length > 0 && !entry.meta.regionFilters.some((name) => family.has(name)),
    );
    expect(elsewhere.length, 'the theme has material outside Västra Götaland').toBeGreaterThan(0);

    const page = await site.page();
    await openSearch(page, 'tema=kompetensutveckling&region=vastra-gotaland');
    const paths = new Set((await readAllResults(page)).map((row) => row.path));
    expect(paths.size).toBeGreaterThan(0);
    for (const entry of elsewhere) expect(paths.has(entry.path), entry.path).toBe(false);
  });

  it('finds Göteborgsregionen’s and Fyrbodal’s material when searching “kompetensutveckling”', async () => {
    const page = await site.page();
    await openSearch(page, 'q=kompetensutveckling');
    const regions = new Set((await readAllResults(page)).flatMap(shownRegions));
    expect(regions).toContain('Göteborgsregionen');
    expect(regions).toContain('Fyrbodal');
  });
});

describe('the type filter', () => {
  it('shows only pages of the chosen type', async () => {
    const page = await site.page();
    await openSearch(page, `q=${BROAD_TERM}&typ=Program`);
    const results = await readAllResults(page);
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((row) => row.type))).toEqual(new Set(['Program']));
  });
});

describe('filter option counts', () => {
  it('give the number of results that ticking the option shows', async () => {
    const page = await site.page();
    await openSearch(page, `q=${BROAD_TERM}`);
    await page.click('[data-search-filters] > summary');
    await waitForCounts(page);
    const label = page.locator('label[for="search-typ-dokument"]');
    const count = Number(/\((\d+)\)/.exec((await label.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);

    await page.check('#search-typ-dokument');
    await page.waitForURL(/typ=Dokument/);
    await waitForRendered(page);
    await waitForCounts(page);
    expect((await readAllResults(page)).length).toBe(count);
    expect(await announcedCount(page)).toBe(count);
  });
});

describe('sorting by date', () => {
  it('puts the newest first and pages without a date last', async () => {
    const page = await site.page();
    await openSearch(page, `q=${BROAD_TERM}&sort=datum`);
    const dates = (await readAllResults(page)).map((row) => row.date);
    const firstUndated = dates.indexOf(null);
    const dated = (firstUndated === -1 ? dates : dates.slice(0, firstUndated)) as string[];
    expect(dated.length).toBeGreaterThan(1);
    expect(dated).toEqual([...dated].sort().reverse());
    if (firstUndated !== -1)
      expect(dates.slice(firstUndated).every((date) => date === null)).toBe(true);
  });

  it('oldest first reverses the dated pages', async () => {
    const page = await site.page();
    await openSearch(page, `q=${BROAD_TERM}&sort=datum-aldst`);
    const dated = (await readAllResults(page))
      .map((row) => row.date)
      .filter((date): date is string => date !== null);
    expect(dated).toEqual([...dated].sort());
  });
});

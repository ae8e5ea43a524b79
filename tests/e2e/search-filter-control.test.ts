// The filter panel as a control a visitor sees: its toggle says whether it is open and how many
// options are ticked, ticked options show as chips that remove them, options that would give no
// results are hidden, and on a phone or a laptop a filtered search leaves the first result on
// the first screen. Back and forward bring back the results that were on screen and where the page was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  announcedCount,
  openSite,
  readResults,
  siteContent,
  waitForReady,
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

async function pageAt(width: number, height: number): Promise<Page> {
  const page = await site.page();
  await page.setViewportSize({ width, height });
  return page;
}

async function open(page: Page, params: string): Promise<void> {
  await page.goto(`/sok/?${params}`);
  await waitForReady(page);
  await waitForRendered(page);
}

const toggle = (page: Page) => page.locator('[data-search-filters] > summary');

describe('the filter toggle', () => {
  it('looks like a control: a border, a state marker and the number of ticked options', async () => {
    const page = await pageAt(1366, 900);
    await open(page, 'q=vård&typ=Program&typ=Dokument');
    const style = await toggle(page).evaluate((summary) => {
      const css = getComputedStyle(summary);
      const marker = getComputedStyle(summary, '::before');
      return {
        border: css.borderTopWidth,
        cursor: css.cursor,
        marker: marker.content,
        display: css.display,
      };
    });
    expect(style.border).not.toBe('0px');
    expect(style.cursor).toBe('pointer');
    expect(style.marker).not.toBe('none');
    expect(await page.textContent('[data-search-filter-count]')).toBe('2 valda');
    // Its state is the details element's: announced as expanded or collapsed.
    expect(
      await page.locator('[data-search-filters]').evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(true);
  });

  it('has no count when nothing is ticked', async () => {
    const page = await pageAt(1366, 900);
    await open(page, 'q=vård');
    expect(await page.isVisible('[data-search-filter-count]')).toBe(false);
  });
});

describe('chips of the ticked options', () => {
  it('name each option with its group, and pressing one removes that filter', async () => {
    const content = await siteContent();
    const vg = content.regionBySlug('vastra-gotaland');
    const page = await pageAt(1366, 900);
    await open(page, `q=vård&region=${vg.slug}&typ=Program`);
    const chips = page.locator('[data-search-chips] button');
    expect(await chips.allTextContents()).toEqual([`Region: ${vg.name}`, 'Typ: Program']);
    expect(await chips.first().getAttribute('aria-label')).toBe(
      `Ta bort filtret Region: ${vg.name}`,
    );

    await chips.first().click();
    await page.waitForURL((url) => !url.searchParams.has('region'));
    await waitForRendered(page);
    expect(new URL(page.url()).searchParams.getAll('typ')).toEqual(['Program']);
    expect(await page.isChecked(`input[name="region"][value="${vg.slug}"]`)).toBe(false);
    expect(await chips.allTextContents()).toEqual(['Typ: Program']);
    // Focus stays among the chips.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Typ: Program');
  });

  it('“Rensa alla filter” removes them all and keeps the words', async () => {
    const page = await pageAt(1366, 900);
    await open(page, 'q=vård&typ=Program&typ=Dokument');
    await page.click('[data-search-clear]');
    await page.waitForURL((url) => !url.searchParams.has('typ'));
    await waitForRendered(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('vård');
    expect(await page.isVisible('[data-search-active]')).toBe(false);
  });
});

describe('options without results', () => {
  it('are hidden once counted, unless ticked', async () => {
    const page = await pageAt(1366, 900);
    await open(page, 'q=kickoff&typ=Kontaktperson');
    await waitForCounts(page);
    const options = await page.$$eval('input[type="checkbox"][data-filter-value]', (boxes) =>
      boxes.map((box) => {
        const label = (box as HTMLInputElement).labels?.[0]?.textContent ?? '';
        return {
          value: (box as HTMLInputElement).value,
          checked: (box as HTMLInputElement).checked,
          count: Number(/\((\d+)\)/.exec(label)?.[1] ?? -1),
          visible: (box as HTMLElement).checkVisibility(),
        };
      }),
    );
    const hidden = options.filter((option) => !option.visible);
    expect(hidden.length, 'some options have no results for “kickoff”').toBeGreaterThan(0);
    for (const option of options) {
      if (option.checked) expect(option.visible, option.value).toBe(true);
      else expect(option.visible, option.value).toBe(option.count > 0);
    }
    // The ticked type has no contacts for "kickoff", and stays visible to be unticked.
    expect(options.find((option) => option.value === 'Kontaktperson')).toMatchObject({
      checked: true,
      visible: true,
    });
  });
});

describe('on a phone (390 × 844)', () => {
  it('a filtered search keeps the panel closed and shows the first result on the first screen', async () => {
    const page = await pageAt(390, 844);
    await open(page, 'q=egenvård&region=vastra-gotaland');
    expect(
      await page.locator('[data-search-filters]').evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(false);
    expect(await page.isVisible('[data-search-chips] button')).toBe(true);
    const first = await page.locator('.search-result__title a').first().boundingBox();
    expect(first).not.toBeNull();
    expect((first?.y ?? Infinity) + (first?.height ?? 0)).toBeLessThanOrEqual(844);
  });
});

describe('on a laptop (1366 × 768)', () => {
  it('a filter in the address opens the panel, and the first result stays on the first screen', async () => {
    const page = await pageAt(1366, 768);
    await open(page, 'q=egenvård&region=vastra-gotaland');
    expect(
      await page.locator('[data-search-filters]').evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(true);
    const first = await page.locator('.search-result__title a').first().boundingBox();
    expect(first).not.toBeNull();
    expect((first?.y ?? Infinity) + (first?.height ?? 0)).toBeLessThanOrEqual(768);
    // Every option can still be reached: the region list scrolls inside the panel, by keyboard too.
    const lastRegion = page.locator('.search-filter__tree input[name="region"]:visible').last();
    await lastRegion.focus();
    expect(await lastRegion.evaluate((box) => box.checkVisibility())).toBe(true);
    const box = await lastRegion.boundingBox();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(768);
  });
});

describe('back and forward', () => {
  it('bring back every result that was shown and the scroll position, after opening a later result', async () => {
    const page = await pageAt(1366, 900);
    await open(page, 'q=vård');
    const total = await announcedCount(page);
    expect(total, '“vård” has more than 15 results').toBeGreaterThan(15);
    await page.click('[data-search-more]');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-search-list] > li').length > 10,
    );
    const shown = (await readResults(page)).length;
    const fifteenth = page
      .locator('[data-search-list] > li')
      .nth(14)
      .locator('.search-result__title a');
    await fifteenth.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    const target = await fifteenth.getAttribute('href');
    await fifteenth.click();
    await page.waitForURL((url) => url.pathname === target);

    await page.goBack();
    await waitForReady(page);
    await waitForRendered(page);
    expect((await readResults(page)).length).toBe(shown);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThanOrEqual(2);
  });
});

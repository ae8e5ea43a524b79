// The pure parts of the list pagination (src/lib/presentation/pagination.ts): addresses, the
// page numbers shown, titles, where groups begin. The built pages are checked in
// tests/site/pagination.test.ts.
import { describe, expect, it } from 'vitest';
import {
  firstPages,
  pageHref,
  pageLinks,
  pagedTitle,
  runsOf,
  type PageLink,
} from '../../src/lib/presentation/pagination.ts';

const shown = (links: PageLink[]) =>
  links.map((link) => (link.kind === 'gap' ? '…' : String(link.number))).join(' ');

describe('list pagination', () => {
  it('keeps page 1 at the list address and puts page n under sida/', () => {
    expect(pageHref('/program/', 1)).toBe('/program/');
    expect(pageHref('/program/', 2)).toBe('/program/sida/2/');
    expect(pageHref('/tidslinje/', 39)).toBe('/tidslinje/sida/39/');
  });

  it('shows the first, the last and two on each side of the current page, a gap for the rest', () => {
    expect(shown(pageLinks('/p/', 1, 1))).toBe('1');
    expect(shown(pageLinks('/p/', 1, 20))).toBe('1 2 3 … 20');
    expect(shown(pageLinks('/p/', 6, 20))).toBe('1 … 4 5 6 7 8 … 20');
    expect(shown(pageLinks('/p/', 20, 20))).toBe('1 … 18 19 20');
    // A gap of one page shows that page instead.
    expect(shown(pageLinks('/p/', 4, 20))).toBe('1 2 3 4 5 6 … 20');
    expect(shown(pageLinks('/p/', 3, 7))).toBe('1 2 3 4 5 6 7');
    const links = pageLinks('/p/', 6, 20).filter((l) => l.kind === 'page');
    for (const link of links) expect(link.href).toBe(pageHref('/p/', link.number));
  });

  it('titles later pages “– sida n av m”', () => {
    expect(pagedTitle('Dokument', { currentPage: 1, lastPage: 3 })).toBe('Dokument');
    expect(pagedTitle('Dokument', { currentPage: 2, lastPage: 3 })).toBe('Dokument – sida 2 av 3');
  });

  it('finds the page where each group begins and the groups of one page', () => {
    const years = Array.from({ length: 7 }, (_, i) => (i < 3 ? '2019' : i < 6 ? '2020' : '2021'));
    expect([...firstPages(years, (y) => y, 2)]).toEqual([
      ['2019', 1],
      ['2020', 2],
      ['2021', 4],
    ]);
    expect(runsOf(years.slice(2, 4), (y) => y)).toEqual([
      { key: '2019', items: ['2019'] },
      { key: '2020', items: ['2020'] },
    ]);
  });
});

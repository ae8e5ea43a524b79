// List pages in pages of a fixed size (docs/content-model.md, "Pagination and what the overview pages show"). The first
// page stays at the list's own address (`/program/`); later pages are `/program/sida/2/`, two
// path segments, so no document slug (`/program/<slug>/`, one segment) can ever take them.
// Astro's paginate() slices the items and builds the params; the route is `[...page].astro`,
// whose rest parameter is `sida/<n>` (undefined on the first page).
import type { Page, PaginateFunction } from 'astro';

/**
 * Items per page. 50 keeps each list page far below 30 kB transferred at 10,000 documents
 * (docs/performance.md); a målbild fills a whole column of the comparison table, so that page
 * holds fewer.
 */
export const PAGE_SIZE = 50;
export const MALBILD_PAGE_SIZE = 10;

/** The path segment before the page number. */
export const PAGE_SEGMENT = 'sida';

/** `/program/` for page 1, `/program/sida/2/` for page 2. */
export function pageHref(base: string, pageNumber: number): string {
  return pageNumber <= 1 ? base : `${base}${PAGE_SEGMENT}/${pageNumber}/`;
}

/**
 * getStaticPaths() of a paginated list at `base` (`/program/`): Astro's paginate() with the page
 * parameter and every url moved under `sida/`. Each page gets `page`, `base` and the props the
 * list's pages share (its last update, the links to where each group begins).
 */
export function paginateAt<T, Shared extends Record<string, unknown>>(
  paginate: PaginateFunction,
  items: readonly T[],
  base: string,
  shared: Shared,
  pageSize: number = PAGE_SIZE,
) {
  // paginate() writes page n's url as `${base}${n}/`; move it to `${base}sida/${n}/`.
  const format = (url: string) => {
    const rest = url.startsWith(base) ? url.slice(base.length).replace(/\/$/, '') : '';
    return /^\d+$/.test(rest) ? pageHref(base, Number(rest)) : base;
  };
  return paginate(items, { pageSize, format }).map(({ params, props }) => ({
    params: { page: params.page ? `${PAGE_SEGMENT}/${params.page}` : undefined },
    props: { ...props, ...shared, base },
  }));
}

/** One entry of the page-number list: a page, or a gap (…) between non-adjacent numbers. */
export type PageLink = { kind: 'page'; number: number; href: string } | { kind: 'gap' };

/**
 * The page numbers to show: the first, the last, and two on each side of the current one,
 * with a gap where numbers are left out (1 … 4 5 [6] 7 8 … 20).
 */
export function pageLinks(base: string, current: number, last: number, around = 2): PageLink[] {
  const numbers = new Set([1, last]);
  for (let n = current - around; n <= current + around; n++)
    if (n >= 1 && n <= last) numbers.add(n);
  const sorted = [...numbers].sort((a, b) => a - b);
  const links: PageLink[] = [];
  sorted.forEach((number, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && number - previous === 2)
      links.push({ kind: 'page', number: previous + 1, href: pageHref(base, previous + 1) });
    else if (previous !== undefined && number - previous > 2) links.push({ kind: 'gap' });
    links.push({ kind: 'page', number, href: pageHref(base, number) });
  });
  return links;
}

/** "Program" on page 1, "Program – sida 2 av 9" after it. */
export function pagedTitle(title: string, page: Pick<Page, 'currentPage' | 'lastPage'>): string {
  return page.currentPage > 1 ? `${title} – sida ${page.currentPage} av ${page.lastPage}` : title;
}

/**
 * Where each group of a sorted list begins: the page of its first item (for a "jump to"
 * navigation over pages, e.g. a year of the timeline or a kind of document).
 */
export function firstPages<T, K>(
  items: readonly T[],
  keyOf: (item: T) => K,
  pageSize: number = PAGE_SIZE,
): Map<K, number> {
  const pages = new Map<K, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (!pages.has(key)) pages.set(key, Math.floor(index / pageSize) + 1);
  });
  return pages;
}

/** Consecutive runs of items with the same key, in order (the groups shown on one page). */
export function runsOf<T, K>(items: readonly T[], keyOf: (item: T) => K): { key: K; items: T[] }[] {
  const runs: { key: K; items: T[] }[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = runs.at(-1);
    if (last && last.key === key) last.items.push(item);
    else runs.push({ key, items: [item] });
  }
  return runs;
}

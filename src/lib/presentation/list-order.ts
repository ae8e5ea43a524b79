// The order and page size of each paginated list, in one place: the list pages sort by them,
// and the Studio's Presentation tool (sanity/locations.ts) works out from them which page of a
// list shows a document, so its link opens that page and not always the first. Plain data in,
// no Astro or Studio code: the Studio bundles this module.
import type { DOKUMENT_KINDS, DocumentType } from '../content/schemas.ts';
import { DOKUMENT_KIND_LABELS, byNameSv } from './format.ts';
import { MALBILD_PAGE_SIZE, PAGE_SIZE } from './pagination.ts';

export interface ListedItem {
  title: string;
  slug: string;
}

/** Programmes, målbilder and source pages: by title (Swedish order), then slug. */
export function byTitle(a: ListedItem, b: ListedItem): number {
  return byNameSv(a.title, b.title) || a.slug.localeCompare(b.slug);
}

export interface DelprojektItem extends ListedItem {
  programme: { title: string };
  number?: number | null | undefined;
}

/** Delprojekt: by programme, then number (unnumbered last), then title. */
export function delprojektOrder(a: DelprojektItem, b: DelprojektItem): number {
  return (
    byNameSv(a.programme.title, b.programme.title) ||
    (a.number ?? Infinity) - (b.number ?? Infinity) ||
    byTitle(a, b)
  );
}

export interface DokumentItem extends ListedItem {
  kind: (typeof DOKUMENT_KINDS)[number];
  date?: string | null | undefined;
}

/** Documents: grouped by kind (kinds by name), each kind newest first (undated last), then title. */
export function dokumentOrder(a: DokumentItem, b: DokumentItem): number {
  return (
    byNameSv(DOKUMENT_KIND_LABELS[a.kind], DOKUMENT_KIND_LABELS[b.kind]) ||
    (b.date ?? '').localeCompare(a.date ?? '') ||
    byTitle(a, b)
  );
}

export interface HandelseItem extends ListedItem {
  date: string;
}

/** Strings by code point, as GROQ's `order()` sorts them (and ISO dates of any precision). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The timeline: by date (ISO dates of any precision compare as text), then title. */
export function handelseOrder(a: HandelseItem, b: HandelseItem): number {
  return byCodePoint(a.date, b.date) || byTitle(a, b);
}

export interface TreeRegion {
  _id: string;
  name: string;
  parent?: { _id: string } | null | undefined;
}

/**
 * The region tree: regions by name, each region's children by name, and the roots (counties,
 * and regions whose parent is not there).
 */
export function treeOf<R extends TreeRegion>(regions: readonly R[]) {
  const all = [...regions].sort((a, b) => byNameSv(a.name, b.name));
  const byId = new Map(all.map((region) => [region._id, region]));
  const children = new Map<string, R[]>();
  for (const region of all) {
    const parent = region.parent?._id;
    if (parent && byId.has(parent)) children.set(parent, [...(children.get(parent) ?? []), region]);
  }
  const roots = all.filter((region) => !region.parent || !byId.has(region.parent._id));
  return { all, byId, roots, childrenOf: (id: string): R[] => children.get(id) ?? [] };
}

export interface ContactItem extends ListedItem {
  regions: readonly { _id: string }[];
}

/**
 * The contact directory: every region in tree order (a county, then the regions below it), and
 * under each the contacts working for it by name; a contact with several regions is listed
 * under each.
 */
export function contactListOrder<C extends ContactItem, R extends TreeRegion>(
  contacts: readonly C[],
  regions: readonly R[],
): { region: R; contact: C }[] {
  const tree = treeOf(regions);
  const ordered: R[] = [];
  const walk = (level: readonly R[]) => {
    for (const region of level) {
      ordered.push(region);
      walk(tree.childrenOf(region._id));
    }
  };
  walk(tree.roots);
  const byRegion = new Map<string, C[]>();
  for (const contact of contacts)
    for (const region of contact.regions)
      byRegion.set(region._id, [...(byRegion.get(region._id) ?? []), contact]);
  return ordered.flatMap((region) =>
    (byRegion.get(region._id) ?? []).sort(byTitle).map((contact) => ({ region, contact })),
  );
}

/** The paginated lists and how many entries each page holds. */
export const LIST_PAGE_SIZE: Partial<Record<DocumentType, number>> = {
  programme: PAGE_SIZE,
  malbild: MALBILD_PAGE_SIZE,
  kalla: PAGE_SIZE,
  delprojekt: PAGE_SIZE,
  dokument: PAGE_SIZE,
  handelse: PAGE_SIZE,
  kontaktperson: PAGE_SIZE,
};

/**
 * How many of each kind of its own material a region page lists (programmes, målbilder and
 * contacts by title or name, the latest documents and events), and a theme page of each type (by
 * title); a search lists the rest. At 100,000 documents a county has hundreds of its own.
 */
export const REGION_PAGE_ITEMS = 20;
export const THEME_PAGE_ITEMS = 20;

/**
 * How many programmes of each sub-region a county page's region tree links before the link to
 * the rest. Three, not more: at 100,000 documents a county has some 50 sub-regions, and with five
 * each its page was 30.9 kB (the budget for a content page is 30 kB).
 */
export const PROGRAMMES_PER_SUBREGION = 3;

/** The page numbers (from 1, ascending, each once) of the entries whose slug is `slug`. */
export function pagesListing(slugs: readonly string[], slug: string, pageSize: number): number[] {
  const pages = new Set<number>();
  slugs.forEach((listed, index) => {
    if (listed === slug) pages.add(Math.floor(index / pageSize) + 1);
  });
  return [...pages].sort((a, b) => a - b);
}

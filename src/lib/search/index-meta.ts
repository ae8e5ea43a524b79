// What each content page tells Pagefind about itself: its type, its regions (and, for the
// `region` filter, every ancestor of them, so "Västra Götaland" also finds Fyrbodal's material),
// its themes and its date. Computed from a collection entry's data and the region tree; the
// SearchIndexMeta component renders it inside the page's `<main data-pagefind-body>`.
import type {
  Delprojekt,
  Dokument,
  Handelse,
  Kalla,
  Kontaktperson,
  LinkStub,
  Malbild,
  Programme,
  RegionEntry,
  Tema,
} from '../content/schemas.ts';
import { formatSwedishDate } from './dates.ts';
import { TYPE_LABELS } from './labels.ts';

/** The data of any content page's entry, as the collections hold it. */
export type IndexableDocument =
  | RegionEntry
  | Programme
  | Malbild
  | Delprojekt
  | Kontaktperson
  | Dokument
  | Tema
  | Handelse
  | Kalla;

/** What the index needs of a region: its name and its ancestors, root first. */
export type RegionNode = Pick<RegionEntry, '_id' | 'name' | 'slug'> & {
  ancestors: readonly Pick<LinkStub, '_id' | 'title'>[];
};

export interface SearchIndexMeta {
  /** The type's Swedish label (`Program`): the `typ` filter value and meta. */
  type: string;
  title: string;
  /** The page's own regions, by name (shown with the result). */
  regions: string[];
  /** `region` filter values: every ancestor of each own region (root first), then the region. */
  regionFilters: string[];
  /** `tema` filter values: theme names. */
  themes: string[];
  /** The date the page sorts by (ISO, any precision), or null. */
  date: string | null;
  /** The same date in Swedish (`september 2020`), or null. */
  dateText: string | null;
}

/** The regions a page belongs to (a delprojekt: its programme's; a theme: none). */
export function ownRegions(doc: IndexableDocument): readonly LinkStub[] {
  switch (doc._type) {
    case 'region':
      return [{ _id: doc._id, _type: 'region', title: doc.name, slug: doc.slug }];
    case 'programme':
    case 'malbild':
    case 'kontaktperson':
    case 'handelse':
    case 'dokument':
      return doc.regions;
    case 'delprojekt':
      return doc.programme.regions;
    case 'kalla':
      return doc.publisherRegion ? [doc.publisherRegion] : [];
    case 'tema':
      // A theme gathers material across regions: it belongs to none of them.
      return [];
  }
}

function themesOf(doc: IndexableDocument): string[] {
  switch (doc._type) {
    case 'programme':
    case 'malbild':
    case 'delprojekt':
    case 'dokument':
      return doc.themes.map((theme) => theme.title);
    case 'tema':
      return [doc.name];
    default:
      return [];
  }
}

/** The date a page sorts by: when it happened, was published, decided or started. */
export function sortDateOf(doc: IndexableDocument): string | null {
  switch (doc._type) {
    case 'handelse':
      return doc.date;
    case 'dokument':
      return doc.date;
    case 'malbild':
      return doc.decision?.date ?? null;
    case 'programme':
    case 'delprojekt':
    case 'kontaktperson':
      return doc.period?.start ?? null;
    case 'kalla':
      return doc.lastUpdated;
    case 'region':
    case 'tema':
      return null;
  }
}

function titleOf(doc: IndexableDocument): string {
  return 'title' in doc ? doc.title : doc.name;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * The search metadata of one page. `regionsById` is the region tree (the `regions`
 * collection); a region it does not know contributes its own name only.
 */
export function searchIndexMeta(
  doc: IndexableDocument,
  regionsById: ReadonlyMap<string, RegionNode>,
): SearchIndexMeta {
  const own = ownRegions(doc);
  const regionFilters = unique(
    own.flatMap((region) => {
      const node = regionsById.get(region._id);
      return [
        ...(node?.ancestors ?? []).map((ancestor) => ancestor.title),
        node?.name ?? region.title,
      ];
    }),
  );
  const date = sortDateOf(doc);
  return {
    type: TYPE_LABELS[doc._type],
    title: titleOf(doc),
    regions: unique(own.map((region) => regionsById.get(region._id)?.name ?? region.title)),
    regionFilters,
    themes: unique(themesOf(doc)),
    date,
    dateText: date ? formatSwedishDate(date) : null,
  };
}

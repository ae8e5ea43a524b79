// What the Presentation tool (sanity/presentation.ts) resolves, from the site's paths
// (src/lib/urls.ts, docs/content-model.md "URLs"); plain data and GROQ, no Studio code, so
// tests run it on the fixtures:
// - the pages a document form lists: its own page, the page (or pages) of its type's list that
//   show it, in the list's own order (src/lib/presentation/list-order.ts), and the pages of the
//   documents it is listed under or that show it (its regions, programme, themes, sources …,
//   and every document that refers to it);
// - the document each page of the site opens beside the frame.
import type {
  DocumentLocation,
  DocumentLocationsState,
  DocumentResolver,
} from 'sanity/presentation';
import { DOCUMENT_TYPES, type DocumentType } from '../src/lib/rules/documents.ts';
import { REFERENCE_TARGETS } from '../src/lib/rules/reference-targets.ts';
import { TYPE_LABELS } from '../src/lib/search/labels.ts';
import { INDEX_TITLES, SECTION, hrefFor, indexHrefFor } from '../src/lib/urls.ts';
import { DOKUMENT_KIND_LABELS } from '../src/lib/presentation/format.ts';
import {
  LIST_PAGE_SIZE,
  REGION_PAGE_ITEMS,
  THEME_PAGE_ITEMS,
  byCodePoint,
  byTitle,
  contactListOrder,
  delprojektOrder,
  dokumentOrder,
  handelseOrder,
  pagesListing,
  type DelprojektItem,
  type DokumentItem,
  type TreeRegion,
} from '../src/lib/presentation/list-order.ts';
import { pageHref } from '../src/lib/presentation/pagination.ts';

/** At most this many other pages are listed; the message says how many there are. */
export const MAX_RELATED_LOCATIONS = 25;

export function isDocumentType(type: string): type is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(type);
}

/**
 * The reference fields whose targets' pages list the document (a programme's regions, a
 * delprojekt's programme, anyone's sources …), from the schema: `[field, isArray]`. Links in
 * rich text are left out: the page linked to does not show the text that links to it.
 */
export const LISTING_FIELDS: ReadonlyArray<readonly [field: string, isArray: boolean]> = [
  ...new Map(
    Object.values(REFERENCE_TARGETS)
      .flatMap((fields) => Object.keys(fields))
      .filter((path) => /^\w+(\[\])?$/.test(path))
      .map((path) => [path.replace('[]', ''), path.endsWith('[]')] as const),
  ),
].sort(([a], [b]) => a.localeCompare(b));

const listedUnder = LISTING_FIELDS.map(([field, isArray]) =>
  isArray ? `_id in ^.${field}[]._ref` : `_id == ^.${field}._ref`,
).join(' || ');

/**
 * What a list is ordered by (src/lib/presentation/list-order.ts), for any document type, and
 * what ties it to the region and theme pages that list it.
 */
const LIST_ENTRY = `{
    _id, "title": coalesce(title, name, ""), "slug": slug.current, number, kind, date,
    "programme": {"title": coalesce(programme->title, "")},
    "regions": coalesce(regions[]{"_id": _ref}, []),
    "publisherRegion": publisherRegion._ref,
    "themes": coalesce(themes[]._ref, [])
  }`;

/**
 * A document (`$id`, published id: the perspective overlays its draft), its slug and title,
 * what its type's list is ordered by, and the documents with a page that show it: those it is
 * listed under and those that refer to it.
 */
export const LOCATIONS_QUERY = `*[_id == $id][0]{
  _type,
  "title": coalesce(title, name),
  "slug": slug.current,
  "related": *[
    _type in $types && defined(slug.current) && _id != ^._id &&
    (references(^._id) || ${listedUnder})
  ] | order(_type asc, coalesce(title, name) asc) {
    _id, _type, "title": coalesce(title, name), "slug": slug.current,
    "refersToIt": references(^._id)
  },
  "entry": ${LIST_ENTRY}
}`;

/** What changes the answer: the document, its draft, and whatever refers to it. */
export const LOCATIONS_LISTEN = `*[_id in [$id, "drafts." + $id] || references($id)]`;

/**
 * The other entries of the document's list (`$type`), and for the contact directory the region
 * tree that orders it. Asked apart from LOCATIONS_QUERY, because it is large (hundreds of kB at
 * 10,000 documents) and does not change while an editor works on the document: only when
 * another document of the list (or a region) does (LIST_ENTRIES_LISTEN).
 */
export const LIST_ENTRIES_QUERY = `{
  "listed": *[_type == $type && defined(slug.current) && !(_id in [$id, "drafts." + $id])]${LIST_ENTRY},
  "regions": select($type == "kontaktperson" => *[_type == "region"]{
    _id, "name": coalesce(name, ""), "parent": select(defined(parent._ref) => {"_id": parent._ref})
  })
}`;

export const LIST_ENTRIES_LISTEN = `*[
  (_type == $type && !(_id in [$id, "drafts." + $id])) ||
  ($type == "kontaktperson" && _type == "region")
]`;

export interface LocationsResult {
  _type: string;
  title?: string | null;
  slug?: string | null;
  related?: RelatedEntry[] | null;
  /** What the document's list is ordered by. */
  entry?: ListedEntry | null;
}

/** The answer to LIST_ENTRIES_QUERY. */
export interface ListEntriesResult {
  listed?: ListedEntry[] | null;
  /** For a contact: the region tree, which orders the contact directory. */
  regions?: TreeRegion[] | null;
}

/** A document with a page that shows the document or is listed with it. */
interface RelatedEntry {
  _id?: string | null;
  _type: string;
  title?: string | null;
  slug?: string | null;
  /** It refers to the document (a source, a link in its text). */
  refersToIt?: boolean | null;
}

/** An entry of a list with what any list is ordered by (null where its type has no such field). */
interface ListedEntry {
  _id?: string | null;
  title: string;
  slug?: string | null;
  number?: number | null;
  kind?: DokumentItem['kind'] | null;
  date?: string | null;
  programme?: DelprojektItem['programme'] | null;
  regions?: { _id: string }[] | null;
  publisherRegion?: string | null;
  themes?: string[] | null;
}

const UNTITLED = 'Utan titel';

/**
 * The locations panel of a document form, from the answers to LOCATIONS_QUERY and
 * LIST_ENTRIES_QUERY (without the second, its list is linked at its first page).
 */
export function documentLocations(
  result: LocationsResult | null,
  listEntries: ListEntriesResult | null = null,
): DocumentLocationsState | null {
  if (!result || !isDocumentType(result._type)) return null;
  const type = result._type;
  if (!result.slug) {
    return {
      message: 'Dokumentet får en sida på webbplatsen när det har en slug (fältet ”Slug”).',
      tone: 'caution',
    };
  }
  const own: DocumentLocation = {
    title: result.title || UNTITLED,
    href: hrefFor(type, result.slug),
  };
  const index = indexHrefFor(type);
  const list: DocumentLocation[] = index
    ? listPages(type, result.slug, result.entry, listEntries).map((pageNumber) => ({
        title: pageNumber > 1 ? `${INDEX_TITLES[type]} – sida ${pageNumber}` : INDEX_TITLES[type],
        href: pageHref(index, pageNumber),
      }))
    : [];
  const related = (result.related ?? []).flatMap((entry): DocumentLocation[] =>
    isDocumentType(entry._type) && entry.slug && pageShows(entry, type, result.entry, listEntries)
      ? [
          {
            title: `${TYPE_LABELS[entry._type]}: ${entry.title || UNTITLED}`,
            href: hrefFor(entry._type, entry.slug),
          },
        ]
      : [],
  );
  const shown = related.slice(0, MAX_RELATED_LOCATIONS);
  return {
    locations: [own, ...list, ...shown],
    ...(related.length > shown.length
      ? {
          message: `Visas på ${related.length + 1 + list.length} sidor; här dess egen sida, listan och ${shown.length} av de andra.`,
        }
      : {}),
  };
}

/**
 * The pages of its type's list that show the document (`slug`, `entry`) among the list's other
 * entries, in the list's own order; the first page when the list is not paginated or its
 * entries are not known (yet), or the site would not list the document (a draft without a date).
 */
function listPages(
  type: DocumentType,
  slug: string,
  entry: ListedEntry | null | undefined,
  list: ListEntriesResult | null,
): number[] {
  const pageSize = LIST_PAGE_SIZE[type];
  if (!pageSize || !entry || !list?.listed) return [1];
  const entries = [...list.listed, { ...entry, slug }].flatMap((listed) =>
    listed.slug ? [{ ...listed, slug: listed.slug }] : [],
  );
  const order = (): string[] => {
    switch (type) {
      case 'delprojekt':
        return entries
          .map((listed) => ({ ...listed, programme: listed.programme ?? { title: '' } }))
          .sort(delprojektOrder)
          .map((listed) => listed.slug);
      case 'dokument':
        return entries
          .flatMap((listed) =>
            listed.kind && listed.kind in DOKUMENT_KIND_LABELS
              ? [{ ...listed, kind: listed.kind }]
              : [],
          )
          .sort(dokumentOrder)
          .map((listed) => listed.slug);
      case 'handelse':
        return entries
          .flatMap((listed) => (listed.date ? [{ ...listed, date: listed.date }] : []))
          .sort(handelseOrder)
          .map((listed) => listed.slug);
      case 'kontaktperson':
        return contactListOrder(
          entries.map((listed) => ({ ...listed, regions: listed.regions ?? [] })),
          list.regions ?? [],
        ).map(({ contact }) => contact.slug);
      default:
        return entries.sort(byTitle).map((listed) => listed.slug);
    }
  };
  const pages = pagesListing(order(), slug, pageSize);
  return pages.length > 0 ? pages : [1];
}

type EntryOrder = (a: ListedEntry, b: ListedEntry) => number;
const byListedTitle: EntryOrder = (a, b) => byCodePoint(a.title, b.title);

/**
 * The kinds of material a region page lists of its own, each in the order that puts the entries
 * it shows first: REGIONS_QUERY's order (src/lib/content/queries.ts), reversed for the events,
 * of which the page shows the latest.
 */
const REGION_PAGE_ORDER: Partial<Record<DocumentType, EntryOrder>> = {
  programme: byListedTitle,
  malbild: byListedTitle,
  kontaktperson: byListedTitle,
  dokument: (a, b) => byCodePoint(b.date ?? '', a.date ?? '') || byCodePoint(a.title, b.title),
  handelse: (a, b) => byCodePoint(b.date ?? '', a.date ?? '') || byCodePoint(b.title, a.title),
};

/** The types a theme page lists, by title (TEMAN_QUERY). */
const THEME_PAGE_ORDER: Partial<Record<DocumentType, EntryOrder>> = {
  programme: byListedTitle,
  malbild: byListedTitle,
  delprojekt: byListedTitle,
  dokument: byListedTitle,
};

/**
 * Whether the page of `page` (a document the document is listed under, or that refers to it)
 * shows the document. Region and theme pages list only the first entries of each kind
 * (REGION_PAGE_ITEMS, THEME_PAGE_ITEMS; src/pages/regioner/[slug].astro, teman/[slug].astro),
 * and no sources but their own; every other page lists all it is related to. While the list's
 * entries are not known (yet), the page is taken to show it.
 */
function pageShows(
  page: RelatedEntry,
  type: DocumentType,
  entry: ListedEntry | null | undefined,
  list: ListEntriesResult | null,
): boolean {
  if (page.refersToIt || (page._type !== 'region' && page._type !== 'tema')) return true;
  // A sub-region is listed with all its siblings.
  if (page._type === 'region' && type === 'region') return true;
  const order = (page._type === 'region' ? REGION_PAGE_ORDER : THEME_PAGE_ORDER)[type];
  if (!order) return false;
  if (!entry || !list?.listed || !page._id) return true;
  const id = page._id;
  const own = (listed: ListedEntry) =>
    page._type === 'tema'
      ? (listed.themes ?? []).includes(id)
      : type === 'dokument'
        ? listed.publisherRegion === id
        : (listed.regions ?? []).some((region) => region._id === id);
  const items = page._type === 'region' ? REGION_PAGE_ITEMS : THEME_PAGE_ITEMS;
  return [...list.listed.filter(own), entry].sort(order).slice(0, items).includes(entry);
}

/** Each document page's route, `/{section}/:slug/`, opens its document. */
export const MAIN_DOCUMENTS: DocumentResolver[] = DOCUMENT_TYPES.map((type) => ({
  route: `/${SECTION[type]}/:slug`,
  filter: `_type == ${JSON.stringify(type)} && slug.current == $slug`,
}));

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
  byTitle,
  contactListOrder,
  delprojektOrder,
  dokumentOrder,
  handelseOrder,
  pagesListing,
  type DelprojektItem,
  type DokumentItem,
  type ListedItem,
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
 * A document (`$id`, published id: the perspective overlays its draft), its slug and title,
 * and the documents with a page that show it: those it is listed under and those that refer
 * to it.
 */
export const LOCATIONS_QUERY = `*[_id == $id][0]{
  _type,
  "title": coalesce(title, name),
  "slug": slug.current,
  "related": *[
    _type in $types && defined(slug.current) && _id != ^._id &&
    (references(^._id) || ${listedUnder})
  ] | order(_type asc, coalesce(title, name) asc) {_type, "title": coalesce(title, name), "slug": slug.current},
  "listed": select(
    _type in ["programme", "malbild", "kalla"] => *[_type == ^._type && defined(slug.current)]{
      "title": coalesce(title, ""), "slug": slug.current
    },
    _type == "delprojekt" => *[_type == "delprojekt" && defined(slug.current)]{
      "title": coalesce(title, ""), "slug": slug.current, number,
      "programme": {"title": coalesce(programme->title, "")}
    },
    _type == "dokument" => *[_type == "dokument" && defined(slug.current)]{
      "title": coalesce(title, ""), "slug": slug.current, kind, date
    },
    _type == "handelse" => *[_type == "handelse" && defined(slug.current) && defined(date)]{
      "title": coalesce(title, ""), "slug": slug.current, date
    },
    _type == "kontaktperson" => *[_type == "kontaktperson" && defined(slug.current)]{
      "title": coalesce(name, ""), "slug": slug.current, "regions": coalesce(regions[]{"_id": _ref}, [])
    }
  ),
  "regions": select(_type == "kontaktperson" => *[_type == "region"]{
    _id, "name": coalesce(name, ""), "parent": select(defined(parent._ref) => {"_id": parent._ref})
  })
}`;

/** What changes the answer: the document, its draft, and whatever refers to it. */
export const LOCATIONS_LISTEN = `*[_id in [$id, "drafts." + $id] || references($id)]`;

export interface LocationsResult {
  _type: string;
  title?: string | null;
  slug?: string | null;
  related?: Array<{ _type: string; title?: string | null; slug?: string | null }> | null;
  /** Every entry of the document's list, with what the list is ordered by (list-order.ts). */
  listed?: ListedEntry[] | null;
  /** For a contact: the region tree, which orders the contact directory. */
  regions?: TreeRegion[] | null;
}

type ListedEntry = ListedItem &
  Partial<Pick<DelprojektItem, 'programme' | 'number'>> &
  Partial<Pick<DokumentItem, 'kind' | 'date'>> & { regions?: { _id: string }[] };

const UNTITLED = 'Utan titel';

/** The locations panel of a document form, from the answer to LOCATIONS_QUERY. */
export function documentLocations(result: LocationsResult | null): DocumentLocationsState | null {
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
    ? listPages(type, result.slug, result).map((pageNumber) => ({
        title: pageNumber > 1 ? `${INDEX_TITLES[type]} – sida ${pageNumber}` : INDEX_TITLES[type],
        href: pageHref(index, pageNumber),
      }))
    : [];
  const related = (result.related ?? []).flatMap((entry): DocumentLocation[] =>
    isDocumentType(entry._type) && entry.slug
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
 * The pages of its type's list that show the document (`slug`), in the list's own order; the
 * first page when the list is not paginated or the answer does not say (a document the site
 * does not list yet, such as a draft without a date, opens the list where it begins).
 */
function listPages(type: DocumentType, slug: string, result: LocationsResult): number[] {
  const pageSize = LIST_PAGE_SIZE[type];
  const listed = result.listed;
  if (!pageSize || !listed) return [1];
  const order = (): string[] => {
    switch (type) {
      case 'delprojekt':
        return listed
          .map((entry) => ({ ...entry, programme: entry.programme ?? { title: '' } }))
          .sort(delprojektOrder)
          .map((entry) => entry.slug);
      case 'dokument':
        return listed
          .filter((entry): entry is ListedEntry & Pick<DokumentItem, 'kind'> =>
            Boolean(entry.kind && entry.kind in DOKUMENT_KIND_LABELS),
          )
          .sort(dokumentOrder)
          .map((entry) => entry.slug);
      case 'handelse':
        return listed
          .map((entry) => ({ ...entry, date: entry.date ?? '' }))
          .sort(handelseOrder)
          .map((entry) => entry.slug);
      case 'kontaktperson':
        return contactListOrder(
          listed.map((entry) => ({ ...entry, regions: entry.regions ?? [] })),
          result.regions ?? [],
        ).map(({ contact }) => contact.slug);
      default:
        return [...listed].sort(byTitle).map((entry) => entry.slug);
    }
  };
  const pages = pagesListing(order(), slug, pageSize);
  return pages.length > 0 ? pages : [1];
}

/** Each document page's route, `/{section}/:slug/`, opens its document. */
export const MAIN_DOCUMENTS: DocumentResolver[] = DOCUMENT_TYPES.map((type) => ({
  route: `/${SECTION[type]}/:slug`,
  filter: `_type == ${JSON.stringify(type)} && slug.current == $slug`,
}));

// What the Presentation tool (sanity/presentation.ts) resolves, from the site's paths
// (src/lib/urls.ts, docs/content-model.md "URLs"); plain data and GROQ, no Studio code, so
// tests run it on the fixtures:
// - the pages a document form lists: its own page, its type's list, and the pages of the
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
  ] | order(_type asc, coalesce(title, name) asc) {_type, "title": coalesce(title, name), "slug": slug.current}
}`;

/** What changes the answer: the document, its draft, and whatever refers to it. */
export const LOCATIONS_LISTEN = `*[_id in [$id, "drafts." + $id] || references($id)]`;

export interface LocationsResult {
  _type: string;
  title?: string | null;
  slug?: string | null;
  related?: Array<{ _type: string; title?: string | null; slug?: string | null }> | null;
}

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
  const list: DocumentLocation[] = index ? [{ title: INDEX_TITLES[type], href: index }] : [];
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

/** Each document page's route, `/{section}/:slug/`, opens its document. */
export const MAIN_DOCUMENTS: DocumentResolver[] = DOCUMENT_TYPES.map((type) => ({
  route: `/${SECTION[type]}/:slug`,
  filter: `_type == ${JSON.stringify(type)} && slug.current == $slug`,
}));

// The site's stable Swedish paths (docs/content-model.md, "URLs"), in one place.
import type { DocumentType, LinkStub } from './content/schemas.ts';

export { slugify } from './rules/slugify.ts';

/** The path segment of each document type's pages. */
export const SECTION: Record<DocumentType, string> = {
  region: 'regioner',
  programme: 'program',
  malbild: 'malbilder',
  delprojekt: 'delprojekt',
  kontaktperson: 'kontakter',
  dokument: 'dokument',
  tema: 'teman',
  handelse: 'tidslinje',
  kalla: 'kallor',
};

/** Types with a list page at `/{section}/`. */
const HAS_INDEX: ReadonlySet<DocumentType> = new Set([
  'region',
  'programme',
  'delprojekt',
  'malbild',
  'kontaktperson',
  'dokument',
  'tema',
  'handelse',
  'kalla',
]);

/** The heading of each type's list page (`/{section}/`). */
export const INDEX_TITLES: Record<DocumentType, string> = {
  region: 'Regioner',
  programme: 'Program',
  malbild: 'Målbilder',
  delprojekt: 'Delprojekt',
  kontaktperson: 'Kontakter',
  dokument: 'Dokument',
  tema: 'Teman',
  handelse: 'Tidslinje',
  kalla: 'Källor',
};

export const STATIC_PATHS = {
  home: '/',
  search: '/sok/',
  about: '/om-nara-vard/',
  aboutSite: '/om-webbplatsen/',
  accessibility: '/tillganglighet/',
} as const;

/** `/regioner/goteborgsregionen/` for `hrefFor('region', 'goteborgsregionen')`. */
export function hrefFor(type: DocumentType, slug: string): string {
  return `/${SECTION[type]}/${encodeURIComponent(slug)}/`;
}

/** The path of a link stub from a query. */
export function hrefForStub(stub: Pick<LinkStub, '_type' | 'slug'>): string {
  return hrefFor(stub._type, stub.slug);
}

/** The list page of a type (`/program/`), or undefined where there is none. */
export function indexHrefFor(type: DocumentType): string | undefined {
  return HAS_INDEX.has(type) ? `/${SECTION[type]}/` : undefined;
}

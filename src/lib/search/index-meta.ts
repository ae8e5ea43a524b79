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
import { NATIONAL_EVENT_LABEL, TYPE_LABELS } from './labels.ts';

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
  /** The page's own regions, by name (shown with the result); "Nationellt" for a national event. */
  regions: string[];
  /** `region` filter values: every ancestor of each own region (root first), then the region. */
  regionFilters: string[];
  /** `tema` filter values: theme names. */
  themes: string[];
  /** The date the page sorts by (ISO, any precision), or null. */
  date: string | null;
  /** The same date in Swedish (`september 2020`), or null. */
  dateText: string | null;
  /**
   * Words the page should be found by that its indexed body leaves out: the values of its fact
   * list (organisation, publisher, phone, e-mail …), a phone number as digits only, and the
   * title without diacritics other than å, ä and ö. Pagefind searches meta values; they never
   * show in excerpts.
   */
  keywords: string[];
  /**
   * Whether the page is the subject its title names (a programme, region, theme, målbild,
   * delprojekt or person) rather than a report on it (an event, a document, a source page).
   * Such a page carries its title a second time as the meta field `subject`: a match there
   * adds to Pagefind's title boost, so "medarbetarna" finds the programme "Vårdens
   * medarbetare" before the event that started it and the invitation to its kickoff.
   */
  subject: boolean;
}

/**
 * The search weight of a page's title (its h1; body text weighs 1, Pagefind allows up to 10).
 * Where several pages carry the same words in their titles, the page that is the subject ranks
 * first: the programme "Vårdens medarbetare" above the event that started it and the documents
 * from its kickoff, the event above its documents, the source page last.
 */
export const TITLE_WEIGHTS: Record<IndexableDocument['_type'], number> = {
  region: 10,
  tema: 10,
  programme: 10,
  malbild: 10,
  kontaktperson: 10,
  delprojekt: 9,
  handelse: 9,
  dokument: 6,
  kalla: 5,
};
const SUBJECT_TYPES: ReadonlySet<IndexableDocument['_type']> = new Set([
  'region',
  'tema',
  'programme',
  'malbild',
  'kontaktperson',
]);

/** Editorial pages (content/pages/*.mdx). */
export const EDITORIAL_TITLE_WEIGHT = 8;

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

/** The values of a page's fact list that identify it (its body leaves the list out). */
function factsOf(doc: IndexableDocument): (string | null | undefined)[] {
  switch (doc._type) {
    case 'kontaktperson':
      return [doc.organisation, doc.phone, doc.phone && phoneDigits(doc.phone), doc.email];
    case 'dokument':
      return [doc.publisher];
    case 'programme':
      return [doc.owner];
    case 'malbild':
      return [doc.author, doc.decision?.decidedBy];
    case 'kalla':
      return [doc.publisher];
    case 'region':
      return doc.organisations;
    default:
      return [];
  }
}

/** `031-335 51 76` → `0313355176`: a number is found however it is typed. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '');
}

/** Latin letters that Unicode does not split into a base letter and a mark. */
const UNDECOMPOSABLE: Record<string, string> = {
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  þ: 'th',
  Þ: 'Th',
};

/**
 * Text without the diacritics Swedish does not treat as letters of their own: `Beljić` →
 * `Beljic`, `Müller` → `Muller`, while å, ä and ö stay (`får` is not `far`).
 */
export function foldForeignDiacritics(text: string): string {
  return text
    .replace(/[øØæÆœŒłŁđĐßþÞ]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter)
    .replace(/[åäöÅÄÖ]/g, (letter) => `\u0000${letter}`)
    .normalize('NFD')
    .replace(/(?<!\u0000[aoAO])\p{M}/gu, '')
    .normalize('NFC')
    .replace(/\u0000/g, '');
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
  const title = titleOf(doc);
  const folded = foldForeignDiacritics(title);
  const keywords = unique(
    [...factsOf(doc), folded === title ? null : folded]
      .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      .map((value) => value.replace(/\s+/g, ' ').trim()),
  );
  return {
    type: TYPE_LABELS[doc._type],
    title: titleOf(doc),
    // A national event is shown as national; its regions still filter it.
    regions:
      doc._type === 'handelse' && doc.scope === 'nationell'
        ? [NATIONAL_EVENT_LABEL]
        : unique(own.map((region) => regionsById.get(region._id)?.name ?? region.title)),
    regionFilters,
    themes: unique(themesOf(doc)),
    date,
    dateText: date ? formatSwedishDate(date) : null,
    keywords,
    subject: SUBJECT_TYPES.has(doc._type),
  };
}

// The search's vocabulary: filter keys, the Swedish label of each document type and the sort
// orders, shared by the index metadata (build time) and the search page (browser).
import type { DocumentType } from '../content/schemas.ts';

/** Pagefind filter keys (`data-pagefind-filter="region:…"`). The same names are the URL parameters. */
export const FILTER_KEYS = ['region', 'typ', 'tema'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** What a national event shows instead of its regions: on its pages, in lists and with a result. */
export const NATIONAL_EVENT_LABEL = 'Nationellt';

/** The Swedish label of each type: the `typ` filter value, the URL value and what a result shows. */
export const TYPE_LABELS: Record<DocumentType, string> = {
  programme: 'Program',
  malbild: 'Målbild',
  delprojekt: 'Delprojekt',
  kontaktperson: 'Kontaktperson',
  dokument: 'Dokument',
  handelse: 'Händelse',
  region: 'Region',
  tema: 'Tema',
  kalla: 'Källsida',
};

/** Type labels in the order the search page lists them. */
export const TYPE_ORDER: readonly DocumentType[] = [
  'programme',
  'malbild',
  'delprojekt',
  'dokument',
  'handelse',
  'kontaktperson',
  'region',
  'tema',
  'kalla',
];

/** Sort orders: URL value → Swedish label. `relevans` is the default and is left out of URLs. */
export const SORT_OPTIONS = {
  relevans: 'Bäst matchning',
  datum: 'Datum, nyast först',
  'datum-aldst': 'Datum, äldst först',
} as const;
export type SortOrder = keyof typeof SORT_OPTIONS;
export const DEFAULT_SORT: SortOrder = 'relevans';

export function isSortOrder(value: string): value is SortOrder {
  return Object.hasOwn(SORT_OPTIONS, value);
}

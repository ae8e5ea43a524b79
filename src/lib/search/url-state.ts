// The search page's state and its URL: `?q=egenvård&region=vastra-gotaland&typ=Program&tema=egenvard&sort=datum`.
// Regions and themes travel as slugs (stable, ASCII), types as their Swedish label; the
// plain GET form of the search page writes the same parameters, so a search works without
// JavaScript as a link and with it as an application.
import {
  DEFAULT_SORT,
  FILTER_KEYS,
  TYPE_LABELS,
  isSortOrder,
  type FilterKey,
  type SortOrder,
} from './labels.ts';

export interface SearchState {
  q: string;
  region: string[];
  typ: string[];
  tema: string[];
  sort: SortOrder;
}

export const EMPTY_STATE: SearchState = {
  q: '',
  region: [],
  typ: [],
  tema: [],
  sort: DEFAULT_SORT,
};

const TYPE_LABEL_BY_LOWER = new Map(
  Object.values(TYPE_LABELS).map((label) => [label.toLocaleLowerCase('sv'), label]),
);

function values(params: URLSearchParams, key: string): string[] {
  const seen = new Set<string>();
  for (const raw of params.getAll(key)) {
    // `region=a,b` is read as two values, so hand-written links stay short.
    for (const part of raw.split(',')) {
      const value = part.trim();
      if (value) seen.add(value);
    }
  }
  return [...seen];
}

/** Reads a search from URL parameters; unknown sort orders fall back to the default, `typ` is matched case-insensitively. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const sort = params.get('sort')?.trim() ?? '';
  return {
    q: (params.get('q') ?? '').replace(/\s+/g, ' ').trim(),
    region: values(params, 'region').map((slug) => slug.toLowerCase()),
    typ: values(params, 'typ').map(
      (label) => TYPE_LABEL_BY_LOWER.get(label.toLocaleLowerCase('sv')) ?? label,
    ),
    tema: values(params, 'tema').map((slug) => slug.toLowerCase()),
    sort: isSortOrder(sort) ? sort : DEFAULT_SORT,
  };
}

/** The URL parameters of a search, in a fixed order; empty fields and the default sort are left out. */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state[key]) params.append(key, value);
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  return params;
}

/** `/sok/?q=…` for a search (just the path when the search is empty). */
export function searchHref(path: string, state: SearchState): string {
  const query = searchStateToParams(state).toString();
  return query ? `${path}?${query}` : path;
}

export function hasFilters(state: SearchState): boolean {
  return FILTER_KEYS.some((key) => state[key].length > 0);
}

/** True when there is nothing to search for: no words and no filters. */
export function isEmptySearch(state: SearchState): boolean {
  return state.q === '' && !hasFilters(state);
}

export function sameSearch(a: SearchState, b: SearchState): boolean {
  return searchStateToParams(a).toString() === searchStateToParams(b).toString();
}

/** Filter values as Pagefind holds them, per URL value (slug → region name, slug → theme name; type labels map to themselves). */
export type FilterValueMaps = Record<FilterKey, ReadonlyMap<string, string>>;

/** A Pagefind filter: any of the values (checkboxes within one group widen the search). */
export type PagefindFilters = Partial<Record<FilterKey, { any: string[] }>>;

/**
 * The Pagefind `filters` option for a search: within a group any chosen value matches, across
 * groups all must. `without` leaves one group out (to count that group's options). URL values
 * the maps do not know are dropped.
 */
export function pagefindFilters(
  state: SearchState,
  maps: FilterValueMaps,
  without?: FilterKey,
): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const key of FILTER_KEYS) {
    if (key === without) continue;
    const names = state[key].flatMap((value) => {
      const name = maps[key].get(value);
      return name === undefined ? [] : [name];
    });
    if (names.length > 0) filters[key] = { any: names };
  }
  return filters;
}

/** The state with URL values the maps do not know removed. */
export function knownValuesOnly(state: SearchState, maps: FilterValueMaps): SearchState {
  return {
    ...state,
    region: state.region.filter((value) => maps.region.has(value)),
    typ: state.typ.filter((value) => maps.typ.has(value)),
    tema: state.tema.filter((value) => maps.tema.has(value)),
  };
}

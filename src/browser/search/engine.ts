// The search itself, without a page: Pagefind's calls for a search state (the exact search, the
// folded retry, the date sort with undated pages last, the option counts, the count without
// filters) and the tie-break of the first results. No DOM, so tests run it against a fake
// Pagefind (tests/unit/search/engine.test.ts).
import { FILTER_KEYS, type FilterKey } from '../../lib/search/labels.ts';
import {
  pagefindFilters,
  type FilterValueMaps,
  type SearchState,
} from '../../lib/search/url-state.ts';
import type {
  FilterCounts,
  Pagefind,
  PagefindResponse,
  PagefindResult,
  PagefindResultData,
} from './pagefind.ts';

export type GroupCounts = Record<FilterKey, Record<string, number>>;

export interface Outcome {
  hits: PagefindResult[];
  /** Undefined when the counts were not asked for (the filter chunks are not loaded). */
  counts: GroupCounts | undefined;
  /** Nothing matched as typed, and these are the hits with every diacritic folded. */
  loosened: boolean;
  /** Sorted by date, with pages that have no date after the dated ones. */
  undatedLast: boolean;
}

/** Pagefind's counts with every filter group present. */
export function everyGroup(counts: FilterCounts): GroupCounts {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, counts[key] ?? {}])) as GroupCounts;
}

export class SearchEngine {
  // Pagefind's filter chunks, loaded once (by `filters()`) when the counts are first wanted.
  #filterChunks: Promise<FilterCounts> | undefined;

  readonly #pagefind: Pagefind;
  readonly #maps: FilterValueMaps;

  constructor(pagefind: Pagefind, maps: FilterValueMaps) {
    this.#pagefind = pagefind;
    this.#maps = maps;
  }

  /** Whether the filter chunks have been asked for (then every search counts the options). */
  get countsLoaded(): boolean {
    return this.#filterChunks !== undefined;
  }

  loadFilterChunks(): Promise<FilterCounts> {
    this.#filterChunks ??= this.#pagefind.filters().catch((error: unknown) => {
      this.#filterChunks = undefined;
      throw error;
    });
    return this.#filterChunks;
  }

  preload(query: string): void {
    void this.#pagefind.preload(query);
  }

  /** The counts of every option for a search with no words and no filters. */
  async allCounts(): Promise<GroupCounts> {
    return everyGroup(await this.loadFilterChunks());
  }

  async find(state: SearchState, withCounts: boolean): Promise<Outcome> {
    const api = this.#pagefind;
    const term = state.q || null;
    const filters = pagefindFilters(state, this.#maps);
    // A search only counts the filters whose chunks are loaded: load them all first.
    if (withCounts) await this.loadFilterChunks();
    let loosened = false;
    let main = await api.search(term, { filters });
    if (term && main.results.length === 0 && /\p{L}/u.test(term)) {
      // Nothing with exact spelling: try again with every diacritic folded ("fardplan" finds
      // "färdplan", "Beljić" finds "Beljic"): a visitor without a Swedish keyboard, or a name
      // spelt with or without its accent.
      await api.options({ exactDiacritics: false });
      try {
        const loose = await api.search(term, { filters });
        if (loose.results.length > 0) {
          main = loose;
          loosened = true;
        }
      } finally {
        if (!loosened) await api.options({ exactDiacritics: true });
      }
    }
    let hits = main.results;
    let undatedLast = false;
    if (state.sort !== 'relevans' && hits.length > 0) {
      // Pagefind leaves pages without a sort key out of sorted results: put them after the dated ones.
      const sorted = await api.search(term, {
        filters,
        sort: { date: state.sort === 'datum' ? 'desc' : 'asc' },
      });
      const dated = new Set(sorted.results.map((result) => result.id));
      const undated = hits.filter((result) => !dated.has(result.id));
      undatedLast = undated.length > 0 && sorted.results.length > 0;
      hits = [...sorted.results, ...undated];
    }
    const counts = withCounts ? await this.#countsFor(state, term, main) : undefined;
    if (loosened) await api.options({ exactDiacritics: true });
    return { hits, counts, loosened, undatedLast };
  }

  /** How many results the words give without the filters (0 when there are no words or filters). */
  async unfilteredCount(state: SearchState): Promise<number> {
    if (!state.q || FILTER_KEYS.every((key) => state[key].length === 0)) return 0;
    const { hits } = await this.find({ ...state, region: [], typ: [], tema: [] }, false);
    return hits.length;
  }

  async #countsFor(
    state: SearchState,
    term: string | null,
    main: PagefindResponse,
  ): Promise<GroupCounts> {
    const counts = {} as GroupCounts;
    for (const key of FILTER_KEYS) {
      if (state[key].length === 0) {
        counts[key] = main.filters[key] ?? {};
        continue;
      }
      // Counts for one group ignore that group's own choices: each number is what ticking it would add.
      const others = pagefindFilters(state, this.#maps, key);
      if (term === null && Object.keys(others).length === 0) {
        counts[key] = (await this.loadFilterChunks())[key] ?? {};
      } else {
        counts[key] = (await this.#pagefind.search(term, { filters: others })).filters[key] ?? {};
      }
    }
    return counts;
  }
}

/** Letters without their diacritics, lower case: "Beljić" → "beljic", "färdplan" → "fardplan". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('sv');
}

/** Letters in common at the start of two words. */
function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The share of a title's words that a query word matches (inflected forms too: medarbetarna, medarbetare). */
export function titleCoverage(title: string, query: string): number {
  const titleWords = words(title);
  const typed = words(query);
  if (titleWords.length === 0 || typed.length === 0) return 0;
  const matched = titleWords.filter((word) =>
    typed.some(
      (term) => commonPrefix(word, term) >= Math.min(term.length, Math.max(4, term.length - 3)),
    ),
  );
  return matched.length / titleWords.length;
}

/**
 * The first results in runs of near ties: each run holds the results Pagefind scores within 1 %
 * of the run's first. Known from the scores alone, before any result's title is loaded, so
 * each run can be shown as soon as its own titles are in.
 */
export function tieGroups(
  results: readonly Pick<PagefindResult, 'score'>[],
  query: string,
): number[][] {
  const indices = results.map((_, index) => index);
  if (!query) return indices.map((index) => [index]);
  const groups: number[][] = [];
  for (const index of indices) {
    const group = groups.at(-1);
    const top = group ? (results[group[0] as number] as PagefindResult).score : 0;
    if (group && (results[index] as PagefindResult).score >= top * 0.99) group.push(index);
    else groups.push([index]);
  }
  return groups;
}

/** One run of near ties (positions in `data`) ordered by how much of each title the query covers. */
export function byTitleCoverage(
  group: readonly number[],
  data: readonly Pick<PagefindResultData, 'meta'>[],
  query: string,
): number[] {
  const coverage = new Map(
    group.map((index) => [index, titleCoverage(data[index]?.meta.title ?? '', query)]),
  );
  return [...group].sort((a, b) => (coverage.get(b) as number) - (coverage.get(a) as number));
}

/**
 * The order of the first results, with near ties broken by the title. Pagefind's title boost
 * is the same for every title that contains the word, however long: among results it scores
 * within 1 % of each other, the title the query covers more comes first ("Vårdens medarbetare"
 * before "Goda förutsättningar för vårdens medarbetare"). Only the first results are reordered:
 * they are the ones whose titles are loaded.
 */
export function breakTies(
  results: readonly Pick<PagefindResult, 'score'>[],
  data: readonly Pick<PagefindResultData, 'meta'>[],
  query: string,
): number[] {
  return tieGroups(results, query).flatMap((group) => byTitleCoverage(group, data, query));
}

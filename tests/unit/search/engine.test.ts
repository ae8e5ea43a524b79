// The search engine (src/browser/search/engine.ts) against a fake Pagefind: a few pages held in
// memory, searched the way Pagefind searches (words as prefixes, diacritics exact or folded,
// filters any-of within a group, a date sort that leaves undated pages out).
import { describe, expect, it } from 'vitest';
import {
  SearchEngine,
  breakTies,
  tieGroups,
  titleCoverage,
} from '../../../src/browser/search/engine.ts';
import type {
  FilterCounts,
  Pagefind,
  PagefindResponse,
  PagefindSearchOptions,
} from '../../../src/browser/search/pagefind.ts';
import {
  EMPTY_STATE,
  type FilterValueMaps,
  type SearchState,
} from '../../../src/lib/search/url-state.ts';

interface FakePage {
  id: string;
  title: string;
  text: string;
  score: number;
  date?: string;
  filters: Record<string, string[]>;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A Pagefind over `pages`, recording each call. */
function fakePagefind(pages: FakePage[]) {
  let exact = true;
  const calls: {
    term: string | null;
    options: PagefindSearchOptions | undefined;
    exact: boolean;
  }[] = [];
  let filterLoads = 0;
  const countsOf = (matched: FakePage[]): FilterCounts => {
    const counts: FilterCounts = {};
    for (const page of pages)
      for (const [key, values] of Object.entries(page.filters))
        for (const value of values) {
          counts[key] ??= {};
          counts[key][value] ??= 0;
          if (matched.includes(page)) counts[key][value]++;
        }
    return counts;
  };
  const api: Pagefind = {
    async options(options) {
      if (typeof options.exactDiacritics === 'boolean') exact = options.exactDiacritics;
    },
    async init() {},
    async preload() {},
    async filters() {
      filterLoads++;
      return countsOf(pages);
    },
    async search(term, options): Promise<PagefindResponse> {
      calls.push({ term, options, exact });
      const norm = (text: string) => (exact ? text.toLowerCase() : fold(text));
      let matched = pages.filter((page) => {
        if (term === null) return true;
        const words = norm(`${page.title} ${page.text}`).split(/\s+/);
        return norm(term)
          .split(/\s+/)
          .every((typed) => words.some((word) => word.startsWith(typed)));
      });
      for (const [key, filter] of Object.entries(options?.filters ?? {}))
        matched = matched.filter((page) =>
          filter.any.some((value) => page.filters[key]?.includes(value)),
        );
      matched = [...matched].sort((a, b) => b.score - a.score);
      if (options?.sort?.date) {
        const direction = options.sort.date === 'desc' ? -1 : 1;
        matched = matched
          .filter((page) => page.date)
          .sort((a, b) => direction * (a.date as string).localeCompare(b.date as string));
      }
      return {
        results: matched.map((page) => ({
          id: page.id,
          score: page.score,
          data: async () => ({
            url: `/${page.id}/`,
            excerpt: page.text,
            meta: { title: page.title },
            sub_results: [],
          }),
        })),
        filters: countsOf(matched),
        totalFilters: countsOf(pages),
      };
    },
  };
  return { api, calls, filterLoads: () => filterLoads, exact: () => exact };
}

const PAGES: FakePage[] = [
  {
    id: 'fardplan',
    title: 'Gemensam färdplan',
    text: 'färdplan för nära vård',
    score: 9,
    date: '2019-11',
    filters: { typ: ['Program'], region: ['Västra Götaland'] },
  },
  {
    id: 'beljic',
    title: 'Lidija Beljic',
    text: 'utvecklingsledare',
    score: 8,
    filters: { typ: ['Kontaktperson'], region: ['Fyrbodal', 'Västra Götaland'] },
  },
  {
    id: 'strangnas',
    title: 'Nära vård i Strängnäs',
    text: 'demens och nära vård',
    score: 7,
    date: '2022-08',
    filters: { typ: ['Program'], region: ['Södermanland'] },
  },
  {
    id: 'tema',
    title: 'Egenvård',
    text: 'egenvård nära vård',
    score: 6,
    filters: { typ: ['Tema'] },
  },
];
const MAPS: FilterValueMaps = {
  region: new Map([
    ['vastra-gotaland', 'Västra Götaland'],
    ['sodermanland', 'Södermanland'],
    ['fyrbodal', 'Fyrbodal'],
  ]),
  typ: new Map([
    ['Program', 'Program'],
    ['Kontaktperson', 'Kontaktperson'],
    ['Tema', 'Tema'],
  ]),
  tema: new Map(),
};
const state = (partial: Partial<SearchState>): SearchState => ({ ...EMPTY_STATE, ...partial });

describe('a search', () => {
  it('matches words as typed first, diacritics included', async () => {
    const fake = fakePagefind(PAGES);
    const outcome = await new SearchEngine(fake.api, MAPS).find(state({ q: 'färdplan' }), false);
    expect(outcome.hits.map((hit) => hit.id)).toEqual(['fardplan']);
    expect(outcome.loosened).toBe(false);
    expect(fake.calls.every((call) => call.exact)).toBe(true);
  });

  it('with no exact match, retries with diacritics folded, says so, and is exact again after', async () => {
    for (const [q, id] of [
      ['fardplan', 'fardplan'],
      ['Beljić', 'beljic'],
    ] as const) {
      const fake = fakePagefind(PAGES);
      const outcome = await new SearchEngine(fake.api, MAPS).find(state({ q }), false);
      expect(
        outcome.hits.map((hit) => hit.id),
        q,
      ).toEqual([id]);
      expect(outcome.loosened, q).toBe(true);
      expect(
        fake.calls.map((call) => call.exact),
        q,
      ).toEqual([true, false]);
      expect(fake.exact(), q).toBe(true);
    }
  });

  it('finding nothing either way, is not loosened and leaves the search exact', async () => {
    const fake = fakePagefind(PAGES);
    const outcome = await new SearchEngine(fake.api, MAPS).find(state({ q: 'roadmap' }), false);
    expect(outcome).toMatchObject({ hits: [], loosened: false });
    expect(fake.exact()).toBe(true);
  });

  it('by date puts the pages without a date after the dated ones, and says so', async () => {
    const fake = fakePagefind(PAGES);
    const outcome = await new SearchEngine(fake.api, MAPS).find(
      state({ q: 'nära', sort: 'datum' }),
      false,
    );
    expect(outcome.hits.map((hit) => hit.id)).toEqual(['strangnas', 'fardplan', 'tema']);
    expect(outcome.undatedLast).toBe(true);
  });

  it('narrows by filters, and counts each group without its own choices', async () => {
    const fake = fakePagefind(PAGES);
    const engine = new SearchEngine(fake.api, MAPS);
    const outcome = await engine.find(
      state({ q: 'nära', typ: ['Program'], region: ['sodermanland'] }),
      true,
    );
    expect(outcome.hits.map((hit) => hit.id)).toEqual(['strangnas']);
    // Ticking Västra Götaland as well would add the färdplan: the region counts ignore the region choice.
    expect(outcome.counts?.region['Västra Götaland']).toBe(1);
    expect(outcome.counts?.typ).toMatchObject({ Program: 1, Tema: 0 });
    expect(fake.filterLoads()).toBe(1);
    expect(engine.countsLoaded).toBe(true);
  });

  it('does not load the filter chunks unless counts are asked for', async () => {
    const fake = fakePagefind(PAGES);
    const engine = new SearchEngine(fake.api, MAPS);
    const outcome = await engine.find(state({ q: 'nära' }), false);
    expect(outcome.counts).toBeUndefined();
    expect(fake.filterLoads()).toBe(0);
    expect(engine.countsLoaded).toBe(false);
  });

  it('with filters, tells how many the words find without them', async () => {
    const engine = new SearchEngine(fakePagefind(PAGES).api, MAPS);
    expect(await engine.unfilteredCount(state({ q: 'egenvård', typ: ['Kontaktperson'] }))).toBe(1);
    expect(await engine.unfilteredCount(state({ q: 'egenvård' }))).toBe(0);
  });
});

describe('near ties', () => {
  it('go to the title the query covers more', () => {
    expect(titleCoverage('Vårdens medarbetare', 'medarbetarna')).toBe(0.5);
    expect(titleCoverage('Goda förutsättningar för vårdens medarbetare', 'medarbetarna')).toBe(0.2);
    const order = breakTies(
      [{ score: 11.55 }, { score: 11.543 }, { score: 9 }],
      [
        { meta: { title: 'Goda förutsättningar för vårdens medarbetare' } },
        { meta: { title: 'Vårdens medarbetare' } },
        { meta: { title: 'Medarbetare' } },
      ],
      'medarbetarna',
    );
    expect(order).toEqual([1, 0, 2]);
  });

  it('keep Pagefind’s order when scores differ by more than 1 %', () => {
    const order = breakTies(
      [{ score: 12 }, { score: 11 }],
      [
        { meta: { title: 'Lång titel om medarbetare och annat' } },
        { meta: { title: 'Medarbetare' } },
      ],
      'medarbetare',
    );
    expect(order).toEqual([0, 1]);
  });

  it('are known from the scores alone, so the first run shows before later titles load', () => {
    const scores = [{ score: 20 }, { score: 11.55 }, { score: 11.5 }, { score: 9 }];
    expect(tieGroups(scores, 'medarbetarna')).toEqual([[0], [1, 2], [3]]);
    // Without words there is nothing to break ties with: each result on its own.
    expect(tieGroups(scores, '')).toEqual([[0], [1], [2], [3]]);
  });
});

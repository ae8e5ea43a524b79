import { describe, expect, it } from 'vitest';
import {
  EMPTY_STATE,
  isEmptySearch,
  knownValuesOnly,
  pagefindFilters,
  parseSearchState,
  searchHref,
  searchStateToParams,
  type FilterValueMaps,
} from '../../../src/lib/search/url-state.ts';

const maps: FilterValueMaps = {
  region: new Map([
    ['vastra-gotaland', 'Västra Götaland'],
    ['fyrbodal', 'Fyrbodal'],
  ]),
  typ: new Map([
    ['Program', 'Program'],
    ['Målbild', 'Målbild'],
  ]),
  tema: new Map([['egenvard', 'Egenvård']]),
};

describe('the search URL', () => {
  it('reads query, filters and sort from the parameters', () => {
    const state = parseSearchState(
      new URLSearchParams('q=egenvård&region=vastra-gotaland&typ=Program&sort=datum'),
    );
    expect(state).toEqual({
      q: 'egenvård',
      region: ['vastra-gotaland'],
      typ: ['Program'],
      tema: [],
      sort: 'datum',
    });
  });

  it('writes the same parameters back in a fixed order', () => {
    const params = 'q=egenv%C3%A5rd&region=vastra-gotaland&typ=Program&sort=datum';
    expect(searchStateToParams(parseSearchState(new URLSearchParams(params))).toString()).toBe(
      params,
    );
  });

  it('accepts comma-separated and repeated filter values without duplicates', () => {
    const state = parseSearchState(
      new URLSearchParams('region=fyrbodal,vastra-gotaland&region=fyrbodal'),
    );
    expect(state.region).toEqual(['fyrbodal', 'vastra-gotaland']);
  });

  it('matches type labels regardless of case', () => {
    expect(parseSearchState(new URLSearchParams('typ=målbild&typ=PROGRAM')).typ).toEqual([
      'Målbild',
      'Program',
    ]);
  });

  it('falls back to relevance for an unknown sort and leaves the default out of URLs', () => {
    const state = parseSearchState(new URLSearchParams('q=x&sort=slumpvis'));
    expect(state.sort).toBe('relevans');
    expect(searchHref('/sok/', state)).toBe('/sok/?q=x');
  });

  it('collapses whitespace in the query and treats a blank search as empty', () => {
    const state = parseSearchState(new URLSearchParams('q=%20%20egen%20%20%20vård%20'));
    expect(state.q).toBe('egen vård');
    expect(isEmptySearch(parseSearchState(new URLSearchParams('q=%20&sort=datum')))).toBe(true);
    expect(searchHref('/sok/', EMPTY_STATE)).toBe('/sok/');
  });
});

describe('the Pagefind filters of a search', () => {
  it('maps slugs to names and lets any chosen value in a group match', () => {
    const state = parseSearchState(
      new URLSearchParams('region=fyrbodal&region=vastra-gotaland&tema=egenvard'),
    );
    expect(pagefindFilters(state, maps)).toEqual({
      region: { any: ['Fyrbodal', 'Västra Götaland'] },
      tema: { any: ['Egenvård'] },
    });
  });

  it('leaves out one group when asked, to count that group’s options', () => {
    const state = parseSearchState(new URLSearchParams('region=fyrbodal&typ=Program'));
    expect(pagefindFilters(state, maps, 'region')).toEqual({ typ: { any: ['Program'] } });
  });

  it('drops values the site does not know', () => {
    const state = parseSearchState(new URLSearchParams('region=atlantis&typ=Program'));
    expect(pagefindFilters(state, maps)).toEqual({ typ: { any: ['Program'] } });
    expect(knownValuesOnly(state, maps).region).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { formatSwedishDate } from '../../../src/lib/search/dates.ts';
import { resultStatus } from '../../../src/lib/search/messages.ts';

describe('Swedish dates', () => {
  it('shows a day, a month or a year as precise as the ISO date is', () => {
    expect(formatSwedishDate('2020-09-01')).toBe('1 september 2020');
    expect(formatSwedishDate('2022-08')).toBe('augusti 2022');
    expect(formatSwedishDate('2030')).toBe('2030');
  });

  it('leaves a string that is not an ISO date as it is', () => {
    expect(formatSwedishDate('hösten 2020')).toBe('hösten 2020');
  });
});

describe('the result status', () => {
  it('counts hits for a query in Swedish, singular and plural', () => {
    expect(resultStatus(12, 'egenvård', false)).toBe('12 träffar för ”egenvård”.');
    expect(resultStatus(1, 'Beljic', false)).toBe('1 träff för ”Beljic”.');
  });

  it('says so when nothing matches', () => {
    expect(resultStatus(0, 'xyz', false)).toBe('Inga träffar för ”xyz”.');
  });

  it('mentions the filters when they narrow the search', () => {
    expect(resultStatus(3, 'egenvård', true)).toBe('3 träffar för ”egenvård” med valda filter.');
    expect(resultStatus(5, '', true)).toBe('5 träffar med valda filter.');
  });
});

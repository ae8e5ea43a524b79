// Document ids: every synthetic id starts with `syn-`, numbered ids are zero-padded so that
// string order is number order.
import { pad } from './dates.ts';

export const ID_PREFIX = 'syn-';

export function idList(type: string, count: number): string[] {
  const width = Math.max(5, String(count).length);
  return Array.from(
    { length: count },
    (_, index) => `${ID_PREFIX}${type}-${pad(index + 1, width)}`,
  );
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

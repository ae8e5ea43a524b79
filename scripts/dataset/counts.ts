// How many documents of each type: regions and themes are fixed, the other types share the
// rest of the requested size.
import { COUNTIES, SUB_REGIONS } from './kommuner.ts';
import { THEMES } from './vocabulary.ts';

/** Types whose count scales with N, and their share of what is left after regions and themes. */
export const SCALED_SHARES = {
  delprojekt: 0.14,
  dokument: 0.34,
  handelse: 0.2,
  kalla: 0.08,
  kontaktperson: 0.14,
  malbild: 0.02,
  programme: 0.08,
} as const;
export type ScaledType = keyof typeof SCALED_SHARES;
const SCALED_TYPES = Object.keys(SCALED_SHARES) as ScaledType[];

export const REGION_COUNT =
  COUNTIES.length +
  SUB_REGIONS.length +
  COUNTIES.reduce((sum, county) => sum + county.municipalities.length, 0);
export const FIXED_COUNT = REGION_COUNT + THEMES.length;
export const MIN_DOCS = FIXED_COUNT + SCALED_TYPES.length;

export type Counts = Record<ScaledType | 'region' | 'tema', number>;

/** How many documents of each type a dataset of `docs` documents has (exactly `docs` in all). */
export function planCounts(docs: number): Counts {
  if (!Number.isInteger(docs) || docs < MIN_DOCS) {
    throw new Error(
      `--docs must be an integer ≥ ${MIN_DOCS} (regions and themes alone are ${FIXED_COUNT})`,
    );
  }
  const rest = docs - FIXED_COUNT - SCALED_TYPES.length; // one of each scaled type first
  const exact = SCALED_TYPES.map((type) => rest * SCALED_SHARES[type]);
  const counts = SCALED_TYPES.map((_, index) => Math.floor(exact[index] as number));
  let left = rest - counts.reduce((sum, count) => sum + count, 0);
  // Largest remainder, ties by type order: deterministic.
  const order = SCALED_TYPES.map((_, index) => index).sort(
    (a, b) =>
      (exact[b] as number) -
        (counts[b] as number) -
        ((exact[a] as number) - (counts[a] as number)) || a - b,
  );
  for (const index of order) {
    if (left === 0) break;
    counts[index] = (counts[index] as number) + 1;
    left -= 1;
  }
  const result = { region: REGION_COUNT, tema: THEMES.length } as Counts;
  SCALED_TYPES.forEach((type, index) => (result[type] = (counts[index] as number) + 1));
  return result;
}

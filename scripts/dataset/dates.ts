// Dates as the sources print them: at year, month or day precision, and in words.
import { SWEDISH_MONTHS } from '../../src/lib/search/dates.ts';
import type { Random } from './random.ts';

/** Fixed "today" of the dataset: statuses are read against it. */
export const REFERENCE_YEAR = 2026;

export interface IsoDateParts {
  year: number;
  month?: number;
  day?: number;
}

export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function isoDate(parts: IsoDateParts): string {
  if (parts.month === undefined) return String(parts.year);
  if (parts.day === undefined) return `${parts.year}-${pad(parts.month)}`;
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date in `year` at year, month or day precision, as sources print them. */
export function randomDate(random: Random, year: number, precision = random.next()): IsoDateParts {
  if (precision < 0.3) return { year };
  const month = random.between(1, 12);
  if (precision < 0.65) return { year, month };
  return { year, month, day: random.between(1, daysIn(year, month)) };
}

/** The printed form a source would use: "hösten 2020", "augusti 2022", "14 maj 2021". */
export function dateText(random: Random, parts: IsoDateParts): string {
  if (parts.month === undefined) return random.chance(0.5) ? `år ${parts.year}` : `${parts.year}`;
  const month = SWEDISH_MONTHS[parts.month - 1] as string;
  if (parts.day === undefined) {
    if (random.chance(0.3)) {
      const season = parts.month <= 5 ? 'våren' : parts.month <= 8 ? 'sommaren' : 'hösten';
      return `${season} ${parts.year}`;
    }
    return `${month} ${parts.year}`;
  }
  return `${parts.day} ${month} ${parts.year}`;
}

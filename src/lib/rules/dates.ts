// Dates with the precision the source gives (2020, 2020-09, 2020-09-01), Sanity's system
// timestamps, periods, and whether a status fits its period.

export const ISO_DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const ISO_DATE_FORMAT_MESSAGE =
  'Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, till exempel 2020, 2020-09 eller 2020-09-01. ' +
  'Ange det bara så exakt som källan gör: står det "hösten 2020", skriv 2020.';

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthProblem(month: number): string {
  return `Månaden ${String(month).padStart(2, '0')} finns inte: skriv en månad mellan 01 och 12.`;
}

function dayProblem(date: string, days: number): string {
  return `Datumet ${date} finns inte i kalendern: månaden har ${days} dagar.`;
}

/** A Swedish message, or undefined when `value` is a real date of any precision. */
export function isoDateProblem(value: string): string | undefined {
  if (!ISO_DATE_PATTERN.test(value)) return ISO_DATE_FORMAT_MESSAGE;
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?];
  if (month !== undefined && (month < 1 || month > 12)) return monthProblem(month);
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month)))
    return dayProblem(value, daysInMonth(year, month));
  return undefined;
}

export function isIsoDate(value: string): boolean {
  return isoDateProblem(value) === undefined;
}

/**
 * Compares two isoDates of any precision: `2020` and `2020-09` overlap, so neither is
 * before the other. Negative when `a` lies wholly before `b`, positive when wholly after,
 * 0 when they overlap.
 */
export function compareIsoDates(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  return left < right ? -1 : left > right ? 1 : 0;
}

const TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export const TIMESTAMP_MESSAGE =
  'Tidsstämpeln ska vara en riktig tidpunkt som 2026-11-23T09:00:00Z. Den sätts av Sanity: ' +
  'exportera dokumentet på nytt i stället för att skriva den för hand.';

/**
 * A problem with a system timestamp (`_createdAt`, `_updatedAt`), or undefined. Date.parse
 * rolls 2026-02-30 over into March, so the calendar is checked field by field.
 */
export function timestampProblem(value: string): string | undefined {
  const match = TIMESTAMP_PATTERN.exec(value);
  if (!match) return TIMESTAMP_MESSAGE;
  const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part))) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return TIMESTAMP_MESSAGE;
  if (hour > 23 || minute > 59 || second > 59 || offsetHour > 23 || offsetMinute > 59)
    return TIMESTAMP_MESSAGE;
  return undefined;
}

export const PERIOD_ORDER_MESSAGE =
  'Perioden slutar före den börjar: slutdatumet ska vara samma som eller senare än startdatumet.';

export interface PeriodValue {
  start?: string | null | undefined;
  end?: string | null | undefined;
  text?: string | null | undefined;
}

/** The period's end may not lie wholly before its start; malformed dates are the date rule's. */
export function periodOrderProblem(period: PeriodValue | null | undefined): string | undefined {
  const start = period?.start;
  const end = period?.end;
  if (!start || !end || !isIsoDate(start) || !isIsoDate(end)) return undefined;
  return compareIsoDates(start, end) <= 0 ? undefined : PERIOD_ORDER_MESSAGE;
}

// One formatter for every call: making one costs far more than formatting a date, and the
// check asks for today's date once per document with a status.
const SWEDISH_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today as `YYYY-MM-DD` in Swedish time, the editors' and visitors' calendar. */
export function todayInSweden(now: Date = new Date()): string {
  return SWEDISH_DATE.format(now);
}

export const ENDED_IN_FUTURE_MESSAGE =
  'Statusen är Avslutat, men perioden slutar först i framtiden. Kontrollera mot källan: ' +
  'ändra statusen till Pågående eller rätta slutdatumet.';
export const ENDED_BEFORE_START_MESSAGE =
  'Statusen är Avslutat, men perioden har inte börjat än. Kontrollera mot källan: ' +
  'ändra statusen till Planerat eller rätta startdatumet.';
export const PLANNED_BUT_OVER_MESSAGE =
  'Statusen är Planerat, men perioden har redan slutat. Kontrollera mot källan: ' +
  'ändra statusen till Avslutat eller rätta slutdatumet.';

/**
 * A warning when the status contradicts the period as of `today` (YYYY-MM-DD): the site
 * shows both, so a reader would see two different stories. A warning, not an error: the
 * source may say exactly that (a project ended early, a plan that was never carried out).
 */
export function statusPeriodWarning(
  status: unknown,
  period: PeriodValue | null | undefined,
  today: string = todayInSweden(),
): string | undefined {
  const start = period?.start && isIsoDate(period.start) ? period.start : undefined;
  const end = period?.end && isIsoDate(period.end) ? period.end : undefined;
  if (status === 'avslutat') {
    if (end && compareIsoDates(end, today) > 0) return ENDED_IN_FUTURE_MESSAGE;
    if (!end && start && compareIsoDates(start, today) > 0) return ENDED_BEFORE_START_MESSAGE;
  }
  if (status === 'planerat' && end && compareIsoDates(end, today) < 0)
    return PLANNED_BUT_OVER_MESSAGE;
  return undefined;
}

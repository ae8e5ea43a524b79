// Swedish display of the content model's ISO dates of any precision (`2020`, `2020-09`, `2020-09-01`).

export const SWEDISH_MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** `2020-09-01` → `1 september 2020`, `2020-09` → `september 2020`, `2020` → `2020`; anything else as given. */
export function formatSwedishDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const monthName = month ? SWEDISH_MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year as string;
  if (!day) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

// Swedish display helpers shared by the site's components: dates of any precision,
// timestamps, phone links and the labels of the content model's enumerations.
import type { DOKUMENT_KINDS, REGION_KINDS, STATUSES, Period } from '../content/schemas.ts';
import { formatSwedishDate } from '../search/dates.ts';
import { NATIONAL_EVENT_LABEL } from '../search/labels.ts';

export { formatSwedishDate, NATIONAL_EVENT_LABEL };

const TIMESTAMP = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** `2026-11-23T09:00:00Z` → `23 november 2026` (Swedish time). Anything unparsable as given. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIMESTAMP.format(date);
}

// Made once: building a formatter with a time zone costs ~0.5 ms, and a build formats a date on
// every page (it was 2.6 % of a 10,000-page build's profile when made per call).
const DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** The calendar day of a timestamp in Swedish time, `YYYY-MM-DD` (for `<time datetime>`). */
export function timestampDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return DAY.format(date);
}

/**
 * A `tel:` address from a Swedish number as printed (`031-335 51 76`, `073 - 8037311`):
 * digits only, in +46 form. Undefined when the text holds too few digits to be a number.
 */
export function telHref(printed: string): string | undefined {
  const trimmed = printed.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    // already international
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
  } else if (digits.startsWith('0')) {
    digits = `46${digits.slice(1)}`;
  } else {
    return undefined;
  }
  return digits.length >= 8 ? `tel:+${digits}` : undefined;
}

/** A `mailto:` address, or undefined for anything that is not a plain e-mail address. */
export function mailtoHref(email: string): string | undefined {
  const trimmed = email.trim();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(trimmed) ? `mailto:${trimmed}` : undefined;
}

export const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  planerat: 'Planerat',
  pagaende: 'Pågående',
  avslutat: 'Avslutat',
  okand: 'Anges inte i källan',
};

/** A status worth showing in a list's one-line meta: an unknown one says nothing there. */
export function listStatusLabel(status: (typeof STATUSES)[number] | null | undefined) {
  return status && status !== 'okand' ? STATUS_LABELS[status] : undefined;
}

export const REGION_KIND_LABELS: Record<(typeof REGION_KINDS)[number], string> = {
  lan: 'Län och region',
  delregion: 'Kommunalförbund och delregion',
  kommun: 'Kommun',
};

export const DOKUMENT_KIND_LABELS: Record<(typeof DOKUMENT_KINDS)[number], string> = {
  rapport: 'Rapport',
  bildspel: 'Bildspel',
  inspelning: 'Inspelning',
  avsiktsforklaring: 'Avsiktsförklaring',
  malbild: 'Målbild',
  utredning: 'Utredning',
  overenskommelse: 'Överenskommelse',
  avtal: 'Avtal',
  strategi: 'Strategi',
  inbjudan: 'Inbjudan',
  resultat: 'Resultat',
  webbsida: 'Webbsida',
};

/** A period as text: the printed text when there is one, else `1 juli 2021 – 2022`. */
export function formatPeriod(period: Period | null | undefined): string | undefined {
  if (!period) return undefined;
  if (period.text) return period.text;
  const start = period.start ? formatSwedishDate(period.start) : undefined;
  const end = period.end ? formatSwedishDate(period.end) : undefined;
  if (start && end) return `${start} – ${end}`;
  if (start) return `Från ${start}`;
  if (end) return `Till ${end}`;
  return undefined;
}

/** Swedish list join: `a, b och c`. */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/**
 * Where an event happened, as a list or a page labels it: "Nationellt" for a national event
 * (its regions only mention it), else its regions ("Fyrbodal och Västra Götaland").
 */
export function eventPlace(event: {
  scope?: string | null;
  regions: readonly { title: string }[];
}): string {
  return event.scope === 'nationell'
    ? NATIONAL_EVENT_LABEL
    : joinSv(event.regions.map((region) => region.title));
}

/** Swedish collation for sorting names and titles. */
export const byNameSv = (a: string, b: string): number => a.localeCompare(b, 'sv');

/**
 * The source's own wording of a date when it says more than the ISO date does ("hösten 2020",
 * "mars–juni"); undefined when it only repeats it ("år 2017", "1 september 2020").
 */
export function printedDateNote(
  iso: string,
  printed: string | null | undefined,
): string | undefined {
  if (!printed) return undefined;
  const normalise = (text: string) =>
    text
      .toLocaleLowerCase('sv')
      .replace(/^år\s+/, '')
      .replace(/\s+/g, ' ')
      .trim();
  return normalise(printed) === normalise(formatSwedishDate(iso)) ? undefined : printed;
}

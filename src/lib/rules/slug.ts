// Slugs: the last segment of a page's address, and a folder name in the built site.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Long enough for any heading the sources give, short enough to read in an address. */
export const SLUG_MAX_LENGTH = 96;

export const SLUG_FORMAT_MESSAGE =
  'Slugen får bara innehålla små bokstäver a–z, siffror och enkla bindestreck mellan orden. ' +
  'Skriv å och ä som a och ö som o, till exempel "vardens-medarbetare" för "Vårdens medarbetare". ' +
  'Klicka på Generera för att skapa den från rubriken.';

export function slugTooLongMessage(length: number): string {
  return `Slugen är ${length} tecken lång: korta den till högst ${SLUG_MAX_LENGTH} tecken, till exempel genom att ta bort ord som inte behövs.`;
}

export function isValidSlug(value: string): boolean {
  return SLUG_PATTERN.test(value) && value.length <= SLUG_MAX_LENGTH;
}

/** A problem with a slug's `current` (format, length); emptiness is the required rule's. */
export function slugProblem(current: string): string | undefined {
  if (current === '') return undefined;
  if (!SLUG_PATTERN.test(current)) return SLUG_FORMAT_MESSAGE;
  if (current.length > SLUG_MAX_LENGTH) return slugTooLongMessage(current.length);
  return undefined;
}

export function slugNotUniqueMessage(slug: string, others: readonly string[]): string {
  return `Slugen "${slug}" används redan av ett annat dokument av samma typ (${others.join(', ')}): ändra den så att webbadressen blir unik.`;
}

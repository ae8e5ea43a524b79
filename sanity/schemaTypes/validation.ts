// The content model's rules live here, in one place, as plain functions: the schema
// types wire them into Sanity, and the tests call them directly (the rules that ask the
// Content Lake cannot run in the offline `sanity documents validate`).
import type { CustomValidatorResult, SlugIsUniqueValidator, ValidationContext } from 'sanity';

/** API version for the validators' own queries. */
export const VALIDATION_API_VERSION = '2025-02-19';

// ---------------------------------------------------------------------------
// Slugs

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const SLUG_FORMAT_MESSAGE =
  'Slugen får bara innehålla små bokstäver a–z, siffror och enkla bindestreck mellan orden. ' +
  'Skriv å och ä som a och ö som o, till exempel "vardens-medarbetare" för "Vårdens medarbetare". ' +
  'Klicka på Generera för att skapa den från rubriken.';

export function isValidSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** Field-level rule for a slug value (`{current}`); emptiness is left to `required()`. */
export function validateSlugFormat(value: { current?: string } | undefined): CustomValidatorResult {
  const current = value?.current;
  if (current === undefined || current === '') return true;
  return isValidSlug(current) ? true : SLUG_FORMAT_MESSAGE;
}

/** Ids of a document and its draft, so that a draft does not collide with its own published version. */
export function idPair(id: string): { published: string; draft: string } {
  const published = publishedId(id);
  return { published, draft: `drafts.${published}` };
}

export function publishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length);
  // Release versions are `versions.<release>.<id>`.
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.');
  return id;
}

export const SLUG_UNIQUE_QUERY =
  '!defined(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published]) && !(_id in path("versions.**"))][0]._id)';

/**
 * Slugs are unique per document type: a programme and a målbild may share a slug
 * (their URLs differ), two programmes may not.
 */
export const isUniqueSlugPerType: SlugIsUniqueValidator = async (slug, context) => {
  const { document } = context;
  if (!document) return true;
  const { published, draft } = idPair(document._id);
  const client = context.getClient({ apiVersion: VALIDATION_API_VERSION });
  return client.fetch<boolean>(SLUG_UNIQUE_QUERY, { type: document._type, slug, published, draft });
};

// ---------------------------------------------------------------------------
// Dates: ISO 8601 strings with the precision the source gives (2020, 2020-09, 2020-09-01)

export const ISO_DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const ISO_DATE_FORMAT_MESSAGE =
  'Skriv datumet som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, till exempel 2020, 2020-09 eller 2020-09-01. ' +
  'Ange det bara så exakt som källan gör: står det "hösten 2020", skriv 2020.';

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Returns a Swedish error message, or undefined when `value` is a real date of any precision. */
export function isoDateProblem(value: string): string | undefined {
  if (!ISO_DATE_PATTERN.test(value)) return ISO_DATE_FORMAT_MESSAGE;
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?];
  if (month !== undefined && (month < 1 || month > 12)) {
    return `Månaden ${String(month).padStart(2, '0')} finns inte: skriv en månad mellan 01 och 12.`;
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return `Datumet ${value} finns inte i kalendern: månaden har ${daysInMonth(year, month)} dagar.`;
  }
  return undefined;
}

export function isIsoDate(value: string): boolean {
  return isoDateProblem(value) === undefined;
}

export function validateIsoDate(value: unknown): CustomValidatorResult {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'string') return ISO_DATE_FORMAT_MESSAGE;
  return isoDateProblem(value) ?? true;
}

/**
 * Compares two isoDates of any precision: `2020` and `2020-09` overlap, so neither is
 * before the other. Returns a negative number when `a` is wholly before `b`, a positive
 * number when wholly after, and 0 when they overlap.
 */
export function compareIsoDates(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  return left < right ? -1 : left > right ? 1 : 0;
}

export const PERIOD_ORDER_MESSAGE =
  'Perioden slutar före den börjar: slutdatumet ska vara samma som eller senare än startdatumet.';

/** Object-level rule for `period`: the end may not lie wholly before the start. */
export function validatePeriod(
  value:
    { start?: string | undefined; end?: string | undefined; text?: string | undefined } | undefined,
): CustomValidatorResult {
  const start = value?.start;
  const end = value?.end;
  // Malformed dates get their own message from the field rule.
  if (!start || !end || !isIsoDate(start) || !isIsoDate(end)) return true;
  return compareIsoDates(start, end) <= 0 ? true : { message: PERIOD_ORDER_MESSAGE, path: ['end'] };
}

// ---------------------------------------------------------------------------
// Contact details, kept as printed

export const PHONE_MESSAGE =
  'Skriv ett svenskt telefonnummer som det står i källan, med siffror, mellanslag och bindestreck, ' +
  'till exempel 031-335 51 76, 073 - 8037311 eller +46 31 335 51 76. Numret ska börja med 0 eller +46.';

/**
 * Swedish numbers as printed: digits, spaces and hyphens, starting with 0 or +46,
 * 8–13 digits in all (the country code counts).
 */
export function isSwedishPhone(value: string): boolean {
  const trimmed = value.trim();
  if (!/^(?:\+46|0)[\d -]*\d$/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 13;
}

export function validatePhone(value: unknown): CustomValidatorResult {
  if (value === undefined || value === null || value === '') return true;
  return typeof value === 'string' && isSwedishPhone(value) ? true : PHONE_MESSAGE;
}

export const EMAIL_MESSAGE =
  'Skriv en e-postadress som namn@exempel.se, utan mellanslag och utan "mailto:".';

export function isEmail(value: string): boolean {
  return /^[^\s@:]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(value);
}

export function validateEmail(value: unknown): CustomValidatorResult {
  if (value === undefined || value === null || value === '') return true;
  return typeof value === 'string' && isEmail(value) ? true : EMAIL_MESSAGE;
}

// ---------------------------------------------------------------------------
// Addresses

/** Web addresses in documents: only http and https, never javascript:, file: or ftp:. */
export const WEB_SCHEMES = ['http', 'https'];

/** Links in running text may also open an e-mail or dial a number. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];

// ---------------------------------------------------------------------------
// Attachments: a file or an external address, exactly one

export const ATTACHMENT_MESSAGE_NONE =
  'Ladda upp en fil eller skriv en webbadress, eller ta bort bilagan om källan inte ger någon av dem.';
export const ATTACHMENT_MESSAGE_BOTH =
  'Välj antingen en fil eller en webbadress, inte båda: ta bort den ena.';

export function validateAttachment(
  value: { file?: { asset?: { _ref?: string } } | null; url?: string | null } | undefined,
): CustomValidatorResult {
  if (value === undefined) return true;
  const hasFile = Boolean(value.file?.asset?._ref);
  const hasUrl = typeof value.url === 'string' && value.url.trim() !== '';
  if (hasFile && hasUrl) return ATTACHMENT_MESSAGE_BOTH;
  if (!hasFile && !hasUrl) return ATTACHMENT_MESSAGE_NONE;
  return true;
}

// ---------------------------------------------------------------------------
// Financing: an empty object says nothing

export const FINANCING_MESSAGE =
  'Beskriv finansieringen eller ange minst en finansiär, eller ta bort fältet.';

export function validateFinancing(
  value: { description?: string; funders?: string[] } | undefined,
): CustomValidatorResult {
  if (value === undefined) return true;
  const hasDescription = typeof value.description === 'string' && value.description.trim() !== '';
  const hasFunders = Array.isArray(value.funders) && value.funders.length > 0;
  return hasDescription || hasFunders ? true : FINANCING_MESSAGE;
}

/**
 * Messages of the rules that sit on object-typed values (slug, period, attachment,
 * financing). `sanity documents validate` reports these as warnings, because it adds an
 * unknown-fields check to object values with `.warning()`, which lowers the whole rule
 * chain; the Studio reports them as errors. Checks of whole datasets treat them as errors.
 */
export const OBJECT_RULE_MESSAGES = [
  SLUG_FORMAT_MESSAGE,
  PERIOD_ORDER_MESSAGE,
  ATTACHMENT_MESSAGE_NONE,
  ATTACHMENT_MESSAGE_BOTH,
  FINANCING_MESSAGE,
];

// ---------------------------------------------------------------------------
// Regions form a tree

export const PARENT_REQUIRED_MESSAGE =
  'Välj den region som den här ligger under, till exempel Västra Götaland för Göteborgsregionen. Bara ett län saknar överordnad region.';

export const PARENT_SELF_MESSAGE =
  'En region kan inte ligga under sig själv: välj en annan överordnad region.';

export function parentCycleMessage(chain: string[]): string {
  return `Regionen kan inte ligga under en region som redan ligger under den: ${chain.join(' → ')}. Välj en annan överordnad region.`;
}

/**
 * Walks up from `parentId` through `parentOf` and returns the chain of ids when it
 * comes back to `selfId` (the new parent would make a cycle), else undefined. It stops
 * at an existing loop that does not pass through `selfId`, which is another region's
 * problem and must not hang the check.
 */
export function findParentCycle(
  selfId: string,
  parentId: string | undefined,
  parentOf: (id: string) => string | undefined,
): string[] | undefined {
  const self = publishedId(selfId);
  const chain = [self];
  const seen = new Set<string>([self]);
  let current = parentId === undefined ? undefined : publishedId(parentId);
  while (current !== undefined) {
    chain.push(current);
    if (current === self) return chain;
    if (seen.has(current)) return undefined;
    seen.add(current);
    const next = parentOf(current);
    current = next === undefined ? undefined : publishedId(next);
  }
  return undefined;
}

export const REGION_PARENTS_QUERY =
  '*[_type == "region" && !(_id in path("drafts.**")) && !(_id in path("versions.**"))]{_id, "parent": parent._ref}';

/** `kind` decides whether a parent is needed; the tree decides which parents are allowed. */
export async function validateRegionParent(
  value: { _ref?: string } | undefined,
  context: Pick<ValidationContext, 'document' | 'getClient'>,
): Promise<CustomValidatorResult> {
  const document = context.document as { _id: string; kind?: string } | undefined;
  if (!value?._ref)
    return document?.kind === 'lan' || document === undefined ? true : PARENT_REQUIRED_MESSAGE;
  if (!document) return true;
  const self = publishedId(document._id);
  if (publishedId(value._ref) === self) return PARENT_SELF_MESSAGE;

  let rows: { _id: string; parent?: string | null }[];
  try {
    rows = await context
      .getClient({ apiVersion: VALIDATION_API_VERSION })
      .fetch(REGION_PARENTS_QUERY);
  } catch {
    // Without the Content Lake (offline CLI runs, a dropped connection) the tree cannot
    // be walked; the Studio checks again as soon as it can reach the API, and a false
    // error here would block every region edit.
    return true;
  }
  const parents = new Map(rows.map((row) => [row._id, row.parent ?? undefined]));
  const chain = findParentCycle(self, value._ref, (id) => parents.get(id));
  return chain ? parentCycleMessage(chain) : true;
}

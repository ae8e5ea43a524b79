// The Studio's side of the content rules (src/lib/rules/): Sanity validators that call the
// shared functions, so an editor sees the same Swedish message that the build's check prints.
//
// `sanity documents validate` (the CLI) appends an unknown-fields check with `.warning()` to
// every rule on an object-typed value (documents, slugs, periods, attachments), which lowers
// the whole rule to a warning, while the Studio's form keeps it an error. Rules that look
// at several fields therefore sit on a primitive field (a string), reading the object
// through `context.parent` or `context.document`, so both report the same level.
import type { CustomValidatorResult, SlugIsUniqueValidator, ValidationContext } from 'sanity';
import {
  contactDetailsProblem,
  delprojektProgrammeProblem,
  emailProblem,
  idPair,
  isBlank,
  isoDateProblem,
  optionalTextProblem,
  periodOrderProblem,
  phoneProblem,
  regionParentProblem,
  SANITY_API_VERSION,
  slugProblem,
  statusPeriodWarning,
  STATUS_REQUIRED_MESSAGE,
  urlProblem,
  type DelprojektFacts,
  type PeriodValue,
  type ProgrammeFacts,
  type RegionNode,
} from '../../src/lib/rules/index.ts';

const ok = (message: string | undefined): CustomValidatorResult => message ?? true;

/** The Studio's own queries use the one API version of the project. */
export const VALIDATION_API_VERSION = SANITY_API_VERSION;

export function validateSlugCurrent(current: unknown): CustomValidatorResult {
  if (typeof current !== 'string') return true;
  return ok(slugProblem(current));
}

export const SLUG_UNIQUE_QUERY =
  '!defined(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published]) && !(_id in path("versions.**"))][0]._id)';

/**
 * Slugs are unique per document type: a programme and a målbild may share a slug (their
 * URLs differ), two programmes may not.
 */
export const isUniqueSlugPerType: SlugIsUniqueValidator = async (slug, context) => {
  const { document } = context;
  if (!document) return true;
  const { published, draft } = idPair(document._id);
  const client = context.getClient({ apiVersion: VALIDATION_API_VERSION });
  return client.fetch<boolean>(SLUG_UNIQUE_QUERY, { type: document._type, slug, published, draft });
};

export function validateIsoDate(value: unknown): CustomValidatorResult {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'string') return ok(isoDateProblem(''));
  return ok(isoDateProblem(value));
}

/** On `period.end`: the end may not lie wholly before the start. */
export function validatePeriodEnd(
  _end: unknown,
  context: Pick<ValidationContext, 'parent'>,
): CustomValidatorResult {
  return ok(periodOrderProblem(context.parent as PeriodValue | undefined));
}

export function validatePhone(value: unknown): CustomValidatorResult {
  return typeof value === 'string' ? ok(phoneProblem(value)) : true;
}

export function validateEmail(value: unknown): CustomValidatorResult {
  return typeof value === 'string' ? ok(emailProblem(value)) : true;
}

/** On `kontaktperson.email`: a contact needs an e-mail address or a phone number. */
export function validateContactDetails(
  _email: unknown,
  context: Pick<ValidationContext, 'document'>,
): CustomValidatorResult {
  return context.document
    ? ok(contactDetailsProblem(context.document as unknown as Record<string, unknown>))
    : true;
}

/**
 * On `status`: an error when none is chosen. Not `required()`: a clone of the rule repeats
 * Sanity's check of the listed values under the required message, so a wrong value would
 * show both.
 */
export function validateStatusRequired(status: unknown): CustomValidatorResult {
  return isBlank(status) ? STATUS_REQUIRED_MESSAGE : true;
}

/** On `status`: a warning when it contradicts the period. */
export function validateStatusPeriod(
  status: unknown,
  context: Pick<ValidationContext, 'document'>,
): CustomValidatorResult {
  if (isBlank(status)) return true;
  return ok(statusPeriodWarning(status, context.document?.['period'] as PeriodValue | undefined));
}

export function validateUrl(schemes: readonly string[]) {
  return (value: unknown): CustomValidatorResult =>
    typeof value === 'string' ? ok(urlProblem(value, schemes)) : true;
}

export function validateText(multiline: boolean) {
  return (value: unknown): CustomValidatorResult => ok(optionalTextProblem(value, multiline));
}

/** For required text: whitespace only counts as empty. */
export function validateRequiredText(message: string) {
  return (value: unknown): CustomValidatorResult => (isBlank(value) ? message : true);
}

// ---------------------------------------------------------------------------
// Attachments and financing: the rule sits on a string field and reads the object.

export {
  ATTACHMENT_MESSAGE_BOTH,
  ATTACHMENT_MESSAGE_NONE,
  attachmentProblem,
  FINANCING_MESSAGE,
  financingProblem,
} from '../../src/lib/rules/index.ts';

// ---------------------------------------------------------------------------
// Regions form a tree

export const REGION_TREE_QUERY =
  '*[_type == "region" && !(_id in path("drafts.**")) && !(_id in path("versions.**"))]{_id, kind, "parent": parent._ref}';

/** `kind` decides whether a parent is needed and which; the tree decides which parents are allowed. */
export async function validateRegionParent(
  value: { _ref?: string } | undefined,
  context: Pick<ValidationContext, 'document' | 'getClient'>,
): Promise<CustomValidatorResult> {
  const document = context.document as { _id: string; kind?: string } | undefined;
  if (!document) return true;
  const parentRef = value?._ref;
  const local = regionParentProblem(document._id, document.kind, parentRef, () => undefined);
  if (local || !parentRef) return ok(local);

  let rows: { _id: string; kind?: string | null; parent?: string | null }[];
  try {
    rows = await context.getClient({ apiVersion: VALIDATION_API_VERSION }).fetch(REGION_TREE_QUERY);
  } catch {
    // Without the Content Lake (offline CLI runs, a dropped connection) the tree cannot
    // be walked; the Studio checks again as soon as it can reach the API, and a false
    // error here would block every region edit.
    return true;
  }
  const regions = new Map<string, RegionNode>(
    rows.map((row) => [row._id, { kind: row.kind ?? undefined, parent: row.parent ?? undefined }]),
  );
  return ok(regionParentProblem(document._id, document.kind, parentRef, (id) => regions.get(id)));
}

// ---------------------------------------------------------------------------
// A delprojekt of the chosen programme

export const DELPROJEKT_PROGRAMME_QUERY = `{
  "delprojekt": *[_id == $delprojekt][0]{title, "programme": programme._ref, "programmeTitle": programme->title, "programmeType": programme->_type},
  "programme": *[_id == $programme][0]{"id": _id, title}
}`;

/** On `delprojekt` (Dokument, Händelse): the chosen delprojekt belongs to the chosen programme. */
export async function validateDelprojektOfProgramme(
  value: { _ref?: string } | undefined,
  context: Pick<ValidationContext, 'document' | 'getClient' | 'environment'>,
): Promise<CustomValidatorResult> {
  const delprojekt = value?._ref;
  const programme = (context.document?.['programme'] as { _ref?: string } | undefined)?._ref;
  if (!delprojekt || !programme) return true;
  // As for the reference target rule (field-rules.ts): no Content Lake in offline CLI runs.
  if (context.environment === 'cli') return true;
  let facts: { delprojekt: DelprojektFacts | null; programme: ProgrammeFacts | null };
  try {
    facts = await context
      .getClient({ apiVersion: VALIDATION_API_VERSION })
      .fetch(DELPROJEKT_PROGRAMME_QUERY, {
        delprojekt: publishedIdOf(delprojekt),
        programme: publishedIdOf(programme),
      });
  } catch {
    return true;
  }
  return ok(
    delprojektProgrammeProblem(facts.delprojekt ?? undefined, facts.programme ?? undefined),
  );
}

const publishedIdOf = (id: string) => idPair(id).published;

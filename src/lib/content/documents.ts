// Zod schemas of the documents as stored (Sanity export / Content Lake), one per type of
// docs/content-model.md: which fields exist, their value types, what is required. Every
// rule on a value calls the shared content rules (src/lib/rules/), which the Studio's
// validators call too, so the build prints the message an editor sees in the Studio.
// Cross-document rules (references, unique slugs, the region tree, slugs, lengths and the
// rules over several fields) are in integrity.ts. Fields starting with `_` (system fields)
// are allowed anywhere.
import { z } from 'zod';
import {
  BLOCK_STYLES,
  DOKUMENT_KINDS,
  LIST_ITEMS,
  REGION_KINDS,
  STATUSES,
  type DocumentType,
} from './schemas.ts';
import {
  attachmentProblem,
  blockProblems,
  emailProblem,
  EVENT_SCOPE_OPTIONS,
  EVENT_SCOPES,
  financingProblem,
  isoDateProblem,
  LINK_SCHEMES,
  NUMBER_RULES,
  optionalTextProblem,
  optionMessage,
  periodOrderProblem,
  phoneProblem,
  REGIONS_REQUIRED_MESSAGE,
  requiredMessage,
  SLUG_REQUIRED_MESSAGE,
  SOURCES_REQUIRED_MESSAGE,
  STATUS_OPTIONS,
  timestampProblem,
  urlProblem,
  WEB_SCHEMES,
} from '../rules/index.ts';

// ---------------------------------------------------------------------------
// Field rules: each calls a shared rule and reports its message.

/** A string refined by a rule that returns a Swedish message or undefined. */
function checked(rule: (value: string) => string | undefined, required?: string) {
  const base = required ? z.string({ error: required }).min(1, { error: required }) : z.string();
  return base.superRefine((value, ctx) => {
    const problem = rule(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** One line of text (Sanity `string`); `required` is the message when it is missing. */
const line = (required?: string) => checked((value) => optionalTextProblem(value, false), required);
/** Text that may span lines (Sanity `text`). */
const multiline = (required?: string) =>
  checked((value) => optionalTextProblem(value, true), required);
const isoDate = (required?: string) => checked(isoDateProblem, required);
const webUrl = checked((value) => urlProblem(value, WEB_SCHEMES));
const linkHref = checked(
  (value) => urlProblem(value, LINK_SCHEMES),
  requiredMessage('link', 'href'),
);
const email = checked(emailProblem);
const phone = checked(phoneProblem);
const wholeNumber = (rule: { min: number; max: number | undefined; message: string }) => {
  const number = z
    .number({ error: rule.message })
    .int({ error: rule.message })
    .min(rule.min, { error: rule.message });
  return rule.max === undefined ? number : number.max(rule.max, { error: rule.message });
};
const status = z.enum(STATUSES, { error: optionMessage(STATUS_OPTIONS) });
const eventScope = z.enum(EVENT_SCOPES, { error: optionMessage(EVENT_SCOPE_OPTIONS) });

/** Objects keep system fields (`_type`, `_key`, …) and warn on other unknown keys. */
function object<T extends z.ZodRawShape>(shape: T) {
  return z.looseObject(shape).superRefine((value, ctx) => {
    // Own fields only: `in` would also find `constructor`, `toString` … on the shape's prototype.
    const unknown = Object.keys(value).filter(
      (key) => !key.startsWith('_') && !Object.hasOwn(shape, key),
    );
    if (unknown.length > 0)
      ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: value });
  });
}

const ARRAY_KEY_MESSAGE =
  'Raden i listan saknar _key: spara om dokumentet i Studion, eller ge raden en unik _key.';

const reference = z.looseObject({
  _type: z.literal('reference').optional(),
  _ref: z
    .string()
    .min(1, { error: 'Referensen är tom: välj ett dokument eller ta bort referensen.' }),
  _weak: z.boolean().optional(),
});
const keyedReference = reference.extend({ _key: z.string({ error: ARRAY_KEY_MESSAGE }) });
const references = z.array(keyedReference);
const requiredReferences = (message: string) =>
  z.array(keyedReference, { error: message }).min(1, { error: message });

const slugField = (type: string) =>
  z.looseObject(
    {
      _type: z.literal('slug').optional(),
      // The format, length and reserved names are checked with the document's type (integrity.ts).
      current: z.string({ error: SLUG_REQUIRED_MESSAGE }).min(1, { error: SLUG_REQUIRED_MESSAGE }),
    },
    { error: requiredMessage(type, 'slug') },
  );

/** Sanity's system timestamps (`2026-11-23T09:00:00Z`): pages show them and feeds carry them. */
const timestamp = checked(timestampProblem);

const period = object({
  _type: z.literal('period').optional(),
  start: isoDate().optional(),
  end: isoDate().optional(),
  text: line().optional(),
}).superRefine((value, ctx) => {
  const problem = periodOrderProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', path: ['end'], message: problem });
});

const financing = object({
  _type: z.literal('financing').optional(),
  description: multiline().optional(),
  funders: z.array(line()).optional(),
}).superRefine((value, ctx) => {
  const problem = financingProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', path: ['description'], message: problem });
});

const decision = object({
  _type: z.literal('decision').optional(),
  decidedBy: line(requiredMessage('decision', 'decidedBy')),
  date: isoDate().optional(),
  dateText: line().optional(),
  description: multiline().optional(),
});

const malbildPart = object({
  _type: z.literal('malbildPart').optional(),
  _key: z.string({ error: ARRAY_KEY_MESSAGE }),
  title: line(requiredMessage('malbildPart', 'title')),
  text: multiline(requiredMessage('malbildPart', 'text')),
});

const fileField = z.looseObject({
  _type: z.literal('file').optional(),
  // An export rewrites asset references to `_sanityAsset: "file@file://./files/…"`.
  asset: reference.optional(),
  _sanityAsset: z.string().optional(),
});

const attachment = object({
  _type: z.literal('attachment').optional(),
  file: fileField.optional(),
  url: webUrl.optional(),
}).superRefine((value, ctx) => {
  // On `url`, where the Studio shows it (sanity/schemaTypes/objects/attachment.ts).
  const problem = attachmentProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', path: ['url'], message: problem });
});

const span = object({
  _type: z.literal('span'),
  _key: z.string({ error: ARRAY_KEY_MESSAGE }),
  // Its characters are checked with the block's marks (blockProblems, below).
  text: z.string(),
  marks: z.array(z.string()).optional(),
});
const linkMark = object({
  _type: z.literal('link'),
  _key: z.string({ error: ARRAY_KEY_MESSAGE }),
  href: linkHref,
});
/** A link to another document of the site; the reference rules check its target (integrity.ts). */
const internalLinkMark = object({
  _type: z.literal('internalLink'),
  _key: z.string({ error: ARRAY_KEY_MESSAGE }),
  reference: z.looseObject(reference.shape, {
    error: requiredMessage('internalLink', 'reference'),
  }),
});
const mark = z.discriminatedUnion('_type', [linkMark, internalLinkMark], {
  error: 'Bara länkar kan markeras i brödtexten: ta bort den andra markeringen.',
});
const block = object({
  _type: z.literal('block', {
    error: 'Brödtexten kan bara innehålla textstycken: ta bort det andra innehållet.',
  }),
  _key: z.string({ error: ARRAY_KEY_MESSAGE }),
  style: z
    .enum(BLOCK_STYLES, { error: 'Okänd stil på stycket: välj Normal, en rubrik eller Citat.' })
    .optional(),
  listItem: z
    .enum(LIST_ITEMS, { error: 'Okänd sorts lista: välj punktlista eller numrerad lista.' })
    .optional(),
  level: z.number().int().min(1).optional(),
  markDefs: z.array(mark).optional(),
  children: z.array(span),
}).superRefine((value, ctx) => {
  for (const problem of blockProblems(value)) {
    ctx.addIssue({
      code: 'custom',
      path:
        problem.mark === undefined
          ? ['children', problem.child, 'text']
          : ['children', problem.child, 'marks', problem.mark],
      message: problem.message,
    });
  }
});
const blockContent = z.array(block);

// ---------------------------------------------------------------------------
// Document types

const base = (type: DocumentType) => ({
  _id: z.string(),
  _rev: z.string().optional(),
  _createdAt: timestamp.optional(),
  _updatedAt: timestamp.optional(),
  slug: slugField(type),
});
const sources = requiredReferences(SOURCES_REQUIRED_MESSAGE);
const regions = requiredReferences(REGIONS_REQUIRED_MESSAGE);
const required = requiredMessage;

export const documentSchemas = {
  kalla: object({
    ...base('kalla'),
    _type: z.literal('kalla'),
    title: line(required('kalla', 'title')),
    publisher: line(required('kalla', 'publisher')),
    publisherRegion: reference.optional(),
    url: webUrl.optional(),
    lastUpdated: isoDate().optional(),
    seedFile: line().optional(),
    note: multiline().optional(),
  }),
  region: object({
    ...base('region'),
    _type: z.literal('region'),
    name: line(required('region', 'name')),
    kind: z.enum(REGION_KINDS, { error: required('region', 'kind') }),
    // Required unless a län, and which kinds: the region tree's rules (integrity.ts).
    parent: reference.optional(),
    organisations: z.array(line()).optional(),
    municipalityCount: wholeNumber(NUMBER_RULES.municipalityCount).optional(),
    shortDescription: multiline(required('region', 'shortDescription')),
    description: blockContent.optional(),
    website: webUrl.optional(),
    sources,
  }),
  tema: object({
    ...base('tema'),
    _type: z.literal('tema'),
    name: line(required('tema', 'name')),
    description: multiline(required('tema', 'description')),
    sources,
  }),
  programme: object({
    ...base('programme'),
    _type: z.literal('programme'),
    title: line(required('programme', 'title')),
    summary: multiline(required('programme', 'summary')),
    body: blockContent.optional(),
    period: period.optional(),
    status: status.optional(),
    financing: financing.optional(),
    owner: line().optional(),
    regions,
    malbild: reference.optional(),
    themes: references.optional(),
    contacts: references.optional(),
    documents: references.optional(),
    sources,
  }),
  malbild: object({
    ...base('malbild'),
    _type: z.literal('malbild'),
    title: line(required('malbild', 'title')),
    summary: multiline(required('malbild', 'summary')),
    horizonYear: wholeNumber(NUMBER_RULES.horizonYear).optional(),
    author: line().optional(),
    decision: decision.optional(),
    parts: z.array(malbildPart).optional(),
    body: blockContent.optional(),
    regions,
    sourceDocument: reference.optional(),
    themes: references.optional(),
    sources,
  }),
  delprojekt: object({
    ...base('delprojekt'),
    _type: z.literal('delprojekt'),
    title: line(required('delprojekt', 'title')),
    number: wholeNumber(NUMBER_RULES.number).optional(),
    summary: multiline(required('delprojekt', 'summary')),
    body: blockContent.optional(),
    status: status.optional(),
    period: period.optional(),
    programme: z.looseObject(reference.shape, { error: required('delprojekt', 'programme') }),
    themes: references.optional(),
    contacts: references.optional(),
    documents: references.optional(),
    sources,
  }),
  kontaktperson: object({
    ...base('kontaktperson'),
    _type: z.literal('kontaktperson'),
    name: line(required('kontaktperson', 'name')),
    role: line().optional(),
    organisation: line(required('kontaktperson', 'organisation')),
    email: email.optional(),
    phone: phone.optional(),
    noContactDetailsInSource: z.boolean().optional(),
    portraitUrl: webUrl.optional(),
    period: period.optional(),
    regions,
    sources,
  }),
  dokument: object({
    ...base('dokument'),
    _type: z.literal('dokument'),
    title: line(required('dokument', 'title')),
    kind: z.enum(DOKUMENT_KINDS, { error: required('dokument', 'kind') }),
    date: isoDate().optional(),
    summary: multiline().optional(),
    format: line().optional(),
    attachment: attachment.optional(),
    publisher: line(required('dokument', 'publisher')),
    publisherRegion: reference.optional(),
    programme: reference.optional(),
    delprojekt: reference.optional(),
    themes: references.optional(),
    sources,
  }),
  handelse: object({
    ...base('handelse'),
    _type: z.literal('handelse'),
    title: line(required('handelse', 'title')),
    date: isoDate(required('handelse', 'date')),
    dateText: line().optional(),
    summary: multiline(required('handelse', 'summary')),
    note: multiline().optional(),
    scope: eventScope.optional(),
    regions,
    programme: reference.optional(),
    delprojekt: reference.optional(),
    documents: references.optional(),
    sources,
  }),
} satisfies Record<DocumentType, z.ZodType>;

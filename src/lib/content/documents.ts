// Zod schemas of the documents as stored (Sanity export / Content Lake), one per type of
// docs/content-model.md: required fields, value types, enums, isoDates, periods, contact
// details, addresses. Cross-document rules (references, unique slugs, region cycles) are in
// integrity.ts. Fields starting with `_` (system fields) are allowed anywhere.
import { z } from 'zod';
import {
  BLOCK_STYLES,
  DECORATORS,
  DOKUMENT_KINDS,
  LIST_ITEMS,
  REGION_KINDS,
  STATUSES,
  compareIsoDates,
  isoDateProblem,
  schemaPrimitives,
  type DocumentType,
} from './schemas.ts';

const { isoDate, webUrl, linkHref } = schemaPrimitives;

// ---------------------------------------------------------------------------
// Field rules

export function isSwedishPhone(value: string): boolean {
  const trimmed = value.trim();
  if (!/^(?:\+46|0)[\d -]*\d$/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 13;
}

export function isEmail(value: string): boolean {
  return /^[^\s@:]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(value);
}

const text = z.string().min(1, { error: 'must not be empty' });
const email = z.string().refine(isEmail, { error: 'not an e-mail address like name@example.se' });
const phone = z.string().refine(isSwedishPhone, {
  error:
    'not a Swedish phone number as printed (digits, spaces, hyphens; starts with 0 or +46; 8–13 digits)',
});

/** Objects keep system fields (`_type`, `_key`, …) and warn on other unknown keys. */
function object<T extends z.ZodRawShape>(shape: T) {
  return z.looseObject(shape).superRefine((value, ctx) => {
    const unknown = Object.keys(value).filter((key) => !key.startsWith('_') && !(key in shape));
    if (unknown.length > 0)
      ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: value });
  });
}

const reference = z.looseObject({
  _type: z.literal('reference').optional(),
  _ref: z.string().min(1, { error: 'reference has an empty _ref' }),
  _weak: z.boolean().optional(),
});
const keyedReference = reference.extend({ _key: z.string({ error: 'array item has no _key' }) });
const references = z.array(keyedReference);

/** A slug is a folder name in the built site: file systems refuse names over 255 bytes. */
export const SLUG_MAX_LENGTH = 200;

const slugField = z.looseObject({
  _type: z.literal('slug').optional(),
  current: schemaPrimitives.slug.max(SLUG_MAX_LENGTH, {
    error: `slug is longer than ${SLUG_MAX_LENGTH} characters`,
  }),
});

/** Sanity's system timestamps (`2026-11-23T09:00:00Z`): pages show them and feeds carry them. */
const timestamp = z
  .string()
  .refine(
    (value) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value) &&
      !Number.isNaN(Date.parse(value)),
    { error: 'not a timestamp like 2026-11-23T09:00:00Z' },
  );

const period = object({
  _type: z.literal('period').optional(),
  start: isoDate.optional(),
  end: isoDate.optional(),
  text: z.string().optional(),
}).superRefine((value, ctx) => {
  const { start, end } = value;
  if (
    start &&
    end &&
    !isoDateProblem(start) &&
    !isoDateProblem(end) &&
    compareIsoDates(start, end) > 0
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: `period ends (${end}) before it starts (${start})`,
    });
  }
});

const financing = object({
  _type: z.literal('financing').optional(),
  description: z.string().optional(),
  funders: z.array(z.string()).optional(),
});

const decision = object({
  _type: z.literal('decision').optional(),
  decidedBy: text,
  date: isoDate.optional(),
  dateText: z.string().optional(),
  description: z.string().optional(),
});

const malbildPart = object({
  _type: z.literal('malbildPart').optional(),
  _key: z.string({ error: 'array item has no _key' }),
  title: text,
  text,
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
  const hasFile = Boolean(value.file?.asset?._ref || value.file?._sanityAsset);
  const hasUrl = typeof value.url === 'string' && value.url !== '';
  if (hasFile === hasUrl) {
    ctx.addIssue({
      code: 'custom',
      message: hasFile
        ? 'has both a file and a url: keep exactly one'
        : 'has neither a file nor a url: give one, or remove the attachment',
    });
  }
});

const span = object({
  _type: z.literal('span'),
  _key: z.string({ error: 'span has no _key' }),
  text: z.string(),
  marks: z.array(z.string()).optional(),
});
const linkMark = object({
  _type: z.literal('link', { error: 'only "link" annotations are allowed' }),
  _key: z.string({ error: 'annotation has no _key' }),
  href: linkHref,
});
const block = object({
  _type: z.literal('block', { error: 'only text blocks are allowed in blockContent' }),
  _key: z.string({ error: 'block has no _key' }),
  style: z.enum(BLOCK_STYLES).optional(),
  listItem: z.enum(LIST_ITEMS).optional(),
  level: z.number().int().min(1).optional(),
  markDefs: z.array(linkMark).optional(),
  children: z.array(span),
}).superRefine((value, ctx) => {
  const defined = new Set((value.markDefs ?? []).map((mark) => mark._key));
  value.children.forEach((child, index) => {
    (child.marks ?? []).forEach((mark, markIndex) => {
      if (!defined.has(mark) && !(DECORATORS as readonly string[]).includes(mark)) {
        ctx.addIssue({
          code: 'custom',
          path: ['children', index, 'marks', markIndex],
          message: `mark "${mark}" is neither a decorator (${DECORATORS.join(', ')}) nor a markDefs key`,
        });
      }
    });
  });
});
const blockContent = z.array(block);

const minOne = <T extends z.ZodType>(schema: z.ZodArray<T>) =>
  schema.min(1, { error: 'needs at least one item' });

// ---------------------------------------------------------------------------
// Document types

const base = {
  _id: z.string(),
  _rev: z.string().optional(),
  _createdAt: timestamp.optional(),
  _updatedAt: timestamp.optional(),
  slug: slugField,
};
const sources = minOne(references);

export const documentSchemas = {
  kalla: object({
    ...base,
    _type: z.literal('kalla'),
    title: text,
    publisher: text,
    publisherRegion: reference.optional(),
    url: webUrl.optional(),
    lastUpdated: isoDate.optional(),
    seedFile: z.string().optional(),
    note: z.string().optional(),
  }),
  region: object({
    ...base,
    _type: z.literal('region'),
    name: text,
    kind: z.enum(REGION_KINDS),
    parent: reference.optional(),
    organisations: z.array(z.string()).optional(),
    municipalityCount: z.number().int().min(0).optional(),
    shortDescription: text,
    description: blockContent.optional(),
    website: webUrl.optional(),
    sources,
  }).superRefine((value, ctx) => {
    if (value.kind !== 'lan' && !value.parent) {
      ctx.addIssue({
        code: 'custom',
        path: ['parent'],
        message: `required for a region of kind "${value.kind}" (only "lan" has no parent)`,
      });
    }
  }),
  tema: object({
    ...base,
    _type: z.literal('tema'),
    name: text,
    description: text,
    sources,
  }),
  programme: object({
    ...base,
    _type: z.literal('programme'),
    title: text,
    summary: text,
    body: blockContent.optional(),
    period: period.optional(),
    status: z.enum(STATUSES).optional(),
    financing: financing.optional(),
    owner: z.string().optional(),
    regions: minOne(references),
    malbild: reference.optional(),
    themes: references.optional(),
    contacts: references.optional(),
    documents: references.optional(),
    sources,
  }),
  malbild: object({
    ...base,
    _type: z.literal('malbild'),
    title: text,
    summary: text,
    horizonYear: z.number().int().min(2000).max(2100).optional(),
    author: z.string().optional(),
    decision: decision.optional(),
    parts: z.array(malbildPart).optional(),
    body: blockContent.optional(),
    regions: minOne(references),
    sourceDocument: reference.optional(),
    themes: references.optional(),
    sources,
  }),
  delprojekt: object({
    ...base,
    _type: z.literal('delprojekt'),
    title: text,
    number: z.number().int().min(1).optional(),
    summary: text,
    body: blockContent.optional(),
    status: z.enum(STATUSES).optional(),
    period: period.optional(),
    programme: reference,
    themes: references.optional(),
    contacts: references.optional(),
    documents: references.optional(),
    sources,
  }),
  kontaktperson: object({
    ...base,
    _type: z.literal('kontaktperson'),
    name: text,
    role: z.string().optional(),
    organisation: text,
    email: email.optional(),
    phone: phone.optional(),
    portraitUrl: webUrl.optional(),
    period: period.optional(),
    regions: minOne(references),
    sources,
  }),
  dokument: object({
    ...base,
    _type: z.literal('dokument'),
    title: text,
    kind: z.enum(DOKUMENT_KINDS),
    date: isoDate.optional(),
    summary: z.string().optional(),
    format: z.string().optional(),
    attachment: attachment.optional(),
    publisher: text,
    publisherRegion: reference.optional(),
    programme: reference.optional(),
    delprojekt: reference.optional(),
    themes: references.optional(),
    sources,
  }),
  handelse: object({
    ...base,
    _type: z.literal('handelse'),
    title: text,
    date: isoDate,
    dateText: z.string().optional(),
    summary: text,
    note: z.string().optional(),
    regions: minOne(references),
    programme: reference.optional(),
    delprojekt: reference.optional(),
    documents: references.optional(),
    sources,
  }),
} satisfies Record<DocumentType, z.ZodType>;

/**
 * Which document types each reference field may point at. A path segment `[]` stands for
 * any array index. References elsewhere (not listed) must still exist.
 */
export const REFERENCE_TARGETS: Record<DocumentType, Record<string, readonly DocumentType[]>> = {
  kalla: { publisherRegion: ['region'] },
  region: { parent: ['region'], sources: ['kalla'] },
  tema: { sources: ['kalla'] },
  programme: {
    regions: ['region'],
    malbild: ['malbild'],
    themes: ['tema'],
    contacts: ['kontaktperson'],
    documents: ['dokument'],
    sources: ['kalla'],
  },
  malbild: {
    regions: ['region'],
    sourceDocument: ['dokument'],
    themes: ['tema'],
    sources: ['kalla'],
  },
  delprojekt: {
    programme: ['programme'],
    themes: ['tema'],
    contacts: ['kontaktperson'],
    documents: ['dokument'],
    sources: ['kalla'],
  },
  kontaktperson: { regions: ['region'], sources: ['kalla'] },
  dokument: {
    publisherRegion: ['region'],
    programme: ['programme'],
    delprojekt: ['delprojekt'],
    themes: ['tema'],
    sources: ['kalla'],
  },
  handelse: {
    regions: ['region'],
    programme: ['programme'],
    delprojekt: ['delprojekt'],
    documents: ['dokument'],
    sources: ['kalla'],
  },
};

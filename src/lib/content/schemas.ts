// Zod schemas of every query result the pages use (one per query in queries.ts), and the
// TypeScript types inferred from them. They are the contract between the content source and
// the pages: a result that does not match fails the build with `_id · field path · problem`.
//
// GROQ projects a missing field as `null` (groq-js and the Content Lake alike), so optional
// scalars are `T | null`. Arrays are projected with `coalesce(…, [])` and are never null.
import { z } from 'zod';

// ---------------------------------------------------------------------------
// Shared rules: the content rules of src/lib/rules/, which the Studio applies too. A query
// result is checked with the same rules as the documents it comes from, so a page never
// meets a value the Studio would have refused; these schemas add no rule of their own.
import {
  DECORATORS,
  DOCUMENT_TYPES,
  EVENT_SCOPES,
  isoDateProblem,
  LINK_SCHEMES,
  REGION_KINDS,
  slugProblem,
  STATUSES,
  urlProblem,
  WEB_SCHEMES,
  type DocumentType,
} from '../rules/index.ts';

export { SLUG_PATTERN } from '../rules/slug.ts';
export { DECORATORS, DOCUMENT_TYPES, EVENT_SCOPES, REGION_KINDS, STATUSES, type DocumentType };

function checked(rule: (value: string) => string | undefined) {
  return z.string().superRefine((value, ctx) => {
    const problem = rule(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const slug = checked(
  (value) => slugProblem(value) ?? (value === '' ? 'Slugen saknas.' : undefined),
);
const isoDate = checked(isoDateProblem);
const webUrl = checked((value) => urlProblem(value, WEB_SCHEMES));
const linkHref = checked((value) => urlProblem(value, LINK_SCHEMES));

// ---------------------------------------------------------------------------
// Building blocks

export const DOKUMENT_KINDS = [
  'rapport',
  'bildspel',
  'inspelning',
  'avsiktsforklaring',
  'malbild',
  'utredning',
  'overenskommelse',
  'avtal',
  'strategi',
  'inbjudan',
  'resultat',
  'webbsida',
] as const;
export const BLOCK_STYLES = ['normal', 'h2', 'h3', 'h4', 'blockquote'] as const;
export const LIST_ITEMS = ['bullet', 'number'] as const;

/** A reference expanded for a link: `{_id, _type, "title": coalesce(title, name), "slug": slug.current}`. */
export const linkStubSchema = z.object({
  _id: z.string(),
  _type: z.enum(DOCUMENT_TYPES),
  title: z.string(),
  slug,
});
export type LinkStub = z.infer<typeof linkStubSchema>;

/** A link stub that also carries the regions it belongs to (for grouping and search filters). */
export const regionalStubSchema = linkStubSchema.extend({
  summary: z.string().nullable(),
  regions: z.array(linkStubSchema),
});
export type RegionalStub = z.infer<typeof regionalStubSchema>;

export const documentStubSchema = linkStubSchema.extend({
  kind: z.enum(DOKUMENT_KINDS),
  date: isoDate.nullable(),
  format: z.string().nullable(),
  url: webUrl.nullable(),
});
export type DocumentStub = z.infer<typeof documentStubSchema>;

export const contactStubSchema = linkStubSchema.extend({
  role: z.string().nullable(),
  organisation: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type ContactStub = z.infer<typeof contactStubSchema>;

/** Missing (`null`) means regional. */
const eventScope = z.enum(EVENT_SCOPES).nullable();

export const eventStubSchema = linkStubSchema.extend({
  date: isoDate,
  dateText: z.string().nullable(),
  scope: eventScope,
});
export type EventStub = z.infer<typeof eventStubSchema>;

export const periodSchema = z.object({
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  text: z.string().nullable(),
});
export type Period = z.infer<typeof periodSchema>;

export const financingSchema = z.object({
  description: z.string().nullable(),
  funders: z.array(z.string()),
});
export type Financing = z.infer<typeof financingSchema>;

export const decisionSchema = z.object({
  decidedBy: z.string(),
  date: isoDate.nullable(),
  dateText: z.string().nullable(),
  description: z.string().nullable(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const malbildPartSchema = z.object({
  _key: z.string(),
  title: z.string(),
  text: z.string(),
});
export type MalbildPart = z.infer<typeof malbildPartSchema>;

export const spanSchema = z.object({
  _type: z.literal('span'),
  _key: z.string(),
  text: z.string(),
  marks: z.array(z.string()).optional(),
});
export const linkMarkSchema = z.object({
  _type: z.literal('link'),
  _key: z.string(),
  href: linkHref,
});
/** A link to another document of the site: its target's type and slug, or null if it is gone. */
export const internalLinkMarkSchema = z.object({
  _type: z.literal('internalLink'),
  _key: z.string(),
  target: z
    .object({ _type: z.enum(DOCUMENT_TYPES), slug: z.string() })
    .nullable()
    .optional(),
});
export const portableTextBlockSchema = z.object({
  _type: z.literal('block'),
  _key: z.string(),
  style: z.enum(BLOCK_STYLES).optional(),
  listItem: z.enum(LIST_ITEMS).optional(),
  level: z.number().int().min(1).optional(),
  markDefs: z.array(z.union([linkMarkSchema, internalLinkMarkSchema])).optional(),
  children: z.array(spanSchema),
});
export type PortableTextSpan = z.infer<typeof spanSchema>;
export type PortableTextLink = z.infer<typeof linkMarkSchema>;
export type PortableTextBlock = z.infer<typeof portableTextBlockSchema>;

/** blockContent as projected: `coalesce(body, [])`. */
export const blockContentSchema = z.array(portableTextBlockSchema);

const base = {
  _id: z.string(),
  slug,
  updatedAt: z.string(),
  sources: z.array(linkStubSchema),
};

// ---------------------------------------------------------------------------
// One schema per collection (per query in queries.ts)

export const regionSchema = z.object({
  ...base,
  _type: z.literal('region'),
  name: z.string(),
  kind: z.enum(REGION_KINDS),
  parent: linkStubSchema.nullable(),
  organisations: z.array(z.string()),
  municipalityCount: z.number().int().min(0).nullable(),
  shortDescription: z.string(),
  description: blockContentSchema,
  website: webUrl.nullable(),
  /** Direct sub-regions, by name. */
  children: z.array(linkStubSchema),
  /** Programmes that name this region, each with its delprojekt. */
  programmes: z.array(
    linkStubSchema.extend({ summary: z.string(), delprojekt: z.array(linkStubSchema) }),
  ),
  malbilder: z.array(
    linkStubSchema.extend({ summary: z.string(), horizonYear: z.number().nullable() }),
  ),
  contacts: z.array(contactStubSchema),
  /** Documents this region publishes. */
  documents: z.array(documentStubSchema),
  events: z.array(eventStubSchema),
});
export type Region = z.infer<typeof regionSchema>;

/** A region entry in the `regions` collection: the query result plus the computed tree. */
export const regionEntrySchema = regionSchema.extend({
  /** Ancestors, root first (for breadcrumbs), not including the region itself. */
  ancestors: z.array(linkStubSchema),
  /** `_id`s of every region below this one, at any depth, not including itself. */
  descendantIds: z.array(z.string()),
  /** Depth in the tree: 0 for a root. */
  depth: z.number().int().min(0),
});
export type RegionEntry = z.infer<typeof regionEntrySchema>;

export const programmeSchema = z.object({
  ...base,
  _type: z.literal('programme'),
  title: z.string(),
  summary: z.string(),
  body: blockContentSchema,
  period: periodSchema.nullable(),
  status: z.enum(STATUSES).nullable(),
  financing: financingSchema.nullable(),
  owner: z.string().nullable(),
  regions: z.array(linkStubSchema).min(1),
  malbild: linkStubSchema.nullable(),
  themes: z.array(linkStubSchema),
  contacts: z.array(contactStubSchema),
  /** Documents the programme lists. */
  documents: z.array(documentStubSchema),
  /** Documents that name this programme as theirs (`dokument.programme`). */
  relatedDocuments: z.array(documentStubSchema),
  delprojekt: z.array(
    linkStubSchema.extend({
      number: z.number().nullable(),
      summary: z.string(),
      status: z.enum(STATUSES).nullable(),
    }),
  ),
  events: z.array(eventStubSchema),
});
export type Programme = z.infer<typeof programmeSchema>;

export const malbildSchema = z.object({
  ...base,
  _type: z.literal('malbild'),
  title: z.string(),
  summary: z.string(),
  horizonYear: z.number().int().nullable(),
  author: z.string().nullable(),
  decision: decisionSchema.nullable(),
  parts: z.array(malbildPartSchema),
  body: blockContentSchema,
  regions: z.array(linkStubSchema).min(1),
  sourceDocument: documentStubSchema.nullable(),
  themes: z.array(linkStubSchema),
  /** Programmes that work towards this målbild. */
  programmes: z.array(linkStubSchema),
});
export type Malbild = z.infer<typeof malbildSchema>;

export const delprojektSchema = z.object({
  ...base,
  _type: z.literal('delprojekt'),
  title: z.string(),
  number: z.number().int().min(1).nullable(),
  summary: z.string(),
  body: blockContentSchema,
  status: z.enum(STATUSES).nullable(),
  period: periodSchema.nullable(),
  /** The programme, with its regions (a delprojekt belongs to its programme's regions). */
  programme: linkStubSchema.extend({ regions: z.array(linkStubSchema) }),
  themes: z.array(linkStubSchema),
  contacts: z.array(contactStubSchema),
  documents: z.array(documentStubSchema),
  relatedDocuments: z.array(documentStubSchema),
  events: z.array(eventStubSchema),
});
export type Delprojekt = z.infer<typeof delprojektSchema>;

export const kontaktpersonSchema = z.object({
  ...base,
  _type: z.literal('kontaktperson'),
  name: z.string(),
  role: z.string().nullable(),
  organisation: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  portraitUrl: webUrl.nullable(),
  period: periodSchema.nullable(),
  regions: z.array(linkStubSchema).min(1),
  /** Programmes and delprojekt that list this person as a contact. */
  work: z.array(linkStubSchema),
});
export type Kontaktperson = z.infer<typeof kontaktpersonSchema>;

export const dokumentSchema = z.object({
  ...base,
  _type: z.literal('dokument'),
  title: z.string(),
  kind: z.enum(DOKUMENT_KINDS),
  date: isoDate.nullable(),
  summary: z.string().nullable(),
  format: z.string().nullable(),
  /** The document's address: the external url, or the uploaded file's url (remote only). */
  url: webUrl.nullable(),
  publisher: z.string(),
  publisherRegion: linkStubSchema.nullable(),
  programme: linkStubSchema.nullable(),
  delprojekt: linkStubSchema.nullable(),
  themes: z.array(linkStubSchema),
  /** The publisher region, or else the regions of its programme / delprojekt's programme. */
  regions: z.array(linkStubSchema),
  /** Programmes, delprojekt, målbilder and events that point at this document. */
  referencedBy: z.array(linkStubSchema),
});
export type Dokument = z.infer<typeof dokumentSchema>;

export const temaSchema = z.object({
  ...base,
  _type: z.literal('tema'),
  name: z.string(),
  description: z.string(),
  /** Programmes, målbilder, delprojekt and documents on this theme, across all regions. */
  material: z.array(regionalStubSchema),
});
export type Tema = z.infer<typeof temaSchema>;

export const handelseSchema = z.object({
  ...base,
  _type: z.literal('handelse'),
  title: z.string(),
  date: isoDate,
  dateText: z.string().nullable(),
  summary: z.string(),
  note: z.string().nullable(),
  scope: eventScope,
  regions: z.array(linkStubSchema).min(1),
  programme: linkStubSchema.nullable(),
  delprojekt: linkStubSchema.nullable(),
  documents: z.array(documentStubSchema),
});
export type Handelse = z.infer<typeof handelseSchema>;

export const kallaSchema = z.object({
  _id: z.string(),
  _type: z.literal('kalla'),
  slug,
  updatedAt: z.string(),
  title: z.string(),
  publisher: z.string(),
  publisherRegion: linkStubSchema.nullable(),
  url: webUrl.nullable(),
  lastUpdated: isoDate.nullable(),
  seedFile: z.string().nullable(),
  note: z.string().nullable(),
  /** Every document that cites this source page. */
  citedBy: z.array(linkStubSchema),
});
export type Kalla = z.infer<typeof kallaSchema>;

/** Schemas by collection name, as in content.config.ts. */
export const collectionSchemas = {
  regions: regionSchema,
  programmes: programmeSchema,
  malbilder: malbildSchema,
  delprojekt: delprojektSchema,
  kontaktpersoner: kontaktpersonSchema,
  dokument: dokumentSchema,
  teman: temaSchema,
  handelser: handelseSchema,
  kallor: kallaSchema,
} as const;
export type CollectionName = keyof typeof collectionSchemas;
export const COLLECTION_NAMES = Object.keys(collectionSchemas) as CollectionName[];

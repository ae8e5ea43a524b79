// The one module of GROQ queries. Every page's data comes from one of these, through the
// content source (groq-js over the embedded dataset, or the Content Lake). They use only the
// GROQ spec's features so that both engines give the same result: no `_id in path(…)` tricks
// beyond the draft filter, no perspective-specific functions.
//
// Conventions:
// - every `*[…]` filters out drafts (`PUBLISHED`), so a source that still sees them (groq-js
//   over an export with drafts, a token with raw perspective) never leaks them;
// - references are expanded to link stubs `{_id, _type, title, slug}`;
// - arrays are `coalesce(…, [])` so pages never meet `null` for a list;
// - reverse relations (`*[… references(^._id)]`) are ordered, so results are deterministic.
import { defineQuery } from 'groq';

/** Excludes drafts (and release versions) from a filter. */
export const PUBLISHED = `!(_id in path("drafts.**")) && !(_id in path("versions.**"))`;

/** A reference expanded for a link. `title` is a region's / theme's / person's `name`. */
export const LINK_STUB = `{_id, _type, "title": coalesce(title, name), "slug": slug.current}`;

const DOCUMENT_STUB = `{_id, _type, "title": coalesce(title, name), "slug": slug.current, kind, date, format, "url": coalesce(attachment.url, attachment.file.asset->url)}`;
const CONTACT_STUB = `{_id, _type, "title": coalesce(title, name), "slug": slug.current, role, organisation, email, phone}`;
const EVENT_STUB = `{_id, _type, "title": coalesce(title, name), "slug": slug.current, date, dateText, scope}`;
const PERIOD = `period{start, end, text}`;
const SOURCES = `"sources": coalesce(sources[]->${LINK_STUB}, [])`;
const UPDATED = `"updatedAt": _updatedAt`;
const SLUG = `"slug": slug.current`;
/**
 * Running text, with each link to another document (`internalLink`) carrying its target's
 * type and slug, from which the page makes the target's address.
 */
const portableText = (field: string) =>
  `"${field}": coalesce(${field}[]{..., "markDefs": coalesce(markDefs[]{..., _type == "internalLink" => {"target": reference->{_type, "slug": slug.current}}}, [])}, [])`;

/** Regions by name, each with its sub-regions, programmes (with their delprojekt), målbilder, contacts, documents and events. */
export const REGIONS_QUERY = defineQuery(`*[_type == "region" && ${PUBLISHED}] | order(name asc) {
  _id, _type, name, ${SLUG}, kind,
  "parent": parent->${LINK_STUB},
  "organisations": coalesce(organisations, []),
  municipalityCount, shortDescription,
  ${portableText('description')},
  website, ${UPDATED}, ${SOURCES},
  "children": *[_type == "region" && parent._ref == ^._id && ${PUBLISHED}] | order(name asc) ${LINK_STUB},
  "programmes": *[_type == "programme" && ^._id in regions[]._ref && ${PUBLISHED}] | order(title asc) {
    _id, _type, "title": coalesce(title, name), ${SLUG}, summary,
    "delprojekt": *[_type == "delprojekt" && programme._ref == ^._id && ${PUBLISHED}] | order(number asc, title asc) ${LINK_STUB}
  },
  "malbilder": *[_type == "malbild" && ^._id in regions[]._ref && ${PUBLISHED}] | order(title asc) {
    _id, _type, "title": coalesce(title, name), ${SLUG}, summary, horizonYear
  },
  "contacts": *[_type == "kontaktperson" && ^._id in regions[]._ref && ${PUBLISHED}] | order(name asc) ${CONTACT_STUB},
  "documents": *[_type == "dokument" && publisherRegion._ref == ^._id && ${PUBLISHED}] | order(date desc, title asc) ${DOCUMENT_STUB},
  "events": *[_type == "handelse" && ^._id in regions[]._ref && ${PUBLISHED}] | order(date asc, title asc) ${EVENT_STUB}
}`);

/** Programmes by title, with regions, målbild, themes, contacts, documents, delprojekt and events. */
export const PROGRAMMES_QUERY =
  defineQuery(`*[_type == "programme" && ${PUBLISHED}] | order(title asc) {
  _id, _type, title, ${SLUG}, summary,
  ${portableText('body')},
  "period": ${PERIOD}, status,
  "financing": financing{description, "funders": coalesce(funders, [])},
  owner, ${UPDATED}, ${SOURCES},
  "regions": coalesce(regions[]->${LINK_STUB}, []),
  "malbild": malbild->${LINK_STUB},
  "themes": coalesce(themes[]->${LINK_STUB}, []),
  "contacts": coalesce(contacts[]->${CONTACT_STUB}, []),
  "documents": coalesce(documents[]->${DOCUMENT_STUB}, []),
  "relatedDocuments": *[_type == "dokument" && programme._ref == ^._id && ${PUBLISHED}] | order(date desc, title asc) ${DOCUMENT_STUB},
  "delprojekt": *[_type == "delprojekt" && programme._ref == ^._id && ${PUBLISHED}] | order(number asc, title asc) {
    _id, _type, "title": coalesce(title, name), ${SLUG}, number, summary, status
  },
  "events": *[_type == "handelse" && programme._ref == ^._id && ${PUBLISHED}] | order(date asc, title asc) ${EVENT_STUB}
}`);

/** Målbilder by title, with decision, parts, regions, source document and the programmes working towards them. */
export const MALBILDER_QUERY =
  defineQuery(`*[_type == "malbild" && ${PUBLISHED}] | order(title asc) {
  _id, _type, title, ${SLUG}, summary, horizonYear, author,
  "decision": decision{decidedBy, date, dateText, description},
  "parts": coalesce(parts[]{_key, title, text}, []),
  ${portableText('body')},
  ${UPDATED}, ${SOURCES},
  "regions": coalesce(regions[]->${LINK_STUB}, []),
  "sourceDocument": sourceDocument->${DOCUMENT_STUB},
  "themes": coalesce(themes[]->${LINK_STUB}, []),
  "programmes": *[_type == "programme" && malbild._ref == ^._id && ${PUBLISHED}] | order(title asc) ${LINK_STUB}
}`);

/** Delprojekt by programme and number, with the programme (and its regions), contacts, documents and events. */
export const DELPROJEKT_QUERY =
  defineQuery(`*[_type == "delprojekt" && ${PUBLISHED}] | order(programme._ref asc, number asc, title asc) {
  _id, _type, title, ${SLUG}, number, summary,
  ${portableText('body')},
  status, "period": ${PERIOD}, ${UPDATED}, ${SOURCES},
  "programme": programme->{_id, _type, "title": coalesce(title, name), ${SLUG}, "regions": coalesce(regions[]->${LINK_STUB}, [])},
  "themes": coalesce(themes[]->${LINK_STUB}, []),
  "contacts": coalesce(contacts[]->${CONTACT_STUB}, []),
  "documents": coalesce(documents[]->${DOCUMENT_STUB}, []),
  "relatedDocuments": *[_type == "dokument" && delprojekt._ref == ^._id && ${PUBLISHED}] | order(date desc, title asc) ${DOCUMENT_STUB},
  "events": *[_type == "handelse" && delprojekt._ref == ^._id && ${PUBLISHED}] | order(date asc, title asc) ${EVENT_STUB}
}`);

/** Contact people by name, with their regions and the programmes / delprojekt that list them. */
export const KONTAKTPERSONER_QUERY =
  defineQuery(`*[_type == "kontaktperson" && ${PUBLISHED}] | order(name asc) {
  _id, _type, name, ${SLUG}, role, organisation, email, phone, portraitUrl,
  "period": ${PERIOD}, ${UPDATED}, ${SOURCES},
  "regions": coalesce(regions[]->${LINK_STUB}, []),
  "work": *[_type in ["programme", "delprojekt"] && ^._id in contacts[]._ref && ${PUBLISHED}] | order(title asc) ${LINK_STUB}
}`);

/** Documents by date (newest first), with publisher region, programme, delprojekt, themes and what points at them. */
export const DOKUMENT_QUERY =
  defineQuery(`*[_type == "dokument" && ${PUBLISHED}] | order(date desc, title asc) {
  _id, _type, title, ${SLUG}, kind, date, summary, format,
  "url": coalesce(attachment.url, attachment.file.asset->url),
  publisher, ${UPDATED}, ${SOURCES},
  "publisherRegion": publisherRegion->${LINK_STUB},
  "programme": programme->${LINK_STUB},
  "delprojekt": delprojekt->${LINK_STUB},
  "themes": coalesce(themes[]->${LINK_STUB}, []),
  "regions": *[_type == "region" && ${PUBLISHED} && (
    _id == ^.publisherRegion._ref
    || _id in ^.programme->regions[]._ref
    || _id in ^.delprojekt->programme->regions[]._ref
  )] | order(name asc) ${LINK_STUB},
  "referencedBy": *[_type in ["programme", "delprojekt", "malbild", "handelse"] && references(^._id) && ${PUBLISHED}] | order(_type asc, title asc) ${LINK_STUB}
}`);

/** Themes by name, each with its material across types and regions. */
export const TEMAN_QUERY = defineQuery(`*[_type == "tema" && ${PUBLISHED}] | order(name asc) {
  _id, _type, name, ${SLUG}, description, ${UPDATED}, ${SOURCES},
  "material": *[_type in ["programme", "malbild", "delprojekt", "dokument"] && ^._id in themes[]._ref && ${PUBLISHED}] | order(_type asc, title asc) {
    _id, _type, "title": coalesce(title, name), ${SLUG}, summary,
    "regions": *[_type == "region" && ${PUBLISHED} && (
      _id in ^.regions[]._ref
      || _id == ^.publisherRegion._ref
      || _id in ^.programme->regions[]._ref
    )] | order(name asc) ${LINK_STUB}
  }
}`);

/** Events in date order, with regions, programme, delprojekt and documents. */
export const HANDELSER_QUERY =
  defineQuery(`*[_type == "handelse" && ${PUBLISHED}] | order(date asc, title asc) {
  _id, _type, title, ${SLUG}, date, dateText, summary, note, scope, ${UPDATED}, ${SOURCES},
  "regions": coalesce(regions[]->${LINK_STUB}, []),
  "programme": programme->${LINK_STUB},
  "delprojekt": delprojekt->${LINK_STUB},
  "documents": coalesce(documents[]->${DOCUMENT_STUB}, [])
}`);

/** Source pages by title, each with everything that cites it. */
export const KALLOR_QUERY = defineQuery(`*[_type == "kalla" && ${PUBLISHED}] | order(title asc) {
  _id, _type, title, ${SLUG}, publisher, url, lastUpdated, seedFile, note, ${UPDATED},
  "publisherRegion": publisherRegion->${LINK_STUB},
  "citedBy": *[^._id in sources[]._ref && ${PUBLISHED}] | order(_type asc, coalesce(title, name) asc) ${LINK_STUB}
}`);

/**
 * The remote source's one request: every published document as stored, the asset documents
 * included (`file.asset->url` resolves in the snapshot as in an export). The integrity checks
 * and every collection query then run locally over this snapshot, as over the embedded
 * dataset (source.ts). System documents are left out.
 */
export const SNAPSHOT_QUERY = defineQuery(
  `*[${PUBLISHED} && !string::startsWith(_type, "system.")] | order(_id asc)`,
);

/** The query behind each collection of content.config.ts. */
export const collectionQueries = {
  regions: REGIONS_QUERY,
  programmes: PROGRAMMES_QUERY,
  malbilder: MALBILDER_QUERY,
  delprojekt: DELPROJEKT_QUERY,
  kontaktpersoner: KONTAKTPERSONER_QUERY,
  dokument: DOKUMENT_QUERY,
  teman: TEMAN_QUERY,
  handelser: HANDELSER_QUERY,
  kallor: KALLOR_QUERY,
} as const;

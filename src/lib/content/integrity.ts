// Integrity checks over ALL documents before anything is built. Every problem is collected
// (not only the first) as `{ id, path, message, severity }`, with the Swedish message of the
// shared content rule (src/lib/rules/) that the Studio shows for the same problem:
// - errors stop the build (ContentValidationError lists them all);
// - warnings (unknown types and fields, long texts, a contact without contact details, a
//   status that contradicts its period) are reported;
// - info: drafts, left out of the published set.
// System documents (`sanity.*` assets, `system.*`) are ignored.
import { REFERENCE_TARGETS } from '../rules/reference-targets.ts';
import {
  delprojektProgrammeProblem,
  documentRuleFindings,
  DUPLICATE_ITEM_MESSAGE,
  FIELD_LENGTH_LIMITS,
  lengthWarning,
  LIX_LIMITS,
  lixWarning,
  missingReferenceMessage,
  referenceFieldPath,
  referenceTargetMessage,
  regionParentProblem,
  slugNotUniqueMessage,
  slugProblem,
  STUDIO_ONLY_TYPES,
  vagueLinkProblems,
  type BlockLike,
  type RegionNode,
} from '../rules/index.ts';
import type { RawDocument } from './dataset.ts';
import { documentSchemas } from './documents.ts';
import { LIMITS, documentLimitProblem } from './limits.ts';
import {
  ContentValidationError,
  formatPath,
  problemsFromZod,
  type ContentProblem,
} from './problems.ts';
import { DOCUMENT_TYPES, type DocumentType } from './schemas.ts';

export {
  ContentValidationError,
  formatProblem,
  type ContentProblem,
  type Severity,
} from './problems.ts';

export interface IntegrityReport {
  /** Published content documents of known types, in dataset order: what the site is built from. */
  published: RawDocument[];
  /** Every problem found, errors first. */
  problems: ContentProblem[];
  errors: ContentProblem[];
}

/** Sanity's own documents and the Studio's configuration (STUDIO_ONLY_TYPES): not site content. */
export function isSystemDocument(document: Pick<RawDocument, '_type'>): boolean {
  return (
    document._type.startsWith('sanity.') ||
    document._type.startsWith('system.') ||
    (STUDIO_ONLY_TYPES as readonly string[]).includes(document._type)
  );
}

export function isDraftId(id: string): boolean {
  return id.startsWith('drafts.') || id.startsWith('versions.');
}

function isKnownType(type: string): type is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(type);
}

type Visit = (value: unknown, path: readonly PropertyKey[], key: PropertyKey | undefined) => void;

function walk(value: unknown, visit: Visit, path: PropertyKey[] = [], key?: PropertyKey): void {
  visit(value, path, key);
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, visit, [...path, index], index));
  } else if (value !== null && typeof value === 'object') {
    for (const [childKey, child] of Object.entries(value))
      walk(child, visit, [...path, childKey], childKey);
  }
}

/** Runs every check and returns the report; never throws. `initial` problems (e.g. from parsing) are kept. */
export function checkIntegrity(
  documents: readonly RawDocument[],
  initial: readonly ContentProblem[] = [],
): IntegrityReport {
  const problems: ContentProblem[] = [...initial];
  const seen = new Set<string>();
  const add = (problem: ContentProblem) => {
    const key = `${problem.id}\u0000${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };

  // 1. Sort documents into system, drafts, published; duplicate ids.
  const candidates: RawDocument[] = [];
  const byId = new Map<string, RawDocument>();
  for (const document of documents) {
    if (isSystemDocument(document)) continue;
    if (isDraftId(document._id)) {
      add({
        id: document._id,
        path: '',
        message: 'Utkast: det är inte publicerat och kommer inte med på webbplatsen.',
        severity: 'info',
      });
      continue;
    }
    if (byId.has(document._id)) {
      add({
        id: document._id,
        path: '_id',
        message: 'Samma _id finns mer än en gång i datamängden: ge varje dokument ett eget _id.',
        severity: 'error',
      });
      continue;
    }
    byId.set(document._id, document);
    candidates.push(document);
  }

  const published: RawDocument[] = [];
  // Refused whole: references to them are not reported again as pointing at nothing.
  const refusedForLimits = new Set<string>();
  for (const document of candidates) {
    if (!isKnownType(document._type)) {
      add({
        id: document._id,
        path: '_type',
        message: `Dokumenttypen "${document._type}" finns inte i innehållsmodellen: dokumentet kommer inte med på webbplatsen.`,
        severity: 'warning',
      });
      continue;
    }
    // Beyond a limit (nesting, field size), no further check may walk it.
    const beyondLimit = documentLimitProblem(document);
    if (beyondLimit) {
      add(beyondLimit);
      refusedForLimits.add(document._id);
      continue;
    }
    published.push(document);
  }
  if (published.length > LIMITS.documents) {
    add({
      id: '(dataset)',
      path: '',
      message: `${published.length} publicerade dokument är fler än gränsen ${LIMITS.documents} för ett bygge: dela upp innehållet.`,
      severity: 'error',
    });
    // No further check: its time and its list grow with the count (200,001 bare documents took
    // 8 s and gave 400,000 problems), and the build stops on this one anyway.
    return sortedReport(published, problems);
  }
  if (published.length === 0) {
    add({
      id: '(dataset)',
      path: '',
      message: 'Datamängden har inga publicerade dokument att bygga webbplatsen av.',
      severity: 'error',
    });
  }

  // 2. Per-document shape, ids, keys, addresses.
  for (const document of published) {
    const id = document._id;
    if (id.includes('.')) {
      add({
        id,
        path: '_id',
        message:
          'Ett _id med punkt är privat i Sanity och kan inte läsas utan inloggning: ta bort punkten.',
        severity: 'error',
      });
    }
    const schema = documentSchemas[document._type as DocumentType];
    const result = schema.safeParse(document);
    if (!result.success)
      for (const problem of problemsFromZod(id, result.error.issues, { input: document }))
        add(problem);

    // Slug format and length.
    const current = (document['slug'] as { current?: unknown } | undefined)?.current;
    if (typeof current === 'string') {
      const problem = slugProblem(current);
      if (problem) add({ id, path: 'slug.current', message: problem, severity: 'error' });
    }

    // Soft length limits of a document's own text fields.
    for (const [field, limit] of Object.entries(FIELD_LENGTH_LIMITS)) {
      const warning = lengthWarning(document[field], limit.max, limit.where);
      if (warning) add({ id, path: field, message: warning, severity: 'warning' });
    }

    // Readability of a document's own summary and body (the Studio shows the figure).
    for (const [field, limit] of Object.entries(LIX_LIMITS)) {
      const warning = lixWarning(document[field], limit);
      if (warning) add({ id, path: field, message: warning, severity: 'warning' });
    }

    // Link texts that say where they go (WCAG 2.4.4), in every field of running text.
    for (const [field, value] of Object.entries(document)) {
      if (!Array.isArray(value)) continue;
      value.forEach((block: unknown, index) => {
        if (block === null || typeof block !== 'object') return;
        if ((block as { _type?: unknown })._type !== 'block') return;
        for (const problem of vagueLinkProblems(block as BlockLike))
          add({
            id,
            path: formatPath([field, index, 'children', problem.child, 'text']),
            message: problem.message,
            severity: 'warning',
          });
      });
    }

    // Rules over several fields (a contact's details, a status and its period).
    for (const finding of documentRuleFindings(document)) {
      add({ id, path: finding.path, message: finding.message, severity: finding.level });
    }

    walk(document, (value, path) => {
      if (!Array.isArray(value)) return;
      const keys = new Map<string, number>();
      const seenItems = new Map<string, number>();
      value.forEach((item, index) => {
        // Lists hold each document, and each line of text, once (Sanity's unique()).
        const identity =
          typeof item === 'string'
            ? `s:${item}`
            : item !== null &&
                typeof item === 'object' &&
                typeof (item as Record<string, unknown>)['_ref'] === 'string'
              ? `r:${String((item as Record<string, unknown>)['_ref'])}`
              : undefined;
        if (identity !== undefined) {
          if (seenItems.has(identity)) {
            add({
              id,
              path: formatPath([...path, index]),
              message: DUPLICATE_ITEM_MESSAGE,
              severity: 'error',
            });
          } else seenItems.set(identity, index);
        }
        if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
        const itemKey = (item as Record<string, unknown>)['_key'];
        if (typeof itemKey !== 'string') {
          add({
            id,
            path: formatPath([...path, index, '_key']),
            message:
              'Raden i listan saknar _key: spara om dokumentet i Studion, eller ge raden en unik _key.',
            severity: 'error',
          });
        } else if (keys.has(itemKey)) {
          add({
            id,
            path: formatPath([...path, index, '_key']),
            message: `Två rader i listan har samma _key "${itemKey}" (också rad ${(keys.get(itemKey) ?? 0) + 1}): ge raden en unik _key.`,
            severity: 'error',
          });
        } else keys.set(itemKey, index);
      });
    });
  }

  // 3. Slugs unique per type.
  const slugs = new Map<string, string[]>();
  for (const document of published) {
    const current = (document['slug'] as { current?: unknown } | undefined)?.current;
    if (typeof current !== 'string' || current === '') continue;
    const key = `${document._type}\u0000${current}`;
    slugs.set(key, [...(slugs.get(key) ?? []), document._id]);
  }
  for (const [key, ids] of slugs) {
    if (ids.length < 2) continue;
    const current = key.split('\u0000')[1] ?? '';
    for (const id of ids) {
      const others = ids.filter((other) => other !== id);
      add({
        id,
        path: 'slug.current',
        message: slugNotUniqueMessage(current, others),
        severity: 'error',
      });
    }
  }

  // 4. References exist, are published and point at a type the schema allows there.
  const publishedById = new Map(published.map((document) => [document._id, document]));
  for (const document of published) {
    const targets = REFERENCE_TARGETS[document._type] ?? {};
    walk(document, (value, path) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      const ref = (value as Record<string, unknown>)['_ref'];
      if (typeof ref !== 'string' || ref === '') return;
      // File and image assets are system documents (or `_sanityAsset` in an export).
      if (path.at(-1) === 'asset') return;
      const at = formatPath([...path, '_ref']);
      const fieldPath = referenceFieldPath(path);
      const target = publishedById.get(ref);
      if (!target && refusedForLimits.has(ref)) return;
      if (!target) {
        const why = isDraftId(ref)
          ? 'draft'
          : byId.has(ref)
            ? 'unknown-type'
            : documents.some((other) => other._id === `drafts.${ref}`)
              ? 'only-draft'
              : 'missing';
        add({
          id: document._id,
          path: at,
          message: missingReferenceMessage(ref, why),
          // Weak or not: the Studio refuses a reference to a missing document unless the
          // schema marks the field weak, and no field of the content model is.
          severity: 'error',
        });
        return;
      }
      const allowed = targets[fieldPath];
      if (allowed && !allowed.includes(target._type)) {
        add({
          id: document._id,
          path: at,
          message: referenceTargetMessage(allowed, target._type, ref),
          severity: 'error',
        });
      }
    });
  }

  // 4b. A delprojekt chosen beside a programme belongs to that programme.
  const referenced = (document: RawDocument, field: string) => {
    const ref = (document[field] as { _ref?: unknown } | undefined)?._ref;
    return typeof ref === 'string' ? publishedById.get(ref) : undefined;
  };
  for (const document of published) {
    if (document._type !== 'dokument' && document._type !== 'handelse') continue;
    const delprojekt = referenced(document, 'delprojekt');
    const programme = referenced(document, 'programme');
    if (delprojekt?._type !== 'delprojekt' || programme?._type !== 'programme') continue;
    const own = referenced(delprojekt, 'programme');
    const ownRef = (delprojekt['programme'] as { _ref?: unknown } | undefined)?._ref;
    const problem = delprojektProgrammeProblem(
      {
        title: delprojekt['title'],
        programme: typeof ownRef === 'string' ? ownRef : undefined,
        programmeTitle: own?.['title'],
        programmeType: own?._type,
      },
      { id: programme._id, title: programme['title'] },
    );
    if (problem)
      add({ id: document._id, path: 'delprojekt._ref', message: problem, severity: 'error' });
  }

  // 5. The region tree: a parent where one is needed, of a kind that may hold this one, and no cycles.
  const regionNode = (id: string): RegionNode | undefined => {
    const region = publishedById.get(id);
    if (region?._type !== 'region') return undefined;
    const parent = region['parent'] as { _ref?: unknown } | undefined;
    return {
      kind: region['kind'],
      parent: typeof parent?._ref === 'string' ? parent._ref : undefined,
    };
  };
  for (const region of published) {
    if (region._type !== 'region') continue;
    const node = regionNode(region._id);
    const problem = regionParentProblem(region._id, node?.kind, node?.parent, regionNode);
    if (problem)
      add({
        id: region._id,
        path: node?.parent ? 'parent._ref' : 'parent',
        message: problem,
        severity: 'error',
      });
  }

  return sortedReport(published, problems);
}

/** The report: errors first, then warnings and infos, each in the order found. */
function sortedReport(
  published: RawDocument[],
  problems: readonly ContentProblem[],
): IntegrityReport {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => order[a.problem.severity] - order[b.problem.severity] || a.index - b.index)
    .map(({ problem }) => problem);
  return {
    published,
    problems: sorted,
    errors: sorted.filter((problem) => problem.severity === 'error'),
  };
}

/** Runs every check and throws a ContentValidationError listing every error, if there is one. */
export function assertIntegrity(
  documents: readonly RawDocument[],
  initial: readonly ContentProblem[] = [],
  context = 'The content has errors',
): IntegrityReport {
  const report = checkIntegrity(documents, initial);
  if (report.errors.length > 0) throw new ContentValidationError(report.problems, context);
  return report;
}

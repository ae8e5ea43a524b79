// Integrity checks over ALL documents before anything is built. Every problem is collected
// (not only the first) as `{ id, path, message, severity }`:
// - errors stop the build (ContentValidationError lists them all);
// - warnings (unknown types and fields, weak references to missing documents) are reported;
// - info: drafts, left out of the published set.
// System documents (`sanity.*` assets, `system.*`) are ignored.
import type { RawDocument } from './dataset.ts';
import { REFERENCE_TARGETS, documentSchemas } from './documents.ts';
import { LIMITS, documentLimitProblem } from './limits.ts';
import {
  ContentValidationError,
  formatPath,
  problemsFromZod,
  type ContentProblem,
} from './problems.ts';
import {
  DOCUMENT_TYPES,
  LINK_SCHEMES,
  WEB_SCHEMES,
  urlProblem,
  type DocumentType,
} from './schemas.ts';

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

export function isSystemDocument(document: Pick<RawDocument, '_type'>): boolean {
  return document._type.startsWith('sanity.') || document._type.startsWith('system.');
}

export function isDraftId(id: string): boolean {
  return id.startsWith('drafts.') || id.startsWith('versions.');
}

function isKnownType(type: string): type is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(type);
}

/** Keys whose string values are addresses; `href` (Portable Text links) may also be mailto: / tel:. */
function hrefSchemes(key: string): readonly string[] | undefined {
  if (key === 'href') return LINK_SCHEMES;
  if (key === 'url' || key === 'website' || /(?:Url|Href|Link)$/.test(key)) return WEB_SCHEMES;
  return undefined;
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
        message: 'draft: not published, left out of the site',
        severity: 'info',
      });
      continue;
    }
    if (byId.has(document._id)) {
      add({
        id: document._id,
        path: '_id',
        message: 'the same _id occurs more than once',
        severity: 'error',
      });
      continue;
    }
    byId.set(document._id, document);
    candidates.push(document);
  }

  const published: RawDocument[] = [];
  for (const document of candidates) {
    if (!isKnownType(document._type)) {
      add({
        id: document._id,
        path: '_type',
        message: `unknown document type "${document._type}": left out of the site`,
        severity: 'warning',
      });
      continue;
    }
    // Beyond a limit (nesting, field size), no further check may walk it.
    const beyondLimit = documentLimitProblem(document);
    if (beyondLimit) {
      add(beyondLimit);
      continue;
    }
    published.push(document);
  }
  if (published.length > LIMITS.documents) {
    add({
      id: '(dataset)',
      path: '',
      message: `${published.length.toLocaleString('en')} published documents, more than the limit of ${LIMITS.documents.toLocaleString('en')} per build`,
      severity: 'error',
    });
  }
  if (published.length === 0) {
    add({
      id: '(dataset)',
      path: '',
      message: 'the dataset has no published content documents',
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
        message: 'an _id with a dot is a private path in Sanity, unreadable without a token',
        severity: 'error',
      });
    }
    const schema = documentSchemas[document._type as DocumentType];
    const result = schema.safeParse(document);
    if (!result.success)
      for (const problem of problemsFromZod(id, result.error.issues, { input: document }))
        add(problem);

    walk(document, (value, path, key) => {
      if (typeof value === 'string' && typeof key === 'string') {
        const schemes = hrefSchemes(key);
        const problem = schemes ? urlProblem(value, schemes) : undefined;
        if (problem) add({ id, path: formatPath(path), message: problem, severity: 'error' });
      }
      if (Array.isArray(value)) {
        const keys = new Map<string, number>();
        const refs = new Map<string, number>();
        value.forEach((item, index) => {
          if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
          const ref = (item as Record<string, unknown>)['_ref'];
          if (typeof ref === 'string') {
            if (refs.has(ref)) {
              add({
                id,
                path: formatPath([...path, index, '_ref']),
                message: `references "${ref}" twice (also at [${refs.get(ref)}])`,
                severity: 'error',
              });
            } else refs.set(ref, index);
          }
          const itemKey = (item as Record<string, unknown>)['_key'];
          if (typeof itemKey !== 'string') {
            add({
              id,
              path: formatPath([...path, index, '_key']),
              message: 'array item has no _key',
              severity: 'error',
            });
          } else if (keys.has(itemKey)) {
            add({
              id,
              path: formatPath([...path, index, '_key']),
              message: `duplicate _key "${itemKey}" (also at [${keys.get(itemKey)}])`,
              severity: 'error',
            });
          } else keys.set(itemKey, index);
        });
      }
    });
  }

  // 3. Slugs unique per type.
  const slugs = new Map<string, string[]>();
  for (const document of published) {
    const current = (document['slug'] as { current?: unknown } | undefined)?.current;
    if (typeof current !== 'string') continue;
    const key = `${document._type}\u0000${current}`;
    slugs.set(key, [...(slugs.get(key) ?? []), document._id]);
  }
  for (const [key, ids] of slugs) {
    if (ids.length < 2) continue;
    const [type, current] = key.split('\u0000');
    for (const id of ids) {
      const others = ids.filter((other) => other !== id).join(', ');
      add({
        id,
        path: 'slug.current',
        message: `slug "${current}" is not unique among ${type} documents (also ${others})`,
        severity: 'error',
      });
    }
  }

  // 4. References exist, are published and point at an allowed type.
  const publishedById = new Map(published.map((document) => [document._id, document]));
  for (const document of published) {
    const targets = REFERENCE_TARGETS[document._type as DocumentType];
    walk(document, (value, path) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      const ref = (value as Record<string, unknown>)['_ref'];
      if (typeof ref !== 'string' || ref === '') return;
      // File and image assets are system documents (or `_sanityAsset` in an export).
      if (path.at(-1) === 'asset') return;
      const at = formatPath([...path, '_ref']);
      const weak = (value as Record<string, unknown>)['_weak'] === true;
      const target = publishedById.get(ref);
      if (!target) {
        const why = isDraftId(ref)
          ? 'a draft, which is never published'
          : byId.has(ref)
            ? `a document of unknown type "${byId.get(ref)?._type}"`
            : documents.some((other) => other._id === `drafts.${ref}`)
              ? 'a document that exists only as a draft'
              : 'a document that does not exist';
        add({
          id: document._id,
          path: at,
          message: `references "${ref}", ${why}`,
          severity: weak ? 'warning' : 'error',
        });
        return;
      }
      const field = path[0];
      const allowed = typeof field === 'string' ? targets[field] : undefined;
      if (allowed && !allowed.includes(target._type as DocumentType)) {
        add({
          id: document._id,
          path: at,
          message: `must reference ${allowed.join(' or ')}, but "${ref}" is a ${target._type}`,
          severity: 'error',
        });
      }
    });
  }

  // 5. The region tree has no cycles.
  const parentOf = (id: string): string | undefined => {
    const parent = publishedById.get(id)?.['parent'] as { _ref?: unknown } | undefined;
    return typeof parent?._ref === 'string' ? parent._ref : undefined;
  };
  for (const region of published) {
    if (region._type !== 'region') continue;
    const chain = [region._id];
    let next = parentOf(region._id);
    while (next !== undefined && publishedById.get(next)?._type === 'region') {
      if (next === region._id) {
        add({
          id: region._id,
          path: 'parent._ref',
          message:
            chain.length === 1
              ? 'a region cannot be its own parent'
              : `the parent chain is a cycle: ${[...chain, next].join(' → ')}`,
          severity: 'error',
        });
        break;
      }
      if (chain.includes(next)) break; // a cycle above this region: reported on its members
      chain.push(next);
      next = parentOf(next);
    }
  }

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

// What an editor does between two builds, applied to a copy of a generated dataset for the
// benchmark's rebuilds: edit one document (the title and summary of a programme listed on
// several pages), add one, delete one (a dokument nothing refers to). Each change keeps the dataset valid (the content check
// passes), so a rebuild measures the build, not an error. Pure functions over the documents,
// and the NDJSON file's reading and writing.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATASET_FILE, parseNdjson, type RawDocument } from '../../src/lib/content/dataset.ts';
import type { DocumentType } from '../../src/lib/content/schemas.ts';
import { hrefFor } from '../../src/lib/urls.ts';

export const DATASET_CHANGES = ['edit', 'add', 'delete'] as const;
export type DatasetChange = (typeof DATASET_CHANGES)[number];

export interface AppliedChange {
  change: DatasetChange;
  /** The `_id` edited, added or deleted. */
  id: string;
  description: string;
  /** The document's own page in the built site (`program/<slug>/index.html`). */
  page: string;
  /** What a rebuild must show: the page with this text, the page, or no page. */
  expect: { contains: string } | 'exists' | 'absent';
}

export const ADDED_ID = 'syn-programme-bench-added';
const EDIT_MARK = ' (reviderad)';

/** Every `_ref` anywhere inside `value`. */
function referencesIn(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) referencesIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '_ref' && typeof child === 'string') found.add(child);
      else referencesIn(child, found);
    }
  }
  return found;
}

const listLength = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/** The programme that the most region and theme pages list (ties: the first by `_id`). */
function mostListedProgramme(documents: readonly RawDocument[]): RawDocument {
  let best: RawDocument | undefined;
  let bestScore = -1;
  for (const document of documents) {
    if (document._type !== 'programme' || document._id === ADDED_ID) continue;
    const score = listLength(document['regions']) + listLength(document['themes']);
    if (score > bestScore || (score === bestScore && best && document._id < best._id)) {
      best = document;
      bestScore = score;
    }
  }
  if (!best) throw new Error('The dataset has no programme to edit');
  return best;
}

/** A moment after every `_updatedAt` in the dataset, so the change is the newest (RSS, sitemap). */
function nextTimestamp(documents: readonly RawDocument[]): string {
  let latest = 0;
  for (const document of documents) {
    const at = Date.parse(String(document['_updatedAt'] ?? ''));
    if (Number.isFinite(at) && at > latest) latest = at;
  }
  return new Date(latest + 60_000).toISOString();
}

function slugOf(document: RawDocument): string | undefined {
  const current = (document['slug'] as { current?: unknown } | undefined)?.current;
  return typeof current === 'string' ? current : undefined;
}

/** The output file of a document's own page. */
function pageOf(document: RawDocument): string {
  const href = hrefFor(document._type as DocumentType, slugOf(document) ?? '');
  return `${decodeURIComponent(href).replace(/^\//, '')}index.html`;
}

/**
 * Whether the site built in `siteDir` shows `applied` on the changed document's own page: the
 * edited title, the added page, no page left of the deleted document. A problem, or undefined.
 * A rebuild that does not show its change measured nothing.
 */
export async function changeProblem(
  siteDir: string,
  applied: AppliedChange,
): Promise<string | undefined> {
  const file = path.join(siteDir, applied.page);
  if (applied.expect === 'absent')
    return existsSync(file)
      ? `${applied.page} is still there after deleting ${applied.id}`
      : undefined;
  if (!existsSync(file))
    return `${applied.page} is missing after the ${applied.change} of ${applied.id}`;
  if (applied.expect === 'exists') return undefined;
  const html = await readFile(file, 'utf8');
  return html.includes(applied.expect.contains)
    ? undefined
    : `${applied.page} does not show "${applied.expect.contains}" after editing ${applied.id}`;
}

/** `documents` with one more change made (a new array; the documents changed are copies). */
export function applyChange(
  documents: readonly RawDocument[],
  change: DatasetChange,
): { documents: RawDocument[]; applied: AppliedChange } {
  const updatedAt = nextTimestamp(documents);
  if (change === 'edit') {
    const target = mostListedProgramme(documents);
    const edited: RawDocument = {
      ...target,
      _rev: `bench-edit-${String(target['_rev'] ?? '')}`,
      _updatedAt: updatedAt,
      title: `${String(target['title'])}${EDIT_MARK}`,
      summary: `Sammanfattningen är reviderad. ${String(target['summary'])}`,
    };
    return {
      documents: documents.map((document) => (document === target ? edited : document)),
      applied: {
        change,
        id: target._id,
        description: `title and summary of ${target._id} (${listLength(target['regions'])} regions, ${listLength(target['themes'])} themes)`,
        page: pageOf(edited),
        expect: { contains: EDIT_MARK.trim() },
      },
    };
  }
  if (change === 'add') {
    if (documents.some((document) => document._id === ADDED_ID))
      throw new Error(`${ADDED_ID} is already in the dataset`);
    const model = mostListedProgramme(documents);
    const slugs = new Set(
      documents.filter((document) => document._type === 'programme').map(slugOf),
    );
    let slug = 'tillagt-program-for-nara-vard';
    for (let n = 2; slugs.has(slug); n += 1) slug = `tillagt-program-for-nara-vard-${n}`;
    // The new programme shares the model's regions and themes, so it is listed on their pages;
    // it lists no contacts or documents of its own (theirs point back to their own programme).
    const added: RawDocument = {
      _id: ADDED_ID,
      _type: 'programme',
      _rev: 'bench-add',
      _createdAt: updatedAt,
      _updatedAt: updatedAt,
      title: 'Tillagt program för nära vård',
      slug: { _type: 'slug', current: slug },
      summary: 'Ett program som lades till mellan två byggen, för att mäta ett ombygge.',
      status: 'pagaende',
      ...(model['regions'] ? { regions: model['regions'] } : {}),
      ...(model['themes'] ? { themes: model['themes'] } : {}),
      ...(model['sources'] ? { sources: model['sources'] } : {}),
    };
    return {
      documents: [...documents, added].sort((a, b) => (a._id < b._id ? -1 : 1)),
      applied: {
        change,
        id: ADDED_ID,
        description: `programme ${ADDED_ID}`,
        page: pageOf(added),
        expect: 'exists',
      },
    };
  }
  // Delete: the first document (a report, a slide deck… with a page of its own) that no other
  // document refers to, so no reference is left dangling.
  const referenced = new Set<string>();
  for (const document of documents) referencesIn(document, referenced);
  const target = documents.find(
    (document) => document._type === 'dokument' && !referenced.has(document._id),
  );
  if (!target) throw new Error('The dataset has no dokument that nothing refers to');
  return {
    documents: documents.filter((document) => document !== target),
    applied: {
      change,
      id: target._id,
      description: `dokument ${target._id}`,
      page: pageOf(target),
      expect: 'absent',
    },
  };
}

/** The documents of `<dir>/data.ndjson`; a line that is not a document is an error. */
export async function readDatasetDocuments(dir: string): Promise<RawDocument[]> {
  const file = path.join(dir, DATASET_FILE);
  const { documents, problems } = parseNdjson(await readFile(file, 'utf8'), file);
  if (problems.length > 0)
    throw new Error(`${file}: ${problems.map((problem) => problem.message).join('; ')}`);
  return documents;
}

/** Writes `<dir>/data.ndjson`, one compact document per line, through a renamed temporary file. */
export async function writeDatasetDocuments(
  dir: string,
  documents: readonly RawDocument[],
): Promise<void> {
  const file = path.join(dir, DATASET_FILE);
  await writeFile(
    `${file}.tmp`,
    documents.map((document) => `${JSON.stringify(document)}\n`).join(''),
  );
  await rename(`${file}.tmp`, file);
}

// The content snapshot in git (`content/dataset/`): an unpacked `sanity dataset export`.
//
//   data.ndjson   one document per line, exactly as the export writes each line
//                 (JSON.stringify of the document the Content Lake returns), sorted by _id
//   assets.json   only when there are assets: the export's asset metadata (original file
//                 name, image metadata, …) keyed by `image-{sha1}` / `file-{sha1}`, keys
//                 sorted, two-space indented
//   images/, files/  only when there are assets: the files, named as the export names them
//                 (`{sha1}-{w}x{h}.{ext}`, `{sha1}.{ext}`); documents point at them with
//                 `_sanityAsset: "image@file://./images/…"` where the project has
//                 `asset: {_ref: "image-…"}`
//
// `sanity dataset import` (and @sanity/import) reads this folder as it is. Sorting by _id and
// keeping each line as the Content Lake wrote it means an unchanged document is an unchanged
// line, so a pull's git diff shows what editors changed and nothing else.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { RawDocument } from '../../src/lib/content/dataset.ts';

export const DATA_FILE = 'data.ndjson';
export const ASSETS_FILE = 'assets.json';
export const ASSET_FOLDERS = ['images', 'files'] as const;

export type AssetMap = Record<string, Record<string, unknown>>;

/** Fields the Content Lake writes itself; a push does not count them as content. */
export const SYSTEM_FIELDS = ['_rev', '_createdAt', '_updatedAt'] as const;

/** Sorts by `_id` in code-unit order (what `sort` on the ids gives, and git-friendly). */
export function sortById<T extends { _id: string }>(documents: readonly T[]): T[] {
  return [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
}

/** The data.ndjson text: one `JSON.stringify(document)` per line, sorted by `_id`, final newline. */
export function serialiseDocuments(documents: readonly RawDocument[]): string {
  return sortById(documents)
    .map((document) => `${JSON.stringify(document)}\n`)
    .join('');
}

/** The assets.json text: keys sorted at every level, two-space indented, final newline. */
export function serialiseAssetMap(assetMap: AssetMap): string {
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  };
  return `${JSON.stringify(sortKeys(assetMap), null, 2)}\n`;
}

/** Every asset file of a snapshot folder, as sorted relative paths (`images/….png`). */
export async function listAssetFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const folder of ASSET_FOLDERS) {
    const entries = await readdir(path.join(dir, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isFile()) files.push(`${folder}/${entry.name}`);
  }
  return files.sort();
}

export async function readAssetMap(dir: string): Promise<AssetMap> {
  try {
    return JSON.parse(await readFile(path.join(dir, ASSETS_FILE), 'utf8')) as AssetMap;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(
      `${path.join(dir, ASSETS_FILE)} is not valid JSON: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** Writes data.ndjson (and assets.json when there are assets) into `dir`. */
export async function writeSnapshotFiles(
  dir: string,
  documents: readonly RawDocument[],
  assetMap: AssetMap,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, DATA_FILE), serialiseDocuments(documents));
  if (Object.keys(assetMap).length > 0) {
    await writeFile(path.join(dir, ASSETS_FILE), serialiseAssetMap(assetMap));
  }
}

// ---------------------------------------------------------------------------
// Assets: the export's placeholders and the project's asset ids

const SANITY_ASSET = /^(image|file)@file:\/\/\.\/((?:images|files)\/[^/]+)$/;

/**
 * The asset id a snapshot file becomes in a project, as Sanity derives it from the file:
 * `images/{sha1}-{w}x{h}.{ext}` → `image-{sha1}-{w}x{h}-{ext}`, `files/{sha1}.{ext}` →
 * `file-{sha1}-{ext}`. Undefined for a name the export would not write.
 */
export function assetIdForFile(file: string): string | undefined {
  const image = /^images\/([a-f0-9]{40}-\d+x\d+)\.([a-z0-9]+)$/.exec(file);
  if (image) return `image-${image[1]}-${image[2]}`;
  const other = /^files\/([a-f0-9]{40})\.([a-z0-9]+)$/.exec(file);
  if (other) return `file-${other[1]}-${other[2]}`;
  return undefined;
}

/** The asset files a document points at with `_sanityAsset` (relative paths). */
export function referencedAssetFiles(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedAssetFiles(item, found);
  } else if (value !== null && typeof value === 'object') {
    const placeholder = (value as Record<string, unknown>)['_sanityAsset'];
    const match = typeof placeholder === 'string' ? SANITY_ASSET.exec(placeholder) : null;
    if (match) found.add(match[2] as string);
    for (const child of Object.values(value)) referencedAssetFiles(child, found);
  }
  return found;
}

const UNCOMPARABLE = Symbol('uncomparable');

/**
 * What a snapshot document will be in the project once imported: system fields left out and
 * each `_sanityAsset` placeholder replaced by the asset reference it becomes. UNCOMPARABLE
 * when a placeholder points somewhere else (a URL), which only an import can resolve.
 */
function asProjectContent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asProjectContent);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) {
    if (key === '_sanityAsset') continue;
    const converted = asProjectContent(child);
    if (converted === UNCOMPARABLE) return UNCOMPARABLE;
    result[key] = converted;
  }
  if ('_sanityAsset' in record) {
    const match =
      typeof record['_sanityAsset'] === 'string' ? SANITY_ASSET.exec(record['_sanityAsset']) : null;
    const assetId = match ? assetIdForFile(match[2] as string) : undefined;
    if (!assetId) return UNCOMPARABLE;
    result['asset'] = { _ref: assetId, _type: 'reference' };
  }
  return result;
}

function withoutSystemFields(document: RawDocument): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...document };
  for (const field of SYSTEM_FIELDS) delete copy[field];
  return copy;
}

/**
 * The top-level fields in which a project document differs from a snapshot document, system
 * fields aside (`[]`: the same content, key order aside). A reference the project still has
 * as `_weak` (an import stopped before it strengthened it) counts as a difference.
 */
export function differingFields(
  snapshotDocument: RawDocument,
  projectDocument: RawDocument,
): string[] {
  const wanted = asProjectContent(withoutSystemFields(snapshotDocument));
  const actual = withoutSystemFields(projectDocument);
  if (wanted === UNCOMPARABLE) return ['(assets)'];
  const fields = new Set([...Object.keys(wanted as object), ...Object.keys(actual)]);
  return [...fields]
    .filter(
      (field) => !isDeepStrictEqual((wanted as Record<string, unknown>)[field], actual[field]),
    )
    .sort();
}

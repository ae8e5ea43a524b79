// `npm run content:push`: imports a snapshot folder (content/dataset/) into the Sanity project
// named in the environment, with @sanity/import doing the work `sanity dataset import
// --replace` does: createOrReplace in batched transactions, references weakened while
// documents arrive and strengthened after, assets uploaded (or reused by hash) and referenced.
//
// Before writing, the push compares every snapshot document with the project's version (by
// id, drafts included, system fields aside) and hands @sanity/import only the documents that
// are new or different, so a second push writes nothing and an interrupted push, run again,
// writes what is still missing (a document whose references are still weak counts as
// different). `--dry-run` stops after that comparison and says what would change.
// Documents that are only in the project are left alone (and listed).
import { sanityImport } from '@sanity/import';

type ImportOptions = NonNullable<Parameters<typeof sanityImport>[1]>;
import type { SanityClient } from '@sanity/client';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDataset, type RawDocument } from '../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../src/lib/content/integrity.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import {
  CommandError,
  explainApiError,
  projectClient,
  projectTarget,
  writeToken,
  type ProjectEnv,
  type ProjectTarget,
  type ProjectToken,
} from './project.ts';
import {
  assetIdForFile,
  differingFields,
  listAssetFiles,
  readAssetMap,
  referencedAssetFiles,
  sortById,
} from './snapshot.ts';

export interface PushOptions {
  env: ProjectEnv;
  /** The snapshot folder. */
  dir: string;
  /** Compare and report only; write nothing. */
  dryRun?: boolean;
  /** Write every snapshot document, also those the project already has unchanged. */
  all?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface PushPlan {
  /** Ids not in the project. */
  create: string[];
  /** Ids in the project with other content, and the top-level fields that differ. */
  replace: Array<{ id: string; fields: string[] }>;
  unchanged: string[];
  /** Ids in the project (drafts included) that the snapshot does not have: left alone. */
  onlyInProject: string[];
  /** Snapshot asset files the project does not have yet. */
  uploadAssets: string[];
  /** Snapshot asset files the project already has (same id, i.e. same bytes). */
  presentAssets: string[];
}

export interface PushSummary {
  target: string;
  dryRun: boolean;
  plan: PushPlan;
  /** Documents handed to @sanity/import (0 in a dry run). */
  written: number;
}

const ID_BATCH = 100;

async function fetchByIds(client: SanityClient, ids: string[]): Promise<Map<string, RawDocument>> {
  const found = new Map<string, RawDocument>();
  for (let start = 0; start < ids.length; start += ID_BATCH) {
    const batch = ids.slice(start, start + ID_BATCH);
    const documents = await client.getDocuments<RawDocument>(batch);
    for (const document of documents)
      if (document) found.set(document._id, document as RawDocument);
  }
  return found;
}

/** Reads and checks the snapshot: a push never spreads content the site cannot build from. */
async function readCheckedSnapshot(dir: string) {
  const { documents, problems } = await readDataset(dir);
  const report = checkIntegrity(documents, problems);
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    throw new CommandError(
      [
        `content:push: the snapshot in ${dir} has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was pushed.`,
        ...errors.slice(0, 30).map((problem) => `  ${formatProblem(problem)}`),
        ...(errors.length > 30 ? [`  … and ${errors.length - 30} more`] : []),
      ].join('\n'),
    );
  }
  const assetFiles = await listAssetFiles(dir);
  const referenced = new Set<string>();
  for (const document of documents) referencedAssetFiles(document, referenced);
  const missing = [...referenced].filter((file) => !assetFiles.includes(file));
  if (missing.length > 0) {
    throw new CommandError(
      `content:push: documents point at asset files that are not in ${dir}: ${missing.join(', ')}`,
    );
  }
  return { documents, assetFiles, assetMap: await readAssetMap(dir) };
}

/** Checks that the token may write, without writing: a dry-run mutation. */
async function checkWriteAccess(client: SanityClient, sample: RawDocument): Promise<void> {
  await client.mutate([{ createIfNotExists: { _id: sample._id, _type: sample._type } }], {
    dryRun: true,
    visibility: 'async',
    tag: 'naravard.push.check',
  });
}

export async function planPush(
  client: SanityClient,
  documents: RawDocument[],
  assetFiles: string[],
): Promise<PushPlan> {
  const ids = documents.map((document) => document._id);
  const existing = await fetchByIds(client, ids);
  const plan: PushPlan = {
    create: [],
    replace: [],
    unchanged: [],
    onlyInProject: [],
    uploadAssets: [],
    presentAssets: [],
  };
  for (const document of sortById(documents)) {
    const current = existing.get(document._id);
    if (!current) plan.create.push(document._id);
    else {
      const fields = differingFields(document, current);
      if (fields.length > 0) plan.replace.push({ id: document._id, fields });
      else plan.unchanged.push(document._id);
    }
  }
  const snapshotIds = new Set(ids);
  const projectIds = await client.fetch<string[]>(
    '*[!(_id in path("_.**")) && !(_type in ["sanity.imageAsset", "sanity.fileAsset"]) && !string::startsWith(_type, "system.")]._id',
    {},
    { perspective: 'raw', tag: 'naravard.push.ids' },
  );
  plan.onlyInProject = projectIds.filter((id) => !snapshotIds.has(id)).sort();
  const assetIds = new Map(assetFiles.map((file) => [file, assetIdForFile(file)]));
  const presentAssetIds = await fetchByIds(
    client,
    [...assetIds.values()].filter((id): id is string => id !== undefined),
  );
  for (const [file, id] of assetIds) {
    if (id && presentAssetIds.has(id)) plan.presentAssets.push(file);
    else plan.uploadAssets.push(file);
  }
  return plan;
}

function listIds(ids: string[], limit = 12): string {
  return ids.length <= limit
    ? ids.join(', ')
    : `${ids.slice(0, limit).join(', ')}, … (${ids.length - limit} more)`;
}

export function describePlan(plan: PushPlan, dryRun: boolean): string[] {
  const will = dryRun ? 'would' : 'will';
  const lines = [
    `Documents: ${plan.create.length} to create, ${plan.replace.length} to replace, ${plan.unchanged.length} unchanged.`,
  ];
  if (plan.create.length > 0) lines.push(`  ${will} create: ${listIds(plan.create)}`);
  for (const { id, fields } of plan.replace.slice(0, 20))
    lines.push(`  ${will} replace ${id} (${fields.join(', ')})`);
  if (plan.replace.length > 20) lines.push(`  … and ${plan.replace.length - 20} more to replace`);
  lines.push(
    `Assets: ${plan.uploadAssets.length} to upload, ${plan.presentAssets.length} already in the project.`,
  );
  if (plan.uploadAssets.length > 0) lines.push(`  ${will} upload: ${listIds(plan.uploadAssets)}`);
  if (plan.onlyInProject.length > 0) {
    lines.push(
      `Left alone: ${plan.onlyInProject.length} document${plan.onlyInProject.length === 1 ? '' : 's'} only in the project (not in the snapshot; pull to get them): ${listIds(plan.onlyInProject)}`,
    );
  }
  return lines;
}

export async function pushSnapshot(options: PushOptions): Promise<PushSummary> {
  const command = 'content:push';
  const log = options.log ?? (() => {});
  const dir = path.resolve(options.dir);
  const target: ProjectTarget = projectTarget(options.env, command);
  const token: ProjectToken = writeToken(options.env, command);
  const { documents, assetFiles, assetMap } = await readCheckedSnapshot(dir);
  const client = projectClient(target, token);
  const dryRun = options.dryRun ?? false;
  log(
    `${dryRun ? 'Dry run: comparing' : 'Pushing'} ${path.relative(process.cwd(), dir) || '.'} (${documents.length} documents, ${assetFiles.length} assets) with ${target.describe}`,
  );

  let plan: PushPlan;
  try {
    if (documents.length > 0) await checkWriteAccess(client, documents[0] as RawDocument);
    plan = await planPush(client, documents, assetFiles);
  } catch (error) {
    throw explainApiError(error, target, token, 'write', command);
  }
  if (options.all) {
    plan.replace.push(...plan.unchanged.map((id) => ({ id, fields: ['(--all)'] })));
    plan.unchanged = [];
  }
  for (const line of describePlan(plan, dryRun)) log(line);
  const summary: PushSummary = { target: target.describe, dryRun, plan, written: 0 };
  if (dryRun) {
    log('Dry run: nothing was written.');
    return summary;
  }

  const toWrite = new Set([...plan.create, ...plan.replace.map(({ id }) => id)]);
  // @sanity/import changes the documents it is given (weakened references): give it copies.
  const writing = documents
    .filter((document) => toWrite.has(document._id))
    .map((document) => structuredClone(document));
  const referencedByWriting = new Set<string>();
  for (const document of writing) referencedAssetFiles(document, referencedByWriting);
  const unreferencedUploads = plan.uploadAssets
    .filter((file) => !referencedByWriting.has(file))
    .map(
      (file) =>
        `${file.startsWith('images/') ? 'image' : 'file'}#${pathToFileURL(path.join(dir, file)).href}`,
    );
  if (writing.length === 0 && unreferencedUploads.length === 0) {
    log('Nothing to write: the project already has this snapshot.');
    return summary;
  }

  let lastStep = '';
  try {
    const result = await sanityImport(writing, {
      client,
      operation: 'createOrReplace',
      assetsBase: dir,
      // The export's metadata per asset (no _id/_type): what @sanity/import reads from assets.json.
      assetMap: assetMap as unknown as NonNullable<ImportOptions['assetMap']>,
      unreferencedAssets: unreferencedUploads,
      tag: 'naravard.push',
      onProgress: ({ step }) => {
        if (step !== lastStep) log(`  ${step}`);
        lastStep = step;
      },
    });
    summary.written = writing.length;
    for (const warning of result.warnings) log(`  warning: ${warning.message}`);
  } catch (error) {
    const explained = explainApiError(error, target, token, 'write', command);
    throw new CommandError(
      [
        explained.message,
        `The push stopped during "${lastStep || 'the start'}": part of the snapshot may already be in the project.`,
        'Run the push again: it compares again and writes only what is still missing or different.',
      ].join('\n'),
    );
  }
  log(
    `Pushed: ${plan.create.length} created, ${plan.replace.length} replaced, ${plan.uploadAssets.length} asset${plan.uploadAssets.length === 1 ? '' : 's'} uploaded; ${plan.unchanged.length} unchanged.`,
  );
  return summary;
}

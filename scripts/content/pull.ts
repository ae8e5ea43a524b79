// `npm run content:pull`: a snapshot of the Sanity project named in the environment into a
// folder (content/dataset/), the way `sanity dataset export` makes one: @sanity/export streams
// the export endpoint, leaves system documents out, downloads every asset and rewrites asset
// references to `_sanityAsset` placeholders. The tarball is unpacked and written in the
// snapshot's stable form (see snapshot.ts) into a temporary folder next to the target, which
// then replaces the target in two renames: a pull that fails at any point before that leaves
// the old snapshot as it was.
//
// Published documents only, unless `drafts` (`--drafts`): then drafts (`drafts.*`) too.
import { exportDataset } from '@sanity/export';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { extract } from 'tar';
import type { RawDocument } from '../../src/lib/content/dataset.ts';
import {
  CommandError,
  explainApiError,
  projectClient,
  projectTarget,
  readToken,
  type ProjectEnv,
} from './project.ts';
import {
  ASSET_FOLDERS,
  DATA_FILE,
  listAssetFiles,
  readAssetMap,
  serialiseDocuments,
  writeSnapshotFiles,
  type AssetMap,
} from './snapshot.ts';

export interface PullOptions {
  env: ProjectEnv;
  /** The snapshot folder to replace (created when missing). */
  dir: string;
  /** Also export drafts. */
  drafts?: boolean;
  /** Replace the snapshot even when the project has no documents. */
  allowEmpty?: boolean;
  log?: (line: string) => void;
}

export interface PullSummary {
  target: string;
  documents: number;
  assets: number;
  added: string[];
  changed: string[];
  removed: string[];
  assetsAdded: string[];
  assetsRemoved: string[];
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The documents of the current snapshot by id, with their line text ({} when there is none). */
async function readLines(dir: string): Promise<Map<string, string>> {
  const lines = new Map<string, string>();
  const text = await readFile(path.join(dir, DATA_FILE), 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      lines.set((JSON.parse(line) as RawDocument)._id, line);
    } catch {
      // A broken old line is replaced like any other.
    }
  }
  return lines;
}

/** Replaces `dir` with `fresh` in two renames; on failure the old folder is put back. */
async function swapInto(fresh: string, dir: string, work: string): Promise<void> {
  const old = path.join(work, 'previous');
  const hadOld = await exists(dir);
  if (hadOld) await rename(dir, old);
  try {
    await rename(fresh, dir);
  } catch (error) {
    if (hadOld) await rename(old, dir);
    throw error;
  }
}

export async function pullSnapshot(options: PullOptions): Promise<PullSummary> {
  const command = 'content:pull';
  const log = options.log ?? (() => {});
  const dir = path.resolve(options.dir);
  const target = projectTarget(options.env, command);
  const token = readToken(options.env, command);
  const client = projectClient(target, token);
  const drafts = options.drafts ?? false;
  log(
    `Pulling ${drafts ? 'published documents and drafts' : 'published documents'} from ${target.describe}`,
  );

  // Next to the target, so the final rename stays on one file system.
  await mkdir(path.dirname(dir), { recursive: true });
  const work = path.join(
    path.dirname(dir),
    `.${path.basename(dir)}.pull-${process.pid}-${Date.now()}`,
  );
  await mkdir(work);
  try {
    try {
      // A cheap read first: a wrong token or dataset fails here with a clear message.
      await client.fetch(
        'count(*[_id == $id])',
        { id: 'naravard.pull.check' },
        { tag: 'naravard.pull.check' },
      );
    } catch (error) {
      throw explainApiError(error, target, token, 'read', command);
    }
    const tarball = path.join(work, 'export.tar.gz');
    let lastStep = '';
    try {
      await exportDataset({
        client,
        dataset: target.dataset,
        outputPath: tarball,
        drafts,
        assets: true,
        raw: false,
        compress: false,
        onProgress: ({ step }) => {
          if (step !== lastStep) log(`  ${step}`);
          lastStep = step;
        },
      });
    } catch (error) {
      const explained = explainApiError(error, target, token, 'read', command);
      throw new CommandError(
        `${explained.message}\nThe snapshot in ${options.dir} was not changed.`,
      );
    }

    // The tarball holds one folder (`{dataset}-export-{time}/`): data.ndjson, assets.json, images/, files/.
    const unpacked = path.join(work, 'unpacked');
    await mkdir(unpacked);
    await extract({ file: tarball, cwd: unpacked, strip: 1 });
    const text = await readFile(path.join(unpacked, DATA_FILE), 'utf8');
    const documents = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as RawDocument);
    const before = await readLines(dir);
    if (documents.length === 0 && before.size > 0 && !options.allowEmpty) {
      throw new CommandError(
        [
          `${command}: ${target.describe} has no ${drafts ? '' : 'published '}documents; the snapshot in ${options.dir} (${before.size} documents) was kept.`,
          'Check SANITY_DATASET, or pass --allow-empty to replace it with an empty snapshot.',
        ].join('\n'),
      );
    }

    const fresh = path.join(work, 'snapshot');
    const assetMap: AssetMap = await readAssetMap(unpacked);
    await writeSnapshotFiles(fresh, documents, assetMap);
    for (const folder of ASSET_FOLDERS) {
      const files = await readdir(path.join(unpacked, folder)).catch(() => []);
      if (files.length > 0) await rename(path.join(unpacked, folder), path.join(fresh, folder));
    }
    const assetsBefore = await listAssetFiles(dir);
    const assetsAfter = await listAssetFiles(fresh);

    // What changed, line by line (the new lines are exactly what was written).
    const after = new Map(
      serialiseDocuments(documents)
        .split('\n')
        .filter(Boolean)
        .map((line) => [(JSON.parse(line) as RawDocument)._id, line] as const),
    );
    const summary: PullSummary = {
      target: target.describe,
      documents: documents.length,
      assets: assetsAfter.length,
      added: [...after.keys()].filter((id) => !before.has(id)),
      changed: [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)),
      removed: [...before.keys()].filter((id) => !after.has(id)),
      assetsAdded: assetsAfter.filter((file) => !assetsBefore.includes(file)),
      assetsRemoved: assetsBefore.filter((file) => !assetsAfter.includes(file)),
    };

    await swapInto(fresh, dir, work);
    log(
      `Wrote ${options.dir}: ${summary.documents} documents, ${summary.assets} asset files. ` +
        `Changed since the last snapshot: ${summary.added.length} added, ${summary.changed.length} changed, ${summary.removed.length} removed` +
        `${summary.assetsAdded.length + summary.assetsRemoved.length > 0 ? `; assets ${summary.assetsAdded.length} added, ${summary.assetsRemoved.length} removed` : ''}.`,
    );
    const list = (label: string, ids: string[]) => {
      if (ids.length > 0)
        log(
          `  ${label}: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? `, … (${ids.length - 20} more)` : ''}`,
        );
    };
    list('added', summary.added);
    list('changed', summary.changed);
    list('removed', summary.removed);
    return summary;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

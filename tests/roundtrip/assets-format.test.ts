// Assets through the round trip, and the snapshot checked against Sanity's own packages: what
// @sanity/export writes for `sanity dataset export` (line for line, file for file) and what
// @sanity/import reads for `sanity dataset import` (the folder as it is).
//
// An editors' project: the embedded dataset plus an image uploaded in the Studio's media
// browser and a file attached to a document (two tiny PNGs made with sharp).
import { exportDataset } from '@sanity/export';
import { sanityImport } from '@sanity/import';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset, type RawDocument } from '../../src/lib/content/dataset.ts';
import { pullSnapshot } from '../../scripts/content/pull.ts';
import { pushSnapshot, type PushSummary } from '../../scripts/content/push.ts';
import type { ContentLake, LakeDocument } from '../support/content-lake.ts';
import {
  EMBEDDED_DATASET,
  editorClient,
  filesIn,
  projectEnv,
  readLines,
  removeScratchDirs,
  scratchDir,
  startLake,
} from './support.ts';

const parse = (line: string) => JSON.parse(line) as RawDocument;
const SYSTEM = ['_rev', '_createdAt', '_updatedAt'];

/** A document without the fields each project sets itself. */
function content(
  document: Record<string, unknown>,
  fields = ['_rev', '_updatedAt'],
): Record<string, unknown> {
  const copy = { ...document };
  for (const field of fields) delete copy[field];
  return copy;
}

const isAsset = (document: LakeDocument) =>
  document._type === 'sanity.imageAsset' || document._type === 'sanity.fileAsset';

describe('assets and the dataset import/export format', () => {
  let editors: ContentLake;
  let pushedTo: ContentLake;
  let imported: ContentLake;
  let snapshot: string;
  let pushed: PushSummary;
  let image: { _id: string; sha1hash: string; bytes: Buffer };
  let file: { _id: string; sha1hash: string; bytes: Buffer };
  let attachedTo: string;

  beforeAll(async () => {
    const { documents } = await readDataset(EMBEDDED_DATASET);
    editors = await startLake(documents);
    const client = editorClient(editors);
    const imageBytes = await sharp({
      create: { width: 3, height: 2, channels: 3, background: '#005c55' },
    })
      .png()
      .toBuffer();
    const fileBytes = await sharp({
      create: { width: 2, height: 2, channels: 4, background: '#ffd43b80' },
    })
      .png()
      .toBuffer();
    const imageAsset = await client.assets.upload('image', imageBytes, {
      filename: 'illustration.png',
    });
    const fileAsset = await client.assets.upload('file', fileBytes, { filename: 'bilaga.png' });
    image = { _id: imageAsset._id, sha1hash: imageAsset.sha1hash, bytes: imageBytes };
    file = { _id: fileAsset._id, sha1hash: fileAsset.sha1hash, bytes: fileBytes };
    attachedTo = (documents.find((document) => document._type === 'dokument') as RawDocument)._id;
    await client
      .patch(attachedTo)
      .set({
        attachment: {
          _type: 'attachment',
          file: { _type: 'file', asset: { _type: 'reference', _ref: file._id } },
        },
      })
      .commit();
    snapshot = await scratchDir('assets');
    await pullSnapshot({ env: projectEnv(editors), dir: snapshot });
    pushedTo = await startLake();
    pushed = await pushSnapshot({ env: projectEnv(pushedTo), dir: snapshot });
    imported = await startLake();
  });

  afterAll(async () => {
    await Promise.all([editors?.close(), pushedTo?.close(), imported?.close()]);
    await removeScratchDirs();
  });

  it('pulls the files into images/ and files/ and the documents with _sanityAsset placeholders', async () => {
    const imageFile = `images/${image.sha1hash}-3x2.png`;
    const fileFile = `files/${file.sha1hash}.png`;
    expect(await filesIn(snapshot)).toEqual(['assets.json', 'data.ndjson', fileFile, imageFile]);
    expect(await readFile(path.join(snapshot, imageFile))).toEqual(image.bytes);
    expect(await readFile(path.join(snapshot, fileFile))).toEqual(file.bytes);
    const documents = (await readLines(snapshot)).map(parse);
    expect(documents.filter((document) => document._type.startsWith('sanity.'))).toEqual([]);
    const attached = documents.find((document) => document._id === attachedTo) as RawDocument;
    expect(attached['attachment']).toEqual({
      _type: 'attachment',
      file: { _sanityAsset: `file@file://./${fileFile}`, _type: 'file' },
    });
    const assetMap = JSON.parse(
      await readFile(path.join(snapshot, 'assets.json'), 'utf8'),
    ) as Record<string, Record<string, unknown>>;
    expect(Object.keys(assetMap)).toEqual([`file-${file.sha1hash}`, `image-${image.sha1hash}`]);
    expect(assetMap[`image-${image.sha1hash}`]).toMatchObject({
      originalFilename: 'illustration.png',
      metadata: { dimensions: { width: 3, height: 2 } },
    });
    expect(assetMap[`file-${file.sha1hash}`]).toMatchObject({ originalFilename: 'bilaga.png' });
  });

  it("holds exactly @sanity/export's lines and files (sanity dataset export --no-drafts), sorted by _id", async () => {
    const work = await scratchDir('sanity-export');
    await exportDataset({
      client: editorClient(editors),
      dataset: 'production',
      outputPath: path.join(work, 'export.tar.gz'),
      drafts: false,
    });
    const unpacked = path.join(work, 'unpacked');
    await mkdir(unpacked);
    await extract({ file: path.join(work, 'export.tar.gz'), cwd: unpacked, strip: 1 });
    const theirs = (await readFile(path.join(unpacked, 'data.ndjson'), 'utf8'))
      .split('\n')
      .filter(Boolean);
    const ours = await readLines(snapshot);
    expect(ours.length).toBeGreaterThan(70);
    expect([...theirs].sort()).toEqual([...ours].sort());
    const ids = ours.map((line) => parse(line)._id);
    expect(ids).toEqual([...ids].sort());
    const theirFiles = (await filesIn(unpacked)).filter((name) => /^(images|files)\//.test(name));
    const ourFiles = (await filesIn(snapshot)).filter((name) => /^(images|files)\//.test(name));
    expect(ourFiles).toEqual(theirFiles);
    for (const name of ourFiles) {
      expect(await readFile(path.join(snapshot, name))).toEqual(
        await readFile(path.join(unpacked, name)),
      );
    }
    expect(JSON.parse(await readFile(path.join(snapshot, 'assets.json'), 'utf8'))).toEqual(
      JSON.parse(await readFile(path.join(unpacked, 'assets.json'), 'utf8')),
    );
  });

  it('pushes the assets: uploaded, referenced, their metadata restored; the next push reuses them', async () => {
    expect(pushed.plan.uploadAssets).toEqual([
      `files/${file.sha1hash}.png`,
      `images/${image.sha1hash}-3x2.png`,
    ]);
    const stored = [...pushedTo.assetFiles().values()];
    expect(stored).toHaveLength(2);
    expect(stored.some((bytes) => bytes.equals(image.bytes))).toBe(true);
    expect(stored.some((bytes) => bytes.equals(file.bytes))).toBe(true);
    const byId = new Map(pushedTo.getDocuments().map((document) => [document._id, document]));
    expect(byId.get(attachedTo)?.['attachment']).toEqual({
      _type: 'attachment',
      file: { _type: 'file', asset: { _ref: file._id, _type: 'reference' } },
    });
    expect(byId.get(image._id)).toMatchObject({
      _type: 'sanity.imageAsset',
      originalFilename: 'illustration.png',
    });
    expect(byId.get(file._id)).toMatchObject({
      _type: 'sanity.fileAsset',
      originalFilename: 'bilaga.png',
    });
    const again = await pushSnapshot({ env: projectEnv(pushedTo), dir: snapshot, dryRun: true });
    expect(again.plan).toMatchObject({ create: [], replace: [], uploadAssets: [] });
    expect(again.plan.presentAssets).toHaveLength(2);
  });

  it('pulls back the same snapshot from the pushed project, revision fields aside', async () => {
    const back = await scratchDir('assets-back');
    await pullSnapshot({ env: projectEnv(pushedTo), dir: back });
    expect(await filesIn(back)).toEqual(await filesIn(snapshot));
    for (const name of (await filesIn(snapshot)).filter((entry) =>
      /^(images|files)\//.test(entry),
    )) {
      expect(await readFile(path.join(back, name))).toEqual(
        await readFile(path.join(snapshot, name)),
      );
    }
    const before = (await readLines(snapshot)).map((line) => content(parse(line)));
    const after = (await readLines(back)).map((line) => content(parse(line)));
    expect(after).toEqual(before);
    const assetMap = async (dir: string) =>
      Object.fromEntries(
        Object.entries(
          JSON.parse(await readFile(path.join(dir, 'assets.json'), 'utf8')) as Record<
            string,
            Record<string, unknown>
          >,
        ).map(([id, meta]) => [id, content(meta, SYSTEM)]),
      );
    expect(await assetMap(back)).toEqual(await assetMap(snapshot));
  });

  it('is read by @sanity/import as it is (sanity dataset import <folder>), giving what content:push gives', async () => {
    await sanityImport(snapshot, { client: editorClient(imported), operation: 'createOrReplace' });
    const documents = (lake: ContentLake) =>
      lake
        .getDocuments()
        .filter((document) => !isAsset(document))
        .map((document) => content(document))
        .sort((a, b) => String(a['_id']).localeCompare(String(b['_id'])));
    expect(documents(imported)).toHaveLength((await readLines(snapshot)).length);
    expect(documents(imported)).toEqual(documents(pushedTo));
    const assets = (lake: ContentLake) =>
      lake
        .getDocuments()
        .filter(isAsset)
        .map((document) => [document._id, document['sha1hash'], document['originalFilename']])
        .sort();
    expect(assets(imported)).toEqual(assets(pushedTo));
    expect(assets(imported)).toHaveLength(2);
  });
});

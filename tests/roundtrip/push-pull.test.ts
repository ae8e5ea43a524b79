// content:push and content:pull against the loopback Content Lake: the embedded dataset goes
// into an empty project and comes back line for line; a pulled snapshot pushes as a no-op and
// pulls again byte for byte; an editor's change is one changed line; a dry run writes nothing;
// drafts come only when asked for; a failed pull keeps the old snapshot.
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/lib/content/dataset.ts';
import { CommandError } from '../../scripts/content/project.ts';
import { pullSnapshot } from '../../scripts/content/pull.ts';
import { pushSnapshot, type PushSummary } from '../../scripts/content/push.ts';
import type { ContentLake } from '../support/content-lake.ts';
import {
  EMBEDDED_DATASET,
  editorClient,
  filesIn,
  projectEnv,
  readLines,
  removeScratchDirs,
  scratchDir,
  startLake,
  writesTo,
} from './support.ts';

const parse = (line: string) => JSON.parse(line) as RawDocument;

describe('content:push then content:pull with an empty project', () => {
  let lake: ContentLake;
  let pushed: PushSummary;
  let pulled: string;
  const pushLog: string[] = [];

  beforeAll(async () => {
    lake = await startLake();
    pushed = await pushSnapshot({
      env: projectEnv(lake),
      dir: EMBEDDED_DATASET,
      log: (line) => pushLog.push(line),
    });
    pulled = await scratchDir('pulled');
    await pullSnapshot({ env: projectEnv(lake), dir: pulled });
  });

  afterAll(async () => {
    await lake?.close();
    await removeScratchDirs();
  });

  it('creates every document of the embedded dataset, references strengthened', async () => {
    const committed = (await readLines(EMBEDDED_DATASET)).map(parse);
    expect(pushed.plan.create).toEqual(committed.map((document) => document._id));
    expect(pushed.written).toBe(committed.length);
    const inProject = lake.getDocuments();
    expect(inProject.map((document) => document._id).sort()).toEqual(
      committed.map((document) => document._id),
    );
    expect(JSON.stringify(inProject)).not.toContain('"_weak"');
    expect(pushLog.join('\n')).toContain(`Pushed: ${committed.length} created, 0 replaced`);
  });

  it('gives back every line; only the revision fields the project sets differ', async () => {
    const committed = await readLines(EMBEDDED_DATASET);
    const lines = await readLines(pulled);
    expect(await filesIn(pulled)).toEqual(['data.ndjson']);
    expect(lines).toHaveLength(committed.length);
    committed.forEach((line, index) => {
      const before = parse(line);
      const after = parse(lines[index] as string);
      expect(after._id).toBe(before._id);
      // The Content Lake gives every write a new revision and keeps a declared _createdAt.
      expect(after['_rev']).not.toBe(before['_rev']);
      expect(after['_createdAt']).toBe(before['_createdAt']);
      const expected = line
        .replace(
          `"_rev":${JSON.stringify(before['_rev'])}`,
          `"_rev":${JSON.stringify(after['_rev'])}`,
        )
        .replace(
          `"_updatedAt":${JSON.stringify(before['_updatedAt'])}`,
          `"_updatedAt":${JSON.stringify(after['_updatedAt'])}`,
        );
      expect(lines[index]).toBe(expected);
    });
  });

  it('reproduces a pulled snapshot exactly: pushing it writes nothing, pulling again gives the same bytes', async () => {
    const writes = writesTo(lake);
    const again = await pushSnapshot({ env: projectEnv(lake), dir: pulled });
    expect(again.plan.create).toEqual([]);
    expect(again.plan.replace).toEqual([]);
    expect(again.plan.unchanged).toHaveLength((await readLines(pulled)).length);
    expect(again.written).toBe(0);
    expect(writesTo(lake)).toBe(writes);
    const second = await scratchDir('pulled-again');
    const summary = await pullSnapshot({ env: projectEnv(lake), dir: second });
    expect(summary.changed).toEqual([]);
    expect(await readFile(path.join(second, 'data.ndjson'))).toEqual(
      await readFile(path.join(pulled, 'data.ndjson')),
    );
  });

  it("shows an editor's change as that document's line and nothing else", async () => {
    const dir = await scratchDir('edited');
    await cp(pulled, dir, { recursive: true });
    const before = await readLines(dir);
    const programme = before
      .map(parse)
      .find((document) => document._type === 'programme') as RawDocument;
    await editorClient(lake)
      .patch(programme._id)
      .set({ summary: `${String(programme['summary'])} Texten ses över av redaktionen.` })
      .commit();
    const summary = await pullSnapshot({ env: projectEnv(lake), dir });
    expect(summary).toMatchObject({ added: [], removed: [], changed: [programme._id] });
    const after = await readLines(dir);
    const changed = after
      .map((line, index) => (line === before[index] ? null : index))
      .filter((index) => index !== null);
    expect(changed).toEqual([before.findIndex((line) => parse(line)._id === programme._id)]);
    expect(String(parse(after[changed[0] as number] as string)['summary'])).toMatch(
      /ses över av redaktionen\.$/,
    );
  });

  it('pulls drafts only with drafts: true', async () => {
    const published = parse(
      (await readLines(pulled)).find((line) => parse(line)._type === 'tema') as string,
    );
    await editorClient(lake).createOrReplace({
      ...published,
      _id: `drafts.${published._id}`,
      name: `${String(published['name'])} (utkast)`,
    });
    const withoutDrafts = await scratchDir('published');
    await pullSnapshot({ env: projectEnv(lake), dir: withoutDrafts });
    expect(
      (await readLines(withoutDrafts)).some((line) => parse(line)._id.startsWith('drafts.')),
    ).toBe(false);
    const withDrafts = await scratchDir('drafts');
    await cp(withoutDrafts, withDrafts, { recursive: true });
    const summary = await pullSnapshot({ env: projectEnv(lake), dir: withDrafts, drafts: true });
    expect(summary.added).toEqual([`drafts.${published._id}`]);
    const ids = (await readLines(withDrafts)).map((line) => parse(line)._id);
    expect(ids).toContain(`drafts.${published._id}`);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('content:push against a project that already has content', () => {
  let lake: ContentLake;
  let snapshot: string;

  beforeAll(async () => {
    lake = await startLake();
    await pushSnapshot({ env: projectEnv(lake), dir: EMBEDDED_DATASET });
    snapshot = await scratchDir('snapshot');
    await pullSnapshot({ env: projectEnv(lake), dir: snapshot });
  });

  afterAll(async () => {
    await lake?.close();
    await removeScratchDirs();
  });

  it('dry run: lists what would be created and replaced (with the fields), writes nothing; the push then does it', async () => {
    const lines = await readLines(snapshot);
    const documents = lines.map(parse);
    // A document nothing references strongly can leave the project; the push brings it back.
    const referenced = new Set(
      lines.flatMap((line) => [...line.matchAll(/"_ref":"([^"]+)"/g)].map((match) => match[1])),
    );
    const removed = documents.find((document) => !referenced.has(document._id)) as RawDocument;
    await editorClient(lake).delete(removed._id);
    // An editor's new document stays: a push never deletes.
    const extra = {
      ...(documents.find((document) => document._type === 'handelse') as RawDocument),
    };
    extra._id = `${extra._id}-redaktionen`;
    await editorClient(lake).create(extra);
    // The snapshot changes one title.
    const edited = documents.find((document) => document._type === 'dokument') as RawDocument;
    const editedLines = lines.map((line) =>
      parse(line)._id === edited._id
        ? JSON.stringify({ ...edited, title: `${String(edited['title'])} (reviderad)` })
        : line,
    );
    await writeFile(path.join(snapshot, 'data.ndjson'), `${editedLines.join('\n')}\n`);

    const writes = writesTo(lake);
    const log: string[] = [];
    const dry = await pushSnapshot({
      env: projectEnv(lake),
      dir: snapshot,
      dryRun: true,
      log: (line) => log.push(line),
    });
    expect(dry.dryRun).toBe(true);
    expect(dry.plan.create).toEqual([removed._id]);
    expect(dry.plan.replace).toEqual([{ id: edited._id, fields: ['title'] }]);
    expect(dry.plan.onlyInProject).toEqual([extra._id]);
    expect(dry.plan.unchanged).toHaveLength(documents.length - 2);
    expect(dry.written).toBe(0);
    expect(writesTo(lake)).toBe(writes);
    expect(log.join('\n')).toContain(`would replace ${edited._id} (title)`);
    expect(log.join('\n')).toContain('Dry run: nothing was written.');

    const real = await pushSnapshot({ env: projectEnv(lake), dir: snapshot });
    expect(real.written).toBe(2);
    const inProject = new Map(lake.getDocuments().map((document) => [document._id, document]));
    expect(inProject.get(edited._id)?.['title']).toBe(`${String(edited['title'])} (reviderad)`);
    expect(inProject.has(removed._id)).toBe(true);
    expect(inProject.has(extra._id)).toBe(true);
    const after = await pushSnapshot({ env: projectEnv(lake), dir: snapshot, dryRun: true });
    expect(after.plan.create.length + after.plan.replace.length).toBe(0);
  });

  it('a pull that fails half-way leaves the old snapshot as it was', async () => {
    const dir = await scratchDir('kept');
    await cp(EMBEDDED_DATASET, dir, { recursive: true });
    const before = await readFile(path.join(dir, 'data.ndjson'));
    let cut = false;
    lake.use((context, next) => {
      if (context.route?.endpoint !== 'export' || cut) return next();
      cut = true;
      // The export stream breaks off after a few documents.
      const lines = lake.getDocuments().map((document) => JSON.stringify(document));
      context.res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      context.res.write(`${lines.slice(0, 5).join('\n')}\n${(lines[5] as string).slice(0, 40)}`);
      setTimeout(() => context.res.destroy(), 20);
      return undefined;
    });
    const failure = await pullSnapshot({ env: projectEnv(lake), dir }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CommandError);
    expect((failure as Error).message).toContain(`The snapshot in ${dir} was not changed.`);
    expect(cut).toBe(true);
    expect(await readFile(path.join(dir, 'data.ndjson'))).toEqual(before);
    expect(await filesIn(dir)).toEqual(['data.ndjson']);
    // No temporary folder is left beside it.
    const siblings = await readdir(path.dirname(dir));
    expect(siblings.filter((name) => name.startsWith(`.${path.basename(dir)}.pull-`))).toEqual([]);
  });
});

// A push that breaks off half-way (the connection drops after some of @sanity/import's
// transactions), run again, ends where an uninterrupted push ends. The snapshot is the
// synthetic dataset generator's (1,200 documents, 1.7 MB), so the import takes several
// batched transactions.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushSnapshot } from '../../scripts/content/push.ts';
import type { ContentLake, LakeDocument } from '../support/content-lake.ts';
import {
  WRITE_TOKEN,
  projectEnv,
  readLines,
  removeScratchDirs,
  runScript,
  scratchDir,
  startLake,
} from './support.ts';

const DOCUMENTS = 1200;

/** The project's documents without the fields it sets on every write, sorted by id. */
function state(lake: ContentLake): LakeDocument[] {
  return lake
    .getDocuments()
    .map((document) => {
      const copy = { ...document };
      delete copy['_rev'];
      delete copy['_updatedAt'];
      return copy;
    })
    .sort((a, b) => (a._id < b._id ? -1 : 1));
}

describe('a push interrupted half-way and run again', () => {
  let snapshot: string;
  let lake: ContentLake;
  let reference: ContentLake;
  let connectionDrops = true;
  let committed = 0;

  beforeAll(async () => {
    snapshot = await scratchDir('synthetic');
    const generated = await runScript(
      'generate-dataset.ts',
      ['--docs', String(DOCUMENTS), '--seed', '7', '--out', snapshot],
      {},
    );
    expect(generated.code, generated.stderr).toBe(0);
    lake = await startLake();
    // After two committed transactions every further write loses its connection.
    lake.use((context, next) => {
      const write =
        context.route?.endpoint === 'mutate' && context.url.searchParams.get('dryRun') !== 'true';
      if (!write || !connectionDrops) return next();
      if (committed < 2) {
        committed += 1;
        return next();
      }
      context.res.destroy();
      return undefined;
    });
    reference = await startLake();
    await pushSnapshot({ env: projectEnv(reference), dir: snapshot });
  });

  afterAll(async () => {
    await Promise.all([lake?.close(), reference?.close()]);
    await removeScratchDirs();
  });

  it('stops with a message that says to run it again, part of the snapshot written', async () => {
    // The command in its own process, as `npm run content:push` runs: when it stops, it stops.
    const failure = await runScript('content-push.ts', ['--dir', snapshot], projectEnv(lake));
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('The push stopped during "Importing documents"');
    expect(failure.stderr).toContain('Run the push again');
    expect(failure.stderr).not.toContain(WRITE_TOKEN);
    const written = lake.getDocuments();
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(DOCUMENTS);
    // Written while references are weak; the step that strengthens them never ran.
    expect(JSON.stringify(written)).toContain('"_weak":true');
  });

  it('writes what is missing or still different when run again, and ends as an uninterrupted push', async () => {
    connectionDrops = false;
    const before = lake.getDocuments().length;
    const rerun = await pushSnapshot({ env: projectEnv(lake), dir: snapshot });
    expect(rerun.plan.create).toHaveLength(DOCUMENTS - before);
    // Documents from the first run still hold weak references: they are written again.
    expect(rerun.plan.replace.length).toBeGreaterThan(0);
    expect(rerun.plan.create.length + rerun.plan.replace.length + rerun.plan.unchanged.length).toBe(
      DOCUMENTS,
    );
    expect(state(lake)).toHaveLength((await readLines(path.resolve(snapshot))).length);
    expect(state(lake)).toEqual(state(reference));
    expect(JSON.stringify(lake.getDocuments())).not.toContain('"_weak"');
    const third = await pushSnapshot({ env: projectEnv(lake), dir: snapshot, dryRun: true });
    expect(third.plan.create.length + third.plan.replace.length).toBe(0);
  });
});

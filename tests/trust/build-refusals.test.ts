// `npm run build`'s command (scripts/build.ts) refusing what it cannot build from, with an
// earlier site in the output folder that must stay byte for byte, and nothing left beside it:
// - a Content Lake answer above the size limit, read no further than the limit;
// - a redirect from the Content Lake, reported as one (never "the answer has no result");
// - a check that fails after the documents held together, when Astro has already been started
//   beside the collection queries (the hand-over, src/lib/content/handover.ts): Astro is stopped
//   and its output never shown. A file asset whose address is `javascript:` gets there: asset
//   documents are not checked on their own, but every page's query result is.
// The first two stop in the content check, before Astro; none builds a site.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlProblem } from '../../src/lib/rules/index.ts';
import {
  endlessAnswer,
  startContentLake,
  type ContentLake,
  type LakeHandler,
} from '../support/content-lake.ts';
import { processesWith } from '../support/processes.ts';
import {
  CRASH,
  ROOT,
  fingerprint,
  fixtureDocuments,
  runBuild,
  toNdjson,
  withEarlierSite,
  writeDataset,
} from './helpers.ts';

const TOKEN = 'sk-build-refusals-token-0123456789';

describe('the build refuses what it cannot build from, and leaves the earlier site', () => {
  let root: string;
  let site: string;
  let outDir: string;
  let before: Record<string, string>;
  let lake: ContentLake;
  let fault: LakeHandler | undefined;

  beforeAll(async () => {
    ({ root, site, outDir } = await withEarlierSite('naravard-trust-refusals-', 'Gammal sida'));
    before = await fingerprint(outDir);
    lake = await startContentLake({
      dataset: fixtureDocuments(),
      projectId: 'naravard',
      token: TOKEN,
    });
    lake.use((ctx, next) => (ctx.route?.endpoint === 'query' && fault ? fault(ctx, next) : next()));
  });
  afterAll(async () => {
    await lake?.close();
    await rm(root, { recursive: true, force: true });
  });

  const remoteEnv = (extra: Record<string, string> = {}) => ({
    SANITY_PROJECT_ID: 'naravard',
    SANITY_DATASET: 'production',
    SANITY_API_HOST: lake.apiHost,
    SANITY_TOKEN: TOKEN,
    ...extra,
  });

  async function expectEarlierSiteKept(output: string): Promise<void> {
    expect(output).toContain(`Nothing was built; ${path.relative(ROOT, outDir)}/ is unchanged.`);
    expect(output).not.toMatch(CRASH);
    expect(output).not.toContain(TOKEN);
    expect(await fingerprint(outDir)).toEqual(before);
    // No temporary folder, checked-content file or records file beside it.
    expect(await readdir(site)).toEqual(['dist']);
  }

  it('refuses an answer above the size limit, naming the limit and how to raise it', async () => {
    const answer = endlessAnswer();
    fault = answer.handler;
    const { exitCode, output } = await runBuild({
      outDir,
      env: remoteEnv({ SANITY_MAX_ANSWER_MB: '2' }),
      expectCheckToFail: true,
    });
    expect(exitCode, output).toBe(1);
    expect(output).toContain(
      `Could not get content from Sanity project naravard, dataset production at ${lake.apiHost}: the query for all published documents failed: the answer is larger than the limit of 2 MiB: reading stopped there (SANITY_MAX_ANSWER_MB=2 sets it (2 MiB): raise it to allow a larger one)`,
    );
    await expectEarlierSiteKept(output);
    expect(answer.sent()).toBeLessThan(32 * 1024 * 1024);
  });

  it('reports a redirect from the Content Lake as a redirect, without following it', async () => {
    fault = (ctx) => {
      ctx.res.writeHead(302, { location: 'https://login.example.org/sso?next=/v1' });
      ctx.res.end();
    };
    const queries = () => lake.requests.filter((r) => r.route?.endpoint === 'query').length;
    const asked = queries();
    const { exitCode, output } = await runBuild({
      outDir,
      env: remoteEnv(),
      expectCheckToFail: true,
    });
    expect(exitCode, output).toBe(1);
    expect(output).toContain(
      'the query for all published documents failed: HTTP 302 Found, a redirect to https://login.example.org/sso?next=/v1: not followed',
    );
    expect(output).not.toMatch(/has no result|not the query API's JSON/);
    expect(queries() - asked).toBe(1);
    await expectEarlierSiteKept(output);
  });

  // With two render processes (src/lib/render-shards.ts) both are stopped, the second possibly
  // while it waits for the first to sync.
  it.each([1, 2])(
    'stops Astro (%i process(es)), started once the documents held together, when the check fails after that',
    async (processes) => {
      fault = undefined;
      const documents = fixtureDocuments().map((document) =>
        document._id === 'dokument-gr-rapport'
          ? {
              ...document,
              attachment: {
                _type: 'attachment',
                file: { _type: 'file', asset: { _type: 'reference', _ref: 'file-rapport-pdf' } },
              },
            }
          : document,
      );
      documents.push({
        _id: 'file-rapport-pdf',
        _type: 'sanity.fileAsset',
        extension: 'pdf',
        url: 'javascript:alert(1)',
      });
      const dir = await writeDataset(path.join(root, `late-${processes}`), toNdjson(documents));
      const probe = path.join(root, `astro-started-${processes}`);
      const probeModule = pathToFileURL(path.join(ROOT, 'tests', 'support', 'handover-probe.ts'));
      const { exitCode, output } = await runBuild({
        outDir,
        env: {
          CONTENT_DIR: dir,
          HANDOVER_PROBE: probe,
          NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${probeModule.href}`.trim(),
          NARAVARD_RENDER_SHARDS: String(processes),
        },
      });
      expect(exitCode, output).toBe(1);
      expect(output).toContain(
        `dokument-gr-rapport · url · ${urlProblem('javascript:alert(1)', ['http', 'https'])} (i samlingen dokument)`,
      );
      // Astro had started (the check held its result back until then) and is gone.
      const started = (await readFile(probe, 'utf8')).trim().split('\n').map(Number);
      expect(started).toHaveLength(processes);
      for (const astro of started) {
        expect(astro).toBeGreaterThan(0);
        expect(() => process.kill(astro, 0)).toThrow(/ESRCH/);
      }
      expect(await processesWith('environ', `HANDOVER_PROBE=${probe}`)).toEqual([]);
      // Astro's output is held back until the check has passed, and then never shown.
      expect(output).not.toMatch(/\[(build|content|vite)\]/);
      await expectEarlierSiteKept(output);
    },
  );
});

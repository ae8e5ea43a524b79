// `npm run build` writes into a temporary folder beside the output and swaps it in only when
// the whole build succeeded. Real builds into one output folder:
// 1. a good dataset (CONTENT_DIR, with an unknown type and a broken draft) is built and swapped
//    in: the earlier files are gone, the warning is printed, drafts and unknown types are left out;
// 2. a build stopped after Astro has started writing (Astro empties its output folder before it
//    writes pages, so a plain `astro build` would have destroyed the earlier site);
// 3. a build from a Content Lake that goes down once the content check has read it (Astro builds
//    from the checked content and never asks the lake again);
// 4. a build from a Content Lake that cannot be reached (it retries, then gives up);
// after 2 to 4 the output is byte for byte the one of build 1, and no temporary folder is left
// (the earlier site that build 1 replaced included: the next build removes it).
// (A check that fails once Astro has started is in build-refusals.test.ts.)
import { readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContentLake } from '../support/content-lake.ts';
import {
  withEarlierSite,
  CRASH,
  fingerprint,
  fixtureDocuments,
  runBuild,
  toNdjson,
  writeDataset,
} from './helpers.ts';

const DRAFT_NAME = 'Utkasttema som aldrig publiceras';
const UNKNOWN_TITLE = 'Widget av okänd typ';

describe('the build swaps a finished site in, and only then', () => {
  let root: string;
  let site: string;
  let outDir: string;
  let built: Record<string, string> | undefined;

  beforeAll(async () => {
    ({ root, site, outDir } = await withEarlierSite('naravard-trust-swap-', 'Gammal sida'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('builds the dataset named by CONTENT_DIR and swaps it in', async () => {
    const documents = fixtureDocuments();
    documents.push({ _id: 'widget-1', _type: 'widget', title: UNKNOWN_TITLE });
    // A draft is never checked or published, however broken.
    documents.push({
      _id: 'drafts.tema-utkast',
      _type: 'tema',
      name: DRAFT_NAME,
      slug: { current: 'Ej Giltig!' },
    });
    const dir = await writeDataset(path.join(root, 'good'), toNdjson(documents));

    const { exitCode, output } = await runBuild({
      outDir,
      env: { CONTENT_DIR: dir },
      command: 'npm',
    });
    expect(exitCode, output).toBe(0);
    expect(output).toContain(`Checking the content from embedded dataset ${dir}`);
    expect(output).toContain(
      'warning  widget-1 · _type · Dokumenttypen "widget" finns inte i innehållsmodellen: dokumentet kommer inte med på webbplatsen.',
    );
    expect(output).toContain(
      'info     drafts.tema-utkast · (document) · Utkast: det är inte publicerat och kommer inte med på webbplatsen.',
    );
    expect(output).not.toMatch(CRASH);

    expect(existsSync(path.join(outDir, 'gammal'))).toBe(false);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
    // The fixture's regions, not the embedded dataset's.
    expect(existsSync(path.join(outDir, 'regioner', 'fyrbodal', 'index.html'))).toBe(true);
    expect(existsSync(path.join(outDir, 'regioner', 'sodermanland'))).toBe(false);
    // The earlier site waits beside it, for the next build to remove.
    const beside = (await readdir(site)).filter((entry) => entry !== 'dist');
    expect(beside).toEqual([expect.stringMatching(/^\.dist\.replaced-\d+$/)]);
    expect(existsSync(path.join(site, beside[0]!, 'gammal'))).toBe(true);

    built = await fingerprint(outDir);
    const texts = await Promise.all(
      Object.keys(built)
        .filter((file) => /\.(html|xml|json)$/.test(file))
        .map((file) => readFile(path.join(outDir, file), 'utf8')),
    );
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) {
      expect(text).not.toContain(DRAFT_NAME);
      expect(text).not.toContain('(utkast)'); // the fixture's own draft of programme-gr
      expect(text).not.toContain(UNKNOWN_TITLE);
    }
  });

  it('leaves the earlier site byte for byte when a build is stopped after Astro started writing', async () => {
    expect(built, 'needs the site of the previous test').toBeDefined();
    const documents = fixtureDocuments().map((document) =>
      document._id === 'region-fyrbodal'
        ? { ...document, name: 'Fyrbodal (ny version)' }
        : document,
    );
    const dir = await writeDataset(path.join(root, 'changed'), toNdjson(documents));
    let sawTemporaryFiles = false;
    const { stopped, exitCode, output } = await runBuild({
      outDir,
      env: { CONTENT_DIR: dir },
      // Stop once Astro has put files into the temporary folder beside dist/.
      stopWhen: async () => {
        for (const entry of await readdir(site)) {
          if (
            entry.startsWith('.dist.building-') &&
            (await readdir(path.join(site, entry)).catch(() => [])).length > 0
          ) {
            sawTemporaryFiles = true;
          }
        }
        return sawTemporaryFiles;
      },
    });
    expect(stopped, output).toBe(true);
    expect(sawTemporaryFiles).toBe(true);
    expect(exitCode).not.toBe(0);
    expect(output).toContain('The build was stopped');
    expect(output).toContain('is unchanged');
    expect(await fingerprint(outDir)).toEqual(built);
    expect(await readdir(site)).toEqual(['dist']);
  });

  it('asks the Content Lake once: Astro builds from the content the check read, even if the lake is down by then', async () => {
    expect(built, 'needs the site of the previous test').toBeDefined();
    const lake = await startContentLake({ dataset: fixtureDocuments(), projectId: 'naravard' });
    // The build's own content check gets its one answer (the snapshot of every document); from
    // then on the lake is down, and Astro's loader must not need it.
    const checkQueries = 1;
    let queries = 0;
    lake.use((ctx, next) => {
      if (ctx.route?.endpoint !== 'query' || ++queries <= checkQueries) return next();
      return ctx.json(
        503,
        { error: 'Service Unavailable', message: 'Down for maintenance' },
        { 'retry-after': '0' },
      );
    });
    let output: string;
    try {
      const result = await runBuild({
        outDir,
        env: {
          SANITY_PROJECT_ID: 'naravard',
          SANITY_DATASET: 'production',
          SANITY_API_HOST: lake.apiHost,
        },
      });
      output = result.output;
      expect(result.exitCode, output).toBe(0);
    } finally {
      await lake.close();
    }
    expect(output).toContain('Content checked: 11 published documents.');
    expect(queries).toBe(checkQueries);
    // The same content as the embedded build before it, and no handed-over file left behind:
    // beside the output only the site it replaced, for the next build to remove.
    expect(await fingerprint(outDir)).toEqual(built);
    expect(await readdir(site)).toEqual([expect.stringMatching(/^\.dist\.replaced-\d+$/), 'dist']);
  });

  it('leaves the earlier site byte for byte when the Content Lake cannot be reached', async () => {
    expect(built, 'needs the site of the previous test').toBeDefined();
    const lake = await startContentLake({ dataset: fixtureDocuments(), projectId: 'naravard' });
    const token = 'sk-swap-test-token-9876543210';
    let requests = 0;
    lake.use((ctx) => {
      requests++;
      ctx.json(
        503,
        { error: 'Service Unavailable', message: 'Down for maintenance' },
        { 'retry-after': '0' },
      );
    });
    try {
      const { exitCode, output } = await runBuild({
        outDir,
        env: {
          SANITY_PROJECT_ID: 'naravard',
          SANITY_DATASET: 'production',
          SANITY_API_HOST: lake.apiHost,
          SANITY_TOKEN: token,
        },
        expectCheckToFail: true,
      });
      expect(exitCode, output).toBe(1);
      expect(output).toContain(
        `Could not get content from Sanity project naravard, dataset production at ${lake.apiHost} after 4 attempts`,
      );
      expect(output).toContain('HTTP 503 Service Unavailable');
      expect(output).toContain('Nothing was built');
      expect(output).not.toContain(token);
      expect(output).not.toMatch(CRASH);
      expect(requests).toBe(4);
    } finally {
      await lake.close();
    }
    expect(await fingerprint(outDir)).toEqual(built);
    expect(await readdir(site)).toEqual(['dist']);
  });
});

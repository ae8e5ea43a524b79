// Signals reach the build however it is started, and a build killed part-way leaves nothing
// running and nothing behind once the next build has started:
// 1. SIGTERM to `npm run build` (npm's own process: what a CI runner or supervisor signals) once
//    Astro writes: npm 11 kills its shell and exits without signalling `node scripts/build.ts`,
//    which notices npm has gone, stops Astro and removes its temporary folder;
// 2. the same with SIGKILL to npm (the shell between npm and the build then lives on);
// 3. SIGKILL to the build while its content check waits for the Content Lake: the check's own
//    process ends with the build instead of running on; and SIGTERM, at the same point, to the
//    `npx` or the shell (`bash -c`) that started the build, which then lives on unless it notices;
// 4. SIGKILL to the build in the steps after Astro (Pagefind, social images): Pagefind's and
//    Astro's processes end, and the next build removes the temporary folder left beside dist/.
// The earlier output is byte for byte as it was after each.
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContentLake, type ContentLake } from '../support/content-lake.ts';
import { processesWith } from '../support/processes.ts';
import {
  withEarlierSite,
  fingerprint,
  fixtureDocuments,
  runBuild,
  toNdjson,
  writeDataset,
} from './helpers.ts';

describe('a build stops with whatever started it', () => {
  let root: string;
  let site: string;
  let outDir: string;
  let dataset: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    ({ root, site, outDir } = await withEarlierSite('naravard-trust-signals-', 'Gammal'));
    before = await fingerprint(outDir);
    dataset = await writeDataset(path.join(root, 'content'), toNdjson(fixtureDocuments()));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** The processes of this test's builds: the build, its check, Astro (by their environment). */
  const buildProcesses = async () => [
    ...(await processesWith('environ', `ASTRO_OUT_DIR=${outDir}\0`)),
    ...(await processesWith('environ', `ASTRO_OUT_DIR=${path.join(site, '.dist.building-')}`)),
    ...(await processesWith('cmdline', path.join(site, '.dist.content-'))),
  ];

  /** True once Astro has put files into the temporary folder beside dist/. */
  const astroWrites = async () => {
    for (const entry of await readdir(site))
      if (
        entry.startsWith('.dist.building-') &&
        (await readdir(path.join(site, entry)).catch(() => [])).length > 0
      )
        return true;
    return false;
  };

  for (const signal of ['SIGTERM', 'SIGKILL'] as const)
    it(`stops when npm run build gets ${signal} while Astro writes`, async () => {
      const { stopped, output, closedAfterStopMs } = await runBuild({
        outDir,
        env: { CONTENT_DIR: dataset },
        command: 'npm',
        stopWhen: astroWrites,
        stopSignal: signal,
      });
      expect(stopped, output).toBe(true);
      // The build shares npm's output: it closed when the build had stopped.
      expect(closedAfterStopMs, output).toBeLessThan(10_000);
      expect(output).toContain('The build was stopped');
      expect(await buildProcesses()).toEqual([]);
      expect(await fingerprint(outDir)).toEqual(before);
      expect(await readdir(site)).toEqual(['dist']);
    });

  it('ends the content check with the build killed while the check waits for the lake', async () => {
    const { lake, env } = await startSlowLake();
    try {
      const { stopped, output, closedAfterStopMs } = await runBuild({
        outDir,
        env,
        expectCheckToFail: true,
        stopSignal: 'SIGKILL',
        stopWhen: async () =>
          (await processesWith('cmdline', path.join(site, '.dist.content-'))).length > 0,
      });
      expect(stopped, output).toBe(true);
      // The check's process shares the build's output: it closed when the check had ended,
      // long before the lake answered (on a loaded machine the check may still be starting).
      expect(closedAfterStopMs, output).toBeLessThan(15_000);
      expect(await buildProcesses()).toEqual([]);
    } finally {
      await lake.close();
    }
    expect(await fingerprint(outDir)).toEqual(before);
  });

  for (const command of ['npx', 'shell'] as const)
    it(`stops when the ${command} that started it gets SIGTERM while the check waits for the lake`, async () => {
      const { lake, env } = await startSlowLake();
      try {
        const { stopped, output, closedAfterStopMs } = await runBuild({
          outDir,
          env,
          command,
          expectCheckToFail: true,
          stopWhen: async () =>
            (await processesWith('cmdline', path.join(site, '.dist.content-'))).length > 0,
        });
        expect(stopped, output).toBe(true);
        expect(closedAfterStopMs, output).toBeLessThan(15_000);
        expect(output).toContain('The build was stopped');
        expect(output).not.toContain('after the build');
        expect(await buildProcesses()).toEqual([]);
      } finally {
        await lake.close();
      }
      expect(await fingerprint(outDir)).toEqual(before);
      expect(await readdir(site)).toEqual(['dist']);
    });

  it('leaves no process behind when the build is killed after Astro, and the next build cleans up', async () => {
    let building: string | undefined;
    const { stopped, output } = await runBuild({
      outDir,
      env: { CONTENT_DIR: dataset },
      stopSignal: 'SIGKILL',
      // The steps after Astro: Astro's page is written and Astro's process has ended.
      stopWhen: async () => {
        building = (await readdir(site)).find((entry) => entry.startsWith('.dist.building-'));
        return (
          building !== undefined &&
          existsSync(path.join(site, building, 'index.html')) &&
          (await processesWith('environ', `ASTRO_OUT_DIR=${path.join(site, building)}`)).length ===
            0
        );
      },
    });
    expect(stopped, output).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await buildProcesses()).toEqual([]);
    expect(existsSync(path.join(site, building!))).toBe(true);

    // The next build (whose content check fails) removes what the killed one left.
    const broken = await writeDataset(path.join(root, 'broken'), '{"_id": \n');
    const next = await runBuild({
      outDir,
      env: { CONTENT_DIR: broken },
      expectCheckToFail: true,
    });
    expect(next.exitCode, next.output).toBe(1);
    expect(await readdir(site)).toEqual(['dist']);
    expect(await fingerprint(outDir)).toEqual(before);
  });
});

/**
 * A loopback lake that answers after 30 s, and the build's environment for it: a check that
 * waited for it would outlive the build by that.
 */
async function startSlowLake(): Promise<{ lake: ContentLake; env: Record<string, string> }> {
  const lake = await startContentLake({ dataset: fixtureDocuments(), projectId: 'naravard' });
  lake.use(async (_ctx, next) => {
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    return next();
  });
  return {
    lake,
    env: {
      SANITY_PROJECT_ID: 'naravard',
      SANITY_DATASET: 'production',
      SANITY_API_HOST: lake.apiHost,
    },
  };
}

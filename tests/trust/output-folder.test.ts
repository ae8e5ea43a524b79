// ASTRO_OUT_DIR names the folder the build replaces whole: the build refuses, before it reads
// anything, a folder that is or holds the repository, its source, content or public folders or
// the dataset it reads (CONTENT_DIR), one inside the repository's folders, and an existing
// folder with files that no build made (no .naravard-build in it). Each refusal leaves every
// file where it was.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CRASH,
  ROOT,
  fingerprint,
  fixtureDocuments,
  runBuild,
  toNdjson,
  writeDataset,
} from './helpers.ts';

describe('ASTRO_OUT_DIR is refused where the build would destroy what it did not make', () => {
  let root: string;
  let dataset: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'naravard-trust-outdir-'));
    dataset = await writeDataset(path.join(root, 'content'), toNdjson(fixtureDocuments()));
    await writeFile(path.join(dataset, 'anteckningar.txt'), 'inte byggets');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const refused = async (outDir: string, expected: string) => {
    const before = await fingerprint(ROOT === outDir ? path.join(ROOT, 'src') : outDir).catch(
      () => undefined,
    );
    const { exitCode, output } = await runBuild({
      outDir,
      env: { CONTENT_DIR: dataset },
      expectCheckToFail: true,
    });
    expect(exitCode, output).toBe(1);
    expect(output).toContain(`ASTRO_OUT_DIR names ${outDir}, ${expected}`);
    expect(output).toContain('Nothing was built.');
    expect(output).not.toContain('Checking the content');
    expect(output).not.toMatch(CRASH);
    if (before)
      expect(await fingerprint(ROOT === outDir ? path.join(ROOT, 'src') : outDir)).toEqual(before);
  };

  it('refuses the dataset the build reads (CONTENT_DIR) and a folder holding it', async () => {
    await refused(dataset, `which is or holds ${dataset}`);
    await refused(root, `which is or holds ${dataset}`);
  });

  it('refuses the repository, its source, content and public folders, and folders inside them', async () => {
    await refused(ROOT, `which is or holds ${ROOT}`);
    for (const name of ['src', 'content', 'public'])
      await refused(path.join(ROOT, name), `which is or holds ${path.join(ROOT, name)}`);
    await refused(
      path.join(ROOT, 'public', 'dist'),
      `which is inside ${path.join(ROOT, 'public')}`,
    );
  });

  it('builds into a folder outside the repository named like it (/repo-out beside /repo)', async () => {
    // Astro's test of whether the output folder is inside the repository compares strings.
    const outside = await mkdtemp(`${ROOT}-out-`);
    try {
      const outDir = path.join(outside, 'dist');
      const { exitCode, output } = await runBuild({ outDir, env: { CONTENT_DIR: dataset } });
      expect(exitCode, output).toBe(0);
      expect(output).not.toContain('Cannot find package');
      expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
      expect(existsSync(path.join(outDir, '.naravard-build'))).toBe(true);
      expect(await readdir(outside)).toEqual(['dist']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses an existing folder with files that no build made', async () => {
    const other = path.join(root, 'annat');
    await mkdir(other);
    await writeFile(path.join(other, 'viktigt.txt'), 'inte byggets');
    await refused(
      other,
      'a folder that holds files but was not made by npm run build (it has no .naravard-build)',
    );
  });
});

// A build from a Sanity project gives the same site as a build from the embedded dataset:
// the same queries run in the Content Lake (here its loopback stand-in, serving the embedded
// dataset) as in groq-js.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDataset } from '../../src/lib/content/dataset.ts';
import { startContentLake, type ContentLake } from '../support/content-lake.ts';
import { searchForSecret } from '../support/secrets.ts';
import { ROOT, buildSite, listFiles, type BuildResult } from '../support/site.ts';

const TOKEN = 'sk-test-read-token-0123456789';

describe('a build from the Content Lake', () => {
  const localDist = inject('distDir');
  let lake: ContentLake;
  let remote: BuildResult;

  beforeAll(async () => {
    const { documents, problems } = await readDataset(path.join(ROOT, 'content', 'dataset'));
    expect(problems).toEqual([]);
    // A private dataset: the stand-in refuses requests without the token.
    lake = await startContentLake({
      dataset: documents,
      projectId: 'naravard',
      datasetName: 'production',
      token: TOKEN,
    });
    remote = await buildSite({
      outDir: path.join(ROOT, '.cache', 'test-site', 'dist-remote'),
      env: {
        SANITY_PROJECT_ID: 'naravard',
        SANITY_DATASET: 'production',
        SANITY_API_HOST: lake.apiHost,
        SANITY_TOKEN: TOKEN,
      },
    });
  });

  afterAll(async () => {
    await lake?.close();
  });

  it('builds from one snapshot: a single query to the stand-in, with the published perspective', () => {
    expect(remote.exitCode, remote.output).toBe(0);
    const queries = lake.requests.filter((request) => request.route?.endpoint === 'query');
    // Every document at once; the integrity checks and the collection queries run over that.
    expect(queries).toHaveLength(1);
    for (const request of queries) {
      expect(request.perspective).toBe('published');
      expect(request.route?.apiVersion).toBe('2025-02-19');
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  it('never writes the token into the output (Pagefind files unzipped, image metadata read)', async () => {
    const search = await searchForSecret(remote.outDir, TOKEN);
    expect(search.found).toEqual([]);
    expect(search.gzipFiles, 'Pagefind files searched').toBeGreaterThan(0);
    expect(search.images, 'images searched').toBeGreaterThan(0);
    expect(remote.output).not.toContain(TOKEN);
  });

  it('writes every HTML file byte for byte as the local build does', async () => {
    const isHtml = (file: string) => file.endsWith('.html');
    const localFiles = await listFiles(localDist, isHtml);
    const remoteFiles = await listFiles(remote.outDir, isHtml);
    expect(localFiles.length).toBeGreaterThan(0);
    expect(remoteFiles).toEqual(localFiles);
    // Nothing is normalised: the pages contain no build time or source-specific text.
    for (const file of localFiles) {
      const [local, fromLake] = await Promise.all([
        readFile(path.join(localDist, file), 'utf8'),
        readFile(path.join(remote.outDir, file), 'utf8'),
      ]);
      expect(fromLake, file).toBe(local);
    }
  });
});

// The source switch: local (groq-js over an export folder) unless both SANITY_PROJECT_ID and
// SANITY_DATASET are set; both validate every document before the first query, the remote one
// over a snapshot that it takes with one request.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check.ts';
import { readDataset, resolveContentDir } from '../../../src/lib/content/dataset.ts';
import { ContentValidationError } from '../../../src/lib/content/integrity.ts';
import { REGIONS_QUERY } from '../../../src/lib/content/queries.ts';
import {
  SANITY_API_VERSION,
  createContentSource,
  getContentSource,
  sourceKind,
} from '../../../src/lib/content/source.ts';
import { requiredMessage } from '../../../src/lib/rules/index.ts';
import { startContentLake, type ContentLake } from '../../support/content-lake.ts';
import { EMBEDDED_DIR, FIXTURE_DIR, REPO, breaking, fixture } from './helpers.ts';

describe('sourceKind', () => {
  it('is remote only when both SANITY_PROJECT_ID and SANITY_DATASET are set', () => {
    expect(sourceKind({})).toBe('local');
    expect(sourceKind({ SANITY_PROJECT_ID: 'abc123' })).toBe('local');
    expect(sourceKind({ SANITY_DATASET: 'production' })).toBe('local');
    expect(sourceKind({ SANITY_PROJECT_ID: ' ', SANITY_DATASET: 'production' })).toBe('local');
    expect(sourceKind({ SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: '' })).toBe('local');
    expect(sourceKind({ SANITY_API_HOST: 'http://127.0.0.1:1', SANITY_TOKEN: 'x' })).toBe('local');
    expect(sourceKind({ SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production' })).toBe(
      'remote',
    );
    expect(
      createContentSource({ SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production' }).kind,
    ).toBe('remote');
    expect(createContentSource({ SANITY_PROJECT_ID: 'abc123' }).kind).toBe('local');
  });

  it('reads the export folder from CONTENT_DIR, else content/dataset/', () => {
    expect(resolveContentDir({}, REPO)).toBe(path.join(REPO, 'content', 'dataset'));
    expect(resolveContentDir({ CONTENT_DIR: 'tests/fixtures/minimal' }, REPO)).toBe(FIXTURE_DIR);
  });
});

describe('the local source', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'naravard-source-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('queries the export folder named by CONTENT_DIR', async () => {
    const source = createContentSource({ CONTENT_DIR: FIXTURE_DIR });
    expect(source.kind).toBe('local');
    expect(await source.fetch<string[]>('*[_type == "region"] | order(name asc).name')).toEqual([
      'Fyrbodal',
      'Göteborgsregionen',
      'Västra Götaland',
    ]);
  });

  it('refuses to run any query over a dataset with errors, listing all of them', async () => {
    const documents = breaking('programme-gr', (d) => void delete d['title']);
    const lines = documents.map((document) => JSON.stringify(document));
    lines.splice(3, 0, '{ not json');
    await writeFile(path.join(dir, 'data.ndjson'), `${lines.join('\n')}\n`);
    const source = createContentSource({ CONTENT_DIR: dir });
    const failure = source.fetch(REGIONS_QUERY);
    await expect(failure).rejects.toBeInstanceOf(ContentValidationError);
    await expect(failure).rejects.toThrow(
      /data\.ndjson:4 · \(document\) · Raden är inte giltig JSON/,
    );
    await expect(failure).rejects.toThrow(
      `programme-gr · title · ${requiredMessage('programme', 'title')}`,
    );
  });

  it('reports a missing export folder as a problem', async () => {
    const source = createContentSource({ CONTENT_DIR: path.join(dir, 'missing') });
    await expect(source.validate()).rejects.toThrow(/Datamängden kan inte läsas/);
  });

  it('is memoised per build: one source (and one read) for every collection', async () => {
    const env = { CONTENT_DIR: FIXTURE_DIR };
    const first = getContentSource(env);
    expect(getContentSource({ CONTENT_DIR: FIXTURE_DIR })).toBe(first);
    expect(await first.validate()).toBe(await getContentSource(env).validate());
    expect(getContentSource({ CONTENT_DIR: dir })).not.toBe(first);
  });
});

describe('the remote source, against the loopback stand-in', () => {
  let lake: ContentLake;
  beforeAll(async () => {
    lake = await startContentLake({
      dataset: fixture(),
      projectId: 'naravard',
      datasetName: 'production',
    });
  });
  afterAll(async () => {
    await lake.close();
  });

  const env = () => ({
    SANITY_PROJECT_ID: 'naravard',
    SANITY_DATASET: 'production',
    SANITY_API_HOST: lake.apiHost,
  });

  it('fetches one snapshot of every published document with the published perspective and the pinned API version, then validates and queries it', async () => {
    const before = lake.requests.length;
    const source = createContentSource(env());
    expect(source.kind).toBe('remote');
    expect(source.describe).toContain('naravard');
    const names = await source.fetch<string[]>('*[_type == "region"] | order(name asc).name');
    expect(names).toEqual(['Fyrbodal', 'Göteborgsregionen', 'Västra Götaland']);
    expect((await source.validate()).published).toHaveLength(11);
    const requests = lake.requests.slice(before);
    expect(requests).toHaveLength(1);
    for (const request of requests) {
      expect(request.perspective).toBe('published');
      expect(request.route?.apiVersion).toBe(SANITY_API_VERSION);
      expect(request.headers['x-sanity-project-id']).toBe('naravard');
      expect(request.headers.authorization).toBeUndefined();
    }
  });

  it('answers every query from its snapshot: what is published meanwhile waits for the next build', async () => {
    const moving = await startContentLake({ dataset: fixture(), projectId: 'naravard' });
    try {
      const source = createContentSource({ ...env(), SANITY_API_HOST: moving.apiHost });
      expect(await source.fetch<number>('count(*[_type == "region"])')).toBe(3);
      const asked = moving.requests.length;
      // An editor publishes a fourth region after the build took its snapshot.
      const region = moving.getDocuments().find((document) => document._type === 'region')!;
      moving.setDocuments([
        ...moving.getDocuments(),
        {
          ...region,
          _id: 'region-published-meanwhile',
          slug: { current: 'publicerad-under-tiden' },
        },
      ]);
      expect(await source.fetch<number>('count(*[_type == "region"])')).toBe(3);
      expect(await source.fetch(REGIONS_QUERY)).toHaveLength(3);
      expect(moving.requests.length).toBe(asked);
      // The next build's source sees it.
      const next = createContentSource({ ...env(), SANITY_API_HOST: moving.apiHost });
      expect(await next.fetch<number>('count(*[_type == "region"])')).toBe(4);
    } finally {
      await moving.close();
    }
  });

  it('sends SANITY_TOKEN as a bearer token and keeps it out of its description', async () => {
    const locked = await startContentLake({ dataset: fixture(), token: 'sk-secret-read-token' });
    try {
      const source = createContentSource({
        ...env(),
        SANITY_API_HOST: locked.apiHost,
        SANITY_TOKEN: 'sk-secret-read-token',
      });
      expect(await source.fetch<number>('count(*[_type == "tema"])')).toBe(1);
      expect(source.describe).not.toContain('sk-secret');
      const unauthorised = createContentSource({ ...env(), SANITY_API_HOST: locked.apiHost });
      await expect(unauthorised.fetch('count(*)')).rejects.toThrow(
        /Could not get content from .*HTTP 401/,
      );
    } finally {
      await locked.close();
    }
  });

  it('hands Astro exactly what the local source does from the same documents (the embedded dataset)', async () => {
    const { documents, problems } = await readDataset(EMBEDDED_DIR);
    expect(problems).toEqual([]);
    const embedded = await startContentLake({
      dataset: documents,
      projectId: 'naravard',
      token: 'sk-equal-read-token',
    });
    try {
      const local = await checkContent(createContentSource({ CONTENT_DIR: EMBEDDED_DIR }));
      const remote = await checkContent(
        createContentSource({
          ...env(),
          SANITY_API_HOST: embedded.apiHost,
          SANITY_TOKEN: 'sk-equal-read-token',
        }),
      );
      expect(local.errors).toEqual([]);
      expect(remote.problems).toEqual(local.problems);
      expect(remote.published).toBe(local.published);
      // Every collection's entries, as the check writes them for Astro's loader.
      expect(JSON.stringify(remote.entries)).toBe(JSON.stringify(local.entries));
      expect(embedded.requests.filter((r) => r.route?.endpoint === 'query')).toHaveLength(1);
    } finally {
      await embedded.close();
    }
  });

  it('applies the same integrity checks to the fetched documents', async () => {
    const broken = await startContentLake({
      dataset: breaking(
        'region-vastra-gotaland',
        (d) => void (d['website'] = 'javascript:alert(1)'),
      ),
      projectId: 'naravard',
    });
    try {
      const source = createContentSource({ ...env(), SANITY_API_HOST: broken.apiHost });
      const failure = source.fetch(REGIONS_QUERY);
      await expect(failure).rejects.toBeInstanceOf(ContentValidationError);
      await expect(failure).rejects.toThrow(
        /region-vastra-gotaland · website · Adresser som börjar med javascript: är inte tillåtna här/,
      );
    } finally {
      await broken.close();
    }
  });
});

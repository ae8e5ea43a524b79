// The loopback Content Lake stand-in answers the real @sanity/client as the API would.
import { createClient, type SanityClient } from '@sanity/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startContentLake,
  type ContentLake,
  type LakeDocument,
} from '../../support/content-lake.ts';

const documents: LakeDocument[] = [
  { _id: 'region-a', _type: 'region', name: 'A', slug: { _type: 'slug', current: 'a' } },
  {
    _id: 'region-b',
    _type: 'region',
    name: 'B',
    slug: { _type: 'slug', current: 'b' },
    parent: { _type: 'reference', _ref: 'region-a' },
  },
  {
    _id: 'drafts.region-a',
    _type: 'region',
    name: 'A (draft)',
    slug: { _type: 'slug', current: 'a' },
  },
  { _id: 'drafts.region-c', _type: 'region', name: 'C', slug: { _type: 'slug', current: 'c' } },
];

function client(
  lake: ContentLake,
  overrides: Partial<Parameters<typeof createClient>[0]> = {},
): SanityClient {
  return createClient({
    projectId: 'test1234',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useCdn: false,
    perspective: 'published',
    apiHost: lake.apiHost,
    useProjectHostname: false,
    ...overrides,
  });
}

describe('content lake stand-in', () => {
  let lake: ContentLake;
  beforeAll(async () => {
    lake = await startContentLake({ dataset: documents, projectId: 'test1234' });
  });
  afterAll(async () => {
    await lake.close();
  });

  it('listens on 127.0.0.1 and answers a query with the published documents only', async () => {
    expect(lake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const names = await client(lake).fetch<string[]>('*[_type == "region"] | order(name asc).name');
    expect(names).toEqual(['A', 'B']);
    const last = lake.requests.at(-1);
    expect(last?.route).toEqual({
      apiVersion: '2025-02-19',
      endpoint: 'query',
      dataset: 'production',
    });
    expect(last?.perspective).toBe('published');
    expect(last?.headers['x-sanity-project-id']).toBe('test1234');
  });

  it('returns { ms, query, result } on the wire', async () => {
    const response = await fetch(
      `${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent('count(*)')}`,
    );
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(body['result']).toBe(2);
    expect(body['query']).toBe('count(*)');
    expect(typeof body['ms']).toBe('number');
  });

  it('passes $params, resolves references and shows drafts only to the raw perspective', async () => {
    const parent = await client(lake).fetch<string | null>('*[_id == $id][0].parent->name', {
      id: 'region-b',
    });
    expect(parent).toBe('A');
    const raw = await client(lake, { perspective: 'raw' }).fetch<string[]>(
      '*[_type == "region"] | order(_id asc)._id',
    );
    expect(raw).toEqual(['drafts.region-a', 'drafts.region-c', 'region-a', 'region-b']);
    const drafts = await client(lake, { perspective: 'drafts' }).fetch<string[]>(
      '*[_type == "region"] | order(name asc).name',
    );
    expect(drafts).toEqual(['A (draft)', 'B', 'C']);
  });

  it('answers long queries sent by POST the same way', async () => {
    const padding = ' '.repeat(12_000);
    const before = lake.requests.length;
    const names = await client(lake).fetch<string[]>(
      `*[_type == "region" && name != $never]${padding} | order(name asc).name`,
      {
        never: 'x',
      },
    );
    expect(names).toEqual(['A', 'B']);
    expect(lake.requests.slice(before).map((request) => request.method)).toContain('POST');
  });

  it('reports a GROQ syntax error as a 400 that the client throws', async () => {
    await expect(client(lake).fetch('*[_type == ')).rejects.toThrow(/400|parse|syntax/i);
  });

  it('serves only its dataset and project', async () => {
    await expect(client(lake, { dataset: 'staging' }).fetch('count(*)')).rejects.toThrow(
      /not found/i,
    );
    await expect(client(lake, { projectId: 'other123' }).fetch('count(*)')).rejects.toThrow(
      /not found/i,
    );
  });

  it('runs handlers before the query route, so tests can inject faults', async () => {
    const faulty = await startContentLake({
      dataset: documents,
      handlers: [
        (context, next) =>
          context.url.searchParams.has('$fail')
            ? context.json(503, { error: 'Service Unavailable', statusCode: 503 })
            : next(),
      ],
    });
    try {
      const flaky = client(faulty, { maxRetries: 0 });
      await expect(flaky.fetch('count(*)', { fail: true })).rejects.toThrow(/503|unavailable/i);
      await expect(flaky.fetch('count(*)')).resolves.toBe(2);
      faulty.setDocuments(documents.slice(0, 1));
      await expect(flaky.fetch('count(*)')).resolves.toBe(1);
    } finally {
      await faulty.close();
    }
  });

  it('requires the token when given one', async () => {
    const locked = await startContentLake({ dataset: documents, token: 'secret-token' });
    try {
      await expect(client(locked, { maxRetries: 0 }).fetch('count(*)')).rejects.toThrow(
        /unauthorized|401/i,
      );
      await expect(client(locked, { token: 'secret-token' }).fetch('count(*)')).resolves.toBe(2);
    } finally {
      await locked.close();
    }
  });
});

// "Min region"'s queries (sanity/structure.ts), run as the Content Lake runs them (GROQ, here
// groq-js) over the embedded dataset with two Redaktör mappings, and the build's check, which
// leaves the mappings out of the site without a warning.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { evaluate, parse } from 'groq-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { MY_REGION_FILTERS, MY_REGIONS_QUERY, withDescendants } from '../../sanity/structure.ts';
import { parseNdjson, type RawDocument } from '../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../src/lib/content/integrity.ts';
import { repoRoot } from './support/sanity-cli.ts';

const ref = (id: string, key: string) => ({ _type: 'reference', _ref: id, _key: key });
const MAPPINGS: RawDocument[] = [
  {
    _id: 'redaktor-anna',
    _type: 'redaktor',
    name: 'Anna',
    email: 'Anna.Redaktor@Example.se',
    regions: [ref('region-goteborgsregionen', 'a')],
  },
  {
    _id: 'redaktor-bo',
    _type: 'redaktor',
    name: 'Bo',
    userId: 'p-bo',
    regions: [ref('region-vasternorrland', 'b')],
  },
  // An administrator's unpublished change gives Bo nothing yet.
  {
    _id: 'drafts.redaktor-bo',
    _type: 'redaktor',
    name: 'Bo',
    userId: 'p-bo',
    regions: [ref('region-vasternorrland', 'b'), ref('region-sodermanland', 'c')],
  },
];

let dataset: RawDocument[];

beforeAll(async () => {
  const embedded = parseNdjson(
    await readFile(path.join(repoRoot, 'content', 'dataset', 'data.ndjson'), 'utf8'),
  ).documents;
  dataset = [...embedded, ...MAPPINGS];
});

async function query<T>(groq: string, params: Record<string, unknown>): Promise<T> {
  return (await (await evaluate(parse(groq), { dataset: dataset as never, params })).get()) as T;
}

async function regionIdsOf(userId: string, email: string): Promise<string[]> {
  const { mapped, regions } = await query<{
    mapped: string[] | null;
    regions: { _id: string; parent?: string | null }[];
  }>(MY_REGIONS_QUERY, { userId, email });
  return withDescendants(mapped ?? [], regions).sort();
}

async function namesOf(type: keyof typeof MY_REGION_FILTERS, regionIds: string[]) {
  return (
    await query<{ name?: string; title?: string }[]>(`*[${MY_REGION_FILTERS[type]}]{name, title}`, {
      regionIds,
    })
  )
    .map((document) => document.name ?? document.title)
    .sort();
}

describe('Min region', () => {
  it('finds an editor by e-mail in any case, or by user id, with the regions below', async () => {
    expect(await regionIdsOf('p-anna', 'anna.redaktor@example.se')).toEqual([
      'region-goteborgsregionen',
    ]);
    expect(await regionIdsOf('p-bo', 'bo@example.se')).toEqual([
      'region-sundsvall',
      'region-vasternorrland',
    ]);
    expect(await regionIdsOf('p-ingen', 'ingen@example.se')).toEqual([]);
    // An empty e-mail never matches a mapping without one.
    expect(await regionIdsOf('', '')).toEqual([]);
  });

  it("lists each editor's material and no one else's", async () => {
    const bo = await regionIdsOf('p-bo', '');
    expect(await namesOf('kontaktperson', bo)).toEqual(['Hans Wiklund', 'Linda Strid']);
    expect(await namesOf('programme', bo)).toEqual([
      'Programmet God och nära vård i Västernorrland',
      'Utvecklingsprojekt inom God och nära vård i Sundsvalls kommun',
    ]);
    const anna = await regionIdsOf('', 'anna.redaktor@example.se');
    expect(await namesOf('programme', anna)).toEqual(['Vårdens medarbetare']);
    expect(await namesOf('delprojekt', anna)).toHaveLength(3);
    expect(await namesOf('delprojekt', bo)).toEqual([]);
    expect((await namesOf('dokument', anna)).length).toBeGreaterThan(5);
  });

  it('stays out of the site, without a warning', () => {
    const report = checkIntegrity(dataset);
    expect(report.problems.filter((problem) => problem.id.includes('redaktor'))).toEqual([]);
    expect(report.published.some((document) => document._type === 'redaktor')).toBe(false);
    expect(report.errors).toEqual([]);
  });
});

describe('withDescendants', () => {
  it('walks a broken tree that loops without hanging', () => {
    expect(
      withDescendants(
        ['a'],
        [
          { _id: 'a', parent: 'b' },
          { _id: 'b', parent: 'a' },
          { _id: 'c', parent: 'b' },
          { _id: 'd', parent: null },
        ],
      ),
    ).toEqual(['a', 'b', 'c']);
  });
});

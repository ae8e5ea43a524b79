// The indexed GROQ engine of the local source gives exactly what plain groq-js gives (same
// values, same order), on the embedded dataset, on a generated national dataset and on edge
// cases an index could get wrong; and it answers from indexes (it does not scan).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, parse, type ExprNode } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { generateDocuments } from '../../../scripts/dataset/generate.ts';
import { parseNdjson } from '../../../src/lib/content/dataset.ts';
import { indexedDataset, withIndexes } from '../../../src/lib/content/indexed-groq.ts';
import { isDraftId } from '../../../src/lib/content/integrity.ts';
import { collectionQueries } from '../../../src/lib/content/queries.ts';
import { EMBEDDED_DIR } from './helpers.ts';

type Doc = Record<string, unknown> & { _id: string; _type: string };

async function plain(
  dataset: Doc[],
  query: string | ExprNode,
  params: Record<string, unknown> = {},
) {
  const tree = typeof query === 'string' ? parse(query, { params }) : query;
  return (await evaluate(tree, { dataset, params })).get();
}

/** The query with its outermost list cut to `count` items, so plain groq-js stays quick on many documents. */
function firstItems(query: string, count: number): ExprNode {
  const tree = parse(query) as ExprNode & { base?: ExprNode };
  if (tree.type !== 'Map') throw new Error('expected a projected list');
  return {
    ...tree,
    base: { type: 'Slice', base: tree.base, left: 0, right: count, isInclusive: false },
  } as ExprNode;
}

const embedded = parseNdjson(
  readFileSync(path.join(EMBEDDED_DIR, 'data.ndjson'), 'utf8'),
).documents.filter((document) => !isDraftId(document._id)) as Doc[];

describe('the indexed GROQ engine', () => {
  it('gives every collection query the same result as plain groq-js on the embedded dataset', async () => {
    const engine = indexedDataset(embedded);
    for (const [name, query] of Object.entries(collectionQueries)) {
      expect(await engine.query(query), name).toEqual(await plain(embedded, query));
    }
  });

  it('gives the same result on a generated dataset with every region of Sweden', async () => {
    const dataset = [...generateDocuments({ docs: 500, seed: 7 })] as Doc[];
    const engine = indexedDataset(dataset);
    for (const [name, query] of Object.entries(collectionQueries)) {
      // The first items of each list, in plain groq-js (a theme's material lists regions per
      // item: two themes are enough); the same items of the whole list, indexed.
      const count = name === 'teman' ? 2 : 10;
      const expected = (await plain(dataset, firstItems(query, count))) as unknown[];
      const actual = (await engine.query<unknown[]>(query)).slice(0, count);
      expect(actual.length, name).toBeGreaterThan(0);
      expect(actual, name).toEqual(expected);
    }
  });

  it('rewrites reverse relations and references into index lookups, and leaves other filters scanning', () => {
    const rewritten = JSON.stringify(withIndexes(parse(collectionQueries.regions)));
    const everything = (tree: string) => tree.match(/"type":"Everything"/g)?.length ?? 0;
    expect(everything(JSON.stringify(parse(collectionQueries.regions)))).toBe(8);
    expect(everything(rewritten)).toBe(0);
    // No condition an index can answer: `*` stays.
    expect(everything(JSON.stringify(withIndexes(parse('*[title match "vård"]'))))).toBe(1);
    expect(everything(JSON.stringify(withIndexes(parse('*[_type == "a" || title == "b"]'))))).toBe(
      1,
    );
    // A filter evaluated in a map's hidden scope sees `^` differently: left alone.
    const mapBody = {
      type: 'Map',
      base: parse('[1, 2]'),
      expr: parse('*[_id == ^._ref]'),
    } as ExprNode;
    expect(everything(JSON.stringify(withIndexes(mapBody)))).toBe(1);
    // A projection inside the map has a scope of its own again.
    expect(
      everything(
        JSON.stringify(withIndexes(parse('*[_type == "a"]{"x": items[]{"y": *[_id == ^._ref]}}'))),
      ),
    ).toBe(0);
  });

  const edgeDocuments: Doc[] = [
    { _id: 'r1', _type: 'region', name: 'Ett', parent: null },
    { _id: 'r2', _type: 'region', name: 'Två', parent: { _type: 'reference', _ref: 'r1' } },
    { _id: 'r3', _type: 'region', name: 'Tre', parent: { _ref: 'r2' }, tags: ['r1'] },
    {
      _id: 'p1',
      _type: 'programme',
      title: 'B',
      regions: [
        { _key: 'a', _ref: 'r2' },
        { _key: 'b', _ref: 'r1' },
      ],
      owner: { _ref: 'r3' },
    },
    {
      _id: 'p2',
      _type: 'programme',
      title: 'A',
      regions: [{ _key: 'a', _ref: 'r2' }],
      nested: { deep: [{ x: { _ref: 'r3' } }] },
    },
    { _id: 'p3', _type: 'programme', title: 'C', regions: 'r1', owner: { _ref: 'r1' } },
    {
      _id: 'p4',
      _type: 'programme',
      title: 'F',
      regions: [{ _key: 'a' }, { _key: 'b', _ref: 'r3' }],
    },
    {
      _id: 'd1',
      _type: 'dokument',
      title: 'D',
      programme: { _ref: 'p1' },
      publisherRegion: { _ref: 'r1' },
    },
    { _id: 'd2', _type: 'dokument', title: 'E', programme: { _ref: 'p9' } },
    { _id: 'drafts.d1', _type: 'dokument', title: 'Utkast', programme: { _ref: 'p1' } },
    { _id: 'x\u0001y', _type: 'odd', link: { _ref: 'a\u0001b' } },
    { _id: 'a', _type: 'odd', link: { _ref: 'x\u0001y' } },
  ];

  const withNumber = [
    ...edgeDocuments,
    { _id: 'n', _type: 'programme', owner: { _ref: 7 }, regions: [{ _ref: 7 }] },
  ];

  it('gives up an index, not a result, when a reference is not a string', async () => {
    const query =
      '*[_id in ["n", "p3"]]{_id, "o": *[owner._ref == ^.owner._ref]._id, "r": *[^.owner._ref in regions[]._ref]._id}';
    expect(await indexedDataset(withNumber).query(query)).toEqual(await plain(withNumber, query));
  });

  it.each([
    [
      'reverse array relation',
      '*[_type == "region"]{_id, "p": *[_type == "programme" && ^._id in regions[]._ref]._id}',
    ],
    [
      'reverse single relation, missing on some',
      '*[_type == "programme"]{_id, "d": *[_type == "dokument" && programme._ref == ^._id]{_id, title}}',
    ],
    [
      'relation from a missing value',
      '*[_type == "dokument"]{_id, "r": *[_id == ^.publisherRegion._ref]._id}',
    ],
    [
      'ids through a dereference, with a dangling one',
      '*[_type == "dokument"]{_id, "r": *[_type == "region" && (_id == ^.publisherRegion._ref || _id in ^.programme->regions[]._ref)] | order(name asc)._id}',
    ],
    [
      'references, deep and in arrays',
      '*[_type == "region"]{_id, "by": *[references(^._id)]._id, "both": *[references([^._id, "r1"])]._id}',
    ],
    [
      'ids from a parameter, with duplicates and a non-string',
      { q: '*[_id in $ids]._id', params: { ids: ['p2', 'r1', 'p2', 3, 'nope'] } },
    ],
    [
      'types from a literal list',
      '*[_type in ["dokument", "region"] && !(_id in path("drafts.**"))]._id',
    ],
    ['type on the right, equality both ways', '*["programme" == _type && owner._ref == "r3"]._id'],
    [
      'a reference compared with another that may be missing (null == null)',
      '*[_type == "programme"]{_id, "o": *[owner._ref == ^.owner._ref]._id, "m": *[^.owner._ref in regions[]._ref]._id}',
    ],
    [
      'a field that is not an array',
      '*[_type == "region"]{_id, "p": *[^._id in regions[]._ref]._id}',
    ],
    [
      'ids and references holding the separator',
      '*[_type == "odd"]{_id, "to": *[_id == ^.link._ref]._id, "from": *[link._ref == ^._id]._id}',
    ],
    [
      'two levels up',
      '*[_type == "region"]{_id, "kids": *[parent._ref == ^._id]{_id, "grand": *[parent._ref == ^._id && ^.^._id != _id]._id}}',
    ],
    ['an empty list', '*[_type == "region"]{_id, "none": *[_id in []]}'],
    [
      'ordinary dereferences',
      '*[_type == "programme"]{_id, "r": regions[]->name, "o": owner->name}',
    ],
  ])('matches plain groq-js: %s', async (_name, query) => {
    const { q, params } = typeof query === 'string' ? { q: query, params: {} } : query;
    const engine = indexedDataset(edgeDocuments);
    expect(await engine.query(q, params)).toEqual(await plain(edgeDocuments, q, params));
  });

  it('answers a reverse relation without testing every document', async () => {
    // Every document read by the filter is counted through a getter on `_type`.
    let reads = 0;
    const documents = [...generateDocuments({ docs: 2000, seed: 3 })].map((document) => {
      const { _type, ...rest } = document;
      return Object.defineProperty(rest, '_type', {
        enumerable: true,
        get: () => (reads++, _type),
      }) as Doc;
    });
    const engine = indexedDataset(documents);
    await engine.query('*[_type == "tema"][0]._id'); // builds the type index
    reads = 0;
    const result = await engine.query<Array<{ n: number }>>(
      '*[_type == "region"]{"n": count(*[_type == "programme" && ^._id in regions[]._ref])}',
    );
    expect(result.reduce((sum, { n }) => sum + n, 0)).toBeGreaterThan(0);
    // Plain groq-js would read `_type` 315 × 2,000 times; the index reads each candidate once.
    expect(reads).toBeLessThan(5000);
  });
});

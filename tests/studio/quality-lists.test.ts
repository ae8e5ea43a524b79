// The editors' lists for quality work ("Att åtgärda" in sanity/structure.ts), run as the
// Content Lake runs their filters (GROQ, here groq-js) over the embedded dataset and a few
// documents broken on purpose.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { evaluate, parse } from 'groq-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { idsOverLixLimit, LIX_TEXTS_QUERY, QUALITY_FILTERS } from '../../sanity/structure.ts';
import { parseNdjson, type RawDocument } from '../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../src/lib/content/integrity.ts';
import { repoRoot } from './support/sanity-cli.ts';

let documents: RawDocument[];

const BROKEN: RawDocument[] = [
  { _id: 'handelse-utan-region', _type: 'handelse', title: 'Utan region', regions: [] },
  { _id: 'dokument-utan-region', _type: 'dokument', title: 'Utan region' },
  { _id: 'kontaktperson-tom', _type: 'kontaktperson', name: 'Tom', email: '' },
  { _id: 'kalla-ociterad', _type: 'kalla', title: 'Ingen citerar mig' },
  { _id: 'region-lost', _type: 'region', name: 'Lös kommun', kind: 'kommun' },
];

beforeAll(async () => {
  documents = parseNdjson(
    await readFile(path.join(repoRoot, 'content', 'dataset', 'data.ndjson'), 'utf8'),
  ).documents;
});

async function ids(filter: string, dataset: readonly RawDocument[]): Promise<string[]> {
  const result = await evaluate(parse(`*[${filter}]._id`), { dataset: dataset as never });
  return ((await result.get()) as string[]).sort();
}

describe('the lists to work through', () => {
  it('find in the embedded dataset its national SOU and no contact left to work on', async () => {
    // The government's inquiry (SOU 2020:19) belongs to no region, publisher or programme.
    expect(await ids(QUALITY_FILTERS.withoutRegion, documents)).toEqual(['dokument-sou-2020-19']);
    expect(await ids(QUALITY_FILTERS.sourcesNothingCites, documents)).toEqual([]);
    expect(await ids(QUALITY_FILTERS.regionsWithoutParent, documents)).toEqual([]);
    // Five contacts have neither e-mail nor phone in their sources and are marked so: the
    // build accepts them, and the list leaves them out (docs/content-model.md).
    const marked = documents
      .filter((document) => document['noContactDetailsInSource'] === true)
      .map((document) => document._id);
    expect(marked).toHaveLength(5);
    const flagged = checkIntegrity(documents).problems.filter(
      (p) => p.path === 'email' && marked.includes(p.id),
    );
    expect(flagged).toEqual([]);
    expect(await ids(QUALITY_FILTERS.contactsWithoutDetails, documents)).toEqual([]);
    const unmarked = documents.map((document) =>
      marked.includes(document._id) ? { ...document, noContactDetailsInSource: false } : document,
    );
    expect(await ids(QUALITY_FILTERS.contactsWithoutDetails, unmarked)).toEqual(marked.sort());
    expect(
      checkIntegrity(unmarked)
        .errors.filter((p) => p.path === 'email')
        .map((p) => p.id)
        .sort(),
    ).toEqual(marked.sort());
  });

  it('find each broken document in its list', async () => {
    const dataset = [...documents, ...BROKEN];
    expect(await ids(QUALITY_FILTERS.withoutRegion, dataset)).toEqual([
      'dokument-sou-2020-19',
      'dokument-utan-region',
      'handelse-utan-region',
      'kontaktperson-tom',
    ]);
    expect(await ids(QUALITY_FILTERS.contactsWithoutDetails, dataset)).toContain(
      'kontaktperson-tom',
    );
    expect(await ids(QUALITY_FILTERS.sourcesNothingCites, dataset)).toEqual(['kalla-ociterad']);
    expect(await ids(QUALITY_FILTERS.regionsWithoutParent, dataset)).toEqual(['region-lost']);
  });

  it('list the texts above their LIX level, as the warnings do', async () => {
    const result = await evaluate(parse(LIX_TEXTS_QUERY), { dataset: documents as never });
    const listed = idsOverLixLimit((await result.get()) as Record<string, unknown>[]).sort();
    const warned = [
      ...new Set(
        checkIntegrity(documents)
          .problems.filter(
            (p) => p.severity === 'warning' && p.message.startsWith('Texten har LIX'),
          )
          .map((p) => p.id),
      ),
    ].sort();
    expect(warned.length).toBeGreaterThan(0);
    expect(listed).toEqual(warned);
  });
});

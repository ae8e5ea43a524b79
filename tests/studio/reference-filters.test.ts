// The reference pickers' filters (sanity/schemaTypes/reference-filters.ts), run as the
// Content Lake runs them (GROQ, here groq-js) over the embedded dataset: what each picker
// offers for a document's regions. The Studio's own picker is tested in the browser
// (tests/studio-browser/reference-filters.test.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { evaluate, parse } from 'groq-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ofTheDocumentsRegions, regionIdsOf } from '../../sanity/schemaTypes/reference-filters.ts';
import { parseNdjson, type RawDocument } from '../../src/lib/content/dataset.ts';
import { repoRoot } from './support/sanity-cli.ts';

let documents: RawDocument[];

beforeAll(async () => {
  documents = parseNdjson(
    await readFile(path.join(repoRoot, 'content', 'dataset', 'data.ndjson'), 'utf8'),
  ).documents;
});

const ref = (id: string) => ({ _type: 'reference', _ref: id });

/** The ids a picker of `type` offers to `document`, as the Studio's search asks the lake. */
async function offered(type: string, document: Record<string, unknown>): Promise<string[]> {
  const resolved = (await ofTheDocumentsRegions({ document } as never)) as {
    filter?: string;
    params?: Record<string, unknown>;
  };
  const query = `*[_type == $type${resolved.filter ? ` && (${resolved.filter})` : ''}]._id`;
  const result = await evaluate(parse(query), {
    dataset: documents as never,
    params: { type, ...resolved.params },
  });
  return ((await result.get()) as string[]).sort();
}

describe('programme and målbild pickers follow the document’s regions', () => {
  it('for a kommun: its own, its county’s, nothing of other counties', async () => {
    expect(
      await offered('programme', { _type: 'handelse', regions: [ref('region-strangnas')] }),
    ).toEqual(['programme-strangnas-nara-vard']);
    expect(
      await offered('malbild', { _type: 'programme', regions: [ref('region-sundsvall')] }),
    ).toEqual(['malbild-vasternorrland-2030']);
  });

  it('for a county: its own and those of every region below it', async () => {
    expect(
      await offered('programme', {
        _type: 'dokument',
        publisherRegion: ref('region-vastra-gotaland'),
      }),
    ).toEqual([
      'programme-fyrbodal-goda-forutsattningar',
      'programme-gr-vardens-medarbetare',
      'programme-vastra-gotaland-gemensam-fardplan',
    ]);
  });

  it('for a delregion: its own and its county’s, not a sibling’s', async () => {
    expect(
      await offered('programme', {
        _type: 'dokument',
        publisherRegion: ref('region-goteborgsregionen'),
      }),
    ).toEqual(['programme-gr-vardens-medarbetare', 'programme-vastra-gotaland-gemensam-fardplan']);
  });

  it('for regions of two counties: the relatives of both', async () => {
    expect(
      await offered('programme', {
        _type: 'handelse',
        regions: [ref('region-fyrbodal'), ref('drafts.region-sundsvall')],
      }),
    ).toEqual([
      'programme-fyrbodal-goda-forutsattningar',
      'programme-sundsvall-utvecklingsprojekt',
      'programme-vasternorrland-god-och-nara-vard',
      'programme-vastra-gotaland-gemensam-fardplan',
    ]);
  });

  it('offers everything until a region is chosen', async () => {
    const all = documents.filter((doc) => doc._type === 'programme').length;
    expect(await offered('programme', { _type: 'handelse', regions: [] })).toHaveLength(all);
    expect(await offered('programme', { _type: 'dokument' })).toHaveLength(all);
  });

  it('reads regions, else the publisher’s region', () => {
    expect(regionIdsOf({ regions: [ref('a'), ref('drafts.a'), { _key: 'x' }] })).toEqual(['a']);
    expect(regionIdsOf({ publisherRegion: ref('b') })).toEqual(['b']);
    expect(regionIdsOf(undefined)).toEqual([]);
  });
});

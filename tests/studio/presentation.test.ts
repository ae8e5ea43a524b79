// The Presentation tool's answers, worked out on the small fixture with groq-js under the
// drafts perspective (as the Studio asks the Content Lake): which pages a document form lists
// (resolve.locations) and which document a page in the frame opens (resolve.mainDocuments).
import { evaluate, parse } from 'groq-js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  documentLocations,
  LIST_ENTRIES_QUERY,
  LOCATIONS_QUERY,
  MAIN_DOCUMENTS,
  MAX_RELATED_LOCATIONS,
  type ListEntriesResult,
  type LocationsResult,
} from '../../sanity/locations.ts';
import { DOCUMENT_TYPES } from '../../src/lib/rules/documents.ts';
import { hrefFor } from '../../src/lib/urls.ts';
import { applyPerspective, type LakeDocument } from '../support/content-lake.ts';
import { fixtureDocuments } from '../trust/helpers.ts';

let dataset: LakeDocument[];

beforeAll(() => {
  dataset = applyPerspective(fixtureDocuments(), 'drafts');
});

async function query(groq: string, params: Record<string, unknown>): Promise<unknown> {
  return (await evaluate(parse(groq), { dataset, params })).get();
}

async function locationsOf(id: string) {
  const result = (await query(LOCATIONS_QUERY, {
    id,
    types: [...DOCUMENT_TYPES],
  })) as LocationsResult | null;
  const list = (await query(LIST_ENTRIES_QUERY, {
    id,
    type: result?._type,
  })) as ListEntriesResult | null;
  return documentLocations(result, list);
}

describe('the pages a document form lists', () => {
  it("a delprojekt: its page, its list, its programme's page and the pages that show it", async () => {
    expect((await locationsOf('delprojekt-gr-1'))?.locations).toEqual([
      { title: 'Delprojekt ett', href: '/delprojekt/gr-delprojekt-1/' },
      { title: 'Delprojekt', href: '/delprojekt/' },
      { title: 'Dokument: Slutrapport', href: '/dokument/gr-slutrapport/' },
      {
        title: 'Källsida: Nära vård och Vårdens medarbetare',
        href: '/kallor/gr-nara-vard/',
      },
      // The draft's title: the preview shows drafts.
      { title: 'Program: Vårdens medarbetare (utkast)', href: '/program/gr-vardens-medarbetare/' },
      { title: 'Tema: Samverkan', href: '/teman/samverkan/' },
    ]);
  });

  it('a region: the region tree, its parent, and every page that names it', async () => {
    const hrefs = (await locationsOf('region-goteborgsregionen'))?.locations?.map(
      (location) => location.href,
    );
    expect(hrefs?.slice(0, 2)).toEqual(['/regioner/goteborgsregionen/', '/regioner/']);
    expect(hrefs).toContain('/regioner/vastra-gotaland/');
    expect(hrefs).toContain('/program/gr-vardens-medarbetare/');
    expect(hrefs).toContain('/kontakter/gr-samordnare/');
    expect(hrefs).not.toContain('/regioner/fyrbodal/');
  });

  it('every type of the fixture has its own page and its list first', async () => {
    for (const document of dataset.filter((d) => DOCUMENT_TYPES.includes(d._type as never))) {
      const type = document._type as (typeof DOCUMENT_TYPES)[number];
      const slug = (document['slug'] as { current: string }).current;
      const locations = (await locationsOf(document._id))?.locations ?? [];
      expect(locations[0]?.href, document._id).toBe(hrefFor(type, slug));
      expect(locations[1]?.href, document._id).toBe(`/${hrefFor(type, slug).split('/')[1]}/`);
    }
  });

  it('says how many pages there are when it lists only some, and asks for a slug when there is none', () => {
    const related = Array.from({ length: MAX_RELATED_LOCATIONS + 5 }, (_, index) => ({
      _type: 'dokument',
      title: `Dokument ${index}`,
      slug: `dokument-${index}`,
    }));
    const many = documentLocations({ _type: 'kalla', title: 'K', slug: 'k', related });
    expect(many?.locations).toHaveLength(MAX_RELATED_LOCATIONS + 2);
    expect(many?.message).toBe(
      `Visas på ${MAX_RELATED_LOCATIONS + 7} sidor; här dess egen sida, listan och ${MAX_RELATED_LOCATIONS} av de andra.`,
    );
    expect(documentLocations({ _type: 'programme', title: 'Nytt', slug: null })).toEqual({
      message: 'Dokumentet får en sida på webbplatsen när det har en slug (fältet ”Slug”).',
      tone: 'caution',
    });
    expect(documentLocations({ _type: 'sanity.imageAsset' })).toBeNull();
  });
});

describe('the document a page in the frame opens', () => {
  it("each document page's route finds its document, and list pages none", async () => {
    for (const document of dataset.filter((d) => DOCUMENT_TYPES.includes(d._type as never))) {
      const href = hrefFor(
        document._type as (typeof DOCUMENT_TYPES)[number],
        (document['slug'] as { current: string }).current,
      );
      const matches = [];
      for (const resolver of MAIN_DOCUMENTS) {
        const match = new URLPattern({ pathname: `${String(resolver.route)}{/}?` }).exec({
          pathname: href,
        });
        if (match) matches.push({ resolver, params: match.pathname.groups });
      }
      expect(matches, href).toHaveLength(1);
      const [{ resolver, params }] = matches as [(typeof matches)[number]];
      const found = (await query(`*[${String(resolver.filter)}][0]{_id}`, params)) as {
        _id: string;
      } | null;
      expect(found?._id, href).toBe(document._id);
    }
    for (const list of ['/program/', '/program/sida/2/', '/regioner/', '/']) {
      expect(
        MAIN_DOCUMENTS.filter((resolver) =>
          new URLPattern({ pathname: `${String(resolver.route)}{/}?` }).test({ pathname: list }),
        ),
        list,
      ).toEqual([]);
    }
  });
});

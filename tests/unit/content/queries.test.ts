// The named queries return the expected real data from the embedded dataset (groq-js), and
// every result matches its zod schema.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCollection, parseResults } from '../../../src/lib/content/loader.ts';
import { ContentValidationError } from '../../../src/lib/content/problems.ts';
import {
  DELPROJEKT_QUERY,
  DOKUMENT_QUERY,
  PROGRAMMES_QUERY,
  REGIONS_QUERY,
  TEMAN_QUERY,
  collectionQueries,
} from '../../../src/lib/content/queries.ts';
import {
  COLLECTION_NAMES,
  collectionSchemas,
  programmeSchema,
  type Delprojekt,
  type Dokument,
  type Programme,
  type Region,
  type RegionEntry,
  type Tema,
} from '../../../src/lib/content/schemas.ts';
import { createLocalSource, type ContentSource } from '../../../src/lib/content/source.ts';
import { SLUG_FORMAT_MESSAGE } from '../../../src/lib/rules/index.ts';
import { EMBEDDED_DIR, FIXTURE_DIR } from './helpers.ts';

describe('queries over the embedded dataset', () => {
  let source: ContentSource;
  beforeAll(() => {
    source = createLocalSource(EMBEDDED_DIR);
  });

  it('every collection query returns results that match its schema, with unique slugs', async () => {
    for (const name of COLLECTION_NAMES) {
      const results = await source.fetch<unknown[]>(collectionQueries[name]);
      expect(results.length, name).toBeGreaterThan(0);
      const parsed = parseResults(name, collectionSchemas[name], results);
      const slugs = parsed.map((entry) => (entry as { slug: string }).slug);
      expect(new Set(slugs).size, name).toBe(slugs.length);
    }
  });

  it('Göteborgsregionen has 3 delprojekt, through its programme', async () => {
    const regions = await source.fetch<Region[]>(REGIONS_QUERY);
    const gr = regions.find((region) => region.slug === 'goteborgsregionen');
    expect(gr?.name).toBe('Göteborgsregionen');
    expect(gr?.parent).toEqual({
      _id: 'region-vastra-gotaland',
      _type: 'region',
      title: 'Västra Götaland',
      slug: 'vastra-gotaland',
    });
    expect(gr?.programmes.map((programme) => programme._id)).toEqual([
      'programme-gr-vardens-medarbetare',
    ]);
    const delprojekt = gr?.programmes.flatMap((programme) => programme.delprojekt) ?? [];
    expect(delprojekt.map((item) => item._id)).toEqual([
      'delprojekt-gr-1',
      'delprojekt-gr-2',
      'delprojekt-gr-3',
    ]);
  });

  it('Västra Götaland has Fyrbodal and Göteborgsregionen below it, and they have it as ancestor', async () => {
    const entries = (await loadCollection('regions', source)).map(
      (entry) => entry.data as RegionEntry,
    );
    const vg = entries.find((entry) => entry.slug === 'vastra-gotaland');
    expect(vg?.children.map((child) => child.slug)).toEqual(['fyrbodal', 'goteborgsregionen']);
    expect(vg?.descendantIds).toEqual(
      expect.arrayContaining(['region-fyrbodal', 'region-goteborgsregionen']),
    );
    expect(vg?.ancestors).toEqual([]);
    expect(vg?.depth).toBe(0);
    const gr = entries.find((entry) => entry.slug === 'goteborgsregionen');
    expect(gr?.ancestors.map((ancestor) => ancestor.slug)).toEqual(['vastra-gotaland']);
    expect(gr?.depth).toBe(1);
    const strangnas = entries.find((entry) => entry.slug === 'strangnas');
    expect(strangnas?.ancestors.map((ancestor) => ancestor._id)).toEqual(['region-sodermanland']);
  });

  it('a programme carries its delprojekt in order, its regions, contacts and both kinds of document link', async () => {
    const programmes = await source.fetch<Programme[]>(PROGRAMMES_QUERY);
    const gr = programmes.find((programme) => programme._id === 'programme-gr-vardens-medarbetare');
    expect(gr?.delprojekt.map((item) => item.number)).toEqual([1, 2, 3]);
    expect(gr?.regions.map((region) => region.slug)).toEqual(['goteborgsregionen']);
    expect(gr?.contacts).toHaveLength(4);
    expect(
      gr?.contacts.every(
        (contact) => contact._type === 'kontaktperson' && contact.organisation.length > 0,
      ),
    ).toBe(true);
    expect(gr?.documents.length).toBeGreaterThan(0);
    expect(gr?.relatedDocuments.map((document) => document._id)).toContain(
      'dokument-gr-slutrapport-delprojekt-1',
    );
    expect(gr?.themes.map((theme) => theme.slug)).toContain('kompetensutveckling');
  });

  it("a delprojekt knows its programme and the programme's regions", async () => {
    const delprojekt = await source.fetch<Delprojekt[]>(DELPROJEKT_QUERY);
    const first = delprojekt.find((item) => item._id === 'delprojekt-gr-1');
    expect(first?.programme._id).toBe('programme-gr-vardens-medarbetare');
    expect(first?.programme.regions.map((region) => region.slug)).toEqual(['goteborgsregionen']);
  });

  it('a document knows its programme, its regions and what points at it', async () => {
    const documents = await source.fetch<Dokument[]>(DOKUMENT_QUERY);
    const report = documents.find(
      (document) => document._id === 'dokument-gr-slutrapport-delprojekt-1',
    );
    expect(report?.programme?._id).toBe('programme-gr-vardens-medarbetare');
    expect(report?.regions.map((region) => region.slug)).toContain('goteborgsregionen');
    expect(report?.referencedBy.map((item) => item._id)).toContain('delprojekt-gr-1');
  });

  it('a theme gathers material across types and regions', async () => {
    const themes = await source.fetch<Tema[]>(TEMAN_QUERY);
    const kompetens = themes.find((theme) => theme.slug === 'kompetensutveckling');
    const types = new Set(kompetens?.material.map((item) => item._type));
    expect([...types]).toEqual(expect.arrayContaining(['programme', 'delprojekt']));
    const regions = new Set(
      kompetens?.material.flatMap((item) => item.regions.map((region) => region.slug)),
    );
    expect([...regions]).toEqual(expect.arrayContaining(['goteborgsregionen', 'fyrbodal']));
    for (const item of kompetens?.material ?? [])
      expect(item.regions.length, item._id).toBeGreaterThan(0);
  });

  it('takes $params', async () => {
    const title = await source.fetch<string | null>(
      '*[_type == "region" && slug.current == $slug][0].name',
      { slug: 'fyrbodal' },
    );
    expect(title).toBe('Fyrbodal');
  });
});

describe('queries over an export with drafts', () => {
  it('never return drafts, and show the published version', async () => {
    const source = createLocalSource(FIXTURE_DIR);
    const programmes = await source.fetch<Programme[]>(PROGRAMMES_QUERY);
    expect(programmes.map((programme) => [programme._id, programme.title])).toEqual([
      ['programme-gr', 'Vårdens medarbetare'],
    ]);
    // Even a query without the draft filter sees no draft in the local source.
    expect(await source.fetch<number>('count(*[_id in path("drafts.**")])')).toBe(0);
  });

  it('expand link marks, periods and attachments as the pages need them', async () => {
    const source = createLocalSource(FIXTURE_DIR);
    const [programme] = parseResults(
      'programmes',
      programmeSchema,
      await source.fetch(PROGRAMMES_QUERY),
    );
    expect(programme?.period).toEqual({ start: '2020-09', end: '2021', text: 'Sedan hösten 2020' });
    expect(
      programme?.body[0]?.markDefs?.map((mark) => (mark._type === 'link' ? mark.href : mark._type)),
    ).toEqual(['https://goteborgsregionen.se/', 'mailto:nara.vard@example.se']);
    expect(programme?.documents[0]?.url).toBe('https://goteborgsregionen.se/rapport.pdf');
    expect(programme?.malbild?.slug).toBe('gr');
  });
});

describe('result schemas', () => {
  it('name the _id, the field path and the problem of every failing result', () => {
    const broken = [
      { _id: 'programme-a', _type: 'programme', slug: 'a' },
      { _id: 'programme-b', _type: 'programme', slug: 'B', title: 'B' },
    ];
    let thrown: unknown;
    try {
      parseResults('programmes', programmeSchema, broken);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentValidationError);
    const message = (thrown as Error).message;
    expect(message).toContain('programme-a · title · Fyll i fältet: det krävs.');
    expect(message).toContain(`programme-b · slug · ${SLUG_FORMAT_MESSAGE}`);
    expect(message).toContain('programme-b · regions · Fyll i fältet: det krävs.');
  });
});

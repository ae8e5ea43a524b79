import { describe, expect, it } from 'vitest';
import type { Delprojekt, LinkStub, Tema } from '../../../src/lib/content/schemas.ts';
import { searchIndexMeta, type RegionNode } from '../../../src/lib/search/index-meta.ts';

const stub = (id: string, title: string): LinkStub => ({
  _id: id,
  _type: 'region',
  title,
  slug: id.replace('region-', ''),
});
const vg = stub('region-vastra-gotaland', 'Västra Götaland');
const gr = stub('region-goteborgsregionen', 'Göteborgsregionen');
const fyrbodal = stub('region-fyrbodal', 'Fyrbodal');

const tree = new Map<string, RegionNode>([
  [vg._id, { _id: vg._id, name: vg.title, slug: vg.slug, ancestors: [] }],
  [gr._id, { _id: gr._id, name: gr.title, slug: gr.slug, ancestors: [vg] }],
  [fyrbodal._id, { _id: fyrbodal._id, name: fyrbodal.title, slug: fyrbodal.slug, ancestors: [vg] }],
]);

const delprojekt = {
  _id: 'delprojekt-x',
  _type: 'delprojekt',
  slug: 'x',
  updatedAt: '2024-01-01',
  sources: [],
  title: 'Kompetensutveckling i hemmet',
  number: 1,
  summary: 'Sammanfattning',
  body: [],
  status: null,
  period: { start: '2021-03', end: null, text: null },
  programme: {
    _id: 'programme-p',
    _type: 'programme',
    title: 'P',
    slug: 'p',
    regions: [gr, fyrbodal],
  },
  themes: [
    { _id: 'tema-k', _type: 'tema', title: 'Kompetensutveckling', slug: 'kompetensutveckling' },
  ],
  contacts: [],
  documents: [],
  relatedDocuments: [],
  events: [],
} satisfies Delprojekt;

describe('search metadata of a page', () => {
  it('gives the region filter every ancestor of the page’s regions once, and shows only its own regions', () => {
    const meta = searchIndexMeta(delprojekt, tree);
    expect(meta.regionFilters).toEqual(['Västra Götaland', 'Göteborgsregionen', 'Fyrbodal']);
    expect(meta.regions).toEqual(['Göteborgsregionen', 'Fyrbodal']);
  });

  it('labels the type in Swedish and names the themes', () => {
    const meta = searchIndexMeta(delprojekt, tree);
    expect(meta.type).toBe('Delprojekt');
    expect(meta.themes).toEqual(['Kompetensutveckling']);
  });

  it('sorts a delprojekt by the start of its period and shows the date in Swedish', () => {
    const meta = searchIndexMeta(delprojekt, tree);
    expect(meta.date).toBe('2021-03');
    expect(meta.dateText).toBe('mars 2021');
  });

  it('gives a theme page its own theme and no region', () => {
    const tema = {
      _id: 'tema-k',
      _type: 'tema',
      slug: 'kompetensutveckling',
      updatedAt: '2024-01-01',
      sources: [],
      name: 'Kompetensutveckling',
      description: 'Om kompetens',
      material: [],
    } satisfies Tema;
    const meta = searchIndexMeta(tema, tree);
    expect(meta).toMatchObject({
      type: 'Tema',
      themes: ['Kompetensutveckling'],
      regionFilters: [],
      date: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type {
  Delprojekt,
  Kontaktperson,
  LinkStub,
  Tema,
} from '../../../src/lib/content/schemas.ts';
import {
  foldForeignDiacritics,
  phoneDigits,
  searchIndexMeta,
  type RegionNode,
} from '../../../src/lib/search/index-meta.ts';

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

describe('search-only words of a page', () => {
  it('fold the diacritics Swedish has no letter for, and keep å, ä and ö', () => {
    expect(foldForeignDiacritics('Lidija Beljić')).toBe('Lidija Beljic');
    expect(foldForeignDiacritics('Müller, Øster, Renée, Łukasz')).toBe(
      'Muller, Oster, Renee, Lukasz',
    );
    expect(foldForeignDiacritics('Söderström Åsa Ärla')).toBe('Söderström Åsa Ärla');
  });

  it('give a phone number as digits only, however it was printed', () => {
    expect(phoneDigits('031-335 51 76')).toBe('0313355176');
    expect(phoneDigits('073 - 8048910')).toBe('0738048910');
  });

  it('are a contact’s organisation, phone (as printed and as digits), e-mail and folded name', () => {
    const contact = {
      _id: 'kontaktperson-b',
      _type: 'kontaktperson',
      slug: 'lidija-beljic',
      updatedAt: '2024-01-01',
      sources: [],
      name: 'Lidija Beljić',
      role: null,
      organisation: 'Fyrbodals kommunalförbund',
      email: 'lidija@example.se',
      phone: '031-335 51 76',
      portraitUrl: null,
      period: null,
      regions: [fyrbodal],
      work: [],
    } satisfies Kontaktperson;
    const meta = searchIndexMeta(contact, tree);
    expect(meta.keywords).toEqual([
      'Fyrbodals kommunalförbund',
      '031-335 51 76',
      '0313355176',
      'lidija@example.se',
      'Lidija Beljic',
    ]);
    expect(meta.subject).toBe(true);
  });

  it('are nothing extra for a delprojekt, which is not the subject its title boost is for', () => {
    const meta = searchIndexMeta(delprojekt, tree);
    expect(meta.keywords).toEqual([]);
    expect(meta.subject).toBe(false);
  });
});

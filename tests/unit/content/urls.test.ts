import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, SLUG_PATTERN } from '../../../src/lib/content/schemas.ts';
import { hrefFor, hrefForStub, indexHrefFor, slugify } from '../../../src/lib/urls.ts';

describe('urls', () => {
  it('give the stable Swedish paths of docs/content-model.md', () => {
    expect(hrefFor('region', 'goteborgsregionen')).toBe('/regioner/goteborgsregionen/');
    expect(hrefFor('programme', 'gr-vardens-medarbetare')).toBe('/program/gr-vardens-medarbetare/');
    expect(hrefFor('malbild', 'sormland')).toBe('/malbilder/sormland/');
    expect(hrefFor('delprojekt', 'a')).toBe('/delprojekt/a/');
    expect(hrefFor('dokument', 'a')).toBe('/dokument/a/');
    expect(hrefFor('kontaktperson', 'a')).toBe('/kontakter/a/');
    expect(hrefFor('tema', 'egenvard')).toBe('/teman/egenvard/');
    expect(hrefFor('handelse', 'a')).toBe('/tidslinje/a/');
    expect(hrefFor('kalla', 'a')).toBe('/kallor/a/');
    expect(hrefForStub({ _type: 'region', slug: 'fyrbodal' })).toBe('/regioner/fyrbodal/');
    expect(indexHrefFor('handelse')).toBe('/tidslinje/');
    expect(indexHrefFor('delprojekt')).toBe('/delprojekt/');
    for (const type of DOCUMENT_TYPES) expect(hrefFor(type, 'x')).toMatch(/^\/[a-z]+\/x\/$/);
  });

  it('slugify writes å and ä as a, ö as o, and gives a valid slug', () => {
    expect(slugify('Vårdens medarbetare')).toBe('vardens-medarbetare');
    expect(slugify('Västra Götaland')).toBe('vastra-gotaland');
    expect(slugify('  Hälsa – för alla! (2030) ')).toBe('halsa-for-alla-2030');
    expect(slugify('Émile Öberg')).toBe('emile-oberg');
    expect(slugify('Strängnäs kommun')).toMatch(SLUG_PATTERN);
  });
});

import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/rules/slugify.ts';
import { isValidSlug } from '../../src/lib/rules/slug.ts';

describe('slugify turns Swedish headings into stable ASCII slugs', () => {
  it.each([
    ['Vårdens medarbetare', 'vardens-medarbetare'],
    ['Målbild för God och nära vård 2030', 'malbild-for-god-och-nara-vard-2030'],
    ['Strängnäs kommun', 'strangnas-kommun'],
    ['Västernorrland', 'vasternorrland'],
    ['Region Västra Götaland', 'region-vastra-gotaland'],
    ['Öppen vård', 'oppen-vard'],
    ['ÅÄÖ åäö', 'aao-aao'],
    ['Café Hälsa', 'cafe-halsa'],
    ['  God och nära vård – En reform  ', 'god-och-nara-vard-en-reform'],
    ['SOU 2020:19', 'sou-2020-19'],
    ['Utvecklingsledare 2021–2022', 'utvecklingsledare-2021-2022'],
    ['GR:s medlemskommuner', 'gr-s-medlemskommuner'],
    ['Regionens \u2019egen\u2019 plan', 'regionens-egen-plan'],
    [
      'Kickoff 1 september 2020: Inspelning & material',
      'kickoff-1-september-2020-inspelning-material',
    ],
    ['Ann-Charlotte Järnström', 'ann-charlotte-jarnstrom'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('strips characters that have no ASCII letter inside them', () => {
    expect(slugify('Ørsted Æble Straße')).toBe('rsted-ble-strae');
    expect(slugify('😀 Nära 🏥 vård')).toBe('nara-vard');
  });

  it('returns an empty string when nothing usable is left', () => {
    expect(slugify('–––')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('keeps slugs to 96 characters, cut between words', () => {
    const long = Array.from({ length: 30 }, (_, i) => `ordet${i}`).join(' ');
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(96);
    expect(long.replaceAll(' ', '-').startsWith(slug)).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
    expect(long.split(' ')).toContain(slug.split('-').at(-1));
  });

  it('always produces a slug that the slug rule accepts', () => {
    for (const input of ['Vårdens medarbetare', 'ÅÄÖ!!', '--a--b--', 'x'.repeat(200), 'Ç’est ça']) {
      const slug = slugify(input);
      expect(isValidSlug(slug), `${input} → ${slug}`).toBe(true);
    }
  });
});

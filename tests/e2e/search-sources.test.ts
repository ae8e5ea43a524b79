// A distinctive word from each of the five seed sources finds that source's material.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openSearch,
  openSite,
  readResults,
  regionsBehind,
  siteContent,
  type SiteSession,
} from './helpers.ts';

/** A word found in one seed source only, and that source's `kalla` document. */
const CASES = [
  { term: 'Beljic', kalla: 'kalla-fyrbodal-nara-vard' },
  { term: 'FoUiS', kalla: 'kalla-strangnas-nara-vard' },
  { term: 'Menti', kalla: 'kalla-gr-nara-vard-och-vardens-medarbetare' },
  { term: 'avsiktsförklaring', kalla: 'kalla-vasternorrland-lanet-samarbetar' },
  { term: 'färdplan', kalla: 'kalla-vastkom-gemensam-fardplan' },
];

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('a distinctive word from each seed source', () => {
  for (const { term, kalla } of CASES) {
    it(`“${term}” finds the material of the source ${kalla} and nothing from other parts of the country`, async () => {
      const content = await siteContent();
      const source = content.pages.find((page) => page.doc._id === kalla);
      if (!source || source.doc._type !== 'kalla' || !source.doc.publisherRegion) {
        throw new Error(`The dataset has no source page ${kalla} with a publisher region`);
      }
      const publisher = content.regionBySlug(source.doc.publisherRegion.slug);
      // The publisher's part of the tree: the region, its ancestors and everything below it.
      const family = new Set([
        ...content.regionAndDescendants(publisher.slug),
        ...publisher.ancestors.map((a) => a.title),
      ]);
      const citing = new Set(
        content.pages
          .filter(
            (page) => 'sources' in page.doc && page.doc.sources.some((stub) => stub._id === kalla),
          )
          .map((page) => page.path),
      );

      const page = await site.page();
      await openSearch(page, new URLSearchParams({ q: term }).toString());
      const results = await readResults(page);

      expect(results.length, `no results for ${term}`).toBeGreaterThan(0);
      expect(
        results.some((row) => citing.has(row.path)),
        `no result for ${term} cites ${kalla}`,
      ).toBe(true);
      for (const row of results) {
        for (const region of regionsBehind(row, content))
          expect(family, `${row.path} (${row.region})`).toContain(region);
      }
    });
  }
});

// National events (`scope: "nationell"`: a government decision, a state inquiry) are labelled
// "Nationellt" on the built site, not by the region whose material mentions them: on their own
// page, on the timeline, in a region's list of events and with their search result. Regional
// events keep their regions. Which events are national is read from the embedded dataset.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { hrefFor } from '../../src/lib/urls.ts';
import { builtSite, listPages, text, type BuiltSite, type DatasetDoc } from './list-pages.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const docs = readFileSync(path.join(ROOT, 'content/dataset/data.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as DatasetDoc)
  .filter((doc) => !doc._id.startsWith('drafts.') && !doc._id.startsWith('versions.'));
const byId = new Map(docs.map((doc) => [doc._id, doc]));
const events = docs.filter((doc) => doc._type === 'handelse');
const national = events.filter((doc) => doc['scope'] === 'nationell');
const regional = events.filter((doc) => doc['scope'] !== 'nationell');
const regionNames = (doc: DatasetDoc) =>
  (doc.regions ?? []).map((ref) => byId.get(ref._ref)?.name ?? ref._ref);

/** The value of the `<dt>` named `term` in a page's fact list. */
function fact(root: HTMLElement, term: string): string | undefined {
  const dt = root.querySelectorAll('dl.facts dt').find((candidate) => text(candidate) === term);
  return dt ? text(dt.nextElementSibling) : undefined;
}

/** The meta line of the timeline item that links to `href`, on any of `roots`. */
function itemMeta(roots: readonly HTMLElement[], href: string): string | undefined {
  for (const root of roots) {
    const item = root
      .querySelectorAll('li.timeline__item')
      .find((li) => li.querySelector(`a[href="${href}"]`));
    if (item) return text(item.querySelector('p.meta'));
  }
  return undefined;
}

let site: BuiltSite;
beforeAll(() => {
  site = builtSite(inject('distDir'));
});

describe('national events', () => {
  it('the embedded dataset marks the government’s and the state inquiry’s events as national', () => {
    expect(national.map((doc) => doc._id).sort()).toEqual([
      'handelse-2013-regeringen-initierar-omstallningen',
      'handelse-2017-regeringens-initiativ-till-nara-vard',
      'handelse-2020-03-huvudbetankande-s2017-01',
      'handelse-2020-04-01-presentation-av-sou-2020-19',
    ]);
  });

  it('say "Nationellt" on their own page, with the regions that mention them, and share the country’s card', () => {
    for (const doc of national) {
      const root = site.page(hrefFor('handelse', doc.slug.current));
      expect(fact(root, 'Omfattning'), doc._id).toBe('Nationellt, gäller hela landet');
      expect(fact(root, 'Nämns av'), doc._id).toBe(regionNames(doc).join(', '));
      expect(fact(root, 'Region'), doc._id).toBeUndefined();
      expect(
        root.querySelector('meta[property="og:image"]')?.getAttribute('content'),
        doc._id,
      ).toMatch(/\/og\/kort\/hela-landet\.png$/);
      expect(
        root.querySelector('[data-pagefind-meta^="region:"]')?.getAttribute('data-pagefind-meta'),
        doc._id,
      ).toBe('region:Nationellt');
    }
  });

  it('keep their region on a regional event’s page', () => {
    for (const doc of regional) {
      const root = site.page(hrefFor('handelse', doc.slug.current));
      const names = regionNames(doc);
      expect(fact(root, names.length === 1 ? 'Region' : 'Regioner'), doc._id).toBe(
        names.join(', '),
      );
      expect(fact(root, 'Omfattning'), doc._id).toBeUndefined();
      expect(
        root.querySelector('[data-pagefind-meta^="region:"]')?.getAttribute('data-pagefind-meta'),
        doc._id,
      ).toBe(`region:${names.join(', ')}`);
    }
  });

  it('are labelled "Nationellt" on the timeline, where regional events name their regions', () => {
    const timeline = listPages(site, '/tidslinje/').map((page) => page.root);
    for (const doc of national)
      expect(itemMeta(timeline, hrefFor('handelse', doc.slug.current)), doc._id).toBe('Nationellt');
    for (const doc of regional) {
      const meta = itemMeta(timeline, hrefFor('handelse', doc.slug.current));
      expect(meta, doc._id).not.toBe('Nationellt');
      for (const name of regionNames(doc)) expect(meta, doc._id).toContain(name);
    }
  });

  it('are labelled "Nationellt" in the event list of the region that mentions them', () => {
    for (const doc of national) {
      for (const ref of doc.regions ?? []) {
        const region = byId.get(ref._ref)!;
        const root = site.page(hrefFor('region', region.slug.current));
        const meta = itemMeta([root], hrefFor('handelse', doc.slug.current));
        // A region page lists its newest events only.
        if (meta !== undefined) expect(meta, `${doc._id} on ${region._id}`).toBe('Nationellt');
      }
    }
    // Västernorrland lists both the government's 2013 initiative and its own letter of intent.
    const vasternorrland = site.page(
      hrefFor('region', byId.get('region-vasternorrland')!.slug.current),
    );
    const hrefOf = (id: string) => hrefFor('handelse', byId.get(id)!.slug.current);
    expect(
      itemMeta([vasternorrland], hrefOf('handelse-2013-regeringen-initierar-omstallningen')),
    ).toBe('Nationellt');
    expect(
      itemMeta([vasternorrland], hrefOf('handelse-2021-05-14-avsiktsforklaring-vasternorrland')),
    ).toBe('');
  });
});

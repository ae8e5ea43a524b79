// Pagination and page weight on a site built from a generated national dataset: every region
// of Sweden (the region index and county pages at full size), and of the other types just
// enough for every list to run over more than one page with the page sizes the site really
// uses (the embedded dataset fits each list on one page): 600 generated documents, topped up
// with numbered copies of generated ones where a type has fewer entries than a page and a bit.
// Expectations come from the generated data.ndjson, not from the site's code: addresses,
// prev/next, aria-current, every item exactly once across a list's pages, every document
// reachable by plain links, county and theme pages that do not repeat the material below them,
// no page over 30 kB gzip, and the Studio's Presentation tool linking each entry to the list
// page that shows it.
import { readFileSync } from 'node:fs';
import { appendFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { evaluate, parse } from 'groq-js';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { startStaticServer } from '../../scripts/static-server.ts';
import { writeDataset } from '../../scripts/dataset/write.ts';
import { MALBILD_PAGE_SIZE, PAGE_SIZE } from '../../src/lib/presentation/pagination.ts';
import type { DocumentType } from '../../src/lib/content/schemas.ts';
import { DOCUMENT_TYPES } from '../../src/lib/rules/documents.ts';
import {
  documentLocations,
  LIST_ENTRIES_QUERY,
  LOCATIONS_QUERY,
  type ListEntriesResult,
  type LocationsResult,
} from '../../sanity/locations.ts';
import { PROGRAMMES_PER_SUBREGION } from '../../src/lib/presentation/list-order.ts';
import { hrefFor } from '../../src/lib/urls.ts';
import {
  axeViolations,
  describeViolations,
  launchBrowser,
  preloadAxe,
} from '../support/browser.ts';
import { ROOT, buildSiteOrThrow } from '../support/site.ts';
import { htmlFiles } from '../support/sitemap.ts';
import {
  builtSite,
  listPages,
  text,
  type BuiltSite,
  type DatasetDoc,
  type ListPage,
} from './list-pages.ts';

const DOCS = 600;
const SEED = 11;
/** Documents added to one county, more than its page lists of one kind (see below). */
const EXTRA_COUNTY_DOCUMENTS = 25;
/**
 * The entries each list gets at least: a full page and part of the next (a contact counts once
 * per region it works for). The documents (3 pages) and the timeline (2) have that as generated.
 */
const LEAST_ENTRIES: Partial<Record<DocumentType, number>> = {
  programme: PAGE_SIZE + 6,
  delprojekt: PAGE_SIZE + 6,
  kalla: PAGE_SIZE + 6,
  kontaktperson: PAGE_SIZE + 6,
  malbild: MALBILD_PAGE_SIZE + 2,
};
const RUN_DIR = path.join(ROOT, '.cache', 'test-pagination', `run-${process.pid}`);

type Doc = DatasetDoc;

let site: BuiltSite;
let docs: Doc[];
const ofType = (type: DocumentType) => docs.filter((d) => d._type === type);
const pathOf = (doc: Doc) => hrefFor(doc._type, doc.slug.current);

const locationsQuery = parse(LOCATIONS_QUERY);
const listEntriesQuery = parse(LIST_ENTRIES_QUERY);

/** The pages the Studio's Presentation tool lists for `doc`, its own page first. */
async function locationsOf(doc: Doc) {
  const ask = async (query: ReturnType<typeof parse>, params: Record<string, unknown>) =>
    (await evaluate(query, { dataset: docs, params })).get();
  return (
    documentLocations(
      (await ask(locationsQuery, { id: doc._id, types: [...DOCUMENT_TYPES] })) as LocationsResult,
      (await ask(listEntriesQuery, { id: doc._id, type: doc._type })) as ListEntriesResult,
    )?.locations ?? []
  );
}

beforeAll(async () => {
  await rm(RUN_DIR, { recursive: true, force: true });
  const { file } = await writeDataset({ docs: DOCS, seed: SEED, out: path.join(RUN_DIR, 'data') });
  docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Doc);
  const extra: Doc[] = [];
  const entries = (doc: Doc) => (doc._type === 'kontaktperson' ? (doc.regions?.length ?? 0) : 1);
  for (const [type, least] of Object.entries(LEAST_ENTRIES) as [DocumentType, number][]) {
    const generated = docs.filter((d) => d._type === type);
    let count = generated.reduce((sum, d) => sum + entries(d), 0);
    for (let index = 0; count < least; index++) {
      const model = generated[index % generated.length] as Doc;
      const number = Math.floor(index / generated.length) + 2;
      const copy: Doc = {
        ...model,
        _id: `${model._id}-${number}`,
        slug: { ...model.slug, current: `${model.slug.current}-${number}` },
        ...(model.title === undefined ? {} : { title: `${model.title} ${number}` }),
        ...(model.name === undefined ? {} : { name: `${model.name} ${number}` }),
      };
      extra.push(copy);
      count += entries(copy);
    }
  }
  // At this size no region publishes more than its page lists of one kind; a county that has
  // published many reports (as counties do) shows how the page cuts its lists, and a theme they
  // share has more documents than its page lists.
  const county = docs.find((d) => d._type === 'region' && d.kind === 'lan') as Doc;
  const theme = docs.find((d) => d._type === 'tema') as Doc;
  const model = docs.find((d) => d._type === 'dokument') as Doc;
  for (let index = 0; index < EXTRA_COUNTY_DOCUMENTS; index++) {
    const number = String(index + 1).padStart(2, '0');
    const { programme: _programme, delprojekt: _delprojekt, ...rest } = model;
    extra.push({
      ...rest,
      _id: `syn-dokument-lagesrapport-${number}`,
      title: `Lägesrapport nära vård ${county.name} ${number}`,
      slug: { ...model.slug, current: `lagesrapport-nara-vard-${county.slug.current}-${number}` },
      date: `20${String(index).padStart(2, '0')}`,
      publisher: String(county.name),
      publisherRegion: { ...model.publisherRegion, _ref: county._id },
      themes: [{ _type: 'reference', _key: 'tema', _ref: theme._id } as { _ref: string }],
    });
  }
  await appendFile(file, extra.map((d) => `${JSON.stringify(d)}\n`).join(''));
  docs.push(...extra);
  const dist = await buildSiteOrThrow({
    outDir: path.join(RUN_DIR, 'dist'),
    env: { CONTENT_DIR: path.join(RUN_DIR, 'data'), ASTRO_CACHE_DIR: path.join(RUN_DIR, 'astro') },
  });
  site = builtSite(dist);
});

afterAll(() => rm(RUN_DIR, { recursive: true, force: true }));

/** The lists, with what each page should hold: one link per entry (a contact once per region). */
const LISTS: {
  base: string;
  title: string;
  pageSize: number;
  entries: () => string[];
}[] = [
  {
    base: '/program/',
    title: 'Program',
    pageSize: PAGE_SIZE,
    entries: () => ofType('programme').map(pathOf),
  },
  {
    base: '/dokument/',
    title: 'Dokument',
    pageSize: PAGE_SIZE,
    entries: () => ofType('dokument').map(pathOf),
  },
  {
    base: '/kontakter/',
    title: 'Kontakter',
    pageSize: PAGE_SIZE,
    entries: () => ofType('kontaktperson').flatMap((p) => (p.regions ?? []).map(() => pathOf(p))),
  },
  {
    base: '/delprojekt/',
    title: 'Delprojekt',
    pageSize: PAGE_SIZE,
    entries: () => ofType('delprojekt').map(pathOf),
  },
  {
    base: '/kallor/',
    title: 'Källor',
    pageSize: PAGE_SIZE,
    entries: () => ofType('kalla').map(pathOf),
  },
  {
    base: '/malbilder/',
    title: 'Målbilder',
    pageSize: MALBILD_PAGE_SIZE,
    entries: () => ofType('malbild').map(pathOf),
  },
  {
    base: '/tidslinje/',
    title: 'Tidslinje',
    pageSize: PAGE_SIZE,
    entries: () => ofType('handelse').map(pathOf),
  },
];

/** Links in a page's main content to the list's own entries (not the page navigation). */
function entryLinks(page: ListPage, entries: ReadonlySet<string>): string[] {
  return page.root
    .querySelectorAll('main a[href]')
    .map((a) => a.getAttribute('href') as string)
    .filter((href) => entries.has(href));
}

describe('list pages of a generated national site', () => {
  for (const list of LISTS) {
    describe(list.base, () => {
      let pages: ListPage[];
      let entries: string[];
      let last: number;
      beforeAll(() => {
        pages = listPages(site, list.base);
        entries = list.entries();
        last = Math.ceil(entries.length / list.pageSize);
      });

      it('has the first page at the list’s address and page n at sida/n/, and no other', () => {
        expect(last, 'the dataset fills more than one page').toBeGreaterThan(1);
        expect(pages.map((p) => p.path)).toEqual(
          Array.from({ length: last }, (_, i) =>
            i === 0 ? list.base : `${list.base}sida/${i + 1}/`,
          ),
        );
        expect(site.exists(`${list.base}sida/1/`)).toBe(false);
        expect(site.exists(`${list.base}sida/${last + 1}/`)).toBe(false);
      });

      it('lists every entry exactly once across its pages, a full page at a time', () => {
        const seen = pages.flatMap((p) => entryLinks(p, new Set(entries)));
        expect(seen.toSorted()).toEqual(entries.toSorted());
        pages.forEach((p, i) => {
          const count = entryLinks(p, new Set(entries)).length;
          expect(count, p.path).toBe(
            i < last - 1 ? list.pageSize : entries.length - list.pageSize * (last - 1),
          );
        });
      });

      it('titles each later page “– sida n av m” and links its neighbours with rel="prev"/"next"', () => {
        pages.forEach((p, i) => {
          const n = i + 1;
          const heading = n === 1 ? list.title : `${list.title} – sida ${n} av ${last}`;
          expect(text(p.root.querySelector('title'))).toBe(`${heading} – Nära vård`);
          expect(text(p.root.querySelector('main h1'))).toBe(heading);
          const head = (rel: string) =>
            p.root.querySelector(`head link[rel="${rel}"]`)?.getAttribute('href');
          expect(head('prev'), p.path).toBe(pages[i - 1]?.path);
          expect(head('next'), p.path).toBe(pages[i + 1]?.path);
          expect(p.root.querySelector('meta[name="description"]')?.getAttribute('content')).toMatch(
            n === 1 ? /\.$/ : new RegExp(`Sida ${n} av ${last}\\.$`),
          );
          expect(text(p.root.querySelector('main .list-range'))).toBe(
            `Visar ${(n - 1) * list.pageSize + 1}–${Math.min(n * list.pageSize, entries.length)} av ${entries.length}.`,
          );
        });
      });

      it('has one page navigation: Föregående, the page numbers with aria-current, Nästa', () => {
        pages.forEach((p, i) => {
          const navs = p.root.querySelectorAll('nav[aria-label="Sidnavigering"]');
          expect(navs, p.path).toHaveLength(1);
          const nav = navs[0] as HTMLElement;
          const current = nav.querySelectorAll('a[aria-current="page"]');
          expect(current.map((a) => a.getAttribute('href'))).toEqual([p.path]);
          expect(text(current[0])).toBe(`Sida ${i + 1}`);
          const prev = nav.querySelector('a[rel="prev"]');
          const next = nav.querySelector('a[rel="next"]');
          expect(prev?.getAttribute('href'), p.path).toBe(pages[i - 1]?.path);
          expect(next?.getAttribute('href'), p.path).toBe(pages[i + 1]?.path);
          if (prev) expect(text(prev)).toBe('‹ Föregående sida');
          if (next) expect(text(next)).toBe('Nästa sida ›');
          // The first and last page are always there; every number links to its own page.
          const numbers = nav.querySelectorAll('a:not([rel])').map((a) => ({
            n: Number(text(a).replace('Sida ', '')),
            href: a.getAttribute('href'),
          }));
          expect(numbers[0]).toEqual({ n: 1, href: list.base });
          expect(numbers.at(-1)).toEqual({ n: last, href: pages[last - 1]?.path });
          for (const { n, href } of numbers) expect(href).toBe(pages[n - 1]?.path);
        });
      });

      it('is where the Studio’s Presentation tool sends an editor: the page that shows the entry', async () => {
        // The first and the last entry of every page, so every page boundary.
        const boundaries = new Set(
          pages.flatMap((p) => {
            const links = entryLinks(p, new Set(entries));
            return [links[0], links.at(-1)].filter((href) => href !== undefined);
          }),
        );
        expect(boundaries.size).toBeGreaterThan(2);
        for (const href of boundaries) {
          const doc = docs.find((d) => pathOf(d) === href) as Doc;
          const offered = (await locationsOf(doc)).filter((l) =>
            pages.some((p) => p.path === l.href),
          );
          const showing = pages.flatMap((p, i) =>
            entryLinks(p, new Set([href])).length > 0
              ? [{ title: i === 0 ? list.title : `${list.title} – sida ${i + 1}`, href: p.path }]
              : [],
          );
          expect(offered, href).toEqual(showing);
        }
      });

      it('is not indexed for search, and later pages share the first page’s social image', () => {
        const image = (p: ListPage) =>
          p.root.querySelector('meta[property="og:image"]')?.getAttribute('content');
        for (const p of pages) {
          expect(p.root.querySelector('[data-pagefind-body]'), p.path).toBeNull();
          expect(image(p)).toBe(image(pages[0] as ListPage));
        }
      });
    });
  }

  it('links each document kind, year and county to the page where it begins', () => {
    for (const [base, label] of [
      ['/dokument/', 'Dokumenttyper'],
      ['/tidslinje/', 'År'],
      ['/kontakter/', 'Län'],
    ] as const) {
      const pages = listPages(site, base);
      const links = pages[0]?.root.querySelectorAll(`nav[aria-label="${label}"] a`) ?? [];
      expect(links.length, base).toBeGreaterThan(1);
      for (const a of links) {
        const [target, anchor] = (a.getAttribute('href') as string).split('#');
        const index = pages.findIndex((p) => p.path === target);
        expect(index, `${base}: ${a.getAttribute('href')}`).toBeGreaterThanOrEqual(0);
        const page = pages[index] as ListPage;
        const heading = page.root.getElementById(anchor as string);
        expect(heading, `${base}: ${a.getAttribute('href')}`).toBeTruthy();
        // It begins there: the page before does not have that group.
        expect(pages[index - 1]?.root.getElementById(anchor as string) ?? null).toBeNull();
      }
    }
  });
});

describe('the whole generated site', () => {
  it('reaches every document from the start page by plain links', () => {
    const seen = new Set(['/']);
    const queue = ['/'];
    while (queue.length > 0) {
      const current = queue.shift() as string;
      for (const a of site.page(current).querySelectorAll('a[href]')) {
        const url = new URL(a.getAttribute('href') as string, `http://site${current}`);
        if (url.host !== 'site' || !url.pathname.endsWith('/') || seen.has(url.pathname)) continue;
        if (!site.exists(url.pathname)) continue;
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
    }
    expect(docs.map(pathOf).filter((p) => !seen.has(p))).toEqual([]);
  });

  it('has no page over 30 kB gzip', () => {
    const heavy = htmlFiles(site.dist)
      .map((file) => ({
        file,
        bytes: gzipSync(readFileSync(path.join(site.dist, file))).length,
      }))
      .filter(({ bytes }) => bytes > 30_000);
    expect(heavy).toEqual([]);
  });

  it('shows on a county’s page its own material, 20 of each kind with a search for the rest, and its sub-regions as links with counts', () => {
    const regions = ofType('region');
    const below = (id: string) =>
      regions.filter((r) => {
        for (let p = r.parent?._ref; p; p = regions.find((x) => x._id === p)?.parent?._ref)
          if (p === id) return true;
        return false;
      });
    const counties = regions.filter((r) => !r.parent && below(r._id).length > 0);
    expect(counties.length).toBeGreaterThan(10);
    const has = (list: Array<{ _ref: string }> | undefined, id: string) =>
      list?.some((r) => r._ref === id);
    let capped = 0;
    let subregionsWithMore = 0;
    for (const county of counties) {
      const main = site.page(pathOf(county)).querySelector('main') as HTMLElement;
      const hrefs = new Set(main.querySelectorAll('a[href]').map((a) => a.getAttribute('href')));
      const own = {
        Dokument: ofType('dokument').filter((d) => d.publisherRegion?._ref === county._id),
        Program: ofType('programme').filter((p) => has(p.regions, county._id)),
      };
      for (const [label, material] of Object.entries(own)) {
        const listed = material.filter((d) => hrefs.has(pathOf(d)));
        expect(listed.length, `${county._id} lists its ${label}`).toBe(
          Math.min(20, material.length),
        );
        const searches = main.querySelectorAll('a[href^="/sok/?"]').filter((a) => {
          const url = new URL(a.getAttribute('href') as string, 'http://site');
          return (
            url.searchParams.getAll('typ').join() === label &&
            url.searchParams.getAll('region').join() === county.slug.current
          );
        });
        expect(searches.length, `${county._id} searches its ${label}`).toBe(
          material.length > 20 ? 1 : 0,
        );
        if (material.length > 20) {
          capped++;
          expect(text(main)).toContain(`av ${material.length}`);
        }
      }
      // The newest documents are the ones shown.
      const newest = [...own.Dokument]
        .sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')))
        .slice(0, 5);
      for (const d of newest)
        expect(hrefs.has(pathOf(d)), `${county._id} shows ${d._id}`).toBe(true);
      const tree = main.querySelector('section[aria-labelledby="underregioner"]');
      expect(tree?.closest('[data-pagefind-ignore]'), county._id).toBeTruthy();
      for (const sub of below(county._id)) {
        const item = tree
          ?.querySelectorAll('li')
          .find(
            (li) =>
              li.querySelector(':scope > a.region-tree__name')?.getAttribute('href') ===
              pathOf(sub),
          );
        expect(item, `${county._id} links ${sub._id}`).toBeTruthy();
        const subProgrammes = ofType('programme').filter((p) => has(p.regions, sub._id));
        const programmes = subProgrammes.length;
        const documents = ofType('dokument').filter(
          (d) => d.publisherRegion?._ref === sub._id,
        ).length;
        const meta = text(item?.querySelector(':scope > .region-tree__meta'));
        if (programmes > 0) expect(meta, sub._id).toContain(`${programmes} program`);
        // Its first few programmes as links, then one link to all of them on its own page.
        const links = (item?.querySelectorAll(':scope > .region-tree__programmes a') ?? []).map(
          (a) => a.getAttribute('href') as string,
        );
        const rest = `${pathOf(sub)}#program`;
        const shown = links.filter((href) => href !== rest);
        expect(shown.length, sub._id).toBe(Math.min(PROGRAMMES_PER_SUBREGION, programmes));
        expect(subProgrammes.map(pathOf)).toEqual(expect.arrayContaining(shown));
        expect(links.includes(rest), sub._id).toBe(programmes > PROGRAMMES_PER_SUBREGION);
        if (programmes > PROGRAMMES_PER_SUBREGION) subregionsWithMore++;
        if (documents > 0) expect(meta, sub._id).toContain(`${documents} dokument`);
        // Not repeated: the sub-region's documents are on its own page, not on the county's.
        for (const d of ofType('dokument').filter((d) => d.publisherRegion?._ref === sub._id))
          expect(hrefs.has(pathOf(d)), `${county._id} repeats ${d._id}`).toBe(false);
      }
    }
    expect(capped, 'a county with more than 20 documents of its own').toBeGreaterThan(0);
    expect(
      subregionsWithMore,
      'a sub-region with more programmes than its county lists',
    ).toBeGreaterThan(0);
  });

  it('has the Studio’s Presentation tool name only pages that show the document', async () => {
    // The county's and the theme's documents beyond what their pages list, and a sample of all.
    const overflowing = docs.filter((d) => d._id.startsWith('syn-dokument-lagesrapport-'));
    const sample = [...overflowing, ...docs.filter((_, index) => index % 20 === 0)];
    let named = 0;
    for (const doc of sample) {
      if (!doc.slug?.current || !site.exists(pathOf(doc))) continue;
      for (const { href } of (await locationsOf(doc)).slice(1)) {
        expect(site.exists(href), `${doc._id}: ${href}`).toBe(true);
        const link = site.page(href).querySelector(`main a[href="${pathOf(doc)}"]`);
        expect(link, `${doc._id} is named on ${href} but not shown there`).toBeTruthy();
        named++;
      }
    }
    expect(named).toBeGreaterThan(sample.length);
  });

  it('lists at most 20 items of each type on a theme page and links a search for all of them', () => {
    const labels = {
      programme: 'Program',
      malbild: 'Målbild',
      delprojekt: 'Delprojekt',
      dokument: 'Dokument',
    } as const;
    let capped = 0;
    for (const theme of ofType('tema')) {
      const main = site.page(pathOf(theme)).querySelector('main') as HTMLElement;
      const hrefs = main.querySelectorAll('a[href]').map((a) => a.getAttribute('href') as string);
      for (const [type, label] of Object.entries(labels)) {
        const material = ofType(type as DocumentType).filter((d) =>
          d.themes?.some((t) => t._ref === theme._id),
        );
        const listed = hrefs.filter((h) => material.some((m) => pathOf(m) === h));
        expect(listed.length, `${theme._id} ${type}`).toBe(Math.min(20, material.length));
        const search = hrefs.filter(
          (h) => h === `/sok/?typ=${encodeURIComponent(label)}&tema=${theme.slug.current}`,
        );
        expect(search.length, `${theme._id} ${type} search link`).toBe(
          material.length > 20 ? 1 : 0,
        );
        if (material.length > 20) capped++;
      }
      const lists = main.querySelectorAll('.link-list');
      for (const list of lists)
        expect(list.closest('[data-pagefind-ignore]'), theme._id).toBeTruthy();
    }
    expect(capped, 'some theme has more than 20 items of a type').toBeGreaterThan(0);
  });

  it('passes html-validate and axe (WCAG 2.1 A and AA) on paginated, county and theme pages', async () => {
    const sample = [
      ...LISTS.flatMap((list) => {
        const pages = listPages(site, list.base).map((p) => p.path);
        return [...new Set([pages[1], pages[Math.floor(pages.length / 2)], pages.at(-1)])];
      }),
      ...ofType('region')
        .filter((r) => !r.parent)
        .slice(0, 3)
        .map(pathOf),
      ...ofType('tema').slice(0, 2).map(pathOf),
    ].filter((p): p is string => !!p);
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const errors: string[] = [];
    for (const p of sample) {
      const report = await validator.validateString(
        readFileSync(path.join(site.dist, `${p}index.html`), 'utf8'),
        p,
      );
      for (const result of report.results)
        for (const m of result.messages) errors.push(`${p}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    expect(errors, errors.join('\n')).toEqual([]);

    const server = await startStaticServer(site.dist, { cacheControl: 'no-store' });
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ baseURL: server.url, locale: 'sv-SE' });
      await preloadAxe(context);
      const page = await context.newPage();
      const failures: string[] = [];
      for (const p of sample) {
        expect((await page.goto(p))?.status(), p).toBe(200);
        const violations = await axeViolations(page);
        if (violations.length > 0) failures.push(`${p}\n${describeViolations(violations)}`);
      }
      expect(failures, failures.join('\n\n')).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

// The built site against the embedded dataset: every published document has its page, every
// page can be reached from the start page by following links, breadcrumbs follow the region
// tree, and the pages say what the dataset says (sources, dates, contact links, documents
// without a file). Expectations are read from content/dataset/data.ndjson, not written here.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PROGRAMMES_PER_SUBREGION } from '../../src/lib/presentation/list-order.ts';
import { hrefFor } from '../../src/lib/urls.ts';
import { builtSite, listPages, type DatasetDoc } from './list-pages.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TYPES = new Set([
  'region',
  'programme',
  'malbild',
  'delprojekt',
  'kontaktperson',
  'dokument',
  'tema',
  'handelse',
  'kalla',
]);

type Doc = DatasetDoc;

const docs: Doc[] = readFileSync(path.join(ROOT, 'content/dataset/data.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Doc)
  .filter(
    (doc) =>
      TYPES.has(doc._type) && !doc._id.startsWith('drafts.') && !doc._id.startsWith('versions.'),
  );
const byId = new Map(docs.map((doc) => [doc._id, doc]));
const nameOf = (doc: Doc) => doc.title ?? doc.name ?? '';
const pathOf = (doc: Doc) => hrefFor(doc._type, doc.slug.current);

/** A region's chain from its root (root first, the region last). */
function chain(regionId: string): Doc[] {
  const out: Doc[] = [];
  for (let r = byId.get(regionId); r; r = r.parent ? byId.get(r.parent._ref) : undefined)
    out.unshift(r);
  return out;
}

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
/** The Swedish date at the precision given, written out independently of the site's code. */
function swedishDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (!m) return y as string;
  const month = MONTHS[Number(m) - 1];
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

let dist: string;
const pages = new Map<string, HTMLElement>();

function fileFor(urlPath: string): string {
  return path.join(dist, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
}
function page(urlPath: string): HTMLElement {
  let root = pages.get(urlPath);
  if (!root) {
    root = parse(readFileSync(fileFor(urlPath), 'utf8'));
    pages.set(urlPath, root);
  }
  return root;
}
const text = (el: HTMLElement | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeAll(() => {
  dist = inject('distDir');
});

/** Every page of a paginated list (one page for the embedded dataset; see pagination.test.ts). */
const listed = (base: string) => listPages(builtSite(dist), base).map((p) => p.root);

describe('pages of the dataset', () => {
  it('has a page for every published document', () => {
    const missing = docs
      .filter((doc) => !existsSync(fileFor(pathOf(doc))))
      .map((doc) => `${doc._id} → ${pathOf(doc)}`);
    expect(missing).toEqual([]);
  });

  it('titles each document page with the document (one h1)', () => {
    for (const doc of docs) {
      const h1s = page(pathOf(doc)).querySelectorAll('h1');
      expect(h1s, pathOf(doc)).toHaveLength(1);
      expect(text(h1s[0]), pathOf(doc)).toContain(nameOf(doc));
    }
  });

  it('reaches every document page and every built page from the start page by following links', () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    while (queue.length > 0) {
      const current = queue.shift() as string;
      for (const a of page(current).querySelectorAll('a[href]')) {
        const url = new URL(a.getAttribute('href') as string, `http://site${current}`);
        if (url.host !== 'site' || !url.pathname.endsWith('/')) continue;
        if (seen.has(url.pathname) || !existsSync(fileFor(url.pathname))) continue;
        seen.add(url.pathname);
        queue.push(url.pathname);
      }
    }
    const unreachable = docs.map(pathOf).filter((p) => !seen.has(p));
    expect(unreachable).toEqual([]);
    const built = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind'))
      .map(
        (f) => `/${path.dirname(f) === '.' ? '' : `${path.dirname(f).split(path.sep).join('/')}/`}`,
      );
    expect(built.filter((p) => !seen.has(p))).toEqual([]);
  });
});

describe('breadcrumbs', () => {
  const crumbs = (urlPath: string) =>
    page(urlPath)
      .querySelectorAll('nav.breadcrumbs li')
      .map((li) => ({ text: text(li), href: li.querySelector('a')?.getAttribute('href') }));

  it('show a region page as Start › Regioner › its ancestors › the region', () => {
    for (const region of docs.filter((d) => d._type === 'region')) {
      const expected = ['Start', 'Regioner', ...chain(region._id).map(nameOf)];
      expect(
        crumbs(pathOf(region)).map((c) => c.text),
        region._id,
      ).toEqual(expected);
      // Every crumb but the last links to its page.
      expect(
        crumbs(pathOf(region))
          .slice(2, -1)
          .map((c) => c.href),
      ).toEqual(chain(region._id).slice(0, -1).map(pathOf));
    }
  });

  it('lead material along the region tree to one of its own regions', () => {
    const regionsOf = (doc: Doc): string[] => {
      if (doc._type === 'delprojekt')
        return (byId.get(doc.programme?._ref ?? '')?.regions ?? []).map((r) => r._ref);
      if (doc._type === 'dokument' && doc.publisherRegion) return [doc.publisherRegion._ref];
      return (doc.regions ?? []).map((r) => r._ref);
    };
    for (const doc of docs.filter((d) =>
      ['programme', 'malbild', 'delprojekt', 'kontaktperson', 'handelse'].includes(d._type),
    )) {
      const own = regionsOf(doc);
      if (own.length === 0) continue;
      const trail = crumbs(pathOf(doc));
      expect(trail[0]?.text).toBe('Start');
      expect(trail[1]?.text).toBe('Regioner');
      expect(trail.at(-1)?.text, doc._id).toContain(nameOf(doc));
      const regionHrefs = trail
        .map((c) => c.href)
        .filter((h): h is string => !!h && h.startsWith('/regioner/') && h !== '/regioner/');
      const last = docs.find((d) => d._type === 'region' && pathOf(d) === regionHrefs.at(-1));
      expect(last && own.includes(last._id), `${doc._id}: ${regionHrefs.join(' › ')}`).toBe(true);
      // The region crumbs are exactly that region's chain from its root.
      expect(regionHrefs).toEqual(chain((last as Doc)._id).map(pathOf));
    }
  });

  it('put a delprojekt under its programme', () => {
    for (const d of docs.filter((doc) => doc._type === 'delprojekt')) {
      const programme = byId.get(d.programme?._ref ?? '') as Doc;
      expect(crumbs(pathOf(d)).at(-2)).toEqual({
        text: nameOf(programme),
        href: pathOf(programme),
      });
    }
  });
});

describe('what the pages say', () => {
  it('shows each page’s sources with their publisher and its last update', () => {
    for (const doc of docs.filter((d) => d._type !== 'kalla')) {
      const info = page(pathOf(doc)).querySelector('.source-info');
      expect(info, pathOf(doc)).toBeTruthy();
      for (const ref of doc.sources ?? []) {
        const source = byId.get(ref._ref) as Doc;
        const link = info?.querySelector(`a[href="${pathOf(source)}"]`);
        expect(link, `${doc._id} cites ${source._id}`).toBeTruthy();
        expect(text(info)).toContain(String(source.publisher));
        if (typeof source.lastUpdated === 'string')
          expect(text(info)).toContain(swedishDate(source.lastUpdated));
      }
      const updated = info
        ?.querySelectorAll('dt')
        .find((dt) => text(dt) === 'Senast uppdaterad här');
      expect(text(updated?.nextElementSibling as HTMLElement), pathOf(doc)).toMatch(
        /^\d{1,2} [a-zé]+ \d{4}$/,
      );
    }
  });

  it('lists on each source page all material that cites it', () => {
    for (const source of docs.filter((d) => d._type === 'kalla')) {
      const html = page(pathOf(source));
      for (const doc of docs.filter((d) => d.sources?.some((r) => r._ref === source._id))) {
        expect(
          html.querySelector(`main a[href="${pathOf(doc)}"]`),
          `${source._id} lists ${doc._id}`,
        ).toBeTruthy();
      }
    }
  });

  it('links a document’s file or says who publishes it', () => {
    for (const doc of docs.filter((d) => d._type === 'dokument')) {
      const main = page(pathOf(doc)).querySelector('main');
      if (doc.attachment) {
        expect(main?.querySelector('.document-access a[href]'), doc._id).toBeTruthy();
      } else {
        expect(text(main?.querySelector('.document-access'))).toBe(
          `Dokumentet finns inte som fil här. Det publiceras av ${doc.publisher}.`,
        );
      }
    }
  });

  it('links phone numbers as tel:+46 digits and e-mail addresses as mailto:', () => {
    const people = docs.filter((d) => d._type === 'kontaktperson');
    const directory = listed('/kontakter/');
    for (const person of people) {
      const listing = directory.find((root) => root.querySelector(`a[href="${pathOf(person)}"]`));
      expect(listing, `${person._id} in the directory`).toBeTruthy();
      for (const root of [page(pathOf(person)), listing as HTMLElement]) {
        if (person.phone) {
          const digits = person.phone.replace(/\D/g, '');
          const tel = root
            .querySelectorAll('a[href^="tel:"]')
            .find((a) => text(a) === person.phone);
          expect(tel?.getAttribute('href'), person._id).toBe(`tel:+46${digits.slice(1)}`);
          expect(tel?.getAttribute('href')).toMatch(/^tel:\+46\d+$/);
        }
        if (person.email) {
          expect(root.querySelector(`a[href="mailto:${person.email}"]`), person._id).toBeTruthy();
        }
      }
    }
  });

  it('says so where a source gives a contact no details or a work no status', () => {
    const directory = listed('/kontakter/');
    const silent = docs.filter(
      (d) => d._type === 'kontaktperson' && d['noContactDetailsInSource'] === true,
    );
    expect(silent).toHaveLength(5);
    for (const person of silent) {
      const card = directory
        .flatMap((root) => root.querySelectorAll('.contact-card'))
        .find((element) => element.querySelector(`a[href="${pathOf(person)}"]`));
      expect(text(card), person._id).toContain('Källan anger inga kontaktuppgifter.');
      expect(text(page(pathOf(person))), person._id).toContain(
        'Källan anger inget telefonnummer eller e-postadress',
      );
    }
    const unknown = docs.filter((d) => d['status'] === 'okand');
    expect(unknown.map((d) => d._type).sort()).toEqual([
      'delprojekt',
      'delprojekt',
      ...Array(6).fill('programme'),
    ]);
    for (const work of unknown)
      expect(text(page(pathOf(work))), work._id).toContain('Anges inte i källan');
  });

  it('groups the contact directory by region', () => {
    const directory = listed('/kontakter/');
    for (const person of docs.filter((d) => d._type === 'kontaktperson')) {
      for (const ref of person.regions ?? []) {
        const region = byId.get(ref._ref) as Doc;
        const sections = directory.flatMap((root) =>
          root.querySelectorAll(`section[aria-labelledby="kontakter-${region.slug.current}"]`),
        );
        expect(
          sections.some((section) => section.querySelector(`a[href="${pathOf(person)}"]`)),
          `${person._id} under ${region._id}`,
        ).toBe(true);
      }
    }
  });

  it('dates events on the timeline with the precision they have', () => {
    const items = listed('/tidslinje/').flatMap((root) => root.querySelectorAll('.timeline__item'));
    const events = docs.filter((d) => d._type === 'handelse');
    expect(items).toHaveLength(events.length);
    for (const event of events) {
      const item = items.find((li) => li.querySelector(`a[href="${pathOf(event)}"]`));
      const time = item?.querySelector('time');
      expect(time?.getAttribute('datetime'), event._id).toBe(event.date);
      expect(text(time)).toBe(swedishDate(event.date as string));
    }
    // In date order.
    const dates = items.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? '');
    expect(dates).toEqual([...dates].sort());
  });

  it('shows on a region page its own material, and its sub-regions as links with counts and their programmes', () => {
    const regions = docs.filter((d) => d._type === 'region');
    const programmesOf = (regionId: string) =>
      docs.filter((d) => d._type === 'programme' && d.regions?.some((r) => r._ref === regionId));
    const documentsOf = (regionId: string) =>
      docs.filter((d) => d._type === 'dokument' && d.publisherRegion?._ref === regionId);
    let subregionsChecked = 0;
    for (const region of regions) {
      const main = page(pathOf(region)).querySelector('main') as HTMLElement;
      const own = main.querySelector('section[aria-labelledby="program"]');
      for (const programme of programmesOf(region._id)) {
        expect(
          own?.querySelector(`a[href="${pathOf(programme)}"]`),
          `${region._id} lists ${programme._id}`,
        ).toBeTruthy();
      }
      for (const doc of documentsOf(region._id)) {
        expect(
          main.querySelector(`section[aria-labelledby="dokument"] a[href="${pathOf(doc)}"]`),
          `${region._id} lists ${doc._id}`,
        ).toBeTruthy();
      }
      // Other pages' material and the fact list are left out of the search index (the facts'
      // values are keywords meta instead); the region's own words are not.
      for (const id of ['program', 'dokument', 'kontaktpersoner', 'handelser', 'underregioner']) {
        const section = main.querySelector(`section[aria-labelledby="${id}"]`);
        if (section)
          expect(section.closest('[data-pagefind-ignore]'), `${region._id} #${id}`).toBeTruthy();
      }
      expect(main.querySelector('dl.facts')?.closest('[data-pagefind-ignore]')).toBeTruthy();
      expect(
        main.querySelector('.prose, .portable-text')?.closest('[data-pagefind-ignore]') ?? null,
      ).toBeNull();

      const below = regions.filter(
        (r) => r._id !== region._id && chain(r._id).some((a) => a._id === region._id),
      );
      const tree = main.querySelector('section[aria-labelledby="underregioner"]');
      expect(!!tree, `${region._id} has a sub-region section`).toBe(below.length > 0);
      for (const sub of below) {
        const item = tree
          ?.querySelectorAll('li')
          .find(
            (li) =>
              li.querySelector(':scope > a.region-tree__name')?.getAttribute('href') ===
              pathOf(sub),
          );
        expect(item, `${region._id} links ${sub._id}`).toBeTruthy();
        const meta = text(item?.querySelector(':scope > .region-tree__meta'));
        const programmes = programmesOf(sub._id);
        const documents = documentsOf(sub._id);
        if (programmes.length > 0) expect(meta, sub._id).toContain(`${programmes.length} program`);
        if (documents.length > 0) expect(meta, sub._id).toContain(`${documents.length} dokument`);
        // The sub-region's programmes as links (the first few, then a link to the rest) …
        const links = (item?.querySelectorAll(':scope > .region-tree__programmes a') ?? []).map(
          (a) => a.getAttribute('href') as string,
        );
        const rest = `${pathOf(sub)}#program`;
        const shown = links.filter((href) => href !== rest);
        expect(shown.length, sub._id).toBe(Math.min(PROGRAMMES_PER_SUBREGION, programmes.length));
        expect(programmes.map(pathOf)).toEqual(expect.arrayContaining(shown));
        expect(links.includes(rest), sub._id).toBe(programmes.length > PROGRAMMES_PER_SUBREGION);
        // … and none of its documents: they are on its own page.
        for (const doc of documentsOf(sub._id))
          expect(
            main.querySelector(`a[href="${pathOf(doc)}"]`),
            `${region._id} repeats ${doc._id}`,
          ).toBeNull();
        subregionsChecked++;
      }
      // A search box scoped to the region: GET /sok/ with region=<slug>.
      const form = main.querySelector('form[action="/sok/"]');
      expect(form?.getAttribute('method')).toBe('get');
      expect(form?.querySelector('input[name="region"]')?.getAttribute('value')).toBe(
        region.slug.current,
      );
      expect(form?.querySelector('input[name="q"]')).toBeTruthy();
    }
    expect(subregionsChecked, 'the dataset has sub-regions').toBeGreaterThan(0);
  });

  it('puts every målbild’s parts side by side on /malbilder/', () => {
    const tables = listed('/malbilder/').map(
      (root) => root.querySelector('main table') as HTMLElement,
    );
    const malbilder = docs.filter((d) => d._type === 'malbild');
    for (const m of malbilder) {
      const table = tables.find((t) =>
        t.querySelectorAll('thead th').map(text).includes(nameOf(m)),
      );
      expect(table, `${m._id} has a column`).toBeTruthy();
      for (const part of (m.parts as { title: string }[] | undefined) ?? [])
        expect(text(table)).toContain(part.title);
    }
  });

  it('renders the editorial pages, including the accessibility statement', () => {
    for (const p of ['/om-nara-vard/', '/om-webbplatsen/', '/tillganglighet/'])
      expect(existsSync(fileFor(p)), p).toBe(true);
    const statement = text(page('/tillganglighet/').querySelector('main'));
    expect(statement.toLowerCase()).toContain(
      'kontakta den organisation som publicerat innehållet',
    );
    expect(statement).toContain('Myndigheten för digital förvaltning (DIGG)');
    expect(statement).toMatch(/delvis förenlig/);
  });

  it('has a search page with a plain GET form and a 404 page', () => {
    const form = page('/sok/').querySelector('main form[action="/sok/"]');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.querySelector('input[name="q"]')).toBeTruthy();
    expect(existsSync(path.join(dist, '404.html'))).toBe(true);
    expect(text(page('/404.html').querySelector('h1'))).toBe('Sidan finns inte');
  });
});

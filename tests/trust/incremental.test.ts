// An incremental rebuild (Astro's cached pages, the content check's and the social images'
// caches, all in the cache folder) gives the site a cold build of the same content gives, byte
// for byte, after an edit, an addition and a deletion; the edit shows wherever the document
// appears; and the rebuild does reuse pages instead of rendering them all. One chain of
// rebuilds with one cache folder, each step compared with a cold build (a fresh cache folder).
import { gunzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/lib/content/dataset.ts';
import {
  buildTempDir,
  fingerprint,
  fixtureDocuments,
  fixtureWithTitle,
  reusedPages,
  runBuild,
  toNdjson,
  writeDataset,
} from './helpers.ts';

const PROGRAMME = 'programme-gr';
const PROGRAMME_PAGE = '/program/gr-vardens-medarbetare/';
const NEW_TITLE = 'Kompetenslyftet i Göteborgsregionen';
const EDITED_AT = '2026-11-30T10:00:00Z';
const ADDED_TITLE = 'Underlag om egenvård';
const ADDED_PAGE = '/dokument/gr-underlag-egenvard/';

let run: string;
let colds = 0;

beforeAll(async () => {
  run = await buildTempDir('naravard-incremental-');
});
afterAll(async () => {
  await rm(run, { recursive: true, force: true });
});

/** The fixture's documents with the programme's title edited. */
const edited = () => fixtureWithTitle(PROGRAMME, NEW_TITLE, EDITED_AT);

/** The edited documents and one new document of the programme, published in its region. */
function added(): RawDocument[] {
  return [
    ...edited(),
    {
      _id: 'dokument-gr-underlag',
      _type: 'dokument',
      _rev: 'added',
      _createdAt: EDITED_AT,
      _updatedAt: '2026-11-30T11:00:00Z',
      title: ADDED_TITLE,
      slug: { _type: 'slug', current: 'gr-underlag-egenvard' },
      kind: 'rapport',
      date: '2026-11-01',
      format: 'PDF',
      attachment: { _type: 'attachment', url: 'https://goteborgsregionen.se/egenvard.pdf' },
      publisher: 'Göteborgsregionen',
      publisherRegion: { _type: 'reference', _ref: 'region-goteborgsregionen' },
      programme: { _type: 'reference', _ref: PROGRAMME },
      sources: [{ _type: 'reference', _ref: 'kalla-gr', _key: 's1' }],
    },
  ];
}

/** Builds `documents` into a folder of its own, with the chain's cache folder or a fresh one. */
async function build(name: string, documents: RawDocument[], cache: 'chain' | 'cold') {
  const data = await writeDataset(path.join(run, `${name}-data`), toNdjson(documents));
  const outDir = path.join(run, name);
  const cacheDir = path.join(run, cache === 'chain' ? 'cache' : `cold-cache-${++colds}`);
  const { exitCode, output } = await runBuild({
    outDir,
    // Astro's line for every page, which names the pages it reused (src/lib/build-log.ts).
    env: { CONTENT_DIR: data, ASTRO_CACHE_DIR: cacheDir, NARAVARD_LOG_PAGES: '1' },
  });
  expect(exitCode, output).toBe(0);
  return { outDir, output, reused: reusedPages(output) };
}

const htmlOf = (dir: string, page: string) => readFile(path.join(dir, page, 'index.html'), 'utf8');

/** Every built text file (HTML, XML) whose text matches `pattern`, by path. */
async function filesMatching(dir: string, pattern: RegExp): Promise<string[]> {
  const files = await readdir(dir, { recursive: true });
  const found: string[] = [];
  for (const file of files.filter((f) => /\.(html|xml)$/.test(f)).sort())
    if (pattern.test(await readFile(path.join(dir, file), 'utf8'))) found.push(file);
  return found;
}

/** The pages of Pagefind's index whose indexed text or metadata holds `text`. */
async function searchIndexPages(dir: string, text: string): Promise<string[]> {
  const fragments = path.join(dir, 'pagefind', 'fragment');
  const pages: string[] = [];
  for (const file of await readdir(fragments)) {
    const fragment = JSON.parse(
      gunzipSync(await readFile(path.join(fragments, file)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ) as { url: string };
    if (JSON.stringify(fragment).includes(text)) pages.push(fragment.url);
  }
  return pages.sort();
}

async function lastmodOf(dir: string, page: string): Promise<string | undefined> {
  const sitemap = await readFile(path.join(dir, 'sitemap-0.xml'), 'utf8');
  const escaped = page.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<loc>[^<]*${escaped}</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1];
}

/** Starts `work` now; the returned promise is awaited later (a failure is not unhandled meanwhile). */
function started<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

describe('an incremental rebuild', () => {
  // The cold builds need nothing from the chain: they run beside it, so the file waits for four
  // builds one after another instead of six.
  let editedColdBuild: ReturnType<typeof build>;
  let addedColdBuild: ReturnType<typeof build>;

  beforeAll(async () => {
    editedColdBuild = started(build('edited-cold', edited(), 'cold'));
    addedColdBuild = started(build('added-cold', added(), 'cold'));
    await build('base', fixtureDocuments(), 'chain');
  });

  it('after an edit equals a cold build of the edited content, and shows the edit wherever the document appears', async () => {
    const rebuild = await build('edited', edited(), 'chain');
    const cold = await editedColdBuild;
    expect(await fingerprint(rebuild.outDir)).toEqual(await fingerprint(cold.outDir));

    // Reused: pages that do not show the programme; rendered: the pages that do.
    expect(rebuild.reused).toEqual(
      expect.arrayContaining(['/regioner/fyrbodal/index.html', '/tillganglighet/index.html']),
    );
    expect(cold.reused).toEqual([]);
    const shown = [
      PROGRAMME_PAGE,
      '/program/',
      '/regioner/goteborgsregionen/',
      '/teman/samverkan/',
      '/tidslinje/2020-09-programmet-startar/',
      '/delprojekt/gr-delprojekt-1/',
      '/dokument/gr-slutrapport/',
    ];
    for (const page of shown) {
      expect(await htmlOf(rebuild.outDir, page), page).toContain(NEW_TITLE);
      expect(rebuild.reused).not.toContain(`${page}index.html`);
    }
    // The old title is left only inside the source page's title, "Nära vård och Vårdens medarbetare".
    expect(await filesMatching(rebuild.outDir, /(?<!och )Vårdens medarbetare/)).toEqual([]);
    expect(await readFile(path.join(rebuild.outDir, 'rss.xml'), 'utf8')).toContain(NEW_TITLE);
    expect(await searchIndexPages(rebuild.outDir, NEW_TITLE)).toContain(PROGRAMME_PAGE);
    expect(await lastmodOf(rebuild.outDir, PROGRAMME_PAGE)).toBe('2026-11-30T10:00:00.000Z');
    expect(await lastmodOf(rebuild.outDir, '/program/')).toBe('2026-11-30T10:00:00.000Z');
    // The content check and the social images were not done again for the unchanged parts.
    expect(rebuild.output).toMatch(/Drew \d+ social images .* and took [1-9]\d* unchanged/);
  });

  it('after adding a document equals a cold build, and lists the document where it belongs', async () => {
    const rebuild = await build('added', added(), 'chain');
    const cold = await addedColdBuild;
    expect(await fingerprint(rebuild.outDir)).toEqual(await fingerprint(cold.outDir));
    expect(rebuild.reused).toContain('/regioner/fyrbodal/index.html');
    expect(await htmlOf(rebuild.outDir, ADDED_PAGE)).toContain(ADDED_TITLE);
    for (const page of ['/dokument/', PROGRAMME_PAGE, '/regioner/goteborgsregionen/'])
      expect(await htmlOf(rebuild.outDir, page), page).toContain(ADDED_PAGE);
    expect(await readFile(path.join(rebuild.outDir, 'rss.xml'), 'utf8')).toContain(ADDED_TITLE);
    expect(await searchIndexPages(rebuild.outDir, ADDED_TITLE)).toEqual([ADDED_PAGE]);
    expect(await lastmodOf(rebuild.outDir, ADDED_PAGE)).toBe('2026-11-30T11:00:00.000Z');
  });

  it('after deleting it equals a cold build without it: no page of it, no link to it', async () => {
    // Without the added document the content is the edited content again.
    const rebuild = await build('deleted', edited(), 'chain');
    expect(await fingerprint(rebuild.outDir)).toEqual(
      await fingerprint((await editedColdBuild).outDir),
    );
    expect(existsSync(path.join(rebuild.outDir, ADDED_PAGE))).toBe(false);
    expect(await filesMatching(rebuild.outDir, new RegExp(`${ADDED_PAGE}|${ADDED_TITLE}`))).toEqual(
      [],
    );
    expect(await searchIndexPages(rebuild.outDir, ADDED_TITLE)).toEqual([]);
    expect(rebuild.reused).toContain('/regioner/fyrbodal/index.html');
  });
});

// What the built site gives Pagefind: one Swedish index of the pages' main content, each content
// page with its filters (regions with their ancestors, type, themes) and sort date.
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../scripts/site-build/search-index.ts';
import { listFiles } from '../support/site.ts';
import { siteContent, siteFolder, type SiteFolder } from './helpers.ts';

let folder: SiteFolder;
let dir: string;
let html: Map<string, HTMLElement>;

beforeAll(async () => {
  folder = await siteFolder();
  dir = folder.root;
  html = new Map();
  for (const file of await listFiles(dir, (name) => name.endsWith('.html'))) {
    html.set(file, parse(await readFile(path.join(dir, file), 'utf8')));
  }
});

afterAll(async () => {
  await folder?.release();
});

function pageAt(urlPath: string): HTMLElement {
  const document = html.get(path.join(urlPath.replace(/^\//, ''), 'index.html'));
  if (!document) throw new Error(`No built page at ${urlPath}`);
  return document;
}

function values(root: HTMLElement, attribute: string, key: string): string[] {
  return root
    .querySelectorAll(`[${attribute}]`)
    .map((element) => element.getAttribute(attribute) ?? '')
    .filter((value) => value.startsWith(`${key}:`))
    .map((value) => value.slice(key.length + 1));
}

describe('the search index input', () => {
  it('gives every content page its regions with all their ancestors, its type, themes and sort date', async () => {
    const content = await siteContent();
    for (const page of content.pages) {
      const bodies = pageAt(page.path).querySelectorAll('[data-pagefind-body]');
      expect(bodies, page.path).toHaveLength(1);
      const body = bodies[0] as HTMLElement;
      expect(new Set(values(body, 'data-pagefind-filter', 'region')), page.path).toEqual(
        new Set(page.meta.regionFilters),
      );
      expect(values(body, 'data-pagefind-filter', 'typ'), page.path).toEqual([page.meta.type]);
      expect(new Set(values(body, 'data-pagefind-filter', 'tema')), page.path).toEqual(
        new Set(page.meta.themes),
      );
      expect(values(body, 'data-pagefind-sort', 'date'), page.path).toEqual(
        page.meta.date ? [page.meta.date] : [],
      );
    }
  });

  it('keeps the header, breadcrumbs and footer outside the indexed main content', () => {
    let indexed = 0;
    for (const [file, document] of html) {
      const bodies = document.querySelectorAll('[data-pagefind-body]');
      if (bodies.length === 0) continue;
      indexed++;
      expect(bodies, file).toHaveLength(1);
      const body = bodies[0] as HTMLElement;
      expect(body.tagName, file).toBe('MAIN');
      for (const selector of [
        'header.site-header',
        'body > header',
        'body > footer',
        'nav.breadcrumbs',
        '.skip-link',
      ]) {
        expect(
          body.querySelector(selector),
          `${file}: ${selector} inside data-pagefind-body`,
        ).toBeNull();
      }
    }
    expect(indexed).toBeGreaterThan(0);
  });

  it('leaves the search page itself out of the index', () => {
    expect(pageAt('/sok/').querySelector('[data-pagefind-body]')).toBeNull();
  });

  it('is one Swedish index holding exactly the pages marked for indexing', async () => {
    const entry = JSON.parse(
      await readFile(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as {
      languages: Record<string, { page_count: number }>;
    };
    const marked = [...html.values()].filter((document) =>
      document.querySelector('[data-pagefind-body]'),
    ).length;
    expect(Object.keys(entry.languages)).toEqual(['sv']);
    expect(entry.languages.sv?.page_count).toBe(marked);
    for (const [file, document] of html)
      expect(document.querySelector('html')?.getAttribute('lang'), file).toBe('sv');
  });

  it('is the index Pagefind writes reading whole pages, though the build reads only the indexed root', async () => {
    // The build gives Pagefind a root (SITE_SEARCH_ROOT) so that it skips what it would drop.
    const copy = await mkdtemp(path.join(tmpdir(), 'search-root-'));
    try {
      for (const file of html.keys()) {
        await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
        await copyFile(path.join(dir, file), path.join(copy, file));
      }
      await indexSite(copy);
      const built = await listFiles(path.join(dir, 'pagefind'), () => true);
      expect((await listFiles(path.join(copy, 'pagefind'), () => true)).sort()).toEqual(
        [...built].sort(),
      );
      for (const file of built)
        expect(
          (await readFile(path.join(copy, 'pagefind', file))).equals(
            await readFile(path.join(dir, 'pagefind', file)),
          ),
          file,
        ).toBe(true);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('loads the search script on the search page only', () => {
    const scripts = (document: HTMLElement) =>
      document
        .querySelectorAll('script[src]')
        .map((script) => script.getAttribute('src') ?? '')
        .filter(Boolean);
    const searchScripts = scripts(pageAt('/sok/'));
    expect(searchScripts.length).toBeGreaterThan(0);
    for (const [file, document] of html) {
      if (file === path.join('sok', 'index.html')) continue;
      for (const src of scripts(document))
        expect(searchScripts, `${file} loads ${src}`).not.toContain(src);
    }
  });
});

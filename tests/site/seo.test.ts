// What every built page tells browsers, search engines and link previews: lang="sv", one h1,
// a title, a canonical address, Open Graph / Twitter tags with a 1200×630 social image that
// exists, JSON-LD that parses with the right @type, the sitemap and the RSS feed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serializeJsonLd } from '../../src/lib/presentation/json-ld.ts';
import { hrefFor } from '../../src/lib/urls.ts';
import type { DocumentType } from '../../src/lib/content/schemas.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const docs = readFileSync(path.join(ROOT, 'content/dataset/data.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map(
    (line) =>
      JSON.parse(line) as {
        _id: string;
        _type: DocumentType;
        _updatedAt: string;
        slug?: { current: string };
        name?: string;
        title?: string;
        phone?: string;
        email?: string;
      },
  )
  .filter((doc) => doc.slug && !doc._id.startsWith('drafts.'));

let dist: string;
let site: string;
const pages: { file: string; urlPath: string; doc: HTMLElement }[] = [];

beforeAll(() => {
  dist = inject('distDir');
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html') || file.startsWith('pagefind')) continue;
    const rel = file.split(path.sep).join('/');
    const urlPath = rel === '404.html' ? '/404/' : `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
    pages.push({ file, urlPath, doc: parse(readFileSync(path.join(dist, file), 'utf8')) });
  }
  const home = pages.find((p) => p.urlPath === '/') as (typeof pages)[number];
  site = new URL(home.doc.querySelector('link[rel="canonical"]')?.getAttribute('href') as string)
    .origin;
});

const meta = (doc: HTMLElement, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
const pageAt = (urlPath: string) => pages.find((p) => p.urlPath === urlPath)?.doc as HTMLElement;

function jsonLdNodes(doc: HTMLElement): Record<string, unknown>[] {
  return doc.querySelectorAll('script[type="application/ld+json"]').flatMap((script) => {
    const data = JSON.parse(script.textContent) as Record<string, unknown>;
    return (data['@graph'] as Record<string, unknown>[] | undefined) ?? [data];
  });
}

describe('every page', () => {
  it('is Swedish, has one h1, one main, a title and a description', () => {
    expect(pages.length).toBeGreaterThan(docs.length);
    for (const { urlPath, doc } of pages) {
      expect(doc.querySelector('html')?.getAttribute('lang'), urlPath).toBe('sv');
      expect(doc.querySelectorAll('h1'), urlPath).toHaveLength(1);
      expect(doc.querySelectorAll('main'), urlPath).toHaveLength(1);
      expect(doc.querySelector('title')?.textContent.trim(), urlPath).toMatch(
        /\S.* – Nära vård$|^Nära vård/,
      );
      expect(meta(doc, 'description')?.trim(), urlPath).toBeTruthy();
      expect(doc.querySelector('a.skip-link[href="#innehall"]')?.textContent, urlPath).toBe(
        'Hoppa till innehållet',
      );
      expect(doc.querySelector('main')?.id).toBe('innehall');
      for (const landmark of ['header', 'nav', 'footer'])
        expect(doc.querySelector(landmark), `${urlPath} ${landmark}`).toBeTruthy();
    }
  });

  it('has a canonical address: the page’s own path, absolute, with a trailing slash', () => {
    for (const { urlPath, doc } of pages.filter((p) => p.urlPath !== '/404/')) {
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), urlPath).toBe(
        `${site}${urlPath}`,
      );
      expect(meta(doc, 'og:url')).toBe(`${site}${urlPath}`);
    }
  });

  it('has Open Graph and Twitter tags and a 1200×630 PNG social image that exists', async () => {
    for (const { urlPath, doc } of pages) {
      for (const key of [
        'og:title',
        'og:description',
        'og:type',
        'og:image',
        'twitter:card',
        'twitter:image',
      ]) {
        expect(meta(doc, key), `${urlPath} ${key}`).toBeTruthy();
      }
      expect(meta(doc, 'og:locale')).toBe('sv_SE');
      const image = new URL(meta(doc, 'og:image') as string);
      expect(image.origin).toBe(site);
      const file = path.join(dist, decodeURIComponent(image.pathname));
      expect(existsSync(file), `${urlPath} → ${image.pathname}`).toBe(true);
      const { width, height, format } = await sharp(file).metadata();
      expect({ width, height, format }, image.pathname).toEqual({
        width: 1200,
        height: 630,
        format: 'png',
      });
    }
  });

  it('indexes main content for search on content and editorial pages, not on the start, list, search or 404 pages', () => {
    const notIndexed = new Set([
      '/',
      '/404/',
      '/sok/',
      '/regioner/',
      '/program/',
      '/malbilder/',
      '/dokument/',
      '/kontakter/',
      '/teman/',
      '/tidslinje/',
      '/kallor/',
      '/delprojekt/',
    ]);
    for (const { urlPath, doc } of pages) {
      const indexed = doc.querySelector('main')?.hasAttribute('data-pagefind-body');
      expect(indexed, urlPath).toBe(!notIndexed.has(urlPath));
      expect(doc.querySelectorAll('[data-pagefind-body]').length, urlPath).toBeLessThanOrEqual(1);
    }
  });
});

describe('JSON-LD', () => {
  it('parses on every page that has it, and no script content can break out of it', () => {
    for (const { urlPath, doc } of pages) {
      for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
        expect(() => JSON.parse(script.textContent), urlPath).not.toThrow();
        expect(script.textContent, urlPath).not.toMatch(/[<>]/);
      }
    }
    expect(serializeJsonLd({ name: '</script><script>alert(1)</script> & \u2028' })).toBe(
      '{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u2028"}',
    );
    expect(JSON.parse(serializeJsonLd({ name: '</script>' }))).toEqual({ name: '</script>' });
  });

  it('describes regions as GovernmentOrganization, contacts as Person with a ContactPoint, documents as DigitalDocument', () => {
    const expected: Partial<Record<DocumentType, string>> = {
      region: 'GovernmentOrganization',
      kontaktperson: 'Person',
      dokument: 'DigitalDocument',
    };
    for (const doc of docs) {
      const type = expected[doc._type];
      if (!type) continue;
      const nodes = jsonLdNodes(pageAt(hrefFor(doc._type, doc.slug!.current)));
      const node = nodes.find((n) => n['@type'] === type);
      expect(node, doc._id).toBeTruthy();
      expect(node?.name).toBe(doc.title ?? doc.name);
      if (doc._type === 'kontaktperson') {
        const point = node?.contactPoint as Record<string, unknown>;
        expect(point['@type']).toBe('ContactPoint');
        if (doc.phone) expect(point.telephone).toBe(`+46${doc.phone.replace(/\D/g, '').slice(1)}`);
        if (doc.email) expect(point.email).toBe(doc.email);
      }
    }
  });

  it('gives every content page a BreadcrumbList that matches its breadcrumbs', () => {
    for (const { urlPath, doc } of pages) {
      const nav = doc.querySelector('nav.breadcrumbs');
      if (!nav) continue;
      const list = jsonLdNodes(doc).find((n) => n['@type'] === 'BreadcrumbList');
      const names = (list?.itemListElement as { name: string }[] | undefined)?.map(
        (item) => item.name,
      );
      expect(names, urlPath).toEqual(
        nav.querySelectorAll('li').map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
      );
    }
  });
});

describe('sitemap and feed', () => {
  it("gives each content page its document's last update as its lastmod", () => {
    const xml = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    const lastmods = new Map(
      [...xml.matchAll(/<loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    for (const doc of docs)
      expect(lastmods.get(`${site}${hrefFor(doc._type, doc.slug!.current)}`), doc._id).toBe(
        new Date(doc._updatedAt).toISOString(),
      );
  });

  it('gives every page but the start page a lastmod, the region and theme indexes included', () => {
    const xml = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)];
    expect(entries.map((m) => m[1])).toEqual(
      expect.arrayContaining([`${site}/regioner/`, `${site}/teman/`]),
    );
    // Astro records the pages of routes without parameters without their trailing slash; the
    // sitemap's lastmod lookup once missed them.
    expect(entries.filter((m) => !m[2]).map((m) => m[1])).toEqual([`${site}/`]);
  });

  it('lists every content page in the sitemap, and not the search page or 404', () => {
    const xml = readdirSync(dist)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => readFileSync(path.join(dist, f), 'utf8'))
      .join('\n');
    expect(readFileSync(path.join(dist, 'sitemap-index.xml'), 'utf8')).toContain(
      `${site}/sitemap-0.xml`,
    );
    const locs = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    for (const doc of docs)
      expect(locs.has(`${site}${hrefFor(doc._type, doc.slug!.current)}`), doc._id).toBe(true);
    expect(locs.has(`${site}/sok/`)).toBe(false);
    expect([...locs].some((loc) => loc?.includes('404'))).toBe(false);
  });

  it('has an RSS feed of recently updated material with working links', () => {
    const rss = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    expect(rss).toContain('<language>sv-se</language>');
    const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map(
      (m) => m[1] as string,
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const url = new URL(link);
      expect(url.origin).toBe(site);
      expect(existsSync(path.join(dist, url.pathname, 'index.html')), link).toBe(true);
    }
    expect(
      pageAt('/')
        .querySelector('link[rel="alternate"][type="application/rss+xml"]')
        ?.getAttribute('href'),
    ).toBe('/rss.xml');
  });
});

describe('images', () => {
  it('gives every local image its width and height, and serves local raster images as AVIF and WebP in several widths', () => {
    let images = 0;
    for (const { urlPath, doc } of pages) {
      for (const img of doc.querySelectorAll('img')) {
        const src = img.getAttribute('src') ?? '';
        if (/^https?:/.test(src)) continue;
        images++;
        expect(Number(img.getAttribute('width')), `${urlPath} ${src}`).toBeGreaterThan(0);
        expect(Number(img.getAttribute('height')), `${urlPath} ${src}`).toBeGreaterThan(0);
        // A vector drawing is served as it is; a raster comes in modern formats and sizes.
        if (src.endsWith('.svg')) continue;
        const picture = img.parentNode;
        expect(picture?.rawTagName, `${urlPath} ${src} in a <picture>`).toBe('picture');
        const sources = picture?.querySelectorAll('source') ?? [];
        expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
        for (const source of sources)
          expect((source.getAttribute('srcset') as string).split(',').length).toBeGreaterThan(1);
      }
    }
    expect(images, 'the start page has its illustration').toBeGreaterThan(0);
  });
});

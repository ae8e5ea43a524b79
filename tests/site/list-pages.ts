// Reading a built site's paginated lists the way a browser would: from the list's first page,
// along each page's <link rel="next"> (see src/lib/presentation/pagination.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import type { DocumentType } from '../../src/lib/content/schemas.ts';

/** A document of a dataset file (data.ndjson), as the site tests read it. */
export interface DatasetDoc {
  _id: string;
  _type: DocumentType;
  slug: { current: string };
  name?: string;
  title?: string;
  parent?: { _ref: string };
  regions?: Array<{ _ref: string }>;
  themes?: Array<{ _ref: string }>;
  programme?: { _ref: string };
  publisherRegion?: { _ref: string };
  sources?: Array<{ _ref: string }>;
  date?: string;
  phone?: string;
  email?: string;
  attachment?: unknown;
  publisher?: string;
  [key: string]: unknown;
}

export interface BuiltSite {
  dist: string;
  /** The parsed page at a URL path (`/program/` → program/index.html), cached. */
  page(urlPath: string): HTMLElement;
  exists(urlPath: string): boolean;
}

export function builtSite(dist: string): BuiltSite {
  const cache = new Map<string, HTMLElement>();
  const fileFor = (urlPath: string) =>
    path.join(dist, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
  return {
    dist,
    page(urlPath) {
      let root = cache.get(urlPath);
      if (!root) {
        root = parse(readFileSync(fileFor(urlPath), 'utf8'));
        cache.set(urlPath, root);
      }
      return root;
    },
    exists: (urlPath) => existsSync(fileFor(urlPath)),
  };
}

export interface ListPage {
  path: string;
  root: HTMLElement;
}

/** Every page of the list that starts at `base`, in order, following rel="next". */
export function listPages(site: BuiltSite, base: string): ListPage[] {
  const pages: ListPage[] = [];
  const seen = new Set<string>();
  for (let current: string | undefined = base; current;) {
    if (seen.has(current)) throw new Error(`rel="next" loops back to ${current}`);
    seen.add(current);
    const root = site.page(current);
    pages.push({ path: current, root });
    current = root.querySelector('head link[rel="next"]')?.getAttribute('href') ?? undefined;
  }
  return pages;
}

export const text = (el: HTMLElement | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

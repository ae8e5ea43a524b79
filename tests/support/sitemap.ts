// The pages a built site lists in its sitemap (sitemap-index.xml → sitemap-*.xml), as URL paths,
// and the built HTML files: what the whole-site gates walk through.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

function locations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) =>
    (match[1] as string).trim().replace(/&amp;/g, '&'),
  );
}

/** Every page path in the sitemap (`/`, `/regioner/x/` …), sorted. Throws when there is no sitemap. */
export function sitemapPaths(dist: string): string[] {
  const index = readFileSync(path.join(dist, 'sitemap-index.xml'), 'utf8');
  const sitemaps = locations(index);
  if (sitemaps.length === 0) throw new Error('sitemap-index.xml lists no sitemap');
  const paths = sitemaps.flatMap((address) =>
    locations(readFileSync(path.join(dist, new URL(address).pathname), 'utf8')).map((page) =>
      decodeURI(new URL(page).pathname),
    ),
  );
  return [...new Set(paths)].sort();
}

/** Every built HTML file (relative paths, Pagefind's folder left out), sorted. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${path.sep}`))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The URL path a built file answers (`regioner/x/index.html` → `/regioner/x/`, `404.html` stays). */
export function pathOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

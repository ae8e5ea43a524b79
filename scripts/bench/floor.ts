// The floor of this project's stack: a throwaway Astro project with ONE route
// (`src/pages/[...slug].astro`) whose getStaticPaths reads the same documents' text from a JSON
// file (no content layer, no collections, no components, no integrations) and renders each as a
// plain page: title, summary, body as paragraphs. Pagefind then indexes its output through its
// Node API, as the site's build does (scripts/site-build/search-index.ts). What this project's
// build takes above that is what it adds to Astro and Pagefind.
//
// The project uses this repository's installed Astro and Pagefind (its node_modules is a
// symbolic link to the repository's): nothing is downloaded.
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RawDocument } from '../../src/lib/content/dataset.ts';
import { isDraftId, isSystemDocument } from '../../src/lib/content/integrity.ts';

/** One page of the floor: a document's text, nothing else. */
export interface FloorPage {
  /** `<type>/<slug>`: unique, since the site's slugs are unique per type. */
  slug: string;
  title: string;
  summary: string;
  paragraphs: string[];
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The plain text of each block of a Portable Text value (blocks without text left out). */
export function blockParagraphs(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const paragraphs: string[] = [];
  for (const block of value as Array<{ _type?: unknown; children?: unknown }>) {
    if (block?._type !== 'block' || !Array.isArray(block.children)) continue;
    const joined = (block.children as Array<{ text?: unknown }>)
      .map((span) => (typeof span?.text === 'string' ? span.text : ''))
      .join('')
      .trim();
    if (joined) paragraphs.push(joined);
  }
  return paragraphs;
}

/** A målbild's parts: each part's title and text as paragraphs. */
function partParagraphs(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return (value as Array<{ title?: unknown; text?: unknown }>).flatMap((part) =>
    [text(part?.title), text(part?.text)].filter((line): line is string => line !== undefined),
  );
}

/**
 * One page per published document, with the text the site shows as its title (`title`, or a
 * region's, theme's or contact's `name`), its summary (`summary`, a region's
 * `shortDescription`, a theme's `description`, else `note`) and its body (`body`, or a
 * region's Portable Text `description`, a målbild's parts) as paragraphs.
 */
export function floorPages(documents: readonly RawDocument[]): FloorPage[] {
  const pages: FloorPage[] = [];
  for (const document of documents) {
    if (isSystemDocument(document) || isDraftId(document._id)) continue;
    const slugField = (document['slug'] as { current?: unknown } | undefined)?.current;
    const slug = `${document._type}/${text(slugField) ?? document._id}`;
    pages.push({
      slug,
      title: text(document['title']) ?? text(document['name']) ?? document._id,
      summary:
        text(document['summary']) ??
        text(document['shortDescription']) ??
        text(document['description']) ??
        text(document['note']) ??
        '',
      paragraphs: [
        ...partParagraphs(document['parts']),
        ...blockParagraphs(document['body']),
        ...blockParagraphs(document['description']),
      ],
    });
  }
  return pages;
}

export const FLOOR_PAGES_FILE = 'pages.json';

/** The route: every page from the JSON file, rendered as plain HTML. */
function route(pagesFile: string): string {
  return `---
import { readFileSync } from 'node:fs';

export function getStaticPaths() {
  const pages = JSON.parse(readFileSync(${JSON.stringify(pagesFile)}, 'utf8'));
  return pages.map((page) => ({ params: { slug: page.slug }, props: { page } }));
}

const { page } = Astro.props;
---

<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{page.title}</title>
  </head>
  <body>
    <main>
      <h1>{page.title}</h1>
      {page.summary && <p>{page.summary}</p>}
      {page.paragraphs.map((paragraph) => <p>{paragraph}</p>)}
    </main>
  </body>
</html>
`;
}

/**
 * Writes the floor project into `dir` (created; an earlier project there is replaced):
 * package.json, astro.config.mjs, the one route, the pages as JSON, and `node_modules` linking
 * to `repositoryRoot`'s. Its build goes to `<dir>/dist/`, Astro's cache to `<dir>/.astro-cache/`.
 */
export async function writeFloorProject(
  dir: string,
  pages: readonly FloorPage[],
  repositoryRoot: string,
): Promise<void> {
  const modules = path.join(repositoryRoot, 'node_modules');
  if (!existsSync(path.join(modules, 'astro', 'package.json')))
    throw new Error(`No Astro installed in ${modules}: run npm install first`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'src', 'pages'), { recursive: true });
  await symlink(modules, path.join(dir, 'node_modules'), 'dir');
  await writeFile(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'naravard-floor', private: true, type: 'module' }, null, 2)}\n`,
  );
  // Astro's defaults, except a cache of its own (the default is inside node_modules, which here
  // is the repository's).
  await writeFile(
    path.join(dir, 'astro.config.mjs'),
    "export default { outDir: './dist', cacheDir: './.astro-cache' };\n",
  );
  const pagesFile = path.join(dir, FLOOR_PAGES_FILE);
  await writeFile(pagesFile, JSON.stringify(pages));
  await writeFile(path.join(dir, 'src', 'pages', '[...slug].astro'), route(pagesFile));
}

/** What a floor project's build leaves that the next cold build must not find. */
export function floorBuildOutputs(dir: string): string[] {
  return ['dist', '.astro-cache', '.astro'].map((name) => path.join(dir, name));
}

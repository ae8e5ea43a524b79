// Content cannot inject markup or script. A "hostile but valid" dataset (tests/fixtures/hostile:
// titles, names, summaries, Portable Text spans and link hrefs, attribute and JSON-LD fields
// full of <script>, </script>, "><img onerror>, quote break-outs, comments, entities and
// U+2028) passes validation and is built once, with a canary in SANITY_TOKEN. Every page is then
// read by Chromium with the Content-Security-Policy bypassed, so escaping is tested on its own:
// no injected element, attribute or script ran or exists, the hostile text is shown as text,
// JSON-LD parses back to it, only http/https/mailto/tel addresses are rendered, and the canary
// appears in no file.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrefFor } from '../../src/lib/urls.ts';
import { launchBrowser } from '../support/browser.ts';
import { searchForSecret } from '../support/secrets.ts';
import { htmlFiles, pathOfFile } from '../support/sitemap.ts';
import { ROOT, buildSite, type BuildResult } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { SEARCH_TIMEOUT, waitForReady, waitForRendered } from './helpers.ts';

const FIXTURE = path.join('tests', 'fixtures', 'hostile');
const CANARY = 'sk-canary-nv-7f3c9a1e5b2d4068';
const RUN_DIR = path.join(ROOT, '.cache', 'test-site', `hostile-${process.pid}`);

interface FixtureDocument {
  _id: string;
  _type: string;
  title?: string;
  name?: string;
  slug?: { current: string };
  body?: Array<{ markDefs?: Array<{ _key: string; href: string }> }>;
}

const documents: FixtureDocument[] = readFileSync(path.join(ROOT, FIXTURE, 'data.ndjson'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as FixtureDocument);
const published = documents.filter((doc) => doc.slug && !doc._id.startsWith('drafts.'));
const programme = published.find((doc) => doc._type === 'programme') as FixtureDocument;

let build: BuildResult;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
/** Messages of alert/confirm/prompt calls, in any page of the context: there must be none. */
const dialogs: string[] = [];

beforeAll(async () => {
  build = await buildSite({
    outDir: path.join(RUN_DIR, 'dist'),
    env: { CONTENT_DIR: FIXTURE, SANITY_TOKEN: CANARY },
  });
  if (build.exitCode !== 0) throw new Error(`The hostile dataset did not build:\n${build.output}`);
  server = await startStaticServer(build.outDir, { cacheControl: 'no-store' });
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: server.url, bypassCSP: true, locale: 'sv-SE' });
  context.setDefaultTimeout(SEARCH_TIMEOUT);
  await context.exposeFunction('__recordDialog', (message: string) => dialogs.push(message));
  await context.addInitScript(() => {
    const record = (window as unknown as { __recordDialog: (message: string) => void })
      .__recordDialog;
    for (const name of ['alert', 'confirm', 'prompt'] as const)
      (window as unknown as Record<string, unknown>)[name] = (message: unknown) => {
        record(`${name}(${String(message)}) on ${location.pathname}`);
        return null;
      };
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await rm(RUN_DIR, { recursive: true, force: true });
});

/** What no page may contain, found by the browser's own parse of the page. */
function injectionProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => element.outerHTML.slice(0, 120);
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on'))
          problems.push(`event handler attribute: ${describe(element)}`);
        if (attribute.name === 'style') problems.push(`style attribute: ${describe(element)}`);
        if (
          ['href', 'src', 'action', 'formaction', 'poster', 'xlink:href'].includes(attribute.name)
        ) {
          const url = new URL(attribute.value, location.href);
          if (!['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol))
            problems.push(`${attribute.name} with ${url.protocol}: ${describe(element)}`);
        }
      }
    }
    for (const script of document.querySelectorAll('script')) {
      const json = script.type === 'application/ld+json';
      const siteModule =
        script.type === 'module' && script.getAttribute('src')?.startsWith('/_astro/');
      if (!json && !siteModule) problems.push(`script: ${describe(script)}`);
    }
    for (const img of document.querySelectorAll('img')) {
      const src = img.getAttribute('src') ?? '';
      const siteImage = src.startsWith('/_astro/');
      const resultImage = img.classList.contains('search-result__image') && src.startsWith('/og/');
      if (!siteImage && !resultImage) problems.push(`img: ${describe(img)}`);
    }
    for (const svg of document.querySelectorAll('svg')) {
      if (!svg.classList.contains('logo')) problems.push(`svg: ${describe(svg)}`);
    }
    for (const element of document.querySelectorAll(
      'iframe, frame, object, embed, base, math, template, meta[http-equiv]:not([http-equiv="content-security-policy"])',
    )) {
      // The search page's own result template (src/components/search/SearchApp.astro).
      const resultTemplate =
        element.matches('[data-search-app] template[data-search-result-template]') &&
        document.querySelectorAll('template').length === 1;
      if (!resultTemplate) problems.push(`element: ${describe(element)}`);
    }
    return problems;
  });
}

describe('a hostile but valid dataset', () => {
  it('(the check below finds injected elements, attributes and scripts when there are some)', async () => {
    const page = await context.newPage();
    await page.goto('/404.html');
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="x" onerror="void 0"><a href="javascript:void 0">a</a><script>void 0</script><svg></svg><iframe></iframe><p style="color:red">p</p>',
      );
    });
    const problems = await injectionProblems(page);
    for (const kind of [
      'event handler',
      'javascript:',
      'script:',
      'svg:',
      'iframe',
      'style attribute',
      'img:',
    ])
      expect(problems.join('\n'), kind).toContain(kind);
  });

  it('builds, and no built page holds an injected element, attribute or script', async () => {
    const files = htmlFiles(build.outDir);
    expect(files.length).toBeGreaterThan(15);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const file of files) {
      const pathname = pathOfFile(file);
      await page.goto(pathname, { waitUntil: 'load' });
      problems.push(...(await injectionProblems(page)).map((problem) => `${pathname}: ${problem}`));
    }
    // Give an injected onerror/onload (the <img src=x> payloads) time to fire.
    await page.waitForTimeout(200);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('shows every hostile title and name as text, exactly as written', async () => {
    const page = await context.newPage();
    for (const doc of published) {
      const expected = (doc.title ?? doc.name) as string;
      await page.goto(hrefFor(doc._type as never, (doc.slug as { current: string }).current));
      // Some headings lead with a label ("Delprojekt 1: …"); the text itself must be whole.
      expect((await page.locator('h1').textContent())?.endsWith(expected), doc._id).toBe(true);
      expect(await page.title(), doc._id).toContain(`${expected} – Nära vård`);
      expect(await page.getAttribute('meta[property="og:title"]', 'content'), doc._id).toContain(
        expected,
      );
    }
  });

  it('writes JSON-LD that parses back to the hostile text and cannot end its script element', async () => {
    const page = await context.newPage();
    for (const file of htmlFiles(build.outDir)) {
      const html = readFileSync(path.join(build.outDir, file), 'utf8');
      for (const match of html.matchAll(
        /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g,
      )) {
        const raw = match[1] as string;
        expect(raw, file).not.toMatch(/[<>\u2028\u2029]/);
        expect(() => JSON.parse(raw), file).not.toThrow();
      }
    }
    await page.goto(hrefFor('programme', programme.slug?.current as string));
    const graphs = await page.$$eval('script[type="application/ld+json"]', (scripts) =>
      scripts.map((script) => JSON.parse(script.textContent ?? 'null') as unknown),
    );
    const names = JSON.stringify(graphs);
    expect(names).toContain(JSON.stringify(programme.title));
  });

  it('renders Portable Text links with their address inside the attribute and their text kept', async () => {
    const page = await context.newPage();
    await page.goto(hrefFor('programme', programme.slug?.current as string));
    const links = await page.$$eval('.portable-text a', (anchors) =>
      anchors.map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent,
        rel: a.getAttribute('rel'),
      })),
    );
    const marks = programme.body?.flatMap((block) => block.markDefs ?? []) ?? [];
    expect(marks.length).toBe(4);
    expect(links.map((link) => link.href)).toEqual(marks.map((mark) => new URL(mark.href).href));
    expect(links[0]?.text).toContain('Länk ett <script>alert("nv-xss-script")</script>');
    expect(links[1]?.text).toContain('länk två "><img src=x onerror=alert("nv-xss-img")>');
    expect(links.slice(0, 2).map((link) => link.rel)).toEqual([
      'noopener noreferrer',
      'noopener noreferrer',
    ]);
    const heading = await page.locator('.portable-text h2').textContent();
    expect(heading).toBe(
      'Rubrik <script>alert("nv-xss-script")</script> "><img src=x onerror=alert("nv-xss-img")>',
    );
  });

  it('shows hostile titles and excerpts in search results as text', async () => {
    const page = await context.newPage();
    await page.goto('/sok/?q=program');
    await waitForReady(page);
    await waitForRendered(page);
    const titles = await page.$$eval('[data-search-list] .search-result__title a', (links) =>
      links.map((link) => link.textContent),
    );
    expect(titles).toContain(programme.title);
    const excerptChildren = await page.$$eval(
      '[data-search-list] .search-result__excerpt *',
      (elements) => elements.map((element) => element.tagName.toLowerCase()),
    );
    expect(excerptChildren.filter((tag) => tag !== 'mark')).toEqual([]);
    expect(await injectionProblems(page)).toEqual([]);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
  });

  it('never writes the SANITY_TOKEN canary into any file or the build log', async () => {
    const search = await searchForSecret(build.outDir, CANARY);
    expect(search.found).toEqual([]);
    expect(search.gzipFiles, 'Pagefind files searched').toBeGreaterThan(0);
    expect(search.images, 'images searched').toBeGreaterThan(0);
    expect(build.output).not.toContain(CANARY);
  });
});

// Whole-site gates on the built HTML: html-validate (the repository's .htmlvalidate.mjs) finds
// no error on any page, 404 and search page included; every image has a text alternative, empty
// only where the image is decorative; and the sitemap lists every built page, so the gates that
// walk the sitemap or the built files (links.test.ts, the axe gate) cover the same pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { htmlFiles, pathOfFile, sitemapPaths } from '../support/sitemap.ts';

/** Built pages the sitemap leaves out on purpose: the 404 page and the search page (no content of its own). */
const NOT_IN_SITEMAP = ['/404.html', '/sok/'];

let dist: string;
let files: string[];
beforeAll(() => {
  dist = inject('distDir');
  files = htmlFiles(dist);
});

describe('html-validate', () => {
  it('finds no error on any built page', async () => {
    expect(files).toContain('404.html');
    expect(files).toContain('sok/index.html');
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(path.join(dist, file));
      for (const result of report.results)
        for (const message of result.messages)
          errors.push(
            `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? ''})`,
          );
    }
    expect(errors, errors.join('\n')).toEqual([]);
  });
});

/**
 * The rule for images: every <img> has an alt attribute. An empty alt is allowed only for a
 * decorative image, which is one that
 * - is hidden from assistive technology (aria-hidden="true" on it or an ancestor), or has
 *   role="presentation"/"none"; or
 * - sits in a link or button that has a text of its own (the image adds nothing to it).
 * A non-empty alt is not a file name. An inline <svg> is hidden (aria-hidden="true") or is a
 * named image (role="img" with aria-label or a <title>).
 */
function isHidden(element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node; node = node.parentNode) {
    if (node.getAttribute?.('aria-hidden') === 'true') return true;
  }
  return ['presentation', 'none'].includes(element.getAttribute('role') ?? '');
}

function inLabelledControl(element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element.parentNode; node; node = node.parentNode) {
    if (node.rawTagName === 'a' || node.rawTagName === 'button')
      return node.textContent.trim() !== '';
  }
  return false;
}

function imageProblems(file: string, doc: HTMLElement): string[] {
  const problems: string[] = [];
  for (const img of doc.querySelectorAll('img')) {
    const where = `${file}: ${img.outerHTML.slice(0, 120)}`;
    const alt = img.getAttribute('alt');
    if (alt === undefined) problems.push(`${where} has no alt`);
    else if (alt.trim() === '' && !isHidden(img) && !inLabelledControl(img))
      problems.push(`${where} has an empty alt but is not marked decorative`);
    else if (/\.(png|jpe?g|gif|webp|avif|svg)$/i.test(alt.trim()))
      problems.push(`${where} has a file name as alt`);
  }
  for (const svg of doc.querySelectorAll('svg')) {
    const named =
      svg.getAttribute('role') === 'img' &&
      (svg.getAttribute('aria-label') || svg.querySelector('title'));
    if (!isHidden(svg) && !named)
      problems.push(
        `${file}: <svg class="${svg.getAttribute('class') ?? ''}"> is neither hidden nor named`,
      );
  }
  return problems;
}

describe('images', () => {
  it('all have a text alternative, empty only where decorative', () => {
    let images = 0;
    const problems: string[] = [];
    for (const file of files) {
      const doc = parse(readFileSync(path.join(dist, file), 'utf8'));
      images += doc.querySelectorAll('img, svg').length;
      problems.push(...imageProblems(file, doc));
    }
    expect(images, 'images in the build').toBeGreaterThan(0);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the rule refuses what it should', () => {
    const doc = parse(
      [
        '<img src="a.png">',
        '<img src="b.png" alt="">',
        '<img src="c.png" alt="illustration.png">',
        '<svg class="icon"></svg>',
        '<a href="/"><img src="d.png" alt=""></a>',
        '<img src="e.png" alt="" aria-hidden="true">',
        '<a href="/x/"><img src="f.png" alt="">Regioner</a>',
        '<span aria-hidden="true"><svg class="logo"></svg></span>',
        '<svg role="img" aria-label="Karta"></svg>',
      ].join(''),
    );
    const problems = imageProblems('test', doc);
    expect(
      problems.map((problem) =>
        /src="(\w)\.png"|class="(\w+)"/.exec(problem)?.slice(1).find(Boolean),
      ),
    ).toEqual(['a', 'b', 'c', 'd', 'icon']);
  });
});

// Pagefind's HTML parser separates words only at a few block elements (h1–h6, p, td, div, ul,
// li, article, section), and Astro writes no whitespace between tags: without a space after
// `</dt>`, `<dt>Region</dt><dd>Fyrbodal</dd>` would be indexed as the one word "regionfyrbodal".
// The components write that space themselves (`</dt>{WORD_BREAK}`, src/lib/search/word-break.ts),
// where browsers ignore it.
const UNSEPARATED_END_TAG =
  /<\/(?:dt|dd|th|caption|figcaption|blockquote|summary|legend|address)>(?! )/gi;

describe('words kept apart for the search index', () => {
  it('every end tag of a block element Pagefind does not separate is followed by a space', () => {
    const joined: string[] = [];
    for (const file of files) {
      const html = readFileSync(path.join(dist, file), 'utf8');
      for (const match of html.matchAll(UNSEPARATED_END_TAG))
        joined.push(`${file}: …${html.slice(Math.max(0, match.index - 40), match.index + 40)}…`);
    }
    expect(joined, joined.slice(0, 20).join('\n')).toEqual([]);
  });
});

describe('the sitemap', () => {
  it('lists every built page but the 404 and search pages, and nothing else', () => {
    const listed = sitemapPaths(dist);
    const built = files.map(pathOfFile);
    expect(listed.length).toBeGreaterThan(50);
    expect(listed.filter((page) => !built.includes(page))).toEqual([]);
    expect(built.filter((page) => !listed.includes(page)).sort()).toEqual(
      [...NOT_IN_SITEMAP].sort(),
    );
  });
});

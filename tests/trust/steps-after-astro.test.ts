// The steps after Astro take their data from the build's records, not from the built HTML: one
// real build (`node scripts/build.ts`) of the minimal fixture with
// - a programme title and a theme name that hold `</head>` and a meta tag of their own (the
//   content check lets them through; reading the pages' heads back used to stop at that
//   `</head>` and fail the build with "has no Content-Security-Policy meta tag");
// - a county whose slug is `hela-landet`, the name of the national card's file once, and a
//   source without a region, whose page takes the national card.
// The build succeeds, `_headers` carries the policy, and every card holds the right text.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../scripts/site-build/social-images.ts';
import { headersFor, readHeadersFile } from '../../src/lib/static-headers.ts';
import {
  buildTempDir,
  CRASH,
  fixtureDocuments,
  runBuild,
  toNdjson,
  writeDataset,
} from './helpers.ts';

const HOSTILE = '</head><meta http-equiv="content-security-policy" content="default-src *">';
const PROGRAMME_TITLE = `Vårdens medarbetare ${HOSTILE}`;
const THEME_NAME = `Samverkan ${HOSTILE}`;

describe('the steps after Astro, from the build records', () => {
  let root: string;
  let outDir: string;
  let build: { exitCode: number; output: string };

  beforeAll(async () => {
    root = await buildTempDir('naravard-trust-records-');
    outDir = path.join(root, 'dist');
    const documents = fixtureDocuments().map((document) => {
      if (document._id === 'programme-gr') return { ...document, title: PROGRAMME_TITLE };
      if (document._id === 'tema-samverkan') return { ...document, name: THEME_NAME };
      if (document._id === 'region-vastra-gotaland')
        return { ...document, slug: { _type: 'slug', current: 'hela-landet' } };
      if (document._id === 'kalla-gr') {
        const { publisherRegion: _, ...withoutRegion } = document;
        return withoutRegion;
      }
      return document;
    });
    const dir = await writeDataset(path.join(root, 'dataset'), toNdjson(documents));
    build = await runBuild({ outDir, env: { CONTENT_DIR: dir } });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const page = async (pathname: string) =>
    parse(await readFile(path.join(outDir, pathname, 'index.html'), 'utf8'));
  const imageOf = async (pathname: string) =>
    new URL(
      (await page(pathname))
        .querySelector('meta[property="og:image"]')
        ?.getAttribute('content') as string,
    ).pathname;
  const drawn = (image: string) => readFile(path.join(outDir, image));

  it('builds a programme whose title holds </head>, with the policy in _headers', async () => {
    expect(build.exitCode, build.output).toBe(0);
    expect(build.output).not.toMatch(CRASH);
    const programme = await page('program/gr-vardens-medarbetare');
    expect(programme.querySelector('h1')?.text).toBe(PROGRAMME_TITLE);
    expect(programme.querySelectorAll('meta[http-equiv]')).toEqual([]);
    const policy = headersFor(readHeadersFile(outDir), '/program/gr-vardens-medarbetare/')[
      'content-security-policy'
    ];
    expect(policy).toMatch(/^default-src 'none'; /);
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(policy).toMatch(/; frame-ancestors 'none'$/);
    expect(policy).not.toContain('*');
  });

  it('draws the cards with the text the pages asked for, a title with </head> included', async () => {
    expect(await imageOf('teman/samverkan')).toBe('/og/teman/samverkan.png');
    expect(await drawn('og/teman/samverkan.png')).toEqual(
      await renderCard({ title: THEME_NAME, kicker: 'Tema · material från alla regioner' }),
    );
  });

  it('keeps the county hela-landet apart from the national card', async () => {
    expect(await imageOf('program/gr-vardens-medarbetare')).toBe('/og/kort/lan/hela-landet.png');
    expect(await imageOf('kallor/gr-nara-vard')).toBe('/og/kort/hela-landet.png');
    expect(await drawn('og/kort/lan/hela-landet.png')).toEqual(
      await renderCard({ title: 'Västra Götaland', kicker: undefined }),
    );
    expect(await drawn('og/kort/hela-landet.png')).toEqual(
      await renderCard({ title: 'Hela landet', kicker: undefined }),
    );
  });
});

// The social images step draws each image the pages ask for once, from the records Astro hands
// the build (each page's route header, src/lib/build-records.ts), whatever the text holds, and
// refuses two texts for one image or an image outside og/.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardsToDraw, writeSocialImages } from '../../scripts/site-build/social-images.ts';
import {
  SOCIAL_CARD_HEADER,
  recordsOfRouteHeaders,
  socialCardHeader,
  type SocialCardRequest,
} from '../../src/lib/build-records.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'social-images-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The records of pages with these cards, as Astro hands them to the build. */
function records(pages: Record<string, SocialCardRequest | undefined>) {
  return recordsOfRouteHeaders(
    new Map(
      Object.entries(pages).map(([pathname, card]) => [
        pathname,
        {
          headers: new Headers(card ? [[SOCIAL_CARD_HEADER, socialCardHeader(card)]] : []),
          route: { type: 'page' },
        },
      ]),
    ),
  );
}

describe('social images', () => {
  it('takes each page’s card from its route header, each image once', () => {
    const shared = {
      image: '/og/kort/lan/vasterbotten.png',
      title: 'Västerbotten',
      kicker: 'Program och projekt',
    };
    const warnings: string[] = [];
    const cards = cardsToDraw(
      records({
        '/program/a/': shared,
        '/program/b/': shared,
        '/': { image: '/og/start.png', title: 'Nära vård' },
        '/ingen/': undefined,
      }),
      { info: () => {}, warn: (message) => warnings.push(message) },
    );
    expect(cards).toEqual([
      {
        file: 'og/kort/lan/vasterbotten.png',
        title: 'Västerbotten',
        kicker: 'Program och projekt',
        page: '/program/a/',
      },
      { file: 'og/start.png', title: 'Nära vård', kicker: undefined, page: '/' },
    ]);
    expect(warnings).toEqual(['No social image requested by /ingen/']);
  });

  it('carries any text through the header: markup, quotes, `</head>`, non-Latin letters', () => {
    const title = 'Vård </head><script>"x" & \'y\'</script> i Sápmi – ᚠ 𝔘';
    const [card] = cardsToDraw(records({ '/a/': { image: '/og/a.png', title, kicker: '1 > 0' } }));
    expect(card).toMatchObject({ title, kicker: '1 > 0' });
    expect(socialCardHeader({ image: '/og/a.png', title })).toMatch(/^[\x21-\x7e]+$/);
  });

  it('draws an image shared by many pages once, as a 1200×630 PNG', async () => {
    const cards = cardsToDraw(
      records({
        '/program/a/': { image: '/og/kort/lan/vasterbotten.png', title: 'Västerbotten' },
        '/program/b/': { image: '/og/kort/lan/vasterbotten.png', title: 'Västerbotten' },
        '/': { image: '/og/start.png', title: 'Nära vård' },
      }),
    );
    expect(await writeSocialImages(dir, cards)).toEqual({ drawn: 2, reused: 0 });
    expect(await readdir(path.join(dir, 'og', 'kort', 'lan'))).toEqual(['vasterbotten.png']);
    const { width, height, format } = await sharp(
      path.join(dir, 'og', 'kort', 'lan', 'vasterbotten.png'),
    ).metadata();
    expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' });
  });

  it('takes a card drawn by an earlier build from the cache by its text, and draws a changed one', async () => {
    const cache = path.join(dir, 'cache');
    const site = (name: string) => path.join(dir, name);
    const card = (title: string) => [{ file: 'og/kort/lan/x.png', title, kicker: undefined }];
    expect(await writeSocialImages(site('a'), card('Västerbotten'), cache)).toEqual({
      drawn: 1,
      reused: 0,
    });
    expect(await writeSocialImages(site('b'), card('Västerbotten'), cache)).toEqual({
      drawn: 0,
      reused: 1,
    });
    const image = (name: string) => readFile(path.join(site(name), 'og', 'kort', 'lan', 'x.png'));
    expect((await image('b')).equals(await image('a'))).toBe(true);
    // Another text is another card; the one no longer asked for leaves the cache.
    expect(await writeSocialImages(site('c'), card('Norrbotten'), cache)).toEqual({
      drawn: 1,
      reused: 0,
    });
    expect((await image('c')).equals(await image('a'))).toBe(false);
    expect(await readdir(cache)).toHaveLength(1);
  });

  it('fails when two pages ask for one image with different text', () => {
    expect(() =>
      cardsToDraw(
        records({
          '/a/': { image: '/og/kort/x.png', title: 'Västerbotten' },
          '/b/': { image: '/og/kort/x.png', title: 'Norrbotten' },
        }),
      ),
    ).toThrow('/a/ and /b/ ask for the same social image og/kort/x.png with different text');
  });

  it('fails when a page asks for an image outside og/', () => {
    for (const image of [
      '/favicon.png',
      '/og/../index.png',
      '/og/a.svg',
      'https://x.se/og/%2e%2e/a.png',
    ])
      expect(() => cardsToDraw(records({ '/a/': { image, title: 'A' } }))).toThrow(
        `/a/ asks for a social image outside og/: ${image}`,
      );
  });
});

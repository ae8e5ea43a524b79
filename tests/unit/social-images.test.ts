// The social image integration draws each image the built pages ask for once, with the text of
// a shared card when a page names one, refuses two texts for one image, and reads only a
// page's head.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageCard, writeSocialImages } from '../../src/integrations/social-images.ts';
import { readHead } from '../../src/lib/built-pages.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'social-images-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function page(options: {
  image: string;
  title: string;
  cardTitle?: string;
  kicker?: string;
  body?: string;
}): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8">
<meta property="og:title" content="${options.title}">
<meta property="og:image" content="http://localhost:4321${options.image}">
${options.cardTitle ? `<meta name="naravard:og-card-title" content="${options.cardTitle}">` : ''}
${options.kicker ? `<meta name="naravard:og-kicker" content="${options.kicker}">` : ''}
</head><body>${options.body ?? ''}</body></html>`;
}

async function writePage(relative: string, html: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
  await writeFile(path.join(dir, relative), html);
}

describe('social images', () => {
  it('takes a shared card’s text over the page title', () => {
    const html = page({
      image: '/og/kort/program-vasterbotten.png',
      title: 'Färdplan i Umeå',
      cardTitle: 'Västerbotten',
      kicker: 'Program och projekt',
    });
    expect(pageCard(html)).toEqual({
      file: 'og/kort/program-vasterbotten.png',
      title: 'Västerbotten',
      kicker: 'Program och projekt',
    });
    expect(pageCard(page({ image: '/og/start.png', title: 'Nära vård' }))).toEqual({
      file: 'og/start.png',
      title: 'Nära vård',
      kicker: undefined,
    });
  });

  it('reads a card whose text holds a `>` (Astro leaves it unescaped in attributes)', () => {
    const html = page({
      image: '/og/kort/region-a.png',
      title: 'A',
      cardTitle: 'Län > Kommun',
      kicker: '1 > 0',
    });
    expect(pageCard(html)).toEqual({
      file: 'og/kort/region-a.png',
      title: 'Län > Kommun',
      kicker: '1 > 0',
    });
  });

  it('draws an image shared by many pages once, as a 1200×630 PNG', async () => {
    const shared = {
      image: '/og/kort/program-vasterbotten.png',
      cardTitle: 'Västerbotten',
      kicker: 'Program och projekt',
    };
    await writePage('program/a/index.html', page({ ...shared, title: 'A' }));
    await writePage('program/b/index.html', page({ ...shared, title: 'B' }));
    await writePage('index.html', page({ image: '/og/start.png', title: 'Nära vård' }));
    expect(await writeSocialImages(dir)).toBe(2);
    expect((await readdir(path.join(dir, 'og', 'kort'))).sort()).toEqual([
      'program-vasterbotten.png',
    ]);
    const { width, height, format } = await sharp(
      path.join(dir, 'og', 'kort', 'program-vasterbotten.png'),
    ).metadata();
    expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' });
  });

  it('fails when two pages ask for one image with different text', async () => {
    await writePage(
      'a/index.html',
      page({ image: '/og/kort/x.png', title: 'A', cardTitle: 'Västerbotten' }),
    );
    await writePage(
      'b/index.html',
      page({ image: '/og/kort/x.png', title: 'B', cardTitle: 'Norrbotten' }),
    );
    await expect(writeSocialImages(dir)).rejects.toThrow(
      /same social image og\/kort\/x\.png with different text/,
    );
  });

  it('reads a page up to its </head>, whole characters across read chunks', async () => {
    // 16 KB chunks: put a two-byte "å" across the first boundary and a long body after the head.
    const filler = 'a'.repeat(16_383);
    const html = `<head><meta name="x" content="${filler.slice(0, 16_383 - '<head><meta name="x" content="'.length)}å"></head><body>${'ö'.repeat(50_000)}</body>`;
    await writeFile(path.join(dir, 'p.html'), html);
    const head = await readHead(path.join(dir, 'p.html'));
    expect(head).toBe(html.slice(0, html.indexOf('</head>')));
    expect(head.endsWith('å">')).toBe(true);
  });
});

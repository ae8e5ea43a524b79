// Draws the 1200×630 PNG social images the pages ask for, once Astro has built them: each page's
// layout names its image and the text on it (src/layouts/Base.astro, a card shared by many
// pages from src/lib/presentation/social-card.ts), and Astro hands that to the build with the
// page's other route headers (src/lib/build-records.ts). Each distinct image is drawn once; pages
// that ask for one image with different text fail the build. Text is laid out by satori with
// the bundled Atkinson Hyperlegible font (WOFF from @fontsource, no system fonts, no network)
// into an SVG of paths, which sharp turns into a PNG. A card drawn by an earlier build is copied
// from the cache folder, found by the digest of its text and of what draws it (this file, the
// fonts and the lockfile).
import { copyFile, readFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { digestOf, writeWhole } from '../../src/lib/build-cache.ts';
import type { BuildRecords } from '../../src/lib/build-records.ts';
import type { StepLogger } from './steps.ts';

export const WIDTH = 1200;
export const HEIGHT = 630;

export class SocialImageError extends Error {
  override name = 'SocialImageError';
}

export interface PageCard {
  /** Where the PNG goes, relative to the output folder (`og/program/x.png`). */
  file: string;
  title: string;
  kicker: string | undefined;
}

/** The file of a social image address: only `/og/….png`, never outside the output folder. */
export function imageFile(image: string): string | undefined {
  const pathname = decodeURIComponent(new URL(image, 'http://x').pathname);
  if (!/^\/og\/[a-z0-9/_-]+\.png$/.test(pathname) || pathname.includes('..')) return undefined;
  return pathname.slice(1);
}

/**
 * The cards the pages ask for, each distinct image once (with the first page that asked for it).
 * A page that asks for an image outside `og/`, or for an image another page asks for with
 * different text, fails the build; a page that asks for none is only reported.
 */
export function cardsToDraw(
  records: BuildRecords,
  logger?: StepLogger,
): Array<PageCard & { page: string }> {
  const cards = new Map<string, PageCard & { page: string }>();
  for (const route of records.routes) {
    const request = records.cards[route.card];
    if (!request) {
      if (route.type === 'page') logger?.warn(`No social image requested by ${route.pathname}`);
      continue;
    }
    const file = imageFile(request.image);
    if (!file)
      throw new SocialImageError(
        `${route.pathname} asks for a social image outside og/: ${request.image}`,
      );
    const card = { file, title: request.title, kicker: request.kicker, page: route.pathname };
    const earlier = cards.get(file);
    if (!earlier) cards.set(file, card);
    else if (earlier.title !== card.title || earlier.kicker !== card.kicker)
      throw new SocialImageError(
        `${earlier.page} and ${card.page} ask for the same social image ${file} with different text ("${earlier.title}", "${card.title}")`,
      );
  }
  return [...cards.values()];
}

const LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="10" fill="#ffffff"/><path d="M10 23 24 11l14 12v14a2 2 0 0 1-2 2H12a2 2 0 0 1-2-2z" fill="#005c55"/><path d="M24 35.5s-7-4.3-7-9.2A3.8 3.8 0 0 1 24 24a3.8 3.8 0 0 1 7 2.3c0 4.9-7 9.2-7 9.2z" fill="#ffffff"/></svg>',
).toString('base64')}`;

type Node = { type: string; props: Record<string, unknown> };
const h = (
  type: string,
  style: Record<string, unknown>,
  children?: unknown,
  extra: Record<string, unknown> = {},
): Node => ({
  type,
  props: { style, children, ...extra },
});

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}

function card({ title, kicker }: Pick<PageCard, 'title' | 'kicker'>): Node {
  const text = shorten(title, 120);
  const size = text.length > 80 ? 54 : text.length > 40 ? 66 : 80;
  return h(
    'div',
    {
      width: WIDTH,
      height: HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      background: '#f2f6f5',
      fontFamily: 'Atkinson',
    },
    [
      h(
        'div',
        {
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          padding: '40px 64px',
          background: '#005c55',
          color: '#ffffff',
        },
        [
          h('img', { width: 64, height: 64 }, undefined, { src: LOGO, width: 64, height: 64 }),
          h('div', { display: 'flex', flexDirection: 'column' }, [
            h('div', { fontSize: 40, fontWeight: 700 }, 'Nära vård'),
            h('div', { fontSize: 24 }, 'Regionernas arbete med God och nära vård'),
          ]),
        ],
      ),
      h(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          flexGrow: 1,
          padding: '40px 64px',
          gap: 20,
        },
        [
          ...(kicker
            ? [h('div', { fontSize: 30, fontWeight: 700, color: '#005c55' }, shorten(kicker, 70))]
            : []),
          h('div', { fontSize: size, fontWeight: 700, color: '#1c2326', lineHeight: 1.15 }, text),
        ],
      ),
      h('div', { display: 'flex', height: 16, background: '#ffd43b' }),
    ],
  );
}

let fontsPromise:
  Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;

function fonts() {
  fontsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.join(
      path.dirname(require.resolve('@fontsource/atkinson-hyperlegible/package.json')),
      'files',
    );
    const load = async (weight: 400 | 700) => ({
      name: 'Atkinson',
      data: await readFile(path.join(dir, `atkinson-hyperlegible-latin-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    });
    return Promise.all([load(400), load(700)]);
  })();
  return fontsPromise;
}

// Loaded when the first card is drawn: the build script imports this module only after Astro
// has exited, and a build that fails before the drawing never loads them.
let drawingModules:
  Promise<[typeof import('satori').default, typeof import('sharp').default]> | undefined;
const loadDrawing = () =>
  (drawingModules ??= Promise.all([
    import('satori').then((module) => module.default),
    import('sharp').then((module) => module.default),
  ]));

/** The PNG of one card. */
export async function renderCard(cardData: Pick<PageCard, 'title' | 'kicker'>): Promise<Buffer> {
  const [satori, sharp] = await loadDrawing();
  const svg = await satori(card(cardData) as never, {
    width: WIDTH,
    height: HEIGHT,
    fonts: await fonts(),
  });
  // A 64-colour palette at low quantisation effort: ~10 KB and ~40 ms a card (the default
  // effort took ~190 ms for ~19 KB; no palette ~20 ms for ~44 KB).
  return sharp(Buffer.from(svg))
    .png({ palette: true, quality: 50, effort: 1, dither: 0 })
    .toBuffer();
}

let rendererPromise: Promise<string> | undefined;

/** The digest of what draws a card besides its text: this file (the template), the fonts and
 * the lockfile (the versions of satori, sharp and libvips). */
function rendererDigest(): Promise<string> {
  rendererPromise ??= (async () => {
    const template = await readFile(fileURLToPath(import.meta.url));
    const lockfile = await readFile(new URL('../../package-lock.json', import.meta.url));
    const fontFiles = (await fonts()).map((font) => font.data);
    return digestOf(template, lockfile, ...fontFiles);
  })();
  return rendererPromise;
}

/**
 * Writes every card into `siteDir`, four at a time. With `cacheDir`, a card drawn before is
 * copied from there, a new one is kept there, and the cards no longer asked for are removed.
 */
export async function writeSocialImages(
  siteDir: string,
  cards: ReadonlyArray<PageCard>,
  cacheDir?: string,
): Promise<{ drawn: number; reused: number }> {
  const renderer = cacheDir ? await rendererDigest() : '';
  const used = new Set<string>();
  let drawn = 0;
  let reused = 0;
  const queue = [...cards];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const target = path.join(siteDir, next.file);
      await mkdir(path.dirname(target), { recursive: true });
      const cached =
        cacheDir && path.join(cacheDir, `${digestOf(renderer, next.title, next.kicker ?? '')}.png`);
      if (cached) {
        used.add(path.basename(cached));
        const copied = await copyFile(cached, target).then(
          () => true,
          () => false,
        );
        if (copied) {
          reused++;
          continue;
        }
      }
      const png = await renderCard(next);
      await writeFile(target, png);
      drawn++;
      // A cache that cannot be written costs the next build a drawing, not this build.
      if (cached) await writeWhole(cached, png).catch(() => {});
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  if (cacheDir)
    for (const name of await readdir(cacheDir).catch(() => [] as string[]))
      if (name.endsWith('.png') && !used.has(name))
        await rm(path.join(cacheDir, name), { force: true });
  return { drawn, reused };
}

/** The build step: every page's social image, one summary line, any failure with its cause. */
export async function drawSocialImages(
  siteDir: string,
  records: BuildRecords,
  logger: StepLogger,
  cacheDir?: string,
): Promise<void> {
  const started = performance.now();
  let count: { drawn: number; reused: number };
  try {
    count = await writeSocialImages(siteDir, cardsToDraw(records, logger), cacheDir);
  } catch (error) {
    throw new SocialImageError(`Could not draw the social images in ${siteDir}`, {
      cause: error,
    });
  }
  logger.info(
    `Drew ${count.drawn} social images (${WIDTH}×${HEIGHT}) and took ${count.reused} unchanged from the cache in ${((performance.now() - started) / 1000).toFixed(2)} s.`,
  );
}

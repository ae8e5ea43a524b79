// Draws the 1200×630 PNG social images the built pages ask for: after the build, each HTML
// file's `og:image` address names the PNG to write (under the output folder), its
// `naravard:og-card-title` (a card shared by many pages, see src/lib/presentation/social-card.ts)
// or else `og:title` is the text and `naravard:og-kicker` the line above it. Each distinct
// image is drawn once; pages that ask for one image with different text fail the build. Text is laid out by
// satori with the bundled Atkinson Hyperlegible font (WOFF from @fontsource, no system fonts,
// no network) into an SVG of paths, which sharp turns into a PNG.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtPages, readHeads, stepsRunAfterAstro } from '../lib/built-pages.ts';

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

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[body.toLowerCase()] ?? match;
  });
}

function metaContent(
  html: string,
  attribute: 'property' | 'name',
  key: string,
): string | undefined {
  // Astro leaves `>` unescaped inside attribute values: a tag ends at the first `>` outside quotes.
  for (const tag of html.match(/<meta\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi) ?? []) {
    const keyMatch = new RegExp(`\\b${attribute}="([^"]*)"`, 'i').exec(tag);
    if (keyMatch?.[1] !== key) continue;
    const content = /\bcontent="([^"]*)"/i.exec(tag);
    return content ? decodeEntities(content[1] as string) : undefined;
  }
  return undefined;
}

/** What a built page asks for: its social image path (only `/og/….png` addresses) and text. */
export function pageCard(html: string): PageCard | undefined {
  const image = metaContent(html, 'property', 'og:image');
  const title =
    metaContent(html, 'name', 'naravard:og-card-title') ??
    metaContent(html, 'property', 'og:title');
  if (!image || !title) return undefined;
  const pathname = decodeURIComponent(new URL(image, 'http://x').pathname);
  if (!/^\/og\/[a-z0-9/_-]+\.png$/.test(pathname) || pathname.includes('..')) return undefined;
  return {
    file: pathname.slice(1),
    title,
    kicker: metaContent(html, 'name', 'naravard:og-kicker'),
  };
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

// Loaded when the first card is drawn, not when astro.config.mjs imports this integration:
// Astro's own process never draws a card in `npm run build` (~0.5 s and ~50 MB saved there).
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

/**
 * The cards the built pages ask for, collected head by head (readHeads): each distinct image
 * once. Pages that ask for one image with different text are kept as the problem, which
 * writeSocialImages throws, so a step beside it can read the same heads.
 */
export class CardRequests {
  readonly cards = new Map<string, PageCard & { page: string }>();
  conflict: SocialImageError | undefined;
  readonly #siteDir: string;
  readonly #logger: AstroIntegrationLogger | undefined;
  constructor(siteDir: string, logger?: AstroIntegrationLogger) {
    this.#siteDir = siteDir;
    this.#logger = logger;
  }

  readonly read = (file: string, head: string): void => {
    const found = pageCard(head);
    const page = path.relative(this.#siteDir, file);
    if (!found) {
      this.#logger?.warn(`No social image requested by ${page}`);
      return;
    }
    const earlier = this.cards.get(found.file);
    if (!earlier) this.cards.set(found.file, { ...found, page });
    else if (earlier.title !== found.title || earlier.kicker !== found.kicker)
      this.conflict ??= new SocialImageError(
        `${earlier.page} and ${page} ask for the same social image ${found.file} with different text ("${earlier.title}", "${found.title}")`,
      );
  };
}

/** Writes every page's social image into `siteDir`; returns how many. */
export async function writeSocialImages(
  siteDir: string,
  logger?: AstroIntegrationLogger,
  /** The cards, when the caller has read the pages' heads already (readHeads). */
  requests?: CardRequests,
): Promise<number> {
  if (!requests) {
    requests = new CardRequests(siteDir, logger);
    await readHeads(await builtPages(siteDir), [requests.read]);
  }
  if (requests.conflict) throw requests.conflict;
  const queue = [...requests.cards.values()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const target = path.join(siteDir, next.file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, await renderCard(next));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return requests.cards.size;
}

/** The build step: every page's social image, one summary line, any failure with its cause. */
export async function drawSocialImages(
  siteDir: string,
  logger: AstroIntegrationLogger,
  /** The cards, when the caller has read the pages' heads already (readHeads). */
  requests?: CardRequests,
): Promise<void> {
  const started = performance.now();
  let count: number;
  try {
    count = await writeSocialImages(siteDir, logger, requests);
  } catch (error) {
    throw new SocialImageError(`Could not draw the social images in ${siteDir}`, {
      cause: error,
    });
  }
  logger.info(
    `Drew ${count} social images (${WIDTH}×${HEIGHT}) in ${((performance.now() - started) / 1000).toFixed(2)} s.`,
  );
}

export default function socialImages(): AstroIntegration {
  return {
    name: 'naravard:social-images',
    hooks: {
      'astro:build:done': async ({ dir, logger: integrationLogger }) => {
        const logger = integrationLogger.fork('naravard:social-images');
        if (stepsRunAfterAstro()) {
          logger.info('The social images are drawn once Astro has exited (scripts/build.ts).');
          return;
        }
        await drawSocialImages(fileURLToPath(dir), logger);
      },
    },
  };
}

// What `astro build` hands `npm run build` (scripts/build.ts) for the steps after it, so that
// they never read the built HTML back: for every route Astro generated, the headers Astro gave
// it (src/integrations/build-records.ts takes them as a static-headers adapter). A page's headers
// hold Astro's Content-Security-Policy for that page (with the hashes of its inline code) and the
// social image its layout asks for (SOCIAL_CARD_HEADER, set in src/layouts/Base.astro); the
// build writes `_headers` and draws the images from them (scripts/site-build/).
import { readFile, rename, writeFile } from 'node:fs/promises';

/** Set by scripts/build.ts for its `astro build`: the file the records go to. */
export const BUILD_RECORDS = 'NARAVARD_BUILD_RECORDS';

/** The response header through which a page names its social image and the text to draw. */
export const SOCIAL_CARD_HEADER = 'x-naravard-social-card';

/** The response header through which a page says when what it shows last changed (ISO). */
export const LASTMOD_HEADER = 'x-naravard-lastmod';

/** The social image a page asks for. */
export interface SocialCardRequest {
  /** Its address on the site (`/og/kort/lan/vasterbotten.png`). */
  image: string;
  /** The big line. */
  title: string;
  /** The line above it, if any. */
  kicker?: string | undefined;
}

/** The header value for `card`: JSON, percent-encoded (a header carries ASCII only). */
export function socialCardHeader(card: SocialCardRequest): string {
  return encodeURIComponent(
    JSON.stringify({ image: card.image, title: card.title, kicker: card.kicker || undefined }),
  );
}

export function parseSocialCardHeader(value: string): SocialCardRequest {
  const card = JSON.parse(decodeURIComponent(value)) as Partial<SocialCardRequest>;
  if (typeof card.image !== 'string' || typeof card.title !== 'string')
    throw new Error(`${SOCIAL_CARD_HEADER} is not a social card: ${value}`);
  return { image: card.image, title: card.title, kicker: card.kicker ?? undefined };
}

/** One generated route: its path, and its policy and card as indexes into the lists beside. */
export interface RouteRecord {
  pathname: string;
  /** Astro's route type: `page`, `endpoint`, `redirect`, `fallback`. */
  type: string;
  /** Index into `policies`, or -1 for none. */
  policy: number;
  /** Index into `cards`, or -1 for none. */
  card: number;
  /** When what the page shows last changed (LASTMOD_HEADER), for the sitemap. */
  lastmod?: string;
}

/**
 * The records of one build. Pages share their policies and cards (one policy, a card per county
 * at 10,000 pages), so each is kept once and routes point at it: ~70 bytes a route.
 */
export interface BuildRecords {
  routes: RouteRecord[];
  policies: string[];
  cards: SocialCardRequest[];
}

/**
 * Keeps each distinct value of `list` once: the function gives the index of the value keyed
 * `key` (made from the key the first time it comes), or -1 for no key.
 */
function interner<T>(
  list: T[],
  make: (key: string) => T,
): (key: string | null | undefined) => number {
  const seen = new Map<string, number>();
  return (key) => {
    if (key === null || key === undefined) return -1;
    let index = seen.get(key);
    if (index === undefined) {
      index = list.push(make(key)) - 1;
      seen.set(key, index);
    }
    return index;
  };
}

/** The records of Astro's `routeToHeaders` (the `astro:build:generated` hook). */
export function recordsOfRouteHeaders(
  routeToHeaders: ReadonlyMap<string, { headers: Headers; route: { type: string } }>,
): BuildRecords {
  const records: BuildRecords = { routes: [], policies: [], cards: [] };
  const policyIndex = interner(records.policies, (policy) => policy);
  const cardIndex = interner(records.cards, parseSocialCardHeader);
  for (const [pathname, { headers, route }] of routeToHeaders) {
    const lastmod = headers.get(LASTMOD_HEADER);
    records.routes.push({
      pathname,
      type: route.type,
      policy: policyIndex(headers.get('content-security-policy')),
      card: cardIndex(headers.get(SOCIAL_CARD_HEADER)),
      ...(lastmod ? { lastmod } : {}),
    });
  }
  return records;
}

export async function writeBuildRecords(file: string, records: BuildRecords): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify(records));
  await rename(`${file}.tmp`, file);
}

export async function readBuildRecords(file: string): Promise<BuildRecords> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`astro build left no records of its pages in ${file}`, { cause: error });
  }
  return JSON.parse(text) as BuildRecords;
}

/**
 * The records of several `astro build` processes that rendered one site between them (render
 * shards, src/lib/render-shards.ts) as one build's: each path once (a page every process renders
 * is the same in each), the policies and cards each kept once, in the order first seen.
 */
export function mergeBuildRecords(all: readonly BuildRecords[]): BuildRecords {
  if (all.length === 1) return all[0]!;
  const merged: BuildRecords = { routes: [], policies: [], cards: [] };
  const paths = new Set<string>();
  const policyIndex = interner(merged.policies, (policy) => policy);
  const cardIndex = interner(merged.cards, (card) => JSON.parse(card) as SocialCardRequest);
  for (const records of all)
    for (const route of records.routes) {
      if (paths.has(route.pathname)) continue;
      paths.add(route.pathname);
      const card = records.cards[route.card];
      merged.routes.push({
        ...route,
        policy: policyIndex(records.policies[route.policy]),
        card: cardIndex(card && JSON.stringify(card)),
      });
    }
  return merged;
}

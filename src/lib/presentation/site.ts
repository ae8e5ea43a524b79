// The site's view of the content collections: the region tree, breadcrumbs along it, the
// source pages a document cites. Collections are read once per build (Astro caches them).
import { getCollection } from './collections.ts';
import type { Kalla, LinkStub, RegionEntry } from '../content/schemas.ts';
import { hrefFor, indexHrefFor } from '../urls.ts';
import { byNameSv } from './format.ts';
import { treeOf } from './list-order.ts';

export interface Crumb {
  title: string;
  href: string;
}

export interface RegionTree {
  all: RegionEntry[];
  byId: Map<string, RegionEntry>;
  roots: RegionEntry[];
  childrenOf(id: string): RegionEntry[];
}

let treePromise: Promise<RegionTree> | undefined;

export function regionTree(): Promise<RegionTree> {
  treePromise ??= (async () =>
    treeOf((await getCollection('regions')).map((entry) => entry.data)))();
  return treePromise;
}

/** The most specific of a document's regions (deepest in the tree; by name on a tie). */
export async function primaryRegion(
  regions: readonly Pick<LinkStub, '_id'>[],
): Promise<RegionEntry | undefined> {
  const tree = await regionTree();
  const known = regions
    .map((region) => tree.byId.get(region._id))
    .filter((region): region is RegionEntry => !!region);
  return known.sort((a, b) => b.depth - a.depth || byNameSv(a.name, b.name))[0];
}

/** `Regioner › Västra Götaland › Göteborgsregionen` for a region (the region itself last). */
export function regionCrumbs(region: RegionEntry): Crumb[] {
  return [
    { title: 'Regioner', href: indexHrefFor('region') ?? '/regioner/' },
    ...region.ancestors.map((ancestor) => ({
      title: ancestor.title,
      href: hrefFor('region', ancestor.slug),
    })),
    { title: region.name, href: hrefFor('region', region.slug) },
  ];
}

/**
 * Breadcrumbs of a document that belongs to regions: along the tree to its most specific
 * region, then `between` (e.g. the programme of a delprojekt). Without a region: its list page.
 */
export async function crumbsFor(
  regions: readonly Pick<LinkStub, '_id'>[],
  fallback: Crumb,
  between: Crumb[] = [],
): Promise<Crumb[]> {
  const region = await primaryRegion(regions);
  return [...(region ? regionCrumbs(region) : [fallback]), ...between];
}

let kallorPromise: Promise<Map<string, Kalla>> | undefined;

/** The source pages (`kalla`) by `_id`. */
export function kallorById(): Promise<Map<string, Kalla>> {
  kallorPromise ??= (async () =>
    new Map((await getCollection('kallor')).map((entry) => [entry.data._id, entry.data])))();
  return kallorPromise;
}

/** The full source pages behind a document's `sources` stubs (unknown ids left out). */
export async function sourcesOf(stubs: readonly Pick<LinkStub, '_id'>[]): Promise<Kalla[]> {
  const byId = await kallorById();
  return stubs.map((stub) => byId.get(stub._id)).filter((kalla): kalla is Kalla => !!kalla);
}

/** The newest of some timestamps (ISO strings compare as text). */
export function newest(values: readonly (string | null | undefined)[]): string | undefined {
  return values
    .filter((v): v is string => !!v)
    .sort()
    .at(-1);
}

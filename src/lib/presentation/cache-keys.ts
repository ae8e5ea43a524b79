// The `cacheKey` of every page from getStaticPaths() (Astro's experimental incremental build:
// a page whose cacheKey and code are unchanged since the last build is copied, not rendered).
// A key digests everything the page shows:
// - its props: the entry (which embeds the stubs of its related documents and the lists it
//   shows, from the collection's query) or, for a list page, the items of that page and the
//   list's shared props (page count, its last update, where each group begins);
// - what every content page reads through the site's lookups (site.ts) rather than its props:
//   the region tree as breadcrumbs, social cards and search filters use it (names, slugs,
//   parents, ancestors), and the source pages (`kalla`) as SourceInfo shows them;
// - whether this is an editors' preview (banner, noindex);
// - `extra`: what a route reads besides (a region page: its sub-regions' whole entries).
// The page's code is Astro's to track (the hash of its module graph); the site's address,
// config and lockfile invalidate every page.
import { isPreviewBuild } from '../preview.ts';
import { digestOf, digestOfData } from '../build-cache.ts';
import { currentRenderShard, inRenderShard } from '../render-shards.ts';
import { isEntryData } from './collections.ts';
import { kallorById, regionTree } from './site.ts';

let lookups: Promise<string> | undefined;

/** The digest of what the site's lookups give every page, computed once per build. */
export function siteLookupsDigest(): Promise<string> {
  lookups ??= (async () => {
    const [tree, kallor] = await Promise.all([regionTree(), kallorById()]);
    return digestOfData({
      preview: isPreviewBuild(),
      regions: tree.all.map((r) => ({
        _id: r._id,
        name: r.name,
        slug: r.slug,
        kind: r.kind,
        parent: r.parent?._id ?? null,
        depth: r.depth,
        ancestors: r.ancestors,
      })),
      kallor: [...kallor.values()].map((k) => ({
        _id: k._id,
        slug: k.slug,
        title: k.title,
        publisher: k.publisher,
        lastUpdated: k.lastUpdated,
      })),
    });
  })();
  return lookups;
}

const entryDigests = new WeakMap<object, string>();

/** The digest of an entry's data (collections.ts), computed once per build. */
export function entryDataDigest(data: object): string {
  let digest = entryDigests.get(data);
  if (digest === undefined) {
    digest = digestOfData(data);
    entryDigests.set(data, digest);
  }
  return digest;
}

/**
 * The digest of a page's props, with every entry's data in them (a list page's items, a region's
 * sub-regions) stood for by its digest, so that an entry is serialised once per build, not once
 * more for each list or region page that shows it. Any change to an entry still changes it.
 */
export function digestOfProps(value: unknown): string {
  return digestOf(
    JSON.stringify(value, (key, item: unknown) =>
      key !== '' && typeof item === 'object' && item !== null && isEntryData(item)
        ? `entry ${entryDataDigest(item)}`
        : item,
    ) ?? 'undefined',
  );
}

/** The cacheKey of a page with these props (and `extra`, what else the route reads). */
export async function pageCacheKey(props: unknown, extra?: unknown): Promise<string> {
  return digestOf(
    await siteLookupsDigest(),
    digestOfProps(props),
    extra === undefined ? '' : digestOfProps(extra),
  );
}

/**
 * The paths of a collection's pages, `/{route}/{entry id}/`, each with the entry's data as the
 * prop `name` and its cacheKey. The key takes the digest Astro's loader stored with the entry
 * (of the same data) when there is one (`astro dev`); in a build the entries come from the
 * content check's file without one (src/lib/presentation/collections.ts), and the data is
 * digested here. Only the pages this process renders (src/lib/render-shards.ts).
 */
export async function entryPaths<Name extends string, Data>(
  entries: ReadonlyArray<{ id: string; data: Data; digest?: string | number | undefined }>,
  name: Name,
  extra?: (data: Data) => unknown,
): Promise<Array<{ params: { slug: string }; props: Record<Name, Data>; cacheKey: string }>> {
  const lookups = await siteLookupsDigest();
  const shard = currentRenderShard();
  return entries
    .filter((entry) => inRenderShard(`${name}/${entry.id}`, shard))
    .map((entry) => ({
      params: { slug: entry.id },
      props: { [name]: entry.data } as Record<Name, Data>,
      cacheKey: digestOf(
        lookups,
        name,
        entry.digest === undefined
          ? entryDataDigest(entry.data as object)
          : `entry ${entry.digest}`,
        extra ? digestOfProps(extra(entry.data)) : '',
      ),
    }));
}

/**
 * Adds each path's cacheKey to the result of a getStaticPaths(), keeping the paths this process
 * renders (src/lib/render-shards.ts).
 */
export async function withCacheKeys<P extends { params: object; props: unknown }>(
  paths: readonly P[],
  extra?: (path: P) => unknown,
): Promise<Array<P & { cacheKey: string }>> {
  const shard = currentRenderShard();
  return Promise.all(
    paths
      .filter((entry) => inRenderShard(JSON.stringify(entry.params), shard))
      .map(async (entry) => ({
        ...entry,
        cacheKey: await pageCacheKey(entry.props, extra?.(entry)),
      })),
  );
}

// The region tree, computed once from the `regions` query result: ancestors (root first),
// descendants at any depth and depth, so pages can show breadcrumbs and gather "this region
// and its sub-regions" without walking the tree again.
import type { LinkStub, Region, RegionEntry } from './schemas.ts';

export function withRegionTree(regions: readonly Region[]): RegionEntry[] {
  const byId = new Map(regions.map((region) => [region._id, region]));
  const children = new Map<string, string[]>();
  for (const region of regions) {
    const parent = region.parent?._id;
    if (parent && byId.has(parent))
      children.set(parent, [...(children.get(parent) ?? []), region._id]);
  }
  const stub = (region: Region): LinkStub => ({
    _id: region._id,
    _type: 'region',
    title: region.name,
    slug: region.slug,
  });
  return regions.map((region) => {
    const ancestors: LinkStub[] = [];
    const visited = new Set([region._id]);
    let parent = region.parent ? byId.get(region.parent._id) : undefined;
    // integrity.ts rejects cycles; `visited` only keeps a broken tree from looping here.
    while (parent && !visited.has(parent._id)) {
      visited.add(parent._id);
      ancestors.unshift(stub(parent));
      parent = parent.parent ? byId.get(parent.parent._id) : undefined;
    }
    const descendantIds: string[] = [];
    const queue = [...(children.get(region._id) ?? [])];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (id === region._id || descendantIds.includes(id)) continue;
      descendantIds.push(id);
      queue.push(...(children.get(id) ?? []));
    }
    return { ...region, ancestors, descendantIds, depth: ancestors.length };
  });
}

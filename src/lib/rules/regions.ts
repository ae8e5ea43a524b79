// Regions form a tree: a län at the top, delregioner under a län, kommuner under a län or
// a delregion, and no region under itself.

export const REGION_KINDS = ['lan', 'delregion', 'kommun'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

const KIND_NAMES: Record<RegionKind, string> = {
  lan: 'ett län',
  delregion: 'ett kommunalförbund/en delregion',
  kommun: 'en kommun',
};

/** Which kinds of region each kind may lie under; a län lies under none. */
export const ALLOWED_PARENT_KINDS: Record<RegionKind, readonly RegionKind[]> = {
  lan: [],
  delregion: ['lan'],
  kommun: ['lan', 'delregion'],
};

export const PARENT_REQUIRED_MESSAGE =
  'Välj den region som den här ligger under, till exempel Västra Götaland för Göteborgsregionen. Bara ett län saknar överordnad region.';

export const PARENT_SELF_MESSAGE =
  'En region kan inte ligga under sig själv: välj en annan överordnad region.';

export const LAN_PARENT_MESSAGE =
  'Ett län ligger överst och har ingen överordnad region: töm fältet, eller ändra typen om regionen inte är ett län.';

export function parentCycleMessage(chain: readonly string[]): string {
  return `Regionen kan inte ligga under en region som redan ligger under den: ${chain.join(' → ')}. Välj en annan överordnad region.`;
}

export function parentKindMessage(kind: RegionKind, parentKind: string): string {
  const allowed = ALLOWED_PARENT_KINDS[kind].map((allowedKind) => KIND_NAMES[allowedKind]);
  const parentName = KIND_NAMES[parentKind as RegionKind] ?? `en region av typen "${parentKind}"`;
  return `${KIND_NAMES[kind][0]!.toUpperCase()}${KIND_NAMES[kind].slice(1)} kan inte ligga under ${parentName}: välj ${allowed.join(' eller ')}.`;
}

/** Ids of a document and its draft, so that a draft does not collide with its own published version. */
export function publishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length);
  // Release versions are `versions.<release>.<id>`.
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.');
  return id;
}

export function idPair(id: string): { published: string; draft: string } {
  const published = publishedId(id);
  return { published, draft: `drafts.${published}` };
}

/**
 * Walks up from `parentId` through `parentOf` and returns the chain of ids when it comes
 * back to `selfId` (the parent makes a cycle), else undefined. It stops at an existing loop
 * that does not pass through `selfId`, which is another region's problem and must not hang
 * the check.
 */
export function findParentCycle(
  selfId: string,
  parentId: string | undefined,
  parentOf: (id: string) => string | undefined,
): string[] | undefined {
  const self = publishedId(selfId);
  const chain = [self];
  const seen = new Set<string>([self]);
  let current = parentId === undefined ? undefined : publishedId(parentId);
  while (current !== undefined) {
    chain.push(current);
    if (current === self) return chain;
    if (seen.has(current)) return undefined;
    seen.add(current);
    const next = parentOf(current);
    current = next === undefined ? undefined : publishedId(next);
  }
  return undefined;
}

export interface RegionNode {
  kind?: unknown;
  parent?: string | undefined;
}

/**
 * The problem with a region's parent, or undefined. `lookup` gives the published regions
 * (kind and parent id) by id; a parent that is not a region is the reference rules' to report.
 */
export function regionParentProblem(
  regionId: string,
  kind: unknown,
  parentRef: string | undefined,
  lookup: (id: string) => RegionNode | undefined,
): string | undefined {
  if (!parentRef) return kind === 'lan' || kind === undefined ? undefined : PARENT_REQUIRED_MESSAGE;
  if (publishedId(parentRef) === publishedId(regionId)) return PARENT_SELF_MESSAGE;
  if (kind === 'lan') return LAN_PARENT_MESSAGE;
  const chain = findParentCycle(regionId, parentRef, (id) => lookup(id)?.parent);
  if (chain) return parentCycleMessage(chain);
  const parent = lookup(publishedId(parentRef));
  if (
    parent &&
    typeof kind === 'string' &&
    (REGION_KINDS as readonly string[]).includes(kind) &&
    typeof parent.kind === 'string' &&
    !ALLOWED_PARENT_KINDS[kind as RegionKind].includes(parent.kind as RegionKind)
  )
    return parentKindMessage(kind as RegionKind, parent.kind);
  return undefined;
}

// The region tree: all 21 counties, Västra Götaland's four kommunalförbund and 290
// municipalities, with unique slugs and the organisation that speaks for each.
import { ID_PREFIX } from './ids.ts';
import { COUNTIES, SUB_REGIONS } from './kommuner.ts';
import { SlugRegistry, slugify } from './slugs.ts';

export interface RegionPlan {
  id: string;
  slug: string;
  name: string;
  kind: 'lan' | 'delregion' | 'kommun';
  parent: number; // -1 for a county
  county: number; // index of the county region
  organisation: string;
  children: number[];
  municipalityCount: number;
}

/** "Sundsvall" → "Sundsvalls"; names ending in a vowel or s/x/z stay as they are. */
function genitive(name: string): string {
  return /[aeiouyåäösxz]$/i.test(name) ? name : `${name}s`;
}

const MUNICIPALITY_ORGANISATIONS: Record<string, string> = {
  Gotland: 'Region Gotland',
  Kalmar: 'Kalmar kommun',
  Stockholm: 'Stockholms stad',
  Göteborg: 'Göteborgs Stad',
  Malmö: 'Malmö stad',
};

export function buildRegions(): RegionPlan[] {
  const regions: RegionPlan[] = [];
  const slugs = new SlugRegistry();
  const countyIndex = new Map<string, number>();
  for (const county of COUNTIES) {
    countyIndex.set(county.name, regions.length);
    regions.push({
      id: '',
      slug: slugs.take(county.name),
      name: county.name,
      kind: 'lan',
      parent: -1,
      county: regions.length,
      organisation: county.organisation,
      children: [],
      municipalityCount: county.municipalities.length,
    });
  }
  const subRegionOf = new Map<string, number>();
  for (const sub of SUB_REGIONS) {
    const county = countyIndex.get(sub.county) as number;
    for (const name of sub.municipalities) subRegionOf.set(name, regions.length);
    regions.push({
      id: '',
      slug: slugs.take(sub.name),
      name: sub.name,
      kind: 'delregion',
      parent: county,
      county,
      organisation: sub.organisation,
      children: [],
      municipalityCount: sub.municipalities.length,
    });
  }
  const countySlugs = new Set(
    regions.filter((region) => region.kind === 'lan').map((region) => region.slug),
  );
  COUNTIES.forEach((county) => {
    const countyAt = countyIndex.get(county.name) as number;
    const countySlug = (regions[countyAt] as RegionPlan).slug;
    for (const name of county.municipalities) {
      const base = slugify(name);
      // Stockholm, Uppsala, Gotland …: county and municipality share a name. Habo/Håbo: two municipalities.
      const slug = countySlugs.has(base)
        ? `${base}-kommun`
        : slugs.has(base)
          ? `${base}-${countySlug}`
          : base;
      regions.push({
        id: '',
        slug: slugs.take(slug),
        name,
        kind: 'kommun',
        parent: subRegionOf.get(name) ?? countyAt,
        county: countyAt,
        organisation: MUNICIPALITY_ORGANISATIONS[name] ?? `${genitive(name)} kommun`,
        children: [],
        municipalityCount: 0,
      });
    }
  });
  regions.forEach((region, index) => {
    region.id = `${ID_PREFIX}region-${region.slug}`;
    if (region.parent >= 0) (regions[region.parent] as RegionPlan).children.push(index);
  });
  return regions;
}

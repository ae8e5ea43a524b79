// The plan of who references whom, made before any document is written: integer arrays of
// indices, so memory and time grow linearly with N.
import { planCounts, type Counts, type ScaledType } from './counts.ts';
import { ID_PREFIX, idList } from './ids.ts';
import type { Random } from './random.ts';
import { buildRegions, type RegionPlan } from './regions.ts';
import { slugify } from './slugs.ts';
import { THEMES } from './vocabulary.ts';

export interface Plan {
  counts: Counts;
  regions: RegionPlan[];
  lans: number[];
  subRegions: number[];
  municipalities: number[];
  ids: Record<ScaledType | 'tema', string[]>;
  themeSlugs: string[];
  kallaRegion: number[];
  kallaByRegion: Map<number, number[]>;
  malbildRegion: number[];
  malbildByCounty: Map<number, number[]>;
  programmeOwner: number[];
  programmeMalbild: number[];
  programmeStart: number[];
  programmeEnd: number[]; // 0: open-ended
  delprojektProgramme: number[];
  delprojektNumber: number[];
  delprojektByProgramme: number[][];
  contactProgramme: number[]; // -1: none
  contactRegion: number[];
  contactsByProgramme: number[][];
  dokumentProgramme: number[];
  dokumentDelprojekt: number[];
  dokumentRegion: number[];
  dokumentByProgramme: number[][];
  dokumentByDelprojekt: number[][];
}

function buckets(size: number): number[][] {
  return Array.from({ length: size }, () => []);
}

export function buildPlan(random: Random, docs: number): Plan {
  const counts = planCounts(docs);
  const regions = buildRegions();
  const indicesOf = (kind: RegionPlan['kind']) =>
    regions.flatMap((region, index) => (region.kind === kind ? [index] : []));
  const lans = indicesOf('lan');
  const subRegions = indicesOf('delregion');
  const municipalities = indicesOf('kommun');
  // Who does the work: counties and municipalities mostly, kommunalförbund now and then.
  const pickOwner = (): number => {
    const p = random.next();
    if (p < 0.35) return random.pick(lans);
    if (p < 0.45) return random.pick(subRegions);
    return random.pick(municipalities);
  };

  const ids = {
    delprojekt: idList('delprojekt', counts.delprojekt),
    dokument: idList('dokument', counts.dokument),
    handelse: idList('handelse', counts.handelse),
    kalla: idList('kalla', counts.kalla),
    kontaktperson: idList('kontaktperson', counts.kontaktperson),
    malbild: idList('malbild', counts.malbild),
    programme: idList('programme', counts.programme),
    tema: THEMES.map((theme) => `${ID_PREFIX}tema-${slugify(theme.name)}`),
  };
  const themeSlugs = THEMES.map((theme) => slugify(theme.name));

  const kallaRegion = Array.from({ length: counts.kalla }, pickOwner);
  const kallaByRegion = new Map<number, number[]>();
  kallaRegion.forEach((region, index) => {
    const pages = kallaByRegion.get(region);
    if (pages) pages.push(index);
    else kallaByRegion.set(region, [index]);
  });

  const malbildRegion = Array.from({ length: counts.malbild }, () =>
    random.chance(0.8) ? random.pick(lans) : random.pick(subRegions),
  );
  const malbildByCounty = new Map<number, number[]>();
  malbildRegion.forEach((region, index) => {
    const county = (regions[region] as RegionPlan).county;
    const inCounty = malbildByCounty.get(county);
    if (inCounty) inCounty.push(index);
    else malbildByCounty.set(county, [index]);
  });

  const programmeOwner: number[] = [];
  const programmeMalbild: number[] = [];
  const programmeStart: number[] = [];
  const programmeEnd: number[] = [];
  for (let p = 0; p < counts.programme; p++) {
    const owner = pickOwner();
    programmeOwner.push(owner);
    const candidates = malbildByCounty.get((regions[owner] as RegionPlan).county);
    programmeMalbild.push(candidates && random.chance(0.6) ? random.pick(candidates) : -1);
    const start = random.between(2017, 2027);
    programmeStart.push(start);
    programmeEnd.push(random.chance(0.7) ? start + random.between(1, 4) : 0);
  }

  const delprojektProgramme: number[] = [];
  const delprojektNumber: number[] = [];
  const delprojektByProgramme = buckets(counts.programme);
  for (let d = 0; d < counts.delprojekt; d++) {
    const programme = random.int(counts.programme);
    const siblings = delprojektByProgramme[programme] as number[];
    delprojektProgramme.push(programme);
    delprojektNumber.push(siblings.length + 1);
    siblings.push(d);
  }

  const contactProgramme: number[] = [];
  const contactRegion: number[] = [];
  const contactsByProgramme = buckets(counts.programme);
  for (let c = 0; c < counts.kontaktperson; c++) {
    if (random.chance(0.7)) {
      const programme = random.int(counts.programme);
      contactProgramme.push(programme);
      contactRegion.push(programmeOwner[programme] as number);
      (contactsByProgramme[programme] as number[]).push(c);
    } else {
      contactProgramme.push(-1);
      contactRegion.push(pickOwner());
    }
  }

  const dokumentProgramme: number[] = [];
  const dokumentDelprojekt: number[] = [];
  const dokumentRegion: number[] = [];
  const dokumentByProgramme = buckets(counts.programme);
  const dokumentByDelprojekt = buckets(counts.delprojekt);
  for (let d = 0; d < counts.dokument; d++) {
    if (d < counts.malbild) {
      // The first documents are the målbilder's own documents (kind "malbild").
      dokumentProgramme.push(-1);
      dokumentDelprojekt.push(-1);
      dokumentRegion.push(malbildRegion[d] as number);
      continue;
    }
    if (random.chance(0.75)) {
      const programme = random.int(counts.programme);
      const delprojekts = delprojektByProgramme[programme] as number[];
      const delprojekt =
        delprojekts.length > 0 && random.chance(0.35) ? random.pick(delprojekts) : -1;
      dokumentProgramme.push(programme);
      dokumentDelprojekt.push(delprojekt);
      dokumentRegion.push(programmeOwner[programme] as number);
      (dokumentByProgramme[programme] as number[]).push(d);
      if (delprojekt >= 0) (dokumentByDelprojekt[delprojekt] as number[]).push(d);
    } else {
      dokumentProgramme.push(-1);
      dokumentDelprojekt.push(-1);
      dokumentRegion.push(pickOwner());
    }
  }

  return {
    counts,
    regions,
    lans,
    subRegions,
    municipalities,
    ids,
    themeSlugs,
    kallaRegion,
    kallaByRegion,
    malbildRegion,
    malbildByCounty,
    programmeOwner,
    programmeMalbild,
    programmeStart,
    programmeEnd,
    delprojektProgramme,
    delprojektNumber,
    delprojektByProgramme,
    contactProgramme,
    contactRegion,
    contactsByProgramme,
    dokumentProgramme,
    dokumentDelprojekt,
    dokumentRegion,
    dokumentByProgramme,
    dokumentByDelprojekt,
  };
}

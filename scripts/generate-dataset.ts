// Writes a synthetic dataset for benchmarks: `DIR/data.ndjson` in exactly the embedded
// dataset's format (one compact JSON document per line, sorted by _id, Sanity export shape),
// with all 21 counties, 290 municipalities, Västra Götaland's four kommunalförbund, and
// programmes, målbilder, delprojekt, contacts, documents, events and source pages scaled to N.
//
//   npm run dataset:generate -- --docs 10000 --seed 1 --out .cache/synthetic-10k
//
// Deterministic per seed: one seeded PRNG (mulberry32), no Math.random, no clock; timestamps
// derive from the seed. Every document is marked synthetic: ids start with `syn-`, source
// pages are titled "Syntetisk källsida …", people are "Testperson N" with addresses at
// example.org (RFC 2606) and phone numbers in PTS's range for fiction (070-174 06 05–99).
// Documents are streamed to disk as they are made; the plan of who references whom is a few
// integer arrays, so memory and time grow linearly with N.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DOKUMENT_KIND_LABELS } from '../src/components/util/format.ts';
import { DOKUMENT_KINDS } from '../src/lib/content/schemas.ts';
import { SWEDISH_MONTHS } from '../src/lib/search/dates.ts';
import { COUNTIES, SUB_REGIONS } from './data/kommuner.ts';
import {
  BULLETS,
  COMPLEMENTS,
  DECIDERS,
  DELPROJEKT_TOPICS,
  EVENTS,
  FUNDERS,
  HEADINGS,
  MALBILD_PARTS,
  OBJECTS,
  OPENERS,
  ROLES,
  SUBJECTS,
  THEMES,
  TOPICS,
  VERBS,
} from './data/vocabulary.ts';

export const ID_PREFIX = 'syn-';
export const DATASET_FILE = 'data.ndjson';

/** Types whose count scales with N, and their share of what is left after regions and themes. */
export const SCALED_SHARES = {
  delprojekt: 0.14,
  dokument: 0.34,
  handelse: 0.2,
  kalla: 0.08,
  kontaktperson: 0.14,
  malbild: 0.02,
  programme: 0.08,
} as const;
export type ScaledType = keyof typeof SCALED_SHARES;
const SCALED_TYPES = Object.keys(SCALED_SHARES) as ScaledType[];

export const REGION_COUNT =
  COUNTIES.length +
  SUB_REGIONS.length +
  COUNTIES.reduce((sum, county) => sum + county.municipalities.length, 0);
export const FIXED_COUNT = REGION_COUNT + THEMES.length;
export const MIN_DOCS = FIXED_COUNT + SCALED_TYPES.length;

export type Counts = Record<ScaledType | 'region' | 'tema', number>;

/** How many documents of each type a dataset of `docs` documents has (exactly `docs` in all). */
export function planCounts(docs: number): Counts {
  if (!Number.isInteger(docs) || docs < MIN_DOCS) {
    throw new Error(
      `--docs must be an integer ≥ ${MIN_DOCS} (regions and themes alone are ${FIXED_COUNT})`,
    );
  }
  const rest = docs - FIXED_COUNT - SCALED_TYPES.length; // one of each scaled type first
  const exact = SCALED_TYPES.map((type) => rest * SCALED_SHARES[type]);
  const counts = SCALED_TYPES.map((_, index) => Math.floor(exact[index] as number));
  let left = rest - counts.reduce((sum, count) => sum + count, 0);
  // Largest remainder, ties by type order: deterministic.
  const order = SCALED_TYPES.map((_, index) => index).sort(
    (a, b) =>
      (exact[b] as number) -
        (counts[b] as number) -
        ((exact[a] as number) - (counts[a] as number)) || a - b,
  );
  for (const index of order) {
    if (left === 0) break;
    counts[index] = (counts[index] as number) + 1;
    left -= 1;
  }
  const result = { region: REGION_COUNT, tema: THEMES.length } as Counts;
  SCALED_TYPES.forEach((type, index) => (result[type] = (counts[index] as number) + 1));
  return result;
}

// ---------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast 32-bit PRNG; the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  /** Up to `k` distinct items (fewer when the list is shorter), in list order. */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k >= items.length) return [...items];
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(this.int(items.length));
    return [...chosen].sort((a, b) => a - b).map((index) => items[index] as T);
  }
}

// ---------------------------------------------------------------------------
// Text

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Gives each slug once per type: a repeated base gets `-2`, `-3`, … (amortised O(1)). */
class SlugRegistry {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();
  take(text: string, maxLength = 70): string {
    let base = slugify(text);
    if (base.length > maxLength)
      base = base.slice(0, maxLength).replace(/-[^-]*$/, '') || base.slice(0, maxLength);
    let slug = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(slug)) slug = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(slug);
    return slug;
  }
  has(slug: string): boolean {
    return this.used.has(slug);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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

// ---------------------------------------------------------------------------
// Dates

/** Fixed "today" of the dataset: statuses are read against it. */
const REFERENCE_YEAR = 2026;

interface IsoDateParts {
  year: number;
  month?: number;
  day?: number;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isoDate(parts: IsoDateParts): string {
  if (parts.month === undefined) return String(parts.year);
  if (parts.day === undefined) return `${parts.year}-${pad(parts.month)}`;
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date in `year` at year, month or day precision, as sources print them. */
function randomDate(random: Random, year: number, precision = random.next()): IsoDateParts {
  if (precision < 0.3) return { year };
  const month = random.between(1, 12);
  if (precision < 0.65) return { year, month };
  return { year, month, day: random.between(1, daysIn(year, month)) };
}

/** The printed form a source would use: "hösten 2020", "augusti 2022", "14 maj 2021". */
function dateText(random: Random, parts: IsoDateParts): string {
  if (parts.month === undefined) return random.chance(0.5) ? `år ${parts.year}` : `${parts.year}`;
  const month = SWEDISH_MONTHS[parts.month - 1] as string;
  if (parts.day === undefined) {
    if (random.chance(0.3)) {
      const season = parts.month <= 5 ? 'våren' : parts.month <= 8 ? 'sommaren' : 'hösten';
      return `${season} ${parts.year}`;
    }
    return `${month} ${parts.year}`;
  }
  return `${parts.day} ${month} ${parts.year}`;
}

// ---------------------------------------------------------------------------
// The plan: regions, and who references whom, as integer arrays

interface RegionPlan {
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

function buildRegions(): RegionPlan[] {
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

interface Plan {
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

function idList(type: string, count: number): string[] {
  const width = Math.max(5, String(count).length);
  return Array.from(
    { length: count },
    (_, index) => `${ID_PREFIX}${type}-${pad(index + 1, width)}`,
  );
}

function buckets(size: number): number[][] {
  return Array.from({ length: size }, () => []);
}

function buildPlan(random: Random, docs: number): Plan {
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

// ---------------------------------------------------------------------------
// Documents

interface KeyedReference {
  _type: 'reference';
  _ref: string;
  _key: string;
}

export type Document = { _id: string; _type: string } & Record<string, unknown>;

const REV_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// A målbild document is made with its målbild, never picked at random.
const RANDOM_DOKUMENT_KINDS = DOKUMENT_KINDS.filter((kind) => kind !== 'malbild');

class DatasetBuilder {
  private readonly random: Random;
  private readonly plan: Plan;
  private readonly seed: number;
  private readonly baseTime: number;
  private keyCounter = 0;
  private readonly slugs = new Map<string, SlugRegistry>();

  constructor(seed: number, docs: number) {
    this.seed = seed >>> 0;
    this.random = new Random(this.seed);
    this.plan = buildPlan(this.random, docs);
    // A fixed instant per seed: 2026-01-01 plus up to a year, whole minutes.
    this.baseTime = Date.UTC(2026, 0, 1) + (this.seed % 525_600) * 60_000;
  }

  get counts(): Counts {
    return this.plan.counts;
  }

  // --- small builders -----------------------------------------------------

  private key(): string {
    return `k${(this.keyCounter++).toString(36)}`;
  }

  private slug(type: string, text: string): string {
    let registry = this.slugs.get(type);
    if (!registry) this.slugs.set(type, (registry = new SlugRegistry()));
    return registry.take(text);
  }

  private system(id: string, type: string): Document {
    const rev = Array.from({ length: 22 }, () => REV_ALPHABET[this.random.int(64)]).join('');
    const created = this.baseTime - this.random.int(3 * 365 * 24 * 60) * 60_000;
    const updated = Math.min(this.baseTime, created + this.random.int(400 * 24 * 60) * 60_000);
    const stamp = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    return {
      _id: id,
      _type: type,
      _rev: rev,
      _createdAt: stamp(created),
      _updatedAt: stamp(updated),
    };
  }

  private ref(id: string): { _type: 'reference'; _ref: string } {
    return { _type: 'reference', _ref: id };
  }

  private refs(ids: readonly string[]): KeyedReference[] {
    return [...new Set(ids)].map((id) => ({ _type: 'reference', _ref: id, _key: this.key() }));
  }

  private regionId(index: number): string {
    return (this.plan.regions[index] as RegionPlan).id;
  }

  private region(index: number): RegionPlan {
    return this.plan.regions[index] as RegionPlan;
  }

  /** A source page near `region`: its own, its parent's or its county's, else any. */
  private sourceFor(region: number): string {
    let at = region;
    while (at >= 0) {
      const pages = this.plan.kallaByRegion.get(at);
      if (pages && this.random.chance(0.85))
        return this.plan.ids.kalla[this.random.pick(pages)] as string;
      at = this.region(at).parent;
    }
    return this.plan.ids.kalla[this.random.int(this.plan.counts.kalla)] as string;
  }

  private sources(region: number): KeyedReference[] {
    const first = this.sourceFor(region);
    return this.refs(this.random.chance(0.2) ? [first, this.sourceFor(region)] : [first]);
  }

  private themes(min: number, max: number): KeyedReference[] {
    const count = this.random.between(min, max);
    return this.refs(this.random.sample(this.plan.ids.tema, count));
  }

  private sentence(): string {
    const r = this.random;
    const subject = r.pick(SUBJECTS);
    const verb = r.pick(VERBS);
    const rest = `${r.pick(OBJECTS)} ${r.pick(COMPLEMENTS)}`;
    // Swedish puts the verb second: after an opener, the subject follows the verb.
    if (r.chance(0.25))
      return `${r.pick(OPENERS)} ${verb} ${subject.charAt(0).toLowerCase()}${subject.slice(1)} ${rest}.`;
    return `${subject} ${verb} ${rest}.`;
  }

  private sentences(min: number, max: number): string {
    return Array.from({ length: this.random.between(min, max) }, () => this.sentence()).join(' ');
  }

  private span(text: string, marks: string[] = []) {
    return { _type: 'span', _key: this.key(), text, marks };
  }

  private block(style: string, text: string) {
    return { _type: 'block', _key: this.key(), style, markDefs: [], children: [this.span(text)] };
  }

  /** A paragraph; now and then with a bold phrase or a link to example.org. */
  private paragraph(slug: string) {
    const text = this.sentences(2, 4);
    const p = this.random.next();
    if (p < 0.1) {
      const link = this.key();
      return {
        _type: 'block',
        _key: this.key(),
        style: 'normal',
        markDefs: [{ _type: 'link', _key: link, href: `https://example.org/syntetisk/${slug}` }],
        children: [this.span(`${text} `), this.span('Läs mer om arbetet', [link]), this.span('.')],
      };
    }
    if (p < 0.2) {
      return {
        _type: 'block',
        _key: this.key(),
        style: 'normal',
        markDefs: [],
        children: [
          this.span(`${capitalise(this.random.pick(OBJECTS))}: `, ['strong']),
          this.span(text),
        ],
      };
    }
    return this.block('normal', text);
  }

  /** Portable Text: an intro, then h2 sections of paragraphs and bullet lists. */
  private body(slug: string, sections: [number, number]) {
    const blocks: unknown[] = [this.paragraph(slug)];
    const headings = this.random.sample(HEADINGS, this.random.between(...sections));
    for (const heading of headings) {
      blocks.push(this.block('h2', heading));
      const paragraphs = this.random.between(1, 2);
      for (let i = 0; i < paragraphs; i++) blocks.push(this.paragraph(slug));
      if (this.random.chance(0.5)) {
        for (const item of this.random.sample(BULLETS, this.random.between(3, 5))) {
          blocks.push({ ...this.block('normal', capitalise(item)), listItem: 'bullet', level: 1 });
        }
      }
    }
    return blocks;
  }

  private period(startYear: number, endYear: number, withText: boolean) {
    const startParts = randomDate(this.random, startYear);
    const start = isoDate(startParts);
    let end: string | undefined;
    if (endYear > 0) {
      let endParts = randomDate(this.random, endYear);
      // Keep end ≥ start on their common prefix (same year: fall back to the year alone).
      if (endYear === startYear) endParts = { year: endYear };
      end = isoDate(endParts);
    }
    const period: Record<string, unknown> = { _type: 'period', start };
    if (end !== undefined) period['end'] = end;
    if (withText) {
      period['text'] =
        end === undefined
          ? `Sedan ${dateText(this.random, startParts)}`
          : `${startYear}–${endYear}`;
    }
    return period;
  }

  private status(startYear: number, endYear: number): string | undefined {
    if (this.random.chance(0.15)) return undefined;
    if (startYear > REFERENCE_YEAR - 1) return 'planerat';
    if (endYear > 0 && endYear < REFERENCE_YEAR) return 'avslutat';
    return 'pagaende';
  }

  // --- per type -------------------------------------------------------------

  private delprojekt(d: number): Document {
    const plan = this.plan;
    const programme = plan.delprojektProgramme[d] as number;
    const owner = plan.programmeOwner[programme] as number;
    const topic = this.random.pick(DELPROJEKT_TOPICS);
    const title = this.random.chance(0.5) ? `${topic} i ${this.region(owner).name}` : topic;
    const doc = this.system(plan.ids.delprojekt[d] as string, 'delprojekt');
    const slug = this.slug('delprojekt', `${this.region(owner).slug} ${topic}`);
    doc['title'] = title;
    doc['slug'] = { _type: 'slug', current: slug };
    doc['number'] = plan.delprojektNumber[d];
    doc['summary'] = this.sentences(1, 2);
    if (this.random.chance(0.8)) doc['body'] = this.body(slug, [1, 3]);
    const start = plan.programmeStart[programme] as number;
    const end = plan.programmeEnd[programme] as number;
    const status = this.status(start, end);
    if (status) doc['status'] = status;
    if (this.random.chance(0.7)) doc['period'] = this.period(start, end, this.random.chance(0.5));
    doc['programme'] = this.ref(plan.ids.programme[programme] as string);
    doc['themes'] = this.themes(1, 3);
    const contacts = this.random.sample(
      plan.contactsByProgramme[programme] as number[],
      this.random.between(0, 2),
    );
    if (contacts.length > 0)
      doc['contacts'] = this.refs(contacts.map((c) => plan.ids.kontaktperson[c] as string));
    const documents = this.random.sample(plan.dokumentByDelprojekt[d] as number[], 4);
    if (documents.length > 0)
      doc['documents'] = this.refs(documents.map((i) => plan.ids.dokument[i] as string));
    doc['sources'] = this.sources(owner);
    return doc;
  }

  private dokument(d: number): Document {
    const plan = this.plan;
    const isMalbild = d < plan.counts.malbild;
    const kind = isMalbild ? 'malbild' : this.random.pick(RANDOM_DOKUMENT_KINDS);
    const region = plan.dokumentRegion[d] as number;
    const programme = plan.dokumentProgramme[d] as number;
    const delprojekt = plan.dokumentDelprojekt[d] as number;
    const year =
      programme >= 0
        ? Math.min(REFERENCE_YEAR, (plan.programmeStart[programme] as number) + this.random.int(3))
        : this.random.between(2018, REFERENCE_YEAR);
    const topic = isMalbild ? 'Nära vård' : this.random.pick(TOPICS);
    const title = `${DOKUMENT_KIND_LABELS[kind]}: ${topic} i ${this.region(region).name} ${year}`;
    const doc = this.system(plan.ids.dokument[d] as string, 'dokument');
    doc['title'] = title;
    doc['slug'] = { _type: 'slug', current: this.slug('dokument', title) };
    doc['kind'] = kind;
    if (kind === 'bildspel' || kind === 'rapport' || this.random.chance(0.2))
      doc['format'] = kind === 'bildspel' && this.random.chance(0.3) ? 'PowerPoint' : 'PDF';
    if (this.random.chance(0.75)) doc['date'] = isoDate(randomDate(this.random, year));
    if (this.random.chance(0.9)) doc['summary'] = this.sentences(1, 3);
    if (this.random.chance(0.3)) {
      doc['attachment'] = {
        _type: 'attachment',
        url: `https://example.org/syntetisk/dokument/${d + 1}.pdf`,
      };
    }
    doc['publisher'] = this.region(region).organisation;
    if (this.random.chance(0.9)) doc['publisherRegion'] = this.ref(this.regionId(region));
    if (programme >= 0) doc['programme'] = this.ref(plan.ids.programme[programme] as string);
    if (delprojekt >= 0) doc['delprojekt'] = this.ref(plan.ids.delprojekt[delprojekt] as string);
    if (this.random.chance(0.5)) doc['themes'] = this.themes(1, 2);
    doc['sources'] = this.sources(region);
    return doc;
  }

  private handelse(h: number): Document {
    const plan = this.plan;
    const random = this.random;
    const programme = random.chance(0.7) ? random.int(plan.counts.programme) : -1;
    const owner = programme >= 0 ? (plan.programmeOwner[programme] as number) : this.ownerAny();
    const delprojekts = programme >= 0 ? (plan.delprojektByProgramme[programme] as number[]) : [];
    const delprojekt = delprojekts.length > 0 && random.chance(0.3) ? random.pick(delprojekts) : -1;
    const year =
      programme >= 0
        ? Math.min(REFERENCE_YEAR, (plan.programmeStart[programme] as number) + random.int(3))
        : random.between(2013, REFERENCE_YEAR);
    const parts = randomDate(random, year);
    const date = isoDate(parts);
    const title = `${random.pick(EVENTS)} ${random.pick(TOPICS).toLowerCase()} i ${this.region(owner).name}`;
    const doc = this.system(plan.ids.handelse[h] as string, 'handelse');
    doc['title'] = title;
    doc['slug'] = { _type: 'slug', current: this.slug('handelse', `${date} ${title}`) };
    doc['date'] = date;
    doc['dateText'] = dateText(random, parts);
    doc['summary'] = this.sentences(1, 3);
    if (parts.month === undefined && random.chance(0.3)) {
      doc['note'] =
        `Källsidan anger bara året ${year}. I tidslinjen sorteras händelsen till början av året.`;
    }
    const regions = [this.regionId(owner)];
    const parent = this.region(owner).parent;
    if (parent >= 0 && random.chance(0.3)) regions.push(this.regionId(parent));
    doc['regions'] = this.refs(regions);
    if (programme >= 0) doc['programme'] = this.ref(plan.ids.programme[programme] as string);
    if (delprojekt >= 0) doc['delprojekt'] = this.ref(plan.ids.delprojekt[delprojekt] as string);
    if (programme >= 0) {
      const documents = random.sample(
        plan.dokumentByProgramme[programme] as number[],
        random.between(0, 2),
      );
      if (documents.length > 0)
        doc['documents'] = this.refs(documents.map((i) => plan.ids.dokument[i] as string));
    }
    doc['sources'] = this.sources(owner);
    return doc;
  }

  private ownerAny(): number {
    const p = this.random.next();
    if (p < 0.35) return this.random.pick(this.plan.lans);
    if (p < 0.45) return this.random.pick(this.plan.subRegions);
    return this.random.pick(this.plan.municipalities);
  }

  private kalla(k: number): Document {
    const plan = this.plan;
    const region = plan.kallaRegion[k] as number;
    const topic = this.random.pick(TOPICS);
    const title = `Syntetisk källsida ${k + 1}: ${topic} – ${this.region(region).organisation}`;
    const doc = this.system(plan.ids.kalla[k] as string, 'kalla');
    const slug = this.slug('kalla', `syntetisk ${k + 1} ${topic}`);
    doc['title'] = title;
    doc['slug'] = { _type: 'slug', current: slug };
    doc['publisher'] = this.region(region).organisation;
    doc['publisherRegion'] = this.ref(this.regionId(region));
    doc['url'] = `https://example.org/syntetisk/${slug}`;
    if (this.random.chance(0.6))
      doc['lastUpdated'] = isoDate(randomDate(this.random, this.random.between(2019, 2026)));
    doc['note'] =
      `Syntetisk källsida för prestandatester (seed ${this.seed}); ingen verklig webbsida.`;
    return doc;
  }

  private kontaktperson(c: number): Document {
    const plan = this.plan;
    const region = plan.contactRegion[c] as number;
    const name = `Testperson ${c + 1}`;
    const doc = this.system(plan.ids.kontaktperson[c] as string, 'kontaktperson');
    doc['name'] = name;
    doc['slug'] = { _type: 'slug', current: this.slug('kontaktperson', name) };
    if (this.random.chance(0.8)) doc['role'] = this.random.pick(ROLES);
    doc['organisation'] = this.region(region).organisation;
    if (this.random.chance(0.6)) doc['email'] = `testperson.${c + 1}@example.org`;
    if (this.random.chance(0.7)) {
      // PTS reserves 070-174 06 05 – 070-174 06 99 for fiction.
      const last = pad(5 + (c % 95));
      doc['phone'] = this.random.chance(0.5) ? `070-174 06 ${last}` : `070 - 17406${last}`;
    }
    if (this.random.chance(0.15)) {
      const start = this.random.between(2018, 2025);
      doc['period'] = this.period(
        start,
        this.random.chance(0.5) ? start + this.random.between(1, 3) : 0,
        true,
      );
    }
    doc['regions'] = this.refs([this.regionId(region)]);
    doc['sources'] = this.sources(region);
    return doc;
  }

  private malbild(m: number): Document {
    const plan = this.plan;
    const random = this.random;
    const region = plan.malbildRegion[m] as number;
    const decisionYear = random.between(2019, 2025);
    const horizon = random.chance(0.6) ? decisionYear + random.between(5, 11) : undefined;
    const name = this.region(region).name;
    const title = horizon
      ? `Målbild för nära vård i ${name} ${horizon}`
      : `Gemensam målbild för Nära vård i ${name}`;
    const doc = this.system(plan.ids.malbild[m] as string, 'malbild');
    const slug = this.slug('malbild', title);
    doc['title'] = title;
    doc['slug'] = { _type: 'slug', current: slug };
    doc['summary'] = this.sentences(1, 3);
    if (horizon) doc['horizonYear'] = horizon;
    if (random.chance(0.7)) doc['author'] = this.region(region).organisation;
    const decided = randomDate(random, decisionYear);
    doc['decision'] = {
      _type: 'decision',
      decidedBy: `${random.pick(DECIDERS)} i ${name}`,
      date: isoDate(decided),
      dateText: dateText(random, decided),
      description: `Beslut om att anta målbilden för nära vård i ${name}.`,
    };
    if (random.chance(0.7)) {
      doc['parts'] = random.sample(MALBILD_PARTS, random.between(3, 5)).map((part) => ({
        _type: 'malbildPart',
        _key: this.key(),
        title: part.title,
        text: part.text,
      }));
    }
    if (random.chance(0.6)) doc['body'] = this.body(slug, [1, 3]);
    const children = this.region(region).children;
    doc['regions'] = this.refs(
      [region, ...random.sample(children, random.between(0, 3))].map((i) => this.regionId(i)),
    );
    if (m < plan.counts.dokument) doc['sourceDocument'] = this.ref(plan.ids.dokument[m] as string);
    doc['themes'] = this.themes(2, 4);
    doc['sources'] = this.sources(region);
    return doc;
  }

  private programme(p: number): Document {
    const plan = this.plan;
    const random = this.random;
    const owner = plan.programmeOwner[p] as number;
    const ownerRegion = this.region(owner);
    const topic = random.pick(TOPICS);
    const title = random.chance(0.5)
      ? `${topic} i ${ownerRegion.name}`
      : `${topic} – ${ownerRegion.name}`;
    const doc = this.system(plan.ids.programme[p] as string, 'programme');
    const slug = this.slug('programme', `${ownerRegion.slug} ${topic}`);
    doc['title'] = title;
    doc['slug'] = { _type: 'slug', current: slug };
    doc['summary'] = this.sentences(1, 3);
    doc['body'] = this.body(slug, [2, 4]);
    const start = plan.programmeStart[p] as number;
    const end = plan.programmeEnd[p] as number;
    if (random.chance(0.8)) doc['period'] = this.period(start, end, random.chance(0.6));
    const status = this.status(start, end);
    if (status) doc['status'] = status;
    if (random.chance(0.4)) {
      doc['financing'] = {
        _type: 'financing',
        description: this.sentences(1, 1),
        funders: random.sample(FUNDERS, random.between(1, 3)),
      };
    }
    doc['owner'] = ownerRegion.organisation;
    const regions = [owner];
    if (ownerRegion.parent >= 0 && random.chance(0.4)) regions.push(ownerRegion.parent);
    if (ownerRegion.children.length > 0 && random.chance(0.3)) {
      regions.push(...random.sample(ownerRegion.children, random.between(1, 3)));
    }
    doc['regions'] = this.refs(regions.map((i) => this.regionId(i)));
    const malbild = plan.programmeMalbild[p] as number;
    if (malbild >= 0) doc['malbild'] = this.ref(plan.ids.malbild[malbild] as string);
    doc['themes'] = this.themes(1, 4);
    const contacts = random.sample(plan.contactsByProgramme[p] as number[], 3);
    if (contacts.length > 0)
      doc['contacts'] = this.refs(contacts.map((c) => plan.ids.kontaktperson[c] as string));
    const documents = random.sample(plan.dokumentByProgramme[p] as number[], 6);
    if (documents.length > 0)
      doc['documents'] = this.refs(documents.map((d) => plan.ids.dokument[d] as string));
    doc['sources'] = this.sources(owner);
    return doc;
  }

  private regionDocument(index: number): Document {
    const region = this.region(index);
    const random = this.random;
    const doc = this.system(region.id, 'region');
    doc['name'] = region.name;
    doc['slug'] = { _type: 'slug', current: region.slug };
    doc['kind'] = region.kind;
    if (region.parent >= 0) doc['parent'] = this.ref(this.regionId(region.parent));
    doc['organisations'] = [region.organisation];
    if (region.kind !== 'kommun') doc['municipalityCount'] = region.municipalityCount;
    const where =
      region.kind === 'lan'
        ? `${region.organisation} och länets ${region.municipalityCount} ${region.municipalityCount === 1 ? 'kommun' : 'kommuner'}`
        : region.kind === 'delregion'
          ? `${region.organisation} med ${region.municipalityCount} medlemskommuner`
          : region.organisation;
    doc['shortDescription'] =
      `${where} arbetar med omställningen till en god och nära vård. ${this.sentence()}`;
    if (region.kind !== 'kommun' || random.chance(0.2))
      doc['description'] = this.body(region.slug, [1, 2]);
    doc['sources'] = this.sources(index);
    return doc;
  }

  private tema(t: number): Document {
    const theme = THEMES[t] as (typeof THEMES)[number];
    const doc = this.system(this.plan.ids.tema[t] as string, 'tema');
    doc['name'] = theme.name;
    doc['slug'] = { _type: 'slug', current: this.plan.themeSlugs[t] };
    doc['description'] = theme.description;
    doc['sources'] = this.refs(this.random.sample(this.plan.ids.kalla, this.random.between(1, 3)));
    return doc;
  }

  /** Every document, in _id order (types alphabetically, then by number or slug). */
  *documents(): Generator<Document> {
    const { counts, regions } = this.plan;
    for (let i = 0; i < counts.delprojekt; i++) yield this.delprojekt(i);
    for (let i = 0; i < counts.dokument; i++) yield this.dokument(i);
    for (let i = 0; i < counts.handelse; i++) yield this.handelse(i);
    for (let i = 0; i < counts.kalla; i++) yield this.kalla(i);
    for (let i = 0; i < counts.kontaktperson; i++) yield this.kontaktperson(i);
    for (let i = 0; i < counts.malbild; i++) yield this.malbild(i);
    for (let i = 0; i < counts.programme; i++) yield this.programme(i);
    const byId = regions
      .map((_, index) => index)
      .sort((a, b) => compareIds(this.regionId(a), this.regionId(b)));
    for (const index of byId) yield this.regionDocument(index);
    const themes = THEMES.map((_, index) => index).sort((a, b) =>
      compareIds(this.plan.ids.tema[a] as string, this.plan.ids.tema[b] as string),
    );
    for (const index of themes) yield this.tema(index);
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface GenerateOptions {
  docs: number;
  seed: number;
}

/** The documents of a synthetic dataset, one at a time, in _id order. */
export function* generateDocuments(options: GenerateOptions): Generator<Document> {
  yield* new DatasetBuilder(options.seed, options.docs).documents();
}

export interface WriteResult {
  file: string;
  counts: Counts;
  documents: number;
  bytes: number;
  milliseconds: number;
}

/** Streams the dataset to `<out>/data.ndjson` (through a temporary file, renamed when complete). */
export async function writeDataset(
  options: GenerateOptions & { out: string },
): Promise<WriteResult> {
  const started = performance.now();
  const dir = path.resolve(options.out);
  const embedded = path.resolve(fileURLToPath(new URL('../content/dataset', import.meta.url)));
  if (dir === embedded)
    throw new Error('refusing to write synthetic documents into content/dataset');
  planCounts(options.docs); // fails on a bad size before anything is written
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, DATASET_FILE);
  const temporary = `${file}.tmp`;
  const generator = new DatasetBuilder(options.seed, options.docs);
  const stream = createWriteStream(temporary, { encoding: 'utf8' });
  let documents = 0;
  let bytes = 0;
  let chunk = '';
  try {
    for (const document of generator.documents()) {
      chunk += `${JSON.stringify(document)}\n`;
      documents += 1;
      if (chunk.length >= 1 << 20) {
        bytes += Buffer.byteLength(chunk);
        if (!stream.write(chunk)) await once(stream, 'drain');
        chunk = '';
      }
    }
    bytes += Buffer.byteLength(chunk);
    stream.end(chunk);
    await once(stream, 'finish');
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
  await rename(temporary, file);
  return {
    file,
    counts: generator.counts,
    documents,
    bytes,
    milliseconds: performance.now() - started,
  };
}

// ---------------------------------------------------------------------------
// CLI

function parseInteger(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value))
    throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run dataset:generate -- --docs N [--seed S] --out DIR');
    return;
  }
  const docs = parseInteger('docs', values.docs);
  const seed = parseInteger('seed', values.seed, 1);
  if (seed > 0xffffffff) throw new Error('--seed must fit in 32 bits');
  if (!values.out) throw new Error('--out is required');
  const result = await writeDataset({ docs, seed, out: values.out });
  const mix = Object.entries(result.counts)
    .map(([type, count]) => `${type} ${count}`)
    .join(', ');
  console.log(
    `Wrote ${result.documents} synthetic documents (seed ${seed}) to ${displayPath(result.file)}: ` +
      `${(result.bytes / 1e6).toFixed(1)} MB in ${(result.milliseconds / 1000).toFixed(2)} s\n${mix}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`dataset:generate: ${(error as Error).message}`);
    process.exit(1);
  });
}

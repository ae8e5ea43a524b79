// What every synthetic document is made of: system fields, keys, references, slugs per type,
// sources and themes, periods and statuses. The kinds (./kinds/) build on it; all of them draw
// from the one seeded Random, so the order of calls is part of the output.
import type { Counts } from './counts.ts';
import { dateText, isoDate, randomDate, REFERENCE_YEAR } from './dates.ts';
import { buildPlan, type Plan } from './plan.ts';
import { Random } from './random.ts';
import type { RegionPlan } from './regions.ts';
import { SlugRegistry } from './slugs.ts';

export interface KeyedReference {
  _type: 'reference';
  _ref: string;
  _key: string;
}

export type Document = { _id: string; _type: string } & Record<string, unknown>;

const REV_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class DocumentBuilder {
  readonly random: Random;
  readonly plan: Plan;
  readonly seed: number;
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

  key(): string {
    return `k${(this.keyCounter++).toString(36)}`;
  }

  slug(type: string, text: string): string {
    let registry = this.slugs.get(type);
    if (!registry) this.slugs.set(type, (registry = new SlugRegistry()));
    return registry.take(text);
  }

  system(id: string, type: string): Document {
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

  ref(id: string): { _type: 'reference'; _ref: string } {
    return { _type: 'reference', _ref: id };
  }

  refs(ids: readonly string[]): KeyedReference[] {
    return [...new Set(ids)].map((id) => ({ _type: 'reference', _ref: id, _key: this.key() }));
  }

  regionId(index: number): string {
    return (this.plan.regions[index] as RegionPlan).id;
  }

  region(index: number): RegionPlan {
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

  sources(region: number): KeyedReference[] {
    const first = this.sourceFor(region);
    return this.refs(this.random.chance(0.2) ? [first, this.sourceFor(region)] : [first]);
  }

  themes(min: number, max: number): KeyedReference[] {
    const count = this.random.between(min, max);
    return this.refs(this.random.sample(this.plan.ids.tema, count));
  }

  period(startYear: number, endYear: number, withText: boolean) {
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

  /** As the sources: now and then a status they do not give ("Anges inte i källan"). */
  status(startYear: number, endYear: number): string {
    if (this.random.chance(0.15)) return 'okand';
    if (startYear > REFERENCE_YEAR - 1) return 'planerat';
    if (endYear > 0 && endYear < REFERENCE_YEAR) return 'avslutat';
    return 'pagaende';
  }

  /** Who does the work: counties and municipalities mostly, kommunalförbund now and then. */
  ownerAny(): number {
    const p = this.random.next();
    if (p < 0.35) return this.random.pick(this.plan.lans);
    if (p < 0.45) return this.random.pick(this.plan.subRegions);
    return this.random.pick(this.plan.municipalities);
  }
}

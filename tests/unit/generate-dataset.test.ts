// The synthetic benchmark dataset (scripts/dataset/, the command scripts/generate-dataset.ts):
// deterministic per seed, the requested size, every Swedish county and municipality, and clean
// under the same integrity checks as the embedded dataset.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../scripts/dataset/builder.ts';
import { FIXED_COUNT, MIN_DOCS, planCounts } from '../../scripts/dataset/counts.ts';
import { generateDocuments } from '../../scripts/dataset/generate.ts';
import { COUNTIES, SUB_REGIONS } from '../../scripts/dataset/kommuner.ts';
import { mulberry32 } from '../../scripts/dataset/random.ts';
import { writeDataset } from '../../scripts/dataset/write.ts';
import { parseNdjson } from '../../src/lib/content/dataset.ts';
import { REFERENCE_TARGETS } from '../../src/lib/rules/reference-targets.ts';
import { checkIntegrity } from '../../src/lib/content/integrity.ts';
import { DOCUMENT_TYPES, SLUG_PATTERN } from '../../src/lib/content/schemas.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'generate-dataset-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function generate(docs: number, seed: number, name = `${docs}-${seed}`): Promise<string> {
  const out = path.join(dir, name);
  await writeDataset({ docs, seed, out });
  return readFile(path.join(out, 'data.ndjson'), 'utf8');
}

function parse(text: string): Document[] {
  const { documents, problems } = parseNdjson(text);
  expect(problems).toEqual([]);
  return documents as Document[];
}

interface Reference {
  from: Document;
  field: string;
  ref: string;
}

function referencesOf(document: Document): Reference[] {
  const found: Reference[] = [];
  const visit = (value: unknown, field: string) => {
    if (Array.isArray(value)) value.forEach((item) => visit(item, field));
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record['_type'] === 'reference')
        found.push({ from: document, field, ref: String(record['_ref']) });
      for (const child of Object.values(record)) visit(child, field);
    }
  };
  for (const [field, value] of Object.entries(document)) visit(value, field);
  return found;
}

describe('planCounts', () => {
  it('meets the requested size exactly, with regions and themes as fixed overhead', () => {
    for (const docs of [MIN_DOCS, 400, 1000, 2345, 10_000, 100_000]) {
      const counts = planCounts(docs);
      expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(docs);
      expect(counts.region).toBe(315);
      expect(counts.region + counts.tema).toBe(FIXED_COUNT);
      for (const count of Object.values(counts)) expect(count).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps the mix realistic: documents and events outnumber programmes, målbilder are few', () => {
    const counts = planCounts(10_000);
    expect(counts.dokument).toBeGreaterThan(counts.handelse);
    expect(counts.handelse).toBeGreaterThan(counts.delprojekt);
    expect(counts.delprojekt).toBeGreaterThan(counts.programme);
    expect(counts.programme).toBeGreaterThan(counts.malbild);
  });

  it('refuses a size below the fixed overhead', () => {
    expect(() => planCounts(MIN_DOCS - 1)).toThrow(/--docs must be an integer/);
    expect(() => planCounts(1000.5)).toThrow(/--docs must be an integer/);
  });
});

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe('generated dataset', () => {
  let text: string;
  let documents: Document[];
  let byId: Map<string, Document>;

  beforeAll(async () => {
    text = await generate(2000, 7);
    documents = parse(text);
    byId = new Map(documents.map((document) => [document._id, document]));
  });

  it('is byte-identical for the same seed and differs for another seed', async () => {
    expect(await generate(2000, 7, 'again')).toBe(text);
    const other = await generate(2000, 8);
    expect(other).not.toBe(text);
    expect(other.split('\n').length).toBe(text.split('\n').length);
  });

  it('has exactly the requested number of documents, one compact JSON object per line', () => {
    expect(documents).toHaveLength(2000);
    expect(text.endsWith('}\n')).toBe(true);
    for (const line of text.trimEnd().split('\n'))
      expect(line).toBe(JSON.stringify(JSON.parse(line)));
  });

  it('is sorted by _id, with unique synthetic ids without dots', () => {
    const ids = documents.map((document) => document._id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^syn-[a-z]+-[a-z0-9-]+$/);
      expect(id).not.toContain('.');
    }
  });

  it('has the system fields of a Sanity export on every document', () => {
    for (const document of documents) {
      expect((DOCUMENT_TYPES as readonly string[]).includes(document._type)).toBe(true);
      expect(document['_rev']).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(document['_createdAt']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(String(document['_updatedAt']) >= String(document['_createdAt'])).toBe(true);
    }
  });

  it('has every county, every municipality and the four kommunalförbund of Västra Götaland', () => {
    const regions = documents.filter((document) => document._type === 'region');
    const ofKind = (kind: string) => regions.filter((region) => region['kind'] === kind);
    expect(ofKind('lan')).toHaveLength(21);
    expect(ofKind('kommun')).toHaveLength(290);
    expect(
      ofKind('delregion')
        .map((region) => region['name'])
        .sort(),
    ).toEqual(['Fyrbodal', 'Göteborgsregionen', 'Sjuhärad', 'Skaraborg']);
    expect(new Set(ofKind('kommun').map((region) => region['name'])).size).toBe(290);
    // Gotland is both a county and a municipality.
    expect(
      regions
        .filter((region) => region['name'] === 'Gotland')
        .map((region) => region['kind'])
        .sort(),
    ).toEqual(['kommun', 'lan']);
  });

  it('puts every municipality under its own county, through a kommunalförbund where it has one', () => {
    const countyOf = new Map(
      COUNTIES.flatMap((county) => county.municipalities.map((name) => [name, county.name])),
    );
    const subRegionOf = new Map(
      SUB_REGIONS.flatMap((sub) => sub.municipalities.map((name) => [name, sub.name])),
    );
    const parentOf = (region: Document) =>
      byId.get((region['parent'] as { _ref: string } | undefined)?._ref ?? '');
    for (const region of documents.filter((document) => document['kind'] === 'kommun')) {
      const name = region['name'] as string;
      const parent = parentOf(region) as Document;
      if (subRegionOf.has(name)) {
        expect(parent['kind']).toBe('delregion');
        expect(parent['name']).toBe(subRegionOf.get(name));
        expect(parentOf(parent)?.['name']).toBe(countyOf.get(name));
      } else {
        expect(parent['kind']).toBe('lan');
        expect(parent['name']).toBe(countyOf.get(name));
      }
    }
    for (const region of documents.filter((document) => document['kind'] === 'lan')) {
      expect(region['parent']).toBeUndefined();
      const county = COUNTIES.find((entry) => entry.name === region['name']);
      expect(region['municipalityCount']).toBe(county?.municipalities.length);
    }
  });

  it('resolves every reference to a document of an allowed type', () => {
    let count = 0;
    for (const document of documents) {
      const targets = REFERENCE_TARGETS[document._type] ?? {};
      for (const { field, ref } of referencesOf(document)) {
        count += 1;
        const target = byId.get(ref);
        // A list of references is `field[]` in the schema's paths.
        const allowed = targets[field] ?? targets[`${field}[]`];
        expect(target, `${document._id}.${field} → ${ref}`).toBeDefined();
        expect(allowed, `${document._type}.${field} is a reference field`).toBeDefined();
        expect(allowed).toContain(target?._type);
      }
    }
    expect(count).toBeGreaterThan(documents.length * 2);
  });

  it('links the types in realistic proportions', () => {
    const ofType = (type: string) => documents.filter((document) => document._type === type);
    const share = (type: string, field: string) =>
      ofType(type).filter((document) => document[field] !== undefined).length / ofType(type).length;
    expect(share('dokument', 'programme')).toBeGreaterThan(0.5);
    expect(share('handelse', 'programme')).toBeGreaterThan(0.5);
    expect(share('programme', 'documents')).toBeGreaterThan(0.5);
    expect(share('programme', 'body')).toBe(1);
    // A delprojekt's documents and contacts belong to its programme.
    for (const delprojekt of ofType('delprojekt')) {
      const programme = (delprojekt['programme'] as { _ref: string })._ref;
      for (const { ref } of referencesOf(delprojekt).filter(
        (reference) => reference.field === 'documents',
      )) {
        expect((byId.get(ref)?.['programme'] as { _ref: string })._ref).toBe(programme);
      }
    }
    // Every programme is referenced from somewhere, and every source page is used.
    const referenced = new Set(
      documents.flatMap((document) => referencesOf(document).map((reference) => reference.ref)),
    );
    const unusedKalla = ofType('kalla').filter((kalla) => !referenced.has(kalla._id));
    expect(unusedKalla.length / ofType('kalla').length).toBeLessThan(0.2);
  });

  it('has slugs unique per type and of the valid form', () => {
    const seen = new Map<string, Set<string>>();
    for (const document of documents) {
      const slug = (document['slug'] as { current: string }).current;
      expect(slug).toMatch(SLUG_PATTERN);
      const used = seen.get(document._type) ?? new Set<string>();
      expect(used.has(slug), `${document._type} slug ${slug}`).toBe(false);
      used.add(slug);
      seen.set(document._type, used);
    }
  });

  it('writes Portable Text bodies with h2 headings, bullet lists and keyed blocks', () => {
    const programme = documents.find((document) => document._type === 'programme') as Document;
    const body = programme['body'] as { style: string; listItem?: string; _key: string }[];
    expect(body.some((block) => block.style === 'h2')).toBe(true);
    const all = documents.flatMap(
      (document) => (document['body'] as typeof body | undefined) ?? [],
    );
    expect(all.some((block) => block.listItem === 'bullet')).toBe(true);
    expect(all.every((block) => typeof block._key === 'string')).toBe(true);
  });

  it('marks everything as synthetic: source pages, people, addresses and phone numbers', () => {
    for (const document of documents) {
      if (document._type === 'kalla') {
        expect(document['title']).toMatch(/^Syntetisk källsida \d+: /);
        expect(document['url']).toMatch(/^https:\/\/example\.org\//);
      }
      if (document._type === 'kontaktperson') {
        expect(document['name']).toMatch(/^Testperson \d+$/);
        if (document['email'] !== undefined)
          expect(document['email']).toMatch(/^testperson\.\d+@example\.org$/);
        if (document['phone'] !== undefined) {
          // PTS's range for fiction: 070-174 06 05 – 070-174 06 99.
          const digits = String(document['phone']).replace(/\D/g, '');
          expect(digits).toMatch(/^07017406\d\d$/);
          expect(Number(digits.slice(-2))).toBeGreaterThanOrEqual(5);
        }
      }
    }
    expect(text).not.toMatch(/@(?!example\.org)[a-z0-9.-]+\.[a-z]+/);
  });

  it('has zero integrity errors and only the editorial warnings real content has', () => {
    const report = checkIntegrity(documents);
    expect(report.errors).toEqual([]);
    // As in the embedded dataset: summaries and bodies above their LIX level (the vocabulary
    // is the reforms' and bodies' long words). Nothing structural: no unknown field or type.
    const editorial = (message: string) => message.startsWith('Texten har LIX ');
    expect(report.problems.filter((problem) => !editorial(problem.message))).toEqual([]);
    expect(report.problems.every((problem) => problem.severity === 'warning')).toBe(true);
    expect(report.published).toHaveLength(2000);
  });
});

describe('generateDocuments', () => {
  it('yields the same documents as the written file, lazily', () => {
    const iterator = generateDocuments({ docs: 500, seed: 3 });
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect((first.value as Document)._id).toBe('syn-delprojekt-00001');
  });

  it('passes the integrity checks at the smallest size and at other seeds', () => {
    for (const [docs, seed] of [
      [MIN_DOCS, 1],
      [400, 2],
      [5000, 4_294_967_295],
    ] as const) {
      const report = checkIntegrity([...generateDocuments({ docs, seed })]);
      expect(report.errors, `docs ${docs}, seed ${seed}`).toEqual([]);
      expect(report.published).toHaveLength(docs);
    }
  });
});

describe('npm run dataset:generate', () => {
  const script = path.resolve('scripts/generate-dataset.ts');

  it('writes DIR/data.ndjson and reports the mix', async () => {
    const out = path.join(dir, 'cli');
    const result = spawnSync(
      process.execPath,
      [script, '--docs', '450', '--seed', '5', '--out', out],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Wrote 450 synthetic documents \(seed 5\)/);
    expect(result.stdout).toMatch(/region 315/);
    const written = await readFile(path.join(out, 'data.ndjson'), 'utf8');
    expect(written).toBe(await generate(450, 5, 'cli-api'));
  });

  it('refuses bad arguments and the embedded dataset folder', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
    expect(run('--docs', '10', '--out', path.join(dir, 'small')).stderr).toMatch(
      /--docs must be an integer/,
    );
    expect(run('--docs', 'many', '--out', dir).stderr).toMatch(/non-negative integer/);
    expect(run('--docs', '500').stderr).toMatch(/--out is required/);
    const embedded = run('--docs', '500', '--out', 'content/dataset');
    expect(embedded.status).toBe(1);
    expect(embedded.stderr).toMatch(/refusing to write synthetic documents into content\/dataset/);
  });
});

// Seeded mutation test: random damage to the embedded dataset (fields deleted or set to odd
// values, ids and types changed, references redirected, documents removed or duplicated, lines
// cut or joined or replaced by garbage). Each mutated dataset goes through the build's own
// content check (scripts/build.ts → checkContent: read, integrity, every collection's query and
// schema). It must either pass or list its errors, each naming a document's `_id` (or the file
// and line); it must never throw, crash or leave a promise rejected unhandled. A few mutated
// datasets are then built with the real build command.
//
// The seed is in the test's name; run again with MUTATION_SEED=<seed> (and MUTATION_RUNS=<n>).
// fast-check shrinks a failing case to the fewest mutations that still fail, and prints it.
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type ContentCheck } from '../../src/lib/content/check.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { createLocalSource } from '../../src/lib/content/source.ts';
import {
  buildTempDir,
  CRASH,
  EMBEDDED_DIR,
  FIXTURE_DIR,
  fingerprint,
  markAsEarlierBuild,
  runBuild,
} from './helpers.ts';

const SEED = Number(process.env['MUTATION_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env['MUTATION_RUNS'] ?? 200);
const REAL_BUILDS = 3;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One change to a dataset; numbers pick a document / path / line modulo what exists. */
type Mutation =
  | { kind: 'delete'; doc: number; at: number }
  | { kind: 'set'; doc: number; at: number; value: Json }
  | { kind: 'retype'; doc: number; type: string }
  | { kind: 'reid'; doc: number; id: string | number }
  | { kind: 'redirect'; doc: number; at: number; target: number }
  | { kind: 'remove'; doc: number }
  | { kind: 'duplicate'; doc: number }
  | { kind: 'cut'; line: number; at: number }
  | { kind: 'join'; line: number }
  | { kind: 'garbage'; line: number; text: string }
  | { kind: 'shuffle'; seed: number };

const ODD_STRINGS = [
  '',
  ' ',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'java\tscript:alert(1)',
  ' https://example.se',
  'https://',
  'mailto:',
  'www.example.se',
  'https://example.se/<script>',
  '2021-02-30',
  '2021-13',
  '20210101',
  '9999',
  'namn@',
  '@example.se',
  'namn@example',
  '+46',
  '070-123 45 6',
  'Ärligt Är Åtta Ö',
  'a--b',
  '-a',
  'drafts.region-skane',
  'versions.x.y',
  'region.med.punkt',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000\u0001',
  '\u202eevil',
  '💥',
  'x'.repeat(5000),
  'pagaende',
  'lan',
  'kommun',
  'rapport',
  'strong',
  'block',
  'reference',
];

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 53,
    -1e308,
    [],
    {},
    [null],
    [{}],
    { _ref: '' },
    { current: 'x' },
  ),
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const TYPES = [
  'region',
  'programme',
  'malbild',
  'delprojekt',
  'kontaktperson',
  'dokument',
  'tema',
  'handelse',
  'kalla',
  'widget',
  'sanity.imageAsset',
  '',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), doc: fc.nat(), at: fc.nat() }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      doc: fc.nat(),
      at: fc.nat(),
      value: oddValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('retype' as const),
      doc: fc.nat(),
      type: fc.constantFrom(...TYPES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reid' as const),
      doc: fc.nat(),
      id: fc.oneof(
        fc.constantFrom<string | number>('', 'drafts.', 'a.b', 'region-vastra-gotaland', 42),
        fc.string({ maxLength: 10 }),
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('redirect' as const),
      doc: fc.nat(),
      at: fc.nat(),
      target: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), doc: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), doc: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cut' as const), line: fc.nat(), at: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const), line: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      line: fc.nat(),
      text: fc.string({ maxLength: 40 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shuffle' as const), seed: fc.nat() }) },
);

const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

/** Every path inside `value` (not the root): keys and array indexes. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      out.push([...prefix, index], ...paths(item, [...prefix, index])),
    );
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      out.push([...prefix, key], ...paths(child, [...prefix, key]));
  }
  return out;
}

function parentAt(root: Json, at: Array<string | number>): { parent: Json; key: string | number } {
  let parent = root;
  for (const key of at.slice(0, -1))
    parent = (parent as Record<string | number, Json>)[key] as Json;
  return { parent, key: at.at(-1) as string | number };
}

/** Applies the mutations to NDJSON text; document-level ones first, then line-level ones. */
function mutate(text: string, list: readonly Mutation[]): string {
  const documents = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JsonObject);
  const pick = <T>(items: readonly T[], index: number): T | undefined =>
    items.length === 0 ? undefined : items[index % items.length];
  for (const change of list) {
    const document = 'doc' in change ? pick(documents, change.doc) : undefined;
    switch (change.kind) {
      case 'delete':
      case 'set': {
        const at = document && pick(paths(document), change.at);
        if (!document || !at) break;
        const { parent, key } = parentAt(document, at);
        if (change.kind === 'set')
          (parent as Record<string | number, Json>)[key] = structuredClone(change.value);
        else if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as JsonObject)[key as string];
        break;
      }
      case 'retype':
        if (document) document['_type'] = change.type;
        break;
      case 'reid':
        if (document) document['_id'] = change.id;
        break;
      case 'redirect': {
        const refs = document ? paths(document).filter((at) => at.at(-1) === '_ref') : [];
        const at = pick(refs, change.at);
        const target = pick(documents, change.target);
        if (!document || !at || !target) break;
        const { parent, key } = parentAt(document, at);
        (parent as JsonObject)[key as string] = target['_id'] as Json;
        break;
      }
      case 'remove':
        documents.splice(change.doc % Math.max(documents.length, 1), 1);
        break;
      case 'duplicate':
        if (document) documents.push(structuredClone(document));
        break;
      default:
        break;
    }
  }
  let lines = documents.map((document) => JSON.stringify(document));
  for (const change of list) {
    if (lines.length === 0) break;
    const index = 'line' in change ? change.line % lines.length : 0;
    if (change.kind === 'cut')
      lines[index] = (lines[index] as string).slice(0, change.at % (lines[index] as string).length);
    else if (change.kind === 'join' && index + 1 < lines.length)
      lines.splice(index, 2, `${lines[index]}${lines[index + 1]}`);
    else if (change.kind === 'garbage') lines.splice(index, 0, change.text.replace(/[\r\n]/g, ' '));
    else if (change.kind === 'shuffle') {
      let state = change.seed;
      lines = lines
        .map((line) => ({ line, order: (state = (state * 1103515245 + 12345) % 2 ** 31) }))
        .sort((a, b) => a.order - b.order)
        .map(({ line }) => line);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The ids a problem may name: a document of the mutated dataset, its file and line, or the dataset / a collection. */
function namesSomething(id: string, text: string): boolean {
  if (/data\.ndjson:\d+$/.test(id) || id === '(dataset)' || /^\(\w+(\[\d+\])?\)$/.test(id))
    return true;
  return text.includes(JSON.stringify(id).slice(1, -1));
}

describe(`random mutations of the embedded dataset (seed ${SEED})`, () => {
  const base = readFileSync(path.join(EMBEDDED_DIR, 'data.ndjson'), 'utf8');
  let root: string;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    root = await buildTempDir('naravard-trust-mutation-');
    process.on('unhandledRejection', onRejection);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await rm(root, { recursive: true, force: true });
  });

  /** The build's content check over `text`, in this process. */
  async function check(text: string, name: string): Promise<ContentCheck> {
    const dir = path.join(root, name);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'data.ndjson'), text);
    return checkContent(createLocalSource(dir));
  }

  it(`each of ${RUNS} mutated datasets passes the content check or lists its errors, never crashing`, async () => {
    let run = 0;
    const outcomes = { passed: 0, failed: 0 };
    await fc.assert(
      fc.asyncProperty(mutations, async (list) => {
        const text = mutate(base, list);
        const result = await check(text, `run-${run++}`);
        if (result.errors.length === 0) {
          outcomes.passed++;
          expect(result.published).toBeGreaterThan(0);
        } else outcomes.failed++;
        for (const problem of result.problems) {
          expect(problem.message, formatProblem(problem)).not.toBe('');
          expect(['error', 'warning', 'info']).toContain(problem.severity);
          expect(
            namesSomething(problem.id, text),
            `names no document: ${formatProblem(problem)}`,
          ).toBe(true);
          expect(formatProblem(problem)).not.toMatch(CRASH);
        }
        expect(rejections).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The mutations reach both outcomes (about one in ten passes), else they test little.
    expect(outcomes.failed, JSON.stringify(outcomes)).toBeGreaterThan(RUNS / 4);
    expect(outcomes.passed, JSON.stringify(outcomes)).toBeGreaterThan(0);
    // Let a late rejection surface before the final look.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections).toEqual([]);
  });

  it(`the build command lists the same errors for ${REAL_BUILDS} mutated datasets, without a stack trace`, async () => {
    const outDir = path.join(root, 'site', 'dist');
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, 'index.html'), '<!doctype html><title>Förra bygget</title>');
    await markAsEarlierBuild(outDir);
    const before = await fingerprint(outDir);
    const candidates = fc.sample(mutations, { seed: SEED + 1, numRuns: 50 });
    let built = 0;
    for (const [index, list] of candidates.entries()) {
      if (built === REAL_BUILDS) break;
      const text = mutate(base, list);
      const expected = await check(text, `real-${index}`);
      if (expected.errors.length === 0) continue; // a passing one costs a whole site build: see the next test
      built++;
      const { exitCode, output } = await runBuild({
        outDir,
        env: { CONTENT_DIR: path.join(root, `real-${index}`) },
        expectCheckToFail: true,
      });
      const context = `mutations ${JSON.stringify(list).slice(0, 500)}\n${output}`;
      expect(exitCode, context).toBe(1);
      expect(output, context).not.toMatch(CRASH);
      expect(output).toContain(
        `has ${expected.errors.length} error${expected.errors.length === 1 ? '' : 's'}:`,
      );
      for (const problem of expected.errors)
        expect(output, context).toContain(formatProblem(problem));
      expect(await fingerprint(outDir)).toEqual(before);
    }
    expect(built, 'found too few mutated datasets with errors among 50 samples').toBe(REAL_BUILDS);
  });

  it('the build command builds a mutated dataset that passes the check', async () => {
    // The minimal fixture keeps this one whole-site build short.
    const fixture = readFileSync(path.join(FIXTURE_DIR, 'data.ndjson'), 'utf8');
    const candidates = fc.sample(mutations, { seed: SEED + 2, numRuns: 100 });
    for (const [index, list] of candidates.entries()) {
      const text = mutate(fixture, list);
      const expected = await check(text, `good-${index}`);
      if (expected.errors.length > 0) continue;
      const outDir = path.join(root, 'good-site', 'dist');
      const { exitCode, output } = await runBuild({
        outDir,
        env: { CONTENT_DIR: path.join(root, `good-${index}`) },
      });
      const context = `mutations ${JSON.stringify(list).slice(0, 500)}\n${output}`;
      expect(exitCode, context).toBe(0);
      expect(output, context).not.toMatch(CRASH);
      expect(output).toContain(`Content checked: ${expected.published} published documents.`);
      return;
    }
    throw new Error(`none of 100 mutated fixtures (seed ${SEED + 2}) passed the content check`);
  });
});

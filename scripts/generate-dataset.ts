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
//
// This file is the command; the generator is in scripts/dataset/ (counts, random source, region
// tree, plan, one module per document kind, NDJSON writer).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeDataset } from './dataset/write.ts';

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

main().catch((error: unknown) => {
  console.error(`dataset:generate: ${(error as Error).message}`);
  process.exit(1);
});

// The committed TypeGen output (src/lib/sanity.schema.json, src/lib/sanity.types.ts)
// matches what the current schema and queries generate. Regenerated into a scratch
// directory inside the repository so that Prettier formats it with the same config.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runSanity, studioDir } from './support/sanity-cli.ts';

const committedSchema = join(repoRoot, 'src', 'lib', 'sanity.schema.json');
const committedTypes = join(repoRoot, 'src', 'lib', 'sanity.types.ts');
const STALE =
  'is stale: run `npm run typegen` and commit src/lib/sanity.schema.json and src/lib/sanity.types.ts';

describe('TypeGen output is up to date', () => {
  mkdirSync(join(repoRoot, '.cache'), { recursive: true });
  const scratch = mkdtempSync(join(repoRoot, '.cache', 'typegen-'));
  const scratchSchema = join(scratch, 'sanity.schema.json');
  // Paths relative to sanity/: `schema extract --path` joins even an absolute path onto
  // the working directory.
  const relativeScratch = relative(studioDir, scratch);
  const relativeSchema = `${relativeScratch}/sanity.schema.json`;

  beforeAll(async () => {
    const extract = await runSanity([
      'schema',
      'extract',
      '--enforce-required-fields',
      '--path',
      relativeSchema,
    ]);
    expect(extract.code, `schema extract failed:\n${extract.stderr.slice(-4000)}`).toBe(0);
    const generate = await runSanity(['typegen', 'generate'], {
      NARAVARD_TYPEGEN_DIR: relativeScratch,
    });
    expect(generate.code, `typegen generate failed:\n${generate.stderr.slice(-4000)}`).toBe(0);
  }, 180_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('src/lib/sanity.schema.json matches the schema', () => {
    const fresh = readFileSync(scratchSchema, 'utf8');
    expect(
      readFileSync(committedSchema, 'utf8') === fresh,
      `src/lib/sanity.schema.json ${STALE}`,
    ).toBe(true);
  });

  it('src/lib/sanity.types.ts matches the schema and the queries', () => {
    // The generated header names the schema file it read; only that line may differ.
    const fresh = readFileSync(join(scratch, 'sanity.types.ts'), 'utf8').replaceAll(
      relativeSchema,
      '../src/lib/sanity.schema.json',
    );
    const committed = readFileSync(committedTypes, 'utf8');
    if (committed !== fresh) {
      // Show where, not just that: the first differing line.
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const line = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i).find(
        (index) => a[index] !== b[index],
      )!;
      expect.fail(
        `src/lib/sanity.types.ts ${STALE}. First difference at line ${line + 1}:\n` +
          `  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`,
      );
    }
    expect(committed).toBe(fresh);
  });
});

// The committed schema extract (src/lib/sanity.schema.json) is what `sanity schema extract`
// writes for the current schema types. The build reads the allowed targets of every
// reference field from it (src/lib/rules/reference-targets.ts), so a stale extract would let
// the build and the Studio disagree. Extracted into a scratch directory inside the repository.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceTargetsFromSchema } from '../../src/lib/rules/references.ts';
import { REFERENCE_TARGETS } from '../../src/lib/rules/reference-targets.ts';
import { repoRoot, runSanity, studioDir } from './support/sanity-cli.ts';

const committedSchema = join(repoRoot, 'src', 'lib', 'sanity.schema.json');
const STALE = 'is stale: run `npm run schema:extract` and commit src/lib/sanity.schema.json';

describe('the committed schema extract is up to date', () => {
  mkdirSync(join(repoRoot, '.cache'), { recursive: true });
  const scratch = mkdtempSync(join(repoRoot, '.cache', 'schema-extract-'));
  const scratchSchema = join(scratch, 'sanity.schema.json');

  beforeAll(async () => {
    // A path relative to sanity/: `schema extract --path` joins even an absolute path onto
    // the working directory.
    const extract = await runSanity([
      'schema',
      'extract',
      '--enforce-required-fields',
      '--path',
      `${relative(studioDir, scratch)}/sanity.schema.json`,
    ]);
    expect(extract.code, `schema extract failed:\n${extract.stderr.slice(-4000)}`).toBe(0);
  }, 180_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('src/lib/sanity.schema.json matches the schema types', () => {
    const fresh = readFileSync(scratchSchema, 'utf8');
    expect(
      readFileSync(committedSchema, 'utf8') === fresh,
      `src/lib/sanity.schema.json ${STALE}`,
    ).toBe(true);
    // And so the build's reference targets are the ones the schema gives now.
    expect(REFERENCE_TARGETS).toEqual(referenceTargetsFromSchema(JSON.parse(fresh)));
  });
});

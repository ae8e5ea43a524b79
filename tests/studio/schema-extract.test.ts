// The committed schema extract (src/lib/sanity.schema.json) is what `npm run schema:extract`
// (`sanity schema extract --enforce-required-fields`) writes for the current schema types. The
// build reads the allowed targets of every reference field from it
// (src/lib/rules/reference-targets.ts), so a stale extract would let the build and the Studio
// disagree.
//
// The extract is made in-process, as schema-validate.test.ts validates: the very
// `extractSchema` the CLI's worker thread calls once it has loaded the workspace (the CLI's own
// copy of @sanity/schema, which can be newer than the Studio's), over the schema types compiled
// as the Studio compiles them, without the CLI's ~20 CPU s of start-up. Were a plugin ever to
// add types of its own, the file the CLI writes would hold them and this comparison would fail:
// the two can only disagree loudly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSchema } from 'sanity';
import { describe, expect, it } from 'vitest';
import { schemaTypes } from '../../sanity/schemaTypes/index.ts';
import { referenceTargetsFromSchema } from '../../src/lib/rules/references.ts';
import { REFERENCE_TARGETS } from '../../src/lib/rules/reference-targets.ts';
import { repoRoot } from './support/sanity-cli.ts';

/** @sanity/schema as `sanity schema extract` imports it: from @sanity/cli-build, inside @sanity/cli. */
function cliModule(specifier: string): string {
  const cli = createRequire(import.meta.url).resolve('@sanity/cli');
  const extractAction = createRequire(cli).resolve('@sanity/cli-build/_internal/extract');
  return pathToFileURL(createRequire(extractAction).resolve(specifier)).href;
}
const { extractSchema } = (await import(
  cliModule('@sanity/schema/_internal')
)) as typeof import('@sanity/schema/_internal');

const committedSchema = join(repoRoot, 'src', 'lib', 'sanity.schema.json');
const STALE = 'is stale: run `npm run schema:extract` and commit src/lib/sanity.schema.json';

/** What `sanity schema extract --enforce-required-fields` writes for `types`: indented JSON. */
function extractOf(types: readonly unknown[]): string {
  const schema = createSchema({ name: 'default', types: types as never });
  const extracted = extractSchema(schema as never, { enforceRequiredFields: true });
  return `${JSON.stringify(extracted, null, 2)}\n`;
}

describe('the committed schema extract is up to date', () => {
  it('src/lib/sanity.schema.json matches the schema types', () => {
    const fresh = extractOf(schemaTypes);
    expect(
      readFileSync(committedSchema, 'utf8') === fresh,
      `src/lib/sanity.schema.json ${STALE}`,
    ).toBe(true);
    // And so the build's reference targets are the ones the schema gives now.
    expect(REFERENCE_TARGETS).toEqual(referenceTargetsFromSchema(JSON.parse(fresh)));
  });

  it('(fails when a field is added and the extract is not written again)', () => {
    const [first, ...rest] = schemaTypes as unknown as { fields?: unknown[] }[];
    const changed = extractOf([
      { ...first, fields: [...(first?.fields ?? []), { name: 'tillagt', type: 'string' }] },
      ...rest,
    ]);
    expect(changed).toContain('"tillagt"');
    expect(changed).not.toBe(extractOf(schemaTypes));
  });
});

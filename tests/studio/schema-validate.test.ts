// The Studio's schema is one Sanity accepts, and its references point where the content
// model (docs/content-model.md) says they do.
//
// Sanity's schema validation runs in-process: `createSchema` runs the same validation that
// `sanity schema validate` reports (the CLI reads `schema._validation` of the workspace in a
// worker thread), without the CLI's 25 s of start-up. The Studio's configuration itself is
// loaded by `sanity build` (tests/support/studio-global-setup.ts) and `sanity dev`
// (studio-script.test.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createSchema, defineField, defineType } from 'sanity';
import { describe, expect, it } from 'vitest';
import { schemaTypes } from '../../sanity/schemaTypes/index.ts';
import { repoRoot, studioDir } from './support/sanity-cli.ts';
import { STUDIO_ONLY_TYPES } from '../../src/lib/rules/documents.ts';

/** Sanity's schema problems (errors and warnings) for `types`, as "type · message" lines. */
function schemaProblems(types: unknown[]): string[] {
  const schema = createSchema({ name: 'default', types: types as never });
  return (schema._validation ?? []).flatMap((group) =>
    group.problems.map(
      (problem) =>
        `${group.path.map((segment) => segment.name ?? segment.kind).join(' > ')} · ` +
        `${problem.severity}: ${problem.message}`,
    ),
  );
}

describe('Sanity’s schema validation', () => {
  it('accepts the schema with no errors and no warnings', () => {
    expect(schemaTypes.length).toBeGreaterThan(9);
    expect(schemaProblems(schemaTypes)).toEqual([]);
  });

  it('(reports a problem in a schema that has one)', () => {
    const broken = defineType({
      name: 'brokenForTest',
      type: 'document',
      fields: [defineField({ name: 'ref', type: 'reference', to: [{ type: 'noSuchType' }] })],
    });
    expect(schemaProblems([...schemaTypes, broken]).join('\n')).toMatch(/noSuchType/);
  });
});

type Node = {
  type: string;
  name?: string;
  of?: Node | Node[];
  rest?: Node;
  attributes?: Record<string, { value: Node }>;
  value?: Node;
};
type SchemaEntry = {
  name: string;
  type: 'document' | 'type';
  attributes?: Record<string, { value: Node }>;
  value?: Node;
};

/** Every reference field of a document type, as "field.sub[]" → target types, through inline object types. */
function referenceFields(schema: SchemaEntry[], typeName: string): Record<string, string[]> {
  const byName = new Map(schema.map((entry) => [entry.name, entry]));
  const found: Record<string, string[]> = {};
  const add = (path: string, target: string) => {
    found[path] = [...new Set([...(found[path] ?? []), target])].sort();
  };
  const walk = (node: Node | undefined, path: string, seen: Set<string>) => {
    if (!node) return;
    if (node.type === 'inline' && node.name) {
      if (node.name.endsWith('.reference'))
        return add(path, node.name.slice(0, -'.reference'.length));
      if (seen.has(node.name)) return;
      const entry = byName.get(node.name);
      return walk(entry?.value, path, new Set([...seen, node.name]));
    }
    if (node.type === 'array') return walk(node.of as Node, `${path}[]`, seen);
    if (node.type === 'union')
      return (node.of as Node[]).forEach((member) => walk(member, path, seen));
    if (node.type === 'object') {
      for (const [field, attribute] of Object.entries(node.attributes ?? {})) {
        walk(attribute.value, path ? `${path}.${field}` : field, seen);
      }
      walk(node.rest, path, seen);
    }
  };
  const entry = byName.get(typeName);
  if (!entry) throw new Error(`No type ${typeName} in the extracted schema`);
  walk({ type: 'object', attributes: entry.attributes ?? {} }, '', new Set([typeName]));
  return found;
}

describe('references point at the types the content model names', () => {
  const schema = JSON.parse(
    readFileSync(join(repoRoot, 'src', 'lib', 'sanity.schema.json'), 'utf8'),
  ) as SchemaEntry[];
  const sources = { 'sources[]': ['kalla'] };
  const themes = { 'themes[]': ['tema'] };
  const regions = { 'regions[]': ['region'] };
  // A link in running text may point at any page of the site.
  const everyType = [
    'delprojekt',
    'dokument',
    'handelse',
    'kalla',
    'kontaktperson',
    'malbild',
    'programme',
    'region',
    'tema',
  ];
  const body = { 'body[].markDefs[].reference': everyType };
  const expected: Record<string, Record<string, string[]>> = {
    kalla: { publisherRegion: ['region'] },
    region: { parent: ['region'], 'description[].markDefs[].reference': everyType, ...sources },
    tema: { ...sources },
    programme: {
      ...body,
      ...regions,
      malbild: ['malbild'],
      ...themes,
      'contacts[]': ['kontaktperson'],
      'documents[]': ['dokument'],
      ...sources,
    },
    malbild: { ...body, ...regions, sourceDocument: ['dokument'], ...themes, ...sources },
    delprojekt: {
      ...body,
      programme: ['programme'],
      ...themes,
      'contacts[]': ['kontaktperson'],
      'documents[]': ['dokument'],
      ...sources,
    },
    kontaktperson: { ...regions, ...sources },
    dokument: {
      'attachment.file.asset': ['sanity.fileAsset'],
      publisherRegion: ['region'],
      programme: ['programme'],
      delprojekt: ['delprojekt'],
      ...themes,
      ...sources,
    },
    handelse: {
      ...regions,
      programme: ['programme'],
      delprojekt: ['delprojekt'],
      'documents[]': ['dokument'],
      ...sources,
    },
  };

  it('has exactly the nine document types of the content model, besides the Studio-only ones', () => {
    const documentTypes = schema
      .filter(
        (entry) =>
          entry.type === 'document' &&
          !entry.name.startsWith('sanity.') &&
          !(STUDIO_ONLY_TYPES as readonly string[]).includes(entry.name),
      )
      .map((entry) => entry.name)
      .sort();
    expect(documentTypes).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', (typeName, references) => {
    expect(referenceFields(schema, typeName)).toEqual(references);
  });
});

describe('Studio source', () => {
  // Since @sanity/icons 5 the root entry exports no icons (typed `never`, so tsc is
  // silent) and `sanity build` fails on them: every icon comes from its own subpath.
  it('imports icons from their @sanity/icons subpaths, never the root entry', () => {
    const files: string[] = [];
    const collect = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (['node_modules', 'dist', '.sanity'].includes(name)) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) collect(path);
        else if (/\.(ts|tsx)$/.test(name)) files.push(path);
      }
    };
    collect(studioDir);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) =>
      /from\s+['"]@sanity\/icons['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(repoRoot, file))).toEqual([]);
  });
});

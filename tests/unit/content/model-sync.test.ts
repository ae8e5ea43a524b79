// The build's document checks (src/lib/content/documents.ts) stay in step with the Studio
// schema (sanity/schemaTypes/), the content model's source of truth: the same document types
// and the same fields. The reference targets are not a second table: the build reads them
// from the extracted schema (src/lib/rules/reference-targets.ts); here they are checked
// against the live schema types, path by path.
import { describe, expect, it } from 'vitest';
import { documentTypes, objectTypes } from '../../../sanity/schemaTypes/index.ts';
import { documentSchemas } from '../../../src/lib/content/documents.ts';
import { REFERENCE_TARGETS } from '../../../src/lib/rules/reference-targets.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../../../src/lib/content/schemas.ts';

interface ArrayMember {
  type: string;
  to?: Array<{ type: string }>;
  marks?: { annotations?: Array<{ fields?: SanityField[] }> };
}

interface SanityField {
  name: string;
  type: string;
  to?: Array<{ type: string }>;
  of?: ArrayMember[];
  fields?: SanityField[];
}

const byName = new Map<string, { name: string; fields?: SanityField[]; of?: ArrayMember[] }>(
  [...documentTypes, ...objectTypes].map((type) => [
    type.name,
    type as unknown as { name: string; fields?: SanityField[]; of?: ArrayMember[] },
  ]),
);

function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { shape: Record<string, unknown> }).shape;
  return Object.keys(shape)
    .filter((key) => !key.startsWith('_'))
    .sort();
}

/** Reference paths of a type as the rules name them (`regions[]`, `decision.document`). */
function referenceTargets(fields: SanityField[], prefix = '', into: Record<string, string[]> = {}) {
  for (const field of fields) {
    const path = prefix === '' ? field.name : `${prefix}.${field.name}`;
    if (field.type === 'reference')
      into[path] = (field.to ?? []).map((target) => target.type).sort();
    for (const member of field.of ?? [])
      if (member.type === 'reference')
        into[`${path}[]`] = (member.to ?? []).map((target) => target.type).sort();
    const named = byName.get(field.type);
    if (named && named.name !== field.name) referenceTargets(named.fields ?? [], path, into);
    // Portable Text: references in the annotations of its blocks (`body[].markDefs[].reference`).
    for (const member of [...(field.of ?? []), ...(named?.of ?? [])])
      for (const annotation of member.marks?.annotations ?? [])
        referenceTargets(annotation.fields ?? [], `${path}[].markDefs[]`, into);
    if (field.fields) referenceTargets(field.fields, path, into);
  }
  return into;
}

describe('the build checks and the Studio schema', () => {
  it('know the same document types', () => {
    expect(documentTypes.map((type) => type.name).sort()).toEqual([...DOCUMENT_TYPES].sort());
  });

  it.each(DOCUMENT_TYPES.map((type) => [type]))('%s has the same fields', (type) => {
    const sanityFields = (byName.get(type)?.fields ?? []).map((field) => field.name).sort();
    expect(shapeKeys(documentSchemas[type as DocumentType])).toEqual(sanityFields);
  });

  it.each(DOCUMENT_TYPES.map((type) => [type]))('%s references the same types', (type) => {
    const fromSanity = referenceTargets(byName.get(type)?.fields ?? []);
    expect(Object.keys(fromSanity).length).toBeGreaterThan(0);
    expect(REFERENCE_TARGETS[type]).toEqual(fromSanity);
  });

  it.each([['period'], ['financing'], ['decision'], ['malbildPart'], ['attachment']])(
    'object %s has the same fields',
    (name) => {
      const sanityFields = (byName.get(name)?.fields ?? []).map((field) => field.name).sort();
      expect(sanityFields.length).toBeGreaterThan(0);
      const programme = documentSchemas.programme.shape;
      const schemaByName: Record<string, unknown> = {
        period: programme.period.unwrap(),
        financing: programme.financing.unwrap(),
        decision: documentSchemas.malbild.shape.decision.unwrap(),
        malbildPart: documentSchemas.malbild.shape.parts.unwrap().element,
        attachment: documentSchemas.dokument.shape.attachment.unwrap(),
      };
      expect(shapeKeys(schemaByName[name])).toEqual(sanityFields);
    },
  );
});

// The build's document checks (src/lib/content/documents.ts) stay in step with the Studio
// schema (sanity/schemaTypes/), the content model's source of truth: the same document types,
// the same fields, and the same allowed reference targets.
import { describe, expect, it } from 'vitest';
import { documentTypes, objectTypes } from '../../../sanity/schemaTypes/index.ts';
import { REFERENCE_TARGETS, documentSchemas } from '../../../src/lib/content/documents.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../../../src/lib/content/schemas.ts';

interface SanityField {
  name: string;
  type: string;
  to?: Array<{ type: string }>;
  of?: Array<{ type: string; to?: Array<{ type: string }> }>;
  fields?: SanityField[];
}

const byName = new Map<string, { name: string; fields: SanityField[] }>(
  [...documentTypes, ...objectTypes].map((type) => [
    type.name,
    type as unknown as { name: string; fields: SanityField[] },
  ]),
);

function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { shape: Record<string, unknown> }).shape;
  return Object.keys(shape)
    .filter((key) => !key.startsWith('_'))
    .sort();
}

function referenceTargets(field: SanityField): string[] | undefined {
  if (field.type === 'reference') return (field.to ?? []).map((target) => target.type).sort();
  const member = field.of?.find((item) => item.type === 'reference');
  return member ? (member.to ?? []).map((target) => target.type).sort() : undefined;
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
    const fromSanity: Record<string, string[]> = {};
    for (const field of byName.get(type)?.fields ?? []) {
      const targets = referenceTargets(field);
      if (targets) fromSanity[field.name] = targets;
    }
    const fromBuild = Object.fromEntries(
      Object.entries(REFERENCE_TARGETS[type as DocumentType]).map(([field, targets]) => [
        field,
        [...targets].sort(),
      ]),
    );
    expect(fromBuild).toEqual(fromSanity);
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

// The reference targets of the current schema, from the committed extract. A test
// (tests/unit/rules/schema-extract.test.ts) extracts the schema again and fails when this
// file is stale.
import schema from '../sanity.schema.json' with { type: 'json' };
import { referenceTargetsFromSchema, type ReferenceTargets } from './references.ts';

export const REFERENCE_TARGETS: ReferenceTargets = referenceTargetsFromSchema(
  schema as Parameters<typeof referenceTargetsFromSchema>[0],
);

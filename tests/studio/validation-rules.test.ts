// One offline `sanity documents validate` run over valid documents and one broken copy
// per rule; each rule's test then reads its document's markers from that single report.
//
// Not covered here because the check needs the Content Lake (offline it ends in "fetch
// failed", or aborts the whole run): slug uniqueness per type, the existence of referenced
// documents, and region cycles beyond "parent is itself". validation-functions.test.ts
// tests the functions behind slug uniqueness and cycles directly; reference existence is
// Sanity's own check. Reference target types are checked against the extracted schema in
// schema-validate.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDocs, ruleCases } from './support/rule-fixtures.ts';
import {
  isOfflineSlugUniquenessError,
  validateFile,
  type DocumentReport,
  type ValidationMarker,
} from './support/sanity-cli.ts';

const workDir = mkdtempSync(join(tmpdir(), 'naravard-rules-'));
let reports: Map<string, DocumentReport>;

function markersFor(id: string): ValidationMarker[] {
  return reports.get(id)?.markers ?? [];
}

function samePath(a: ValidationMarker['path'], b: ValidationMarker['path']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe('the Studio rejects each broken document with its rule’s Swedish message', () => {
  beforeAll(async () => {
    const docs = [...Object.values(baseDocs), ...ruleCases.map((c) => c.doc)];
    const ids = docs.map((doc) => doc._id);
    expect(new Set(ids).size, 'fixture ids are unique').toBe(ids.length);
    const file = join(workDir, 'rules.ndjson');
    writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
    const list = await validateFile(file);
    reports = new Map(list.map((report) => [report.documentId, report]));
  }, 180_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it.each(Object.values(baseDocs).map((doc) => [doc._id, doc] as const))(
    'valid %s gets no error and no warning (offline slug uniqueness aside)',
    (id) => {
      const problems = markersFor(id).filter(
        (marker) => marker.level !== 'info' && !isOfflineSlugUniquenessError(marker),
      );
      expect(problems).toEqual([]);
    },
  );

  it.each(ruleCases.map((c) => [c.rule, c] as const))('%s', (_rule, ruleCase) => {
    const level = ruleCase.cliLevel ?? 'error';
    const markers = markersFor(ruleCase.doc._id);
    const match = markers.find(
      (marker) =>
        marker.level === level &&
        samePath(marker.path, ruleCase.path) &&
        marker.message.includes(ruleCase.message),
    );
    expect(
      match,
      `${ruleCase.doc._id}: expected ${level} at ${JSON.stringify(ruleCase.path)} containing ` +
        `"${ruleCase.message}", got ${JSON.stringify(markers, null, 2)}`,
    ).toBeDefined();
    // The copy breaks exactly one rule: nothing else may be wrong with it. (A rule may
    // report on several items, as unique() does on each duplicate; same message, same rule.)
    const others = markers.filter(
      (marker) =>
        marker.level !== 'info' &&
        marker.message !== match?.message &&
        !isOfflineSlugUniquenessError(marker) &&
        !(ruleCase.also ?? []).some(
          (also) => samePath(marker.path, also.path) && marker.message.includes(also.message),
        ),
    );
    expect(others).toEqual([]);
  });
});

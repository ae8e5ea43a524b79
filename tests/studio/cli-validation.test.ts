// One offline `sanity documents validate` run (the Sanity CLI, as an editor's team would run it
// in CI) over the embedded dataset, valid documents of every type, and one broken copy per
// rule; the tests then read their documents' markers from that single report. The CLI takes
// ~25 s of CPU to start, so the suite runs it once; the same rules are compared with the build
// check in-process, over many more documents, in agreement.test.ts.
//
// Offline, every slug's uniqueness check needs the Content Lake and fails with "fetch failed";
// exactly those errors are set aside, and slug uniqueness per type is checked on the embedded
// dataset directly, with the same notion of "same slug" as the rule. Not covered here because
// the check needs the Content Lake (offline it ends in "fetch failed", or aborts the whole run):
// the existence of referenced documents and region cycles beyond "parent is itself";
// validation-functions.test.ts tests the functions behind slug uniqueness and cycles directly,
// and agreement.test.ts runs them against a stand-in Content Lake. Reference target types are
// checked against the extracted schema in schema-validate.test.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNdjson } from '../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../src/lib/content/integrity.ts';
import { baseDocs, ruleCases } from './support/rule-fixtures.ts';
import {
  isOfflineSlugUniquenessError,
  repoRoot,
  validateFile,
  type DocumentReport,
  type ValidationMarker,
} from './support/sanity-cli.ts';

const datasetFile = join(repoRoot, 'content', 'dataset', 'data.ndjson');
const workDir = mkdtempSync(join(tmpdir(), 'naravard-cli-validation-'));
const ruleDocs = [...Object.values(baseDocs), ...ruleCases.map((c) => c.doc)];

type DatasetDocument = { _id: string; _type: string; slug?: { current?: string } };
let datasetDocuments: DatasetDocument[];
let datasetReports: DocumentReport[];
let reports: Map<string, DocumentReport>;

beforeAll(async () => {
  if (!existsSync(datasetFile)) {
    throw new Error(`The embedded dataset is missing: expected ${datasetFile}`);
  }
  const datasetText = readFileSync(datasetFile, 'utf8');
  datasetDocuments = datasetText
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DatasetDocument);
  const ids = [...datasetDocuments, ...ruleDocs].map((doc) => doc._id);
  expect(new Set(ids).size, 'document ids are unique across the dataset and the rule cases').toBe(
    ids.length,
  );
  const file = join(workDir, 'cli-validation.ndjson');
  writeFileSync(
    file,
    datasetText.trimEnd() + '\n' + ruleDocs.map((doc) => JSON.stringify(doc)).join('\n') + '\n',
  );
  const list = await validateFile(file);
  reports = new Map(list.map((report) => [report.documentId, report]));
  const datasetIds = new Set(datasetDocuments.map((doc) => doc._id));
  datasetReports = list.filter((report) => datasetIds.has(report.documentId));
}, 300_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function markersFor(id: string): ValidationMarker[] {
  return reports.get(id)?.markers ?? [];
}

function samePath(a: ValidationMarker['path'], b: ValidationMarker['path']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type Flat = { documentId: string; level: string; path: string; message: string };

function flatten(reports: DocumentReport[]): Flat[] {
  return reports.flatMap((report) =>
    report.markers.map((marker) => ({
      documentId: report.documentId,
      level: marker.level,
      path: JSON.stringify(marker.path),
      message: marker.message,
    })),
  );
}

describe('the embedded dataset passes the Studio’s validation', () => {
  it('has no validation errors apart from the offline slug uniqueness checks', () => {
    const errors = datasetReports.flatMap((report) =>
      report.markers
        .filter((marker) => marker.level === 'error' && !isOfflineSlugUniquenessError(marker))
        .map((marker) => ({ ...marker, documentId: report.documentId })),
    );
    expect(errors).toEqual([]);
  });

  it('has the warnings the build check reports, with the same messages, and no others', () => {
    const fromCli = flatten(datasetReports)
      .filter((marker) => marker.level === 'warning')
      .map((marker) => `${marker.documentId} · ${marker.message}`)
      .sort();
    const fromBuild = checkIntegrity(parseNdjson(readFileSync(datasetFile, 'utf8')).documents)
      .problems.filter((problem) => problem.severity === 'warning')
      .map((problem) => `${problem.id} · ${problem.message}`)
      .sort();
    expect(fromCli).toEqual(fromBuild);
  });

  it('sets aside only the slug uniqueness errors, one per document with a slug', () => {
    const withSlug = datasetDocuments
      .filter((doc) => doc.slug?.current)
      .map((doc) => doc._id)
      .sort();
    const setAside = datasetReports
      .filter((report) => report.markers.some(isOfflineSlugUniquenessError))
      .map((report) => report.documentId)
      .sort();
    // If this fails with fewer ids, the CLI reached an API after all, or skipped documents.
    expect(setAside).toEqual(withSlug);
  });

  it('has unique slugs within each document type', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const doc of datasetDocuments) {
      const current = doc.slug?.current;
      if (!current) continue;
      const key = `${doc._type}/${current}`;
      const other = seen.get(key);
      if (other) duplicates.push(`${key}: ${other} and ${doc._id}`);
      else seen.set(key, doc._id);
    }
    expect(duplicates).toEqual([]);
  });
});

describe('the Studio rejects each broken document with its rule’s Swedish message', () => {
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

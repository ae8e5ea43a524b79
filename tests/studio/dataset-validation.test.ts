// The embedded dataset passes the Studio's own rules, checked offline by the Sanity CLI.
// Offline, every slug's uniqueness check needs the Content Lake and fails with "fetch
// failed"; exactly those errors are set aside. Slug uniqueness per type is instead
// checked here directly on the file, with the same notion of "same slug" as the rule.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNdjson } from '../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../src/lib/content/integrity.ts';
import {
  isOfflineSlugUniquenessError,
  repoRoot,
  validateFile,
  type DocumentReport,
} from './support/sanity-cli.ts';

const datasetFile = join(repoRoot, 'content', 'dataset', 'data.ndjson');

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
  let reports: DocumentReport[];

  beforeAll(async () => {
    if (!existsSync(datasetFile)) {
      throw new Error(`The embedded dataset is missing: expected ${datasetFile}`);
    }
    reports = await validateFile(datasetFile);
  }, 180_000);

  it('has no validation errors apart from the offline slug uniqueness checks', () => {
    const errors = reports.flatMap((report) =>
      report.markers
        .filter((marker) => marker.level === 'error' && !isOfflineSlugUniquenessError(marker))
        .map((marker) => ({ ...marker, documentId: report.documentId })),
    );
    expect(errors).toEqual([]);
  });

  it('has the warnings the build check reports, with the same messages, and no others', () => {
    const fromCli = flatten(reports)
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
    const documents = readFileSync(datasetFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { _id: string; slug?: { current?: string } });
    const withSlug = documents
      .filter((doc) => doc.slug?.current)
      .map((doc) => doc._id)
      .sort();
    const setAside = reports
      .filter((report) => report.markers.some(isOfflineSlugUniquenessError))
      .map((report) => report.documentId)
      .sort();
    // If this fails with fewer ids, the CLI reached an API after all, or skipped documents.
    expect(setAside).toEqual(withSlug);
  });

  it('has unique slugs within each document type', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const line of readFileSync(datasetFile, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const doc = JSON.parse(line) as { _id: string; _type: string; slug?: { current?: string } };
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

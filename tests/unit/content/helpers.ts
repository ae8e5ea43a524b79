// Helpers for the content unit tests: fresh copies of the minimal fixture, broken one rule at a time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNdjson, type RawDocument } from '../../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../../src/lib/content/integrity.ts';
import { formatProblem, type ContentProblem } from '../../../src/lib/content/problems.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURE_DIR = path.join(REPO, 'tests', 'fixtures', 'minimal');
export const EMBEDDED_DIR = path.join(REPO, 'content', 'dataset');

const fixtureText = readFileSync(path.join(FIXTURE_DIR, 'data.ndjson'), 'utf8');

export function fixture(): RawDocument[] {
  return parseNdjson(fixtureText).documents;
}

/** The fixture with `change` applied to the document `id` (mutate it, or return a replacement). */
export function breaking(
  id: string,
  change: (document: RawDocument) => RawDocument | void,
): RawDocument[] {
  return fixture().map((document) =>
    document._id === id ? (change(document) ?? document) : document,
  );
}

export function problems(
  documents: RawDocument[],
  severity?: ContentProblem['severity'],
): string[] {
  return checkIntegrity(documents)
    .problems.filter((problem) => severity === undefined || problem.severity === severity)
    .map(formatProblem);
}

export function errors(documents: RawDocument[]): string[] {
  return problems(documents, 'error');
}

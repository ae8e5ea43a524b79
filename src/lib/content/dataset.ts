// Reads a Sanity export folder (what `sanity dataset export` writes, unpacked): `data.ndjson`,
// one document per line. A line that is not a document becomes a problem with its line
// number; reading goes on, so one run reports every broken line.
import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LIMITS } from './limits.ts';
import type { ContentProblem } from './problems.ts';

export const DATASET_FILE = 'data.ndjson';
export const DEFAULT_CONTENT_DIR = 'content/dataset';

/** A document as stored: `_id` and `_type` are all that is known before the integrity checks. */
export interface RawDocument {
  _id: string;
  _type: string;
  [field: string]: unknown;
}

export interface ParsedDataset {
  /** The file read (absolute path), for messages. */
  file: string;
  documents: RawDocument[];
  problems: ContentProblem[];
}

/** The export folder: `CONTENT_DIR` if set (relative to `cwd`), else `content/dataset/`. */
export function resolveContentDir(
  env: { CONTENT_DIR?: string | undefined } = process.env,
  cwd = process.cwd(),
): string {
  const dir = env['CONTENT_DIR']?.trim();
  return path.resolve(cwd, dir ? dir : DEFAULT_CONTENT_DIR);
}

/** Parses NDJSON text; `fileLabel` names the file in problems (`data.ndjson:12`). */
export function parseNdjson(text: string, fileLabel = DATASET_FILE): Omit<ParsedDataset, 'file'> {
  const documents: RawDocument[] = [];
  const problems: ContentProblem[] = [];
  // A byte order mark (as some editors save) is not part of the first document.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const id = `${fileLabel}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({
        id,
        path: '',
        message: `Raden är inte giltig JSON: ${(error as Error).message}`,
        severity: 'error',
      });
      return;
    }
    const problem = documentShapeProblems(value, id, ` (rad ${index + 1})`);
    if (problem.length > 0) problems.push(...problem);
    else documents.push(value as RawDocument);
  });
  return { documents, problems };
}

/**
 * Problems with a value that should be a document: not an object, or no string `_id` / `_type`.
 * `where` names it when it has no `_id`; `note` is added to each message (the line number).
 */
export function documentShapeProblems(value: unknown, where: string, note = ''): ContentProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [
      {
        id: where,
        path: '',
        message: 'Raden är inget dokument (ett JSON-objekt).',
        severity: 'error',
      },
    ];
  }
  const record = value as Record<string, unknown>;
  const missing = ['_id', '_type'].filter(
    (key) => typeof record[key] !== 'string' || record[key] === '',
  );
  const who = typeof record['_id'] === 'string' && record['_id'] !== '' ? record['_id'] : where;
  return missing.map((key) => ({
    id: who,
    path: key,
    message:
      record[key] === undefined
        ? `Fältet saknas${note}: varje dokument behöver _id och _type.`
        : `Fältet ska vara en text som inte är tom${note}.`,
    severity: 'error',
  }));
}

/** Reads `<dir>/data.ndjson`. A missing file is a problem, not a throw. */
export async function readDataset(dir: string = resolveContentDir()): Promise<ParsedDataset> {
  const file = path.join(dir, DATASET_FILE);
  let bytes: Buffer;
  try {
    const { size } = await stat(file);
    if (size > LIMITS.datasetBytes)
      throw new Error(
        `${size.toLocaleString('en')} bytes, more than the limit of ${LIMITS.datasetBytes.toLocaleString('en')}`,
      );
    bytes = await readFile(file);
  } catch (error) {
    return {
      file,
      documents: [],
      problems: [
        {
          id: file,
          path: '',
          message: `Datamängden kan inte läsas: ${(error as Error).message}`,
          severity: 'error',
        },
      ],
    };
  }
  // Name the file relative to the working directory when it lies inside it.
  const relative = path.relative(process.cwd(), file);
  const label =
    relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  const parsed = parseNdjson(new TextDecoder().decode(bytes), label);
  // Bytes that are not UTF-8 would silently become U+FFFD in the site: each such line is named.
  if (!isUtf8(bytes)) {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      const end = bytes.indexOf(0x0a, start) === -1 ? bytes.length : bytes.indexOf(0x0a, start);
      try {
        fatal.decode(bytes.subarray(start, end));
      } catch {
        parsed.problems.push({
          id: `${label}:${line}`,
          path: '',
          message: `Raden är inte giltig UTF-8 (rad ${line}): spara filen som UTF-8.`,
          severity: 'error',
        });
      }
      start = end + 1;
    }
  }
  return { file, ...parsed };
}

// The one content source switch.
// - local (default): groq-js over the embedded dataset (`CONTENT_DIR` or content/dataset/),
//   no network, no account. The whole dataset passes integrity.ts before any query runs.
// - remote: a Sanity project's Content Lake, when both SANITY_PROJECT_ID and SANITY_DATASET are
//   set. Published perspective, no CDN, a pinned API version (the @sanity/client configuration
//   below). One request (lake-answer.ts: redirects refused, the answer's size limited while it
//   streams in) fetches a snapshot of every published document; from there on it is the local path: the
//   same integrity checks, and every query answered by groq-js over that snapshot. A build
//   therefore checks and renders one consistent state of the dataset, even while editors
//   publish.
// SANITY_TOKEN is read here, on the server, at build time only: it is never logged, never part
// of `describe`, and nothing in src/ outside this file reads it.
import { createClient, type SanityClient } from '@sanity/client';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { digestOf, digestOfData } from '../build-cache.ts';
import {
  DATASET_FILE,
  documentShapeProblems,
  readDataset,
  resolveContentDir,
  type RawDocument,
} from './dataset.ts';
import { assertIntegrity, isDraftId, type IntegrityReport } from './integrity.ts';
import { indexedDataset, type IndexedDataset } from './indexed-groq.ts';
import type { ContentProblem } from './problems.ts';
import { fetchQueryResult, formatBytes } from './lake-answer.ts';
import { LIMITS } from './limits.ts';
import { SNAPSHOT_QUERY } from './queries.ts';
import {
  ContentSourceError,
  DEFAULT_RETRY_POLICY,
  withRetries,
  type RetryPolicy,
} from './retry.ts';

/** The Content Lake API version every query is pinned to. */
export { SANITY_API_VERSION } from '../rules/api-version.ts';
import { SANITY_API_VERSION } from '../rules/api-version.ts';

export interface SourceEnv {
  CONTENT_DIR?: string | undefined;
  SANITY_PROJECT_ID?: string | undefined;
  SANITY_DATASET?: string | undefined;
  /** Another API host, e.g. `http://127.0.0.1:4010` for the tests' loopback stand-in. */
  SANITY_API_HOST?: string | undefined;
  /** A read token for a private dataset. Server-side only. */
  SANITY_TOKEN?: string | undefined;
  /** `published` (default) or `drafts`: only editors' preview builds (scripts/build-preview.ts). */
  SANITY_PERSPECTIVE?: string | undefined;
  /** The most megabytes (MiB) the Content Lake's answer may have; default LIMITS.answerBytes. */
  SANITY_MAX_ANSWER_MB?: string | undefined;
}

export type SourceKind = 'local' | 'remote';

export type QueryParams = Record<string, unknown>;

export interface ContentSource {
  kind: SourceKind;
  /** The local source's `data.ndjson` (for the dev server's watcher); undefined for remote. */
  file?: string;
  /** Where the content comes from, for logs (never contains the token). */
  describe: string;
  /** Runs a GROQ query (after the integrity checks have passed) and returns its result. */
  fetch<T = unknown>(query: string, params?: QueryParams): Promise<T>;
  /**
   * Runs the integrity checks once (memoised) and returns the report: throws a
   * ContentValidationError when there are errors. Warnings and infos are in `problems`.
   */
  validate(): Promise<IntegrityReport>;
  /**
   * A digest of every document the source holds, as read (the embedded dataset's bytes; the
   * published documents the Content Lake returns): what the content check's result is cached by.
   * Undefined when the documents cannot be read (the check fails on that, and nothing is kept).
   */
  fingerprint(): Promise<string | undefined>;
}

function value(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}

/** `remote` only when both SANITY_PROJECT_ID and SANITY_DATASET are set (and not blank). */
export function sourceKind(env: SourceEnv = process.env): SourceKind {
  return value(env.SANITY_PROJECT_ID) && value(env.SANITY_DATASET) ? 'remote' : 'local';
}

/** A loopback or IP-literal API host cannot carry the `{projectId}.` sub-domain. */
function usesProjectHostname(apiHost: string | undefined): boolean {
  if (!apiHost) return true;
  const { hostname } = new URL(apiHost);
  return !(hostname === 'localhost' || /^[\d.]+$/.test(hostname) || hostname.startsWith('['));
}

/**
 * The remote source's perspective: `published`, or `drafts` (drafts overlaid on published
 * documents) for a preview build. Drafts are never public, so `drafts` needs a Sanity project
 * and a read token.
 */
export function contentPerspective(env: SourceEnv = process.env): 'published' | 'drafts' {
  const perspective = value(env.SANITY_PERSPECTIVE) ?? 'published';
  if (perspective !== 'published' && perspective !== 'drafts') {
    throw new Error(`SANITY_PERSPECTIVE must be "published" or "drafts", not "${perspective}"`);
  }
  if (perspective === 'drafts' && (sourceKind(env) !== 'remote' || !value(env.SANITY_TOKEN))) {
    throw new Error(
      'SANITY_PERSPECTIVE=drafts (a preview build) needs SANITY_PROJECT_ID, SANITY_DATASET and a read token in SANITY_TOKEN',
    );
  }
  return perspective;
}

export function createContentSource(
  env: SourceEnv = process.env,
  cwd = process.cwd(),
): ContentSource {
  contentPerspective(env);
  return sourceKind(env) === 'remote'
    ? createRemoteSource(env)
    : createLocalSource(resolveContentDir(env, cwd));
}

// ---------------------------------------------------------------------------
// Local: groq-js over an export folder

interface CheckedSnapshot {
  report: IntegrityReport;
  dataset: IndexedDataset;
}

/**
 * Both sources' path from documents to answers: the integrity checks over every document
 * (throws a ContentValidationError listing the errors), then an index for groq-js.
 */
function checkSnapshot(
  documents: RawDocument[],
  problems: ContentProblem[],
  errorTitle: string,
): CheckedSnapshot {
  const report = assertIntegrity(documents, problems, errorTitle);
  // Queries see what the published perspective would: no drafts, but the asset documents
  // (so `file.asset->url` resolves).
  const dataset = indexedDataset(documents.filter((document) => !isDraftId(document._id)));
  return { report, dataset };
}

/** A source over a snapshot that `load` takes once. */
function snapshotSource(
  fields: Pick<ContentSource, 'kind' | 'describe' | 'file' | 'fingerprint'>,
  load: () => Promise<CheckedSnapshot>,
): ContentSource {
  let loaded: Promise<CheckedSnapshot> | undefined;
  const snapshot = () => (loaded ??= load());
  return {
    ...fields,
    async validate() {
      return (await snapshot()).report;
    },
    async fetch<T>(query: string, params: QueryParams = {}): Promise<T> {
      return (await snapshot()).dataset.query<T>(query, params);
    },
  };
}

export function createLocalSource(contentDir: string): ContentSource {
  return snapshotSource(
    {
      kind: 'local',
      file: path.join(contentDir, DATASET_FILE),
      describe: `embedded dataset ${contentDir}`,
      async fingerprint() {
        const bytes = await readFile(path.join(contentDir, DATASET_FILE)).catch(() => undefined);
        return bytes && digestOf('local', bytes);
      },
    },
    async () => {
      const { file, documents, problems } = await readDataset(contentDir);
      return checkSnapshot(documents, problems, `The embedded dataset ${file} has errors`);
    },
  );
}

// ---------------------------------------------------------------------------
// Remote: the Content Lake

export function createSanityClient(env: SourceEnv): SanityClient {
  const projectId = value(env.SANITY_PROJECT_ID);
  const dataset = value(env.SANITY_DATASET);
  if (!projectId || !dataset)
    throw new Error('A remote content source needs SANITY_PROJECT_ID and SANITY_DATASET');
  const apiHost = value(env.SANITY_API_HOST);
  const token = value(env.SANITY_TOKEN);
  // A token pasted with a line break inside cannot be sent as a header: every attempt would fail.
  if (token && !/^[\x21-\x7e]+$/.test(token))
    throw new Error(
      'SANITY_TOKEN holds a line break, space or other character a token cannot have: paste it again as one line',
    );
  return createClient({
    projectId,
    dataset,
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
    perspective: contentPerspective(env),
    // The snapshot request is made from this configuration by lake-answer.ts, retried by
    // retry.ts; the client's own retries stay off for anything else asked through it.
    maxRetries: 0,
    ...(apiHost ? { apiHost, useProjectHostname: usesProjectHostname(apiHost) } : {}),
    ...(token ? { token } : {}),
  });
}

/** The size limit of the Content Lake's answer, and how to raise it (for the message). */
export function answerLimit(env: SourceEnv): { maxBytes: number; raiseHint: string } {
  const setting = value(env.SANITY_MAX_ANSWER_MB);
  if (setting === undefined)
    return {
      maxBytes: LIMITS.answerBytes,
      raiseHint: `set SANITY_MAX_ANSWER_MB to more than ${LIMITS.answerBytes / (1024 * 1024)} to allow a larger one`,
    };
  const megabytes = Number(setting);
  if (!/^\d+(\.\d+)?$/.test(setting) || !(megabytes > 0))
    throw new Error(
      `SANITY_MAX_ANSWER_MB must be a number of megabytes (MiB) above 0, not "${setting}"`,
    );
  const maxBytes = Math.round(megabytes * 1024 * 1024);
  return {
    maxBytes,
    raiseHint: `SANITY_MAX_ANSWER_MB=${setting} sets it (${formatBytes(maxBytes)}): raise it to allow a larger one`,
  };
}

export function createRemoteSource(
  env: SourceEnv,
  retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY,
): ContentSource {
  const client = createSanityClient(env);
  const describe = `Sanity project ${value(env.SANITY_PROJECT_ID)}, dataset ${value(env.SANITY_DATASET)}${
    value(env.SANITY_API_HOST) ? ` at ${value(env.SANITY_API_HOST)}` : ''
  }${contentPerspective(env) === 'drafts' ? ' (drafts perspective)' : ''}`;
  const token = value(env.SANITY_TOKEN);
  const { maxBytes, raiseHint } = answerLimit(env);
  const fetchSnapshot = (): Promise<unknown> =>
    withRetries(
      (signal) => fetchQueryResult(client, SNAPSHOT_QUERY, { signal, maxBytes, raiseHint }),
      { what: 'the query for all published documents', describe, secrets: token ? [token] : [] },
      retryPolicy,
    );
  // Fetched once, for the fingerprint and the snapshot alike.
  let fetching: Promise<unknown> | undefined;
  const fetchedOnce = () => (fetching ??= fetchSnapshot());
  const fingerprint = async () => {
    const fetched = await fetchedOnce();
    try {
      return digestOf('remote', describe, digestOfData(fetched));
    } catch (error) {
      // Nested deeper than JSON.stringify can walk (~6,000 levels): the check refuses such a
      // document (the nesting limit), and a check that fails is not kept, so no key is needed.
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  };
  return snapshotSource({ kind: 'remote', describe, fingerprint }, async () => {
    const fetched = await fetchedOnce();
    if (!Array.isArray(fetched)) {
      throw new ContentSourceError(
        `Could not get content from ${describe}: the query for all documents did not return a list`,
        1,
      );
    }
    const documents: RawDocument[] = [];
    const problems: ContentProblem[] = [];
    fetched.forEach((value: unknown, index) => {
      const shape = documentShapeProblems(value, `(document ${index + 1})`);
      if (shape.length > 0) problems.push(...shape);
      else documents.push(value as RawDocument);
    });
    return checkSnapshot(documents, problems, `The content in ${describe} has errors`);
  });
}

// ---------------------------------------------------------------------------
// One source per build

const sources = new Map<string, ContentSource>();

/**
 * The memoised source for `env`: every collection of a build shares it, so the dataset is
 * read and checked once. Keyed by the settings that choose the source.
 */
export function getContentSource(env: SourceEnv = process.env, cwd = process.cwd()): ContentSource {
  const kind = sourceKind(env);
  const key =
    kind === 'remote'
      ? [
          'remote',
          env.SANITY_PROJECT_ID,
          env.SANITY_DATASET,
          env.SANITY_API_HOST,
          env.SANITY_TOKEN ? 'token' : '',
          contentPerspective(env),
          env.SANITY_MAX_ANSWER_MB,
        ].join('|')
      : ['local', resolveContentDir(env, cwd)].join('|');
  let source = sources.get(key);
  if (!source) {
    source = createContentSource(env, cwd);
    sources.set(key, source);
  }
  return source;
}

/** Forgets the memoised sources, so the next getContentSource reads and checks the content again. */
export function resetContentSources(): void {
  sources.clear();
}

// A loopback stand-in of the Sanity Content Lake HTTP query API, for tests: no account, no
// network. It answers what @sanity/client sends for `client.fetch(query, params)`:
//
//   GET  /v{apiVersion}/data/query/{dataset}?query=…&$name=<JSON>&perspective=published
//   POST /v{apiVersion}/data/query/{dataset}?perspective=published   body {"query", "params"}
//
// with `{ ms, query, result }` computed by groq-js over the given documents. Point the client
// at it with `apiHost: lake.apiHost, useProjectHostname: false` (source.ts does that for any
// loopback SANITY_API_HOST); the client then sends the project id as X-Sanity-Project-ID.
//
// Content push and pull (scripts/content/) also use the write side, as the real API answers it:
//
//   POST /v{apiVersion}/data/mutate/{dataset}         transactions (all or nothing), see mutateRoute
//   GET  /v{apiVersion}/data/doc/{dataset}/{id,id,…}  documents by id, drafts included
//   GET  /v{apiVersion}/data/export/{dataset}         every document as NDJSON (@sanity/export)
//   POST /v{apiVersion}/assets/{images|files}/{dataset}  asset upload (@sanity/client assets.upload)
//   GET|HEAD /{images|files}/{projectId}/{dataset}/{file}  the uploaded bytes (the CDN)
//
// Reads need `token` when one is set; writes (mutate, upload) always need `writeToken`: no
// token or an unknown one gives 401, the read `token` gives 403, as a Viewer token does.
// Later tests add behaviour with handlers (middleware, run in order before the query route):
//   lake.use(async (ctx, next) => {
//     if (ctx.route?.endpoint === 'query' && firstTime) return ctx.json(429, {...}, { 'retry-after': '1' });
//     return next();
//   });
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Mutation } from '@sanity/mutator';
import { evaluate, parse } from 'groq-js';
import sharp, { type Metadata } from 'sharp';

export interface LakeDocument {
  _id: string;
  _type: string;
  [field: string]: unknown;
}

export interface LakeRoute {
  apiVersion: string;
  /** `query`, `mutate`, `export`, `doc`, … : the segment after `/data/`; `assets` for uploads. */
  endpoint: string;
  dataset: string;
  /** `doc`: the ids asked for. */
  documentIds?: string[];
  /** `assets`: what is uploaded. */
  assetType?: 'image' | 'file';
}

export interface LakeRequest {
  method: string;
  /** Path and query string as received. */
  url: string;
  headers: IncomingMessage['headers'];
  route: LakeRoute | undefined;
  /** For queries: the GROQ text, its params and the perspective asked for. */
  query?: string;
  params?: Record<string, unknown>;
  perspective?: string;
}

export interface LakeContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The raw request body ('' for GET). */
  body: string;
  /** The same body as bytes (asset uploads). */
  bodyBytes: Buffer;
  route: LakeRoute | undefined;
  /** The lake's current documents (handlers may read or replace them with `lake.setDocuments`). */
  documents: readonly LakeDocument[];
  /** Sends a JSON response. */
  json(status: number, payload: unknown, headers?: Record<string, string>): void;
}

export type LakeHandler = (context: LakeContext, next: () => Promise<void>) => Promise<void> | void;

export interface ContentLakeOptions {
  /** The documents, as in an export (drafts included: the perspective decides). */
  dataset: readonly LakeDocument[];
  /** The dataset name the API serves; other names get 404. Default `production`. */
  datasetName?: string;
  /** When set, a request whose X-Sanity-Project-ID names another project gets 404. */
  projectId?: string;
  /** When set, requests must carry `Authorization: Bearer <token>` (else 401). Read only: writes get 403. */
  token?: string;
  /** The token that may write (mutate, upload assets); it may read too. Without it every write is refused. */
  writeToken?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  handlers?: LakeHandler[];
}

export interface ContentLake {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The value for @sanity/client's `apiHost` (and SANITY_API_HOST). Same as `url`. */
  apiHost: string;
  port: number;
  datasetName: string;
  /** Every request received, in order. */
  requests: LakeRequest[];
  /** Adds a handler after the existing ones. */
  use(handler: LakeHandler): void;
  setDocuments(documents: readonly LakeDocument[]): void;
  /** A copy of the current documents (drafts and asset documents included), in stored order. */
  getDocuments(): LakeDocument[];
  /** The uploaded asset files, by path (`images/{projectId}/{dataset}/{sha1}-{w}x{h}.png`). */
  assetFiles(): Map<string, Buffer>;
  close(): Promise<void>;
}

const API_VERSION = '(\\d{4}-\\d{2}-\\d{2}|1|X)';
const ROUTE = new RegExp(`^/v${API_VERSION}/data/([a-z]+)/([^/?]+)/?$`);
const DOC_ROUTE = new RegExp(`^/v${API_VERSION}/data/doc/([^/?]+)/([^/?]+)$`);
const ASSET_UPLOAD_ROUTE = new RegExp(`^/v${API_VERSION}/assets/(images|files)/([^/?]+)/?$`);
const ASSET_FILE_ROUTE = /^\/(images|files)\/([^/]+)\/([^/]+)\/([^/]+)$/;

function matchRoute(pathname: string): LakeRoute | undefined {
  const doc = DOC_ROUTE.exec(pathname);
  if (doc) {
    const ids = decodeURIComponent(doc[3] as string)
      .split(',')
      .filter(Boolean);
    return {
      apiVersion: doc[1] as string,
      endpoint: 'doc',
      dataset: doc[2] as string,
      documentIds: ids,
    };
  }
  const upload = ASSET_UPLOAD_ROUTE.exec(pathname);
  if (upload) {
    const assetType = upload[2] === 'images' ? 'image' : 'file';
    return {
      apiVersion: upload[1] as string,
      endpoint: 'assets',
      dataset: upload[3] as string,
      assetType,
    };
  }
  const match = ROUTE.exec(pathname);
  return match
    ? { apiVersion: match[1] as string, endpoint: match[2] as string, dataset: match[3] as string }
    : undefined;
}

/** A revision id the way the Content Lake writes them: 22 URL-safe characters. */
function newRevision(): string {
  return randomBytes(16).toString('base64url');
}

/** The Content Lake's timestamps: UTC, whole seconds. */
function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Every strong reference in a document: `_ref` values not marked `_weak` (cross-dataset ones aside). */
export function strongReferences(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) strongReferences(item, found);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (
      typeof record['_ref'] === 'string' &&
      record['_weak'] !== true &&
      record['_dataset'] === undefined
    )
      found.push(record['_ref']);
    for (const [key, child] of Object.entries(record))
      if (key !== '_ref') strongReferences(child, found);
  }
  return found;
}

const MIME_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

/** A mutation error as the API words it: `{ error: { description, type, items? } }`. */
function mutationError(description: string, type = 'mutationError') {
  return { error: { description, type }, message: description };
}

class MutationFailure extends Error {
  readonly status: number;
  readonly type: string;
  constructor(status: number, message: string, type = 'mutationError') {
    super(message);
    this.status = status;
    this.type = type;
  }
}

function isDraft(id: string): boolean {
  return id.startsWith('drafts.') || id.startsWith('versions.');
}

/** The documents a perspective sees: `published` (default) hides drafts; `raw` shows all; `drafts` overlays them. */
export function applyPerspective(
  documents: readonly LakeDocument[],
  perspective: string,
): LakeDocument[] {
  if (perspective === 'raw') return [...documents];
  const published = documents.filter((document) => !isDraft(document._id));
  if (perspective === 'published') return published;
  // drafts / previewDrafts: a draft replaces its published version, under the published id.
  const drafts = new Map(
    documents
      .filter((document) => document._id.startsWith('drafts.'))
      .map((document) => [document._id.slice('drafts.'.length), document]),
  );
  const merged = published.map((document) => {
    const draft = drafts.get(document._id);
    return draft ? { ...draft, _id: document._id, _originalId: draft._id } : document;
  });
  for (const [id, draft] of drafts) {
    if (!published.some((document) => document._id === id))
      merged.push({ ...draft, _id: id, _originalId: draft._id });
  }
  return merged;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function queryError(description: string, type = 'queryParseError') {
  return { error: { description, type }, message: description };
}

export async function startContentLake(options: ContentLakeOptions): Promise<ContentLake> {
  let documents: readonly LakeDocument[] = [...options.dataset];
  const datasetName = options.datasetName ?? 'production';
  const handlers: LakeHandler[] = [...(options.handlers ?? [])];
  const requests: LakeRequest[] = [];
  const assets = new Map<string, Buffer>();
  let baseUrl = '';

  async function queryRoute(context: LakeContext, record: LakeRequest): Promise<void> {
    const { url, req, body } = context;
    let query: string | null;
    let params: Record<string, unknown> = {};
    try {
      if (req.method === 'POST') {
        const payload = JSON.parse(body || '{}') as {
          query?: string;
          params?: Record<string, unknown>;
        };
        query = payload.query ?? null;
        params = payload.params ?? {};
      } else {
        query = url.searchParams.get('query');
        for (const [key, raw] of url.searchParams) {
          if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(raw);
        }
      }
    } catch (error) {
      return context.json(
        400,
        queryError(`Invalid params or body: ${(error as Error).message}`, 'httpBadRequest'),
      );
    }
    if (!query) return context.json(400, queryError('Missing query', 'httpBadRequest'));
    // Since API v2025-02-19 the default perspective is `published`.
    const perspective = url.searchParams.get('perspective') ?? 'published';
    record.query = query;
    record.params = params;
    record.perspective = perspective;
    const started = performance.now();
    let result: unknown;
    try {
      const tree = parse(query, { params });
      result = await (
        await evaluate(tree, { dataset: applyPerspective(documents, perspective), params })
      ).get();
    } catch (error) {
      return context.json(400, queryError((error as Error).message));
    }
    const ms = Math.round(performance.now() - started);
    const returnQuery = url.searchParams.get('returnQuery') !== 'false';
    context.json(200, returnQuery ? { ms, query, result } : { ms, result });
  }

  /**
   * `{mutations: [...], transactionId?}`: create, createIfNotExists, createOrReplace, delete and
   * patch (by id; set, setIfMissing, unset, insert, inc, dec, diffMatchPatch through
   * @sanity/mutator, the Studio's own patch engine). All or nothing: one failing mutation or a
   * strong reference to a missing document rejects the whole transaction (409), as the Content
   * Lake does. Every document a transaction changes gets the transaction id as `_rev` and now as
   * `_updatedAt`; a created document keeps the `_createdAt` and `_updatedAt` it declares (what
   * an import relies on). `dryRun=true` checks without storing; `returnDocuments=true` adds the
   * documents to the results.
   */
  function mutateRoute(context: LakeContext): void {
    let payload: { mutations?: unknown; transactionId?: unknown };
    try {
      payload = JSON.parse(context.body || '{}') as typeof payload;
    } catch (error) {
      return context.json(
        400,
        mutationError(`Invalid JSON body: ${(error as Error).message}`, 'httpBadRequest'),
      );
    }
    if (!Array.isArray(payload.mutations) || payload.mutations.length === 0) {
      return context.json(
        400,
        mutationError('The body needs a non-empty "mutations" array', 'httpBadRequest'),
      );
    }
    const transactionId =
      typeof payload.transactionId === 'string' ? payload.transactionId : newRevision();
    const now = timestamp();
    const working = new Map(documents.map((document) => [document._id, document]));
    const touched = new Set<string>();
    const deleted = new Set<string>();
    const results: Array<{ id: string; operation: string; document?: LakeDocument }> = [];
    try {
      for (const raw of payload.mutations as Array<Record<string, unknown>>) {
        const entries = Object.entries(raw ?? {});
        if (entries.length !== 1)
          throw new MutationFailure(
            400,
            'Each mutation must have exactly one operation',
            'httpBadRequest',
          );
        const [operation, argument] = entries[0] as [string, Record<string, unknown>];
        const id =
          typeof argument?.['_id'] === 'string'
            ? argument['_id']
            : typeof argument?.['id'] === 'string'
              ? argument['id']
              : undefined;
        if (!id)
          throw new MutationFailure(
            400,
            `The ${operation} mutation has no document id`,
            'httpBadRequest',
          );
        if (!/^[a-zA-Z0-9_.-]+$/.test(id))
          throw new MutationFailure(400, `Document ID "${id}" is not valid`, 'httpBadRequest');
        const existing = working.get(id) ?? null;
        let next: LakeDocument | null;
        if (
          operation === 'create' ||
          operation === 'createIfNotExists' ||
          operation === 'createOrReplace'
        ) {
          const input = structuredClone(argument) as LakeDocument;
          if (typeof input._type !== 'string' || input._type === '')
            throw new MutationFailure(400, `Document "${id}" has no _type`, 'httpBadRequest');
          if (operation === 'create' && existing)
            throw new MutationFailure(409, `Document by ID "${id}" already exists`);
          if (operation === 'createIfNotExists' && existing) {
            results.push({ id, operation: 'none' });
            continue;
          }
          // Replacing keeps the document's creation time unless the new version declares one.
          if (existing && input._createdAt === undefined && existing._createdAt !== undefined)
            input._createdAt = existing._createdAt;
          const declaredUpdatedAt =
            typeof input._updatedAt === 'string' ? input._updatedAt : undefined;
          next = new Mutation({
            mutations: [{ [operation]: input }],
            transactionId,
            resultRev: transactionId,
            timestamp: now,
          }).apply(existing) as LakeDocument;
          if (declaredUpdatedAt) next._updatedAt = declaredUpdatedAt;
          results.push({ id, operation: existing ? 'update' : 'create' });
        } else if (operation === 'delete') {
          if (!existing) {
            results.push({ id, operation: 'none' });
            continue;
          }
          next = null;
          results.push({ id, operation: 'delete' });
        } else if (operation === 'patch') {
          if ('query' in argument)
            throw new MutationFailure(400, 'The stand-in patches by id only', 'httpBadRequest');
          if (!existing)
            throw new MutationFailure(
              409,
              `Cannot modify document "${id}": it does not exist`,
              'documentNotFoundError',
            );
          if (
            typeof argument['ifRevisionID'] === 'string' &&
            argument['ifRevisionID'] !== existing._rev
          ) {
            throw new MutationFailure(
              409,
              `Document "${id}" has unexpected revision ID ("${existing._rev}"), expected "${argument['ifRevisionID']}"`,
            );
          }
          const patch = { ...argument, id };
          delete (patch as Record<string, unknown>)['ifRevisionID'];
          try {
            next = new Mutation({
              mutations: [{ patch } as never],
              transactionId,
              resultRev: transactionId,
              timestamp: now,
            }).apply(structuredClone(existing)) as LakeDocument;
          } catch (error) {
            throw new MutationFailure(
              400,
              `Invalid patch for "${id}": ${(error as Error).message}`,
              'httpBadRequest',
            );
          }
          results.push({ id, operation: 'update' });
        } else {
          throw new MutationFailure(
            400,
            `The stand-in does not support the "${operation}" mutation`,
            'httpBadRequest',
          );
        }
        if (next) {
          working.set(id, next);
          touched.add(id);
          deleted.delete(id);
        } else {
          working.delete(id);
          touched.delete(id);
          deleted.add(id);
        }
      }
      // Strong references must point at documents that exist once the transaction is applied.
      for (const id of touched) {
        for (const target of strongReferences(working.get(id))) {
          if (!working.has(target)) {
            throw new MutationFailure(
              409,
              `Document "${id}" references non-existent document "${target}"`,
            );
          }
        }
      }
      if (deleted.size > 0) {
        for (const document of working.values()) {
          const blocked = strongReferences(document).find((target) => deleted.has(target));
          if (blocked)
            throw new MutationFailure(
              409,
              `Document "${blocked}" cannot be deleted: "${document._id}" references it`,
            );
        }
      }
    } catch (error) {
      if (error instanceof MutationFailure)
        return context.json(error.status, mutationError(error.message, error.type));
      throw error;
    }
    if (context.url.searchParams.get('dryRun') !== 'true') {
      // Keep the stored order; new documents go last.
      const kept = documents
        .filter((document) => working.has(document._id))
        .map((document) => working.get(document._id) as LakeDocument);
      const known = new Set(documents.map((document) => document._id));
      documents = [
        ...kept,
        ...[...working.values()].filter((document) => !known.has(document._id)),
      ];
    }
    const returnDocuments = context.url.searchParams.get('returnDocuments') === 'true';
    context.json(200, {
      transactionId,
      results: results.map((result) =>
        returnDocuments && result.operation !== 'delete' && working.has(result.id)
          ? { ...result, document: working.get(result.id) }
          : result,
      ),
    });
  }

  /** `GET /data/doc/{dataset}/{ids}`: the documents by id (drafts are ids like any other). */
  function docRoute(context: LakeContext, ids: string[]): void {
    const byId = new Map(documents.map((document) => [document._id, document]));
    const found = ids
      .map((id) => byId.get(id))
      .filter((document): document is LakeDocument => document !== undefined);
    const omitted = ids.filter((id) => !byId.has(id)).map((id) => ({ id, reason: 'existence' }));
    context.json(200, { ms: 0, documents: found, omitted });
  }

  /** `GET /data/export/{dataset}`: every document, one JSON per line; `types=a,b` filters. */
  function exportRoute(context: LakeContext): void {
    const types = context.url.searchParams.get('types')?.split(',').filter(Boolean);
    const selected =
      types && types.length > 0
        ? documents.filter((document) => types.includes(document._type))
        : documents;
    context.res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
    context.res.end(selected.map((document) => `${JSON.stringify(document)}\n`).join(''));
  }

  /**
   * `POST /assets/images|files/{dataset}?filename=…`: stores the bytes and answers
   * `{document}` with the asset document the Content Lake would write (`image-{sha1}-{w}x{h}-{ext}`,
   * `file-{sha1}-{ext}`); the same bytes again give the existing document.
   */
  async function uploadRoute(
    context: LakeContext,
    route: LakeRoute,
    projectId: string,
  ): Promise<void> {
    const bytes = context.bodyBytes;
    if (bytes.length === 0)
      return context.json(400, mutationError('Empty upload', 'httpBadRequest'));
    const sha1 = createHash('sha1').update(bytes).digest('hex');
    const filename = context.url.searchParams.get('filename') ?? undefined;
    let id: string;
    let file: string;
    let extension: string;
    let metadata: Record<string, unknown> | undefined;
    if (route.assetType === 'image') {
      let info: Metadata;
      try {
        info = await sharp(bytes).metadata();
      } catch (error) {
        return context.json(
          400,
          mutationError(`Not an image: ${(error as Error).message}`, 'assetError'),
        );
      }
      const width = info.width ?? 0;
      const height = info.height ?? 0;
      extension = info.format === 'jpeg' ? 'jpg' : String(info.format);
      id = `image-${sha1}-${width}x${height}-${extension}`;
      file = `images/${projectId}/${route.dataset}/${sha1}-${width}x${height}.${extension}`;
      metadata = {
        _type: 'sanity.imageMetadata',
        dimensions: { _type: 'sanity.imageDimensions', aspectRatio: width / height, height, width },
        hasAlpha: info.hasAlpha ?? false,
        isOpaque: !(info.hasAlpha ?? false),
      };
    } else {
      extension = (filename?.match(/\.([a-z0-9]+)$/i)?.[1] ?? 'bin').toLowerCase();
      id = `file-${sha1}-${extension}`;
      file = `files/${projectId}/${route.dataset}/${sha1}.${extension}`;
    }
    const existing = documents.find((document) => document._id === id);
    if (existing) return context.json(200, { document: existing });
    const now = timestamp();
    const document: LakeDocument = {
      _id: id,
      _type: route.assetType === 'image' ? 'sanity.imageAsset' : 'sanity.fileAsset',
      _rev: newRevision(),
      _createdAt: now,
      _updatedAt: now,
      assetId: sha1,
      extension,
      mimeType: MIME_TYPES[extension] ?? 'application/octet-stream',
      ...(metadata ? { metadata } : {}),
      ...(filename ? { originalFilename: filename } : {}),
      path: file,
      sha1hash: sha1,
      size: bytes.length,
      uploadId: newRevision(),
      url: `${baseUrl}/${file}`,
    };
    assets.set(file, bytes);
    documents = [...documents, document];
    context.json(200, { document });
  }

  /** The CDN: `GET|HEAD /images|files/{projectId}/{dataset}/{file}`, public like Sanity's. */
  function serveAsset(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    const match = ASSET_FILE_ROUTE.exec(pathname);
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const bytes = assets.get(pathname.slice(1));
    if (!bytes) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Not Found', statusCode: 404 }));
      return true;
    }
    const extension = pathname.split('.').pop() ?? '';
    res.writeHead(200, {
      'content-type': MIME_TYPES[extension] ?? 'application/octet-stream',
      'content-length': String(bytes.length),
      'x-sanity-sha1': createHash('sha1').update(bytes).digest('hex'),
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
    return true;
  }

  /** 401 without a known token, 403 for a read token that tries to write; undefined when allowed. */
  function authorise(
    req: IncomingMessage,
    route: LakeRoute | undefined,
  ): { status: number; message: string } | undefined {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    const known = [options.token, options.writeToken].filter(
      (token): token is string => token !== undefined,
    );
    const writes = route?.endpoint === 'mutate' || route?.endpoint === 'assets';
    if (bearer !== undefined && known.length > 0 && !known.includes(bearer)) {
      return { status: 401, message: 'Session does not match project host' };
    }
    if (writes) {
      if (bearer === undefined || !known.includes(bearer))
        return { status: 401, message: 'Unauthorized - a token is required to write' };
      if (bearer !== options.writeToken) {
        return {
          status: 403,
          message: `Insufficient permissions; permission "${route?.endpoint === 'assets' ? 'create' : 'update'}" required`,
        };
      }
      return undefined;
    }
    if (options.token !== undefined && (bearer === undefined || !known.includes(bearer))) {
      return { status: 401, message: 'Session does not match project host' };
    }
    return undefined;
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = matchRoute(url.pathname);
    const record: LakeRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      route,
    };
    requests.push(record);
    let bodyBytes: Buffer = Buffer.alloc(0);
    try {
      bodyBytes = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    const context: LakeContext = {
      req,
      res,
      url,
      body: bodyBytes.toString('utf8'),
      bodyBytes,
      route,
      documents,
      json(status, payload, headers = {}) {
        if (res.headersSent) return;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(payload));
      },
    };
    const finalRoute = async () => {
      if (serveAsset(req, res, url.pathname)) return;
      const refused = authorise(req, route);
      if (refused) {
        const error = refused.status === 401 ? 'Unauthorized' : 'Forbidden';
        return context.json(refused.status, {
          error,
          message: refused.message,
          statusCode: refused.status,
        });
      }
      const projectHeader = req.headers['x-sanity-project-id'];
      if (
        options.projectId !== undefined &&
        projectHeader !== undefined &&
        projectHeader !== options.projectId
      ) {
        return context.json(404, {
          error: 'Not Found',
          message: `Project "${String(projectHeader)}" not found`,
          statusCode: 404,
        });
      }
      if (!route)
        return context.json(404, {
          error: 'Not Found',
          message: `No route ${url.pathname}`,
          statusCode: 404,
        });
      if (route.dataset !== datasetName) {
        return context.json(404, {
          error: {
            description: `Dataset "${route.dataset}" not found`,
            type: 'datasetNotFoundError',
          },
        });
      }
      if (route.endpoint === 'query' && (req.method === 'GET' || req.method === 'POST'))
        return queryRoute(context, record);
      if (route.endpoint === 'mutate' && req.method === 'POST') return mutateRoute(context);
      if (route.endpoint === 'doc' && req.method === 'GET')
        return docRoute(context, route.documentIds ?? []);
      if (route.endpoint === 'export' && req.method === 'GET') return exportRoute(context);
      if (route.endpoint === 'assets' && req.method === 'POST') {
        const project = req.headers['x-sanity-project-id'];
        return uploadRoute(
          context,
          route,
          typeof project === 'string' ? project : (options.projectId ?? 'project'),
        );
      }
      return context.json(404, {
        error: 'Not Found',
        message: `The stand-in does not serve ${req.method} ${url.pathname}`,
        statusCode: 404,
      });
    };
    const run = async (index: number): Promise<void> => {
      const handler = handlers[index];
      if (!handler) return finalRoute();
      await handler(context, () => run(index + 1));
    };
    try {
      await run(0);
    } catch (error) {
      context.json(500, {
        error: 'Internal Server Error',
        message: (error as Error).message,
        statusCode: 500,
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  baseUrl = url;
  return {
    url,
    apiHost: url,
    port,
    datasetName,
    requests,
    use(handler) {
      handlers.push(handler);
    },
    setDocuments(next) {
      documents = [...next];
    },
    getDocuments() {
      return structuredClone([...documents]);
    },
    assetFiles() {
      return new Map(assets);
    },
    close() {
      return new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

/**
 * A handler that answers with an endless query answer (JSON whitespace after its opening, up to
 * 256 MiB) until the client hangs up; `sent()` is how much the stand-in could write before that.
 */
export function endlessAnswer(headers: Record<string, string> = {}): {
  handler: LakeHandler;
  sent: () => number;
} {
  let sent = 0;
  const handler: LakeHandler = (ctx) =>
    new Promise<void>((resolve) => {
      ctx.res.writeHead(200, { 'content-type': 'application/json', ...headers });
      ctx.res.on('close', () => resolve());
      const chunk = Buffer.alloc(64 * 1024, ' ');
      ctx.res.write('{"ms":1,"result":[');
      const pump = () => {
        while (!ctx.res.destroyed && sent < 256 * 1024 * 1024) {
          sent += chunk.length;
          if (!ctx.res.write(chunk)) return void ctx.res.once('drain', pump);
        }
        ctx.res.end();
      };
      pump();
    });
  return { handler, sent: () => sent };
}

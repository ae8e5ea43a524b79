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
// Later tests add behaviour with handlers (middleware, run in order before the query route):
//   lake.use(async (ctx, next) => {
//     if (ctx.route?.endpoint === 'query' && firstTime) return ctx.json(429, {...}, { 'retry-after': '1' });
//     return next();
//   });
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluate, parse } from 'groq-js';

export interface LakeDocument {
  _id: string;
  _type: string;
  [field: string]: unknown;
}

export interface LakeRoute {
  apiVersion: string;
  /** `query`, `mutate`, `export`, … : the segment after `/data/`. */
  endpoint: string;
  dataset: string;
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
  /** When set, requests must carry `Authorization: Bearer <token>` (else 401). */
  token?: string;
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
  close(): Promise<void>;
}

const ROUTE = /^\/v(\d{4}-\d{2}-\d{2}|1|X)\/data\/([a-z]+)\/([^/?]+)\/?$/;

function isDraft(id: string): boolean {
  return id.startsWith('drafts.') || id.startsWith('versions.');
}

/** The documents a perspective sees: `published` (default) hides drafts; `raw` shows all; `drafts` overlays them. */
export function applyPerspective(documents: readonly LakeDocument[], perspective: string): LakeDocument[] {
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
    if (!published.some((document) => document._id === id)) merged.push({ ...draft, _id: id, _originalId: draft._id });
  }
  return merged;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
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

  async function queryRoute(context: LakeContext, record: LakeRequest): Promise<void> {
    const { url, req, body } = context;
    let query: string | null;
    let params: Record<string, unknown> = {};
    try {
      if (req.method === 'POST') {
        const payload = JSON.parse(body || '{}') as { query?: string; params?: Record<string, unknown> };
        query = payload.query ?? null;
        params = payload.params ?? {};
      } else {
        query = url.searchParams.get('query');
        for (const [key, raw] of url.searchParams) {
          if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(raw);
        }
      }
    } catch (error) {
      return context.json(400, queryError(`Invalid params or body: ${(error as Error).message}`, 'httpBadRequest'));
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
      result = await (await evaluate(tree, { dataset: applyPerspective(documents, perspective), params })).get();
    } catch (error) {
      return context.json(400, queryError((error as Error).message));
    }
    const ms = Math.round(performance.now() - started);
    const returnQuery = url.searchParams.get('returnQuery') !== 'false';
    context.json(200, returnQuery ? { ms, query, result } : { ms, result });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = ROUTE.exec(url.pathname);
    const route = match ? { apiVersion: match[1] as string, endpoint: match[2] as string, dataset: match[3] as string } : undefined;
    const record: LakeRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, route };
    requests.push(record);
    let body = '';
    try {
      body = await readBody(req);
    } catch {
      res.destroy();
      return;
    }
    const context: LakeContext = {
      req,
      res,
      url,
      body,
      route,
      documents,
      json(status, payload, headers = {}) {
        if (res.headersSent) return;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(payload));
      },
    };
    const finalRoute = async () => {
      if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
        return context.json(401, { error: 'Unauthorized', message: 'Session does not match project host', statusCode: 401 });
      }
      const projectHeader = req.headers['x-sanity-project-id'];
      if (options.projectId !== undefined && projectHeader !== undefined && projectHeader !== options.projectId) {
        return context.json(404, { error: 'Not Found', message: `Project "${String(projectHeader)}" not found`, statusCode: 404 });
      }
      if (!route) return context.json(404, { error: 'Not Found', message: `No route ${url.pathname}`, statusCode: 404 });
      if (route.dataset !== datasetName) {
        return context.json(404, { error: { description: `Dataset "${route.dataset}" not found`, type: 'datasetNotFoundError' } });
      }
      if (route.endpoint === 'query' && (req.method === 'GET' || req.method === 'POST')) return queryRoute(context, record);
      return context.json(404, { error: 'Not Found', message: `The stand-in does not serve ${req.method} ${url.pathname}`, statusCode: 404 });
    };
    const run = async (index: number): Promise<void> => {
      const handler = handlers[index];
      if (!handler) return finalRoute();
      await handler(context, () => run(index + 1));
    };
    try {
      await run(0);
    } catch (error) {
      context.json(500, { error: 'Internal Server Error', message: (error as Error).message, statusCode: 500 });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
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
    close() {
      return new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

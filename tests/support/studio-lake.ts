// The loopback Content Lake as Sanity Studio sees it: the stand-in of content-lake.ts (its
// documents, GROQ, mutations, export, assets) behind an HTTP/2 TLS front that adds what the
// Studio asks besides queries and mutations:
//
//   GET  /users/me, /auth/id                      the signed-in editor (by token)
//   GET  /projects/{id}, …/datasets, …/acl, …     the project, its dataset and the editor's grants
//   GET  /data/listen/{dataset}                   an event stream per listener: `welcome`, then a
//                                                 `mutation` event for every committed change
//                                                 that its query matches (mendoza effects too)
//   POST /data/actions/{dataset}                  the Actions API the Studio edits and publishes
//                                                 through, turned into mutations of the lake
//   GET  /data/history/…                          no history (empty), as for a new dataset
//   GET  /data/live/events/{dataset}              the Live Content API's stream (Presentation):
//                                                 a welcome, no sync tags
//
// Why HTTP/2: every open pane holds a listen stream, and over HTTP/1.1 Chrome's six connections
// per host are taken by them; documents then never load. Browsers speak HTTP/2 only over TLS,
// so the front has a self-signed certificate made at start (tests set `ignoreHTTPSErrors`).
// The Studio is built with `apiHost: https://localhost:PORT`; the client puts the project id
// in front (`https://{projectId}.localhost:PORT`). Each test's Chromium maps that address to
// its own lake's port (lakeHostRule in studio.ts), so every test file has a lake of its own.
import { randomUUID } from 'node:crypto';
import {
  createSecureServer,
  type Http2SecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { evaluate, parse } from 'groq-js';
import { generate } from 'selfsigned';
import {
  applyPerspective,
  startContentLake,
  type ContentLake,
  type LakeDocument,
} from './content-lake.ts';

export interface StudioUser {
  id: string;
  name: string;
  email: string;
  /** The project role: `administrator` or `editor` (grants are the same for both here). */
  role: 'administrator' | 'editor';
  /** The token the Studio sends for this user (from localStorage). */
  token: string;
}

export interface StudioLakeOptions {
  dataset: readonly LakeDocument[];
  projectId: string;
  datasetName?: string;
  users: readonly StudioUser[];
  /** 0 (default) picks a free port (the Studio browser tests' Chromium is pointed at it). */
  port?: number;
}

/** A change the lake committed, as listeners are told of it. */
export interface LakeChange {
  transactionId: string;
  documentId: string;
  before: LakeDocument | undefined;
  after: LakeDocument | undefined;
  mutations: unknown[];
}

export interface StudioLake {
  /** The inner stand-in (plain HTTP on another port): documents, requests, and a loopback apiHost for CLI scripts. */
  lake: ContentLake;
  /** What the Studio is built with: `https://localhost:PORT`. */
  apiHost: string;
  port: number;
  /** Every request the front received (method and path with query), in order. */
  requests: string[];
  /** Requests the front answered with 404 because it does not serve them (what a new Studio version may start asking). */
  unserved: string[];
  /** Every committed change, in order. */
  changes: LakeChange[];
  /** Open listen streams. */
  listenerCount(): number;
  /** Actions received, by type, in order. */
  actions: { actionType: string; [field: string]: unknown }[];
  close(): Promise<void>;
}

interface Listener {
  query: string;
  params: Record<string, unknown>;
  includeResult: boolean;
  includePreviousRevision: boolean;
  includeMutations: boolean;
  mendoza: boolean;
  events: Set<string>;
  send(event: string, data: unknown): void;
}

const API_PREFIX = /^\/v(\d{4}-\d{2}-\d{2}|1|X)(\/.*)$/;

/** A self-signed certificate for localhost and its subdomains, valid for a day. */
export async function localhostCertificate(): Promise<{ key: string; cert: string }> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + 24 * 3600_000),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: '*.localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

function readBody(req: Http2ServerRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function withoutRev(document: LakeDocument | undefined): Omit<LakeDocument, '_rev'> | null {
  if (!document) return null;
  const { _rev: _ignored, ...rest } = document;
  return rest;
}

function draftIdOf(id: string): string {
  return id.startsWith('drafts.') ? id : `drafts.${id}`;
}

/** Ids a mutation (in the HTTP API's shape) touches. */
function mutationTarget(mutation: Record<string, unknown>): string | undefined {
  const [argument] = Object.values(mutation) as Record<string, unknown>[];
  const id = argument?.['_id'] ?? argument?.['id'];
  return typeof id === 'string' ? id : undefined;
}

/** Every string in a document (its own fields and nested ones), for text search. */
function textOf(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) textOf(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '_id' || !key.startsWith('_')) textOf(child, found);
    }
  }
  return found;
}

/**
 * Whether a document matches a `text::query()` search: every term is a word of the document
 * (case-insensitive), `term*` a word's beginning, a lone `*` anything. A minimal stand-in for
 * the Content Lake's full-text search, which groq-js does not have.
 */
export function matchesTextQuery(document: LakeDocument, search: string): boolean {
  const terms = search
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(/^["']|["']$/g, ''))
    .filter((term) => term !== '' && term !== '*');
  if (terms.length === 0) return true;
  const words = textOf(document)
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return terms.every((term) =>
    term.endsWith('*')
      ? words.some((word) => word.startsWith(term.slice(0, -1)))
      : words.includes(term),
  );
}

const TEXT_QUERY = /(\[[^[\]]*\]|[\w.@]+)\s+match\s+text::query\((\$\w+)\)/g;

/**
 * Replaces each `… match text::query($param)` in a query with `_id in $__textMatchesN`, the ids
 * of the documents (as the perspective shows them) that match the search.
 */
export function rewriteTextQueries(
  query: string,
  params: Record<string, unknown>,
  documents: readonly LakeDocument[],
): { query: string; params: Record<string, unknown> } {
  let count = 0;
  const extra: Record<string, unknown> = {};
  const rewritten = query.replace(TEXT_QUERY, (_whole, _left, param: string) => {
    const search = params[param.slice(1)];
    const name = `__textMatches${count++}`;
    extra[name] = documents
      .filter((document) => matchesTextQuery(document, typeof search === 'string' ? search : ''))
      .map((document) => document._id);
    return `_id in $${name}`;
  });
  return { query: rewritten, params: { ...params, ...extra } };
}

class ActionFailure extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export async function startStudioLake(options: StudioLakeOptions): Promise<StudioLake> {
  const datasetName = options.datasetName ?? 'production';
  const editorTokens = options.users.map((user) => user.token);
  const writeToken = editorTokens[0];
  if (!writeToken) throw new Error('startStudioLake needs at least one user');
  const lake = await startContentLake({
    dataset: options.dataset,
    projectId: options.projectId,
    datasetName,
    // Every user of the Studio may write; the lake knows one write token, so the front
    // forwards writes with the first user's token after checking the caller's.
    writeToken,
  });
  const changes: LakeChange[] = [];
  const listeners = new Set<Listener>();
  const requests: string[] = [];
  const unserved: string[] = [];
  const actions: StudioLake['actions'] = [];

  function userFor(authorization: string | undefined): StudioUser | undefined {
    const token = authorization?.startsWith('Bearer ')
      ? authorization.slice('Bearer '.length)
      : undefined;
    return options.users.find((user) => user.token === token);
  }

  async function matchingIds(
    query: string,
    params: Record<string, unknown>,
    documents: readonly LakeDocument[],
  ): Promise<Set<string>> {
    const result = await (
      await evaluate(parse(query, { params }), { dataset: documents, params })
    ).get();
    const ids = new Set<string>();
    for (const item of Array.isArray(result) ? result : [result]) {
      if (item && typeof item === 'object' && typeof (item as LakeDocument)._id === 'string')
        ids.add((item as LakeDocument)._id);
    }
    return ids;
  }

  /** Tells each listener about the changes of one transaction its query sees. */
  async function broadcast(
    transaction: LakeChange[],
    before: readonly LakeDocument[],
    after: readonly LakeDocument[],
    identity: string,
  ): Promise<void> {
    const timestamp = new Date().toISOString();
    for (const listener of listeners) {
      if (!listener.events.has('mutation')) continue;
      let matchedBefore: Set<string>;
      let matchedAfter: Set<string>;
      try {
        matchedBefore = await matchingIds(listener.query, listener.params, before);
        matchedAfter = await matchingIds(listener.query, listener.params, after);
      } catch {
        continue;
      }
      const seen = transaction.filter(
        (change) => matchedBefore.has(change.documentId) || matchedAfter.has(change.documentId),
      );
      seen.forEach((change, index) => {
        const was = matchedBefore.has(change.documentId);
        const is = matchedAfter.has(change.documentId);
        listener.send('mutation', {
          eventId: `${change.transactionId}#${change.documentId}`,
          documentId: change.documentId,
          transactionId: change.transactionId,
          transition: was && is ? 'update' : is ? 'appear' : 'disappear',
          identity,
          ...(listener.includeMutations ? { mutations: change.mutations } : {}),
          ...(listener.includeResult && change.after ? { result: change.after } : {}),
          ...(listener.includePreviousRevision && change.before ? { previous: change.before } : {}),
          previousRev: change.before?._rev,
          resultRev: change.after?._rev ?? change.transactionId,
          timestamp,
          visibility: 'query',
          // Mendoza's "replace with this value" (opcode 0): always correct, if not minimal.
          ...(listener.mendoza
            ? {
                effects: {
                  apply: [0, withoutRev(change.after)],
                  revert: [0, withoutRev(change.before)],
                },
              }
            : {}),
          transactionTotalEvents: seen.length,
          transactionCurrentEvent: index + 1,
        });
      });
    }
  }

  // Every committed mutation of the inner lake, whoever sent it (the Studio through the front,
  // the Actions API below, or a CLI script straight to the inner lake), reaches the listeners.
  lake.use(async (context, next) => {
    const commits =
      context.route?.endpoint === 'mutate' &&
      context.req.method === 'POST' &&
      context.url.searchParams.get('dryRun') !== 'true';
    if (!commits) return next();
    const before = context.documents;
    await next();
    if (context.res.statusCode !== 200) return;
    let mutations: Record<string, unknown>[] = [];
    try {
      mutations =
        (JSON.parse(context.body) as { mutations?: Record<string, unknown>[] }).mutations ?? [];
    } catch {
      return;
    }
    const after = lake.getDocuments();
    const beforeById = new Map(before.map((document) => [document._id, document]));
    const afterById = new Map(after.map((document) => [document._id, document]));
    const ids = [...new Set(mutations.map(mutationTarget).filter((id): id is string => !!id))];
    const transactionId =
      ids.map((id) => afterById.get(id)?._rev).find((rev) => typeof rev === 'string') ??
      randomUUID();
    const transaction = ids
      .map((documentId) => ({
        transactionId,
        documentId,
        before: beforeById.get(documentId),
        after: afterById.get(documentId),
        mutations: mutations.filter((mutation) => mutationTarget(mutation) === documentId),
      }))
      .filter(
        (change) => JSON.stringify(change.before) !== JSON.stringify(change.after),
      ) as LakeChange[];
    if (transaction.length === 0) return;
    changes.push(...transaction);
    const identity =
      userFor(context.req.headers['x-studio-user'] as string | undefined)?.id ??
      userFor(context.req.headers.authorization)?.id ??
      'cli';
    await broadcast(transaction, before, after, identity);
  });

  /** Posts mutations to the inner lake as one transaction; resolves with its answer. */
  async function mutate(
    mutations: Record<string, unknown>[],
    user: StudioUser,
    transactionId: string,
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/${datasetName}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${writeToken}`,
        'x-studio-user': `Bearer ${user.token}`,
      },
      body: JSON.stringify({ mutations, transactionId }),
    });
    return { status: response.status, body: await response.json() };
  }

  /** The mutations an action stands for, as the Content Lake applies it. */
  function actionMutations(action: Record<string, unknown>): Record<string, unknown>[] {
    const documents = new Map(lake.getDocuments().map((document) => [document._id, document]));
    const publishedId = action['publishedId'] as string | undefined;
    switch (action['actionType']) {
      case 'sanity.action.document.create': {
        const attributes = action['attributes'] as LakeDocument;
        const id = attributes._id ?? draftIdOf(publishedId ?? randomUUID());
        if (documents.has(id)) {
          if (action['ifExists'] === 'ignore') return [];
          throw new ActionFailure(409, `Document "${id}" already exists`);
        }
        return [{ create: { ...attributes, _id: id } }];
      }
      case 'sanity.action.document.edit': {
        const draftId = action['draftId'] as string;
        const patch = action['patch'] as Record<string, unknown>;
        const mutations: Record<string, unknown>[] = [];
        if (!documents.has(draftId)) {
          // Editing a published document starts its draft from the published version.
          const published = publishedId ? documents.get(publishedId) : undefined;
          if (!published)
            throw new ActionFailure(409, `Cannot edit "${draftId}": no draft or published version`);
          mutations.push({ create: { ...published, _id: draftId } });
        }
        mutations.push({ patch: { ...patch, id: draftId } });
        return mutations;
      }
      case 'sanity.action.document.publish': {
        const draftId = action['draftId'] as string;
        const draft = documents.get(draftId);
        if (!draft || !publishedId)
          throw new ActionFailure(409, `Cannot publish "${draftId}": there is no draft`);
        const published = documents.get(publishedId);
        const expected = action['ifPublishedRevisionId'];
        if (typeof expected === 'string' && published && published._rev !== expected)
          throw new ActionFailure(409, `"${publishedId}" changed since the publish was asked`);
        if (
          typeof action['ifDraftRevisionId'] === 'string' &&
          draft._rev !== action['ifDraftRevisionId']
        )
          throw new ActionFailure(409, `"${draftId}" changed since the publish was asked`);
        const { _rev: _ignored, ...content } = draft;
        return [
          {
            createOrReplace: {
              ...content,
              _id: publishedId,
              ...(published?._createdAt ? { _createdAt: published._createdAt } : {}),
            },
          },
          { delete: { id: draftId } },
        ];
      }
      case 'sanity.action.document.unpublish': {
        const published = publishedId ? documents.get(publishedId) : undefined;
        if (!published || !publishedId)
          throw new ActionFailure(409, `Cannot unpublish "${publishedId}": it is not published`);
        return [
          { createIfNotExists: { ...published, _id: action['draftId'] ?? draftIdOf(publishedId) } },
          { delete: { id: publishedId } },
        ];
      }
      case 'sanity.action.document.delete': {
        const drafts = (action['includeDrafts'] as string[] | undefined) ?? [];
        return [publishedId, ...drafts]
          .filter((id): id is string => typeof id === 'string' && documents.has(id))
          .map((id) => ({ delete: { id } }));
      }
      case 'sanity.action.document.discard':
        return [{ delete: { id: action['draftId'] } }];
      case 'sanity.action.document.version.discard':
        return [{ delete: { id: action['versionId'] } }];
      case 'sanity.action.document.replaceDraft': {
        const attributes = action['attributes'] as LakeDocument;
        return [
          {
            createOrReplace: { ...attributes, _id: attributes._id ?? draftIdOf(publishedId ?? '') },
          },
        ];
      }
      default:
        throw new ActionFailure(
          400,
          `The stand-in does not support "${String(action['actionType'])}"`,
        );
    }
  }

  async function actionsRoute(
    body: string,
    user: StudioUser,
  ): Promise<{ status: number; body: unknown }> {
    const payload = JSON.parse(body || '{}') as {
      actions?: Record<string, unknown>[] | Record<string, unknown>;
      transactionId?: string;
      dryRun?: boolean;
    };
    const list = Array.isArray(payload.actions)
      ? payload.actions
      : payload.actions
        ? [payload.actions]
        : [];
    const transactionId = payload.transactionId ?? randomUUID();
    const mutations: Record<string, unknown>[] = [];
    try {
      for (const action of list) {
        actions.push(action as StudioLake['actions'][number]);
        mutations.push(...actionMutations(action));
      }
    } catch (error) {
      if (!(error instanceof ActionFailure)) throw error;
      return {
        status: error.status,
        body: {
          error: { type: 'actionError', description: error.message },
          message: error.message,
        },
      };
    }
    if (payload.dryRun || mutations.length === 0) return { status: 200, body: { transactionId } };
    const result = await mutate(mutations, user, transactionId);
    return result.status === 200 ? { status: 200, body: { transactionId } } : result;
  }

  function projectPayload() {
    return {
      id: options.projectId,
      displayName: 'Nära vård (loopback)',
      studioHost: null,
      isBlocked: false,
      isDisabled: false,
      isDisabledByUser: false,
      organizationId: null,
      metadata: { color: '#2276fc', externalStudioHost: 'http://localhost' },
      members: options.users.map((user) => ({
        id: user.id,
        role: user.role,
        roles: [
          { name: user.role, title: user.role === 'administrator' ? 'Administrator' : 'Editor' },
        ],
        isCurrentUser: false,
        isRobot: false,
      })),
      features: [],
      pendingInvites: 0,
      createdAt: '2026-01-01T00:00:00Z',
    };
  }

  function currentUser(user: StudioUser) {
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      profileImage: null,
      provider: 'sanity',
      role: user.role,
      roles: [
        { name: user.role, title: user.role === 'administrator' ? 'Administrator' : 'Editor' },
      ],
    };
  }

  const grants = [
    { filter: '_id in path("**")', permissions: ['read', 'create', 'history', 'update'] },
  ];

  function openListener(url: URL, res: Http2ServerResponse): void {
    const params: Record<string, unknown> = {};
    for (const [key, raw] of url.searchParams) {
      if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(raw);
    }
    const query = url.searchParams.get('query') ?? '*';
    const flag = (name: string, fallback: boolean) => {
      const value = url.searchParams.get(name);
      return value === null ? fallback : value === 'true';
    };
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    });
    const listener: Listener = {
      query,
      params,
      includeResult: flag('includeResult', true),
      includePreviousRevision: flag('includePreviousRevision', false),
      includeMutations: flag('includeMutations', true),
      mendoza: url.searchParams.get('effectFormat') === 'mendoza',
      events: new Set((url.searchParams.get('events') ?? 'welcome,mutation').split(',')),
      send(event, data) {
        if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
    };
    listeners.add(listener);
    res.on('close', () => listeners.delete(listener));
    if (listener.events.has('welcome'))
      listener.send('welcome', { listenerName: `loopback-${randomUUID()}` });
  }

  /** Forwards a request to the inner lake (queries, mutations, documents, assets). */
  async function forward(
    req: Http2ServerRequest,
    res: Http2ServerResponse,
    request: { method: string; path: string; body: Buffer; contentType?: string },
    cors: Record<string, string>,
  ): Promise<void> {
    const headers: Record<string, string> = { 'x-sanity-project-id': options.projectId };
    const contentType = request.contentType ?? req.headers['content-type'];
    if (typeof contentType === 'string') headers['content-type'] = contentType;
    // Any signed-in user may write: the inner lake knows only the first user's token.
    const user = userFor(req.headers.authorization);
    if (user) {
      headers['authorization'] = `Bearer ${writeToken}`;
      headers['x-studio-user'] = `Bearer ${user.token}`;
    }
    const response = await fetch(`${lake.url}${request.path}`, {
      method: request.method,
      headers,
      ...(request.method === 'GET' || request.method === 'HEAD'
        ? {}
        : { body: new Uint8Array(request.body) }),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, {
      'content-type': response.headers.get('content-type') ?? 'application/json',
      ...cors,
    });
    res.end(bytes);
  }

  /** Queries go to the inner lake as POST, with any `text::query()` replaced by its matches. */
  async function queryRoute(
    req: Http2ServerRequest,
    res: Http2ServerResponse,
    url: URL,
    body: Buffer,
    cors: Record<string, string>,
  ): Promise<void> {
    let query: string | undefined;
    let params: Record<string, unknown> = {};
    if (req.method === 'POST') {
      const payload = JSON.parse(body.toString('utf8') || '{}') as {
        query?: string;
        params?: Record<string, unknown>;
      };
      query = payload.query;
      params = payload.params ?? {};
    } else {
      query = url.searchParams.get('query') ?? undefined;
      for (const [key, raw] of url.searchParams) {
        if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(raw);
      }
    }
    if (query && query.includes('text::query(')) {
      const perspective = url.searchParams.get('perspective') ?? 'published';
      ({ query, params } = rewriteTextQueries(
        query,
        params,
        applyPerspective(lake.getDocuments(), perspective),
      ));
    }
    const search = new URLSearchParams(
      [...url.searchParams].filter(([key]) => key !== 'query' && !key.startsWith('$')),
    );
    return forward(
      req,
      res,
      {
        method: 'POST',
        path: `${url.pathname}?${search.toString()}`,
        body: Buffer.from(JSON.stringify({ query, params })),
        contentType: 'application/json',
      },
      cors,
    );
  }

  async function handle(req: Http2ServerRequest, res: Http2ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://localhost');
    requests.push(`${req.method} ${req.url}`);
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : '*';
    const cors: Record<string, string> = {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      vary: 'origin',
    };
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...cors });
      res.end(JSON.stringify(payload));
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers':
          (req.headers['access-control-request-headers'] as string | undefined) ?? '*',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const body = await readBody(req);
    const api = API_PREFIX.exec(url.pathname);
    const path = api ? (api[2] as string) : url.pathname;
    const user = userFor(req.headers.authorization);
    // The CDN (uploaded asset files) is public.
    const passOn = { method: req.method, path: `${url.pathname}${url.search}`, body };
    if (/^\/(images|files)\//.test(url.pathname)) return forward(req, res, passOn, cors);
    if (path === '/ping') return json(200, { message: 'PONG' });
    // The Live Content API's event stream, which the Presentation tool opens without a token (as
    // it may for published content): a welcome, then nothing, as the stand-in has no sync tags.
    if (new RegExp(`^/data/live/events/${datasetName}$`).test(path)) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        ...cors,
      });
      res.write('event: welcome\ndata: {}\n\n');
      return;
    }
    if (!user) {
      return json(401, {
        error: 'Unauthorized',
        message: 'Session not found or expired',
        statusCode: 401,
      });
    }
    const project = `/projects/${options.projectId}`;
    const dataRoute = /^\/data\/([a-z]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (path === '/users/me') return json(200, currentUser(user));
    if (path === '/auth/id') return json(200, { id: user.id });
    if (path === project) return json(200, projectPayload());
    if (path === `${project}/datasets`)
      return json(200, [{ name: datasetName, aclMode: 'private', tags: [] }]);
    if (path === `${project}/datasets/${datasetName}/acl`) return json(200, grants);
    if (path === `${project}/grants`) return json(200, {});
    if (path === `${project}/roles`)
      return json(200, [
        {
          name: 'administrator',
          title: 'Administrator',
          isCustom: false,
          projectId: options.projectId,
        },
        { name: 'editor', title: 'Editor', isCustom: false, projectId: options.projectId },
      ]);
    if (path === `${project}/user-applications`) return json(200, []);
    if (path === '/features' || path === `${project}/features`) return json(200, []);
    if (path.startsWith('/users/me/keyvalue')) {
      const keys = path.slice('/users/me/keyvalue/'.length).split(',').filter(Boolean);
      return json(
        200,
        keys.map((key) => ({ key, value: null })),
      );
    }
    if (path === '/intake/telemetry-status') return json(200, { status: 'denied' });
    if (path === '/access/requests/me') return json(200, []);

    if (dataRoute) {
      const [, endpoint, dataset] = dataRoute;
      if (dataset !== datasetName) {
        return json(404, {
          error: { description: `Dataset "${dataset}" not found`, type: 'datasetNotFoundError' },
        });
      }
      if (endpoint === 'listen') {
        for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
        return openListener(url, res);
      }
      if (endpoint === 'actions' && req.method === 'POST') {
        const result = await actionsRoute(body.toString('utf8'), user);
        return json(result.status, result.body);
      }
      if (endpoint === 'history') {
        // A dataset without history: no transactions, events or earlier revisions.
        if (path.includes('/transactions/')) {
          res.writeHead(200, { 'content-type': 'application/x-ndjson', ...cors });
          res.end();
          return;
        }
        if (path.includes('/events/')) return json(200, { events: {}, nextCursor: '' });
        return json(200, { documents: [] });
      }
      if (endpoint === 'query') return queryRoute(req, res, url, body, cors);
      return forward(req, res, passOn, cors);
    }
    if (api && path.startsWith('/assets/')) return forward(req, res, passOn, cors);
    unserved.push(`${req.method} ${url.pathname}`);
    return json(404, {
      error: 'Not Found',
      message: `The stand-in does not serve ${path}`,
      statusCode: 404,
    });
  }

  const { key, cert } = await localhostCertificate();
  const server: Http2SecureServer = createSecureServer(
    { key, cert, allowHTTP1: true },
    (req, res) => {
      handle(req, res).catch((error: Error) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'Internal Server Error', message: error.message }));
        }
      });
    },
  );
  const sessions = new Set<import('node:http2').ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket: import('node:net').Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    lake,
    apiHost: `https://localhost:${port}`,
    port,
    requests,
    unserved,
    changes,
    actions,
    listenerCount: () => listeners.size,
    async close() {
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await lake.close();
    },
  };
}

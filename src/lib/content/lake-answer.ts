// The remote source's one request (a GROQ query for every published document), made with
// Node's fetch instead of @sanity/client's transport, which reads an answer whole before it
// hands it on (an 800 MB answer grew the build to 3.3 GB before it failed) and returns the body
// of a redirect as if it were the answer, with no status to tell them apart. Here:
// - the body is counted while it streams in and the request aborted once it passes the limit
//   (or refused at once when its Content-Length says it would), so no more is ever held;
// - a redirect (3xx) is not followed and is reported with its status and Location;
// - an error status is reported with the server's own words, read up to a few kB.
// The request is the one `client.fetch(query)` sends, built from the client's configuration
// (API host and version, dataset, perspective, token, project header), so those stay where
// source.ts sets them up. Behind a proxy, Node's fetch reads HTTP(S)_PROXY when
// NODE_USE_ENV_PROXY=1.
import type { SanityClient } from '@sanity/client';
import { HttpStatusError, MalformedResponseError, RefusedAnswerError } from './retry.ts';

export interface AnswerOptions {
  /** Aborts the request and the reading of its body (the attempt's time limit). */
  signal: AbortSignal;
  /** The most bytes of body to read. */
  maxBytes: number;
  /** How to raise `maxBytes`, for the message (`set SANITY_MAX_ANSWER_MB …`). */
  raiseHint: string;
}

/** Enough of an error body for the server's words; the message shows 240 characters. */
const ERROR_BODY_BYTES = 16 * 1024;

/** `bytes` as the message shows a limit: whole MiB where it is one, else bytes. */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib)
    ? `${mib.toLocaleString('en')} MiB`
    : `${bytes.toLocaleString('en')} bytes`;
}

/** The URL and headers of `client.fetch(query)` with the client's configuration. */
export function queryRequest(
  client: SanityClient,
  query: string,
): { url: string; headers: Record<string, string> } {
  const config = client.config();
  const search = new URLSearchParams({ query, returnQuery: 'false' });
  const perspective = config.perspective;
  if (perspective !== undefined)
    search.set('perspective', Array.isArray(perspective) ? perspective.join(',') : perspective);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (config.token) headers['authorization'] = `Bearer ${config.token}`;
  // As the client does for an API host without the project's sub-domain (the tests' stand-in).
  if (!config.useProjectHostname && config.projectId)
    headers['x-sanity-project-id'] = config.projectId;
  return { url: `${client.getUrl(client.getDataUrl('query'))}?${search}`, headers };
}

/**
 * Runs `query` against the Content Lake and returns its `result`. Throws an HttpStatusError,
 * a RefusedAnswerError (redirect, too large) or a MalformedResponseError (not the query API's
 * JSON); network errors and aborts as fetch throws them.
 */
export async function fetchQueryResult(
  client: SanityClient,
  query: string,
  options: AnswerOptions,
): Promise<unknown> {
  const { url, headers } = queryRequest(client, query);
  // Aborting closes the connection: what the server still sends is never read.
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  try {
    const response = await fetch(url, { headers, redirect: 'manual', signal });
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      throw new RefusedAnswerError(
        `${status}, a redirect ${location ? `to ${location}` : 'without a Location'}: not followed (the query API answers without redirects; check SANITY_API_HOST and any proxy in between)`,
      );
    }
    if (response.status >= 400) {
      const text = await readText(response, ERROR_BODY_BYTES, { fatal: false, cut: true });
      throw new HttpStatusError(
        response.status,
        response.statusText,
        response.headers,
        serverWords(text, response.headers),
      );
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes)
      throw new RefusedAnswerError(
        `the answer is ${declared.toLocaleString('en')} bytes (Content-Length), more than the limit of ${formatBytes(options.maxBytes)}: not read (${options.raiseHint})`,
      );
    let text: string;
    try {
      text = await readText(response, options.maxBytes, { fatal: true, cut: false });
    } catch (error) {
      if (error instanceof TooLarge)
        throw new RefusedAnswerError(
          `the answer is larger than the limit of ${formatBytes(options.maxBytes)}: reading stopped there (${options.raiseHint})`,
        );
      if (
        error instanceof TypeError &&
        (error as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
      )
        throw new MalformedResponseError('the answer is not valid UTF-8');
      throw error;
    }
    return queryResult(text, response.headers);
  } finally {
    stop.abort();
  }
}

class TooLarge extends Error {}

/**
 * The body as text, at most `maxBytes` of it: beyond that it is cut (`cut`) or TooLarge is
 * thrown. Decoded as it comes, so the bytes are not held beside the text.
 */
async function readText(
  response: Response,
  maxBytes: number,
  { fatal, cut }: { fatal: boolean; cut: boolean },
): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder('utf-8', { fatal });
  const parts: string[] = [];
  let read = 0;
  // Leaving the loop early cancels the stream.
  for await (const chunk of response.body) {
    const room = maxBytes - read;
    if (chunk.byteLength > room) {
      if (!cut) throw new TooLarge();
      parts.push(decoder.decode(chunk.subarray(0, room), { stream: true }));
      break;
    }
    read += chunk.byteLength;
    parts.push(decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** What the server says in an error body, as the client reads it (`error - message`, `description`). */
function serverWords(text: string, headers: Headers): string {
  if (!(headers.get('content-type') ?? '').includes('json')) return text.trim();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text.trim();
  }
  if (body === null || typeof body !== 'object') return text.trim();
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'string' && typeof message === 'string') return `${error} - ${message}`;
  if (error && typeof error === 'object') {
    const description = (error as { description?: unknown }).description;
    if (typeof description === 'string') return description;
  }
  if (typeof message === 'string') return message;
  if (typeof error === 'string') return error;
  return text.trim();
}

/** The `result` of the query API's JSON answer. */
function queryResult(text: string, headers: Headers): unknown {
  const malformed = () =>
    new MalformedResponseError(
      `the answer is not the query API's JSON (cut off or malformed): ${JSON.stringify(text.slice(0, 80))}`,
    );
  if (!(headers.get('content-type') ?? '').includes('json')) throw malformed();
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw malformed();
  }
  if (answer === null || typeof answer !== 'object' || !('result' in answer))
    throw new MalformedResponseError('the answer has no result');
  return (answer as { result: unknown }).result;
}

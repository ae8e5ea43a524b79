// Bounded retries for the remote content source. @sanity/client's own retry (get-it's
// middleware) retries only 429/502/503 and network errors, ignores Retry-After and never retries
// a timeout; the remote source's one request is therefore made by lake-answer.ts, and goes
// through `withRetries`, which runs p-retry with the project's rules:
// - a per-attempt timeout (`AbortSignal.timeout`, passed to the request);
// - retries on 408, 429, 500, 502, 503, 504, network errors, timeouts and answers that are not
//   the JSON the query API sends, with exponential backoff and jitter, honouring Retry-After
//   up to a cap (p-retry knows no Retry-After, so its own delay is off and the wait happens in
//   `onFailedAttempt`, as p-retry's documentation suggests for custom delays);
// - other answers (400 query error, 401, 403, 404), a redirect and an answer above the size
//   limit fail at once (p-retry's AbortError): another attempt would get the same;
// - after the last attempt a ContentSourceError names the source and what went wrong (the
//   caller's `describe`, never the token).
// Delays, randomness and the clock are injectable so tests run fast and deterministically.
import pRetry, { AbortError } from 'p-retry';

export interface RetryPolicy {
  /** Attempts in all, the first one included (at least 1). */
  attempts: number;
  /** Backoff before the second attempt; doubles per attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest wait a Retry-After header may ask for. */
  retryAfterCapMs: number;
  /** One attempt's time limit, from sending the request to the last byte of the answer. */
  timeoutMs: number;
  /** Waits `ms` (injectable for tests). */
  sleep: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1) for the jitter (injectable for tests). */
  random: () => number;
  /** The current time in ms, to read a Retry-After date (injectable for tests). */
  now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  retryAfterCapMs: 30_000,
  timeoutMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

/** A failure to get content from a source (not a problem in the content itself). */
export class ContentSourceError extends Error {
  /** How many attempts were made. */
  readonly attempts: number;

  constructor(message: string, attempts: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContentSourceError';
    this.attempts = attempts;
    // The message says what failed and where; a stack trace (which Astro prints) would only
    // point into this file.
    this.stack = '';
  }

  /** Astro adds unrelated hints to errors whose toString() mentions "document": keep it short. */
  override toString(): string {
    return `${this.name}: the content source failed`;
  }
}

/** What went wrong in one attempt, and whether another attempt may help. */
export interface AttemptFailure {
  reason: string;
  retryable: boolean;
  /** The wait the server asked for (Retry-After), in ms. */
  retryAfterMs?: number;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** The answer is not what the query API sends (cut off, not JSON, or JSON without a result). */
export class MalformedResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedResponseError';
  }
}

/** An answer another attempt would not change (a redirect, one above the size limit): not retried. */
export class RefusedAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAnswerError';
  }
}

/** An HTTP error status (400 and above); `message` is the server's own words, if any. */
export class HttpStatusError extends Error {
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly headers: Headers;

  constructor(statusCode: number, statusMessage: string, headers: Headers, message: string) {
    super(message);
    this.name = 'HttpStatusError';
    this.statusCode = statusCode;
    this.statusMessage = statusMessage;
    this.headers = headers;
  }
}

function timeoutReason(ms: number): string {
  return `no complete answer within ${formatMs(ms)}`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, now: number): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Network error codes worth another attempt (Node / undici). */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function networkCode(error: unknown): string | undefined {
  for (
    let current = record(error), depth = 0;
    current && depth < 5;
    current = record(current['cause']), depth++
  ) {
    const code = current['code'];
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (
    let current = record(error)?.['cause'], depth = 0;
    current && depth < 5;
    current = record(current)?.['cause'], depth++
  ) {
    if (current instanceof Error && current.message) message = `${message} (${current.message})`;
  }
  return message;
}

/** Classifies one attempt's error. `now` reads Retry-After dates. */
export function classifyFailure(error: unknown, now: number): AttemptFailure {
  if (error instanceof MalformedResponseError) return { reason: error.message, retryable: true };
  if (error instanceof RefusedAnswerError) return { reason: error.message, retryable: false };
  if (error instanceof HttpStatusError) {
    const { statusCode, statusMessage, message } = error;
    // Whole here: the secrets are blanked out before the reason is shortened (withRetries).
    const reason = `HTTP ${statusCode}${statusMessage ? ` ${statusMessage}` : ''}${message ? `: ${message}` : ''}`;
    const retryAfterMs = parseRetryAfter(error.headers.get('retry-after'), now);
    return {
      reason,
      retryable: RETRYABLE_STATUS.has(statusCode),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  const code = networkCode(error);
  if (code && NETWORK_CODES.has(code))
    return { reason: `network error ${code}: ${innermostMessage(error)}`, retryable: true };
  // undici's `fetch failed` and a body cut off mid-stream (`terminated`) are TypeErrors.
  if (error instanceof TypeError)
    return { reason: `network error: ${innermostMessage(error)}`, retryable: true };
  if (error instanceof SyntaxError)
    return { reason: `the answer is not valid JSON: ${error.message}`, retryable: true };
  return { reason: innermostMessage(error), retryable: false };
}

/** The wait before attempt `attempt + 1` (attempt counts from 1): backoff with jitter, or Retry-After. */
export function retryDelay(
  attempt: number,
  failure: AttemptFailure,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'retryAfterCapMs' | 'random'>,
): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Equal jitter: half the backoff fixed, half random, so parallel builds spread out.
  const jittered = Math.round(backoff / 2 + (backoff / 2) * policy.random());
  if (failure.retryAfterMs !== undefined)
    return Math.min(policy.retryAfterCapMs, Math.max(failure.retryAfterMs, 0));
  return jittered;
}

export interface RetryOptions {
  /** What is asked, for the message: `query "*[_type == 'region']"` or similar. */
  what: string;
  /** The source, for the message (never the token). */
  describe: string;
  /** Strings to blank out of any message (the token). */
  secrets?: readonly string[];
  /** Called before each wait, e.g. to log it. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

/** `a; 2 × b` for the reasons of earlier attempts, in order of first occurrence. */
function summarise(reasons: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => (count === 1 ? reason : `${count} × ${reason}`))
    .join('; ');
}

/** The forms a secret takes when a server echoes it: as is, URL-encoded, JSON-escaped, base64. */
function secretForms(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).toLowerCase(),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url').replace(/=+$/, ''),
  ]);
  return [...forms].filter((form) => form.length >= 8).sort((a, b) => b.length - a.length);
}

/** `text` with every secret, in each of its forms, replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets)
    if (secret)
      for (const form of [secret, ...secretForms(secret)]) out = out.split(form).join('[redacted]');
  return out;
}

/** What a server said, cut to a length a build log can show: only after redact(). */
const REASON_LENGTH = 240;
const shorten = (reason: string) =>
  reason.length > REASON_LENGTH ? `${reason.slice(0, REASON_LENGTH)}…` : reason;

/** One failed attempt, as thrown to p-retry: a plain Error, so p-retry's own TypeError rule never applies. */
class AttemptFailedError extends Error {
  readonly failure: AttemptFailure;

  constructor(failure: AttemptFailure) {
    super(failure.reason);
    this.name = 'AttemptFailedError';
    this.failure = failure;
  }
}

/**
 * `running`, or a rejection once `signal` aborts: an answer whose body trickles in must not
 * outlast its time limit even where the client stops reading late.
 */
function untilAborted<T>(running: Promise<T>, signal: AbortSignal): Promise<T> {
  // The attempt's own rejection after an abort is expected: do not leave it unhandled.
  running.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    running.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Runs `attempt(signal)` up to `policy.attempts` times with p-retry. Each attempt gets an
 * `AbortSignal.timeout(policy.timeoutMs)`; an attempt still running then counts as a timeout.
 */
export async function withRetries<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  options: RetryOptions,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
  const attempts = Math.max(1, Math.floor(policy.attempts));
  const secrets = options.secrets ?? [];
  const reasons: string[] = [];
  try {
    return await pRetry(
      async () => {
        const signal = AbortSignal.timeout(policy.timeoutMs);
        try {
          return await untilAborted(attempt(signal), signal);
        } catch (error) {
          const failure = signal.aborted
            ? { reason: timeoutReason(policy.timeoutMs), retryable: true }
            : classifyFailure(error, policy.now());
          // Blanked out before it is cut: a secret cut at the edge would show most of itself.
          reasons.push(shorten(redact(failure.reason, secrets)));
          const failed = new AttemptFailedError(failure);
          throw failure.retryable ? failed : new AbortError(failed);
        }
      },
      {
        retries: attempts - 1,
        // The project's backoff (with Retry-After) replaces p-retry's own delay.
        minTimeout: 0,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft === 0 || !(error instanceof AttemptFailedError)) return;
          const delayMs = retryDelay(attemptNumber, error.failure, policy);
          options.onRetry?.({ attempt: attemptNumber, delayMs, reason: reasons.at(-1) ?? '' });
          await policy.sleep(delayMs);
        },
      },
    );
  } catch (error) {
    if (!(error instanceof AttemptFailedError)) throw error;
    const number = reasons.length;
    const tried = number === 1 ? '' : ` after ${number} attempts`;
    const earlier =
      reasons.length > 1 ? `\n  earlier attempts: ${summarise(reasons.slice(0, -1))}` : '';
    throw new ContentSourceError(
      `Could not get content from ${options.describe}${tried}: ${options.what} failed: ${reasons.at(-1)}${earlier}`,
      number,
    );
  }
}

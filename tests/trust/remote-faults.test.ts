// The remote source against a misbehaving Content Lake (the loopback stand-in with fault
// handlers): 429 with Retry-After, 5xx, dropped connections, timeouts, slow answers, cut-off or
// malformed JSON. It retries a bounded number of times with backoff and jitter, then fails with
// a ContentSourceError naming the source and the fault (never the token). Waits are recorded by
// an injected sleep, so the tests are fast and their delays exact.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectionQueries } from '../../src/lib/content/queries.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { contentCheckKey } from '../../src/lib/content/check-cache.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import {
  ContentSourceError,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  retryDelay,
  type RetryPolicy,
} from '../../src/lib/content/retry.ts';
import { LIMITS } from '../../src/lib/content/limits.ts';
import { createRemoteSource, type SourceEnv } from '../../src/lib/content/source.ts';
import {
  endlessAnswer,
  startContentLake,
  type ContentLake,
  type LakeContext,
  type LakeHandler,
} from '../support/content-lake.ts';
import { ROOT, fixtureDocuments } from './helpers.ts';

const TOKEN = 'sk-trust-test-token-0123456789';
const COUNT_REGIONS = 'count(*[_type == "region"])';

describe('the remote source under faults', () => {
  let lake: ContentLake;
  /** The current test's fault; `undefined` lets every request through. */
  let fault: LakeHandler | undefined;
  let queries = 0;

  beforeAll(async () => {
    lake = await startContentLake({
      dataset: fixtureDocuments(),
      projectId: 'naravard',
      token: TOKEN,
    });
    lake.use((ctx, next) => {
      if (ctx.route?.endpoint !== 'query') return next();
      queries++;
      return fault ? fault(ctx, next) : next();
    });
  });
  afterAll(async () => {
    await lake.close();
  });
  afterEach(() => {
    fault = undefined;
    queries = 0;
  });

  /** A source whose waits are recorded (not slept) and whose jitter is fixed. */
  function source(overrides: Partial<RetryPolicy> = {}, env: SourceEnv = {}) {
    const waits: number[] = [];
    const policy: RetryPolicy = {
      ...DEFAULT_RETRY_POLICY,
      timeoutMs: 2_000,
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
      ...overrides,
    };
    const remote = createRemoteSource(
      {
        SANITY_PROJECT_ID: 'naravard',
        SANITY_DATASET: 'production',
        SANITY_API_HOST: lake.apiHost,
        SANITY_TOKEN: TOKEN,
        ...env,
      },
      policy,
    );
    return { remote, waits };
  }

  /** Fails the first `times` queries with `failure`, then lets them through. */
  function failFirst(
    times: number,
    failure: (ctx: LakeContext) => void | Promise<void>,
  ): LakeHandler {
    let failed = 0;
    return async (ctx, next) => {
      if (failed < times) {
        failed++;
        return failure(ctx);
      }
      return next();
    };
  }

  /** Rejects with the failure, asserting it is a ContentSourceError that names the source and never the token. */
  async function failure(promise: Promise<unknown>): Promise<ContentSourceError> {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ContentSourceError);
    const message = (error as ContentSourceError).message;
    expect(message).toContain('Sanity project naravard, dataset production');
    expect(message).not.toContain(TOKEN);
    expect(message).not.toMatch(/\n\s+at /); // no stack trace in the message
    return error as ContentSourceError;
  }

  it('blanks the token out of an echoed error body before cutting it, in every form it is echoed', async () => {
    // The token at the edge of what is shown (a cut there used to print most of it), and the
    // token URL-encoded, JSON-escaped and base64-encoded further on.
    const echoed = `${'x'.repeat(190)}${TOKEN} url=${encodeURIComponent(TOKEN)} b64=${Buffer.from(TOKEN).toString('base64')}`;
    fault = (ctx) => ctx.json(400, { error: 'Bad Request', message: echoed });
    const message = (await failure(source().remote.fetch(COUNT_REGIONS))).message;
    expect(message).toContain('[redacted]');
    // Not even the token's first ten characters are left anywhere in the message.
    expect(message).not.toContain(TOKEN.slice(0, 10));
    expect(message).not.toContain(encodeURIComponent(TOKEN).slice(0, 10));
    expect(message).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 10));
  });

  it('refuses a token with a line break at once, without asking the lake', () => {
    expect(() =>
      createRemoteSource({
        SANITY_PROJECT_ID: 'naravard',
        SANITY_DATASET: 'production',
        SANITY_API_HOST: lake.apiHost,
        SANITY_TOKEN: `${TOKEN.slice(0, 10)}\n${TOKEN.slice(10)}`,
      }),
    ).toThrow(/^SANITY_TOKEN holds a line break, space or other character a token cannot have/);
    expect(queries).toBe(0);
  });

  for (const status of [301, 302, 307]) {
    it(`reports a ${status} redirect as one, with its Location, and does not follow it`, async () => {
      // A proxy that echoes the request's credentials into the address it sends the build to.
      const location = `${lake.url}/elsewhere?auth=${encodeURIComponent(`Bearer ${TOKEN}`)}`;
      fault = (ctx) => {
        ctx.res.writeHead(status, { location, 'content-type': 'text/html' });
        ctx.res.end('<a href="/elsewhere">Moved</a>');
      };
      const before = lake.requests.length;
      const { remote, waits } = source();
      const error = await failure(remote.fetch(COUNT_REGIONS));
      expect(error.message).toMatch(
        new RegExp(
          `HTTP ${status} [A-Za-z ]+, a redirect to ${lake.url}/elsewhere\\?auth=Bearer%20\\[redacted\\]: not followed`,
        ),
      );
      expect(error.message).toContain('check SANITY_API_HOST');
      expect(error.message).not.toMatch(/has no result|not the query API's JSON/);
      // Not followed, and not retried: another attempt would be sent the same way.
      expect(lake.requests.slice(before).map((request) => request.url.split('?')[0])).toEqual([
        '/v2025-02-19/data/query/production',
      ]);
      expect(error.attempts).toBe(1);
      expect(waits).toEqual([]);
    });
  }

  it('stops reading an answer at the size limit, refusing it with the limit and how to raise it', async () => {
    const answer = endlessAnswer();
    fault = answer.handler;
    const { remote, waits } = source({}, { SANITY_MAX_ANSWER_MB: '1' });
    const error = await failure(remote.fetch(COUNT_REGIONS));
    expect(error.message).toContain(
      'the answer is larger than the limit of 1 MiB: reading stopped there (SANITY_MAX_ANSWER_MB=1 sets it (1 MiB): raise it to allow a larger one)',
    );
    // Not retried: the answer would be as large again.
    expect(error.attempts).toBe(1);
    expect(waits).toEqual([]);
    // The connection was closed at the limit: what the stand-in wrote is the limit plus what
    // the sockets' buffers took, not the 256 MiB it had to send.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answer.sent()).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses at once an answer whose Content-Length is beyond the documented limit', async () => {
    // 800 MB, as an answer once reached 3.3 GB of memory before the build failed.
    const answer = endlessAnswer({ 'content-length': String(800_000_000) });
    fault = answer.handler;
    const { remote } = source();
    const error = await failure(remote.fetch(COUNT_REGIONS));
    expect(LIMITS.answerBytes).toBe(512 * 1024 * 1024);
    expect(error.message).toContain(
      'the answer is 800,000,000 bytes (Content-Length), more than the limit of 512 MiB: not read (set SANITY_MAX_ANSWER_MB to more than 512 to allow a larger one)',
    );
    expect(error.attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answer.sent()).toBeLessThan(16 * 1024 * 1024);
  });

  it('takes an answer within a lowered limit, and refuses a limit that is not a number', async () => {
    const { remote } = source({}, { SANITY_MAX_ANSWER_MB: '0.5' });
    expect(await remote.fetch(COUNT_REGIONS)).toBe(3);
    for (const setting of ['0', '-1', 'mycket', '1e9'])
      expect(() => source({}, { SANITY_MAX_ANSWER_MB: setting })).toThrow(
        `SANITY_MAX_ANSWER_MB must be a number of megabytes (MiB) above 0, not "${setting}"`,
      );
  });

  it('refuses a document nested beyond the limit in the answer, as the local check does, without a crash', async () => {
    // 6,000 levels once crashed the check with a RangeError; written as text, as JSON.stringify
    // cannot write it either.
    fault = (ctx) => {
      const published = ctx.documents.filter((document) => !document._id.startsWith('drafts.'));
      const text = JSON.stringify({
        ms: 1,
        result: published.map((document) =>
          document._id === 'tema-samverkan' ? { ...document, extra: 'DEEP' } : document,
        ),
      }).replace('"DEEP"', `${'{"a":'.repeat(6_000)}{}${'}'.repeat(6_000)}`);
      ctx.res.writeHead(200, { 'content-type': 'application/json' });
      ctx.res.end(text);
    };
    const { remote } = source();
    // What the build's check asks first: the key of a cached result (none for such content).
    expect(await contentCheckKey(remote, ROOT)).toBeUndefined();
    const check = await checkContent(remote);
    expect(check.errors.map(formatProblem)).toEqual([
      `tema-samverkan · extra.a.a.a.a.a.a.a… · Värdet är nästlat i fler än ${LIMITS.nestingDepth} nivåer, vilket är gränsen: förenkla det.`,
    ]);
    expect(queries).toBe(1);
  });

  it('answers normally without a retry', async () => {
    const { remote, waits } = source();
    expect(await remote.fetch(COUNT_REGIONS)).toBe(3);
    expect(waits).toEqual([]);
    expect(queries).toBe(1); // one snapshot of all documents; the query runs over it
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    fault = failFirst(2, (ctx) =>
      ctx.json(429, { error: 'Too Many Requests', message: 'Slow down' }, { 'retry-after': '3' }),
    );
    const { remote, waits } = source();
    expect(await remote.fetch(COUNT_REGIONS)).toBe(3);
    expect(waits).toEqual([3_000, 3_000]);
    expect(queries).toBe(3);
  });

  it('reads a Retry-After date and caps a long Retry-After', async () => {
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    fault = failFirst(1, (ctx) =>
      ctx.json(
        429,
        { error: 'Too Many Requests', message: 'Slow down' },
        { 'retry-after': '3600' },
      ),
    );
    const { remote, waits } = source({ retryAfterCapMs: 5_000 });
    expect(await remote.fetch(COUNT_REGIONS)).toBe(3);
    expect(waits).toEqual([5_000]);
  });

  for (const status of [500, 502, 503, 504]) {
    it(`retries an HTTP ${status} with exponential backoff`, async () => {
      fault = failFirst(3, (ctx) =>
        ctx.json(status, { error: 'Server Error', message: `status ${status}` }),
      );
      const { remote, waits } = source();
      expect(await remote.fetch(COUNT_REGIONS)).toBe(3);
      // base 500 ms doubling, equal jitter at random() = 0.5: ¾ of each step.
      expect(waits).toEqual([375, 750, 1_500]);
      expect(queries).toBe(4);
    });
  }

  it('gives up after the last attempt with a clear message naming the source and the fault', async () => {
    fault = (ctx) =>
      ctx.json(503, { error: 'Service Unavailable', message: 'The dataset is being restored' });
    const { remote, waits } = source();
    const error = await failure(remote.fetch(COUNT_REGIONS));
    expect(error.attempts).toBe(DEFAULT_RETRY_POLICY.attempts);
    expect(queries).toBe(DEFAULT_RETRY_POLICY.attempts);
    expect(waits).toHaveLength(DEFAULT_RETRY_POLICY.attempts - 1);
    expect(error.message).toMatch(/after 4 attempts/);
    expect(error.message).toMatch(/HTTP 503/);
    expect(error.message).toContain('The dataset is being restored');
  });

  it('does not retry what another attempt cannot fix (401, 404, 400)', async () => {
    for (const [status, body] of [
      [401, { error: 'Unauthorized', message: 'Session does not match project host' }],
      [
        404,
        { error: { description: 'Dataset "production" not found', type: 'datasetNotFoundError' } },
      ],
      [400, { error: { description: 'unexpected token', type: 'queryParseError' } }],
    ] as const) {
      queries = 0;
      fault = (ctx) => ctx.json(status, body);
      const { remote, waits } = source();
      const error = await failure(remote.fetch(COUNT_REGIONS));
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.attempts).toBe(1);
      expect(waits).toEqual([]);
      expect(queries).toBe(1);
    }
  });

  it('retries a dropped connection', async () => {
    fault = failFirst(2, (ctx) => void ctx.req.socket.destroy());
    const { remote, waits } = source();
    expect(await remote.fetch(COUNT_REGIONS)).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('retries an answer cut off in the middle of its body', async () => {
    fault = failFirst(1, (ctx) => {
      const body = JSON.stringify({ ms: 1, result: ctx.documents });
      ctx.res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      });
      ctx.res.write(body.slice(0, 200));
      setTimeout(() => ctx.res.destroy(), 10);
    });
    const { remote, waits } = source();
    expect(await remote.fetch(COUNT_REGIONS)).toBe(3);
    expect(waits).toHaveLength(1);
  });

  it('retries truncated and malformed JSON, then names it', async () => {
    fault = failFirst(1, (ctx) => {
      ctx.res.writeHead(200, { 'content-type': 'application/json' });
      ctx.res.end('{"ms":1,"result":[{"_id":"region-vastra');
    });
    const first = source();
    expect(await first.remote.fetch(COUNT_REGIONS)).toBe(3);
    expect(first.waits).toHaveLength(1);

    queries = 0;
    fault = (ctx) => {
      ctx.res.writeHead(200, { 'content-type': 'text/html' });
      ctx.res.end('<html><body>Bad gateway</body></html>');
    };
    const second = source();
    const error = await failure(second.remote.fetch(COUNT_REGIONS));
    expect(error.message).toMatch(/not the query API's JSON \(cut off or malformed\)/);
    expect(queries).toBe(DEFAULT_RETRY_POLICY.attempts);
  });

  it('retries an answer that is not UTF-8, then names it (never turned into U+FFFD)', async () => {
    fault = (ctx) => {
      ctx.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      // "Vård" in Latin-1.
      ctx.res.end(
        Buffer.concat([
          Buffer.from('{"ms":1,"result":["V'),
          Buffer.from([0xe5]),
          Buffer.from('rd"]}'),
        ]),
      );
    };
    const error = await failure(source().remote.fetch(COUNT_REGIONS));
    expect(error.message).toContain('failed: the answer is not valid UTF-8');
    expect(error.attempts).toBe(DEFAULT_RETRY_POLICY.attempts);
  });

  it('times out an attempt that gets no answer, and retries it', async () => {
    const pending: Array<() => void> = [];
    fault = failFirst(
      1,
      (ctx) =>
        new Promise<void>((resolve) => pending.push(() => resolve(ctx.json(200, { result: 0 })))),
    );
    // Long enough for the retry's answer on a loaded machine; the first attempt never gets one.
    const { remote, waits } = source({ timeoutMs: 1_000 });
    expect(await remote.fetch(COUNT_REGIONS)).toBe(3);
    expect(waits).toHaveLength(1);
    pending.forEach((answer) => answer());
  });

  it('times out an answer whose body trickles in too slowly', async () => {
    const timers: NodeJS.Timeout[] = [];
    fault = (ctx) => {
      ctx.res.writeHead(200, { 'content-type': 'application/json' });
      ctx.res.write('{"ms":1,');
      timers.push(setTimeout(() => ctx.res.end('"result":0}'), 5_000));
    };
    const { remote } = source({ timeoutMs: 150, attempts: 2 });
    const error = await failure(remote.fetch(COUNT_REGIONS));
    expect(error.message).toContain('no complete answer within 150 ms');
    expect(error.attempts).toBe(2);
    timers.forEach((timer) => clearTimeout(timer));
  });

  it('waits for a slow answer that comes within the time limit', async () => {
    fault = async (_ctx, next) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return next();
    };
    const { remote, waits } = source({ timeoutMs: 2_000 });
    expect(await remote.fetch(COUNT_REGIONS)).toBe(3);
    expect(waits).toEqual([]);
  });

  it('fails clearly when the Content Lake cannot be reached at all', async () => {
    const closed = await startContentLake({ dataset: [] });
    const apiHost = closed.apiHost;
    await closed.close();
    const waits: number[] = [];
    const remote = createRemoteSource(
      {
        SANITY_PROJECT_ID: 'naravard',
        SANITY_DATASET: 'production',
        SANITY_API_HOST: apiHost,
        SANITY_TOKEN: TOKEN,
      },
      { ...DEFAULT_RETRY_POLICY, random: () => 0, sleep: async (ms) => void waits.push(ms) },
    );
    const error = await failure(remote.fetch(COUNT_REGIONS));
    expect(error.message).toMatch(/network error/);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(waits).toEqual([250, 500, 1_000]);
  });

  it('keeps every wait bounded: backoff with jitter up to the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 500, maxDelayMs: 8_000 };
    const plain = { reason: 'HTTP 503', retryable: true };
    for (let attempt = 1; attempt <= 10; attempt++) {
      const step = Math.min(8_000, 500 * 2 ** (attempt - 1));
      expect(retryDelay(attempt, plain, { ...policy, random: () => 0 })).toBe(step / 2);
      expect(retryDelay(attempt, plain, { ...policy, random: () => 0.999999 })).toBeLessThanOrEqual(
        step,
      );
      expect(retryDelay(attempt, plain, { ...policy, random: () => 0.999999 })).toBeGreaterThan(
        step * 0.99,
      );
    }
  });

  it('never loads part of the content: the check reads one snapshot, or nothing', async () => {
    // The lake fails once the snapshot has been served: the check needs nothing more.
    let served = 0;
    fault = (ctx, next) =>
      served++ === 0 ? next() : ctx.json(502, { error: 'Bad Gateway', message: 'upstream gone' });
    const check = await checkContent(source().remote);
    expect(check.errors).toEqual([]);
    expect(Object.keys(check.entries ?? {}).sort()).toEqual(Object.keys(collectionQueries).sort());
    expect(served).toBe(1);
    // A lake that fails from the start: the check throws, listing no results.
    fault = (ctx) => ctx.json(502, { error: 'Bad Gateway', message: 'upstream gone' });
    const error = await failure(checkContent(source().remote));
    expect(error.message).toMatch(/HTTP 502/);
  });
});

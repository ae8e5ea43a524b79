// The Sanity project that `content:push` and `content:pull` talk to, from the environment only:
//
//   SANITY_PROJECT_ID, SANITY_DATASET   which project and dataset (both required)
//   SANITY_API_HOST                     another API host (the tests' loopback stand-in)
//   SANITY_WRITE_TOKEN                  push: a token that may write (Editor role)
//   SANITY_TOKEN                        pull: a token that may read (Viewer role); the write
//                                       token is used when it is the only one set
//
// Tokens are never printed: every message that leaves here has them replaced by "***".
import { createClient, type SanityClient } from '@sanity/client';
import { SANITY_API_VERSION } from '../../src/lib/rules/api-version.ts';

export interface ProjectEnv {
  SANITY_PROJECT_ID?: string | undefined;
  SANITY_DATASET?: string | undefined;
  SANITY_API_HOST?: string | undefined;
  SANITY_TOKEN?: string | undefined;
  SANITY_WRITE_TOKEN?: string | undefined;
}

export interface ProjectTarget {
  projectId: string;
  dataset: string;
  apiHost: string | undefined;
  /** "project abc123, dataset production" (plus the host when it is not Sanity's). */
  describe: string;
}

export interface ProjectToken {
  token: string;
  /** The variable it came from, for messages. */
  variable: 'SANITY_WRITE_TOKEN' | 'SANITY_TOKEN';
}

/** A failure the user can act on: printed as it is, without a stack trace. */
export class CommandError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CommandError';
    this.exitCode = exitCode;
  }
}

const TOKENS_PAGE = 'https://www.sanity.io/manage (your project → API → Tokens)';

function value(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}

export function projectTarget(env: ProjectEnv, command: string): ProjectTarget {
  const projectId = value(env.SANITY_PROJECT_ID);
  const dataset = value(env.SANITY_DATASET);
  const missing = [projectId ? '' : 'SANITY_PROJECT_ID', dataset ? '' : 'SANITY_DATASET'].filter(
    Boolean,
  );
  if (!projectId || !dataset) {
    throw new CommandError(
      [
        `${command}: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set.`,
        'Name the Sanity project and dataset in the environment, for example:',
        `  SANITY_PROJECT_ID=abc123xy SANITY_DATASET=production npm run ${command} …`,
      ].join('\n'),
      2,
    );
  }
  const apiHost = value(env.SANITY_API_HOST);
  return {
    projectId,
    dataset,
    apiHost,
    describe: `project ${projectId}, dataset ${dataset}${apiHost ? ` at ${apiHost}` : ''}`,
  };
}

/** The write token for a push: SANITY_WRITE_TOKEN only, so a build's read token never writes. */
export function writeToken(env: ProjectEnv, command: string): ProjectToken {
  const token = value(env.SANITY_WRITE_TOKEN);
  if (!token) {
    throw new CommandError(
      [
        `${command}: no write token. Set SANITY_WRITE_TOKEN to an API token with write access`,
        `(the Editor role), created at ${TOKENS_PAGE}.`,
        'SANITY_TOKEN is not used for writing: it is the read token of builds.',
      ].join('\n'),
      2,
    );
  }
  return { token, variable: 'SANITY_WRITE_TOKEN' };
}

/** The read token for a pull: SANITY_TOKEN, else SANITY_WRITE_TOKEN (a write token reads too). */
export function readToken(env: ProjectEnv, command: string): ProjectToken {
  const read = value(env.SANITY_TOKEN);
  if (read) return { token: read, variable: 'SANITY_TOKEN' };
  const write = value(env.SANITY_WRITE_TOKEN);
  if (write) return { token: write, variable: 'SANITY_WRITE_TOKEN' };
  throw new CommandError(
    [
      `${command}: no token. Set SANITY_TOKEN to an API token that can read the dataset`,
      `(the Viewer role is enough), created at ${TOKENS_PAGE}.`,
      'An export always needs a token, and drafts are never readable without one.',
    ].join('\n'),
    2,
  );
}

/** A loopback or IP-literal API host cannot carry the `{projectId}.` sub-domain. */
function usesProjectHostname(apiHost: string): boolean {
  const { hostname } = new URL(apiHost);
  return !(hostname === 'localhost' || /^[\d.]+$/.test(hostname) || hostname.startsWith('['));
}

/** A client for the raw dataset (drafts included), pinned to the site's API version, no CDN. */
export function projectClient(target: ProjectTarget, { token }: ProjectToken): SanityClient {
  return createClient({
    projectId: target.projectId,
    dataset: target.dataset,
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
    perspective: 'raw',
    token,
    ...(target.apiHost
      ? { apiHost: target.apiHost, useProjectHostname: usesProjectHostname(target.apiHost) }
      : {}),
  });
}

/** Replaces every token in `text` with "***". */
export function redact(text: string, tokens: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const token of tokens) if (token) result = result.split(token).join('***');
  return result;
}

/** The HTTP status of a @sanity/client, @sanity/import or @sanity/export error, if any. */
export function statusOf(error: unknown): number | undefined {
  const record = error as { statusCode?: unknown; response?: { statusCode?: unknown } } | null;
  const direct = record?.statusCode ?? record?.response?.statusCode;
  if (typeof direct === 'number') return direct;
  // @sanity/export words it into the message: "Export: HTTP 401: Unauthorized: …".
  const match = /\bHTTP (\d{3})\b/.exec(String((error as Error | null)?.message ?? ''));
  return match ? Number(match[1]) : undefined;
}

/**
 * Turns an API failure into a message that says what to do. `needs` is what the command
 * asked of the token.
 */
export function explainApiError(
  error: unknown,
  target: ProjectTarget,
  token: ProjectToken,
  needs: 'read' | 'write',
  command: string,
): CommandError {
  const status = statusOf(error);
  const detail = redact(String((error as Error | null)?.message ?? error), [token.token]);
  let message: string;
  if (status === 401) {
    message = [
      `${command}: the Sanity API did not accept ${token.variable} for ${target.describe} (401 Unauthorized).`,
      `Check that the token belongs to project ${target.projectId} and has not been revoked: ${TOKENS_PAGE}.`,
    ].join('\n');
  } else if (status === 403) {
    message =
      needs === 'write'
        ? [
            `${command}: ${token.variable} may read but not write ${target.describe} (403 Forbidden).`,
            `A push needs a token with the Editor role (or another role that may create and update documents),`,
            `created at ${TOKENS_PAGE}.`,
          ].join('\n')
        : [
            `${command}: ${token.variable} may not read ${target.describe} (403 Forbidden).`,
            `Use a token with at least the Viewer role: ${TOKENS_PAGE}.`,
          ].join('\n');
  } else if (status === 404) {
    message = `${command}: ${target.describe} was not found (404): check SANITY_PROJECT_ID and SANITY_DATASET.\n${detail}`;
  } else if (status !== undefined) {
    message = `${command}: the Sanity API answered ${status} for ${target.describe}: ${detail}`;
  } else {
    message = `${command}: could not complete the request to ${target.describe}: ${detail}`;
  }
  return new CommandError(message);
}

// Runs the Sanity CLI of the Studio workspace the way the README tells people to, but
// deterministic: no telemetry, no colours, no real project, no network.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const studioDir = join(repoRoot, 'sanity');

const offlineDns = join(repoRoot, 'tests', 'studio', 'support', 'offline-dns.mjs');

function sanityBin(): string {
  const require = createRequire(join(studioDir, 'package.json'));
  const bin = join(dirname(require.resolve('sanity/package.json')), 'bin', 'sanity');
  if (!existsSync(bin)) {
    throw new Error(
      `The Sanity CLI is not installed (looked for ${bin}); run \`npm install\` first.`,
    );
  }
  return bin;
}

export type CliResult = { code: number; stdout: string; stderr: string };

export function runSanity(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  // Vitest sets NODE_ENV=test for its own processes. Passed on, `sanity build` would bundle
  // React's development build (about twice the Studio tests' CPU, and not what editors get); the
  // CLI, run from a shell as README says, has no NODE_ENV and chooses for itself.
  const { NODE_ENV: _testRunnersMode, ...inherited } = process.env;
  return new Promise((resolvePromise, reject) => {
    execFile(
      // The test runner's own Node (24, from the `node` devDependency), not whatever `node` is on PATH.
      process.execPath,
      [sanityBin(), ...args],
      {
        cwd: studioDir,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...inherited,
          // A developer's real project must not be asked: the results would depend on its content.
          SANITY_STUDIO_PROJECT_ID: 'no-project-id',
          SANITY_STUDIO_DATASET: 'production',
          SANITY_PROJECT_ID: '',
          SANITY_DATASET: '',
          SANITY_TELEMETRY_DISABLED: '1',
          DO_NOT_TRACK: '1',
          NO_COLOR: '1',
          FORCE_COLOR: '0',
          CI: 'true',
          NODE_OPTIONS: `--import ${offlineDns}`,
          ...env,
        },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(
            new Error(`Could not run \`sanity ${args.join(' ')}\`: ${error.message}`, {
              cause: error,
            }),
          );
          return;
        }
        resolvePromise({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

export type ValidationMarker = {
  level: 'error' | 'warning' | 'info';
  message: string;
  path: (string | number | { _key: string })[];
};
export type DocumentReport = {
  documentId: string;
  documentType: string;
  markers: ValidationMarker[];
};

/**
 * `sanity documents validate --file` over an NDJSON file, offline, one report per
 * document that has markers. SANITY_AUTH_TOKEN only has to be present: nothing is fetched.
 */
export async function validateFile(ndjsonPath: string): Promise<DocumentReport[]> {
  const result = await runSanity(
    [
      'documents',
      'validate',
      '--file',
      ndjsonPath,
      '--yes',
      '--format',
      'ndjson',
      '--level',
      'info',
      // Offline, each of the ~200 slug and region-tree queries fails at once and then sleeps
      // through the client's retries (~3 s): 25 at a time (the default) queues them past the
      // CLI's 30 s limit per document on a loaded machine; sleeping costs nothing.
      '--max-fetch-concurrency',
      '500',
    ],
    { SANITY_AUTH_TOKEN: 'offline-test-token' },
  );
  const reports: DocumentReport[] = [];
  for (const line of result.stdout.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    const parsed = JSON.parse(line) as Partial<DocumentReport>;
    if (typeof parsed.documentId === 'string' && Array.isArray(parsed.markers)) {
      reports.push(parsed as DocumentReport);
    }
  }
  // Exit 1 with reports means "documents have errors"; anything else is the CLI failing.
  if (result.code !== 0 && reports.length === 0) {
    throw new Error(
      `sanity documents validate exited ${result.code} without a report:\n${result.stderr.slice(-4000)}`,
    );
  }
  return reports;
}

/** The error that every slug gets offline: its `isUnique` check needs the Content Lake. */
export function isOfflineSlugUniquenessError(marker: ValidationMarker): boolean {
  return (
    marker.level === 'error' &&
    marker.path.length === 1 &&
    marker.path[0] === 'slug' &&
    /^slug: Exception occurred while validating value: fetch failed$/.test(marker.message)
  );
}

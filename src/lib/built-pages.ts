// The built site's HTML pages, as the build steps after `astro build` read them (social
// images, security headers, the search index): tens of thousands of files, so each step reads
// only what it needs.
import type { AstroIntegrationLogger } from 'astro';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Set by scripts/build.ts, which runs the steps over the built pages (social images, security
 * headers, the search index) itself once `astro build` has exited: their memory (Pagefind's
 * binary 0.8 GB, the image drawing ~0.3 GB at 10,000 pages) then no longer comes on top of
 * Astro's. A plain `astro build` runs them in the integrations' `astro:build:done` hooks.
 */
export const STEPS_AFTER_ASTRO = 'NARAVARD_STEPS_AFTER_ASTRO';

export function stepsRunAfterAstro(): boolean {
  return process.env[STEPS_AFTER_ASTRO] === '1';
}

/** A logger for these steps outside Astro: `[label] message` on the console. */
export function consoleLogger(label: string): AstroIntegrationLogger {
  const logger = {
    options: {},
    label,
    fork: (name: string) => consoleLogger(name),
    info: (message: string) => console.log(`[${label}] ${message}`),
    warn: (message: string) => console.warn(`[${label}] ${message}`),
    error: (message: string) => console.error(`[${label}] ${message}`),
    debug: () => {},
  };
  return logger as unknown as AstroIntegrationLogger;
}

/** Every HTML file under `siteDir` (absolute paths), Pagefind's own output left out. */
export async function builtPages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter(
      (entry) =>
        entry.isFile() &&
        entry.name.endsWith('.html') &&
        !path.relative(siteDir, entry.parentPath).split(path.sep).includes('pagefind'),
    )
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The start of a built page, up to its `</head>`, where its meta tags are. */
export async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    let text = '';
    const chunk = Buffer.alloc(16_384);
    for (let position = 0; ;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) return text;
      position += bytesRead;
      text += chunk.toString('latin1', 0, bytesRead);
      const end = text.indexOf('</head>');
      if (end !== -1) return Buffer.from(text.slice(0, end), 'latin1').toString('utf8');
    }
  } finally {
    await handle.close();
  }
}

/** Takes the head of one built page (a step's collector: social images, `_headers`). */
export type HeadReader = (file: string, head: string) => void;

/**
 * Reads the head of every page in `files` once, 16 at a time (one by one, a step waited on the
 * disk for each of 10,000 pages, ~2 s), and hands it to every reader: the social images and
 * `_headers` each read them all before (~1.4 s apiece at 10,000 pages), and keeping the heads
 * for both would hold ~0.4 GB at 100,000 pages while Pagefind runs beside them.
 */
export async function readHeads(files: string[], readers: HeadReader[]): Promise<void> {
  let next = 0;
  const reader = async () => {
    for (let index = next++; index < files.length; index = next++) {
      const file = files[index] as string;
      const head = await readHead(file);
      for (const read of readers) read(file, head);
    }
  };
  await Promise.all(Array.from({ length: 16 }, reader));
}

/** One step over the built site; `signal` asks it to stop (another step failed). */
export interface BuildStep {
  /** What failed, as the build says it: "The search index could not be built". */
  what: string;
  run: (signal: AbortSignal) => Promise<unknown>;
}

/**
 * Runs lanes of steps side by side, each lane's steps one after the other. The first step to
 * fail aborts `stop`, so running steps can stop (Pagefind's process) and steps not yet begun are
 * skipped; every lane has settled when this returns that first failure (or undefined).
 */
export async function runSteps(
  lanes: BuildStep[][],
  stop: AbortController = new AbortController(),
): Promise<{ what: string; error: Error } | undefined> {
  let failure: { what: string; error: Error } | undefined;
  await Promise.all(
    lanes.map(async (lane) => {
      for (const { what, run } of lane) {
        if (stop.signal.aborted) return;
        try {
          await run(stop.signal);
        } catch (error) {
          failure ??= { what, error: error instanceof Error ? error : new Error(String(error)) };
          stop.abort();
          return;
        }
      }
    }),
  );
  return failure;
}

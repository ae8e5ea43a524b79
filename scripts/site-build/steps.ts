// The steps after `astro build` in `npm run build` (scripts/build.ts): the search index, the
// social images and `_headers`, run side by side once Astro has exited, so their memory
// (Pagefind's 0.65 GB at 10,000 pages, the image drawing ~0.3 GB) does not come on top of
// Astro's. Each step takes its data from the build's records (src/lib/build-records.ts) or the
// output folder's files, never from the built HTML.

/** Where a step says what it did: `[label] message` on the console. */
export interface StepLogger {
  info: (message: string) => void;
  warn: (message: string) => void;
}

export function consoleLogger(label: string): StepLogger {
  return {
    info: (message) => console.log(`[${label}] ${message}`),
    warn: (message) => console.warn(`[${label}] ${message}`),
  };
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

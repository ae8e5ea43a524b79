// A build that a global setup starts in the background (Vitest runs every project's global
// setup before any test, so waiting there would hold up every project), and the wait for it
// in the setup file of the project that needs it.
import { readFile, writeFile } from 'node:fs/promises';

/** Runs `build` without waiting, and leaves its outcome in `resultFile`. */
export function startInBackground(
  resultFile: string,
  build: () => Promise<unknown>,
): Promise<void> {
  return build().then(
    () => writeFile(resultFile, JSON.stringify({ ok: true })),
    (error: unknown) =>
      writeFile(
        resultFile,
        JSON.stringify({
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
  );
}

/** Waits until `resultFile` says how the build ended; throws with its output if it failed. */
export async function waitForBackgroundBuild(resultFile: string, what: string): Promise<void> {
  const deadline = Date.now() + 900_000;
  for (;;) {
    const text = await readFile(resultFile, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const result = JSON.parse(text) as { ok: boolean; error?: string };
      if (!result.ok) throw new Error(`${what} did not build:\n${result.error}`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`No build result in ${resultFile} after 15 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

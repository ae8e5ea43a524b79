// An exclusive lock across Vitest workers: a folder that only one process can create.
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Waits until this process holds `lock`; resolves with the function that releases it. */
export async function acquireLockFolder(lock: string): Promise<() => Promise<void>> {
  await mkdir(path.dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lock);
      return () => rm(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed run is stale after 10 minutes.
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 600_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() - started > 900_000) throw new Error(`Waited too long for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

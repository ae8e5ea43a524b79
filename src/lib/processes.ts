// Whether a process still runs: the build's leftovers beside the output are removed only when
// the build that made them has gone, and Astro's loader waits for the checked content only
// while the build writing it runs.

/** True while process `pid` exists (EPERM: it exists, owned by someone else). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

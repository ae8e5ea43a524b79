// Whether a process still runs: the build's leftovers beside the output are removed only when
// the build that made them has gone, and Astro's loader waits for the checked content only
// while the build writing it runs. A build also watches the processes that started it.
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** True while process `pid` exists (EPERM: it exists, owned by someone else). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Resolves once `file` exists (written by a rename, so whole), waiting only while process
 * `writer` runs: rejects with `gone()` if it ends first.
 */
export async function whenWrittenBy(
  file: string,
  writer: number,
  gone: () => Error,
): Promise<void> {
  while (!existsSync(file)) {
    if (!isRunning(writer)) throw gone();
    await sleep(20);
  }
}

interface Watched {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: tells a process from a later one given the same id. */
  startTime: string | undefined;
}

/** What /proc says of a process; undefined when it has ended (a zombie has ended too). */
function processInfo(
  pid: number,
): { parent: number; startTime: string; argv: string[] } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { parent: Number(fields[1]), startTime: fields[19]!, argv };
  } catch {
    return undefined;
  }
}

const isNpm = (argv: string[]) =>
  // npm sets its process title (`npm run build`), which becomes its whole command line.
  argv.some((arg) => /(?:^|[/\\])(?:npm|npx)(?:-cli\.js)?(?:\s|$)/.test(arg));
const isShell = (argv: string[]) =>
  /(?:^|\/)(?:sh|dash|bash)$/.test(argv[0] ?? '') && argv[1] === '-c';

/**
 * The processes that started this one on a user's or a supervisor's behalf: the parent, and when
 * it was started through `npm run`/`npx` (npm → `sh -c` → this process), every process up to
 * npm's. npm 11 answers SIGTERM by killing its `sh -c` and exiting, without signalling the
 * command the shell runs, and SIGKILL reaches npm alone: the command lives on unless it notices.
 */
export function starters(): number[] {
  const chain: number[] = [process.ppid];
  let pid = process.ppid;
  for (let depth = 0; depth < 4; depth++) {
    const info = processInfo(pid);
    if (!info) break;
    if (isNpm(info.argv)) return chain;
    if (!isShell(info.argv)) break;
    pid = info.parent;
    chain.push(pid);
  }
  return [process.ppid];
}

/**
 * Calls `onGone` once, as soon as a process in `starters()` has ended (checked every
 * `intervalMs`): a build whose starter was stopped stops too, however it was started.
 * Returns a function that ends the watch.
 */
export function whenStartersEnd(onGone: () => void, intervalMs = 200): () => void {
  const parent = process.ppid;
  const watched: Watched[] = starters().map((pid) => ({
    pid,
    startTime: processInfo(pid)?.startTime,
  }));
  const timer = setInterval(() => {
    const gone =
      process.ppid !== parent ||
      watched.some(({ pid, startTime }) =>
        startTime === undefined ? !isRunning(pid) : processInfo(pid)?.startTime !== startTime,
      );
    if (gone) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

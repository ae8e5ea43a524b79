// The order of test files. All three projects run as one group (vitest.config.ts), so no worker
// waits at a barrier between them; the order keeps the workers busy from the start to the end:
// 1. the 'unit' files that start child processes (a site build, the Sanity CLI, the content
//    scripts): they run while the global setups build the site and the Studio in the background;
// 2. the 'site' and 'studio-browser' files, the Studio files taking turns with the site files
//    (each drives the whole Studio in Chromium, the longest files of the run; they run side by
//    side, each session with its own lake, tests/support/studio.ts), so that none of them is the
//    last file left running; by the time they start, the builds they wait for are done or nearly;
// 3. the other 'unit' files (in-process, short): they fill the gaps at the end.
// Within each part, Vitest's own order when it has durations from an earlier run (failed first,
// then longest first), else larger files first.
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const STARTS_PROCESSES =
  /\b(?:runSanity|validateFile|runBuild|buildSite|buildSiteOrThrow|openSite|launchBrowser|runScript|spawn|spawnSync|execFile)\(|\bpromisify\(execFile\)/;

function startsProcesses(file: string): boolean {
  try {
    return STARTS_PROCESSES.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** Projects whose files start early among the browser files (see above). */
const EARLY_PROJECTS = ['studio-browser'];
/** The project whose files run first and last (see above). */
const UNIT_PROJECT = 'unit';

/** `files` with the files of EARLY_PROJECTS taking turns with the others from the start. */
function earlyProjectsInTurn(files: TestSpecification[]): TestSpecification[] {
  const early = (spec: TestSpecification) => EARLY_PROJECTS.includes(spec.project.name);
  const [first, rest] = [files.filter(early), files.filter((spec) => !early(spec))];
  const order: TestSpecification[] = [];
  while (first.length > 0 || rest.length > 0) {
    const next = first.shift();
    if (next) order.push(next);
    const other = rest.shift();
    if (other) order.push(other);
  }
  return order;
}

export class ProcessesFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const unit = (spec: TestSpecification) => spec.project.name === UNIT_PROJECT;
    const heavy = new Map(sorted.map((spec) => [spec, startsProcesses(spec.moduleId)]));
    return [
      ...sorted.filter((spec) => unit(spec) && heavy.get(spec)),
      ...earlyProjectsInTurn(sorted.filter((spec) => !unit(spec))),
      ...sorted.filter((spec) => unit(spec) && !heavy.get(spec)),
    ];
  }
}

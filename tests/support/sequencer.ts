// The order of test files. When Vitest has no durations from an earlier run (a fresh clone, CI):
// files that start child processes (a site build, the Sanity CLI, Chromium, the content
// scripts) first, larger files first within each kind, so that no slow file starts last while
// the other workers have nothing left to do. With durations from an earlier run, Vitest's own
// order (failed first, then longest first) stands.
// Then, within a group of projects that run side by side ('site' and 'studio-browser'), the
// Studio files (each drives the whole Studio in Chromium: the longest files of the group, and
// they run side by side, each session with its own lake, tests/support/studio.ts) start early,
// taking turns with the other files: so none of them is the last file left running, and the
// site's long files (whole-site gates, the pagination build) do not wait behind all of them.
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

const groupOf = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;

/** Projects whose files start early within their group (see above). */
const EARLY_PROJECTS = ['studio-browser'];

/** `files` (one group) with the files of EARLY_PROJECTS taking turns with the others from the start. */
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
    let sorted = await super.sort(files);
    const cache = this.ctx.cache;
    if (!files.every((spec) => cache.getTestSpecificationResult(spec))) {
      const heavy = new Map(sorted.map((spec) => [spec, startsProcesses(spec.moduleId)]));
      // Array sort is stable: within a project and a kind, the base order (by size) stays.
      sorted = sorted.toSorted(
        (a, b) => groupOf(a) - groupOf(b) || Number(heavy.get(b)) - Number(heavy.get(a)),
      );
    }
    const groups = [...new Set(sorted.map(groupOf))].sort((a, b) => a - b);
    return groups.flatMap((group) =>
      earlyProjectsInTurn(sorted.filter((spec) => groupOf(spec) === group)),
    );
  }
}

// The order of test files. When Vitest has no durations from an earlier run (a fresh clone, CI):
// files that start child processes (a site build, the Sanity CLI, Chromium, the content
// scripts) first, larger files first within each kind, so that no slow file starts last while
// the other workers have nothing left to do. With durations from an earlier run, Vitest's own
// order (failed first, then longest first) stands.
// Then, within a group of projects that run side by side ('site' and 'studio-browser'), the
// Studio files go first: each drives the whole Studio in Chromium (the longest files of the
// group), and they run side by side (each session has its own lake, tests/support/studio.ts),
// so starting them first keeps one of them from being the last file left running.
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

/** Projects whose files go first within their group (see above). */
const FIRST_PROJECTS = ['studio-browser'];

/** `files` (one group) with the files of FIRST_PROJECTS first, each part in its given order. */
function firstProjectsFirst(files: TestSpecification[]): TestSpecification[] {
  const first = (spec: TestSpecification) => FIRST_PROJECTS.includes(spec.project.name);
  return [...files.filter(first), ...files.filter((spec) => !first(spec))];
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
      firstProjectsFirst(sorted.filter((spec) => groupOf(spec) === group)),
    );
  }
}

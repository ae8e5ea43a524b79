// The hand-over (src/lib/content/handover.ts): the file through which scripts/build.ts hands the checked content to Astro's loader, which may
// start before the check has written it.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHECKED_CONTENT,
  CHECKED_CONTENT_WRITER,
  checkedContent,
  writeCheckedContent,
  type CheckedEntries,
} from '../../../src/lib/content/handover.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'checked-content-'));
  dirs.push(dir);
  return path.join(dir, 'content.json');
}

const entries = {
  teman: [{ id: 'egenvard', data: { name: 'Egenvård' } }],
} as unknown as CheckedEntries;

describe('checked content handed to the loader', () => {
  it('is undefined without the variable: the loader reads the source itself', () => {
    expect(checkedContent({})).toBeUndefined();
  });

  it('waits for the file while the build writing it runs, then reads it', async () => {
    const file = await tempFile();
    const read = checkedContent({
      [CHECKED_CONTENT]: file,
      [CHECKED_CONTENT_WRITER]: String(process.pid),
    });
    let settled = false;
    void read?.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled, 'read before the file was written').toBe(false);
    await writeCheckedContent(file, entries);
    await expect(read).resolves.toEqual(entries);
  });

  it('stops waiting when the build writing it has gone, naming it', async () => {
    const file = await tempFile();
    // A process that has exited: its id is free.
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    await expect(
      checkedContent({ [CHECKED_CONTENT]: file, [CHECKED_CONTENT_WRITER]: gone }),
    ).rejects.toThrow(`The build (process ${gone}) that was checking the content has stopped`);
  });

  it('fails at once, naming the variable, when there is no writer and no file', async () => {
    const file = await tempFile();
    await expect(checkedContent({ [CHECKED_CONTENT]: file })).rejects.toThrow(
      `${CHECKED_CONTENT} names ${file}, which cannot be read`,
    );
  });
});

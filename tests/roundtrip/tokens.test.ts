// content:push and content:pull refuse to run without the token they need, and say why, in
// their own process as `npm run` starts them; no token ever appears in what they print.
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentLake } from '../support/content-lake.ts';
import {
  EMBEDDED_DATASET,
  READ_TOKEN,
  WRITE_TOKEN,
  filesIn,
  projectEnv,
  removeScratchDirs,
  runScript,
  scratchDir,
  startLake,
  type CliResult,
} from './support.ts';

function printed(result: CliResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

describe('tokens', () => {
  let lake: ContentLake;

  beforeAll(async () => {
    lake = await startLake();
  });

  afterAll(async () => {
    await lake?.close();
    await removeScratchDirs();
  });

  it('push without SANITY_WRITE_TOKEN: refused before any request, naming the variable', async () => {
    const env: Record<string, string> = { ...projectEnv(lake) };
    delete env['SANITY_WRITE_TOKEN'];
    const requests = lake.requests.length;
    const result = await runScript('content-push.ts', ['--dry-run'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no write token. Set SANITY_WRITE_TOKEN');
    expect(result.stderr).toContain('SANITY_TOKEN is not used for writing');
    expect(lake.requests.length).toBe(requests);
    expect(printed(result)).not.toContain(READ_TOKEN);
  });

  it('push with a read-only token: refused by the project (403) with what to do, nothing written', async () => {
    for (const args of [['--dry-run'], []]) {
      const result = await runScript(
        'content-push.ts',
        args,
        projectEnv(lake, { write: READ_TOKEN }),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'SANITY_WRITE_TOKEN may read but not write project naravard, dataset production',
      );
      expect(result.stderr).toContain('403 Forbidden');
      expect(result.stderr).toContain('Editor role');
      expect(printed(result)).not.toContain(READ_TOKEN);
    }
    expect(lake.getDocuments()).toEqual([]);
  });

  it('push with a token the project does not know: refused (401)', async () => {
    const result = await runScript(
      'content-push.ts',
      [],
      projectEnv(lake, { write: 'sk-revoked-token-000' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did not accept SANITY_WRITE_TOKEN');
    expect(result.stderr).toContain('401 Unauthorized');
    expect(printed(result)).not.toContain('sk-revoked-token-000');
    expect(lake.getDocuments()).toEqual([]);
  });

  it('push without SANITY_PROJECT_ID: refused, naming it', async () => {
    const env: Record<string, string> = { ...projectEnv(lake) };
    delete env['SANITY_PROJECT_ID'];
    const result = await runScript('content-push.ts', [], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SANITY_PROJECT_ID is not set');
  });

  it('pull without any token: refused before any request', async () => {
    const env: Record<string, string> = { ...projectEnv(lake) };
    delete env['SANITY_TOKEN'];
    delete env['SANITY_WRITE_TOKEN'];
    const requests = lake.requests.length;
    const result = await runScript('content-pull.ts', ['--dir', await scratchDir('never')], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no token. Set SANITY_TOKEN');
    expect(lake.requests.length).toBe(requests);
  });

  it('pull with a wrong token: refused (401), the snapshot unchanged', async () => {
    const dir = await scratchDir('kept');
    await cp(EMBEDDED_DATASET, dir, { recursive: true });
    const before = await readFile(path.join(dir, 'data.ndjson'));
    const result = await runScript(
      'content-pull.ts',
      ['--dir', dir],
      projectEnv(lake, { read: 'sk-wrong-token-111' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did not accept SANITY_TOKEN');
    expect(printed(result)).not.toContain('sk-wrong-token-111');
    expect(await readFile(path.join(dir, 'data.ndjson'))).toEqual(before);
    expect(await filesIn(dir)).toEqual(['data.ndjson']);
  });

  it('push and pull with the right tokens: a summary, and no token in it', async () => {
    const pushed = await runScript('content-push.ts', [], projectEnv(lake));
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stdout).toMatch(
      /Pushed: \d+ created, 0 replaced, 0 assets uploaded; 0 unchanged\./,
    );
    const dir = await scratchDir('pulled');
    const pulled = await runScript('content-pull.ts', ['--dir', dir], projectEnv(lake));
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toMatch(/Wrote .*: \d+ documents, 0 asset files\./);
    for (const result of [pushed, pulled]) {
      expect(printed(result)).not.toContain(WRITE_TOKEN);
      expect(printed(result)).not.toContain(READ_TOKEN);
    }
  });
});

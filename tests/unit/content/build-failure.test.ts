// A broken dataset stops `npm run build` before any page is written, and the output names every
// problem as `_id · field path · problem`.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../../support/site.ts';
import { FIXTURE_DIR } from './helpers.ts';

describe('a build from a broken dataset', () => {
  let dir: string;
  let result: BuildResult;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'naravard-broken-'));
    const text = (await readFile(path.join(FIXTURE_DIR, 'data.ndjson'), 'utf8'))
      .replace('"title":"Vårdens medarbetare"', '"titel":"Vårdens medarbetare"')
      .replace('"website":"https://www.vgregion.se/"', '"website":"javascript:alert(1)"');
    await writeFile(path.join(dir, 'data.ndjson'), `${text}{"_id": oops\n`);
    result = await buildSite({ outDir: path.join(dir, 'dist'), env: { CONTENT_DIR: dir } });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails, listing every error with its _id and field path', () => {
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain('3 errors');
    expect(result.output).toMatch(/data\.ndjson:15 · \(document\) · Raden är inte giltig JSON/);
    // The messages the Studio shows an editor for the same problems (src/lib/rules/).
    expect(result.output).toContain('programme-gr · title · Skriv programmets namn.');
    expect(result.output).toContain(
      'region-vastra-gotaland · website · Adresser som börjar med javascript: är inte tillåtna här, bara http:, https:. Skriv hela adressen, till exempel https://exempel.se/sida.',
    );
    expect(result.output).not.toContain('Browser APIs are not available');
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });
});

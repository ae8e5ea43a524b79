// SITE_URL: what a build says or refuses (src/lib/site-url.ts), decided in-process case by case;
// then the real build command, which must act on it before anything else runs: a deploy build
// without SITE_URL (`npm run build`, as the deploy workflow runs it) and a malformed SITE_URL
// stop before the content check and Astro, and a build without SITE_URL warns first and goes on.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkSiteUrl,
  isDeployBuild,
  LOCAL_SITE_URL,
  siteUrl,
  type SiteUrlEnv,
} from '../../src/lib/site-url.ts';
import { runBuild } from '../trust/helpers.ts';

const LINKS = /canonical URLs, sitemap, robots\.txt, RSS feed and social cards/;

describe('checkSiteUrl', () => {
  it('warns that the links point to localhost when SITE_URL is not set (or blank)', () => {
    for (const env of [{}, { SITE_URL: '' }, { SITE_URL: '  ' }, { NARAVARD_DEPLOY_BUILD: '0' }]) {
      const check = checkSiteUrl(env);
      expect(check.kind, JSON.stringify(env)).toBe('warning');
      if (check.kind !== 'warning') continue;
      expect(check.url).toBe(LOCAL_SITE_URL);
      expect(check.message).toMatch(/^SITE_URL is not set/);
      expect(check.message).toMatch(LINKS);
      expect(check.message).toContain('point to http://localhost:4321');
    }
  });

  it('refuses a deploy build without SITE_URL, naming the variable and the flag', () => {
    for (const flag of ['1', 'true', 'yes']) {
      const check = checkSiteUrl({ NARAVARD_DEPLOY_BUILD: flag, SITE_URL: ' ' });
      expect(check.kind, flag).toBe('error');
      if (check.kind !== 'error') continue;
      expect(check.message).toMatch(
        /^SITE_URL is not set\. A deploy build \(NARAVARD_DEPLOY_BUILD=1\)/,
      );
      expect(check.message).toContain('https://naravard.example.se');
    }
  });

  it('accepts an absolute http(s) address of a host root, trimmed, in any build', () => {
    const cases: Array<[SiteUrlEnv, string]> = [
      [{ SITE_URL: 'https://naravard.example.se' }, 'https://naravard.example.se'],
      [{ SITE_URL: ' https://naravard.example.se/ \n' }, 'https://naravard.example.se/'],
      [
        { SITE_URL: 'http://vard.example.se:8080', NARAVARD_DEPLOY_BUILD: '1' },
        'http://vard.example.se:8080',
      ],
      // A local build may name the machine it is looked at on.
      [{ SITE_URL: 'http://127.0.0.1:4321' }, 'http://127.0.0.1:4321'],
    ];
    for (const [env, url] of cases)
      expect(checkSiteUrl(env), JSON.stringify(env)).toEqual({ kind: 'ok', url });
  });

  it('refuses a SITE_URL that is not an absolute http(s) address of a host root, deploy or not', () => {
    const cases: Array<[string, RegExp]> = [
      ['naravard.example.se', /is not an absolute URL/],
      ['/sv/', /is not an absolute URL/],
      ['ftp://naravard.example.se', /scheme is ftp, not http or https/],
      ['javascript:alert(1)', /scheme is javascript/],
      ['https://user:secret@naravard.example.se', /user name or password/],
      ['https://example.se/naravard/', /path, query or fragment/],
      ['https://naravard.example.se/?utm=1', /path, query or fragment/],
      ['https://naravard.example.se/#top', /path, query or fragment/],
    ];
    for (const [value, why] of cases) {
      for (const deploy of [undefined, '1']) {
        const check = checkSiteUrl({ SITE_URL: value, NARAVARD_DEPLOY_BUILD: deploy });
        expect(check.kind, value).toBe('error');
        if (check.kind !== 'error') continue;
        expect(check.message).toMatch(
          /^SITE_URL must be the site's public address as an absolute http\(s\) URL/,
        );
        expect(check.message).toContain(JSON.stringify(value));
        expect(check.message).toMatch(why);
      }
    }
  });

  it('refuses an address on this machine in a deploy build only', () => {
    for (const value of [
      'http://localhost:4321',
      'http://127.0.0.1',
      'http://[::1]:8080',
      'https://naravard.localhost',
    ]) {
      expect(checkSiteUrl({ SITE_URL: value }).kind, value).toBe('ok');
      const check = checkSiteUrl({ SITE_URL: value, NARAVARD_DEPLOY_BUILD: '1' });
      expect(check.kind, value).toBe('error');
      if (check.kind === 'error') expect(check.message).toContain('an address on this machine');
    }
  });

  it('reads the deploy flag as set unless empty, 0 or false', () => {
    expect(
      [undefined, '', ' ', '0', 'false', 'FALSE'].map((flag) =>
        isDeployBuild({ NARAVARD_DEPLOY_BUILD: flag }),
      ),
    ).toEqual([false, false, false, false, false, false]);
    expect(
      ['1', 'true', 'on'].map((flag) => isDeployBuild({ NARAVARD_DEPLOY_BUILD: flag })),
    ).toEqual([true, true, true]);
  });

  it('gives Astro SITE_URL, else the local address', () => {
    expect(siteUrl({ SITE_URL: ' https://naravard.example.se ' })).toBe(
      'https://naravard.example.se',
    );
    expect(siteUrl({ SITE_URL: '' })).toBe(LOCAL_SITE_URL);
    expect(siteUrl({})).toBe(LOCAL_SITE_URL);
  });
});

describe('the build command and SITE_URL', () => {
  let work: string;
  let outDir: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'naravard-site-url-'));
    outDir = path.join(work, 'dist');
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('npm run build with NARAVARD_DEPLOY_BUILD=1 and no SITE_URL stops at once, before the content check and Astro', async () => {
    const started = Date.now();
    const run = await runBuild({
      outDir,
      command: 'npm',
      env: { NARAVARD_DEPLOY_BUILD: '1', SITE_URL: undefined },
      expectCheckToFail: true,
    });
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toContain('SITE_URL is not set. A deploy build (NARAVARD_DEPLOY_BUILD=1)');
    expect(run.output).toContain('Nothing was built.');
    expect(run.output).not.toContain('Checking the content');
    expect(run.output).not.toMatch(/astro/i);
    expect(run.output).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(outDir)).toBe(false);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('a build with a malformed SITE_URL stops before the content check', async () => {
    const run = await runBuild({
      outDir,
      env: { SITE_URL: 'naravard.example.se', NARAVARD_DEPLOY_BUILD: undefined },
      expectCheckToFail: true,
    });
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toContain(
      `SITE_URL must be the site's public address as an absolute http(s) URL, e.g. https://naravard.example.se; "naravard.example.se" is not: it is not an absolute URL.`,
    );
    expect(run.output).not.toContain('Checking the content');
    expect(existsSync(outDir)).toBe(false);
  });

  it('a build without SITE_URL warns that its links point to localhost, then goes on to the content check', async () => {
    // A content folder without data.ndjson: the check fails at once, so no site is built.
    const run = await runBuild({
      outDir,
      env: { SITE_URL: undefined, NARAVARD_DEPLOY_BUILD: undefined, CONTENT_DIR: work },
      expectCheckToFail: true,
    });
    expect(run.exitCode, run.output).toBe(1);
    const warning = run.output.indexOf(
      "warning  SITE_URL is not set: this build's canonical URLs, sitemap, robots.txt, RSS feed and social cards point to http://localhost:4321.",
    );
    expect(warning, run.output).toBeGreaterThanOrEqual(0);
    expect(run.output.indexOf('Checking the content'), run.output).toBeGreaterThan(warning);
  });
});

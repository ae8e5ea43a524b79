// The scan of the built site for secrets (scripts/site-build/secret-scan.ts, a step after Astro
// in `npm run build`): the environment's token values and strings shaped like Sanity API tokens
// fail the build, naming the page; the content check names the document holding one.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanForSecrets } from '../../scripts/site-build/secret-scan.ts';
import { secretProblems } from '../../src/lib/content/secrets.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';

const READ_TOKEN = 'read-token-value-0123456789';
const SHAPED = `sk${'Ab3'.repeat(30)}`;

describe('the scan for secrets', () => {
  let site: string;
  beforeAll(async () => {
    site = await mkdtemp(path.join(tmpdir(), 'naravard-trust-secrets-'));
  });
  afterAll(async () => {
    await rm(site, { recursive: true, force: true });
  });

  const write = async (relative: string, text: string | Buffer) => {
    await mkdir(path.dirname(path.join(site, relative)), { recursive: true });
    await writeFile(path.join(site, relative), text);
  };

  it('passes a site without secrets, reading every text file', async () => {
    await write('index.html', '<!doctype html><title>Start</title>');
    await write('regioner/fyrbodal/index.html', '<p>Fyrbodal</p>');
    await write('_headers', '/*\n  X-Frame-Options: DENY\n');
    // Pagefind's compressed index and images hold no text worth searching (and the pages do).
    await write('pagefind/fragment/x.pf_fragment', SHAPED);
    await write('og/x.png', Buffer.from(SHAPED));
    expect(await scanForSecrets(site, { SANITY_TOKEN: READ_TOKEN })).toEqual({ files: 3 });
  });

  it('fails naming each page that holds the token value or a token-shaped string', async () => {
    await write('regioner/fyrbodal/index.html', `<p>Fyrbodal ${READ_TOKEN}</p>`);
    await write('sitemap-0.xml', `<loc>https://x/?t=${SHAPED}</loc>`);
    const error = await scanForSecrets(site, { SANITY_TOKEN: READ_TOKEN }).then(
      () => undefined,
      (reason: Error) => reason,
    );
    expect(error?.message).toContain('A secret is in the built site, which is not published:');
    expect(error?.message).toContain('/regioner/fyrbodal/ holds the value of SANITY_TOKEN');
    expect(error?.message).toContain(
      '/sitemap-0.xml holds a string shaped like a Sanity API token (skAb…)',
    );
    // The message never repeats a secret.
    expect(error?.message).not.toContain(READ_TOKEN);
    expect(error?.message).not.toContain(SHAPED.slice(0, 12));
  });

  it('reads every file of a site of many pages, down to the last', async () => {
    const many = await mkdtemp(path.join(tmpdir(), 'naravard-trust-secrets-many-'));
    try {
      for (let index = 0; index < 1000; index++) {
        await mkdir(path.join(many, 'sidor', String(index)), { recursive: true });
        await writeFile(path.join(many, 'sidor', String(index), 'index.html'), `<p>${index}</p>`);
      }
      expect(await scanForSecrets(many, { SANITY_TOKEN: READ_TOKEN })).toEqual({ files: 1000 });
      await writeFile(path.join(many, 'sidor', '999', 'index.html'), `<p>${READ_TOKEN}</p>`);
      await expect(scanForSecrets(many, { SANITY_TOKEN: READ_TOKEN })).rejects.toThrow(
        '/sidor/999/ holds the value of SANITY_TOKEN',
      );
    } finally {
      await rm(many, { recursive: true, force: true });
    }
  });

  it('names the document and field of content holding a token', () => {
    const problems = secretProblems(
      [
        { _id: 'tema-a', _type: 'tema', body: [{ children: [{ text: `nyckel ${SHAPED}` }] }] },
        { _id: 'tema-b', _type: 'tema', name: 'Inget hemligt' },
        { _id: 'tema-c', _type: 'tema', name: `x${READ_TOKEN}` },
      ],
      [{ name: 'SANITY_TOKEN', value: READ_TOKEN }],
    );
    expect(problems.map(formatProblem)).toEqual([
      'tema-a · body[0].children[0].text · holds a string shaped like a Sanity API token (skAb…): a secret must never be published. Remove it, and revoke the token',
      'tema-c · name · holds the value of SANITY_TOKEN: a secret must never be published. Remove it, and revoke the token',
    ]);
  });
});

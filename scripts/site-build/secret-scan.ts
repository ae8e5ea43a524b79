// The last guard before a build is swapped in (a step after Astro in scripts/build.ts): every
// text file of the built site is searched for the environment's token values and for strings
// shaped like Sanity API tokens (src/lib/content/secrets.ts). One found fails the build, naming
// the page; the content check has already refused documents holding one, naming `_id` and field.
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { environmentSecrets, secretIn } from '../../src/lib/content/secrets.ts';

/** Files a browser reads as text; images, fonts and Pagefind's compressed index are left out. */
const TEXT_FILE =
  /(?:\.(?:html|xml|json|js|mjs|css|txt|svg|webmanifest|map)|\/_headers|\/_redirects)$/;

/** Files read between two turns of the event loop (~10 ms). */
const SCAN_BATCH = 250;

/** The address a built file is served at: `regioner/x/index.html` → `/regioner/x/`. */
function address(relative: string): string {
  const web = `/${relative.split(path.sep).join('/')}`;
  return web.endsWith('/index.html') ? web.slice(0, -'index.html'.length) : web;
}

/** Throws naming every page of `outDir` that holds a secret (at most 20 named). */
export async function scanForSecrets(
  outDir: string,
  env: Record<string, string | undefined> = process.env,
): Promise<{ files: number }> {
  const secrets = environmentSecrets(env);
  const found: string[] = [];
  let files = 0;
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(outDir, full);
    if (relative.startsWith(`pagefind${path.sep}`) || !TEXT_FILE.test(`/${relative}`)) continue;
    files++;
    // Read synchronously, letting the event loop run between batches (Pagefind's API answers on
    // it): a promise-based read costs four thread-pool round trips a file, 1.9 s of CPU for
    // 10,000 pages against 0.5 s, taken from Pagefind, which runs beside this scan.
    if (files % SCAN_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    const what = secretIn(readFileSync(full, 'utf8'), secrets);
    if (what) found.push(`${address(relative)} holds ${what}`);
  }
  if (found.length > 0)
    throw new Error(
      `A secret is in the built site, which is not published:\n${found
        .slice(0, 20)
        .map((line) => `  ${line}`)
        .join(
          '\n',
        )}${found.length > 20 ? `\n  … and ${found.length - 20} more` : ''}\nRemove it from the content or code that put it there, and revoke the token`,
    );
  return { files };
}

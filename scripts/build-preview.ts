// `npm run build:preview`: the editors' preview of the site, built from the Sanity project
// with the drafts perspective (every draft overlaid on its published document, new drafts
// included) into dist-preview/, never dist/. Every page carries a Swedish preview banner and
// `<meta name="robots" content="noindex">`; there is no sitemap and robots.txt disallows all
// (src/integrations/preview.ts). It is for the editorial team: do not deploy it publicly.
//
// Needs SANITY_PROJECT_ID, SANITY_DATASET and SANITY_TOKEN, a read token (the Viewer role
// reads drafts); SANITY_API_HOST as for any remote build; STUDIO_URL, the Studio whose
// Presentation tool shows the preview (default http://localhost:3333, `npm run studio`). The build itself is the ordinary one
// (scripts/build.ts: content check, build beside the output folder, swap) with
// SANITY_PERSPECTIVE=drafts; `--out DIR` builds elsewhere (never dist/).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { studioOrigins } from '../src/lib/preview.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PUBLIC_DIR = path.join(ROOT, 'dist');

function fail(message: string, code = 2): never {
  console.error(`npm run build:preview: ${message}`);
  process.exit(code);
}

const { values } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: false });
const outDir = path.resolve(ROOT, values.out ?? 'dist-preview');
const relative = path.relative(PUBLIC_DIR, outDir);
if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
  fail(`the preview goes into its own folder, never into dist/ (the public site): ${outDir}`);
}

const missing = ['SANITY_PROJECT_ID', 'SANITY_DATASET', 'SANITY_TOKEN'].filter(
  (name) => !process.env[name]?.trim(),
);
if (missing.length > 0) {
  fail(
    [
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set.`,
      'A preview shows drafts from the Sanity project, and drafts are only readable with a token:',
      '  SANITY_PROJECT_ID=abc123xy SANITY_DATASET=production SANITY_TOKEN=<read token> npm run build:preview',
      'The token (Viewer role is enough) comes from https://www.sanity.io/manage (your project → API → Tokens);',
      'keep it in your shell or CI secrets, never in a file in the repository.',
    ].join('\n'),
  );
}

// The Studios whose Presentation tool may frame the preview: checked before anything is built.
let studios: string[];
try {
  studios = studioOrigins(process.env);
} catch (error) {
  fail((error as Error).message);
}

console.log(
  `Building the editors' preview (drafts) into ${path.relative(process.cwd(), outDir) || outDir}/ …\n` +
    `The Studio at ${studios.join(', ')} may show it in its Presentation tool (STUDIO_URL).`,
);
const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build.ts')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_OUT_DIR: outDir,
    SANITY_PERSPECTIVE: 'drafts',
    NARAVARD_PREVIEW_BUILD: '1',
    // A cache folder of its own: the preview's pages (drafts, a banner) never replace the public
    // site's in the incremental build's cache, and each rebuild of either reuses its own.
    ASTRO_CACHE_DIR:
      process.env.ASTRO_CACHE_DIR?.trim() || path.join(ROOT, '.cache', 'astro-preview'),
  },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => {
  child.on('error', (error) => {
    console.error(`Could not start the build: ${error.message}`);
    resolve(1);
  });
  child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
});
if (code === 0) {
  console.log(
    `\nPreview ready in ${path.relative(process.cwd(), outDir) || outDir}/. Serve it locally with:\n  ASTRO_OUT_DIR=${path.relative(ROOT, outDir)} npm start -- --no-build`,
  );
}
process.exit(code);

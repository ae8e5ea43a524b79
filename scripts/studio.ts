// `npm run studio`: starts Sanity Studio for the project named in the environment.
// The Studio talks to a real Sanity project, so it refuses to start without one
// instead of opening a Studio that cannot load anything.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const studioDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'sanity');

function read(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

const projectId = read('SANITY_STUDIO_PROJECT_ID') ?? read('SANITY_PROJECT_ID');
const dataset = read('SANITY_STUDIO_DATASET') ?? read('SANITY_DATASET') ?? 'production';

if (!projectId) {
  console.error(
    [
      'npm run studio: no Sanity project id is set.',
      '',
      'Set SANITY_STUDIO_PROJECT_ID (or SANITY_PROJECT_ID, which the site uses too), and',
      'optionally SANITY_STUDIO_DATASET / SANITY_DATASET (default: production), for example:',
      '',
      '  SANITY_STUDIO_PROJECT_ID=abc123xy SANITY_STUDIO_DATASET=production npm run studio',
      '',
      'No project yet? Create one with `npx sanity init` (in sanity/) or at',
      'https://www.sanity.io/manage, then load the embedded dataset with',
      '`npx sanity dataset import ../content/dataset/data.ndjson production` (in sanity/).',
      'The site itself needs no project: `npm run dev` reads content/dataset/ offline.',
    ].join('\n'),
  );
  process.exit(1);
}

const command = process.argv[2] ?? 'dev';
const child = spawn('sanity', [command, ...process.argv.slice(3)], {
  cwd: studioDir,
  stdio: 'inherit',
  // The Studio bundle only sees SANITY_STUDIO_* variables, so the site's names are copied over.
  env: { ...process.env, SANITY_STUDIO_PROJECT_ID: projectId, SANITY_STUDIO_DATASET: dataset },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
child.on('error', (error) => {
  console.error(`npm run studio: could not start \`sanity ${command}\`: ${error.message}`);
  process.exit(1);
});

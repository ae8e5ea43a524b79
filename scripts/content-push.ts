// `npm run content:push [-- --dry-run] [-- --dir <snapshot>] [-- --all]`: see scripts/content/push.ts.
import { runCommand } from './content/cli.ts';
import { pushSnapshot } from './content/push.ts';

const USAGE = `Usage: npm run content:push -- [--dry-run] [--dir content/dataset] [--all]

Imports the snapshot folder into the Sanity project and dataset named by SANITY_PROJECT_ID and
SANITY_DATASET, with the write token in SANITY_WRITE_TOKEN. Writes only documents that are new
or differ from the project's (createOrReplace); uploads missing assets.

  --dry-run   compare and print what would change; write nothing
  --dir DIR   the snapshot folder (default content/dataset)
  --all       write every document, also those the project has unchanged`;

await runCommand(
  'content:push',
  USAGE,
  { 'dry-run': { type: 'boolean' }, dir: { type: 'string' }, all: { type: 'boolean' } },
  (values, log) =>
    pushSnapshot({
      env: process.env,
      dir: (values['dir'] as string | undefined) ?? 'content/dataset',
      dryRun: values['dry-run'] === true,
      all: values['all'] === true,
      log,
    }),
);

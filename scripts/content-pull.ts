// `npm run content:pull [-- --drafts] [-- --dir <snapshot>]`: see scripts/content/pull.ts.
import { runCommand } from './content/cli.ts';
import { pullSnapshot } from './content/pull.ts';

const USAGE = `Usage: npm run content:pull -- [--drafts] [--dir content/dataset] [--allow-empty]

Exports the Sanity project and dataset named by SANITY_PROJECT_ID and SANITY_DATASET (read token
in SANITY_TOKEN, else SANITY_WRITE_TOKEN) into the snapshot folder: documents sorted by _id,
assets in images/ and files/. The folder is replaced only when the whole export succeeded.

  --drafts        include drafts (drafts.*); by default only published documents
  --dir DIR       the snapshot folder (default content/dataset)
  --allow-empty   replace the snapshot even if the project has no documents`;

await runCommand(
  'content:pull',
  USAGE,
  { drafts: { type: 'boolean' }, dir: { type: 'string' }, 'allow-empty': { type: 'boolean' } },
  (values, log) =>
    pullSnapshot({
      env: process.env,
      dir: (values['dir'] as string | undefined) ?? 'content/dataset',
      drafts: values['drafts'] === true,
      allowEmpty: values['allow-empty'] === true,
      log,
    }),
);

// The deploy pipeline (.github/workflows/deploy.yml): valid by GitHub's own workflow schema,
// and saying what docs/editor-workflow.md says it does: its triggers (the webhook's event type
// among them), one deploy at a time, the build cache after the install and over the folders
// the build caches in, the content tests that exist, a deploy build with SITE_URL from the
// Sanity project, each secret only in the step that needs it, and dist/ deployed to Netlify.
// The webhook's GROQ filter and projection, as the docs give them, run over real documents.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate, parse } from 'groq-js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseNdjson } from '../../src/lib/content/dataset.ts';
import { DOCUMENT_TYPES } from '../../src/lib/rules/documents.ts';
import { DEPLOY_BUILD } from '../../src/lib/site-url.ts';
import { ROOT } from '../support/site.ts';
import { workflowSchemaErrors } from '../support/workflow-parser.ts';

const WORKFLOW_FILE = path.join(ROOT, '.github', 'workflows', 'deploy.yml');
const workflowText = readFileSync(WORKFLOW_FILE, 'utf8');
const docs = readFileSync(path.join(ROOT, 'docs', 'editor-workflow.md'), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[]; env?: unknown }>;
}
const workflow = parseYaml(workflowText) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

function step(find: (step: Step) => boolean, what: string): Step {
  const found = steps.filter(find);
  expect(found, what).toHaveLength(1);
  return found[0]!;
}
const indexOf = (target: Step) => steps.indexOf(target);
const install = step((s) => /^npm ci\b/.test(s.run ?? ''), 'the install step');
const cache = step((s) => s.uses?.startsWith('actions/cache@') ?? false, 'the cache step');
const contentTests = step((s) => /\bvitest run\b/.test(s.run ?? ''), 'the content tests');
const build = step((s) => s.run?.trim() === 'npm run build', 'the build step');
const deploy = step((s) => /\bnetlify-cli@/.test(s.run ?? ''), 'the deploy step');

/** The one code block of docs/editor-workflow.md that follows `label`. */
function docsBlock(label: string): string {
  const start = docs.indexOf(label);
  expect(start, `"${label}" in docs/editor-workflow.md`).toBeGreaterThanOrEqual(0);
  const block = /```\w*\n([\s\S]*?)```/.exec(docs.slice(start));
  expect(block, `a code block after "${label}"`).not.toBeNull();
  return block![1]!;
}

describe('the deploy workflow', () => {
  it("is valid by GitHub's workflow schema (@actions/workflow-parser), which catches broken copies", () => {
    expect(workflowSchemaErrors('deploy.yml', workflowText)).toEqual([]);
    const broken: Array<[string, string, RegExp]> = [
      ['runs-on:', 'runs_on:', /Unexpected value 'runs_on'/],
      ['repository_dispatch:', 'repository-dispatch:', /Unexpected value 'repository-dispatch'/],
      ['cancel-in-progress: false', 'cancel-in-progress: later', /Unexpected value 'later'/],
      ['secrets.SANITY_TOKEN', 'secret.SANITY_TOKEN', /Unrecognized named-value: 'secret'/],
    ];
    for (const [from, to, problem] of broken) {
      expect(workflowText, from).toContain(from);
      const errors = workflowSchemaErrors('deploy.yml', workflowText.replace(from, to));
      expect(errors.join('\n'), `${from} → ${to}`).toMatch(problem);
    }
  });

  it('runs on a push to main, every night, on demand and on the Sanity webhook’s dispatch', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(
      ['push', 'repository_dispatch', 'schedule', 'workflow_dispatch'].sort(),
    );
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on.repository_dispatch).toEqual({ types: ['sanity-publish'] });
    const schedule = workflow.on.schedule as Array<{ cron: string }>;
    expect(schedule).toHaveLength(1);
    expect(schedule[0]!.cron.split(' ')).toHaveLength(5);
  });

  it('deploys one at a time without cancelling a running deploy, and may only read the repository', () => {
    expect(workflow.concurrency.group).toBeTruthy();
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it("restores the build cache after npm ci, over .cache/ and Astro's cacheDir, saving a new entry each run", async () => {
    expect(indexOf(cache)).toBeGreaterThan(indexOf(install)); // npm ci empties node_modules/
    expect(indexOf(cache)).toBeLessThan(indexOf(build));
    expect(cache.with?.path).toBe('${{ env.BUILD_CACHE_PATHS }}');
    const paths = workflow.env.BUILD_CACHE_PATHS!.split('\n').filter(Boolean);
    expect(paths).toContain('.cache/');
    // The folder Astro keeps its cache in, as the build the workflow runs has it (no
    // ASTRO_CACHE_DIR in the workflow), must lie in one of the cached folders.
    expect(workflowText).not.toContain('ASTRO_CACHE_DIR');
    const saved = process.env.ASTRO_CACHE_DIR;
    delete process.env.ASTRO_CACHE_DIR;
    const { default: config } = await import('../../astro.config.mjs');
    if (saved !== undefined) process.env.ASTRO_CACHE_DIR = saved;
    const cacheDir = path.resolve(ROOT, config.cacheDir ?? 'node_modules/.astro');
    expect(
      paths.some((cached) => !path.relative(path.resolve(ROOT, cached), cacheDir).startsWith('..')),
      `${cacheDir} in ${paths.join(', ')}`,
    ).toBe(true);
    // A cache entry is never overwritten: a key per run, restored by its prefixes.
    expect(cache.with?.key).toContain('${{ github.run_id }}');
    const prefixes = cache.with!['restore-keys']!.split('\n').filter(Boolean);
    expect(prefixes.length).toBeGreaterThan(0);
    for (const prefix of prefixes) expect(cache.with!.key!.startsWith(prefix), prefix).toBe(true);
  });

  it('runs content tests that exist, before the build', () => {
    expect(indexOf(contentTests)).toBeLessThan(indexOf(build));
    const files = contentTests.run!.split(/\s+/).filter((word) => word.startsWith('tests/'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
    expect(files).toContain('tests/trust/build-validation.test.ts');
  });

  it('builds a deploy build from the Sanity project with SITE_URL, into dist/, and deploys dist/ to Netlify', () => {
    expect(build.env).toEqual({
      [DEPLOY_BUILD]: '1',
      SITE_URL: '${{ vars.SITE_URL }}',
      SANITY_PROJECT_ID: '${{ vars.SANITY_PROJECT_ID }}',
      SANITY_DATASET: '${{ vars.SANITY_DATASET }}',
      SANITY_TOKEN: '${{ secrets.SANITY_TOKEN }}',
    });
    expect(indexOf(deploy)).toBeGreaterThan(indexOf(build));
    expect(deploy.run).toMatch(
      /npx --yes netlify-cli@\d+\.\d+\.\d+ deploy --prod --no-build --dir dist /,
    );
    expect(deploy.env).toMatchObject({
      NETLIFY_AUTH_TOKEN: '${{ secrets.NETLIFY_AUTH_TOKEN }}',
      NETLIFY_SITE_ID: '${{ secrets.NETLIFY_SITE_ID }}',
    });
    expect(workflowText).not.toContain('ASTRO_OUT_DIR'); // the build writes dist/
  });

  it('gives each secret only to the step that needs it, and names every secret and variable in the docs', () => {
    const secretSteps = new Map<string, string[]>();
    for (const s of steps)
      for (const [, name] of JSON.stringify(s).matchAll(/secrets\.(\w+)/g))
        secretSteps.set(name!, [...(secretSteps.get(name!) ?? []), s.name ?? s.uses ?? '?']);
    expect(Object.fromEntries(secretSteps)).toEqual({
      SANITY_TOKEN: [build.name],
      NETLIFY_AUTH_TOKEN: [deploy.name],
      NETLIFY_SITE_ID: [deploy.name],
    });
    expect(JSON.stringify(workflow.env)).not.toContain('secrets.');
    for (const job of Object.values(workflow.jobs))
      expect(JSON.stringify(job.env ?? {})).not.toContain('secrets.');
    const names = [...workflowText.matchAll(/\b(?:secrets|vars)\.(\w+)/g)].map((match) => match[1]);
    for (const name of new Set(names)) expect(docs, name).toContain(`\`${name}\``);
  });
});

describe('the Sanity webhook in docs/editor-workflow.md', () => {
  const filter = docsBlock('**Filter**').trim();
  const projection = docsBlock('**Projection**').trim();
  // The fixture (published documents of every type, a draft, an image asset, a system group),
  // plus a draft of every document, a release version, a file asset.
  const fixture = parseNdjson(
    readFileSync(path.join(ROOT, 'tests', 'fixtures', 'minimal', 'data.ndjson'), 'utf8'),
  ).documents;
  const dataset = [
    ...fixture,
    ...fixture
      .filter((document) => !document._id.includes('.'))
      .map((document) => ({ ...document, _id: `drafts.${document._id}` }))
      .filter((draft) => !fixture.some((document) => document._id === draft._id)),
    {
      ...fixture.find((document) => document._type === 'programme')!,
      _id: 'versions.r1.programme-x',
    },
    { _id: 'file-abc-pdf', _type: 'sanity.fileAsset' },
  ];
  const isContentType = (type: string) => (DOCUMENT_TYPES as readonly string[]).includes(type);
  const published = dataset.filter(
    (document) =>
      isContentType(document._type) &&
      !document._id.startsWith('drafts.') &&
      !document._id.startsWith('versions.'),
  );
  const query = async (groq: string) => (await evaluate(parse(groq), { dataset })).get();

  it('names the nine content types, and the fixture has all of them', () => {
    for (const type of DOCUMENT_TYPES) expect(filter, type).toContain(`"${type}"`);
    expect(new Set(published.map((document) => document._type))).toEqual(new Set(DOCUMENT_TYPES));
    expect(dataset.length - published.length).toBeGreaterThan(DOCUMENT_TYPES.length);
  });

  it('matches the published documents of the content types only: no draft, version or asset', async () => {
    const matched = (await query(`*[${filter}]._id`)) as string[];
    expect(matched.sort()).toEqual(published.map((document) => document._id).sort());
  });

  it("projects GitHub's repository_dispatch body with the workflow's event type", async () => {
    const bodies = (await query(`*[${filter}]${projection}`)) as Array<Record<string, unknown>>;
    expect(bodies).toHaveLength(published.length);
    for (const [index, body] of bodies.entries()) {
      expect(Object.keys(body).sort()).toEqual(['client_payload', 'event_type']);
      expect(body.event_type).toBe('sanity-publish');
      // GitHub: at most 10 top-level properties in client_payload.
      const payload = body.client_payload as Record<string, unknown>;
      expect(Object.keys(payload).length).toBeLessThanOrEqual(10);
      expect(payload._id, `body ${index}`).toEqual(expect.any(String));
      expect(payload._type).toEqual(expect.any(String));
    }
  });
});

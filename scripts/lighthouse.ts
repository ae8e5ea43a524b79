// `npm run lighthouse [-- --docs N | --dist DIR]`: Lighthouse on the start page, the largest
// region page, the programme page of median size and /sok/ of a built site, served on loopback
// with gzip. Default: the last benchmark build of 1,000 documents (`npm run bench -- --docs
// 1000`), else dist/. With --docs, the scores are stored in docs/performance/bench-N.json and
// the Lighthouse table of docs/performance.md is written again.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findOrInstallChromium } from './chromium.ts';
import { detailPagesBySize, runLighthouse } from './bench/lighthouse.ts';
import {
  renderLighthouse,
  replaceBetweenMarkers,
  writeFormatted,
  type BenchResult,
} from './bench/report.ts';
import { startStaticServer } from './static-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { docs: { type: 'string' }, dist: { type: 'string' } } });

const docs = values.docs
  ? Number(values.docs)
  : existsSync(path.join(ROOT, '.cache', 'bench', 'dist-1000')) && !values.dist
    ? 1000
    : undefined;
const dist = values.dist
  ? path.resolve(values.dist)
  : docs
    ? path.join(ROOT, '.cache', 'bench', `dist-${docs}`)
    : path.join(ROOT, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(
    `No built site in ${dist}: run \`npm run bench -- --docs ${docs ?? 1000}\` or \`npm run build\` first.`,
  );
  process.exit(1);
}

const regions = await detailPagesBySize(dist, 'regioner');
const programmes = await detailPagesBySize(dist, 'program');
const targets = [
  { name: 'start', path: '/' },
  ...(regions.length > 0
    ? [{ name: 'region (largest)', path: (regions[regions.length - 1] as { path: string }).path }]
    : []),
  ...(programmes.length > 0
    ? [
        {
          name: 'programme (median)',
          path: (programmes[Math.floor(programmes.length / 2)] as { path: string }).path,
        },
      ]
    : []),
  { name: 'search', path: '/sok/' },
];

const chromePath = findOrInstallChromium();
const server = await startStaticServer(dist, { gzip: true });
let pages;
try {
  console.log(
    `Lighthouse on ${path.relative(ROOT, dist) || dist} at ${server.url}: ${targets.map((target) => target.path).join(', ')}`,
  );
  pages = await runLighthouse(server.url, targets, chromePath);
} finally {
  await server.close();
}
for (const page of pages) {
  console.log(`${page.name.padEnd(20)} ${page.path}`);
  console.log(
    `  performance ${page.scores.performance}, accessibility ${page.scores.accessibility}, best practices ${page.scores['best-practices']}, SEO ${page.scores.seo}`,
  );
  for (const audit of page.failing)
    console.log(
      `  - ${audit.category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
    );
}

if (docs) {
  const jsonFile = path.join(ROOT, 'docs', 'performance', `bench-${docs}.json`);
  if (existsSync(jsonFile)) {
    const result = JSON.parse(await readFile(jsonFile, 'utf8')) as BenchResult;
    result.lighthouse = pages;
    await writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
    const doc = path.join(ROOT, 'docs', 'performance.md');
    await writeFormatted(
      doc,
      replaceBetweenMarkers(
        await readFile(doc, 'utf8'),
        'lighthouse',
        renderLighthouse(pages, docs),
      ),
    );
    console.log(`Stored in ${path.relative(ROOT, jsonFile)} and docs/performance.md`);
  }
}

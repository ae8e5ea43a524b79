// Whatever the check accepts renders. A dataset of hostile-but-valid text (tests/fixtures/edge:
// `<`, `&`, quotes, `</head>`, `</title>`, `]]>`, HTML comments, RTL and LTR marks and
// overrides, U+2028/U+2029, emoji with joiners, combining marks, very long words, a phone
// number pasted with non-breaking spaces and an en dash) is accepted by the build check and by
// the Studio, and then builds: every page is valid HTML, rss.xml and the sitemaps are
// well-formed XML (saxes, a strict parser) that give the text back unchanged, and every JSON-LD block parses.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { parse } from 'node-html-parser';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { parseNdjson } from '../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../src/lib/content/integrity.ts';
import { studioValidator } from '../studio/support/studio-validation.ts';
import { htmlFiles } from '../support/sitemap.ts';
import { ROOT, buildSiteOrThrow, listFiles } from '../support/site.ts';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'edge');
const OUT = path.join(ROOT, '.cache', 'test-site', `edge-${process.pid}`);
const documents = parseNdjson(readFileSync(path.join(FIXTURE, 'data.ndjson'), 'utf8')).documents;
const byId = new Map(documents.map((document) => [document._id, document]));

describe('hostile but valid content', () => {
  it('is accepted by the build check and by the Studio', async () => {
    expect(checkIntegrity(documents).errors).toEqual([]);
    const published = documents.filter(
      (document) => !document._id.startsWith('drafts.') && !document._type.includes('.'),
    );
    const lake = studioValidator(published);
    const errors = [];
    for (const document of published)
      for (const marker of await lake.validate(document))
        if (marker.level === 'error') errors.push({ id: document._id, ...marker });
    expect(errors).toEqual([]);
  });

  describe('builds into valid output', () => {
    let dist: string;
    beforeAll(async () => {
      dist = await buildSiteOrThrow({ outDir: OUT, env: { CONTENT_DIR: FIXTURE } });
    }, 600_000);
    afterAll(() => rm(OUT, { recursive: true, force: true }));

    it('every page is valid HTML', async () => {
      const files = htmlFiles(dist);
      expect(files.length).toBeGreaterThan(20);
      const validator = new HtmlValidate(new StaticConfigLoader(config));
      const errors: string[] = [];
      for (const file of files) {
        const report = await validator.validateFile(path.join(dist, file));
        for (const result of report.results)
          for (const message of result.messages)
            errors.push(
              `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
            );
      }
      expect(errors, errors.join('\n')).toEqual([]);
    });

    it('rss.xml and the sitemaps are well-formed XML that give the text back', async () => {
      const xmlFiles = await listFiles(dist, (file) => file.endsWith('.xml'));
      expect(xmlFiles).toContain('rss.xml');
      expect(xmlFiles.some((file) => file.startsWith('sitemap'))).toBe(true);
      for (const file of xmlFiles) {
        // saxes is a strict XML 1.0 parser: it throws on any well-formedness error, control
        // characters included.
        const parser = new SaxesParser({ xmlns: false });
        expect(
          () => parser.write(readFileSync(path.join(dist, file), 'utf8')).close(),
          file,
        ).not.toThrow();
      }
      // The feed lists every programme, delprojekt, document and event here (under 50): each
      // item's title ends with the document's title, unchanged by the round trip.
      const rss = new XMLParser({ htmlEntities: false }).parse(
        readFileSync(path.join(dist, 'rss.xml'), 'utf8'),
      ) as { rss: { channel: { item: { title: string; description?: string }[] } } };
      const items = [rss.rss.channel.item].flat();
      for (const id of [
        'programme-gr',
        'delprojekt-gr-1',
        'dokument-gr-rapport',
        'handelse-gr-start',
      ]) {
        const title = String(byId.get(id)?.['title']);
        expect(
          items.some((item) => String(item.title).endsWith(`: ${title}`)),
          `${id}: ${title}`,
        ).toBe(true);
      }
      const summary = String(byId.get('programme-gr')?.['summary']);
      expect(items.map((item) => item.description)).toContain(summary);
    });

    it('every JSON-LD block parses', () => {
      let blocks = 0;
      for (const file of htmlFiles(dist)) {
        const root = parse(readFileSync(path.join(dist, file), 'utf8'));
        for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
          blocks += 1;
          expect(() => JSON.parse(script.textContent), file).not.toThrow();
        }
      }
      expect(blocks).toBeGreaterThan(5);
    });

    it('shows the programme title as text, exactly as written', () => {
      const title = String(byId.get('programme-gr')?.['title']);
      const slug = (byId.get('programme-gr')?.['slug'] as { current: string }).current;
      const page = parse(readFileSync(path.join(dist, 'program', slug, 'index.html'), 'utf8'));
      expect(page.querySelector('h1')?.textContent.trim()).toBe(title);
      expect(page.querySelector('title')?.textContent).toContain(title);
    });
  });
});

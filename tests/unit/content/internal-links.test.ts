// Links from running text to other documents of the site (`internalLink`): the query gives the
// target's type and slug, the renderer makes the target page's address from them, and the
// build's check refuses a link to a document that does not exist.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { evaluate, parse } from 'groq-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNdjson, type RawDocument } from '../../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../../src/lib/content/integrity.ts';
import { PROGRAMMES_QUERY } from '../../../src/lib/content/queries.ts';
import { programmeSchema } from '../../../src/lib/content/schemas.ts';
import { renderPortableText } from '../../../src/lib/presentation/portable-text.ts';
import { missingReferenceMessage, vagueLinkTextMessage } from '../../../src/lib/rules/index.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/minimal/data.ndjson');
let documents: RawDocument[];

beforeAll(async () => {
  documents = parseNdjson(await readFile(FIXTURE, 'utf8')).documents;
});

const block = (text: string, markDefs: unknown[], marks: string[]) => ({
  _type: 'block',
  _key: 'b1',
  style: 'normal',
  markDefs,
  children: [
    { _type: 'span', _key: 's1', text: 'Se ', marks: [] },
    { _type: 'span', _key: 's2', text, marks },
    { _type: 'span', _key: 's3', text: '.', marks: [] },
  ],
});

/** The fixture with programme-gr's body replaced by one block. */
function withBody(body: unknown[]): RawDocument[] {
  return documents.map((document) =>
    document._id === 'programme-gr' ? { ...document, body } : document,
  );
}

const linkTo = (ref: string) => ({
  _type: 'internalLink',
  _key: 'l1',
  reference: { _type: 'reference', _ref: ref },
});

describe('links to other documents', () => {
  it('are rendered with the target page’s address from the query', async () => {
    const dataset = withBody([block('delprojekt ett', [linkTo('delprojekt-gr-1')], ['l1'])]);
    const result = await evaluate(parse(PROGRAMMES_QUERY), { dataset: dataset as never });
    const programme = programmeSchema
      .array()
      .parse(await result.get())
      .find((item) => item._id === 'programme-gr')!;
    expect(programme.body[0]?.markDefs).toEqual([
      {
        _type: 'internalLink',
        _key: 'l1',
        target: { _type: 'delprojekt', slug: 'gr-delprojekt-1' },
      },
    ]);
    expect(
      renderPortableText(programme.body as Parameters<typeof renderPortableText>[0]).html,
    ).toBe('<p>Se <a href="/delprojekt/gr-delprojekt-1/">delprojekt ett</a>.</p>');
  });

  it('render as text when the target is gone', () => {
    const gone = block('delprojekt ett', [{ ...linkTo('x'), target: null }], ['l1']);
    expect(renderPortableText([gone]).html).toBe('<p>Se delprojekt ett.</p>');
  });

  it('to a document that does not exist stop the build, named by the path', () => {
    const report = checkIntegrity(withBody([block('ett', [linkTo('delprojekt-borta')], ['l1'])]));
    expect(report.errors.map((p) => `${p.id} · ${p.path} · ${p.message}`)).toEqual([
      `programme-gr · body[0].markDefs[0].reference._ref · ${missingReferenceMessage('delprojekt-borta', 'missing')}`,
    ]);
  });

  it('with a vague text are a warning, whatever kind of link', () => {
    const report = checkIntegrity(
      withBody([
        { ...block(' Läs mer » ', [linkTo('delprojekt-gr-1')], ['l1']), _key: 'b1' },
        {
          ...block('här', [{ _type: 'link', _key: 'l2', href: 'https://example.se/' }], ['l2']),
          _key: 'b2',
        },
        {
          ...block('Slutrapporten för delprojekt 1', [linkTo('delprojekt-gr-1')], ['l1']),
          _key: 'b3',
        },
      ]),
    );
    expect(report.errors).toEqual([]);
    expect(
      report.problems
        .filter((p) => p.id === 'programme-gr' && p.severity === 'warning')
        .map((p) => `${p.path} · ${p.message}`),
    ).toEqual([
      `body[0].children[1].text · ${vagueLinkTextMessage('Läs mer »')}`,
      `body[1].children[1].text · ${vagueLinkTextMessage('här')}`,
    ]);
  });
});

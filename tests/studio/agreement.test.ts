// The Studio and the build check agree, document by document: a seeded property test breaks
// (and un-breaks) documents of the embedded dataset and of a generated dataset, field kind by
// field kind and rule by rule, and asks both sides. The Studio side is Sanity's own
// validateDocument over the Studio's compiled schema, with a stand-in Content Lake (groq-js
// over the same documents) for the rules that ask it; the build side is the build's
// integrity check over the whole mutated dataset. An error in one is an error in the other,
// a warning likewise, and a document one side accepts the other accepts.
//
// Left out, because editors never set them: system fields (`_updatedAt`, `_rev`), which the
// Content Lake writes and the build checks on its own (tests/unit/content/integrity.test.ts).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNdjson, type RawDocument } from '../../src/lib/content/dataset.ts';
import { checkIntegrity } from '../../src/lib/content/integrity.ts';
import { DOCUMENT_TYPES } from '../../src/lib/rules/documents.ts';
import { repoRoot } from './support/sanity-cli.ts';
import {
  studioValidator,
  type StudioMarker,
  type StudioValidator,
} from './support/studio-validation.ts';

type Verdict = 'error' | 'warning' | 'ok';
type Doc = RawDocument;

/** One way to change a document: which types it applies to, and the change (on a copy). */
interface Mutation {
  name: string;
  types: readonly string[];
  /** Changes `doc` in place; `others` are the other documents of the dataset. */
  apply: (doc: Doc, others: readonly Doc[]) => void;
  /** When known for every applicable document: the verdict both sides must reach. */
  expected?: Verdict;
}

const ALL = DOCUMENT_TYPES;
const TITLED = ['programme', 'malbild', 'delprojekt', 'dokument', 'handelse', 'kalla'] as const;
const NAMED = ['region', 'kontaktperson', 'tema'] as const;
const WITH_SUMMARY = ['programme', 'malbild', 'delprojekt', 'handelse'] as const;
const WITH_SOURCES = ALL.filter((type) => type !== 'kalla');
const WITH_STATUS = ['programme', 'delprojekt'] as const;
const WITH_PERIOD = ['programme', 'delprojekt', 'kontaktperson'] as const;
const WITH_BODY = ['programme', 'malbild', 'delprojekt'] as const;

const titleField = (doc: Doc) =>
  doc._type === 'region' || doc._type === 'kontaktperson' || doc._type === 'tema'
    ? 'name'
    : 'title';
const ref = (id: string, key?: string, weak = false) => ({
  _type: 'reference',
  _ref: id,
  ...(key ? { _key: key } : {}),
  ...(weak ? { _weak: true } : {}),
});
const firstOf = (others: readonly Doc[], type: string, not?: string) =>
  others.find((other) => other._type === type && other._id !== not);
const block = (key: string, text: string, marks: string[] = [], markDefs: unknown[] = []) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs,
  children: [{ _type: 'span', _key: `${key}s`, text, marks }],
});

const HARD_TEXT =
  'Omställningen till en god och nära vård förutsätter ett långsiktigt utvecklingsarbete i kommunerna, t.ex. inom äldreomsorgen, som bl.a. kräver kompetensförsörjning och samverkan med regionen.';

const text = (type: readonly string[], field: (doc: Doc) => string, name: string) => {
  const set = (value: unknown) => (doc: Doc) => void (doc[field(doc)] = value);
  return [
    { name: `${name}: whitespace only`, types: type, apply: set('  \u00a0 '), expected: 'error' },
    {
      name: `${name}: a bell character`,
      types: type,
      apply: set('Före\u0007efter'),
      expected: 'error',
    },
    { name: `${name}: a NUL character`, types: type, apply: set('\u0000'), expected: 'error' },
    {
      name: `${name}: hostile but valid text`,
      types: type,
      apply: set(
        'Vård & omsorg <script>x</script> </head> ]]> "citat" \u200f\u05e9\u05dc\u05d5\u05dd 🏥 ﷽',
      ),
    },
    { name: `${name}: a number`, types: type, apply: set(42), expected: 'error' },
    { name: `${name}: removed`, types: type, apply: (doc: Doc) => void delete doc[field(doc)] },
  ] satisfies Mutation[];
};

const MUTATIONS: Mutation[] = [
  { name: 'unchanged', types: ALL, apply: () => {} },
  // Text
  ...text(ALL, titleField, 'title or name'),
  ...text(WITH_SUMMARY, () => 'summary', 'summary'),
  {
    name: 'title: a newline (one-line field)',
    types: TITLED,
    apply: (doc) => void (doc['title'] = 'Rad ett\nrad två'),
    expected: 'error',
  },
  {
    name: 'summary: newlines and a tab (multi-line field)',
    types: WITH_SUMMARY,
    apply: (doc) => void (doc['summary'] = 'Första stycket.\n\n\tAndra stycket.'),
    expected: 'ok',
  },
  {
    name: 'title: very long',
    types: TITLED,
    apply: (doc) => void (doc['title'] = 'Ord '.repeat(60).trim()),
  },
  {
    name: 'name: one very long word',
    types: NAMED,
    apply: (doc) => void (doc['name'] = 'Vårdcentralsutvecklingsprojektsamordningsgrupp'.repeat(4)),
  },
  {
    name: 'summary: very long',
    types: WITH_SUMMARY,
    apply: (doc) => void (doc['summary'] = 'En mening om vård. '.repeat(40).trim()),
  },
  // Readability (LIX): one 24-word sentence of long words, LIX 62 (tests/unit/rules/editorial.test.ts).
  {
    name: 'summary: LIX above the warning level',
    types: WITH_SUMMARY,
    apply: (doc) => void (doc['summary'] = HARD_TEXT),
    expected: 'warning',
  },
  {
    name: 'summary: plain Swedish',
    types: WITH_SUMMARY,
    apply: (doc) =>
      void (doc['summary'] =
        'Kommunen och regionen arbetar tillsammans. Målet är att du ska få vård nära ditt hem. Projektet pågår till 2025.'),
  },
  {
    name: 'body: LIX above the warning level',
    types: WITH_BODY,
    apply: (doc) => void (doc['body'] = [block('x1', HARD_TEXT)]),
    expected: 'warning',
  },
  {
    name: 'region.shortDescription: over 300 characters',
    types: ['region'],
    apply: (doc) => void (doc['shortDescription'] = 'Kort. '.repeat(60).trim()),
  },
  {
    name: 'dateText / role / owner: a vertical tab',
    types: ['handelse', 'kontaktperson', 'programme'],
    apply: (doc) => {
      const field = { handelse: 'dateText', kontaktperson: 'role', programme: 'owner' }[doc._type]!;
      doc[field] = 'hösten\u000b2020';
    },
    expected: 'error',
  },
  // Slugs
  ...['Vårdens-medarbetare', 'a--b', 'slut-', 'MED VERSALER'].map((current): Mutation => ({
    name: `slug: "${current}"`,
    types: ALL,
    apply: (doc) => void (doc['slug'] = { _type: 'slug', current }),
    expected: 'error',
  })),
  {
    name: 'slug: longer than 96 characters',
    types: ALL,
    apply: (doc) => void (doc['slug'] = { _type: 'slug', current: 'a'.repeat(97) }),
    expected: 'error',
  },
  {
    name: 'slug: exactly 96 characters',
    types: ALL,
    apply: (doc) => void (doc['slug'] = { _type: 'slug', current: `x${'-ab'.repeat(31)}yz` }),
    expected: 'ok',
  },
  {
    name: 'slug: the same as another document of the type',
    types: ALL,
    apply: (doc, others) => {
      const other = firstOf(others, doc._type, doc._id);
      if (other) doc['slug'] = structuredClone(other['slug']);
    },
  },
  { name: 'slug: removed', types: ALL, apply: (doc) => void delete doc['slug'], expected: 'error' },
  // Dates
  ...['2021-02-29', '2020-13', '2020-9', 'hösten 2020', '2020-09-01T10:00'].map(
    (date): Mutation => ({
      name: `date: "${date}"`,
      types: ['handelse', 'dokument'],
      apply: (doc) => void (doc['date'] = date),
      expected: 'error',
    }),
  ),
  ...['2024-02-29', '2020', '2020-09'].map((date): Mutation => ({
    name: `date: "${date}"`,
    types: ['handelse'],
    apply: (doc) => void (doc['date'] = date),
    expected: 'ok',
  })),
  {
    name: 'kalla.lastUpdated: 2021-04-31',
    types: ['kalla'],
    apply: (doc) => void (doc['lastUpdated'] = '2021-04-31'),
    expected: 'error',
  },
  {
    name: 'handelse.date: removed',
    types: ['handelse'],
    apply: (doc) => void delete doc['date'],
    expected: 'error',
  },
  {
    name: 'period: ends before it starts',
    types: WITH_PERIOD,
    apply: (doc) => void (doc['period'] = { _type: 'period', start: '2022-03', end: '2021' }),
    expected: 'error',
  },
  {
    name: 'period: start 2020-09, end 2020 (overlapping precisions)',
    types: ['kontaktperson'],
    apply: (doc) => {
      doc['period'] = { _type: 'period', start: '2020-09', end: '2020' };
      doc['email'] = 'namn@exempel.se';
    },
    expected: 'ok',
  },
  {
    name: 'period: an unknown field',
    types: WITH_PERIOD,
    apply: (doc) => void (doc['period'] = { _type: 'period', start: '2020', slut: '2021' }),
  },
  {
    name: 'status avslutat, period ending in 2099',
    types: WITH_STATUS,
    apply: (doc) => {
      doc['status'] = 'avslutat';
      doc['period'] = { _type: 'period', start: '2020', end: '2099' };
    },
  },
  {
    name: 'status planerat, period that ended in 2001',
    types: WITH_STATUS,
    apply: (doc) => {
      doc['status'] = 'planerat';
      doc['period'] = { _type: 'period', start: '2000', end: '2001' };
    },
  },
  {
    name: 'status: removed',
    types: WITH_STATUS,
    apply: (doc) => void delete doc['status'],
    expected: 'error',
  },
  {
    name: 'status: not given in the source',
    types: WITH_STATUS,
    apply: (doc) => {
      doc['status'] = 'okand';
      delete doc['period'];
    },
    expected: 'ok',
  },
  {
    name: 'status: klart',
    types: WITH_STATUS,
    apply: (doc) => void (doc['status'] = 'klart'),
    expected: 'error',
  },
  // An event's scope
  {
    name: 'scope: nationell',
    types: ['handelse'],
    apply: (doc) => void (doc['scope'] = 'nationell'),
    expected: 'ok',
  },
  {
    name: 'scope: removed',
    types: ['handelse'],
    apply: (doc) => void delete doc['scope'],
    expected: 'ok',
  },
  {
    name: 'scope: lokal',
    types: ['handelse'],
    apply: (doc) => void (doc['scope'] = 'lokal'),
    expected: 'error',
  },
  // Contact details
  ...[
    ['+46 031 335 51 76', 'error'],
    ['031\u2013335 51 76', 'ok'],
    ['031\u00a0335\u00a051\u00a076', 'ok'],
    ['+46 31 335 51 76', 'ok'],
    ['335 51 76', 'error'],
    ['031-335 51 76 ankn. 2', 'error'],
    ['031/335 51 76', 'error'],
  ].map(([phone, expected]): Mutation => ({
    name: `phone: "${phone}"`,
    types: ['kontaktperson'],
    apply: (doc) => void (doc['phone'] = phone),
    expected: expected as Verdict,
  })),
  ...[
    ['namn@exempel.se?subject=Hej', 'error'],
    ['namn&cc=x@exempel.se', 'error'],
    ['namn=a@exempel.se', 'error'],
    ['namn(at)exempel.se', 'error'],
    ['mailto:namn@exempel.se', 'error'],
    ['anne-marie.v.svensson@vgregion.se', 'ok'],
  ].map(([email, expected]): Mutation => ({
    name: `email: "${email}"`,
    types: ['kontaktperson'],
    apply: (doc) => void (doc['email'] = email),
    expected: expected as Verdict,
  })),
  {
    name: 'contact: neither e-mail nor phone',
    types: ['kontaktperson'],
    apply: (doc) => {
      delete doc['email'];
      delete doc['phone'];
      delete doc['noContactDetailsInSource'];
    },
    expected: 'error',
  },
  {
    name: 'contact: neither, and the source publishes none',
    types: ['kontaktperson'],
    apply: (doc) => {
      delete doc['email'];
      delete doc['phone'];
      doc['noContactDetailsInSource'] = true;
    },
    expected: 'ok',
  },
  // Addresses
  ...[
    ['javascript:alert(1)', 'error'],
    ['ftp://example.se/', 'error'],
    ['/relativ/sida/', 'error'],
    [' https://example.se/', 'error'],
    ['https://exa mple.se/', 'error'],
    ['mailto:namn@exempel.se', 'error'],
    ['https://example.se/sida?a=1&b=<x>', 'ok'],
  ].map(([url, expected]): Mutation => ({
    name: `web address: "${url}"`,
    types: ['region', 'kalla', 'kontaktperson'],
    apply: (doc) => {
      const field = { region: 'website', kalla: 'url', kontaktperson: 'portraitUrl' }[doc._type]!;
      doc[field] = url;
    },
    expected: expected as Verdict,
  })),
  ...[
    ['tel:+46313355176', 'ok'],
    ['mailto:namn@exempel.se', 'ok'],
    ['data:text/html,<script>alert(1)</script>', 'error'],
    ['java\tscript:alert(1)', 'error'],
  ].map(([href, expected]): Mutation => ({
    name: `link in running text: "${href}"`,
    types: WITH_BODY,
    apply: (doc) =>
      void (doc['body'] = [
        block('l1', 'Kontakta samordnaren', ['l1m'], [{ _type: 'link', _key: 'l1m', href }]),
      ]),
    expected: expected as Verdict,
  })),
  {
    name: 'running text: a link to another document',
    types: WITH_BODY,
    apply: (doc, others) => {
      const target = firstOf(others, 'dokument')!;
      doc['body'] = [
        block(
          'i1',
          String(target['title']),
          ['i1m'],
          [{ _type: 'internalLink', _key: 'i1m', reference: ref(target._id) }],
        ),
      ];
    },
    expected: 'ok',
  },
  {
    name: 'running text: a link to a document that does not exist',
    types: WITH_BODY,
    apply: (doc) =>
      void (doc['body'] = [
        block(
          'i1',
          'Slutrapporten',
          ['i1m'],
          [{ _type: 'internalLink', _key: 'i1m', reference: ref('dokument-finns-inte') }],
        ),
      ]),
    expected: 'error',
  },
  ...['klicka här', 'Läs mer', 'HÄR.'].map((text): Mutation => ({
    name: `running text: the link text "${text}"`,
    types: WITH_BODY,
    apply: (doc) =>
      void (doc['body'] = [
        block('v1', text, ['v1m'], [{ _type: 'link', _key: 'v1m', href: 'https://example.se/' }]),
      ]),
    expected: 'warning',
  })),
  {
    name: 'running text: a form feed in a span',
    types: WITH_BODY,
    apply: (doc) => void (doc['body'] = [block('c1', 'Sida ett\u000csida två')]),
    expected: 'error',
  },
  {
    name: 'running text: a mark that is neither a decorator nor a link',
    types: WITH_BODY,
    apply: (doc) => void (doc['body'] = [block('m1', 'Text', ['underline'])]),
    expected: 'error',
  },
  {
    name: 'running text: hostile but valid',
    types: WITH_BODY,
    apply: (doc) =>
      void (doc['body'] = [
        block('h1', '</p><script>alert(1)</script> ]]> & &amp; \u202eRTL 👩‍⚕️', ['strong']),
      ]),
    expected: 'ok',
  },
  {
    name: 'attachment: both a file and an address',
    types: ['dokument'],
    apply: (doc) =>
      void (doc['attachment'] = {
        _type: 'attachment',
        url: 'https://example.se/a.pdf',
        file: { _type: 'file', _sanityAsset: 'file@file://./files/a.pdf' },
      }),
    expected: 'error',
  },
  ...[
    ['a.exe', 'error'],
    ['presentation.PPT', 'error'],
    ['utan-filandelse', 'error'],
    ['bildspel.pptx', undefined],
    ['rapport.pdf', undefined],
  ].map(([file, expected]): Mutation => ({
    name: `attachment: the file ${file}`,
    types: ['dokument'],
    apply: (doc) =>
      void (doc['attachment'] = {
        _type: 'attachment',
        file: { _type: 'file', _sanityAsset: `file@file://./files/${file}` },
      }),
    ...(expected ? { expected: expected as Verdict } : {}),
  })),
  {
    name: 'attachment: neither',
    types: ['dokument'],
    apply: (doc) => void (doc['attachment'] = { _type: 'attachment' }),
    expected: 'error',
  },
  {
    name: 'financing: empty',
    types: ['programme'],
    apply: (doc) => void (doc['financing'] = { _type: 'financing', funders: [] }),
    expected: 'error',
  },
  {
    name: 'financing: the same funder twice',
    types: ['programme'],
    apply: (doc) => void (doc['financing'] = { _type: 'financing', funders: ['VGR', 'VGR'] }),
    expected: 'error',
  },
  {
    name: 'organisations: the same twice',
    types: ['region'],
    apply: (doc) => void (doc['organisations'] = ['VästKom', 'VästKom']),
    expected: 'error',
  },
  // Numbers and choices
  ...[
    ['municipalityCount', 0, 'error'],
    ['municipalityCount', 12.5, 'error'],
    ['municipalityCount', 'tolv', 'error'],
    ['municipalityCount', 13, 'ok'],
  ].map(([field, value, expected]): Mutation => ({
    name: `region.${field}: ${JSON.stringify(value)}`,
    types: ['region'],
    apply: (doc) => void (doc[field as string] = value),
    expected: expected as Verdict,
  })),
  ...[1999, 2101, 2030.5].map((year): Mutation => ({
    name: `malbild.horizonYear: ${year}`,
    types: ['malbild'],
    apply: (doc) => void (doc['horizonYear'] = year),
    expected: 'error',
  })),
  {
    name: 'delprojekt.number: 0',
    types: ['delprojekt'],
    apply: (doc) => void (doc['number'] = 0),
    expected: 'error',
  },
  {
    name: 'kind: stad',
    types: ['region', 'dokument'],
    apply: (doc) => void (doc['kind'] = 'stad'),
    expected: 'error',
  },
  // References
  {
    name: 'sources: empty',
    types: WITH_SOURCES,
    apply: (doc) => void (doc['sources'] = []),
    expected: 'error',
  },
  {
    name: 'sources: a document that does not exist',
    types: WITH_SOURCES,
    apply: (doc) => void (doc['sources'] = [ref('kalla-finns-inte', 's1')]),
    expected: 'error',
  },
  {
    name: 'sources: weak, to a document that does not exist',
    types: WITH_SOURCES,
    apply: (doc) => void (doc['sources'] = [ref('kalla-finns-inte', 's1', true)]),
    expected: 'error',
  },
  {
    name: 'sources: the same source twice',
    types: WITH_SOURCES,
    apply: (doc, others) => {
      const kalla = firstOf(others, 'kalla')!;
      doc['sources'] = [ref(kalla._id, 's1'), ref(kalla._id, 's2')];
    },
    expected: 'error',
  },
  {
    name: 'sources: a region instead of a source page',
    types: WITH_SOURCES,
    apply: (doc, others) =>
      void (doc['sources'] = [ref(firstOf(others, 'region', doc._id)!._id, 's1')]),
    expected: 'error',
  },
  {
    // Weak or not: the Studio refuses a reference to a missing document unless the schema
    // marks the field weak, and no field is; so does the build.
    name: 'themes: weak, to a document that does not exist',
    types: ['programme', 'malbild', 'delprojekt', 'dokument'],
    apply: (doc, others) =>
      void (doc['themes'] = [
        ref(firstOf(others, 'tema')!._id, 't1'),
        ref('tema-borttaget', 't2', true),
      ]),
    expected: 'error',
  },
  {
    name: 'themes: a programme instead of a theme',
    types: ['programme', 'malbild', 'delprojekt', 'dokument'],
    apply: (doc, others) =>
      void (doc['themes'] = [ref(firstOf(others, 'programme', doc._id)!._id, 't1')]),
    expected: 'error',
  },
  {
    name: 'delprojekt.programme: weak, to a programme that exists',
    types: ['delprojekt'],
    apply: (doc) => void ((doc['programme'] as Record<string, unknown>)['_weak'] = true),
  },
  {
    name: 'dokument.delprojekt: weak, to a document that does not exist',
    types: ['dokument', 'handelse'],
    apply: (doc) => void (doc['delprojekt'] = ref('delprojekt-borttaget', undefined, true)),
    expected: 'error',
  },
  {
    name: 'programme.malbild: a document that does not exist',
    types: ['programme'],
    apply: (doc) => void (doc['malbild'] = ref('malbild-finns-inte')),
    expected: 'error',
  },
  {
    name: 'delprojekt of another programme than the one chosen',
    types: ['dokument', 'handelse'],
    apply: (doc, others) => {
      const delprojekt = firstOf(others, 'delprojekt')!;
      const own = (delprojekt['programme'] as { _ref: string })._ref;
      const other = others.find((o) => o._type === 'programme' && o._id !== own)!;
      doc['programme'] = ref(other._id);
      doc['delprojekt'] = ref(delprojekt._id);
    },
    expected: 'error',
  },
  {
    name: 'delprojekt of the programme chosen',
    types: ['dokument', 'handelse'],
    apply: (doc, others) => {
      const delprojekt = firstOf(others, 'delprojekt')!;
      doc['programme'] = ref((delprojekt['programme'] as { _ref: string })._ref);
      doc['delprojekt'] = ref(delprojekt._id);
    },
  },
  // The region tree
  {
    name: 'region: its own parent',
    types: ['region'],
    apply: (doc) => {
      doc['kind'] = 'kommun';
      doc['parent'] = ref(doc._id);
    },
    expected: 'error',
  },
  {
    name: 'region: a kommun without a parent',
    types: ['region'],
    apply: (doc) => {
      doc['kind'] = 'kommun';
      delete doc['parent'];
    },
    expected: 'error',
  },
  {
    name: 'region: a län under another region',
    types: ['region'],
    apply: (doc, others) => {
      doc['kind'] = 'lan';
      doc['parent'] = ref(firstOf(others, 'region', doc._id)!._id);
    },
    expected: 'error',
  },
  {
    name: 'region: a kommun under a kommun',
    types: ['region'],
    apply: (doc, others) => {
      const kommun = others.find(
        (other) => other._type === 'region' && other['kind'] === 'kommun' && other._id !== doc._id,
      );
      doc['kind'] = 'kommun';
      if (kommun) doc['parent'] = ref(kommun._id);
    },
  },
  {
    name: 'region: under a region below it (a cycle)',
    types: ['region'],
    apply: (doc, others) => {
      const child = others.find(
        (other) =>
          other._type === 'region' &&
          (other['parent'] as { _ref?: string } | undefined)?._ref === doc._id,
      );
      if (child) {
        doc['kind'] = 'kommun';
        doc['parent'] = ref(child._id);
      }
    },
  },
  // Shape
  {
    name: 'an unknown field',
    types: ALL,
    apply: (doc) => void (doc['anteckningar'] = 'Något som inte hör hemma här'),
    expected: 'warning',
  },
  {
    name: 'a required list removed',
    types: ['programme', 'malbild', 'kontaktperson', 'handelse'],
    apply: (doc) => void delete doc['regions'],
    expected: 'error',
  },
];

async function generatedDataset(): Promise<Doc[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'naravard-agreement-'));
  try {
    // Through the generator's command, as a developer runs it.
    await promisify(execFile)(
      process.execPath,
      [
        path.join(repoRoot, 'scripts', 'generate-dataset.ts'),
        '--docs',
        '400',
        '--seed',
        '13',
        '--out',
        dir,
      ],
      { cwd: repoRoot },
    );
    return parseNdjson(await readFile(path.join(dir, 'data.ndjson'), 'utf8')).documents;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function verdictOf(levels: readonly string[]): Verdict {
  if (levels.includes('error')) return 'error';
  if (levels.includes('warning')) return 'warning';
  return 'ok';
}

interface Outcome {
  studio: Verdict;
  build: Verdict;
  studioMarkers: StudioMarker[];
  buildProblems: string[];
}

/**
 * Both sides' verdicts on `documents[index]` after `mutation`. The Studio validates the edited
 * document in its form against the Content Lake's published documents (`lake`: the dataset
 * before the edit); the build checks the dataset with the edit published.
 */
async function judge(
  documents: readonly Doc[],
  lake: StudioValidator,
  index: number,
  mutation: Mutation,
): Promise<Outcome> {
  const mutated = documents.map((doc) => doc);
  const doc = structuredClone(documents[index]!);
  mutation.apply(
    doc,
    documents.filter((_, other) => other !== index),
  );
  mutated[index] = doc;

  // The Studio's form, plus the unknown fields it flags (the CLI's environment reports them
  // as markers; the form shows them in its "unknown fields" notice).
  const form = await lake.validate(doc, 'studio');
  const unknown = (await lake.validate(doc, 'cli')).filter(
    (marker) => marker.code === 'object.unknown-field',
  );
  const studioMarkers = [...form, ...unknown];

  const problems = checkIntegrity(mutated).problems.filter(
    (problem) => problem.id === doc._id && problem.severity !== 'info',
  );
  return {
    studio: verdictOf(studioMarkers.map((marker) => marker.level)),
    build: verdictOf(problems.map((problem) => problem.severity)),
    studioMarkers,
    buildProblems: problems.map(
      (problem) => `${problem.severity} ${problem.path} · ${problem.message}`,
    ),
  };
}

function explain(dataset: string, doc: Doc, mutation: Mutation, outcome: Outcome): string {
  return (
    `${dataset} · ${doc._id} · ${mutation.name}\n` +
    `  Studio: ${outcome.studio} ${JSON.stringify(outcome.studioMarkers.map((m) => [m.level, m.path, m.message]))}\n` +
    `  build:  ${outcome.build} ${JSON.stringify(outcome.buildProblems)}`
  );
}

const applicable = (documents: readonly Doc[], mutation: Mutation) =>
  documents.flatMap((doc, index) => (mutation.types.includes(doc._type) ? [index] : []));

describe('the Studio and the build check agree on every document', () => {
  const datasets: Record<string, Doc[]> = {};
  const lakes: Record<string, StudioValidator> = {};

  beforeAll(async () => {
    datasets['embedded'] = parseNdjson(
      await readFile(path.join(repoRoot, 'content', 'dataset', 'data.ndjson'), 'utf8'),
    ).documents;
    datasets['generated'] = await generatedDataset();
    for (const [name, documents] of Object.entries(datasets))
      lakes[name] = studioValidator(documents);
  }, 120_000);

  it('on each rule, in both datasets, with the verdict the rule gives', async () => {
    const failures: string[] = [];
    for (const [name, documents] of Object.entries(datasets)) {
      for (const mutation of MUTATIONS) {
        const indices = applicable(documents, mutation);
        expect(indices.length, `${name} has a document for "${mutation.name}"`).toBeGreaterThan(0);
        // The first document the rule applies to in the embedded dataset, the last in the
        // generated one (the random runs below reach the others).
        for (const index of [name === 'embedded' ? indices[0]! : indices.at(-1)!]) {
          const outcome = await judge(documents, lakes[name]!, index, mutation);
          // "ok" is: nothing the document did not have before the change. The generator's
          // prose may read above a LIX level, a warning beside the rule under test.
          const before =
            mutation.expected === 'ok'
              ? (await judge(documents, lakes[name]!, index, MUTATIONS[0]!)).buildProblems
              : [];
          const added = outcome.buildProblems.filter((problem) => !before.includes(problem));
          const wrong =
            outcome.studio !== outcome.build ||
            (mutation.expected === 'ok'
              ? added.length > 0
              : mutation.expected !== undefined && outcome.build !== mutation.expected);
          if (wrong) failures.push(explain(name, documents[index]!, mutation, outcome));
        }
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 300_000);

  it('on documents and rules drawn at random (seeded)', async () => {
    const names = Object.keys(datasets);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.constantFrom(...MUTATIONS),
        fc.nat(),
        fc.constantFrom(...MUTATIONS),
        async (name, mutation, pick, second) => {
          const documents = datasets[name]!;
          const indices = applicable(documents, mutation);
          const index = indices[pick % indices.length]!;
          // Sometimes two changes at once, when the second applies to the same type.
          const both: Mutation = second.types.includes(documents[index]!._type)
            ? {
                name: `${mutation.name} + ${second.name}`,
                types: mutation.types,
                apply: (doc, others) => {
                  mutation.apply(doc, others);
                  second.apply(doc, others);
                },
              }
            : mutation;
          const applied = pick % 3 === 0 ? both : mutation;
          const outcome = await judge(documents, lakes[name]!, index, applied);
          if (outcome.studio !== outcome.build)
            throw new Error(explain(name, documents[index]!, applied, outcome));
        },
      ),
      { seed: 20261130, numRuns: 150 },
    );
  }, 300_000);
});

// `npm run build` over a broken dataset (CONTENT_DIR): the content check stops the build before
// Astro starts, lists every problem as `_id · field path · problem` (file:line for a line that
// is not JSON), exits non-zero without a stack trace, and leaves the output folder as it was.
// One test per kind of break, each on a copy of the minimal fixture, runs the build's content
// check in-process (the same `checkContent` over the same source that scripts/build.ts runs in
// its child process) and must find errors; what the build does with errors (the list, exit code
// 1, `Nothing was built`, no Astro, the output folder byte for byte) is shown by the real build
// command (scripts/build.ts) on a dataset with every break at once and on a source setting that
// cannot work.
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import type { RawDocument } from '../../src/lib/content/dataset.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { createContentSource } from '../../src/lib/content/source.ts';
import {
  EMAIL_MESSAGE,
  isoDateProblem,
  LAN_PARENT_MESSAGE,
  missingReferenceMessage,
  NUMBER_RULES,
  parentCycleMessage,
  PERIOD_ORDER_MESSAGE,
  phoneProblem,
  referenceTargetMessage,
  REGIONS_REQUIRED_MESSAGE,
  requiredMessage,
  SLUG_FORMAT_MESSAGE,
  slugNotUniqueMessage,
  slugTooLongMessage,
  TIMESTAMP_MESSAGE,
  urlProblem,
} from '../../src/lib/rules/index.ts';

const NO_DOCUMENTS = 'Datamängden har inga publicerade dokument att bygga webbplatsen av.';
const WEB = ['http', 'https'];
const LINKS = ['http', 'https', 'mailto', 'tel'];
import {
  CRASH,
  fingerprint,
  fixtureDocuments,
  markAsEarlierBuild,
  runBuild,
  toNdjson,
  writeDataset,
} from './helpers.ts';

type Change = (byId: Map<string, RawDocument>, documents: RawDocument[]) => void;

/** The fixture as NDJSON after `change` (which edits documents by id, or the list). */
function dataset(change: Change): string {
  const documents = fixtureDocuments();
  const byId = new Map(documents.map((document) => [document._id, document]));
  change(byId, documents);
  return toNdjson(documents);
}

function doc(byId: Map<string, RawDocument>, id: string): RawDocument {
  const document = byId.get(id);
  if (!document) throw new Error(`the fixture has no ${id}`);
  return document;
}

/** Lines in the fixture: added lines are numbered from here. */
const LINES = fixtureDocuments().length;

const ref = (id: string, key?: string) => ({
  _type: 'reference',
  _ref: id,
  ...(key ? { _key: key } : {}),
});

interface Case {
  name: string;
  /** The NDJSON text (bytes where they are not UTF-8), or undefined for "no data.ndjson at all". */
  text: string | Buffer | undefined;
  /** Lines the output must contain (after the file path is replaced by `<file>`). */
  expected: Array<string | RegExp>;
}

const CASES: Case[] = [
  {
    name: 'a malformed NDJSON line, named by its line number',
    text: dataset(() => undefined).replace(
      /\n$/,
      '\n{"_id": "region-x", "_type": "region", "name": "X"\n',
    ),
    expected: [new RegExp(`<file>:${LINES + 1} · \\(document\\) · Raden är inte giltig JSON`)],
  },
  {
    name: 'a line that is JSON but not a document',
    text: `${dataset(() => undefined)}[1, 2, 3]\n{"_type": "region"}\n`,
    expected: [
      `<file>:${LINES + 1} · (document) · Raden är inget dokument (ett JSON-objekt).`,
      `<file>:${LINES + 2} · _id · Fältet saknas (rad ${LINES + 2}): varje dokument behöver _id och _type.`,
    ],
  },
  {
    name: 'missing required fields',
    text: dataset((byId) => {
      delete doc(byId, 'programme-gr')['title'];
      delete doc(byId, 'region-fyrbodal')['kind'];
      delete doc(byId, 'handelse-gr-start')['date'];
    }),
    expected: [
      `programme-gr · title · ${requiredMessage('programme', 'title')}`,
      `region-fyrbodal · kind · ${requiredMessage('region', 'kind')}`,
      `handelse-gr-start · date · ${requiredMessage('handelse', 'date')}`,
    ],
  },
  {
    name: 'wrong value types',
    text: dataset((byId) => {
      doc(byId, 'region-goteborgsregionen')['municipalityCount'] = 'tretton';
      doc(byId, 'delprojekt-gr-1')['number'] = [1];
      doc(byId, 'programme-gr')['regions'] = { _ref: 'region-goteborgsregionen' };
    }),
    expected: [
      `region-goteborgsregionen · municipalityCount · ${NUMBER_RULES.municipalityCount.message}`,
      `delprojekt-gr-1 · number · ${NUMBER_RULES.number.message}`,
      `programme-gr · regions · ${REGIONS_REQUIRED_MESSAGE}`,
    ],
  },
  {
    name: 'a reference to a missing document',
    text: dataset((byId) => {
      doc(byId, 'handelse-gr-start')['programme'] = ref('programme-finns-inte');
    }),
    expected: [
      `handelse-gr-start · programme._ref · ${missingReferenceMessage('programme-finns-inte', 'missing')}`,
    ],
  },
  {
    name: 'a reference to a document of the wrong type',
    text: dataset((byId) => {
      doc(byId, 'delprojekt-gr-1')['programme'] = ref('tema-samverkan');
    }),
    expected: [
      `delprojekt-gr-1 · programme._ref · ${referenceTargetMessage(['programme'], 'tema', 'tema-samverkan')}`,
    ],
  },
  {
    name: 'a reference to a document that exists only as a draft',
    text: dataset((byId, documents) => {
      documents.push({
        ...structuredClone(doc(byId, 'tema-samverkan')),
        _id: 'drafts.tema-ny',
        slug: { current: 'ny' },
      });
      doc(byId, 'programme-gr')['themes'] = [ref('tema-ny', 't1')];
    }),
    expected: [
      `programme-gr · themes[0]._ref · ${missingReferenceMessage('tema-ny', 'only-draft')}`,
    ],
  },
  {
    name: 'duplicate slugs',
    text: dataset((byId) => {
      doc(byId, 'region-fyrbodal')['slug'] = { _type: 'slug', current: 'goteborgsregionen' };
    }),
    expected: [
      `region-fyrbodal · slug.current · ${slugNotUniqueMessage('goteborgsregionen', ['region-goteborgsregionen'])}`,
      `region-goteborgsregionen · slug.current · ${slugNotUniqueMessage('goteborgsregionen', ['region-fyrbodal'])}`,
    ],
  },
  {
    name: 'slugs with disallowed characters',
    text: dataset((byId) => {
      doc(byId, 'tema-samverkan')['slug'] = { _type: 'slug', current: 'Samverkan & vård' };
      doc(byId, 'kalla-gr')['slug'] = { _type: 'slug', current: '../../etc/passwd' };
    }),
    expected: [
      `tema-samverkan · slug.current · ${SLUG_FORMAT_MESSAGE}`,
      `kalla-gr · slug.current · ${SLUG_FORMAT_MESSAGE}`,
    ],
  },
  {
    name: 'a slug too long to be a folder name',
    text: dataset((byId) => {
      doc(byId, 'programme-gr')['slug'] = {
        _type: 'slug',
        current: 'vardens-medarbetare-'.repeat(15) + 'slut',
      };
    }),
    expected: [`programme-gr · slug.current · ${slugTooLongMessage(304)}`],
  },
  {
    name: 'a cycle in the region tree',
    text: dataset((byId) => {
      // A delregion: a län under any region is refused before the tree is walked.
      doc(byId, 'region-vastra-gotaland')['kind'] = 'delregion';
      doc(byId, 'region-vastra-gotaland')['parent'] = ref('region-goteborgsregionen');
    }),
    expected: [
      `region-vastra-gotaland · parent._ref · ${parentCycleMessage(['region-vastra-gotaland', 'region-goteborgsregionen', 'region-vastra-gotaland'])}`,
      `region-goteborgsregionen · parent._ref · ${parentCycleMessage(['region-goteborgsregionen', 'region-vastra-gotaland', 'region-goteborgsregionen'])}`,
    ],
  },
  {
    name: 'invalid and reversed dates',
    text: dataset((byId) => {
      doc(byId, 'handelse-gr-start')['date'] = '2021-02-30';
      doc(byId, 'dokument-gr-rapport')['date'] = '30/6/2021';
      doc(byId, 'kontaktperson-gr-samordnare')['period'] = {
        _type: 'period',
        start: '2022-03',
        end: '2021-06',
      };
    }),
    expected: [
      `handelse-gr-start · date · ${isoDateProblem('2021-02-30')}`,
      `dokument-gr-rapport · date · ${isoDateProblem('30/6/2021')}`,
      `kontaktperson-gr-samordnare · period.end · ${PERIOD_ORDER_MESSAGE}`,
    ],
  },
  {
    name: 'malformed system timestamps',
    text: dataset((byId) => {
      doc(byId, 'tema-samverkan')['_updatedAt'] = 'igår';
      doc(byId, 'kalla-gr')['_createdAt'] = '2026-11-23 09:00';
      // Date.parse would roll this over into 2 March.
      doc(byId, 'programme-gr')['_updatedAt'] = '2026-02-30T00:00:00Z';
    }),
    expected: [
      `tema-samverkan · _updatedAt · ${TIMESTAMP_MESSAGE}`,
      `kalla-gr · _createdAt · ${TIMESTAMP_MESSAGE}`,
      `programme-gr · _updatedAt · ${TIMESTAMP_MESSAGE}`,
    ],
  },
  {
    name: 'an invalid e-mail address, phone number and URL',
    text: dataset((byId) => {
      doc(byId, 'kontaktperson-gr-samordnare')['email'] = 'nara.vard(at)example.se';
      doc(byId, 'kontaktperson-gr-samordnare')['phone'] = 'ring växeln';
      doc(byId, 'region-vastra-gotaland')['website'] = 'www.vgregion.se';
    }),
    expected: [
      `kontaktperson-gr-samordnare · email · ${EMAIL_MESSAGE}`,
      `kontaktperson-gr-samordnare · phone · ${phoneProblem('ring växeln')}`,
      `region-vastra-gotaland · website · ${urlProblem('www.vgregion.se', WEB)}`,
    ],
  },
  {
    name: 'javascript: and data: addresses, wherever they are',
    text: dataset((byId) => {
      doc(byId, 'region-vastra-gotaland')['website'] = 'JavaScript:alert(1)';
      doc(byId, 'dokument-gr-rapport')['attachment'] = {
        _type: 'attachment',
        url: 'data:text/html,<script>alert(1)</script>',
      };
      const body = doc(byId, 'programme-gr')['body'] as Array<{
        markDefs: Array<{ href: string }>;
      }>;
      (body[0] as { markDefs: Array<{ href: string }> }).markDefs[0]!.href = ' javascript:alert(1)';
    }),
    expected: [
      `region-vastra-gotaland · website · ${urlProblem('JavaScript:alert(1)', WEB)}`,
      `dokument-gr-rapport · attachment.url · ${urlProblem('data:text/html,<script>alert(1)</script>', WEB)}`,
      `programme-gr · body[0].markDefs[0].href · ${urlProblem(' javascript:alert(1)', LINKS)}`,
    ],
  },
  {
    // A terminal would hide everything after \x1b[8m (conceal), "Nothing was built" included.
    name: 'terminal escape sequences and a line break in an _id and a reference, shown escaped',
    text: dataset((byId, documents) => {
      documents.push({ _id: 'widget-\u001b[8m', _type: 'widget\r\nfalsk rad' });
      doc(byId, 'handelse-gr-start')['programme'] = ref('programme-\u001b]0;titel\u0007\u202e');
    }),
    expected: [
      'warning  widget-\\x1b[8m · _type · Dokumenttypen "widget\\x0d\\x0afalsk rad" finns inte i innehållsmodellen: dokumentet kommer inte med på webbplatsen.',
      'handelse-gr-start · programme._ref · Referensen pekar på "programme-\\x1b]0;titel\\x07\\u202e", som inte finns: välj ett dokument som finns eller ta bort referensen.',
    ],
  },
  {
    name: 'a byte order mark before line 1, taken away without follow-on errors',
    text: `\uFEFF${dataset((byId) => {
      delete doc(byId, 'tema-samverkan')['name'];
    })}`,
    expected: [
      'tema-samverkan · name · Skriv temats namn.',
      // Line 1 is read, so nothing that refers to its document fails after it.
      /^(?![\s\S]*<file>:1 )(?![\s\S]*som inte finns)/,
    ],
  },
  {
    name: 'bytes that are not UTF-8, named by file and line',
    text: Buffer.concat([
      Buffer.from(dataset(() => undefined)),
      Buffer.from('{"_id": "tema-latin1", "_type": "tema", "name": "V'),
      Buffer.from([0xe5]), // "å" in Latin-1
      Buffer.from('rd"}\n'),
    ]),
    expected: [
      `<file>:${LINES + 1} · (document) · Raden är inte giltig UTF-8 (rad ${LINES + 1}): spara filen som UTF-8.`,
    ],
  },
  {
    name: 'nesting beyond the limit (6,000 levels once crashed the check)',
    // Written as text: JSON.stringify itself overflows the stack at this depth.
    text: dataset((byId) => {
      doc(byId, 'tema-samverkan')['extra'] = 'DEEP';
    }).replace('"DEEP"', `${'{"a":'.repeat(6_000)}{}${'}'.repeat(6_000)}`),
    expected: [
      'tema-samverkan · extra.a.a.a.a.a.a.a… · Värdet är nästlat i fler än 64 nivåer, vilket är gränsen: förenkla det.',
      // The theme is refused whole; what refers to it is not reported again.
      /^(?![\s\S]*"tema-samverkan", som)/,
    ],
  },
  {
    name: 'a field beyond the size limit',
    text: dataset((byId) => {
      doc(byId, 'tema-samverkan')['name'] = 'x'.repeat(1_000_001);
    }),
    expected: [
      'tema-samverkan · name · Texten har 1000001 tecken, fler än gränsen 1000000: korta den.',
      /^(?![\s\S]*"tema-samverkan", som)/,
    ],
  },
  {
    name: 'a token pasted into content, named by document and field (never repeated)',
    text: dataset((byId) => {
      doc(byId, 'tema-samverkan')['name'] = `Nyckel sk${'Ab3'.repeat(30)}`;
    }),
    expected: [
      'tema-samverkan · name · holds a string shaped like a Sanity API token (skAb…): a secret must never be published',
    ],
  },
  {
    name: 'an empty dataset',
    text: '',
    expected: [`(dataset) · (document) · ${NO_DOCUMENTS}`],
  },
  {
    name: 'a dataset of drafts only',
    text: dataset((_byId, documents) => {
      documents.splice(
        0,
        documents.length,
        ...documents.filter((document) => document._id.startsWith('drafts.')),
      );
    }),
    expected: [`(dataset) · (document) · ${NO_DOCUMENTS}`],
  },
  {
    name: 'a folder without data.ndjson',
    text: undefined,
    expected: [/<file> · \(document\) · Datamängden kan inte läsas: ENOENT/],
  },
  {
    name: 'an unknown _type is a warning (listed with the errors, left out of the site)',
    text: dataset((byId, documents) => {
      documents.push({ _id: 'widget-1', _type: 'widget', title: 'Okänd typ' });
      delete doc(byId, 'tema-samverkan')['name'];
    }),
    expected: [
      'warning  widget-1 · _type · Dokumenttypen "widget" finns inte i innehållsmodellen: dokumentet kommer inte med på webbplatsen.',
      `tema-samverkan · name · ${requiredMessage('tema', 'name')}`,
    ],
  },
];

describe.concurrent('a build from a broken dataset (CONTENT_DIR)', () => {
  let root: string;
  let outDir: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'naravard-trust-validation-'));
    // An earlier build's output (any bytes will do: the build must not touch them).
    outDir = path.join(root, 'site', 'dist');
    await mkdir(path.join(outDir, 'regioner', 'fyrbodal'), { recursive: true });
    await writeFile(path.join(outDir, 'index.html'), '<!doctype html><title>Förra bygget</title>');
    await writeFile(
      path.join(outDir, 'regioner', 'fyrbodal', 'index.html'),
      '<!doctype html><title>Fyrbodal</title>',
    );
    await writeFile(path.join(outDir, 'bytes.bin'), Buffer.from([0, 1, 2, 254, 255]));
    await markAsEarlierBuild(outDir);
    before = await fingerprint(outDir);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  for (const [index, testCase] of CASES.entries()) {
    it(`stops on ${testCase.name}`, async () => {
      const dir = path.join(root, `case-${index}`);
      if (testCase.text === undefined) await mkdir(dir, { recursive: true });
      else await writeDataset(dir, testCase.text);
      const check = await checkContent(createContentSource({ CONTENT_DIR: dir }));
      // The problems as the build lists them: errors, and warnings marked as such.
      const shown = check.problems
        .map((problem) =>
          problem.severity === 'error'
            ? formatProblem(problem)
            : `${problem.severity.padEnd(7)}  ${formatProblem(problem)}`,
        )
        .join('\n')
        .split(path.join(dir, 'data.ndjson'))
        .join('<file>');

      expect(check.errors.length, shown).toBeGreaterThan(0);
      expect(check.entries, 'nothing handed on to Astro').toBeUndefined();
      for (const line of testCase.expected) {
        if (typeof line === 'string') expect(shown).toContain(line);
        else expect(shown).toMatch(line);
      }
      expect(shown).not.toMatch(CRASH);
    });
  }

  it('stops on a content source setting that cannot work, naming it', async () => {
    const { exitCode, output } = await runBuild({
      outDir,
      env: { SANITY_PROJECT_ID: 'ett projekt!', SANITY_DATASET: 'production' },
      expectCheckToFail: true,
    });
    expect(exitCode, output).toBe(1);
    expect(output).toContain('Cannot set up the content source: `projectId` can only contain');
    expect(output).not.toMatch(CRASH);
    expect(await fingerprint(outDir)).toEqual(before);
  });

  it('lists every problem at once, not only the first', async () => {
    const dir = path.join(root, 'all');
    // One dataset with every break above: the changes touch different fields.
    const text = dataset((byId, documents) => {
      delete doc(byId, 'programme-gr')['title'];
      doc(byId, 'region-goteborgsregionen')['municipalityCount'] = 'tretton';
      doc(byId, 'region-fyrbodal')['slug'] = { _type: 'slug', current: 'goteborgsregionen' };
      doc(byId, 'region-vastra-gotaland')['parent'] = ref('region-goteborgsregionen');
      doc(byId, 'handelse-gr-start')['date'] = '2021-02-30';
      doc(byId, 'kontaktperson-gr-samordnare')['email'] = 'nara.vard(at)example.se';
      doc(byId, 'dokument-gr-rapport')['attachment'] = {
        _type: 'attachment',
        url: 'data:text/html,x',
      };
      doc(byId, 'delprojekt-gr-1')['programme'] = ref('tema-samverkan');
      documents.push({ _id: 'widget-1', _type: 'widget' });
    });
    await writeDataset(dir, `${text}{ not json\n`);
    const { exitCode, output } = await runBuild({
      outDir,
      env: { CONTENT_DIR: dir },
      expectCheckToFail: true,
    });
    expect(exitCode, output).toBe(1);
    expect(output).toContain('has 11 errors:');
    for (const line of [
      `data.ndjson:${LINES + 2} · (document) · Raden är inte giltig JSON`,
      `programme-gr · title · ${requiredMessage('programme', 'title')}`,
      `region-goteborgsregionen · municipalityCount · ${NUMBER_RULES.municipalityCount.message}`,
      `region-fyrbodal · slug.current · ${slugNotUniqueMessage('goteborgsregionen', ['region-goteborgsregionen'])}`,
      `region-goteborgsregionen · slug.current · ${slugNotUniqueMessage('goteborgsregionen', ['region-fyrbodal'])}`,
      // A län under a region (the cycle through it is reported on the delregion below it).
      `region-vastra-gotaland · parent._ref · ${LAN_PARENT_MESSAGE}`,
      `region-goteborgsregionen · parent._ref · ${parentCycleMessage(['region-goteborgsregionen', 'region-vastra-gotaland', 'region-goteborgsregionen'])}`,
      `handelse-gr-start · date · ${isoDateProblem('2021-02-30')}`,
      `kontaktperson-gr-samordnare · email · ${EMAIL_MESSAGE}`,
      `dokument-gr-rapport · attachment.url · ${urlProblem('data:text/html,x', WEB)}`,
      `delprojekt-gr-1 · programme._ref · ${referenceTargetMessage(['programme'], 'tema', 'tema-samverkan')}`,
      'warning  widget-1 · _type · Dokumenttypen "widget" finns inte i innehållsmodellen',
    ]) {
      expect(output).toContain(line);
    }
    expect(output).toContain('Nothing was built');
    expect(output).not.toMatch(CRASH);
    // Astro never started, and the earlier output is byte for byte as it was.
    expect(output).not.toContain('[content]');
    expect(await fingerprint(outDir)).toEqual(before);
    expect(await readdir(path.join(root, 'site'))).toEqual(['dist']); // no temporary folder beside it
  });
});

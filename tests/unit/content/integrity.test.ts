// Every integrity rule, each with a document that breaks it. Problems read `_id · field path · problem`.
import { describe, expect, it } from 'vitest';
import { parseNdjson } from '../../../src/lib/content/dataset.ts';
import {
  ContentValidationError,
  assertIntegrity,
  checkIntegrity,
} from '../../../src/lib/content/integrity.ts';
import { LIMITS } from '../../../src/lib/content/limits.ts';
import { UNKNOWN_FIELD_MESSAGE } from '../../../src/lib/content/problems.ts';
import {
  ATTACHMENT_MESSAGE_NONE,
  DUPLICATE_ITEM_MESSAGE,
  EMAIL_MESSAGE,
  isoDateProblem,
  missingReferenceMessage,
  PARENT_REQUIRED_MESSAGE,
  PARENT_SELF_MESSAGE,
  parentCycleMessage,
  parentKindMessage,
  PERIOD_ORDER_MESSAGE,
  referenceTargetMessage,
  REGIONS_REQUIRED_MESSAGE,
  requiredMessage,
  SLUG_FORMAT_MESSAGE,
  slugNotUniqueMessage,
  SOURCES_REQUIRED_MESSAGE,
  unknownMarkMessage,
  urlProblem,
} from '../../../src/lib/rules/index.ts';
import { breaking, errors, fixture, problems } from './helpers.ts';

describe('the minimal fixture', () => {
  it('passes, with its draft reported as info and system documents ignored', () => {
    const report = checkIntegrity(fixture());
    expect(report.errors).toEqual([]);
    expect(problems(fixture())).toEqual([
      'drafts.programme-gr · (document) · Utkast: det är inte publicerat och kommer inte med på webbplatsen.',
    ]);
    const ids = report.published.map((document) => document._id);
    expect(ids).not.toContain('drafts.programme-gr');
    expect(ids).not.toContain('image-abc123-100x100-jpg');
    expect(ids).not.toContain('system.group.public');
    expect(ids).toHaveLength(11);
  });
});

describe('the dataset', () => {
  it('reports a malformed line with its line number and keeps reading', () => {
    const text = [
      '{"_id":"tema-a","_type":"tema"}',
      '{"_id": broken',
      '',
      '[1,2]',
      '{"_type":"tema"}',
      '{"_id":"tema-b","_type":"tema"}',
    ].join('\n');
    const { documents, problems: found } = parseNdjson(text);
    expect(documents.map((document) => document._id)).toEqual(['tema-a', 'tema-b']);
    expect(found.map((problem) => `${problem.id} · ${problem.path}`)).toEqual([
      'data.ndjson:2 · ',
      'data.ndjson:4 · ',
      'data.ndjson:5 · _id',
    ]);
    expect(found[0]?.message).toMatch(/^Raden är inte giltig JSON: /);
  });

  it('is an error when empty, or when it holds only drafts', () => {
    expect(errors([])).toEqual([
      '(dataset) · (document) · Datamängden har inga publicerade dokument att bygga webbplatsen av.',
    ]);
    const draftsOnly = fixture().filter((document) => document._id.startsWith('drafts.'));
    expect(errors(draftsOnly)).toEqual([
      '(dataset) · (document) · Datamängden har inga publicerade dokument att bygga webbplatsen av.',
    ]);
  });

  it('refuses more published documents than the limit per build, and checks nothing further', () => {
    // Themes without a name: the per-document checks would list 200,000 missing names.
    const documents = [
      ...fixture(),
      ...Array.from({ length: LIMITS.documents }, (_, index) => ({
        _id: `tema-${index}`,
        _type: 'tema',
      })),
    ];
    expect(errors(documents)).toEqual([
      `(dataset) · (document) · ${LIMITS.documents + 11} publicerade dokument är fler än gränsen 200000 för ett bygge: dela upp innehållet.`,
    ]);
  });

  it('warns about an unknown _type and leaves the document out', () => {
    const documents = [...fixture(), { _id: 'event-x', _type: 'event', title: 'X' }];
    expect(problems(documents, 'warning')).toEqual([
      'event-x · _type · Dokumenttypen "event" finns inte i innehållsmodellen: dokumentet kommer inte med på webbplatsen.',
    ]);
    expect(checkIntegrity(documents).published.map((document) => document._id)).not.toContain(
      'event-x',
    );
  });

  it('refuses the same _id twice and dotted ids', () => {
    const documents = fixture();
    documents.push({ ...documents[4]! });
    documents.push({ ...documents[4]!, _id: 'tema.dotted', slug: { current: 'dotted' } });
    expect(errors(documents)).toEqual([
      'tema-samverkan · _id · Samma _id finns mer än en gång i datamängden: ge varje dokument ett eget _id.',
      'tema.dotted · _id · Ett _id med punkt är privat i Sanity och kan inte läsas utan inloggning: ta bort punkten.',
    ]);
  });
});

describe('document shape (zod)', () => {
  it('names a missing required field', () => {
    expect(errors(breaking('programme-gr', (d) => void delete d['title']))).toEqual([
      `programme-gr · title · ${requiredMessage('programme', 'title')}`,
    ]);
    expect(errors(breaking('delprojekt-gr-1', (d) => void delete d['programme']))).toEqual([
      `delprojekt-gr-1 · programme · ${requiredMessage('delprojekt', 'programme')}`,
    ]);
  });

  it('names a wrong value type and an empty required text', () => {
    expect(errors(breaking('delprojekt-gr-1', (d) => void (d['number'] = '1')))).toEqual([
      'delprojekt-gr-1 · number · Numret ska vara ett heltal, minst 1.',
    ]);
    expect(errors(breaking('tema-samverkan', (d) => void (d['description'] = '')))).toEqual([
      `tema-samverkan · description · ${requiredMessage('tema', 'description')}`,
    ]);
    expect(errors(breaking('tema-samverkan', (d) => void (d['description'] = ' \n ')))).toEqual([
      'tema-samverkan · description · Fältet innehåller bara mellanslag: skriv en text eller töm fältet helt.',
    ]);
  });

  it('maps nested paths like contacts[1]._ref', () => {
    const broken = breaking('programme-gr', (d) => {
      d['contacts'] = [
        { _type: 'reference', _ref: 'kontaktperson-gr-samordnare', _key: 'c1' },
        { _type: 'reference', _key: 'c2' },
      ];
    });
    expect(errors(broken)).toEqual(['programme-gr · contacts[1]._ref · Fyll i fältet: det krävs.']);
  });

  it('checks enums and number ranges', () => {
    expect(errors(breaking('programme-gr', (d) => void (d['status'] = 'klart')))).toEqual([
      'programme-gr · status · Välj ett av värdena i listan: Planerat, Pågående, Avslutat, Anges inte i källan.',
    ]);
    expect(errors(breaking('malbild-gr', (d) => void (d['horizonYear'] = 1999)))).toEqual([
      'malbild-gr · horizonYear · Skriv målåret som ett årtal mellan 2000 och 2100.',
    ]);
  });

  it('needs at least one region and one source', () => {
    expect(errors(breaking('handelse-gr-start', (d) => void (d['regions'] = [])))).toEqual([
      `handelse-gr-start · regions · ${REGIONS_REQUIRED_MESSAGE}`,
    ]);
    expect(errors(breaking('tema-samverkan', (d) => void delete d['sources']))).toEqual([
      `tema-samverkan · sources · ${SOURCES_REQUIRED_MESSAGE}`,
    ]);
  });

  it('needs a parent for every region but a län', () => {
    expect(errors(breaking('region-fyrbodal', (d) => void delete d['parent']))).toEqual([
      `region-fyrbodal · parent · ${PARENT_REQUIRED_MESSAGE}`,
    ]);
  });

  it('needs exactly one of file and url in an attachment', () => {
    expect(
      errors(
        breaking('dokument-gr-rapport', (d) => void (d['attachment'] = { _type: 'attachment' })),
      ),
    ).toEqual([`dokument-gr-rapport · attachment.url · ${ATTACHMENT_MESSAGE_NONE}`]);
  });

  it('needs _key on array items, unique in the array', () => {
    expect(
      errors(
        breaking(
          'programme-gr',
          (d) => void delete (d['themes'] as Array<Record<string, unknown>>)[0]!['_key'],
        ),
      ),
    ).toContain(
      'programme-gr · themes[0]._key · Raden i listan saknar _key: spara om dokumentet i Studion, eller ge raden en unik _key.',
    );
    const duplicate = breaking('malbild-gr', (d) => {
      d['parts'] = [
        { _type: 'malbildPart', _key: 'p1', title: 'A', text: 'a' },
        { _type: 'malbildPart', _key: 'p1', title: 'B', text: 'b' },
      ];
    });
    expect(errors(duplicate)).toEqual([
      'malbild-gr · parts[1]._key · Två rader i listan har samma _key "p1" (också rad 1): ge raden en unik _key.',
    ]);
  });

  it('warns about unknown fields', () => {
    expect(
      problems(
        breaking('tema-samverkan', (d) => void (d['descripton'] = 'typo')),
        'warning',
      ),
    ).toEqual([`tema-samverkan · descripton · ${UNKNOWN_FIELD_MESSAGE}`]);
  });

  it('warns about unknown fields named like what every object inherits', () => {
    // As JSON.parse reads them: own fields named `constructor`, `toString`, `hasOwnProperty`.
    const documents = parseNdjson(
      fixture()
        .map((document) =>
          document._id === 'tema-samverkan'
            ? JSON.stringify(document).replace(
                /^\{/,
                '{"constructor":"x","toString":"y","hasOwnProperty":"z",',
              )
            : JSON.stringify(document),
        )
        .join('\n'),
    ).documents;
    expect(problems(documents, 'warning')).toEqual(
      ['constructor', 'toString', 'hasOwnProperty'].map(
        (field) => `tema-samverkan · ${field} · ${UNKNOWN_FIELD_MESSAGE}`,
      ),
    );
  });

  it('checks Portable Text marks against decorators and markDefs', () => {
    const broken = breaking('programme-gr', (d) => {
      const block = (d['body'] as Array<{ children: Array<{ marks: string[] }> }>)[0]!;
      block.children[0]!.marks = ['underline'];
    });
    expect(errors(broken)).toEqual([
      `programme-gr · body[0].children[0].marks[0] · ${unknownMarkMessage('underline')}`,
    ]);
  });
});

describe('slugs', () => {
  it('must be lower-case ASCII words joined by single hyphens', () => {
    for (const bad of ['Vardens', 'vårdens', 'a--b', '-a', 'a b']) {
      expect(
        errors(
          breaking('tema-samverkan', (d) => void (d['slug'] = { _type: 'slug', current: bad })),
        ),
      ).toEqual([`tema-samverkan · slug.current · ${SLUG_FORMAT_MESSAGE}`]);
    }
  });

  it('must be unique per type, not across types', () => {
    const clash = breaking(
      'region-fyrbodal',
      (d) => void (d['slug'] = { _type: 'slug', current: 'goteborgsregionen' }),
    );
    expect(errors(clash)).toEqual([
      `region-goteborgsregionen · slug.current · ${slugNotUniqueMessage('goteborgsregionen', ['region-fyrbodal'])}`,
      `region-fyrbodal · slug.current · ${slugNotUniqueMessage('goteborgsregionen', ['region-goteborgsregionen'])}`,
    ]);
    const acrossTypes = breaking(
      'tema-samverkan',
      (d) => void (d['slug'] = { _type: 'slug', current: 'goteborgsregionen' }),
    );
    expect(errors(acrossTypes)).toEqual([]);
  });
});

describe('references', () => {
  it('must point at an existing, published document', () => {
    expect(
      errors(
        breaking(
          'programme-gr',
          (d) => void ((d['themes'] as Array<Record<string, unknown>>)[0]!['_ref'] = 'tema-saknas'),
        ),
      ),
    ).toEqual([
      `programme-gr · themes[0]._ref · ${missingReferenceMessage('tema-saknas', 'missing')}`,
    ]);
    const draftOnly = [
      ...fixture(),
      { _id: 'drafts.tema-ny', _type: 'tema', name: 'Ny', slug: { current: 'ny' } },
    ].map((d) =>
      d._id === 'programme-gr'
        ? { ...d, themes: [{ _type: 'reference', _ref: 'tema-ny', _key: 't1' }] }
        : d,
    );
    expect(errors(draftOnly)).toEqual([
      `programme-gr · themes[0]._ref · ${missingReferenceMessage('tema-ny', 'only-draft')}`,
    ]);
  });

  it('must point at the type the field allows', () => {
    expect(
      errors(
        breaking(
          'programme-gr',
          (d) =>
            void ((d['regions'] as Array<Record<string, unknown>>)[0]!['_ref'] = 'tema-samverkan'),
        ),
      ),
    ).toEqual([
      `programme-gr · regions[0]._ref · ${referenceTargetMessage(['region'], 'tema', 'tema-samverkan')}`,
    ]);
    expect(
      errors(
        breaking(
          'delprojekt-gr-1',
          (d) => void (d['programme'] = { _type: 'reference', _ref: 'malbild-gr' }),
        ),
      ),
    ).toEqual([
      `delprojekt-gr-1 · programme._ref · ${referenceTargetMessage(['programme'], 'malbild', 'malbild-gr')}`,
    ]);
  });

  it('appear at most once in a list', () => {
    const twice = breaking('programme-gr', (d) => {
      d['themes'] = [
        { _type: 'reference', _ref: 'tema-samverkan', _key: 't1' },
        { _type: 'reference', _ref: 'tema-samverkan', _key: 't2' },
      ];
    });
    expect(errors(twice)).toEqual([`programme-gr · themes[1] · ${DUPLICATE_ITEM_MESSAGE}`]);
  });

  it('are refused when missing, weak or not, as the Studio refuses them', () => {
    const weak = breaking(
      'dokument-gr-rapport',
      (d) => void (d['delprojekt'] = { _type: 'reference', _ref: 'delprojekt-borta', _weak: true }),
    );
    expect(problems(weak, 'warning')).toEqual([]);
    expect(errors(weak)).toEqual([
      `dokument-gr-rapport · delprojekt._ref · ${missingReferenceMessage('delprojekt-borta', 'missing')}`,
    ]);
  });
});

describe('the region tree', () => {
  it('has no cycles', () => {
    const cycle = breaking('region-vastra-gotaland', (d) => {
      d['kind'] = 'delregion';
      d['parent'] = { _type: 'reference', _ref: 'region-goteborgsregionen' };
    });
    expect(errors(cycle)).toEqual([
      `region-vastra-gotaland · parent._ref · ${parentCycleMessage(['region-vastra-gotaland', 'region-goteborgsregionen', 'region-vastra-gotaland'])}`,
      `region-goteborgsregionen · parent._ref · ${parentCycleMessage(['region-goteborgsregionen', 'region-vastra-gotaland', 'region-goteborgsregionen'])}`,
      // Fyrbodal is not in the cycle, but now lies under a delregion.
      `region-fyrbodal · parent._ref · ${parentKindMessage('delregion', 'delregion')}`,
    ]);
    const self = breaking(
      'region-fyrbodal',
      (d) => void (d['parent'] = { _type: 'reference', _ref: 'region-fyrbodal' }),
    );
    expect(errors(self)).toEqual([`region-fyrbodal · parent._ref · ${PARENT_SELF_MESSAGE}`]);
  });
});

describe('dates', () => {
  it('are ISO strings of year, month or day precision', () => {
    expect(errors(breaking('handelse-gr-start', (d) => void (d['date'] = '2020-9')))).toEqual([
      `handelse-gr-start · date · ${isoDateProblem('2020-9')}`,
    ]);
    expect(
      errors(breaking('handelse-gr-start', (d) => void (d['date'] = 'hösten 2020'))).length,
    ).toBe(1);
    expect(errors(breaking('handelse-gr-start', (d) => void (d['date'] = '2020-13')))).toEqual([
      'handelse-gr-start · date · Månaden 13 finns inte: skriv en månad mellan 01 och 12.',
    ]);
  });

  it('are real calendar dates', () => {
    expect(
      errors(
        breaking(
          'malbild-gr',
          (d) => void ((d['decision'] as Record<string, unknown>)['date'] = '2021-02-29'),
        ),
      ),
    ).toEqual([
      'malbild-gr · decision.date · Datumet 2021-02-29 finns inte i kalendern: månaden har 28 dagar.',
    ]);
    expect(
      errors(
        breaking(
          'malbild-gr',
          (d) => void ((d['decision'] as Record<string, unknown>)['date'] = '2024-02-29'),
        ),
      ),
    ).toEqual([]);
  });

  it('end a period no earlier than it starts (at the shared precision)', () => {
    const reversed = breaking(
      'programme-gr',
      (d) => void (d['period'] = { _type: 'period', start: '2021-03', end: '2020' }),
    );
    expect(errors(reversed)).toEqual([`programme-gr · period.end · ${PERIOD_ORDER_MESSAGE}`]);
    const overlapping = breaking(
      'programme-gr',
      (d) => void (d['period'] = { _type: 'period', start: '2020-09', end: '2020' }),
    );
    expect(errors(overlapping)).toEqual([]);
  });
});

describe('contact details', () => {
  it('accept e-mail addresses and Swedish numbers as printed', () => {
    for (const phone of ['031-335 51 76', '073 - 8037311', '+46 31 335 51 76', '08-123 456 78']) {
      expect(
        errors(breaking('kontaktperson-gr-samordnare', (d) => void (d['phone'] = phone))),
      ).toEqual([]);
    }
  });

  it('refuse a broken e-mail address', () => {
    for (const email of [
      'nara.vard',
      'mailto:nara.vard@example.se',
      'a b@example.se',
      'nara.vard@example',
    ]) {
      expect(
        errors(breaking('kontaktperson-gr-samordnare', (d) => void (d['email'] = email))),
      ).toEqual([`kontaktperson-gr-samordnare · email · ${EMAIL_MESSAGE}`]);
    }
  });

  it('refuse a number that is not Swedish', () => {
    for (const phone of ['335 51 76', '+47 22 33 44 55', 'ring växeln', '031-33']) {
      expect(
        errors(breaking('kontaktperson-gr-samordnare', (d) => void (d['phone'] = phone)))[0],
      ).toMatch(/^kontaktperson-gr-samordnare · phone · .*Skriv ett svenskt telefonnummer/);
    }
  });
});

describe('addresses', () => {
  it('allow only http and https in address fields', () => {
    expect(
      errors(
        breaking('region-vastra-gotaland', (d) => void (d['website'] = 'javascript:alert(1)')),
      ),
    ).toEqual([
      `region-vastra-gotaland · website · ${urlProblem('javascript:alert(1)', ['http', 'https'])}`,
    ]);
    expect(
      errors(
        breaking(
          'kontaktperson-gr-samordnare',
          (d) => void (d['portraitUrl'] = 'data:image/png;base64,AAAA'),
        ),
      ),
    ).toEqual([
      `kontaktperson-gr-samordnare · portraitUrl · ${urlProblem('data:x', ['http', 'https'])}`,
    ]);
    expect(
      errors(
        breaking(
          'dokument-gr-rapport',
          (d) => void (d['attachment'] = { url: 'ftp://example.se/a.pdf' }),
        ),
      ),
    ).toEqual([
      `dokument-gr-rapport · attachment.url · ${urlProblem('ftp://x', ['http', 'https'])}`,
    ]);
    expect(errors(breaking('kalla-gr', (d) => void (d['url'] = '/relative/')))[0]).toMatch(
      /^kalla-gr · url · Det här är ingen fullständig adress\./,
    );
  });

  it('allow http, https, mailto and tel in Portable Text links, nothing else', () => {
    const withHref = (href: string) =>
      breaking('programme-gr', (d) => {
        const block = (d['body'] as Array<{ markDefs: Array<{ href: string }> }>)[0]!;
        block.markDefs[0]!.href = href;
      });
    expect(errors(withHref('tel:031-3355176'))).toEqual([]);
    expect(errors(withHref('mailto:nara.vard@example.se'))).toEqual([]);
    expect(errors(withHref('javascript:alert(1)'))).toEqual([
      `programme-gr · body[0].markDefs[0].href · Adresser som börjar med javascript: är inte tillåtna här, bara http:, https:, mailto:, tel:. Skriv hela adressen, till exempel https://exempel.se/sida, mailto:namn@exempel.se eller tel:+46313355176.`,
    ]);
    expect(errors(withHref('JavaScript:alert(1)'))[0]).toMatch(
      /Adresser som börjar med javascript: är inte tillåtna här/,
    );
    expect(errors(withHref('java\tscript:alert(1)'))[0]).toMatch(
      /mellanslag eller osynliga tecken/,
    );
    expect(errors(withHref(' javascript:alert(1)'))[0]).toMatch(
      /börjar eller slutar med mellanslag/,
    );
    expect(errors(withHref('data:text/html,<script>alert(1)</script>'))[0]).toMatch(
      /Adresser som börjar med data: är inte tillåtna här/,
    );
  });

  it('leave fields outside the model to the unknown-field warning: no page renders them', () => {
    const extra = breaking(
      'tema-samverkan',
      (d) => void (d['moreInfoUrl'] = 'javascript:alert(1)'),
    );
    expect(errors(extra)).toEqual([]);
    expect(problems(extra, 'warning')).toEqual([
      `tema-samverkan · moreInfoUrl · ${UNKNOWN_FIELD_MESSAGE}`,
    ]);
  });
});

describe('ContentValidationError', () => {
  it('lists every error, not only the first', () => {
    const documents = breaking('programme-gr', (d) => {
      delete d['title'];
      d['status'] = 'klart';
      d['period'] = { start: '2022', end: '2021' };
    });
    let thrown: unknown;
    try {
      assertIntegrity(documents);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContentValidationError);
    const error = thrown as ContentValidationError;
    expect(error.problems.filter((problem) => problem.severity === 'error')).toHaveLength(3);
    expect(error.message).toContain('3 errors');
    expect(String(error)).toBe('ContentValidationError: 3 content errors');
    expect(error.message).toContain(
      `programme-gr · title · ${requiredMessage('programme', 'title')}`,
    );
    expect(error.message).toContain('programme-gr · status · ');
    expect(error.message).toContain(`programme-gr · period.end · ${PERIOD_ORDER_MESSAGE}`);
  });

  it('is not thrown for warnings and infos', () => {
    expect(() => assertIntegrity([...fixture(), { _id: 'x-1', _type: 'x' }])).not.toThrow();
  });
});

// The shared rules (src/lib/rules/) and the Studio's validators that call them, including
// the two whose real check needs the Content Lake (slug uniqueness, the region tree) and so
// cannot run in the offline CLI tests: here they get a stand-in client.
import { describe, expect, it } from 'vitest';
import {
  isUniqueSlugPerType,
  SLUG_UNIQUE_QUERY,
  validateEmail,
  validateIsoDate,
  validatePeriodEnd,
  validatePhone,
  validateRegionParent,
  validateSlugCurrent,
} from '../../sanity/schemaTypes/validation.ts';
import {
  ATTACHMENT_MESSAGE_BOTH,
  ATTACHMENT_MESSAGE_NONE,
  attachmentProblem,
  compareIsoDates,
  EMAIL_MESSAGE,
  emailProblem,
  FINANCING_MESSAGE,
  financingProblem,
  findParentCycle,
  isIsoDate,
  isoDateProblem,
  isValidSlug,
  PARENT_REQUIRED_MESSAGE,
  PARENT_SELF_MESSAGE,
  PERIOD_ORDER_MESSAGE,
  periodOrderProblem,
  PHONE_MESSAGE,
  phoneProblem,
  publishedId,
  SLUG_FORMAT_MESSAGE,
  type PeriodValue,
} from '../../src/lib/rules/index.ts';

type Fetch = (query: string, params?: Record<string, unknown>) => Promise<unknown>;

/** Just enough of ValidationContext for the rules: a document and a client that answers `fetch`. */
function contextWith(document: Record<string, unknown> | undefined, fetch: Fetch) {
  const calls: {
    query: string;
    params: Record<string, unknown> | undefined;
    apiVersion: string;
  }[] = [];
  const context = {
    document,
    getClient: ({ apiVersion }: { apiVersion: string }) => ({
      fetch: (query: string, params?: Record<string, unknown>) => {
        calls.push({ query, params, apiVersion });
        return fetch(query, params);
      },
    }),
  };
  // The rules only use `document` and `getClient(...).fetch`; the cast keeps the stand-in small.
  return { context: context as never, calls };
}

describe('slug format', () => {
  it.each(['vardens-medarbetare', 'gr', '2030', 'sou-2020-19', 'a1-b2-c3'])(
    'accepts %s',
    (slug) => {
      expect(isValidSlug(slug)).toBe(true);
      expect(validateSlugCurrent(slug)).toBe(true);
    },
  );

  it.each(['Vardens', 'vårdens', 'a--b', '-a', 'a-', 'a b', 'a_b', 'a.b', 'a/b'])(
    'rejects %s',
    (slug) => {
      expect(isValidSlug(slug)).toBe(false);
      expect(validateSlugCurrent(slug)).toBe(SLUG_FORMAT_MESSAGE);
    },
  );

  it('leaves an empty slug to the required rule', () => {
    expect(validateSlugCurrent(undefined)).toBe(true);
    expect(validateSlugCurrent('')).toBe(true);
  });

  it('tells the editor how to write å, ä and ö', () => {
    expect(SLUG_FORMAT_MESSAGE).toContain('å och ä som a och ö som o');
  });
});

describe('slug uniqueness per type (needs the Content Lake; tested with a stand-in client)', () => {
  it('asks for another document of the same type with the same slug, ignoring its own draft', async () => {
    const { context, calls } = contextWith(
      { _id: 'drafts.programme-a', _type: 'programme' },
      async () => true,
    );
    await expect(isUniqueSlugPerType('vardens-medarbetare', context)).resolves.toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query).toBe(SLUG_UNIQUE_QUERY);
    expect(calls[0]!.params).toEqual({
      type: 'programme',
      slug: 'vardens-medarbetare',
      published: 'programme-a',
      draft: 'drafts.programme-a',
    });
    expect(calls[0]!.query).toContain('_type == $type');
    expect(calls[0]!.query).toContain('!(_id in [$draft, $published])');
  });

  it('reports a clash when the Content Lake finds another document', async () => {
    const { context } = contextWith({ _id: 'programme-b', _type: 'programme' }, async () => false);
    await expect(isUniqueSlugPerType('vardens-medarbetare', context)).resolves.toBe(false);
  });

  it('lets the error through when the Content Lake cannot be reached, so nothing is published unchecked', async () => {
    const { context } = contextWith({ _id: 'programme-b', _type: 'programme' }, async () => {
      throw new TypeError('fetch failed');
    });
    await expect(isUniqueSlugPerType('x', context)).rejects.toThrow('fetch failed');
  });
});

describe('isoDate', () => {
  it.each(['2020', '2020-09', '2020-09-01', '2024-02-29', '2000-02-29', '1999-12-31'])(
    'accepts %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
      expect(validateIsoDate(value)).toBe(true);
    },
  );

  it.each([
    '20',
    '2020-9',
    '2020-09-1',
    '2020/09/01',
    '1 september 2020',
    'hösten 2020',
    '2020-09-01T10:00',
    ' 2020',
  ])('rejects the form of %s', (value) => {
    expect(isoDateProblem(value)).toContain('ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD');
  });

  it.each([
    ['2020-13', 'Månaden 13 finns inte'],
    ['2020-00', 'Månaden 00 finns inte'],
    ['2021-02-29', 'månaden har 28 dagar'],
    ['1900-02-29', 'månaden har 28 dagar'],
    ['2021-04-31', 'månaden har 30 dagar'],
    ['2021-01-00', 'finns inte i kalendern'],
    ['2021-01-32', 'månaden har 31 dagar'],
  ])('rejects %s, which is not in the calendar', (value, message) => {
    expect(isoDateProblem(value)).toContain(message);
    expect(validateIsoDate(value)).toContain(message);
  });

  it('leaves empty values to the required rule and rejects non-strings', () => {
    expect(validateIsoDate(undefined)).toBe(true);
    expect(validateIsoDate('')).toBe(true);
    expect(validateIsoDate(2020)).toContain('ÅÅÅÅ');
  });

  it('compares dates of different precision by overlap', () => {
    expect(compareIsoDates('2020', '2021')).toBeLessThan(0);
    expect(compareIsoDates('2020-09', '2020')).toBe(0);
    expect(compareIsoDates('2020', '2020-09-01')).toBe(0);
    expect(compareIsoDates('2020-10', '2020-09-30')).toBeGreaterThan(0);
    expect(compareIsoDates('2020-09-01', '2020-09-02')).toBeLessThan(0);
  });
});

describe('period', () => {
  it.each<[PeriodValue | undefined]>([
    [{ start: '2020', end: '2022' }],
    [{ start: '2021', end: '2021' }],
    [{ start: '2020-09', end: '2020' }],
    [{ start: '2020', end: '2020-03' }],
    [{ start: '2020-09-01' }],
    [{ end: '2022' }],
    [{ text: 'Sedan våren 2020' }],
    [undefined],
  ])('accepts %j', (value) => {
    expect(periodOrderProblem(value)).toBeUndefined();
    expect(validatePeriodEnd(value?.end, { parent: value })).toBe(true);
  });

  it.each([
    [{ start: '2021', end: '2020' }],
    [{ start: '2021', end: '2020-12' }],
    [{ start: '2020-10', end: '2020-09-30' }],
    [{ start: '2020-09-02', end: '2020-09-01' }],
  ])('rejects %j, which ends before it starts, at the end date', (value) => {
    expect(periodOrderProblem(value)).toBe(PERIOD_ORDER_MESSAGE);
    // The Studio shows it on the end date, a string field (see validation.ts).
    expect(validatePeriodEnd(value.end, { parent: value })).toBe(PERIOD_ORDER_MESSAGE);
  });

  it('leaves malformed dates to the date rule', () => {
    expect(periodOrderProblem({ start: '2021-13', end: '2020' })).toBeUndefined();
  });
});

describe('Swedish phone numbers as printed', () => {
  it.each([
    '031-335 51 76',
    '073 - 8037311',
    '+46 31 335 51 76',
    '0313355176',
    '+46313355176',
    '08-123 456 78',
    '010-441 00 00',
  ])('accepts %s', (value) => {
    expect(phoneProblem(value)).toBeUndefined();
    expect(validatePhone(value)).toBe(true);
  });

  it.each([
    ['335 51 76', 'does not start with 0 or +46'],
    ['+47 22 00 00 00', 'is not Swedish'],
    ['031-33', 'has too few digits'],
    ['031-335 51 76 76 76 7', 'has too many digits'],
    ['031-335 51 76 ankn. 2', 'has letters'],
    ['(031) 335 51 76', 'has brackets'],
    ['031-335 51 76-', 'ends in a hyphen'],
    ['tel:0313355176', 'is a link, not a number as printed'],
  ])('rejects %s, which %s', (value) => {
    expect(phoneProblem(value)).toContain(PHONE_MESSAGE);
    expect(validatePhone(value)).toContain(PHONE_MESSAGE);
  });

  it('leaves an empty phone number alone', () => {
    expect(validatePhone(undefined)).toBe(true);
    expect(validatePhone('')).toBe(true);
  });
});

describe('e-mail addresses', () => {
  it.each(['jeanette.andersson@vastkom.se', 'anne-marie.v.svensson@vgregion.se', 'a@b.se'])(
    'accepts %s',
    (value) => {
      expect(emailProblem(value)).toBeUndefined();
      expect(validateEmail(value)).toBe(true);
    },
  );

  it.each([
    'jeanette.andersson(at)vastkom.se',
    'mailto:a@b.se',
    'a @b.se',
    'a@b',
    'a@@b.se',
    '@b.se',
    'a@.se',
  ])('rejects %s', (value) => {
    expect(emailProblem(value)).toBe(EMAIL_MESSAGE);
    expect(validateEmail(value)).toBe(EMAIL_MESSAGE);
  });
});

describe('attachment: a file or an address, exactly one', () => {
  const file = { _type: 'file', asset: { _type: 'reference', _ref: 'file-abc-pdf' } };

  it('accepts a file alone or an address alone, and no attachment at all', () => {
    expect(attachmentProblem({ file })).toBeUndefined();
    expect(attachmentProblem({ url: 'https://goteborgsregionen.se/rapport.pdf' })).toBeUndefined();
    expect(attachmentProblem(undefined)).toBeUndefined();
  });

  it('rejects both together', () => {
    expect(attachmentProblem({ file, url: 'https://goteborgsregionen.se/rapport.pdf' })).toBe(
      ATTACHMENT_MESSAGE_BOTH,
    );
  });

  it('rejects neither, including a file field left without an upload', () => {
    expect(attachmentProblem({})).toBe(ATTACHMENT_MESSAGE_NONE);
    expect(attachmentProblem({ url: '  ' })).toBe(ATTACHMENT_MESSAGE_NONE);
    expect(attachmentProblem({ file: { _type: 'file' } as never })).toBe(ATTACHMENT_MESSAGE_NONE);
  });
});

describe('financing', () => {
  it('accepts a description or funders, and rejects an empty object', () => {
    expect(financingProblem({ description: 'Statliga medel' })).toBeUndefined();
    expect(financingProblem({ funders: ['Västra Götalandsregionen'] })).toBeUndefined();
    expect(financingProblem(undefined)).toBeUndefined();
    expect(financingProblem({ description: ' ', funders: [] })).toBe(FINANCING_MESSAGE);
  });
});

describe('region tree: the cycle check', () => {
  // Västra Götaland ⊃ Göteborgsregionen ⊃ Göteborg; Sörmland ⊃ Strängnäs.
  const parents = new Map<string, string | undefined>([
    ['region-vastra-gotaland', undefined],
    ['region-goteborgsregionen', 'region-vastra-gotaland'],
    ['region-goteborg', 'region-goteborgsregionen'],
    ['region-sodermanland', undefined],
    ['region-strangnas', 'region-sodermanland'],
  ]);
  const parentOf = (id: string) => parents.get(id);

  it('finds no cycle for parents outside the region’s own subtree', () => {
    expect(
      findParentCycle('region-goteborg', 'region-goteborgsregionen', parentOf),
    ).toBeUndefined();
    expect(
      findParentCycle('region-goteborgsregionen', 'region-sodermanland', parentOf),
    ).toBeUndefined();
    expect(findParentCycle('region-strangnas', undefined, parentOf)).toBeUndefined();
  });

  it('finds the region as its own parent', () => {
    expect(findParentCycle('region-goteborg', 'region-goteborg', parentOf)).toEqual([
      'region-goteborg',
      'region-goteborg',
    ]);
  });

  it('finds a descendant chosen as parent, with the chain that closes the loop', () => {
    expect(findParentCycle('region-vastra-gotaland', 'region-goteborg', parentOf)).toEqual([
      'region-vastra-gotaland',
      'region-goteborg',
      'region-goteborgsregionen',
      'region-vastra-gotaland',
    ]);
  });

  it('treats a draft as the published region it will become', () => {
    expect(publishedId('drafts.region-vastra-gotaland')).toBe('region-vastra-gotaland');
    expect(publishedId('versions.r123.region-vastra-gotaland')).toBe('region-vastra-gotaland');
    expect(
      findParentCycle('drafts.region-vastra-gotaland', 'region-goteborgsregionen', parentOf),
    ).toEqual(['region-vastra-gotaland', 'region-goteborgsregionen', 'region-vastra-gotaland']);
  });

  it('stops at a loop elsewhere in the tree instead of walking forever', () => {
    const looped = new Map([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(findParentCycle('c', 'a', (id) => looped.get(id))).toBeUndefined();
  });
});

describe('region parent rule', () => {
  const rows = [
    { _id: 'region-vastra-gotaland', parent: null },
    { _id: 'region-goteborgsregionen', parent: 'region-vastra-gotaland' },
    { _id: 'region-goteborg', parent: 'region-goteborgsregionen' },
  ];

  it('requires a parent unless the region is a county', async () => {
    const { context: kommun } = contextWith({ _id: 'region-x', kind: 'kommun' }, async () => rows);
    await expect(validateRegionParent(undefined, kommun)).resolves.toBe(PARENT_REQUIRED_MESSAGE);
    const { context: lan } = contextWith({ _id: 'region-y', kind: 'lan' }, async () => rows);
    await expect(validateRegionParent(undefined, lan)).resolves.toBe(true);
  });

  it('rejects the region itself without asking the Content Lake', async () => {
    const { context, calls } = contextWith(
      { _id: 'drafts.region-goteborg', kind: 'kommun' },
      async () => rows,
    );
    await expect(validateRegionParent({ _ref: 'region-goteborg' }, context)).resolves.toBe(
      PARENT_SELF_MESSAGE,
    );
    expect(calls).toEqual([]);
  });

  it('walks the published tree and rejects a descendant, naming the chain', async () => {
    // A delregion here: a län with any parent is refused before the tree is walked.
    const { context, calls } = contextWith(
      { _id: 'drafts.region-vastra-gotaland', kind: 'delregion' },
      async () => rows,
    );
    const result = await validateRegionParent({ _ref: 'region-goteborg' }, context);
    expect(result).toContain(
      'region-vastra-gotaland → region-goteborg → region-goteborgsregionen → region-vastra-gotaland',
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]!.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('accepts a parent higher up the tree', async () => {
    const { context } = contextWith({ _id: 'region-goteborg', kind: 'kommun' }, async () => rows);
    await expect(validateRegionParent({ _ref: 'region-vastra-gotaland' }, context)).resolves.toBe(
      true,
    );
  });

  it('passes quietly when the Content Lake cannot be reached (offline), instead of blocking the edit', async () => {
    const { context } = contextWith(
      { _id: 'region-vastra-gotaland', kind: 'delregion' },
      async () => {
        throw new TypeError('fetch failed');
      },
    );
    await expect(validateRegionParent({ _ref: 'region-goteborg' }, context)).resolves.toBe(true);
  });
});

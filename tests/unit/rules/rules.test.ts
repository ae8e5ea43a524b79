// The shared content rules (src/lib/rules/) on their own: the cases the issue names, and the
// edges of each rule. tests/studio/validation-functions.test.ts covers the older rules (dates,
// periods, slugs, attachments) through the Studio's validators too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SANITY_API_VERSION as FROM_SOURCE } from '../../../src/lib/content/source.ts';
import {
  CONTACT_DETAILS_MESSAGE,
  contactDetailsProblem,
  EMAIL_MESSAGE,
  emailProblem,
  ENDED_BEFORE_START_MESSAGE,
  ENDED_IN_FUTURE_MESSAGE,
  isBlank,
  LAN_PARENT_MESSAGE,
  lengthWarning,
  optionalTextProblem,
  PARENT_REQUIRED_MESSAGE,
  parentKindMessage,
  PHONE_COUNTRY_CODE_ZERO_MESSAGE,
  PHONE_MESSAGE,
  phoneProblem,
  PLANNED_BUT_OVER_MESSAGE,
  referenceFieldPath,
  referenceTargetsFromSchema,
  regionParentProblem,
  SANITY_API_VERSION,
  SLUG_FORMAT_MESSAGE,
  slugify,
  slugProblem,
  slugTooLongMessage,
  statusPeriodWarning,
  textCharactersProblem,
  TIMESTAMP_MESSAGE,
  timestampProblem,
  todayInSweden,
  type RegionNode,
} from '../../../src/lib/rules/index.ts';
import { REFERENCE_TARGETS } from '../../../src/lib/rules/reference-targets.ts';
import { slugify as urlsSlugify } from '../../../src/lib/urls.ts';
import { API_VERSION as FROM_STUDIO } from '../../../sanity/env.ts';

describe('phone numbers', () => {
  it('refuses +46 followed by the trunk 0, which would dial tel:+460…', () => {
    expect(phoneProblem('+46 031 335 51 76')).toBe(PHONE_COUNTRY_CODE_ZERO_MESSAGE);
    expect(phoneProblem('+46031-3355176')).toBe(PHONE_COUNTRY_CODE_ZERO_MESSAGE);
    expect(phoneProblem('+46 31 335 51 76')).toBeUndefined();
  });

  it('accepts the spaces and dashes that Word and PDFs paste', () => {
    expect(phoneProblem('031\u00a0335\u00a051\u00a076')).toBeUndefined();
    expect(phoneProblem('031\u2013335 51 76')).toBeUndefined();
    expect(phoneProblem('031\u2011335\u202f51\u200976')).toBeUndefined();
  });

  it('names any other character, with its code point', () => {
    expect(phoneProblem('031/335 51 76')).toBe(
      `Numret innehåller tecknet "/" (U+002F), som inte hör hemma i ett telefonnummer. ${PHONE_MESSAGE}`,
    );
    expect(phoneProblem('031-335\u200b51 76')).toContain('(U+200B)');
  });
});

describe('e-mail addresses', () => {
  it.each([
    'a@b.se?subject=x',
    'a&cc=b@c.se',
    'a=b@c.se',
    'a,b@c.se',
    'a;b@c.se',
    '"a"@b.se',
    'a%40@b.se',
  ])('refuses %s, which would add to or break the mailto: link', (value) =>
    expect(emailProblem(value)).toBe(EMAIL_MESSAGE),
  );

  it('accepts plain work addresses', () => {
    expect(emailProblem('anne-marie.v.svensson@vgregion.se')).toBeUndefined();
    expect(emailProblem('jeanette.andersson+nv@vastkom.se')).toBeUndefined();
  });
});

describe('a contact’s details', () => {
  it('asks for an e-mail address or a phone number, blank counting as none', () => {
    expect(contactDetailsProblem({})).toBe(CONTACT_DETAILS_MESSAGE);
    expect(contactDetailsProblem({ email: ' ', phone: '' })).toBe(CONTACT_DETAILS_MESSAGE);
    expect(contactDetailsProblem({ phone: '031-335 51 76' })).toBeUndefined();
    expect(contactDetailsProblem({ email: 'a@b.se' })).toBeUndefined();
    // The editors' opt-out when the source publishes no details; only an explicit true.
    expect(contactDetailsProblem({ noContactDetailsInSource: true })).toBeUndefined();
    expect(contactDetailsProblem({ noContactDetailsInSource: false })).toBe(
      CONTACT_DETAILS_MESSAGE,
    );
    expect(contactDetailsProblem({ noContactDetailsInSource: 'true' })).toBe(
      CONTACT_DETAILS_MESSAGE,
    );
  });
});

describe('system timestamps', () => {
  it('refuses instants that are not in the calendar or the clock', () => {
    for (const value of [
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-04-31T12:00:00Z',
      '2026-11-23T24:00:00Z',
      '2026-11-23T09:60:00Z',
      '2026-11-23 09:00',
      'igår',
    ])
      expect(timestampProblem(value), value).toBe(TIMESTAMP_MESSAGE);
  });

  it('accepts what the Content Lake writes', () => {
    for (const value of [
      '2026-11-23T09:00:00Z',
      '2024-02-29T23:59:59.123Z',
      '2026-11-23T09:00+01:00',
    ])
      expect(timestampProblem(value), value).toBeUndefined();
  });
});

describe('text', () => {
  it('counts whitespace only as empty', () => {
    expect(isBlank(' \u00a0\n')).toBe(true);
    expect(isBlank('a')).toBe(false);
    expect(optionalTextProblem('   ')).toContain('bara mellanslag');
    expect(optionalTextProblem('')).toBeUndefined();
  });

  it('refuses C0 controls, allowing tab and newline only in multi-line text', () => {
    expect(textCharactersProblem('a\u0007b')).toBe(
      'Texten innehåller ett osynligt styrtecken (U+0007) vid tecken 2, som inte kan visas på webbplatsen. ' +
        'Skriv texten på en rad och ta bort tecknet; det kommer ofta med när man klistrar in från Word eller PDF.',
    );
    expect(textCharactersProblem('rad\nrad')).toContain('en radbrytning (U+000A)');
    expect(textCharactersProblem('rad\nrad\tx', true)).toBeUndefined();
    expect(textCharactersProblem('a\u000bb', true)).toContain('U+000B');
    expect(textCharactersProblem('a\u007fb', true)).toContain('U+007F');
    expect(textCharactersProblem('\ud800', true)).toContain('U+D800');
  });

  it('accepts everything else: markup characters, RTL marks, emoji, U+2028', () => {
    expect(
      textCharactersProblem('</head> ]]> & "x" \u200f\u202e 👩‍⚕️ \u2028', false),
    ).toBeUndefined();
  });

  it('warns on long text, counting characters, not UTF-16 units', () => {
    expect(lengthWarning('🏥'.repeat(150), 150, 'listor')).toBeUndefined();
    expect(lengthWarning('a'.repeat(151), 150, 'listor')).toBe(
      'Texten är 151 tecken lång. Håll den kort, högst 150 tecken: den visas i listor.',
    );
  });
});

describe('slugs', () => {
  it('refuses the format and the length', () => {
    expect(slugProblem('Vardens')).toBe(SLUG_FORMAT_MESSAGE);
    expect(slugProblem('a'.repeat(97))).toBe(slugTooLongMessage(97));
    expect(slugProblem('a'.repeat(96))).toBeUndefined();
    // The site keeps its national card apart from any county's (og/kort/lan/), so no name is reserved.
    expect(slugProblem('hela-landet')).toBeUndefined();
  });

  it('has one slugify, which the site uses too and which always gives a valid slug', () => {
    expect(urlsSlugify).toBe(slugify);
    expect(slugify('Hälsa – för alla! (2030)')).toBe('halsa-for-alla-2030');
    expect(slugProblem(slugify('Ord '.repeat(60)))).toBeUndefined();
  });
});

describe('status and period', () => {
  const today = '2026-11-30';
  it('warns when the status tells another story than the period', () => {
    expect(statusPeriodWarning('avslutat', { start: '2020', end: '2099' }, today)).toBe(
      ENDED_IN_FUTURE_MESSAGE,
    );
    expect(statusPeriodWarning('avslutat', { start: '2027-01' }, today)).toBe(
      ENDED_BEFORE_START_MESSAGE,
    );
    expect(statusPeriodWarning('planerat', { end: '2025' }, today)).toBe(PLANNED_BUT_OVER_MESSAGE);
  });

  it('lets overlapping precisions and the present day pass', () => {
    expect(statusPeriodWarning('avslutat', { end: '2026' }, today)).toBeUndefined();
    expect(statusPeriodWarning('avslutat', { end: '2026-11-30' }, today)).toBeUndefined();
    expect(statusPeriodWarning('planerat', { end: '2026-11' }, today)).toBeUndefined();
    expect(statusPeriodWarning('pagaende', { start: '2020', end: '2021' }, today)).toBeUndefined();
  });

  it('reads today in Swedish time', () => {
    expect(todayInSweden(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('the region tree', () => {
  const regions = new Map<string, RegionNode>([
    ['lan', { kind: 'lan' }],
    ['del', { kind: 'delregion', parent: 'lan' }],
    ['kommun', { kind: 'kommun', parent: 'del' }],
  ]);
  const lookup = (id: string) => regions.get(id);

  it('nests the kinds: län at the top, delregion under a län, kommun under either', () => {
    expect(regionParentProblem('x', 'lan', undefined, lookup)).toBeUndefined();
    expect(regionParentProblem('x', 'lan', 'del', lookup)).toBe(LAN_PARENT_MESSAGE);
    expect(regionParentProblem('x', 'delregion', 'lan', lookup)).toBeUndefined();
    expect(regionParentProblem('x', 'delregion', 'del', lookup)).toBe(
      parentKindMessage('delregion', 'delregion'),
    );
    expect(regionParentProblem('x', 'kommun', 'del', lookup)).toBeUndefined();
    expect(regionParentProblem('x', 'kommun', 'lan', lookup)).toBeUndefined();
    expect(regionParentProblem('x', 'kommun', 'kommun', lookup)).toBe(
      'En kommun kan inte ligga under en kommun: välj ett län eller ett kommunalförbund/en delregion.',
    );
    expect(regionParentProblem('x', 'kommun', undefined, lookup)).toBe(PARENT_REQUIRED_MESSAGE);
  });
});

describe('reference targets', () => {
  it('come from the schema extract, with lists as `field[]` and nested objects by path', () => {
    expect(REFERENCE_TARGETS['programme']).toMatchObject({
      'regions[]': ['region'],
      malbild: ['malbild'],
      'sources[]': ['kalla'],
    });
    expect(REFERENCE_TARGETS['delprojekt']?.['programme']).toEqual(['programme']);
    expect(referenceFieldPath(['regions', 3, '_ref'])).toBe('regions[]');
    expect(referenceFieldPath(['decision', 'document', '_ref'])).toBe('decision.document');
  });

  it('are read from any schema extract, unions included', () => {
    const schema = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../../../src/lib/sanity.schema.json'), 'utf8'),
    );
    expect(referenceTargetsFromSchema(schema)).toEqual(REFERENCE_TARGETS);
    const union = referenceTargetsFromSchema([
      {
        type: 'document',
        name: 'x',
        attributes: {
          link: {
            value: {
              type: 'union',
              of: [
                { type: 'inline', name: 'a.reference' },
                { type: 'inline', name: 'b.reference' },
              ],
            },
          },
        },
      },
      { type: 'type', name: 'a.reference', value: { type: 'object', dereferencesTo: 'a' } },
      { type: 'type', name: 'b.reference', value: { type: 'object', dereferencesTo: 'b' } },
    ]);
    expect(union).toEqual({ x: { link: ['a', 'b'] } });
  });
});

describe('the API version', () => {
  it('is one constant for the site, the content scripts and the Studio', () => {
    expect(FROM_SOURCE).toBe(SANITY_API_VERSION);
    expect(FROM_STUDIO).toBe(SANITY_API_VERSION);
    expect(SANITY_API_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

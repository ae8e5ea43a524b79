// What editors see of the schema besides validation: tabs over the long forms, previews that
// tell documents apart in lists (status, region), and what an attachment accepts.
import { describe, expect, it } from 'vitest';
import { documentTypes, objectTypes } from '../../sanity/schemaTypes/index.ts';
import { ATTACHMENT_ACCEPT } from '../../src/lib/rules/index.ts';

interface TypeLike {
  name: string;
  groups?: { name: string; title: string }[];
  fields: { name: string; group?: string; options?: { accept?: string } }[];
  preview?: {
    select: Record<string, string>;
    prepare: (value: Record<string, unknown>) => { title?: unknown; subtitle?: unknown };
  };
}

const types = new Map(
  [...documentTypes, ...objectTypes].map((type) => [type.name, type as unknown as TypeLike]),
);
const type = (name: string) => types.get(name as never)!;

describe('long forms', () => {
  it.each(['programme', 'malbild', 'delprojekt', 'dokument'])(
    '%s: every field in a tab, every tab with a field, none opened by default',
    (name) => {
      const { groups = [], fields } = type(name);
      expect(groups.length).toBeGreaterThanOrEqual(4);
      const named = new Set(groups.map((group) => group.name));
      expect(fields.filter((field) => !field.group || !named.has(field.group))).toEqual([]);
      for (const group of groups)
        expect(
          fields.some((field) => field.group === group.name),
          group.name,
        ).toBe(true);
      expect(groups.every((group) => !('default' in group))).toBe(true);
    },
  );

  it('the programme form has the fields in the issue’s tabs', () => {
    const groupOf = Object.fromEntries(type('programme').fields.map((f) => [f.name, f.group]));
    expect(groupOf).toMatchObject({
      title: 'text',
      body: 'text',
      status: 'tid',
      period: 'tid',
      financing: 'ansvar',
      regions: 'kopplingar',
      sources: 'kallor',
    });
  });
});

describe('previews', () => {
  it('show a programme’s status and region', () => {
    const { preview } = type('programme');
    expect(preview!.select['status']).toBe('status');
    expect(
      preview!.prepare({ title: 'Vårdens medarbetare', status: 'pagaende', region0: 'GR' })
        .subtitle,
    ).toBe('Program · Pågående · GR');
    expect(preview!.prepare({ title: 'X', region0: 'GR', region1: 'Fyrbodal' }).subtitle).toBe(
      'Program · GR m.fl.',
    );
  });

  it('show a delprojekt’s status, programme and region', () => {
    const { preview } = type('delprojekt');
    expect(
      preview!.prepare({
        title: 'FoU-studier',
        number: 3,
        status: 'avslutat',
        programme: 'Vårdens medarbetare',
        region: 'Göteborgsregionen',
      }),
    ).toEqual({
      title: '3. FoU-studier',
      subtitle: 'Delprojekt · Avslutat · Vårdens medarbetare · Göteborgsregionen',
    });
  });
});

describe('attachments', () => {
  it('offer only the file types the site can show', () => {
    const file = type('attachment').fields.find((field) => field.name === 'file');
    expect(file?.options?.accept).toBe(ATTACHMENT_ACCEPT);
    expect(ATTACHMENT_ACCEPT).toBe(
      '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv,.mp3,.mp4,.webm',
    );
  });
});

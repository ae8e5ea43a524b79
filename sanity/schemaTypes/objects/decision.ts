import { CheckmarkCircleIcon } from '@sanity/icons/CheckmarkCircle';
import { requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';
import { isoDateField, subtitle } from '../fields';

export default defineType({
  name: 'decision',
  title: 'Beslut',
  description: 'Vem som beslutade och när, enligt källan.',
  type: 'object',
  icon: CheckmarkCircleIcon,
  fields: [
    defineField({
      name: 'decidedBy',
      title: 'Beslutat av',
      description:
        'Den församling eller det organ som fattade beslutet, till exempel "Kommunfullmäktige i Strängnäs".',
      type: 'string',
      validation: (rule) => rule.required().error(requiredMessage('decision', 'decidedBy')),
    }),
    isoDateField({
      name: 'date',
      title: 'Datum',
      description: 'När beslutet fattades.',
    }),
    defineField({
      name: 'dateText',
      title: 'Datum som det står i källan',
      description: 'Till exempel "augusti 2022".',
      type: 'string',
    }),
    defineField({
      name: 'description',
      title: 'Beskrivning',
      description: 'Vad beslutet innebär, kort.',
      type: 'text',
      rows: 3,
    }),
  ],
  preview: {
    select: { decidedBy: 'decidedBy', date: 'date', dateText: 'dateText' },
    prepare({ decidedBy, date, dateText }) {
      return { title: decidedBy || 'Beslut', subtitle: subtitle(dateText || date) };
    },
  },
});

import { CalendarIcon } from '@sanity/icons/Calendar';
import { requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';
import {
  programmeAndDelprojektFields,
  documentsField,
  isoDateField,
  regionLabel,
  regionsField,
  slugField,
  sourcesField,
  subtitle,
} from '../fields';

export default defineType({
  name: 'handelse',
  title: 'Händelse',
  description:
    'Något som hände på ett visst datum, till exempel ett beslut, en kickoff eller en underskrift. Händelserna bildar tidslinjen på webbplatsen.',
  type: 'document',
  icon: CalendarIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Rubrik',
      description: 'Vad som hände, kort, till exempel "Avsiktsförklaring undertecknad".',
      type: 'string',
      validation: (rule) => rule.required().error(requiredMessage('handelse', 'title')),
    }),
    slugField('title'),
    isoDateField({
      name: 'date',
      title: 'Datum',
      description: 'När det hände.',
      requiredMessage: requiredMessage('handelse', 'date'),
    }),
    defineField({
      name: 'dateText',
      title: 'Datum som det står i källan',
      description: 'Till exempel "den 1 september" eller "hösten 2020".',
      type: 'string',
    }),
    defineField({
      name: 'summary',
      title: 'Sammanfattning',
      description: 'Vad som hände och varför det spelar roll, i en eller två meningar.',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.required().error(requiredMessage('handelse', 'summary')),
    }),
    defineField({
      name: 'note',
      title: 'Om datumet',
      description:
        'Hur datumet lästes ut när källan inte är tydlig, till exempel att året framgår av sammanhanget. Visas inte för besökare.',
      type: 'text',
      rows: 2,
    }),
    regionsField('Regionerna som händelsen gäller.'),
    ...programmeAndDelprojektFields('händelsen', 'händelsens regioner'),
    documentsField('Dokument från händelsen, till exempel inspelning och bildspel.'),
    sourcesField(),
  ],
  preview: {
    select: {
      title: 'title',
      date: 'date',
      region0: 'regions.0.name',
      region1: 'regions.1.name',
    },
    prepare({ title, date, region0, region1 }) {
      return { title, subtitle: subtitle(date, regionLabel(region0, region1)) };
    },
  },
  orderings: [
    { title: 'Datum, nyast först', name: 'dateDesc', by: [{ field: 'date', direction: 'desc' }] },
    { title: 'Datum, äldst först', name: 'dateAsc', by: [{ field: 'date', direction: 'asc' }] },
  ],
});

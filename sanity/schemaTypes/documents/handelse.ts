import { CalendarIcon } from '@sanity/icons/Calendar';
import {
  EVENT_SCOPE_OPTIONS,
  optionMessage,
  requiredMessage,
} from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';
import {
  programmeAndDelprojektFields,
  documentsField,
  isoDateField,
  optionTitle,
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
    defineField({
      name: 'scope',
      title: 'Omfattning',
      description:
        'Nationell för det som gäller hela landet, till exempel ett regeringsbeslut, en överenskommelse mellan regeringen och SKR eller en statlig utredning. Då visas händelsen som nationell i stället för med regionerna nedan.',
      type: 'string',
      options: { list: [...EVENT_SCOPE_OPTIONS], layout: 'radio', direction: 'horizontal' },
      initialValue: 'regional',
      validation: (rule) => rule.error(optionMessage(EVENT_SCOPE_OPTIONS)),
    }),
    regionsField(
      'Regionerna som händelsen gäller. För en nationell händelse: regionerna vars material tar upp den.',
    ),
    ...programmeAndDelprojektFields('händelsen', 'händelsens regioner'),
    documentsField('Dokument från händelsen, till exempel inspelning och bildspel.'),
    sourcesField(),
  ],
  preview: {
    select: {
      title: 'title',
      date: 'date',
      scope: 'scope',
      region0: 'regions.0.name',
      region1: 'regions.1.name',
    },
    prepare({ title, date, scope, region0, region1 }) {
      const place =
        scope === 'nationell'
          ? optionTitle(EVENT_SCOPE_OPTIONS, scope)
          : regionLabel(region0, region1);
      return { title, subtitle: subtitle(date, place) };
    },
  },
  orderings: [
    { title: 'Datum, nyast först', name: 'dateDesc', by: [{ field: 'date', direction: 'desc' }] },
    { title: 'Datum, äldst först', name: 'dateAsc', by: [{ field: 'date', direction: 'asc' }] },
  ],
});

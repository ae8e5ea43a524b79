import { DocumentPdfIcon } from '@sanity/icons/DocumentPdf';
import { requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';
import {
  programmeAndDelprojektFields,
  isoDateField,
  optionTitle,
  slugField,
  sourcesField,
  subtitle,
  themesField,
  grouped,
} from '../fields';

export const DOKUMENT_KIND_OPTIONS = [
  { title: 'Rapport', value: 'rapport' },
  { title: 'Bildspel', value: 'bildspel' },
  { title: 'Inspelning', value: 'inspelning' },
  { title: 'Avsiktsförklaring', value: 'avsiktsforklaring' },
  { title: 'Målbild', value: 'malbild' },
  { title: 'Utredning', value: 'utredning' },
  { title: 'Överenskommelse', value: 'overenskommelse' },
  { title: 'Avtal', value: 'avtal' },
  { title: 'Strategi', value: 'strategi' },
  { title: 'Inbjudan', value: 'inbjudan' },
  { title: 'Resultat', value: 'resultat' },
  { title: 'Webbsida', value: 'webbsida' },
];

export default defineType({
  name: 'dokument',
  title: 'Dokument',
  description:
    'En rapport, ett bildspel, en inspelning eller ett annat dokument som källan nämner. Nämner källan bara dokumentet, utan fil eller adress, lägg in det ändå och lämna bilagan tom.',
  type: 'document',
  icon: DocumentPdfIcon,
  ...grouped(
    [
      defineField({
        name: 'title',
        title: 'Rubrik',
        description:
          'Dokumentets namn som i källan, till exempel "Omställningen till nära vård ur GR-kommunernas perspektiv".',
        type: 'string',
        validation: (rule) => rule.required().error(requiredMessage('dokument', 'title')),
      }),
      slugField('title'),
      defineField({
        name: 'kind',
        title: 'Typ av dokument',
        description: 'Vad för slags dokument det är.',
        type: 'string',
        options: { list: DOKUMENT_KIND_OPTIONS },
        initialValue: 'rapport',
        validation: (rule) => rule.required().error(requiredMessage('dokument', 'kind')),
      }),
      isoDateField({
        name: 'date',
        title: 'Datum',
        description: 'När dokumentet kom ut eller, för en inspelning, när det spelades in.',
      }),
      defineField({
        name: 'summary',
        title: 'Sammanfattning',
        description: 'Vad dokumentet innehåller, i en eller två meningar.',
        type: 'text',
        rows: 3,
      }),
      defineField({
        name: 'format',
        title: 'Format',
        description: 'Filformat som källan anger, till exempel "PDF".',
        type: 'string',
      }),
      defineField({
        name: 'attachment',
        title: 'Bilaga',
        description:
          'Filen eller adressen till dokumentet. Lämna tomt om källan bara nämner dokumentet.',
        type: 'attachment',
      }),
      defineField({
        name: 'publisher',
        title: 'Utgivare',
        description:
          'Den som gett ut dokumentet, som i källan, till exempel "Göteborgsregionen (GR)".',
        type: 'string',
        validation: (rule) => rule.required().error(requiredMessage('dokument', 'publisher')),
      }),
      defineField({
        name: 'publisherRegion',
        title: 'Utgivarens region',
        description: 'Regionen, kommunalförbundet eller kommunen som gett ut dokumentet.',
        type: 'reference',
        to: [{ type: 'region' }],
      }),
      ...programmeAndDelprojektFields('dokumentet', 'utgivarens region'),
      themesField(),
      sourcesField(),
    ],
    {
      title: 'text',
      slug: 'text',
      kind: 'text',
      summary: 'text',
      format: 'text',
      attachment: 'text',
      date: 'tid',
      publisher: 'ansvar',
      publisherRegion: 'ansvar',
      programme: 'kopplingar',
      delprojekt: 'kopplingar',
      themes: 'kopplingar',
      sources: 'kallor',
    },
  ),
  preview: {
    select: {
      title: 'title',
      kind: 'kind',
      date: 'date',
      region: 'publisherRegion.name',
      publisher: 'publisher',
    },
    prepare({ title, kind, date, region, publisher }) {
      return {
        title,
        subtitle: subtitle(
          optionTitle(DOKUMENT_KIND_OPTIONS, kind) ?? 'Dokument',
          region || publisher,
          date,
        ),
      };
    },
  },
  orderings: [
    { title: 'Datum, nyast först', name: 'dateDesc', by: [{ field: 'date', direction: 'desc' }] },
    { title: 'Rubrik', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
  ],
});

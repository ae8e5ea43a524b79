import { ProjectsIcon } from '@sanity/icons/Projects';
import { requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';
import {
  contactsField,
  documentsField,
  regionLabel,
  regionsField,
  slugField,
  sourcesField,
  statusField,
  subtitle,
  themesField,
  grouped,
  optionTitle,
  STATUS_OPTIONS,
} from '../fields';
import { ofTheDocumentsRegions } from '../reference-filters';

export default defineType({
  name: 'programme',
  title: 'Program',
  description:
    'Ett program eller projekt för omställningen till nära vård, till exempel "Vårdens medarbetare" i Göteborgsregionen. Större program kan delas upp i delprojekt.',
  type: 'document',
  icon: ProjectsIcon,
  ...grouped(
    [
      defineField({
        name: 'title',
        title: 'Rubrik',
        description: 'Programmets namn som det står på källsidan.',
        type: 'string',
        validation: (rule) => rule.required().error(requiredMessage('programme', 'title')),
      }),
      slugField('title'),
      defineField({
        name: 'summary',
        title: 'Sammanfattning',
        description:
          'Vad programmet gör och för vem, i två eller tre meningar. Visas i listor och sökresultat.',
        type: 'text',
        rows: 3,
        validation: (rule) => rule.required().error(requiredMessage('programme', 'summary')),
      }),
      defineField({
        name: 'body',
        title: 'Brödtext',
        description: 'Mer om programmet: bakgrund, mål och vad som ska hända.',
        type: 'blockContent',
      }),
      defineField({
        name: 'period',
        title: 'Period',
        description: 'När programmet pågår, så exakt som källan anger.',
        type: 'period',
      }),
      statusField(),
      defineField({
        name: 'financing',
        title: 'Finansiering',
        description: 'Hur programmet betalas, om källan säger det.',
        type: 'financing',
      }),
      defineField({
        name: 'owner',
        title: 'Ansvarig',
        description:
          'Den som driver programmet, skriven som i källan, till exempel "Göteborgsregionen (GR)".',
        type: 'string',
      }),
      regionsField('Regionerna som driver programmet. Den första visas som huvudregion.'),
      defineField({
        name: 'malbild',
        title: 'Målbild',
        description:
          'Målbilden som programmet arbetar mot, om det finns en. Listan visar målbilder i programmets regioner och regionerna över och under dem.',
        type: 'reference',
        to: [{ type: 'malbild' }],
        options: { filter: ofTheDocumentsRegions },
      }),
      themesField(),
      contactsField(),
      documentsField('Rapporter, bildspel, inspelningar och andra dokument från programmet.'),
      sourcesField(),
    ],
    {
      title: 'text',
      slug: 'text',
      summary: 'text',
      body: 'text',
      period: 'tid',
      status: 'tid',
      financing: 'ansvar',
      owner: 'ansvar',
      regions: 'kopplingar',
      malbild: 'kopplingar',
      themes: 'kopplingar',
      contacts: 'kopplingar',
      documents: 'kopplingar',
      sources: 'kallor',
    },
  ),
  preview: {
    select: {
      title: 'title',
      region0: 'regions.0.name',
      region1: 'regions.1.name',
      status: 'status',
    },
    prepare({ title, region0, region1, status }) {
      return {
        title,
        subtitle: subtitle(
          'Program',
          optionTitle(STATUS_OPTIONS, status),
          regionLabel(region0, region1),
        ),
      };
    },
  },
  orderings: [{ title: 'Rubrik', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] }],
});

import { TargetIcon } from '@sanity/icons/Target';
import { NUMBER_RULES, requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineArrayMember, defineField, defineType } from 'sanity';
import {
  regionLabel,
  regionsField,
  slugField,
  sourcesField,
  subtitle,
  themesField,
  grouped,
} from '../fields';

export default defineType({
  name: 'malbild',
  title: 'Målbild',
  description:
    'En gemensam målbild för nära vård, till exempel "Målbild för God och nära vård 2030" i Västernorrland. Målbilderna kan jämföras sida vid sida på webbplatsen.',
  type: 'document',
  icon: TargetIcon,
  ...grouped(
    [
      defineField({
        name: 'title',
        title: 'Rubrik',
        description: 'Målbildens namn som det står i källan.',
        type: 'string',
        validation: (rule) => rule.required().error(requiredMessage('malbild', 'title')),
      }),
      slugField('title'),
      defineField({
        name: 'summary',
        title: 'Sammanfattning',
        description:
          'Vad målbilden säger, i två eller tre meningar. Visas i jämförelsen och i sökresultat.',
        type: 'text',
        rows: 3,
        validation: (rule) => rule.required().error(requiredMessage('malbild', 'summary')),
      }),
      defineField({
        name: 'horizonYear',
        title: 'Målår',
        description: 'Året som målbilden siktar mot, till exempel 2030.',
        type: 'number',
        validation: (rule) =>
          rule
            .integer()
            .min(NUMBER_RULES.horizonYear.min)
            .max(NUMBER_RULES.horizonYear.max)
            .error(NUMBER_RULES.horizonYear.message),
      }),
      defineField({
        name: 'author',
        title: 'Framtagen av',
        description:
          'Vem som tog fram målbilden, som i källan, till exempel "Forskning och utveckling i Sörmland (FoUiS)".',
        type: 'string',
      }),
      defineField({
        name: 'decision',
        title: 'Beslut',
        description: 'Beslutet att anta målbilden, om källan nämner det.',
        type: 'decision',
      }),
      defineField({
        name: 'parts',
        title: 'Delar',
        description:
          'Delarna som målbilden delas in i, i källans ordning, till exempel "Tillsammans", "Nära" och "God hälsa, vård och omsorg".',
        type: 'array',
        of: [defineArrayMember({ type: 'malbildPart' })],
      }),
      defineField({
        name: 'body',
        title: 'Brödtext',
        description: 'Mer om målbilden, om det behövs.',
        type: 'blockContent',
      }),
      regionsField('Regionerna som målbilden gäller. Den första visas som huvudregion.'),
      defineField({
        name: 'sourceDocument',
        title: 'Målbildsdokument',
        description: 'Dokumentet där målbilden står, om det finns som eget dokument.',
        type: 'reference',
        to: [{ type: 'dokument' }],
      }),
      themesField(),
      sourcesField(),
    ],
    {
      title: 'text',
      slug: 'text',
      summary: 'text',
      parts: 'text',
      body: 'text',
      horizonYear: 'tid',
      decision: 'tid',
      author: 'ansvar',
      regions: 'kopplingar',
      sourceDocument: 'kopplingar',
      themes: 'kopplingar',
      sources: 'kallor',
    },
  ),
  preview: {
    select: {
      title: 'title',
      year: 'horizonYear',
      region0: 'regions.0.name',
      region1: 'regions.1.name',
    },
    prepare({ title, year, region0, region1 }) {
      return {
        title,
        subtitle: subtitle(year ? `Målbild ${year}` : 'Målbild', regionLabel(region0, region1)),
      };
    },
  },
  orderings: [{ title: 'Rubrik', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] }],
});

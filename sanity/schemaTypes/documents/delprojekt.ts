import { ComponentIcon } from '@sanity/icons/Component';
import { NUMBER_RULES, requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';
import {
  contactsField,
  documentsField,
  slugField,
  sourcesField,
  statusField,
  subtitle,
  themesField,
  grouped,
  optionTitle,
  STATUS_OPTIONS,
} from '../fields';

export default defineType({
  name: 'delprojekt',
  title: 'Delprojekt',
  description:
    'En del av ett program, till exempel delprojekt 1 "Vårdens medarbetare och Nära vård". Hör alltid till ett program och därmed till programmets regioner.',
  type: 'document',
  icon: ComponentIcon,
  ...grouped(
    [
      defineField({
        name: 'title',
        title: 'Rubrik',
        description: 'Delprojektets namn som det står i källan, utan nummer.',
        type: 'string',
        validation: (rule) => rule.required().error(requiredMessage('delprojekt', 'title')),
      }),
      slugField('title'),
      defineField({
        name: 'programme',
        title: 'Program',
        description: 'Programmet som delprojektet ingår i.',
        type: 'reference',
        to: [{ type: 'programme' }],
        validation: (rule) => rule.required().error(requiredMessage('delprojekt', 'programme')),
      }),
      defineField({
        name: 'number',
        title: 'Nummer',
        description: 'Delprojektets nummer i programmet, om källan numrerar dem.',
        type: 'number',
        validation: (rule) =>
          rule.integer().min(NUMBER_RULES.number.min).error(NUMBER_RULES.number.message),
      }),
      defineField({
        name: 'summary',
        title: 'Sammanfattning',
        description: 'Vad delprojektet gör, i två eller tre meningar.',
        type: 'text',
        rows: 3,
        validation: (rule) => rule.required().error(requiredMessage('delprojekt', 'summary')),
      }),
      defineField({
        name: 'body',
        title: 'Brödtext',
        description: 'Mer om delprojektet: vad som görs, hur och av vem.',
        type: 'blockContent',
      }),
      statusField(),
      defineField({
        name: 'period',
        title: 'Period',
        description: 'När delprojektet pågår, så exakt som källan anger.',
        type: 'period',
      }),
      themesField(),
      contactsField(),
      documentsField('Rapporter och annat material från delprojektet.'),
      sourcesField(),
    ],
    {
      title: 'text',
      slug: 'text',
      number: 'text',
      summary: 'text',
      body: 'text',
      status: 'tid',
      period: 'tid',
      programme: 'kopplingar',
      themes: 'kopplingar',
      contacts: 'kopplingar',
      documents: 'kopplingar',
      sources: 'kallor',
    },
  ),
  preview: {
    select: {
      title: 'title',
      number: 'number',
      programme: 'programme.title',
      region: 'programme.regions.0.name',
      status: 'status',
    },
    prepare({ title, number, programme, region, status }) {
      return {
        title: number ? `${number}. ${title}` : title,
        subtitle: subtitle('Delprojekt', optionTitle(STATUS_OPTIONS, status), programme, region),
      };
    },
  },
  orderings: [
    { title: 'Nummer', name: 'numberAsc', by: [{ field: 'number', direction: 'asc' }] },
    { title: 'Rubrik', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
  ],
});

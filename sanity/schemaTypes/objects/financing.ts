import { BillIcon } from '@sanity/icons/Bill';
import { defineArrayMember, defineField, defineType } from 'sanity';
import { DUPLICATE_ITEM_MESSAGE, financingProblem } from '../../../src/lib/rules/index.ts';

export default defineType({
  name: 'financing',
  title: 'Finansiering',
  description: 'Hur arbetet betalas, enligt källan.',
  type: 'object',
  icon: BillIcon,
  fields: [
    defineField({
      name: 'description',
      title: 'Beskrivning',
      description:
        'Finansieringen med källans egna ord, till exempel "finansieras dels av statliga medel för kompetensutveckling, dels av Västra Götalandsregionen".',
      type: 'text',
      rows: 3,
      // On a string field, not the object, so that the CLI reports it as an error too.
      validation: (rule) =>
        rule.custom((_description, context) => financingProblem(context.parent as never) ?? true),
    }),
    defineField({
      name: 'funders',
      title: 'Finansiärer',
      description:
        'En rad per finansiär, skriven som i källan, till exempel "Västra Götalandsregionen".',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      validation: (rule) => rule.unique().error(DUPLICATE_ITEM_MESSAGE),
    }),
  ],
});

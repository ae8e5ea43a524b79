import { TargetIcon } from '@sanity/icons/Target';
import { requiredMessage } from '../../../src/lib/rules/index.ts';
import { defineField, defineType } from 'sanity';

export default defineType({
  name: 'malbildPart',
  title: 'Del av målbilden',
  description: 'En av de delar som målbilden delas in i.',
  type: 'object',
  icon: TargetIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Rubrik',
      description: 'Delens namn som i källan, till exempel "Tillsammans".',
      type: 'string',
      validation: (rule) => rule.required().error(requiredMessage('malbildPart', 'title')),
    }),
    defineField({
      name: 'text',
      title: 'Text',
      description: 'Vad delen innebär, med källans ord.',
      type: 'text',
      rows: 4,
      validation: (rule) => rule.required().error(requiredMessage('malbildPart', 'text')),
    }),
  ],
  preview: {
    select: { title: 'title', text: 'text' },
  },
});

import { CalendarIcon } from '@sanity/icons/Calendar';
import { defineField, defineType } from 'sanity';
import { isoDateField } from '../fields';
import { validateIsoDate, validatePeriodEnd } from '../validation';

export default defineType({
  name: 'period',
  title: 'Period',
  description: 'När arbetet pågår eller pågick. Fyll i så mycket som källan säger.',
  type: 'object',
  icon: CalendarIcon,
  fields: [
    isoDateField({
      name: 'start',
      title: 'Start',
      description: 'När perioden börjar.',
    }),
    {
      ...isoDateField({
        name: 'end',
        title: 'Slut',
        description: 'När perioden slutar. Lämna tomt om den inte har något slut än.',
      }),
      // The order rule sits on `end`, a string: on the period object the CLI would report
      // it as a warning (validation.ts).
      validation: (rule) => [rule.custom(validateIsoDate), rule.custom(validatePeriodEnd)],
    },
    defineField({
      name: 'text',
      title: 'Som det står i källan',
      description:
        'Periodens ordalydelse i källan, till exempel "Sedan våren 2020" eller "under 2021–2022".',
      type: 'string',
    }),
  ],
  preview: {
    select: { start: 'start', end: 'end', text: 'text' },
    prepare({ start, end, text }) {
      const range = start || end ? `${start ?? '…'}–${end ?? ''}` : undefined;
      return {
        title: text || range || 'Period utan datum',
        ...(text && range ? { subtitle: range } : {}),
      };
    },
  },
});

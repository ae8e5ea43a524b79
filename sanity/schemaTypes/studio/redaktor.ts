// Which regions an editor works for: the Studio's "Min region" list reads it (sanity/structure.ts).
// Studio-only: not site content (the build skips it, STUDIO_ONLY_TYPES), and only
// administrators edit it. A convenience view, not access control: see docs/editor-workflow.md.
import { UsersIcon } from '@sanity/icons/Users';
import { defineArrayMember, defineField, defineType } from 'sanity';
import {
  REDAKTOR_IDENTITY_MESSAGE,
  redaktorIdentityProblem,
} from '../../../src/lib/rules/index.ts';
import { isAdministrator } from '../../roles';
import { validateEmail } from '../validation';

export default defineType({
  name: 'redaktor',
  title: 'Redaktör',
  description:
    'Kopplar en redaktör i Studion till de regioner hen arbetar för. Listan Min region visar redaktören materialet från de regionerna och regionerna under dem. Bara administratörer ändrar kopplingarna.',
  type: 'document',
  icon: UsersIcon,
  // Editors see their own mapping but cannot change anyone's (the built-in roles let them
  // write through the API: custom roles are what enforce it, docs/editor-workflow.md).
  readOnly: ({ currentUser }) => !isAdministrator(currentUser),
  fields: [
    defineField({
      name: 'name',
      title: 'Namn',
      description: 'Redaktörens namn, så att kopplingen går att känna igen i listan.',
      type: 'string',
      validation: (rule) => rule.required().error('Skriv redaktörens namn.'),
    }),
    defineField({
      name: 'email',
      title: 'E-post',
      description:
        'E-postadressen som redaktören loggar in i Sanity med. Stora och små bokstäver spelar ingen roll.',
      type: 'string',
      validation: (rule) => [
        rule.custom(validateEmail),
        rule
          .custom((_value, context) =>
            redaktorIdentityProblem(context.document ?? {}) ? REDAKTOR_IDENTITY_MESSAGE : true,
          )
          .error(),
      ],
    }),
    defineField({
      name: 'userId',
      title: 'Användar-id i Sanity',
      description:
        'Redaktörens id i Sanity (börjar ofta med p), om e-postadressen inte räcker. Finns under Members i sanity.io/manage.',
      type: 'string',
    }),
    defineField({
      name: 'regions',
      title: 'Regioner',
      description: 'Regionerna som redaktören arbetar för. Regionerna under dem ingår.',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'region' }] })],
      validation: (rule) => rule.required().min(1).unique().error('Välj minst en region.'),
    }),
  ],
  preview: {
    select: { title: 'name', email: 'email', userId: 'userId', region0: 'regions.0.name' },
    prepare({ title, email, userId, region0 }) {
      return {
        title,
        subtitle: [email || userId, region0].filter(Boolean).join(' · '),
      };
    },
  },
});

import { PinIcon } from '@sanity/icons/Pin';
import { defineArrayMember, defineField, defineType } from 'sanity';
import { optionTitle, slugField, sourcesField, subtitle, webUrlField } from '../fields';
import {
  DUPLICATE_ITEM_MESSAGE,
  NUMBER_RULES,
  publishedId,
  requiredMessage,
} from '../../../src/lib/rules/index.ts';
import { validateRegionParent } from '../validation';

export const REGION_KIND_OPTIONS = [
  { title: 'Län/region', value: 'lan' },
  { title: 'Kommunalförbund/delregion', value: 'delregion' },
  { title: 'Kommun', value: 'kommun' },
];

export default defineType({
  name: 'region',
  title: 'Region',
  description:
    'Ett län, ett kommunalförbund eller en kommun som arbetar med omställningen. Regionerna bildar ett träd: Västra Götaland rymmer till exempel Göteborgsregionen och Fyrbodal.',
  type: 'document',
  icon: PinIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Namn',
      description:
        'Namnet som det skrivs av regionen själv, till exempel "Göteborgsregionen" eller "Strängnäs kommun".',
      type: 'string',
      validation: (rule) => rule.required().error(requiredMessage('region', 'name')),
    }),
    slugField('name'),
    defineField({
      name: 'kind',
      title: 'Typ',
      description:
        'Län/region för hela länet, kommunalförbund/delregion för en grupp kommuner, eller en enskild kommun.',
      type: 'string',
      options: { list: REGION_KIND_OPTIONS, layout: 'radio' },
      initialValue: 'kommun',
      validation: (rule) => rule.required().error(requiredMessage('region', 'kind')),
    }),
    defineField({
      name: 'parent',
      title: 'Ligger under',
      description:
        'Regionen som den här ingår i: länet för en delregion, delregionen eller länet för en kommun. Lämnas tomt bara för ett län.',
      type: 'reference',
      to: [{ type: 'region' }],
      options: {
        // Offer only regions that can hold others; a municipality never contains one.
        filter: ({ document }) => ({
          filter: '_type == "region" && kind in ["lan", "delregion"] && _id != $self',
          params: { self: publishedId(document._id) },
        }),
      },
      validation: (rule) => rule.custom(validateRegionParent),
    }),
    defineField({
      name: 'organisations',
      title: 'Organisationer',
      description:
        'De organ som gör arbetet, skrivna som i källan, till exempel "Västra Götalandsregionen" och "VästKom". En rad per organisation.',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      validation: (rule) => rule.unique().error(DUPLICATE_ITEM_MESSAGE),
    }),
    defineField({
      name: 'municipalityCount',
      title: 'Antal kommuner',
      description: 'Hur många kommuner regionen omfattar, enligt källan. Lämna tomt för en kommun.',
      type: 'number',
      validation: (rule) =>
        rule
          .integer()
          .min(NUMBER_RULES.municipalityCount.min)
          .error(NUMBER_RULES.municipalityCount.message),
    }),
    defineField({
      name: 'shortDescription',
      title: 'Kort beskrivning',
      description:
        'En eller två meningar om regionen och dess arbete med nära vård. Visas i listor och sökresultat.',
      type: 'text',
      rows: 3,
      // The length warning comes with every summary-like field (field-rules.ts).
      validation: (rule) => rule.required().error(requiredMessage('region', 'shortDescription')),
    }),
    defineField({
      name: 'description',
      title: 'Beskrivning',
      description: 'Längre text om regionen, om det behövs.',
      type: 'blockContent',
    }),
    webUrlField({
      name: 'website',
      title: 'Webbplats',
      description: 'Regionens egen webbplats, till exempel https://goteborgsregionen.se.',
    }),
    sourcesField(),
  ],
  preview: {
    select: { name: 'name', kind: 'kind', parent: 'parent.name' },
    prepare({ name, kind, parent }) {
      return { title: name, subtitle: subtitle(optionTitle(REGION_KIND_OPTIONS, kind), parent) };
    },
  },
  orderings: [{ title: 'Namn', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
});

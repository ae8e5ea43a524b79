import { BlockContentIcon } from '@sanity/icons/BlockContent';
import { LinkIcon } from '@sanity/icons/Link';
import { defineArrayMember, defineField, defineType } from 'sanity';
import { DocumentsIcon } from '@sanity/icons/Documents';
import {
  blockProblems,
  DOCUMENT_TYPES,
  LINK_SCHEMES,
  requiredMessage,
  vagueLinkProblems,
  type BlockLike,
  type BlockProblem,
} from '../../../src/lib/rules/index.ts';
import { validateUrl } from '../validation';

/** Problems found per block, as markers on the span (or mark) they concern. */
function atSpans(blocks: unknown, find: (block: BlockLike) => BlockProblem[]) {
  if (!Array.isArray(blocks)) return true;
  const problems = (blocks as (BlockLike & { _key?: string })[]).flatMap((block, index) =>
    find(block).map((problem) => {
      const child = block.children?.[problem.child];
      const blockSegment = block._key ? { _key: block._key } : index;
      const childSegment = typeof child?._key === 'string' ? { _key: child._key } : problem.child;
      return {
        message: problem.message,
        path:
          problem.mark === undefined
            ? [blockSegment, 'children', childSegment, 'text']
            : [blockSegment, 'children', childSegment, 'marks', problem.mark],
      };
    }),
  );
  return problems.length > 0 ? problems : true;
}

export default defineType({
  name: 'blockContent',
  title: 'Brödtext',
  description:
    'Löpande text med mellanrubriker, listor och länkar. Skriv om källans text i egna stycken, klistra inte in hela sidan.',
  type: 'array',
  icon: BlockContentIcon,
  // On the array, not on each block: the CLI lowers rules on objects to warnings
  // (validation.ts). The build checks the same (src/lib/content/documents.ts).
  validation: (rule) => [
    rule.custom((blocks: unknown) => atSpans(blocks, blockProblems)),
    // WCAG 2.4.4: a warning, as in the build (src/lib/content/integrity.ts).
    rule.custom((blocks: unknown) => atSpans(blocks, vagueLinkProblems)).warning(),
  ],
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Normal', value: 'normal' },
        { title: 'Rubrik 2', value: 'h2' },
        { title: 'Rubrik 3', value: 'h3' },
        { title: 'Rubrik 4', value: 'h4' },
        { title: 'Citat', value: 'blockquote' },
      ],
      lists: [
        { title: 'Punktlista', value: 'bullet' },
        { title: 'Numrerad lista', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Fet', value: 'strong' },
          { title: 'Kursiv', value: 'em' },
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Länk',
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'href',
                title: 'Adress',
                description:
                  'En webbadress (https://…), en e-postadress (mailto:namn@exempel.se) eller ett telefonnummer (tel:+46313355176).',
                type: 'string',
                validation: (rule) => [
                  rule.required().error(requiredMessage('link', 'href')),
                  rule.custom(validateUrl(LINK_SCHEMES)),
                ],
              }),
            ],
          }),
          defineArrayMember({
            name: 'internalLink',
            title: 'Länk till en sida på webbplatsen',
            type: 'object',
            icon: DocumentsIcon,
            fields: [
              defineField({
                name: 'reference',
                title: 'Sida',
                description:
                  'Programmet, dokumentet, regionen eller den andra sidan som länken går till. Länken följer med om sidans adress ändras.',
                type: 'reference',
                to: DOCUMENT_TYPES.map((type) => ({ type })),
                validation: (rule) =>
                  rule.required().error(requiredMessage('internalLink', 'reference')),
              }),
            ],
          }),
        ],
      },
    }),
  ],
});

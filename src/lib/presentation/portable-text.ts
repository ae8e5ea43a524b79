// Portable Text → HTML with @portabletext/to-html, the one place the site renders rich text.
// - Text is escaped by the library; attribute values are escaped here.
// - h2–h4 get stable ids (the heading text slugified, de-duplicated on the page) for deep links.
// - Links render only for http, https, mailto and tel; any other href becomes plain text.
// - Links to other sites are marked: `rel="noopener noreferrer"`, an icon from CSS and
//   "(extern länk)" for screen readers.
// - Links to other documents (`internalLink`, projected with the target's type and slug by
//   src/lib/content/queries.ts) get the target page's path from src/lib/urls.ts; one whose
//   target is gone renders as its text.
import { escapeHTML, toHTML, type PortableTextComponents } from '@portabletext/to-html';
import { DOCUMENT_TYPES, type DocumentType } from '../content/schemas.ts';
import { hrefFor, slugify } from '../urls.ts';
import { safeHref } from './links.ts';
import { WORD_BREAK } from '../search/word-break.ts';

export { ALLOWED_LINK_PROTOCOLS, safeHref } from './links.ts';

export interface RenderOptions {
  /** The site's own origin: links there are not external. */
  siteOrigin?: string | undefined;
  /** Ids already used on the page (headings avoid them); the new ids are added. */
  usedIds?: Set<string>;
}

export interface Heading {
  id: string;
  text: string;
  level: number;
}

export interface RenderedPortableText {
  html: string;
  headings: Heading[];
}

interface BlockLike {
  _type: string;
  _key?: string;
  style?: string;
  children?: Array<{ _type: string; text?: string }>;
}

/** A unique id for a heading text: `slug`, `slug-2`, `slug-3` … (never empty). */
export function uniqueId(text: string, used: Set<string>): string {
  const base = slugify(text) || 'avsnitt';
  let id = base;
  for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
  used.add(id);
  return id;
}

const HEADING_STYLES = new Set(['h2', 'h3', 'h4']);

export function renderPortableText(
  blocks: readonly BlockLike[] | null | undefined,
  options: RenderOptions = {},
): RenderedPortableText {
  const value = (blocks ?? []).filter((block) => block && typeof block === 'object');
  const used = options.usedIds ?? new Set<string>();
  const headings: Heading[] = [];
  const idByKey = new Map<string, string>();
  value.forEach((block, index) => {
    if (block._type !== 'block' || !HEADING_STYLES.has(block.style ?? '')) return;
    const text = (block.children ?? [])
      .map((child) => child.text ?? '')
      .join('')
      .trim();
    if (!text) return;
    const id = uniqueId(text, used);
    idByKey.set(block._key ?? `#${index}`, id);
    headings.push({ id, text, level: Number((block.style as string).slice(1)) });
  });

  const heading =
    (tag: 'h2' | 'h3' | 'h4') =>
    ({ children, value: block, index }: { children?: string; value: BlockLike; index: number }) => {
      const id = idByKey.get(block._key ?? `#${index}`);
      return id
        ? `<${tag} id="${escapeHTML(id)}">${children ?? ''}</${tag}>`
        : `<${tag}>${children ?? ''}</${tag}>`;
    };

  const paragraph = ({ children }: { children?: string }) => (children ? `<p>${children}</p>` : '');
  const plain = ({ children }: { children: string }) => children;
  const components: PortableTextComponents = {
    // The library has defaults for more than the content model allows; those render as plain
    // paragraphs and text here: no second h1 on a page, no style attribute (underline), which
    // the Content-Security-Policy would refuse anyway.
    block: {
      normal: paragraph,
      h1: paragraph,
      h5: paragraph,
      h6: paragraph,
      h2: heading('h2'),
      h3: heading('h3'),
      h4: heading('h4'),
      blockquote: ({ children }) =>
        `<blockquote><p>${children ?? ''}</p></blockquote>${WORD_BREAK}`,
    },
    marks: {
      strong: ({ children }) => `<strong>${children}</strong>`,
      em: ({ children }) => `<em>${children}</em>`,
      code: plain,
      underline: plain,
      'strike-through': plain,
      internalLink: ({ children, value: mark }) => {
        const target = (mark as { target?: { _type?: unknown; slug?: unknown } | null } | undefined)
          ?.target;
        if (
          !target ||
          typeof target.slug !== 'string' ||
          target.slug === '' ||
          !(DOCUMENT_TYPES as readonly unknown[]).includes(target._type)
        )
          return children;
        return `<a href="${escapeHTML(hrefFor(target._type as DocumentType, target.slug))}">${children}</a>`;
      },
      link: ({ children, value: mark }) => {
        const url = safeHref((mark as { href?: unknown } | undefined)?.href);
        if (!url) return children;
        const href = escapeHTML(url.href);
        const web = url.protocol === 'http:' || url.protocol === 'https:';
        const external = web && (!options.siteOrigin || url.origin !== options.siteOrigin);
        if (!external) return `<a href="${href}">${children}</a>`;
        return `<a class="external" href="${href}" rel="noopener noreferrer">${children}<span class="visually-hidden"> (extern länk)</span></a>`;
      },
    },
    // Anything the content model does not allow renders as nothing / its plain text.
    unknownType: () => '',
    unknownMark: ({ children }) => children,
    unknownBlockStyle: paragraph,
  };

  const html = toHTML(value as Parameters<typeof toHTML>[0], {
    components,
    onMissingComponent: false,
  });
  return { html, headings };
}

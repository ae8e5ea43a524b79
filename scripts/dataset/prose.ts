// The dataset's text: Swedish sentences from the vocabulary, and Portable Text bodies of
// headings, paragraphs (now and then with a bold phrase or a link) and bullet lists.
import type { Random } from './random.ts';
import { BULLETS, COMPLEMENTS, HEADINGS, OBJECTS, OPENERS, SUBJECTS, VERBS } from './vocabulary.ts';

/** What Portable Text needs from the document builder: its randomness and its block keys. */
export interface ProseSource {
  readonly random: Random;
  key(): string;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function sentence(random: Random): string {
  const subject = random.pick(SUBJECTS);
  const verb = random.pick(VERBS);
  const rest = `${random.pick(OBJECTS)} ${random.pick(COMPLEMENTS)}`;
  // Swedish puts the verb second: after an opener, the subject follows the verb.
  if (random.chance(0.25))
    return `${random.pick(OPENERS)} ${verb} ${subject.charAt(0).toLowerCase()}${subject.slice(1)} ${rest}.`;
  return `${subject} ${verb} ${rest}.`;
}

export function sentences(random: Random, min: number, max: number): string {
  return Array.from({ length: random.between(min, max) }, () => sentence(random)).join(' ');
}

function span(source: ProseSource, text: string, marks: string[] = []) {
  return { _type: 'span', _key: source.key(), text, marks };
}

function block(source: ProseSource, style: string, text: string) {
  return {
    _type: 'block',
    _key: source.key(),
    style,
    markDefs: [],
    children: [span(source, text)],
  };
}

/** A paragraph; now and then with a bold phrase or a link to example.org. */
function paragraph(source: ProseSource, slug: string) {
  const random = source.random;
  const text = sentences(random, 2, 4);
  const p = random.next();
  if (p < 0.1) {
    const link = source.key();
    return {
      _type: 'block',
      _key: source.key(),
      style: 'normal',
      markDefs: [{ _type: 'link', _key: link, href: `https://example.org/syntetisk/${slug}` }],
      children: [
        span(source, `${text} `),
        span(source, 'Läs mer om arbetet', [link]),
        span(source, '.'),
      ],
    };
  }
  if (p < 0.2) {
    return {
      _type: 'block',
      _key: source.key(),
      style: 'normal',
      markDefs: [],
      children: [
        span(source, `${capitalise(random.pick(OBJECTS))}: `, ['strong']),
        span(source, text),
      ],
    };
  }
  return block(source, 'normal', text);
}

/** Portable Text: an intro, then h2 sections of paragraphs and bullet lists. */
export function body(source: ProseSource, slug: string, sections: [number, number]) {
  const random = source.random;
  const blocks: unknown[] = [paragraph(source, slug)];
  const headings = random.sample(HEADINGS, random.between(...sections));
  for (const heading of headings) {
    blocks.push(block(source, 'h2', heading));
    const paragraphs = random.between(1, 2);
    for (let i = 0; i < paragraphs; i++) blocks.push(paragraph(source, slug));
    if (random.chance(0.5)) {
      for (const item of random.sample(BULLETS, random.between(3, 5))) {
        blocks.push({ ...block(source, 'normal', capitalise(item)), listItem: 'bullet', level: 1 });
      }
    }
  }
  return blocks;
}

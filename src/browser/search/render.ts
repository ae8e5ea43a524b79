// A result as the visitor sees it: a copy of the search page's <template data-search-result-template>
// filled with one Pagefind result (title link, type, regions, date, excerpt, up to three
// section links), and whether the results shown needed diacritics folded to match.
import { fold } from './engine.ts';
import type { PagefindResultData } from './pagefind.ts';

function part<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search result template: ${selector} is missing`);
  return found;
}

export function resultItem(template: HTMLTemplateElement, data: PagefindResultData): HTMLLIElement {
  const item = part<HTMLLIElement>(template.content, 'li').cloneNode(true) as HTMLLIElement;
  const title = data.meta.title ?? data.url;
  const link = part<HTMLAnchorElement>(item, '.search-result__title a');
  link.href = data.url;
  link.textContent = title;
  part(item, '.search-result__type').textContent = data.meta.type ?? 'Sida';

  const region = part(item, '.search-result__region');
  if (data.meta.region) region.textContent = data.meta.region;
  else region.remove();
  const time = part<HTMLTimeElement>(item, '.search-result__date');
  if (data.meta.date) {
    time.dateTime = data.meta.date;
    time.textContent = data.meta.date_text ?? data.meta.date;
  } else time.remove();

  // Pagefind escapes the page text and adds only <mark> elements: safe as HTML.
  part(item, '.search-result__excerpt').innerHTML = data.excerpt;

  const sectionList = part<HTMLUListElement>(item, '.search-result__sections');
  const sections = data.sub_results.filter((sub) => sub.anchor && sub.url !== data.url).slice(0, 3);
  if (sections.length === 0) sectionList.remove();
  else {
    sectionList.setAttribute('aria-label', `Avsnitt i ${title}`);
    const entry = part<HTMLLIElement>(sectionList, 'li');
    sectionList.replaceChildren(
      ...sections.map((sub) => {
        const li = entry.cloneNode(true) as HTMLLIElement;
        const a = part<HTMLAnchorElement>(li, 'a');
        a.href = sub.url;
        a.textContent = sub.title;
        return li;
      }),
    );
  }
  return item;
}

/**
 * Whether a shown result matched a query word only once diacritics were folded (a marked word
 * or a title word that starts with the word folded but not as typed). Pagefind's loose search
 * also returns pages that match some other way; the note is for the ones that did not.
 */
export function foldedMatchShown(query: string, list: ParentNode): boolean {
  const typedWords = query.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  const found = [
    ...[...list.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
    ...[...list.querySelectorAll('.search-result__title')].flatMap(
      (title) => title.textContent?.split(/[^\p{L}\p{N}]+/u) ?? [],
    ),
  ].map((word) => word.toLocaleLowerCase('sv'));
  return found.some(
    (word) =>
      !typedWords.some((typed) => word.startsWith(typed)) &&
      typedWords.some((typed) => fold(word).startsWith(fold(typed))),
  );
}

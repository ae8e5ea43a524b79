// The search page in the browser, its controller: reads the search from the URL, runs it with
// the engine (search/engine.ts: Pagefind's calls), renders the results (search/render.ts, from
// the page's <template>) and keeps the URL in step (typing replaces the current history entry,
// after the first keystroke of a new query pushes one; filters, sort and submit push), so a
// search can be linked, reloaded and walked with back and forward. Loaded only by SearchApp.
//
// What it fetches, and when (docs/search.md "What loads when"): Pagefind's script and WebAssembly
// with the page (preloaded by src/pages/sok/index.astro), its metadata once Pagefind starts, at
// once when this script runs; for a search, the index chunk of its words and the fragments of the
// results on screen only (10 at a time). The filter chunks, which only serve the counts beside
// the filter options, wait until the filter panel is opened or the address carries a filter.
import { type FilterKey } from '../lib/search/labels.ts';
import { MESSAGES, hitCount, resultStatus } from '../lib/search/messages.ts';
import {
  hasFilters,
  isEmptySearch,
  knownValuesOnly,
  parseSearchState,
  sameSearch,
  searchHref,
  type FilterValueMaps,
  type SearchState,
} from '../lib/search/url-state.ts';
import { SearchEngine, byTitleCoverage, tieGroups, type GroupCounts } from './search/engine.ts';
import type { Pagefind, PagefindResult, PagefindResultData } from './search/pagefind.ts';
import { foldedMatchShown, resultItem } from './search/render.ts';

/** Results listed at first and per "Visa fler träffar": each one costs a fragment file. */
const PAGE_SIZE = 10;
/**
 * Pagefind fetches every index chunk a prefix could reach: at 10,000 pages "k" reaches seven
 * chunks of ~20 kB and "komp" two. So typing preloads only once the last word has this many
 * letters, and a shorter last word waits longer before it is searched (Enter searches at once).
 */
const SHORT_WORD_LETTERS = 4;
const TYPING_DELAY_MS = 250;
const SHORT_WORD_DELAY_MS = 800;
const SEARCH_PATH = location.pathname;

function element<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page: ${selector} is missing`);
  return found;
}

async function loadPagefind(): Promise<Pagefind> {
  const url = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  // å, ä and ö are letters of their own in Swedish ("får" is not "far"): exact by default.
  await pagefind.options({ exactDiacritics: true, excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}

/** The last word of a query: what Pagefind matches as a prefix. */
function lastWord(query: string): string {
  return query.trim().split(/\s+/).pop() ?? '';
}

/** How a chip names an option's group. */
const GROUP_LABELS: Record<FilterKey, string> = { region: 'Region', typ: 'Typ', tema: 'Tema' };

/** Wide enough for the open filter panel to leave the first results on the first screen. */
const WIDE_SCREEN = '(min-width: 60rem)';

/** How far down a list of results the visitor was: kept as the history entry's state. */
interface Place {
  rendered: number;
  scrollY: number;
}

function placeIn(state: unknown): Place | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { rendered, scrollY } = state as Partial<Place>;
  return typeof rendered === 'number' && typeof scrollY === 'number'
    ? { rendered, scrollY }
    : undefined;
}

function start(root: HTMLElement, pagefindLoading: Promise<Pagefind>): void {
  const form = element<HTMLFormElement>(root, 'form');
  const input = element<HTMLInputElement>(root, '[data-search-input]');
  const sortSelect = element<HTMLSelectElement>(root, '[data-search-sort]');
  const status = element<HTMLElement>(root, '[data-search-status]');
  const note = element<HTMLElement>(root, '[data-search-note]');
  const resultsSection = element<HTMLElement>(root, '[data-search-results]');
  const list = element<HTMLOListElement>(root, '[data-search-list]');
  const template = element<HTMLTemplateElement>(root, '[data-search-result-template]');
  const more = element<HTMLButtonElement>(root, '[data-search-more]');
  const fallback = element<HTMLElement>(root, '[data-search-fallback]');
  const empty = element<HTMLElement>(root, '[data-search-empty]');
  const unfiltered = element<HTMLElement>(root, '[data-search-unfiltered]');
  const details = root.querySelector<HTMLDetailsElement>('[data-search-filters]');
  const filterCount = root.querySelector<HTMLElement>('[data-search-filter-count]');
  const filtersHint = root.querySelector<HTMLElement>('[data-search-filters-hint]');
  const active = element<HTMLElement>(root, '[data-search-active]');
  const chips = element<HTMLUListElement>(root, '[data-search-chips]');
  const clearAll = element<HTMLButtonElement>(root, '[data-search-clear]');
  const checkboxes = [
    ...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-filter-value]'),
  ];
  const baseTitle = document.title;

  const valuesOf = (key: FilterKey) =>
    new Map(
      checkboxes
        .filter((box) => box.name === key)
        .map((box) => [box.value, box.dataset.filterValue ?? box.value]),
    );
  const maps: FilterValueMaps = {
    region: valuesOf('region'),
    typ: valuesOf('typ'),
    tema: valuesOf('tema'),
  };

  let engine: SearchEngine | undefined;
  let current: SearchState = knownValuesOnly(
    parseSearchState(new URLSearchParams(location.search)),
    maps,
  );
  let generation = 0;
  /** The search (its generation) whose count the status line gives. */
  let announced = 0;
  let typingTimer: number | undefined;
  let typingEntryPushed = false;
  let shown: PagefindResult[] = [];
  let rendered = 0;

  /** The counts are shown once the panel has been opened (or when there is no panel). */
  const countsWanted = () => !details || details.open || engine?.countsLoaded === true;

  function readForm(): SearchState {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form))
      if (typeof value === 'string') params.append(name, value);
    return knownValuesOnly(parseSearchState(params), maps);
  }

  function writeForm(state: SearchState): void {
    if (input.value.trim() !== state.q) input.value = state.q;
    for (const box of checkboxes) box.checked = state[box.name as FilterKey].includes(box.value);
    sortSelect.value = state.sort;
    showActiveFilters(state);
  }

  /** The number of ticked options on the panel's toggle, and each as a chip that removes it. */
  function showActiveFilters(state: SearchState): void {
    const ticked = checkboxes.filter((box) => state[box.name as FilterKey].includes(box.value));
    if (filterCount) {
      filterCount.textContent = ticked.length === 1 ? '1 valt' : `${ticked.length} valda`;
      filterCount.hidden = ticked.length === 0;
    }
    chips.replaceChildren(
      ...ticked.map((box) => {
        const item = document.createElement('li');
        const chip = document.createElement('button');
        chip.type = 'button';
        chip.className = 'search__chip';
        const text = `${GROUP_LABELS[box.name as FilterKey]}: ${box.dataset.filterLabel ?? box.dataset.filterValue ?? box.value}`;
        chip.textContent = text;
        chip.setAttribute('aria-label', `Ta bort filtret ${text}`);
        chip.dataset.chipFor = box.id;
        item.append(chip);
        return item;
      }),
    );
    active.hidden = ticked.length === 0;
  }

  function setTitle(state: SearchState): void {
    document.title = state.q ? `”${state.q}” – ${baseTitle}` : baseTitle;
  }

  function showCounts(state: SearchState, counts: GroupCounts): void {
    for (const box of checkboxes) {
      const key = box.name as FilterKey;
      const count = counts[key]?.[box.dataset.filterValue ?? box.value] ?? 0;
      const target = box.labels?.[0]?.querySelector<HTMLElement>('[data-search-count]');
      if (target) target.textContent = ` (${count})`;
    }
    // An option without results is hidden unless it (or a region below it) is ticked.
    for (const box of checkboxes) {
      const item = box.closest('li');
      if (!item) continue;
      const key = box.name as FilterKey;
      const count = counts[key]?.[box.dataset.filterValue ?? box.value] ?? 0;
      item.hidden = count === 0 && !item.querySelector('input:checked');
    }
    if (filtersHint) filtersHint.hidden = false;
    // For tests and scripts: the search whose counts are shown.
    root.dataset.searchCounts = searchHref(SEARCH_PATH, state);
  }

  /** The panel was opened after a search: count the options for the search on screen. */
  async function countCurrent(): Promise<void> {
    if (!engine || !countsWanted()) return;
    const token = generation;
    const state = current;
    if (root.dataset.searchCounts === searchHref(SEARCH_PATH, state)) return;
    const counts = isEmptySearch(state)
      ? await engine.allCounts()
      : (await engine.find(state, true)).counts;
    if (token === generation && counts) showCounts(state, counts);
  }

  function clearCounts(): void {
    for (const span of root.querySelectorAll<HTMLElement>('[data-search-count]'))
      span.textContent = '';
    for (const box of checkboxes) {
      const item = box.closest('li');
      if (item) item.hidden = false;
    }
    if (filtersHint) filtersHint.hidden = true;
  }

  /**
   * The next results. The first ones are shown as soon as their own fragments are in: result 1
   * does not wait for result 10's fragment. They are shown run by run of near ties (engine.ts
   * `tieGroups`), each run ordered by its titles, so nothing moves once shown. A later batch
   * ("Visa fler träffar") is added whole, as the button's focus move expects. `onFirst` runs
   * once the first of them is on screen.
   */
  async function renderMore(
    token: number,
    target: ParentNode = list,
    onFirst?: () => void,
  ): Promise<HTMLLIElement | undefined> {
    const from = rendered;
    const batch = shown.slice(from, from + PAGE_SIZE);
    // The previous search's button must not fetch more of this one while it is coming in.
    if (from === 0) more.hidden = true;
    // Every fragment is requested at once, in rank order; each is awaited in turn.
    const pending = batch.map((result) => result.data());
    // Awaited in turn: a later one that fails is reported when its turn comes, not as unhandled.
    for (const fragment of pending) fragment.catch(() => undefined);
    const ordered = from === 0 && current.sort === 'relevans';
    const everyOne = batch.map((_, index) => index);
    const groups =
      from > 0
        ? [everyOne]
        : ordered
          ? tieGroups(batch, current.q)
          : everyOne.map((index) => [index]);
    const loaded: PagefindResultData[] = [];
    let first: HTMLLIElement | undefined;
    for (const group of groups) {
      for (const index of group)
        loaded[index] = await (pending[index] as Promise<PagefindResultData>);
      if (token !== generation) return undefined;
      const order = ordered ? byTitleCoverage(group, loaded, current.q) : group;
      shown.splice(
        from + (group[0] as number),
        group.length,
        ...order.map((index) => batch[index] as PagefindResult),
      );
      const items = order.map((index) => resultItem(template, loaded[index] as PagefindResultData));
      target.append(...items);
      rendered += group.length;
      if (!first) {
        first = items[0];
        onFirst?.();
      }
    }
    more.hidden = rendered >= shown.length;
    return first;
  }

  /** What the search found without its filters: a way out of a filtered search with no results. */
  async function showUnfiltered(state: SearchState, token: number): Promise<void> {
    unfiltered.hidden = true;
    const count = engine ? await engine.unfilteredCount(state) : 0;
    if (token !== generation || count === 0) return;
    const link = document.createElement('a');
    link.href = searchHref(SEARCH_PATH, { ...state, region: [], typ: [], tema: [] });
    link.textContent = `${hitCount(count)} för ”${state.q}” utan filtren`;
    unfiltered.replaceChildren('Utan filtren finns träffar: ', link, '.');
    unfiltered.hidden = false;
  }

  /** Where the visitor was in these results (kept in the history entry, for back and forward). */
  function rememberPlace(): void {
    if (!root.dataset.searchRendered) return;
    const place: Place = { rendered, scrollY: Math.round(window.scrollY) };
    history.replaceState(place, '', location.href);
  }

  /**
   * The results (or the empty state) on screen and their count in the status: as soon as the
   * first result shows (or when the search is done), once per search.
   */
  function showFound(state: SearchState): void {
    resultsSection.hidden = shown.length === 0;
    empty.hidden = shown.length > 0;
    // Written once per search: the same text written again could be read out again.
    if (announced === generation) return;
    announced = generation;
    status.textContent = resultStatus(shown.length, state.q, hasFilters(state));
  }

  async function run(state: SearchState, place?: Place): Promise<void> {
    const token = ++generation;
    setTitle(state);
    if (!engine) return;
    if (isEmptySearch(state)) {
      shown = [];
      rendered = 0;
      list.replaceChildren();
      resultsSection.hidden = true;
      more.hidden = true;
      note.hidden = true;
      empty.hidden = true;
      status.textContent = MESSAGES.empty;
      if (countsWanted()) {
        const counts = await engine.allCounts();
        if (token === generation) showCounts(state, counts);
      }
      if (token === generation) root.dataset.searchRendered = searchHref(SEARCH_PATH, state);
      return;
    }
    root.setAttribute('aria-busy', 'true');
    try {
      const outcome = await engine.find(state, countsWanted());
      if (token !== generation) return;
      shown = outcome.hits;
      rendered = 0;
      list.replaceChildren();
      if (outcome.loosened) {
        // Shown only once it is known that they matched by spelling: the folded retry may have
        // matched only by some other likeness ("äldreomsorg" found "ålder"), which is not the
        // same words spelt another way, so there are no results.
        const held = document.createDocumentFragment();
        await renderMore(token, held);
        if (token !== generation) return;
        if (foldedMatchShown(state.q, held)) list.append(held);
        else {
          shown = [];
          rendered = 0;
          more.hidden = true;
        }
      } else {
        await renderMore(token, list, () => showFound(state));
        if (token !== generation) return;
      }
      // Back or forward to these results: as many as were shown then.
      while (place && rendered < Math.min(place.rendered, shown.length) && token === generation)
        await renderMore(token);
      if (token !== generation) return;
      showFound(state);
      if (shown.length === 0) await showUnfiltered(state, token);
      if (token !== generation) return;
      if (outcome.counts) showCounts(state, outcome.counts);
      const notes = [
        outcome.loosened && shown.length > 0 ? MESSAGES.loosened(state.q) : '',
        outcome.undatedLast ? MESSAGES.undatedLast : '',
      ].filter(Boolean);
      note.textContent = notes.join(' ');
      note.hidden = notes.length === 0;
      if (place) window.scrollTo(0, place.scrollY);
      // For tests and scripts: the search whose results are on screen.
      root.dataset.searchRendered = searchHref(SEARCH_PATH, state);
    } finally {
      if (token === generation) root.removeAttribute('aria-busy');
    }
  }

  function commit(state: SearchState, mode: 'push' | 'replace'): void {
    if (sameSearch(state, current)) return;
    current = state;
    showActiveFilters(state);
    const href = searchHref(SEARCH_PATH, state);
    if (mode === 'push') history.pushState(null, '', href);
    else history.replaceState(null, '', href);
    void run(state);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    typingEntryPushed = false;
    commit(readForm(), 'push');
  });

  input.addEventListener('input', () => {
    const query = input.value.trim();
    const shortWord = lastWord(query).length < SHORT_WORD_LETTERS;
    if (engine && !shortWord) engine.preload(query);
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(
      () => {
        const state = readForm();
        if (sameSearch(state, current)) return;
        commit(state, typingEntryPushed ? 'replace' : 'push');
        typingEntryPushed = true;
      },
      shortWord ? SHORT_WORD_DELAY_MS : TYPING_DELAY_MS,
    );
  });

  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    window.clearTimeout(typingTimer);
    typingEntryPushed = false;
    commit(readForm(), 'push');
  });

  details?.addEventListener('toggle', () => {
    if (details.open)
      countCurrent().catch((error: unknown) => console.error('Search could not count', error));
  });

  chips.addEventListener('click', (event) => {
    const chip = (event.target as Element).closest<HTMLButtonElement>('[data-chip-for]');
    const box =
      chip && root.querySelector<HTMLInputElement>(`#${CSS.escape(chip.dataset.chipFor ?? '')}`);
    if (!chip || !box) return;
    // Focus stays among the chips: the next one, else the previous, else the panel's toggle.
    const all = [...chips.querySelectorAll<HTMLButtonElement>('[data-chip-for]')];
    const index = all.indexOf(chip);
    const nextFor = (all[index + 1] ?? all[index - 1])?.dataset.chipFor;
    box.checked = false;
    window.clearTimeout(typingTimer);
    typingEntryPushed = false;
    commit(readForm(), 'push');
    const next =
      nextFor && chips.querySelector<HTMLButtonElement>(`[data-chip-for="${CSS.escape(nextFor)}"]`);
    (next || details?.querySelector('summary') || input).focus();
  });

  clearAll.addEventListener('click', () => {
    for (const box of checkboxes) box.checked = false;
    window.clearTimeout(typingTimer);
    typingEntryPushed = false;
    commit(readForm(), 'push');
    (details?.querySelector('summary') ?? input).focus();
  });

  more.addEventListener('click', () => {
    void renderMore(generation).then((first) => {
      first?.querySelector('a')?.focus();
      rememberPlace();
    });
  });

  window.addEventListener('popstate', () => {
    window.clearTimeout(typingTimer);
    typingEntryPushed = false;
    current = knownValuesOnly(parseSearchState(new URLSearchParams(location.search)), maps);
    writeForm(current);
    void run(current, placeIn(history.state));
  });

  // The place in the results goes with the history entry: saved while scrolling, on "Visa fler
  // träffar" and when leaving, restored by back and forward (also after a full reload).
  history.scrollRestoration = 'manual';
  let scrollTimer: number | undefined;
  window.addEventListener(
    'scroll',
    () => {
      window.clearTimeout(scrollTimer);
      scrollTimer = window.setTimeout(rememberPlace, 150);
    },
    { passive: true },
  );
  window.addEventListener('pagehide', rememberPlace);
  list.addEventListener('click', rememberPlace);

  writeForm(current);
  // On a phone the panel stays closed, so the first results show on the first screen.
  if (details && hasFilters(current) && window.matchMedia(WIDE_SCREEN).matches) details.open = true;
  setTitle(current);
  status.textContent = MESSAGES.loading;
  pagefindLoading
    .then(async (loaded) => {
      engine = new SearchEngine(loaded, maps);
      fallback.hidden = true;
      // Normalise the address (unknown values dropped, fixed order) without a new history entry.
      const href = searchHref(SEARCH_PATH, current);
      const place = placeIn(history.state);
      if (href !== `${location.pathname}${location.search}`)
        history.replaceState(place ?? null, '', href);
      await run(current, place);
      root.dataset.searchReady = 'true';
    })
    .catch((error: unknown) => {
      console.error('Search could not load Pagefind', error);
      status.textContent = MESSAGES.failed;
      clearCounts();
      delete root.dataset.searchCounts;
      fallback.hidden = false;
      root.dataset.searchReady = 'failed';
    });
}

const root = document.querySelector<HTMLElement>('[data-search-app]');
// Pagefind is started before the page's own setup: its worker then starts sooner.
if (root) start(root, loadPagefind());

// Every page of an editors' preview build loads this (src/integrations/preview.ts; public builds
// never do). Inside the Studio's Presentation tool (the page is in its iframe, or in a window it
// opened) it turns on Sanity's visual editing: overlays on the elements marked with
// `data-sanity` (src/lib/visual-editing.ts), and a click on one opens that document's field in
// the Studio. Opened on its own, the page loads nothing more.
import type { HistoryAdapter } from '@sanity/visual-editing';

/** The page's path as Presentation shows it in its address bar. */
function here(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/**
 * A static site has no client-side router: every page is a page load. Presentation learns the
 * page's address once, when the page connects, and a page it asks for is loaded like a link.
 */
const pageLoads: HistoryAdapter = {
  subscribe(navigate) {
    navigate({ type: 'push', url: here(), title: document.title });
    return () => undefined;
  },
  update(update) {
    if (update.type === 'pop') {
      window.history.back();
      return;
    }
    const target = new URL(update.url, window.location.href);
    if (target.origin !== window.location.origin || target.href === window.location.href) return;
    if (update.type === 'replace') window.location.replace(target.href);
    else window.location.assign(target.href);
  },
};

const inPresentation = window.self !== window.top || window.opener !== null;
if (inPresentation) {
  const { enableVisualEditing } = await import('@sanity/visual-editing');
  enableVisualEditing({
    history: pageLoads,
    // Presentation's reload button loads the page again. An edit in the Studio cannot change a
    // built page: the preview shows it once it is built again (npm run build:preview).
    refresh: (payload) => {
      if (payload.source !== 'manual') return false;
      window.location.reload();
      return Promise.resolve();
    },
  });
}

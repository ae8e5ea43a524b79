// html-validate for the built site (tests/site/gates-html.test.ts validates every page in the
// build with it). The recommended preset, with these changes only:
import { defineConfig } from 'html-validate';

export default defineConfig({
  extends: ['html-validate:recommended'],
  rules: {
    // The search filters are checkbox groups sharing a name (`region`, `typ`, `tema`): one field
    // with several values, sent as `?region=a&region=b`. Radio buttons get the same allowance.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
    // Page titles are the official names of documents, programmes and projects (an SOU title
    // alone can pass 70 characters); shortening them would misname the material.
    'long-title': 'off',
    // Phone links keep the number as the source prints it (`031-335 51 76`), so a copied number
    // still dials; the `tel` class keeps it on one line (white-space: nowrap) instead of
    // non-breaking characters in the text.
    'tel-non-breaking': ['error', { ignoreClasses: ['tel'] }],
  },
});

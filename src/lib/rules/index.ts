// The content model's rules, in plain TypeScript for both sides: the Studio's validators
// (sanity/schemaTypes/) and the build's check (src/lib/content/) call these functions and
// show editors the same Swedish message. No imports of sanity, astro or React here.
export * from './addresses.ts';
export * from './api-version.ts';
export * from './contact.ts';
export * from './dates.ts';
export * from './delprojekt.ts';
export * from './documents.ts';
export * from './lix.ts';
export * from './objects.ts';
export * from './portable-text.ts';
export * from './references.ts';
export * from './regions.ts';
export * from './slug.ts';
export * from './slugify.ts';
export * from './text.ts';

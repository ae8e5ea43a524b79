// The drafts perspective is the preview's only: the source switch refuses it without a Sanity
// project and a read token, and the remote client then queries with it.
import { describe, expect, it } from 'vitest';
import {
  contentPerspective,
  createContentSource,
  createSanityClient,
  getContentSource,
} from '../../src/lib/content/source.ts';
import { isPreviewBuild } from '../../src/lib/preview.ts';

const PROJECT = {
  SANITY_PROJECT_ID: 'naravard',
  SANITY_DATASET: 'production',
  SANITY_API_HOST: 'http://127.0.0.1:9',
};

describe('the drafts perspective', () => {
  it('is published unless asked for, and refuses other values', () => {
    expect(contentPerspective({})).toBe('published');
    expect(contentPerspective({ ...PROJECT, SANITY_PERSPECTIVE: 'published' })).toBe('published');
    expect(() =>
      contentPerspective({ ...PROJECT, SANITY_TOKEN: 't', SANITY_PERSPECTIVE: 'raw' }),
    ).toThrow('must be "published" or "drafts"');
  });

  it('needs a Sanity project and a read token', () => {
    expect(() => createContentSource({ SANITY_PERSPECTIVE: 'drafts' })).toThrow(
      'needs SANITY_PROJECT_ID, SANITY_DATASET and a read token',
    );
    expect(() => createContentSource({ ...PROJECT, SANITY_PERSPECTIVE: 'drafts' })).toThrow(
      'a read token in SANITY_TOKEN',
    );
  });

  it('makes the client query drafts, in a source of its own, and marks the build as a preview', () => {
    const env = { ...PROJECT, SANITY_TOKEN: 'sk-test', SANITY_PERSPECTIVE: 'drafts' };
    expect(createSanityClient(env).config().perspective).toBe('drafts');
    expect(createSanityClient({ ...PROJECT }).config().perspective).toBe('published');
    expect(getContentSource(env)).not.toBe(
      getContentSource({ ...env, SANITY_PERSPECTIVE: 'published' }),
    );
    expect(getContentSource(env).describe).toContain('(drafts perspective)');
    expect(isPreviewBuild(env)).toBe(true);
    expect(isPreviewBuild({ ...env, SANITY_PERSPECTIVE: undefined })).toBe(false);
  });
});

/** The Sanity API version of every query: the site's, the Studio's and the content scripts'. */
export const SANITY_API_VERSION = '2025-02-19';

// Where a page's social image lives: `/regioner/goteborgsregionen/` → `/og/regioner/goteborgsregionen.png`,
// `/` → `/og/start.png`. The layout links it; scripts/site-build/social-images.ts draws it.

export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

export function socialImagePath(pathname: string): string {
  const key = pathname
    .split('/')
    .filter((segment) => segment && segment !== 'index.html')
    .join('/')
    .replace(/\.html$/, '');
  return `/og/${key || 'start'}.png`;
}

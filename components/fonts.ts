import localFont from 'next/font/local';

// Newsreader, drawn for news text, served from the site itself (the npm package's Latin file):
// no request to a font host, and a metric-matched fallback so the swap moves nothing.
// Not preloaded: a preloaded 58 KB font finished before the first paint, so Lighthouse counted
// it on the path to the largest paint (a headline). The text paints at once in the fallback
// and takes Newsreader when it arrives (`swap`, which a cached font does at once).
export const newsreader = localFont({
  src: '../node_modules/@fontsource-variable/newsreader/files/newsreader-latin-wght-normal.woff2',
  weight: '200 800',
  style: 'normal',
  display: 'swap',
  preload: false,
  variable: '--font-newsreader',
  adjustFontFallback: 'Times New Roman',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});

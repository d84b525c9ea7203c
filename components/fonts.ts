import localFont from 'next/font/local';

// Newsreader, drawn for news text, served from the site itself (the npm package's Latin file):
// no request to a font host, and a metric-matched fallback so the swap moves nothing.
export const newsreader = localFont({
  src: '../node_modules/@fontsource-variable/newsreader/files/newsreader-latin-wght-normal.woff2',
  weight: '200 800',
  style: 'normal',
  display: 'swap',
  variable: '--font-newsreader',
  adjustFontFallback: 'Times New Roman',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});

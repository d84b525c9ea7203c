import type { Metadata, Viewport } from 'next';
import { newsreader } from '@/components/fonts';
import { preferencesScript } from '@/components/reader-preferences';
import { SiteFooter } from '@/components/SiteFooter';
import { SiteHeader } from '@/components/SiteHeader';
import { getSections } from '@/lib/queries';
import { siteMetadata } from '@/lib/seo/metadata';
import { OPENSEARCH_PATH, OPENSEARCH_TYPE } from '@/lib/seo/opensearch';
import { words } from '@/lib/i18n';
import { SITE_DIRECTION, SITE_LANGUAGE, SITE_NAME } from '@/lib/site';
import './globals.css';

// `next build` prerenders the 404 page through this layout, and the build has no
// database: that page is built with an empty navigation. Every other page renders on
// its first request and is cached (see each page's `revalidate`).
const building = process.env.NEXT_PHASE === 'phase-production-build';

export function generateMetadata(): Metadata {
  return siteMetadata();
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const sections = building ? [] : await getSections();
  return (
    // The head script sets the reader's theme and text size on <html> before React hydrates.
    <html lang={SITE_LANGUAGE} dir={SITE_DIRECTION} className={newsreader.variable} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: preferencesScript }} />
        {/* Lets a browser add the site as a search engine. */}
        <link rel="search" type={OPENSEARCH_TYPE} title={SITE_NAME} href={OPENSEARCH_PATH} />
      </head>
      <body className="bg-paper font-sans text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:start-2 focus:top-2 focus:z-50 focus:inline-flex focus:min-h-11 focus:items-center focus:bg-ink focus:px-4 focus:font-semibold focus:text-paper"
        >
          {words().skipToContent}
        </a>
        <SiteHeader sections={sections} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

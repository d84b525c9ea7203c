import type { Metadata, Viewport } from 'next';
import { SiteFooter } from '@/components/SiteFooter';
import { SiteHeader } from '@/components/SiteHeader';
import { getSections } from '@/lib/queries';
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME, siteUrl } from '@/lib/site';
import './globals.css';

// Pages render per request from the cached query layer: no database at build time,
// and an import shows without a rebuild.
export const dynamic = 'force-dynamic';

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    alternates: { types: { 'application/rss+xml': [{ url: '/feed.xml', title: `${SITE_NAME}: all articles` }] } },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const sections = await getSections();
  return (
    <html lang={SITE_LANGUAGE}>
      <body className="bg-white font-sans text-neutral-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to main content
        </a>
        <SiteHeader sections={sections} />
        <main id="main" className="mx-auto max-w-5xl px-4">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

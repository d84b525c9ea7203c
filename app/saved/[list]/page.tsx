import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SavedArticles } from '@/components/SavedArticles';
import { formatLocale, words } from '@/lib/i18n';
import { SAVED_LIST } from '@/lib/routes';

// /saved (the server's front door rewrites it here, as it does / to the front page): a
// dynamic segment rendered on its first request, so its navigation comes from the database
// like every page's, and then cached. The list itself is drawn in the browser, from this
// device's memory: the server never learns what a reader saved.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ list: string }>> => [];

export function generateMetadata(): Metadata {
  const { saved } = words();
  return {
    title: saved.title,
    description: saved.description,
    robots: { index: false, follow: true },
    alternates: { canonical: '/saved' },
  };
}

export default async function SavedPage({ params }: { params: Promise<{ list: string }> }) {
  if ((await params).list !== SAVED_LIST) notFound();
  const { saved, gone, serviceWorker, offline } = words();
  return (
    <div className="mx-auto max-w-3xl pt-8">
      <h1 className="border-b-2 border-strong-rule pb-3 font-serif text-4xl leading-none font-bold tracking-tight sm:text-5xl">
        {saved.title}
      </h1>
      <p className="mt-3 text-sm text-muted">{saved.kept}</p>
      <p className="mt-6 font-serif text-xl js:hidden">{saved.needsJs}</p>
      {/* The service worker's page for a page not saved, in the site's words (public/sw.js reads it from its copy of /saved). */}
      <template id="offline-page" data-title={serviceWorker.title}>
        <h1>{serviceWorker.heading}</h1>
        <p>{serviceWorker.text}</p>
        <p>
          {/* Markup for the service worker's own page, which no router runs: a plain link. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/saved">{offline.yourSaved}</a>
        </p>
      </template>
      <SavedArticles
        words={saved}
        gone={{ withdrawn: gone.withdrawn, withdrawnText: gone.withdrawnText }}
        locale={formatLocale()}
      />
    </div>
  );
}

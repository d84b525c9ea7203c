'use client';

import { Link } from '@/components/Link';
import { usePageLanguage } from '@/components/page-language';
import { errorWordsFor } from '@/lib/i18n/error-words';

// Shown for any failure while rendering a page. It never shows the error itself:
// readers get a plain message, the server log gets the details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = errorWordsFor(usePageLanguage());
  return (
    <div className="mx-auto max-w-2xl py-16 sm:py-24">
      <h1 className="font-serif text-4xl leading-tight font-bold tracking-tight sm:text-5xl">{text.title}</h1>
      <p className="mt-4 font-serif text-xl leading-relaxed">{text.page}</p>
      <p className="mt-8 flex flex-wrap gap-4">
        <button
          type="button"
          onClick={reset}
          className="inline-flex min-h-11 cursor-pointer items-center rounded-sm border border-strong-rule px-4 font-semibold hover:bg-ink hover:text-paper"
        >
          {text.retry}
        </button>
        <Link href="/" className="inline-flex min-h-11 items-center px-1 font-semibold underline">
          {text.home}
        </Link>
      </p>
    </div>
  );
}

'use client';

import { Link } from '@/components/Link';

// Shown for any failure while rendering a page. It never shows the error itself:
// readers get a plain message, the server log gets the details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-16 sm:py-24">
      <h1 className="font-serif text-4xl leading-tight font-bold tracking-tight sm:text-5xl">Something went wrong</h1>
      <p className="mt-4 font-serif text-xl leading-relaxed">
        This page could not be shown just now. Please try again in a moment.
      </p>
      <p className="mt-8 flex flex-wrap gap-4">
        <button
          type="button"
          onClick={reset}
          className="inline-flex min-h-11 cursor-pointer items-center rounded-sm border border-strong-rule px-4 font-semibold hover:bg-ink hover:text-paper"
        >
          Try again
        </button>
        <Link href="/" className="inline-flex min-h-11 items-center px-1 font-semibold underline">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}

'use client';

import Link from 'next/link';

// Shown for any failure while rendering a page. It never shows the error itself:
// readers get a plain message, the server log gets the details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="py-16">
      <h1 className="font-serif text-4xl font-bold">Something went wrong</h1>
      <p className="mt-4 text-lg">This page could not be shown just now. Please try again in a moment.</p>
      <p className="mt-4 flex gap-6">
        <button type="button" onClick={reset} className="font-semibold underline">
          Try again
        </button>
        <Link href="/" className="font-semibold underline">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}

import type { Metadata } from 'next';
import { Link } from '@/components/Link';

export const metadata: Metadata = {
  title: 'Page not found',
  robots: { index: false, follow: true },
};

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl py-16 sm:py-24">
      <p className="text-xs font-bold tracking-[0.14em] text-accent uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl leading-tight font-bold tracking-tight sm:text-5xl">Page not found</h1>
      <p className="mt-4 font-serif text-xl leading-relaxed">
        There is no page at this address. It may have been mistyped, or the article may have moved.
      </p>
      <p className="mt-8">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-sm border border-strong-rule px-4 font-semibold hover:bg-ink hover:text-paper"
        >
          Go to the front page
        </Link>
      </p>
    </div>
  );
}

import type { Metadata } from 'next';
import { Link } from '@/components/Link';
import { words } from '@/lib/i18n';

export function generateMetadata(): Metadata {
  return { title: words().notFound.title, robots: { index: false, follow: true } };
}

export default function NotFound() {
  const { notFound, errors } = words();
  return (
    <div className="mx-auto max-w-2xl py-16 sm:py-24">
      <p className="text-xs font-bold tracking-[0.14em] text-accent uppercase">{notFound.kicker}</p>
      <h1 className="mt-2 font-serif text-4xl leading-tight font-bold tracking-tight sm:text-5xl">{notFound.title}</h1>
      <p className="mt-4 font-serif text-xl leading-relaxed">{notFound.text}</p>
      <p className="mt-8">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-sm border border-strong-rule px-4 font-semibold hover:bg-ink hover:text-paper"
        >
          {errors.home}
        </Link>
      </p>
    </div>
  );
}

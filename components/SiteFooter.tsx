import Link from 'next/link';
import { SITE_NAME } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-neutral-300">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 text-sm">
        <p>© {SITE_NAME}</p>
        <p>
          <Link href="/feed.xml" className="underline">
            RSS feed of all articles
          </Link>
        </p>
      </div>
    </footer>
  );
}

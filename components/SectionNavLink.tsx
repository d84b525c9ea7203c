'use client';

import { Link } from './Link';
import { usePathname } from 'next/navigation';

/**
 * A link in the section bar, marked as the current page on that section, its articles and the
 * front page. `servedFrom` is the route the server renders the address from when that is not the
 * address itself (the front page's): on the server, the path is that route's, in the browser the
 * address's, and both must mark the link alike (the mark is there without JavaScript).
 */
export function SectionNavLink({
  href,
  servedFrom,
  children,
}: {
  href: string;
  servedFrom?: string;
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const here = pathname === servedFrom ? href : pathname;
  const current = here === href ? 'page' : href !== '/' && here.startsWith(`${href}/`) ? 'true' : undefined;
  return (
    <Link
      href={href}
      aria-current={current}
      className="inline-flex min-h-10 items-center border-b-3 border-transparent px-2 hover:border-rule aria-[current]:border-accent"
    >
      {children}
    </Link>
  );
}

'use client';

import { Link } from './Link';
import { usePathname } from 'next/navigation';

/** A link in the section bar, marked as the current page on that section, its articles and the front page. */
export function SectionNavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href ? 'page' : href !== '/' && pathname.startsWith(`${href}/`) ? 'true' : undefined;
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

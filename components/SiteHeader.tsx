import Link from 'next/link';
import type { SectionRef } from '@/lib/queries/types';
import { SITE_NAME, sectionPath } from '@/lib/site';

export function SiteHeader({ sections }: { sections: SectionRef[] }) {
  return (
    <header className="border-b border-neutral-300">
      <div className="mx-auto max-w-5xl px-4 py-4">
        <Link href="/" className="font-serif text-3xl font-bold tracking-tight">
          {SITE_NAME}
        </Link>
      </div>
      <nav aria-label="Sections" className="border-t border-neutral-200">
        <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-4 px-4 py-2 text-sm font-semibold">
          <li>
            <Link href="/" className="inline-block py-1">
              Front page
            </Link>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <Link href={sectionPath(section.slug)} className="inline-block py-1">
                {section.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

import { Link } from './Link';
import type { ArticleNeighbours, SectionRef } from '@/lib/queries/types';
import { words } from '@/lib/i18n';
import { languageAttributes } from '@/lib/language-tags';
import { articlePath } from '@/lib/site';

/** The articles listed just before and after this one in its section: reading on without going back. */
export function SectionNeighbours({ section, neighbours }: { section: SectionRef; neighbours: ArticleNeighbours }) {
  const { previous, next } = neighbours;
  if (!previous && !next) return null;
  const { article } = words();
  return (
    <nav aria-label={article.moreIn(section.name)} className="mt-10 border-t-2 border-strong-rule pt-4 print:hidden">
      <ul className="grid gap-4 sm:grid-cols-2">
        {previous && (
          <li>
            <Link
              href={articlePath(section.slug, previous.slug)}
              className="group block rounded-sm py-1 font-serif text-lg leading-snug font-bold"
            >
              <span className="block font-sans text-xs font-bold tracking-[0.12em] text-accent uppercase">
                <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
                  ←
                </span>{' '}
                {article.previousIn(section.name)}
              </span>
              <span {...languageAttributes(previous.language)} className="group-hover:underline">
                {previous.headline}
              </span>
            </Link>
          </li>
        )}
        {next && (
          <li className="sm:col-start-2 sm:text-end">
            <Link
              href={articlePath(section.slug, next.slug)}
              className="group block rounded-sm py-1 font-serif text-lg leading-snug font-bold"
            >
              <span className="block font-sans text-xs font-bold tracking-[0.12em] text-accent uppercase">
                {article.nextIn(section.name)}{' '}
                <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
                  →
                </span>
              </span>
              <span {...languageAttributes(next.language)} className="group-hover:underline">
                {next.headline}
              </span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

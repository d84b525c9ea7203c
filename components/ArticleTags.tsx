import type { NameRef } from '@/lib/queries/types';
import { tagPagePath } from '@/lib/site';
import { words } from '@/lib/i18n';
import { Link } from './Link';

/** The article's tags as links to their pages, in a list named "Tags"; nothing without tags. */
export function ArticleTags({ tags }: { tags: readonly NameRef[] }) {
  if (tags.length === 0) return null;
  return (
    <nav aria-label={words().article.tags} className="mt-8 print:hidden">
      <ul className="flex flex-wrap gap-2 text-sm">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link
              href={tagPagePath(tag.slug)}
              className="inline-flex min-h-6 items-center rounded-full border border-rule px-3 py-1 hover:underline"
            >
              {tag.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import type { ArticleRevision } from '@/lib/queries/types';
import { plural, words } from '@/lib/i18n';
import { versionPath } from '@/lib/site';
import { versionWords } from '@/lib/versions/words';
import { Link } from './Link';
import { PublishedTime } from './PublishedTime';

/**
 * "What changed": each correction an import made to the article, newest first, in a
 * `<details>` element (it opens and closes without JavaScript), each linking the version it
 * replaced (docs/versions.md). Nothing when there is none.
 */
export function ArticleCorrections({
  revisions,
  section,
  slug,
}: {
  revisions: readonly ArticleRevision[];
  section: string;
  slug: string;
}) {
  if (revisions.length === 0) return null;
  return (
    <details className="mt-4 rounded border border-rule px-4 py-2 text-sm">
      <summary className="flex min-h-6 cursor-pointer items-center font-semibold">
        {words().article.whatChanged} ({plural(words().article.updates, revisions.length)})
      </summary>
      <ol className="mt-2 mb-1 space-y-2">
        {revisions.map((revision, index) => (
          <li key={index}>
            <PublishedTime iso={revision.revisedAt} className="font-semibold" />
            {' · '}
            {/* Newest first: the first entry replaced the last stored version. */}
            <Link
              href={versionPath(section, slug, revisions.length - index)}
              className="inline-flex min-h-6 items-center underline"
            >
              {versionWords().replaced(revisions.length - index)}
            </Link>
            <ul className="ms-5 list-disc text-muted">
              {revision.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}

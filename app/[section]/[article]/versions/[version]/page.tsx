import type { Metadata } from 'next';
import { bylineText } from '@/lib/article-lines';
import { ArticleBody } from '@/components/ArticleBody';
import { ArticleNotes } from '@/components/ArticleNotes';
import { Link } from '@/components/Link';
import { PublishedTime } from '@/components/PublishedTime';
import { ROUTES } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/metadata';
import { articlePath, versionPath, versionsChainPath } from '@/lib/site';
import { versionWords } from '@/lib/versions/words';
import { loadVersion, type VersionPageProps, type VersionRouteParams } from './load';

/** In the site's language, chosen once per process. */
const WORDS = versionWords();

// Kept as it was (docs/versions.md): an import does not expire it, a withdrawal does.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<VersionRouteParams[]> => [];

export async function generateMetadata(props: VersionPageProps): Promise<Metadata> {
  const { version, section, slug } = await loadVersion(ROUTES.version, props.params);
  return {
    ...pageMetadata({
      title: WORDS.title(version.headline, version.n),
      description: WORDS.description(version.n),
      path: versionPath(section, slug, version.n),
      section: null,
    }),
    // A citable copy, not a page of its own for search engines: the article is.
    robots: { index: false, follow: true },
  };
}

/** One version of an article, as it was: marked as such, linking the current article, with its paragraphs' anchors. */
export default async function VersionPage(props: VersionPageProps) {
  const { version, section, slug } = await loadVersion(ROUTES.version, props.params);
  const path = versionPath(section, slug, version.n);
  return (
    <div className="mx-auto max-w-3xl pt-6 sm:pt-10">
      <article>
        <aside role="note" aria-label={WORDS.notice} className="rounded border-2 border-strong-rule px-4 py-3 text-sm">
          <p>
            <strong>{WORDS.kept(version.n)}</strong> <PublishedTime iso={version.writtenAt} />. {WORDS.notCurrent}
          </p>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link
                href={articlePath(section, slug)}
                className="inline-flex min-h-6 items-center font-semibold underline"
              >
                {WORDS.current}
              </Link>
            </li>
            <li>
              <Link href={`${path}/changes`} className="inline-flex min-h-6 items-center underline">
                {WORDS.changesSince}
              </Link>
            </li>
            <li>
              <a href={`${path}.md`} className="inline-flex min-h-6 items-center underline">
                {WORDS.markdown}
              </a>
            </li>
            <li>
              <a href={versionsChainPath(section, slug)} className="inline-flex min-h-6 items-center underline">
                {WORDS.chain}
              </a>
            </li>
          </ul>
        </aside>
        <p className="mt-6 text-xs font-bold tracking-[0.14em] text-accent uppercase">{version.section.name}</p>
        <h1 className="mt-2 font-serif text-[2.125rem] leading-[1.08] font-bold tracking-tight text-balance sm:text-5xl">
          {version.headline}
        </h1>
        {version.authors.length > 0 && (
          <p className="mt-4 text-base">{bylineText(version.authors.map((name) => ({ name })))}</p>
        )}
        {version.publishedAt && (
          <p className="mt-3 text-sm text-muted">
            <PublishedTime iso={version.publishedAt} />
          </p>
        )}
        <ArticleNotes notes={version.notes} />
        <ArticleBody article={version} />
        {version.tags.length > 0 && <p className="mt-8 text-sm text-muted">{version.tags.join(', ')}</p>}
      </article>
    </div>
  );
}

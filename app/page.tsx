import Link from 'next/link';
import { ArticleCard } from '@/components/ArticleCard';
import { getFrontPage } from '@/lib/queries';
import { SITE_NAME, sectionPath } from '@/lib/site';

export default async function FrontPage() {
  const { lead, latest, sections } = await getFrontPage();
  return (
    <>
      <h1 className="sr-only">{SITE_NAME}: front page</h1>
      {!lead ? (
        <p className="py-12 text-lg">No articles have been published yet.</p>
      ) : (
        <div className="grid gap-8 py-4 md:grid-cols-3">
          <section aria-labelledby="lead-heading" className="md:col-span-2">
            <h2 id="lead-heading" className="sr-only">
              Lead story
            </h2>
            <ArticleCard article={lead} size="lead" />
          </section>
          {latest.length > 0 && (
            <section aria-labelledby="latest-heading" className="md:border-l md:border-neutral-200 md:pl-6">
              <h2
                id="latest-heading"
                className="border-b-2 border-neutral-900 pb-1 text-sm font-bold uppercase tracking-wide"
              >
                Latest
              </h2>
              <ol className="divide-y divide-neutral-200">
                {latest.map((article) => (
                  <li key={article.slug}>
                    <ArticleCard article={article} />
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}
      {sections.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="mt-8">
          <h2
            id={`section-${section.slug}`}
            className="border-b-2 border-neutral-900 pb-1 font-serif text-2xl font-bold"
          >
            <Link href={sectionPath(section.slug)} className="hover:underline">
              {section.name}
            </Link>
          </h2>
          <ul className="grid gap-x-6 divide-y divide-neutral-200 sm:grid-cols-2 sm:divide-y-0">
            {articles.map((article) => (
              <li key={article.slug}>
                <ArticleCard article={article} showSection={false} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

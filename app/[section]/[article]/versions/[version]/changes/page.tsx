import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/components/Link';
import { describeChanges } from '@/lib/revisions/changes';
import { getArticleHistory } from '@/lib/queries';
import { pageParams, pagePlacement } from '@/lib/route-params';
import { ROUTES } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo/metadata';
import { articlePath, versionPath } from '@/lib/site';
import { versionWords } from '@/lib/versions/words';
import type { VersionPageProps, VersionRouteParams } from '../load';

/** In the site's language, chosen once per process. */
const WORDS = versionWords();

// Expired with the article (article:<slug>): what changed since a version changes with each import.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<VersionRouteParams[]> => [];

/** Version n and the article now, or the 404 page; under another section, a 308 to its own. */
async function load({ params }: VersionPageProps) {
  const where = await pageParams(ROUTES.versionChanges, params);
  const history = await getArticleHistory(where.article);
  if (!history) notFound();
  pagePlacement(ROUTES.versionChanges, where, { at: history.section, versions: history.versions.length });
  const { versions } = history;
  return { where, version: versions[where.version - 1]!, current: versions.at(-1)!, section: history.section };
}

export async function generateMetadata(props: VersionPageProps): Promise<Metadata> {
  const { where, current, section } = await load(props);
  return {
    ...pageMetadata({
      title: WORDS.changesTitle(current.headline, where.version),
      description: WORDS.changesDescription(where.version),
      path: `${versionPath(section, where.article, where.version)}/changes`,
      section: null,
    }),
    robots: { index: false, follow: true },
  };
}

/** What changed from version n to the current one (lib/revisions/changes.ts), in a reader's words. */
export default async function VersionChangesPage(props: VersionPageProps) {
  const { where, version, current, section } = await load(props);
  const changes = version.n === current.n ? [] : describeChanges(version, current);
  return (
    <div className="mx-auto max-w-3xl pt-6 sm:pt-10">
      <p className="text-xs font-bold tracking-[0.14em] text-accent uppercase">{current.section.name}</p>
      <h1 className="mt-2 font-serif text-3xl leading-tight font-bold text-balance sm:text-4xl">
        {WORDS.changesHeading(where.version)}
      </h1>
      <p className="mt-3 text-lg">
        <Link href={articlePath(section, where.article)} className="font-semibold underline">
          {current.headline}
        </Link>
      </p>
      {changes.length === 0 ? (
        <p className="mt-6">{WORDS.noChanges}</p>
      ) : (
        <ul className="mt-6 ml-5 list-disc space-y-1">
          {changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      )}
      <ul className="mt-8 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li>
          <Link
            href={versionPath(section, where.article, where.version)}
            className="inline-flex min-h-6 items-center underline"
          >
            {WORDS.readVersion(where.version)}
          </Link>
        </li>
        <li>
          <Link href={articlePath(section, where.article)} className="inline-flex min-h-6 items-center underline">
            {WORDS.current}
          </Link>
        </li>
      </ul>
    </div>
  );
}

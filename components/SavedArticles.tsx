'use client';

import { useEffect, useState } from 'react';
import {
  askServiceWorker,
  canSaveOffline,
  forgetSaved,
  markGone,
  type ReadVersion,
  useReadVersions,
  savedArticles,
  useSavedArticles,
  type SavedArticle,
} from './on-device';
import type { Words } from '@/lib/i18n';
import { fill } from '@/lib/i18n/template';
import { languageAttributes } from '@/lib/language-tags';

type SavedWords = Words['saved'];
/** What a saved article withdrawn since is said to be. */
export type GoneWords = Pick<Words['gone'], 'withdrawn' | 'withdrawnText'>;

/** A withdrawn or removed article's entry: what the site allows to be said of it, and no link. */
function GoneEntry({ article, words, gone }: { article: SavedArticle; words: SavedWords; gone: GoneWords }) {
  if (article.gone === 451)
    return (
      <div>
        <h2 className="font-serif text-xl leading-snug font-bold">{words.legalHeading}</h2>
        <p className="text-sm text-muted">{words.legalText}</p>
      </div>
    );
  return (
    <div>
      <p className="text-xs font-bold tracking-[0.12em] text-accent uppercase">{gone.withdrawn}</p>
      <h2 {...languageAttributes(article.language ?? '')} className="font-serif text-xl leading-snug font-bold">
        {article.headline}
      </h2>
      <p className="text-sm text-muted">{gone.withdrawnText}</p>
    </div>
  );
}

const removeLabel = (article: SavedArticle, words: SavedWords) =>
  article.gone === 451 ? words.removeLegalLabel : fill(words.removeLabel, { headline: article.headline });

/**
 * The articles saved on this device, each to open (offline too) or remove. Opened online, the
 * page has the service worker ask the site for each again first: one withdrawn or removed since
 * is shown as such, and no longer opens.
 */
/** Whether the copy kept of an article is a later version than the one the reader last read. */
function isUpdated(path: string, kept: Readonly<Record<string, number>>, read: readonly ReadVersion[] | null): boolean {
  const version = kept[path];
  const readVersion = read?.find((entry) => entry.path === path)?.version;
  return version !== undefined && readVersion !== undefined && readVersion < version;
}

export function SavedArticles({ words, gone, locale }: { words: SavedWords; gone: GoneWords; locale: string }) {
  const saved = useSavedArticles();
  const read = useReadVersions();
  const [status, setStatus] = useState<string | null>(null);
  // The version of each saved copy, as the service worker now keeps it.
  const [kept, setKept] = useState<Readonly<Record<string, number>>>({});
  useEffect(() => {
    const live = savedArticles().filter((article) => article.gone === undefined);
    if (live.length === 0 || !canSaveOffline() || !navigator.onLine) return;
    askServiceWorker({ type: 'check', paths: live.map((article) => article.path) }).then(
      (answer) => {
        markGone(answer.gone ?? {});
        setKept(answer.versions ?? {});
      },
      // No worker, or it could not ask: the list stays as it was.
      () => undefined,
    );
  }, []);
  if (saved === null) return null;
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });

  async function remove(path: string, said: string) {
    setStatus(null);
    try {
      await askServiceWorker({ type: 'remove', path });
    } catch {
      // Without a service worker there is no copy to drop: the list entry still goes.
    }
    forgetSaved(path);
    setStatus(said);
  }

  return (
    <>
      {saved.length === 0 ? (
        <p className="mt-6 font-serif text-xl">{words.none}</p>
      ) : (
        <ul className="mt-4 max-w-3xl divide-y divide-rule">
          {saved.map((article) => (
            <li key={article.path} className="flex flex-wrap items-center justify-between gap-3 py-4">
              {article.gone ? (
                <GoneEntry article={article} words={words} gone={gone} />
              ) : (
                <div>
                  <p className="text-xs font-bold tracking-[0.12em] text-accent uppercase">{article.section}</p>
                  <h2
                    {...languageAttributes(article.language ?? '')}
                    className="font-serif text-xl leading-snug font-bold"
                  >
                    {/* A plain link: the page is opened from the service worker's copy when offline. */}
                    <a href={article.path} className="hover:underline">
                      {article.headline}
                    </a>
                  </h2>
                  <p className="text-xs text-muted">
                    {fill(words.savedOn, { date: dateFormat.format(article.savedAt) })}
                  </p>
                  {isUpdated(article.path, kept, read) && (
                    <p className="mt-1 text-sm font-semibold">{words.updatedSinceRead}</p>
                  )}
                </div>
              )}
              <button
                type="button"
                onClick={() =>
                  remove(
                    article.path,
                    article.gone === 451 ? words.removedLegal : fill(words.removed, { headline: article.headline }),
                  )
                }
                aria-label={removeLabel(article, words)}
                className="inline-flex min-h-10 cursor-pointer items-center rounded-sm border border-rule px-3 text-sm font-semibold hover:border-ink"
              >
                {words.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="mt-4 text-sm text-muted">
        {status}
      </p>
    </>
  );
}

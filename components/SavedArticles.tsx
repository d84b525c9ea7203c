'use client';

import { useEffect, useState } from 'react';
import {
  askServiceWorker,
  canSaveOffline,
  forgetSaved,
  markGone,
  savedArticles,
  useSavedArticles,
  type SavedArticle,
} from './on-device';
import { languageAttributes } from '@/lib/language-tags';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** A withdrawn or removed article's entry: what the site allows to be said of it, and no link. */
function GoneEntry({ article }: { article: SavedArticle }) {
  if (article.gone === 451)
    return (
      <div>
        <h2 className="font-serif text-xl leading-snug font-bold">Removed for legal reasons</h2>
        <p className="text-sm text-muted">An article saved here has been removed for legal reasons.</p>
      </div>
    );
  return (
    <div>
      <p className="text-xs font-bold tracking-[0.12em] text-accent uppercase">Withdrawn</p>
      <h2 {...languageAttributes(article.language ?? '')} className="font-serif text-xl leading-snug font-bold">
        {article.headline}
      </h2>
      <p className="text-sm text-muted">This article was withdrawn and is no longer published.</p>
    </div>
  );
}

const removeLabel = (article: SavedArticle) =>
  article.gone === 451
    ? 'Remove the article removed for legal reasons from saved articles'
    : `Remove “${article.headline}” from saved articles`;

/**
 * The articles saved on this device, each to open (offline too) or remove. Opened online, the
 * page has the service worker ask the site for each again first: one withdrawn or removed since
 * is shown as such, and no longer opens.
 */
export function SavedArticles() {
  const saved = useSavedArticles();
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    const live = savedArticles().filter((article) => article.gone === undefined);
    if (live.length === 0 || !canSaveOffline() || !navigator.onLine) return;
    askServiceWorker({ type: 'check', paths: live.map((article) => article.path) }).then(
      (answer) => markGone(answer.gone ?? {}),
      // No worker, or it could not ask: the list stays as it was.
      () => undefined,
    );
  }, []);
  if (saved === null) return null;

  async function remove(path: string, name: string) {
    setStatus(null);
    try {
      await askServiceWorker({ type: 'remove', path });
    } catch {
      // Without a service worker there is no copy to drop: the list entry still goes.
    }
    forgetSaved(path);
    setStatus(`Removed ${name}.`);
  }

  return (
    <>
      {saved.length === 0 ? (
        <p className="mt-6 font-serif text-xl">
          No saved articles yet. On an article, choose “Save for offline” to read it here without a connection.
        </p>
      ) : (
        <ul className="mt-4 max-w-3xl divide-y divide-rule">
          {saved.map((article) => (
            <li key={article.path} className="flex flex-wrap items-center justify-between gap-3 py-4">
              {article.gone ? (
                <GoneEntry article={article} />
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
                  <p className="text-xs text-muted">Saved {dateFormat.format(article.savedAt)}</p>
                </div>
              )}
              <button
                type="button"
                onClick={() =>
                  remove(
                    article.path,
                    article.gone === 451 ? 'the article removed for legal reasons' : `“${article.headline}”`,
                  )
                }
                aria-label={removeLabel(article)}
                className="inline-flex min-h-10 cursor-pointer items-center rounded-sm border border-rule px-3 text-sm font-semibold hover:border-ink"
              >
                Remove
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

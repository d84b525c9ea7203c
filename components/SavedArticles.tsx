'use client';

import { useState } from 'react';
import { askServiceWorker, forgetSaved, useSavedArticles } from './on-device';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The articles saved on this device, each to open (offline too) or remove. */
export function SavedArticles() {
  const saved = useSavedArticles();
  const [status, setStatus] = useState<string | null>(null);
  if (saved === null) return null;

  async function remove(path: string, headline: string) {
    setStatus(null);
    try {
      await askServiceWorker({ type: 'remove', path });
    } catch {
      // Without a service worker there is no copy to drop: the list entry still goes.
    }
    forgetSaved(path);
    setStatus(`Removed “${headline}”.`);
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
              <div>
                <p className="text-xs font-bold tracking-[0.12em] text-accent uppercase">{article.section}</p>
                <h2 className="font-serif text-xl leading-snug font-bold">
                  {/* A plain link: the page is opened from the service worker's copy when offline. */}
                  <a href={article.path} className="hover:underline">
                    {article.headline}
                  </a>
                </h2>
                <p className="text-xs text-muted">Saved {dateFormat.format(article.savedAt)}</p>
              </div>
              <button
                type="button"
                onClick={() => remove(article.path, article.headline)}
                aria-label={`Remove “${article.headline}” from saved articles`}
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

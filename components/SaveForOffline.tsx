'use client';

import { useState } from 'react';
import type { Words } from '@/lib/i18n';
import { Link } from './Link';
import { askServiceWorker, canSaveOffline, forgetSaved, rememberSaved, useSavedArticles } from './on-device';
import { ISLAND_BUTTON } from './island-button';

const buttonClass = `${ISLAND_BUTTON} disabled:cursor-wait`;

/**
 * "Save for offline": keeps this article (the page and the files it needs) in the service
 * worker's cache, and lists it on /saved. Shown only where the browser can do it, so never
 * without JavaScript.
 */
export function SaveForOffline({
  path,
  headline,
  section,
  words,
  language,
}: {
  path: string;
  headline: string;
  section: string;
  words: Words['offline'];
  language: string;
}) {
  const saved = useSavedArticles();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(false);
  // Before hydration (and on the server) the button holds its place, shown only where the head
  // script ran (`js:`), so that it does not push the article down when it appears; the few
  // browsers with JavaScript but no service workers drop it then.
  if (saved === null)
    return (
      <div className="hidden print:hidden! js:flex">
        <button type="button" disabled className={buttonClass}>
          {words.save}
        </button>
      </div>
    );
  if (!canSaveOffline()) return null;
  const isSaved = saved.some((article) => article.path === path);

  async function change(type: 'save' | 'remove') {
    setBusy(true);
    setProblem(false);
    try {
      await askServiceWorker({ type, path });
      if (type === 'save') rememberSaved({ path, headline, section, language });
      else forgetSaved(path);
    } catch {
      setProblem(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 print:hidden">
      {isSaved ? (
        <button type="button" disabled={busy} onClick={() => change('remove')} className={buttonClass}>
          {words.remove}
        </button>
      ) : (
        <button type="button" disabled={busy} onClick={() => change('save')} className={buttonClass}>
          {words.save}
        </button>
      )}
      <p role="status" className="text-sm text-muted">
        {problem
          ? words.problem
          : isSaved && (
              <>
                {words.saved}{' '}
                <Link href="/saved" className="underline">
                  {words.yourSaved}
                </Link>
              </>
            )}
      </p>
    </div>
  );
}

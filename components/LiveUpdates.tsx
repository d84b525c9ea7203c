'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { Words } from '@/lib/i18n/en';
import { ISLAND_BUTTON } from './island-button';

/** How often an open page asks whether it changed: once a minute at most, per open tab. */
export const LIVE_CHECK_MS = 60_000;

type Change = 'updated' | 'gone';

/** Whether the device asks to save data (Chromium's Network Information API; absent elsewhere). */
const savesData = () =>
  (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

/** The validator of the page at this address, as the browser holds it (`force-cache`) or as the site answers now. */
async function pageTag(path: string, cache: RequestCache): Promise<{ status: number; tag: string | null }> {
  const response = await fetch(path, { cache, credentials: 'omit', headers: { accept: 'text/html' } });
  // Only the headers matter: the body (sent only when the page changed) is not read.
  void response.body?.cancel().catch(() => undefined);
  return { status: response.status, tag: response.headers.get('etag') };
}

/**
 * "Updated: show": a page left open (an article, a section, the front page) learns that it
 * changed, by asking for its own address again once a minute with the validator the browser
 * holds (a 304 when nothing changed: a few hundred bytes), never while the tab is hidden, and
 * not at all where the device asks to save data. Nothing on the page changes until the reader
 * asks: a notice at the foot of the screen (fixed, so it moves nothing) says so, politely to
 * screen readers, and "Show" brings the new version in place. A withdrawn or removed article
 * says so instead. The requests are the page's own public address, without cookies: nothing
 * about the reader.
 */
export function LiveUpdates({ words }: { words: Words['live'] }) {
  const router = useRouter();
  const [change, setChange] = useState<Change | null>(null);
  // The validator of the version on screen (null until known), and of the newer one the site answered.
  const shown = useRef<string | null>(null);
  const newer = useRef<string | null>(null);

  useEffect(() => {
    if (savesData()) return;
    const path = window.location.pathname;
    let stopped = false;
    let lastAsked = Date.now();
    // The copy the browser holds is the one on screen (it rendered it); without one, what the site serves now.
    pageTag(path, 'force-cache')
      .then(({ tag }) => (shown.current ??= tag))
      .catch(() => undefined);

    async function ask() {
      if (stopped || document.visibilityState === 'hidden' || shown.current === null) return;
      lastAsked = Date.now();
      try {
        const now = await pageTag(path, 'no-cache');
        if (now.status === 410 || now.status === 451) setChange('gone');
        else if (now.status === 200 && now.tag !== null && now.tag !== shown.current) {
          newer.current = now.tag;
          setChange('updated');
        } else return;
        stopped = true;
      } catch {
        // Offline, or the site is down: ask again next minute.
      }
    }
    const timer = window.setInterval(ask, LIVE_CHECK_MS);
    // Back in view after a minute or more hidden: ask at once rather than at the next tick.
    const onShown = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastAsked >= LIVE_CHECK_MS) void ask();
    };
    document.addEventListener('visibilitychange', onShown);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onShown);
    };
  }, [change]);

  function show() {
    // The version the site answered comes in place, and is the one on screen from now on.
    shown.current = newer.current;
    router.refresh();
    setChange(null);
  }

  return (
    <div
      role="status"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-20 flex justify-center p-3 print:hidden"
    >
      {change && (
        <p className="pointer-events-auto flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-strong-rule bg-paper px-4 py-2 text-sm shadow-lg">
          {change === 'updated' ? (
            <>
              <span className="font-semibold">{words.updated}</span>
              <button type="button" onClick={show} className={ISLAND_BUTTON}>
                {words.show}
              </button>
            </>
          ) : (
            <>
              <span className="font-semibold">{words.withdrawn}</span>
              <a href={window.location.pathname} className="inline-flex min-h-10 items-center underline">
                {words.readWhy}
              </a>
            </>
          )}
        </p>
      )}
    </div>
  );
}

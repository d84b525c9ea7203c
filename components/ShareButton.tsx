'use client';

import { useState } from 'react';
import type { Words } from '@/lib/i18n';
import { ISLAND_BUTTON } from './island-button';

type Outcome = 'idle' | 'copied' | 'manual';

/**
 * The device's own share sheet where the browser has one (phones, mostly), the
 * clipboard otherwise, and the address to copy by hand if even that is refused.
 */
export function ShareButton({ title, url, words }: { title: string; url: string; words: Words['share'] }) {
  const [outcome, setOutcome] = useState<Outcome>('idle');

  async function share() {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // The reader closed the sheet: nothing to do.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setOutcome('copied');
    } catch {
      setOutcome('manual');
    }
  }

  return (
    <div className="hidden flex-wrap items-center gap-x-3 gap-y-2 js:flex print:hidden!">
      <button type="button" onClick={share} className={ISLAND_BUTTON}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-none stroke-current stroke-[1.6]">
          <path d="M10 13V3m0 0L6.5 6.5M10 3l3.5 3.5M4 10v6.5h12V10" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {words.button}
      </button>
      <p role="status" className="text-sm text-muted">
        {outcome === 'copied' && words.copied}
      </p>
      {outcome === 'manual' && (
        <label className="flex w-full flex-col gap-1 text-sm">
          {words.copy}
          <input
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
            className="min-h-10 w-full rounded-sm border border-rule bg-surface px-2 font-mono text-sm"
          />
        </label>
      )}
    </div>
  );
}

'use client';

import type { Words } from '@/lib/i18n';
import { fill } from '@/lib/i18n/template';
import { useReadingPositions } from './on-device';

/** The article the reader left half-read most recently, from this device's memory; nothing without one. */
export function ContinueReading({ words }: { words: Words['continueReading'] }) {
  const positions = useReadingPositions();
  const latest = positions?.[0];
  if (!latest) return null;
  return (
    <section aria-labelledby="continue-heading" className="mt-6 border-s-4 border-accent bg-surface px-4 py-3">
      <h2 id="continue-heading" className="text-sm font-bold tracking-[0.12em] uppercase">
        {words.heading}
      </h2>
      <p className="mt-1 font-serif text-lg leading-snug font-bold">
        {/* A plain link: the article opens as a page, where it scrolls to the paragraph. */}
        <a href={latest.path} className="underline">
          {latest.headline}
        </a>
      </p>
      <p className="text-sm text-muted">
        {fill(words.where, { block: String(latest.block + 1), blocks: String(latest.blocks) })}
      </p>
    </section>
  );
}

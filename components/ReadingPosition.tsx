'use client';

import { useEffect } from 'react';
import { forgetPosition, readingPositions, rememberPosition } from './on-device';

/**
 * Remembers, on this device only, the paragraph at the top of the screen as the reader
 * scrolls, and opens the article there again next time; forgets it once they reach the end.
 * Renders nothing.
 */
export function ReadingPosition({ path, headline }: { path: string; headline: string }) {
  useEffect(() => {
    const body = document.querySelector('[data-article-body]');
    if (!body) return;
    const blocks = [...body.children] as HTMLElement[];
    const last = blocks.at(-1);
    if (!last) return;

    const stored = readingPositions().find((position) => position.path === path);
    if (stored && stored.block > 0 && stored.block < blocks.length && !window.location.hash) {
      blocks[stored.block]?.scrollIntoView({ block: 'start' });
    }

    let frame = 0;
    const record = () => {
      if (last.getBoundingClientRect().bottom <= window.innerHeight) return forgetPosition(path);
      const block = blocks.findIndex((element) => element.getBoundingClientRect().bottom > 0);
      if (block > 0) rememberPosition({ path, headline, block, blocks: blocks.length });
      else if (block === 0) forgetPosition(path);
    };
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(record);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [path, headline]);
  return null;
}

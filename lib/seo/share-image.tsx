import { ImageResponse } from 'next/og';
import { erasable } from '@/lib/erasable';
import { CACHE_POLICIES, entityTag } from '@/lib/http/conditional';
import { SITE_LANGUAGE, SITE_NAME } from '@/lib/site';
import { cardTexts, type DrawnText } from './share-image-text';

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };
export const SHARE_IMAGE_TYPE = 'image/png';

export { drawableText } from './share-image-text';

const MAX_TITLE = 180;

function clip(text: string): string {
  if (text.length <= MAX_TITLE) return text;
  const cut = text.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE - 20))}…`;
}

/** What a share image shows: its kicker (the section), its title, and the title's language (BCP 47; the site's when not given). */
export interface ShareCard {
  kicker: string;
  title: string;
  language?: string;
}

/** A text as its pieces: one flowing text, or words placed from the start side of its direction, wrapping. */
function Pieces({ text, style }: { text: DrawnText; style: Record<string, string | number> }) {
  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        flexDirection: text.direction === 'rtl' ? 'row-reverse' : 'row',
        columnGap: '0.28em',
        ...style,
      }}
    >
      {text.pieces.map((piece, index) => (
        <span key={index}>{piece}</span>
      ))}
    </div>
  );
}

/**
 * Draws the 1200×630 card shown when a page is shared: kicker (section), title, site name. A
 * right-to-left title is laid out from the right, a CJK one in its own fonts; one in a script the
 * renderer cannot draw is left out (lib/seo/share-image-text.ts).
 */
export function drawShareImage(card: ShareCard): ImageResponse {
  const texts = cardTexts({ ...card, title: clip(card.title), language: card.language ?? SITE_LANGUAGE }, SITE_NAME);
  const length = texts.title?.pieces.join(' ').length ?? 0;
  const fontSize = length > 120 ? 48 : length > 60 ? 60 : 76;
  const rightToLeft = texts.title?.direction === 'rtl';
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        alignItems: rightToLeft ? 'flex-end' : 'stretch',
        background: '#ffffff',
        color: '#171717',
        padding: '64px 72px',
        borderTop: '24px solid #991b1b',
      }}
    >
      <Pieces
        text={texts.kicker}
        style={{ fontSize: 30, letterSpacing: 2, color: '#991b1b', textTransform: 'uppercase' }}
      />
      {texts.title ? <Pieces text={texts.title} style={{ fontSize, lineHeight: 1.15, width: '100%' }} /> : <div />}
      <Pieces
        text={texts.siteName}
        style={{ fontSize: 30, color: '#525252', borderTop: '2px solid #171717', paddingTop: 24, width: '100%' }}
      />
    </div>,
    { ...SHARE_IMAGE_SIZE, ...(texts.fonts ? { fonts: texts.fonts } : {}) },
  );
}

/** Bump when the drawing changes, so that no copy drawn the old way is sent again. */
const DRAWING_VERSION = 2;
/** Cards kept in memory (about 30 KB each); the least recently used go first. */
const MAX_KEPT = 500;
/**
 * A card being drawn, then the card itself: not the promise of it once drawn, since a promise
 * holds on to the async context it was made in, where Next keeps the whole request.
 */
const kept = new Map<string, Promise<Uint8Array> | Uint8Array>();
// A legal removal's headline may be drawn on a card kept here (lib/erasable.ts).
erasable(() => kept.clear());

/**
 * The card as a response, drawn once per distinct text and then sent from memory: drawing
 * takes tens of milliseconds of CPU, so drawing per request would let anyone keep the
 * server busy by asking in a loop. Its ETag is the hash of what it shows (the site's one
 * validator, lib/http/conditional.ts, of the drawing's inputs rather than of the PNG: known
 * before drawing, and kept by the server, which then hashes no image), and it is cached in
 * front of the site like the pages.
 */
export async function shareImage(card: ShareCard): Promise<Response> {
  const key = entityTag(
    JSON.stringify([DRAWING_VERSION, SITE_NAME, card.kicker, card.title, card.language ?? SITE_LANGUAGE]),
  );
  let png = kept.get(key);
  if (png) {
    kept.delete(key);
  } else {
    const drawing = drawShareImage(card)
      .arrayBuffer()
      .then((buffer) => new Uint8Array(buffer));
    drawing.then(
      (drawn) => {
        if (kept.get(key) === drawing) kept.set(key, drawn);
      },
      () => {
        if (kept.get(key) === drawing) kept.delete(key);
      },
    );
    png = drawing;
  }
  kept.set(key, png);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_KEPT) break;
    kept.delete(oldest);
  }
  return new Response((await png) as BodyInit, {
    headers: {
      'content-type': SHARE_IMAGE_TYPE,
      'cache-control': CACHE_POLICIES.document,
      etag: key,
    },
  });
}

import transliterate from '@sindresorhus/transliterate';
import { ImageResponse } from 'next/og';
import { erasable } from '@/lib/erasable';
import { CACHE_POLICIES, entityTag } from '@/lib/http/conditional';
import { SITE_NAME } from '@/lib/site';

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };
export const SHARE_IMAGE_TYPE = 'image/png';

// Characters the font bundled with next/og (Geist) draws. For any other character
// ImageResponse downloads a font (Google Fonts, emoji CDNs) at request time; the site
// makes no such request, so those characters are transliterated or left out.
const DRAWN =
  /^[\u0020-\u007E\u00A0-\u017F\u0400-\u045F\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u2022\u20AC\u2122]$/u;

export function drawableText(text: string): string {
  let out = '';
  for (const char of text) {
    if (DRAWN.test(char)) out += char;
    else out += [...transliterate(char)].filter((replacement) => DRAWN.test(replacement)).join('');
  }
  return out.replace(/\s+/gu, ' ').trim();
}

const MAX_TITLE = 180;

function clip(text: string): string {
  if (text.length <= MAX_TITLE) return text;
  const cut = text.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE - 20))}…`;
}

/** Draws the 1200×630 card shown when a page is shared: kicker (section), title, site name. */
export function drawShareImage({ kicker, title }: { kicker: string; title: string }): ImageResponse {
  const headline = clip(drawableText(title));
  const fontSize = headline.length > 120 ? 48 : headline.length > 60 ? 60 : 76;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        background: '#ffffff',
        color: '#171717',
        padding: '64px 72px',
        borderTop: '24px solid #991b1b',
      }}
    >
      <div style={{ display: 'flex', fontSize: 30, letterSpacing: 2, color: '#991b1b', textTransform: 'uppercase' }}>
        {drawableText(kicker)}
      </div>
      <div style={{ display: 'flex', fontSize, lineHeight: 1.15 }}>{headline}</div>
      <div style={{ display: 'flex', fontSize: 30, color: '#525252', borderTop: '2px solid #171717', paddingTop: 24 }}>
        {drawableText(SITE_NAME)}
      </div>
    </div>,
    SHARE_IMAGE_SIZE,
  );
}

/** Bump when the drawing changes, so that no copy drawn the old way is sent again. */
const DRAWING_VERSION = 1;
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
export async function shareImage(card: { kicker: string; title: string }): Promise<Response> {
  const key = entityTag(JSON.stringify([DRAWING_VERSION, SITE_NAME, card.kicker, card.title]));
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

import { expect, test } from 'vitest';
import { SHAPED_BY_RENDERER, bidiPieces, cardTexts } from './share-image-text';

const SITE = 'The Daily Dispatch';
/** The presentation forms back to the letters they stand for (NFKC), each piece read in logical order again. */
const logical = (piece: string) => [...piece].reverse().join('').normalize('NFKC');

test('an Arabic headline: its words in joined forms, each in visual order, in reading order from the right', () => {
  const { pieces, direction } = bidiPieces('مقتل ثلاثة في غارة', 'ar');
  expect(direction).toBe('rtl');
  expect(pieces).toHaveLength(4);
  // Joined forms (Arabic Presentation Forms-B), none of the letters Satori would try to shape itself.
  for (const piece of pieces) expect(piece).toMatch(/^[\uFE70-\uFEFF]+$/u);
  expect(pieces.map(logical)).toEqual(['مقتل', 'ثلاثة', 'في', 'غارة']);
  // The first letter of مقتل is its initial form, drawn last (rightmost) in its piece.
  expect(pieces[0]!.at(-1)).toBe('\uFEE3');
  // لا becomes the one lam-alef ligature.
  expect(bidiPieces('لا', 'ar').pieces).toEqual(['\uFEFB']);
});

test('numbers and Latin words inside right-to-left text keep their own order, a run of them together; brackets mirror', () => {
  const { pieces } = bidiPieces('قال New York Times عام 2026 (رويترز)', 'ar');
  expect(pieces[1]).toBe('New York Times');
  expect(pieces[3]).toBe('2026');
  // "(رويترز)": reversed for drawing, the brackets swapped so they still open towards the text.
  expect(pieces[4]!.startsWith('(')).toBe(true);
  expect(pieces[4]!.endsWith(')')).toBe(true);
});

test('Arabic punctuation and vowel signs never reach the renderer’s own shaping', () => {
  const { pieces } = bidiPieces('مَدْرَسَة، لماذا؟', 'ar');
  for (const piece of pieces) expect(piece).not.toMatch(SHAPED_BY_RENDERER);
  // The comma as the reversed comma (⹁), the question mark as Latin's.
  expect(pieces.map(logical)).toEqual(['مدرسة\u2E41', 'لماذا?']);
});

test('Hebrew reads right to left, word by word, final letters as written', () => {
  const { pieces, direction } = bidiPieces('שלום עולם', 'he');
  expect(direction).toBe('rtl');
  expect(pieces).toEqual(['םולש', 'םלוע']);
});

test('an Arabic phrase in an English headline is one run in visual order, the headline left to right', () => {
  const { pieces, direction } = bidiPieces('Cairo says مدينة القاهرة today', 'en');
  expect(direction).toBe('ltr');
  expect(pieces[0]).toBe('Cairo');
  expect(pieces).toHaveLength(4);
  expect(pieces[3]).toBe('today');
});

test('the fonts a card needs: Geist for Latin and Cyrillic, the Noto subsets for Arabic, Hebrew and CJK, none for Thai', () => {
  expect(cardTexts({ kicker: 'Мир', title: 'Министр обороны', language: 'ru' }, SITE).fonts).toBeNull();
  const arabic = cardTexts({ kicker: 'World', title: 'مقتل ثلاثة', language: 'ar' }, SITE);
  expect(arabic.title?.direction).toBe('rtl');
  expect(arabic.fonts?.map((font) => font.name)).toEqual(
    expect.arrayContaining(['noto-sans-arabic-arabic-400-normal', 'noto-sans-arabic-latin-400-normal']),
  );
  const chinese = cardTexts({ kicker: 'World', title: '阿斯塔纳谈判结束', language: 'zh' }, SITE);
  expect(chinese.title?.pieces).toEqual(['阿斯塔纳谈判结束']);
  // Only the subsets holding the card's characters are read (of about a hundred).
  expect(chinese.fonts!.length).toBeGreaterThan(0);
  expect(chinese.fonts!.length).toBeLessThan(12);
  const thai = cardTexts({ kicker: 'World', title: 'กรุงเทพฯ น้ำท่วมหนัก', language: 'th' }, SITE);
  expect(thai.title).toBeNull();
  expect(thai.kicker.pieces).toEqual(['World']);
  expect(thai.siteName.pieces).toEqual([SITE]);
  expect(thai.fonts).toBeNull();
});

test('a headline mixing scripts no one set of fonts draws is left out rather than drawn in part', () => {
  expect(cardTexts({ kicker: 'World', title: 'مصر and ไทย', language: 'und' }, SITE).title).toBeNull();
  expect(cardTexts({ kicker: 'World', title: 'Ελλάδα, 中国, مصر', language: 'und' }, SITE).title).toBeNull();
});

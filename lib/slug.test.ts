import { describe, expect, test } from 'vitest';
import { liveHeapBytes } from '@/test/support/heap';
import { articleIdentity, asciiIdentity, nameIdentity, nameSlug, slugFor, slugify, suffixedSlug } from '@/lib/slug';
import { isSlug } from '@/lib/url-params';

describe('slugify', () => {
  test('drops an ampersand instead of spelling it out', () => {
    expect(slugify('Science & Tech')).toBe('science-tech');
  });

  test('joins words with a hyphen in lower case', () => {
    expect(slugify('Middle East')).toBe('middle-east');
  });

  test('keeps a curly apostrophe inside a word from splitting it', () => {
    expect(slugify('‘UN’s inactivity is unacceptable’: Lavrov speaks out on Syrian opposition talks')).toBe(
      'uns-inactivity-is-unacceptable-lavrov-speaks-out-on-syrian-opposition-talks',
    );
  });

  test('keeps a straight apostrophe inside a word from splitting it', () => {
    expect(slugify("We're sure it won't rain")).toBe('were-sure-it-wont-rain');
  });

  test('transliterates letters with diacritics to ASCII', () => {
    expect(slugify('Déjà vu in São Paulo')).toBe('deja-vu-in-sao-paulo');
  });

  test('transliterates Cyrillic to ASCII', () => {
    expect(slugify('Москва')).toBe('moskva');
  });

  test('does not split a word at an inner capital', () => {
    expect(slugify('McCain meets iPhone makers')).toBe('mccain-meets-iphone-makers');
  });

  test('collapses runs of punctuation and spaces into one hyphen', () => {
    expect(slugify('  War -- and -- Peace!  ')).toBe('war-and-peace');
  });

  test('is empty for punctuation only', () => {
    expect(slugify('?!… — “”')).toBe('');
  });

  test('is empty for emoji only, including those the library would spell out', () => {
    expect(slugify('🦄 ♥ 🎉')).toBe('');
  });

  test('keeps a slug of exactly the maximum length whole', () => {
    const eighty = `${'a'.repeat(39)} ${'b'.repeat(40)}`;
    expect(slugify(eighty)).toBe(`${'a'.repeat(39)}-${'b'.repeat(40)}`);
  });

  test('cuts a long slug at the last word boundary within 80 characters', () => {
    const slug = slugify('abcdefghi '.repeat(10));
    expect(slug).toBe(Array(8).fill('abcdefghi').join('-'));
    expect(slug).toHaveLength(79);
  });

  test('cuts exactly at the limit when a word ends there', () => {
    expect(slugify('aaaa bbbb cccc', 9)).toBe('aaaa-bbbb');
  });

  test('never cuts in the middle of a word', () => {
    expect(slugify('aaaa bbbb cccc', 11)).toBe('aaaa-bbbb');
  });

  test('honours a custom maximum length', () => {
    expect(slugify('one two three four', 10)).toBe('one-two');
  });

  test('cuts a single word longer than the limit rather than returning nothing', () => {
    expect(slugify('x'.repeat(100))).toBe('x'.repeat(80));
  });
});

const LONG_HEADLINE_START =
  'Regional council confirms the new harbour bridge will open to traffic next spring, with tolls for lorries only,';

describe('articleIdentity', () => {
  test('reads a re-punctuated, re-cased headline as the same article', () => {
    expect(articleIdentity('Trump’s Plan!')).toBe('trumps plan');
    expect(articleIdentity('trumps plan')).toBe('trumps plan');
    expect(articleIdentity("TRUMP'S PLAN?")).toBe('trumps plan');
  });

  test('keeps an inner apostrophe with its word, as slugify does', () => {
    expect(articleIdentity('‘UN’s inactivity is unacceptable’: Lavrov speaks out')).toBe(
      'uns inactivity is unacceptable lavrov speaks out',
    );
    expect(articleIdentity('צה״ל')).toBe(articleIdentity('צהל'));
  });

  test('keeps letters as they are, whatever a transliteration to ASCII would make of them', () => {
    expect(articleIdentity('Déjà vu in São Paulo')).toBe('déjà vu in são paulo');
    expect(articleIdentity('Москва')).toBe('москва');
    expect(articleIdentity('Año nuevo')).not.toBe(articleIdentity('Ano nuevo'));
    expect(articleIdentity('صيف')).not.toBe(articleIdentity('سيف'));
    expect(articleIdentity('Мэры')).not.toBe(articleIdentity('меры'));
    // Their slugs are one: the import gives the later one -2.
    expect(slugify('صيف')).toBe(slugify('سيف'));
  });

  test('keeps the headline of a script without ASCII transliteration, letter for letter', () => {
    expect(articleIdentity('阿斯塔纳谈判结束。')).toBe('阿斯塔纳谈判结束');
    expect(articleIdentity('東京で「会議」')).toBe('東京で会議');
    expect(articleIdentity('שלום, עולם!')).toBe('שלום עולם');
    expect(articleIdentity('สวัสดี, ประเทศไทย!')).toBe('สวัสดีประเทศไทย');
    expect(articleIdentity('שלום, עולם!')).toBe('שלום עולם');
  });

  test('reads no space between the words of a script written without spaces', () => {
    expect(articleIdentity('東京で、首脳会議が始まる。')).toBe(articleIdentity('東京で首脳会議が始まる'));
    expect(articleIdentity('阿斯塔纳 谈判结束')).toBe(articleIdentity('阿斯塔纳谈判结束'));
    expect(articleIdentity('서울 회의')).toBe('서울 회의');
  });

  test('keeps the vowel signs of Thai and Devanagari, which make other words', () => {
    expect(articleIdentity('ปิด')).not.toBe(articleIdentity('ปด'));
    expect(articleIdentity('कुल')).not.toBe(articleIdentity('कल'));
    expect(articleIdentity('राम')).toBe('राम');
  });

  test('drops the optional vowel signs of Arabic and Hebrew, and Arabic tatweel', () => {
    expect(articleIdentity('صَيْفٌ حَارٌّ')).toBe(articleIdentity('صيف حار'));
    expect(articleIdentity('عـــربي')).toBe(articleIdentity('عربي'));
    expect(articleIdentity('שָׁלוֹם')).toBe(articleIdentity('שלום'));
    // Cantillation too.
    expect(articleIdentity('בְּרֵאשִׁ֖ית')).toBe(articleIdentity('בראשית'));
    // A hamza is a letter's part, not an optional sign: أ is not ا.
    expect(articleIdentity('أمل')).not.toBe(articleIdentity('امل'));
  });

  test('drops Greek accents and breathings, which text set in capitals leaves out, and keeps the diaeresis', () => {
    expect(articleIdentity('ΟΙ ΣΥΝΟΜΙΛΙΕΣ ΟΛΟΚΛΗΡΩΘΗΚΑΝ')).toBe(articleIdentity('Οι συνομιλίες ολοκληρώθηκαν'));
    expect(articleIdentity('ὁδός')).toBe(articleIdentity('οδος'));
    expect(articleIdentity('Ϊ')).not.toBe(articleIdentity('Ι'));
  });

  test('reads NFC and NFD forms, and compatibility forms, as one', () => {
    const nfc = 'Café in Ōsaka 서울';
    expect(articleIdentity(nfc.normalize('NFD'))).toBe(articleIdentity(nfc));
    expect(articleIdentity('ｶﾞｿﾘﾝ ﬁnal')).toBe(articleIdentity('ガソリン final'));
  });

  test('folds case in every script that has it', () => {
    expect(articleIdentity('ΟΔΟΣ Αθηνάς')).toBe(articleIdentity('οδοσ αθηνάς'));
    expect(articleIdentity('МОСКВА')).toBe(articleIdentity('москва'));
    expect(articleIdentity('İSTANBUL')).toBe(articleIdentity('istanbul'));
  });

  test('ignores emoji and symbols, and the marks that dress them', () => {
    expect(articleIdentity('🎉 Election night ❤️ 1️⃣')).toBe('election night 1');
    expect(articleIdentity('👨‍👩‍👧 阿斯塔纳 🇰🇿')).toBe('阿斯塔纳');
  });

  test('keeps every script of a mixed headline', () => {
    expect(articleIdentity('Путин meets 习近平 in Astana')).toBe('путин meets习近平in astana');
  });

  test('reads every run of characters other than letters and digits as one space', () => {
    expect(articleIdentity('  War -- and -- Peace!  ')).toBe('war and peace');
    expect(articleIdentity('Science & Tech: 1,000 jobs')).toBe('science tech 1 000 jobs');
  });

  test('is the whole headline, never cut', () => {
    const headline = `${LONG_HEADLINE_START} after years of delays and rising costs`;
    expect(articleIdentity(headline)).toBe(
      'regional council confirms the new harbour bridge will open to traffic next spring with tolls for lorries only ' +
        'after years of delays and rising costs',
    );
  });

  test('tells apart two long headlines whose slugs are the same', () => {
    const first = `${LONG_HEADLINE_START} after years of delays and rising costs`;
    const second = `${LONG_HEADLINE_START} after years of delays and protests`;
    expect(slugify(first)).toBe(slugify(second));
    expect(articleIdentity(first)).not.toBe(articleIdentity(second));
  });

  test('is empty exactly when the headline has no letter or digit in any script', () => {
    expect(articleIdentity('?!… — “”')).toBe('');
    expect(articleIdentity('🦄 ♥ 🎉')).toBe('');
    expect(articleIdentity('❤️\u0301')).toBe('');
  });
});

describe('asciiIdentity', () => {
  test('is the rule before own letters: transliterated to ASCII as slugify does', () => {
    expect(asciiIdentity('Déjà vu in São Paulo')).toBe('deja vu in sao paulo');
    expect(asciiIdentity('мэры')).toBe(asciiIdentity('меры'));
    expect(asciiIdentity('Trump’s Plan!')).toBe(articleIdentity('Trump’s Plan!'));
    expect(asciiIdentity('阿斯塔纳')).toBe('');
  });
});

describe('slugFor', () => {
  const slugOf = (headline: string) => slugFor(headline, articleIdentity(headline));

  test('is the readable ASCII slug where the transliteration gives one', () => {
    expect(slugOf('Trump’s Plan!')).toBe('trumps-plan');
    expect(slugOf('Мэры уходят')).toBe('mery-ukhodyat');
    expect(slugOf('Αθήνα')).toBe('athina');
    expect(slugOf(`${LONG_HEADLINE_START} after years of delays`)).toBe(
      'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next',
    );
  });

  test('gives a mixed-script headline what transliterates', () => {
    expect(slugOf('Путин meets 习近平')).toBe('putin-meets');
  });

  test('is the same for an Arabic headline with and without its vowel signs', () => {
    expect(slugOf('صَيْفٌ حَارٌّ')).toBe(slugOf('صيف حار'));
  });

  test.each(['阿斯塔纳谈判结束', '東京で会議', 'שלום עולם', 'สวัสดีครับ', '🎉 阿斯塔纳'])(
    'is u- and 12 hex digits of the identity’s SHA-256 where nothing transliterates: %s',
    (headline) => {
      expect(slugOf(headline)).toMatch(/^u-[0-9a-f]{12}$/u);
      expect(isSlug(slugOf(headline))).toBe(true);
    },
  );

  test('gives every spelling of a headline with no transliteration one slug, and another headline another', () => {
    expect(slugOf('שָׁלוֹם, עולם!')).toBe(slugOf('שלום עולם'));
    expect(slugOf('阿斯塔纳谈判结束')).not.toBe(slugOf('阿斯塔纳谈判开始'));
  });

  test('is empty for a headline of only emoji, symbols or punctuation', () => {
    expect(slugOf('🎉 ♥ !!!')).toBe('');
  });
});

describe('suffixedSlug', () => {
  test('is the base itself first, then the base with -2, -3', () => {
    expect([1, 2, 3].map((n) => suffixedSlug('harbour-bridge', n))).toEqual([
      'harbour-bridge',
      'harbour-bridge-2',
      'harbour-bridge-3',
    ]);
  });
});

describe('nameIdentity', () => {
  test('keeps no document alive: the names it remembers are its own copies, not slices of the text', async () => {
    const before = await liveHeapBytes();
    // A 64 MB document (two bytes a character, as any text with a `•` is) whose names are read once.
    const read = () => {
      const text = new TextDecoder().decode(Buffer.from(`• ${'x'.repeat(32_000_000)} Zoë Quincy-Marlowe\n`));
      return nameIdentity(text.slice(text.indexOf('Zoë'), -1));
    };
    expect(read()).toBe('zoe quincy marlowe');
    expect((await liveHeapBytes()) - before).toBeLessThan(16_000_000);
  });

  test('reads two spellings the identity rule reads as one as one name', () => {
    expect(nameIdentity('Zoë Smith')).toBe(nameIdentity('zoe  SMITH'));
    expect(nameIdentity('Anne-Marie O’Neil')).toBe('anne marie oneil');
  });

  test('keeps the letters of a name with no ASCII transliteration', () => {
    expect(nameIdentity('李明')).toBe('李明');
    expect(nameIdentity('山田 太郎')).toBe(nameIdentity('山田太郎'));
    expect(nameIdentity('李明')).not.toBe(nameIdentity('李朋'));
  });

  test('drops Hebrew vowel points and reads compatibility forms as their letters', () => {
    expect(nameIdentity('שָׂרָה')).toBe(nameIdentity('שרה'));
    expect(nameIdentity('ｶﾞ')).toBe(nameIdentity('ガ'));
    // A voiced kana is another letter, not a mark on one.
    expect(nameIdentity('が')).not.toBe(nameIdentity('か'));
  });

  test('reads runs of other characters as one space, and a name of none as empty', () => {
    expect(nameIdentity('李明 — 《新闻》')).toBe('李明新闻');
    expect(nameIdentity('שרה — כהן')).toBe('שרה כהן');
    expect(nameIdentity('🦄 !')).toBe('');
  });
});

describe('nameSlug', () => {
  test('is the readable slug where the transliteration gives one', () => {
    expect(nameSlug('Zoë Smith')).toBe('zoe-smith');
    expect(nameSlug('Владимир Путин')).toBe('vladimir-putin');
  });

  test('is u- and 12 hex digits of the identity’s SHA-256 otherwise, the same for every spelling', () => {
    expect(nameSlug('李明')).toMatch(/^u-[0-9a-f]{12}$/u);
    expect(nameSlug('שָׂרָה')).toBe(nameSlug('שרה'));
    expect(nameSlug('李明')).not.toBe(nameSlug('山田太郎'));
    expect(isSlug(nameSlug('李明'))).toBe(true);
  });

  test('is empty for a name with no letters or digits', () => {
    expect(nameSlug('🦄')).toBe('');
  });
});

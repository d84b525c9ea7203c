import { describe, expect, test } from 'vitest';
import { isRightToLeft, textDirection } from '@/lib/language-tags';
import { canonicalLanguageTag, detectLanguage, LanguageTagError } from '@/lib/language';

/** An article in each language the issue names, as a headline and a paragraph. */
const ARTICLES: Record<string, [string, string]> = {
  zh: ['阿斯塔纳谈判结束', '阿斯塔纳谈判结束，各方未能发表联合声明。外交部长表示会谈富有成效。'],
  ja: [
    'アスタナでの協議が終了',
    'アスタナでの協議が終了し、共同声明は発表されなかった。外相は会談が有益だったと述べた。',
  ],
  he: ['השיחות באסטנה הסתיימו', 'השיחות באסטנה הסתיימו ללא הצהרה משותפת. שר החוץ אמר כי הפגישה הייתה מועילה.'],
  ar: ['انتهاء محادثات أستانا', 'انتهت المحادثات في أستانا دون بيان مشترك. وقال وزير الخارجية إن الاجتماع كان مفيدا.'],
  ru: ['Переговоры в Астане завершились', 'Министр иностранных дел заявил, что встреча была полезной для всех сторон.'],
  es: [
    'Las conversaciones continuarán',
    'Las conversaciones en Astana continuarán la próxima semana, según el ministro.',
  ],
  el: ['Ολοκληρώθηκαν οι συνομιλίες', 'Οι συνομιλίες στην Αστάνα ολοκληρώθηκαν χωρίς κοινή δήλωση, είπε ο υπουργός.'],
  en: ['Talks in Astana end', 'Talks in Astana ended without a joint statement, the foreign minister said on Friday.'],
  th: ['การเจรจาสิ้นสุดลง', 'การเจรจาที่อัสตานาสิ้นสุดลงโดยไม่มีแถลงการณ์ร่วม รัฐมนตรีต่างประเทศกล่าวว่าการประชุมเป็นประโยชน์'],
  fa: [
    'پایان مذاکرات آستانه',
    'مذاکرات در آستانه بدون بیانیه مشترک به پایان رسید. وزیر امور خارجه گفت این نشست مفید بود.',
  ],
};

describe('detectLanguage', () => {
  test.each(Object.entries(ARTICLES))('finds %s from an article in it', (language, parts) => {
    expect(detectLanguage(parts)).toBe(language);
  });

  test('a text too short to be sure of is undetermined (und), not a guess', () => {
    expect(detectLanguage(['Hello'])).toBe('und');
    expect(detectLanguage(['2026'])).toBe('und');
  });

  test('reads the start of a long article: a long English body after a Russian headline is English', () => {
    const body = 'The delegations met again on Monday and agreed to continue the talks next week. '.repeat(40);
    expect(detectLanguage(['Переговоры', body])).toBe('en');
  });
});

describe('canonicalLanguageTag', () => {
  test.each([
    ['ru', 'ru'],
    ['pt-br', 'pt-BR'],
    ['zh-hant', 'zh-Hant'],
    [' es ', 'es'],
    ['rus', 'ru'],
  ])('%s is %s', (given, canonical) => {
    expect(canonicalLanguageTag(given)).toBe(canonical);
  });

  test.each(['english', 'en_GB', '', 'und', '12'])('%j is refused with a message naming it', (given) => {
    expect(() => canonicalLanguageTag(given)).toThrow(LanguageTagError);
    expect(() => canonicalLanguageTag(given)).toThrow(`"${given}" is not a BCP 47 language tag`);
  });
});

describe('isRightToLeft', () => {
  test.each(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'ku-Arab', 'ar-EG'])('%s is written right to left', (tag) => {
    expect(isRightToLeft(tag)).toBe(true);
    expect(textDirection(tag)).toBe('rtl');
  });

  test.each(['en', 'ru', 'zh', 'ja', 'el', 'th', 'ku', 'und', 'not a tag'])('%s is not', (tag) => {
    expect(isRightToLeft(tag)).toBe(false);
    expect(textDirection(tag)).toBe('ltr');
  });
});

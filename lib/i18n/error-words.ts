/**
 * The error pages' words in each language: kept apart from the dictionaries because the error
 * pages are client components (app/error.tsx, app/global-error.tsx) that pick them in the
 * browser from `<html lang>`, and must not carry every dictionary with them. The dictionaries
 * take theirs from here (written once).
 */
export interface ErrorWords {
  /** The language's tag and direction, for the page that replaces the whole document. */
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** A page failed to render. */
  page: string;
  /** The whole site failed (the layout too). */
  site: string;
  retry: string;
  home: string;
}

export const ERROR_WORDS = {
  en: {
    lang: 'en',
    dir: 'ltr',
    title: 'Something went wrong',
    page: 'This page could not be shown just now. Please try again in a moment.',
    site: 'The site could not be shown just now. Please try again in a moment.',
    retry: 'Try again',
    home: 'Go to the front page',
  },
  es: {
    lang: 'es',
    dir: 'ltr',
    title: 'Algo ha fallado',
    page: 'No se ha podido mostrar esta página. Vuelva a intentarlo dentro de un momento.',
    site: 'No se ha podido mostrar el sitio. Vuelva a intentarlo dentro de un momento.',
    retry: 'Volver a intentarlo',
    home: 'Ir a la portada',
  },
  ru: {
    lang: 'ru',
    dir: 'ltr',
    title: 'Что-то пошло не так',
    page: 'Не удалось показать эту страницу. Попробуйте ещё раз через минуту.',
    site: 'Не удалось показать сайт. Попробуйте ещё раз через минуту.',
    retry: 'Попробовать ещё раз',
    home: 'На главную страницу',
  },
  ar: {
    lang: 'ar',
    dir: 'rtl',
    title: 'حدث خطأ ما',
    page: 'تعذّر عرض هذه الصفحة الآن. يُرجى المحاولة مرة أخرى بعد قليل.',
    site: 'تعذّر عرض الموقع الآن. يُرجى المحاولة مرة أخرى بعد قليل.',
    retry: 'حاول مرة أخرى',
    home: 'الذهاب إلى الصفحة الأولى',
  },
} as const satisfies Record<string, ErrorWords>;

export type LanguageKey = keyof typeof ERROR_WORDS;

/** The error words for a language tag (`es-MX` → Spanish), English for one without a dictionary. */
export function errorWordsFor(tag: string | undefined): ErrorWords {
  const primary = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return primary in ERROR_WORDS ? ERROR_WORDS[primary as LanguageKey] : ERROR_WORDS.en;
}

/** The reader's display choices: what they are, where they are kept, and how they reach the page. */

export const THEMES = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;
export type Theme = (typeof THEMES)[number]['value'];
export const DEFAULT_THEME: Theme = 'system';

export const TEXT_SIZES = [
  { value: 'sm', label: 'Smaller' },
  { value: 'md', label: 'Default' },
  { value: 'lg', label: 'Large' },
  { value: 'xl', label: 'Larger' },
  { value: 'xxl', label: 'Largest' },
] as const;
export type TextSize = (typeof TEXT_SIZES)[number]['value'];
export const DEFAULT_TEXT_SIZE: TextSize = 'md';

export const THEME_KEY = 'reader-theme';
export const TEXT_SIZE_KEY = 'reader-text-size';

const storedThemes = THEMES.map(({ value }) => value).filter((value) => value !== DEFAULT_THEME);
const storedSizes = TEXT_SIZES.map(({ value }) => value).filter((value) => value !== DEFAULT_TEXT_SIZE);

/**
 * Runs in <head>, before the body is parsed, so the first paint already has the
 * reader's theme and text size. The defaults are the absence of an attribute, which
 * is also what a reader without JavaScript gets. `js` on <html> reveals the controls.
 */
export const preferencesScript = `(function(){var d=document.documentElement;d.classList.add('js');try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)}),s=localStorage.getItem(${JSON.stringify(TEXT_SIZE_KEY)});if(${JSON.stringify(storedThemes)}.indexOf(t)>=0)d.setAttribute('data-theme',t);if(${JSON.stringify(storedSizes)}.indexOf(s)>=0)d.setAttribute('data-text-size',s)}catch(e){}})()`;

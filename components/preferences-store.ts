import {
  DEFAULT_TEXT_SIZE,
  DEFAULT_THEME,
  TEXT_SIZES,
  TEXT_SIZE_KEY,
  THEMES,
  THEME_KEY,
  type TextSize,
  type Theme,
} from './reader-preferences';

/** The preferences as the page shows them (attributes on <html>), kept in localStorage for later visits. */

const CHANGE_EVENT = 'reader-preferences-change';
const isTheme = (value: unknown): value is Theme => THEMES.some((theme) => theme.value === value);
const isTextSize = (value: unknown): value is TextSize => TEXT_SIZES.some((size) => size.value === value);

export function currentTheme(): Theme {
  const value = document.documentElement.getAttribute('data-theme');
  return isTheme(value) ? value : DEFAULT_THEME;
}

export function currentTextSize(): TextSize {
  const value = document.documentElement.getAttribute('data-text-size');
  return isTextSize(value) ? value : DEFAULT_TEXT_SIZE;
}

function show(attribute: string, value: string, defaultValue: string) {
  if (value === defaultValue) document.documentElement.removeAttribute(attribute);
  else document.documentElement.setAttribute(attribute, value);
}

function remember(key: string, value: string, defaultValue: string) {
  try {
    if (value === defaultValue) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage can be full or forbidden (private modes): the choice then lasts for this page only.
  }
}

export function chooseTheme(theme: Theme) {
  show('data-theme', theme, DEFAULT_THEME);
  remember(THEME_KEY, theme, DEFAULT_THEME);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function chooseTextSize(size: TextSize) {
  show('data-text-size', size, DEFAULT_TEXT_SIZE);
  remember(TEXT_SIZE_KEY, size, DEFAULT_TEXT_SIZE);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** A choice made in another tab applies here too. */
function adoptStored(event: StorageEvent) {
  if (event.key === THEME_KEY)
    show('data-theme', isTheme(event.newValue) ? event.newValue : DEFAULT_THEME, DEFAULT_THEME);
  if (event.key === TEXT_SIZE_KEY)
    show('data-text-size', isTextSize(event.newValue) ? event.newValue : DEFAULT_TEXT_SIZE, DEFAULT_TEXT_SIZE);
}

export function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    adoptStored(event);
    onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * What the head script does, for documents it never ran in: React draws some pages
 * (Next's 404 after a failed lookup) in the browser, where an inserted script does not run.
 */
export function adoptStoredPreferences() {
  const root = document.documentElement;
  if (root.classList.contains('js')) return;
  root.classList.add('js');
  try {
    const theme = localStorage.getItem(THEME_KEY);
    const size = localStorage.getItem(TEXT_SIZE_KEY);
    show('data-theme', isTheme(theme) ? theme : DEFAULT_THEME, DEFAULT_THEME);
    show('data-text-size', isTextSize(size) ? size : DEFAULT_TEXT_SIZE, DEFAULT_TEXT_SIZE);
  } catch {
    // Storage forbidden: the defaults stand.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

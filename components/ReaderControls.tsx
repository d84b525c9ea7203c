'use client';

import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import {
  adoptStoredPreferences,
  chooseTextSize,
  chooseTheme,
  currentTextSize,
  currentTheme,
  subscribe,
} from './preferences-store';
import type { Words } from '@/lib/i18n';
import { DEFAULT_TEXT_SIZE, DEFAULT_THEME, TEXT_SIZES, THEMES } from './reader-preferences';

/**
 * Theme and text size. Hidden without JavaScript, where the page follows the device's settings.
 * The choices are drawn when the panel opens, not before: every page hydrates this header, and
 * a closed panel's two dozen elements were work at load for nothing.
 */
export function ReaderControls({ words }: { words: Words['reader'] }) {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => DEFAULT_THEME);
  const textSize = useSyncExternalStore(subscribe, currentTextSize, () => DEFAULT_TEXT_SIZE);
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const id = useId();

  useEffect(adoptStoredPreferences, []);

  // A menu-like panel closes on Escape or a click elsewhere, returning focus to its button.
  useEffect(() => {
    const panel = details.current;
    if (!panel) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !panel.open) return;
      panel.open = false;
      panel.querySelector('summary')?.focus();
    };
    const onClick = (event: MouseEvent) => {
      if (panel.open && event.target instanceof Node && !panel.contains(event.target)) panel.open = false;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, []);

  return (
    <details
      ref={details}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="relative hidden js:block print:hidden!"
    >
      <summary
        aria-label={words.summary}
        className="flex min-h-10 min-w-10 cursor-pointer items-center justify-center gap-2 rounded-sm border border-rule px-2.5 text-sm font-semibold hover:border-ink"
      >
        {/* Half light, half dark: how the page looks. */}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5">
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M10 2a8 8 0 0 1 0 16z" fill="currentColor" />
        </svg>
        <span className="hidden sm:inline">{words.display}</span>
      </summary>
      {open && (
        <div className="absolute end-0 z-30 mt-2 w-[min(18rem,calc(100vw-2rem))] rounded-sm border border-strong-rule bg-paper p-4 shadow-lg">
          <Choices
            legend={words.theme}
            name={`${id}-theme`}
            options={THEMES.map(({ value }) => ({ value, label: words.themes[value] }))}
            value={theme}
            onChange={chooseTheme}
            columns="grid-cols-3"
          />
          <Choices
            legend={words.textSize}
            name={`${id}-text-size`}
            options={TEXT_SIZES.map(({ value }) => ({ value, label: words.textSizes[value] }))}
            value={textSize}
            onChange={chooseTextSize}
            columns="grid-cols-3"
          />
        </div>
      )}
    </details>
  );
}

function Choices<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  columns,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  columns: string;
}) {
  return (
    <fieldset className="mb-3 last:mb-0">
      <legend className="mb-1.5 text-xs font-bold tracking-widest text-muted uppercase">{legend}</legend>
      <div className={`grid gap-1.5 ${columns}`}>
        {options.map((option) => (
          <label
            key={option.value}
            className="relative flex min-h-10 cursor-pointer items-center justify-center rounded-sm border border-rule px-2 text-sm has-checked:border-ink has-checked:bg-ink has-checked:font-semibold has-checked:text-paper has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
              className="absolute inset-0 cursor-pointer appearance-none opacity-0"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
